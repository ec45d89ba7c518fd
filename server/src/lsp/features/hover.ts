import type { Hover, HoverParams } from 'vscode-languageserver';
import { MarkupKind } from '../vscodeLanguageServer';
import { hoverAt } from '../../core/editor/hover';
import { toRange } from '../convert';
import type { NotesStore } from '../store';

/** Hover on a due date, a person, a summary entry or a recorded statement. */
export function hover(store: NotesStore, params: HoverParams, today: string): Hover | null {
  const file = store.get(params.textDocument.uri);
  if (!file?.model.looksLikeNotes) return null;
  const found = hoverAt(store.digestDocs(), file, file.model.lines.offsetAt(params.position), today);
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(file.model, found.span) } : null;
}
