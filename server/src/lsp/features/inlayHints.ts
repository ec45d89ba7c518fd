import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { inlayHints as hintsOf } from '../../core/editor/inlayHints';
import type { NotesStore } from '../store';

/** The day each relative due date means, and who `me` is in `Action item for me`. */
export function inlayHints(store: NotesStore, params: InlayHintParams): InlayHint[] {
  const file = store.get(params.textDocument.uri);
  if (!file?.model.looksLikeNotes) return [];
  const { lines } = file.model;
  const range = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
  return hintsOf(file.model, range).map((hint) => ({ position: lines.positionAt(hint.offset), label: hint.label, tooltip: hint.tooltip, paddingLeft: true }));
}
