import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { FoldingRangeKind } from '../vscodeLanguageServer';
import { foldingRanges as foldsOf } from '../../core/editor/folding';
import type { NotesStore } from '../store';

/** Transcripts, long statements, summary sections and the meetings of a running log. */
export function foldingRanges(store: NotesStore, params: FoldingRangeParams): FoldingRange[] {
  const file = store.get(params.textDocument.uri);
  if (!file?.model.looksLikeNotes) return [];
  return foldsOf(file.model).map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Region, collapsedText: f.collapsedText }));
}
