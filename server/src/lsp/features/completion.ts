import type { CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from '../vscodeLanguageServer';
import { type CompletionText, completionsAt } from '../../core/editor/completion';
import { toRange } from '../convert';
import type { NotesStore } from '../store';

const KINDS: Record<CompletionText['kind'], CompletionItemKind> = {
  person: CompletionItemKind.Reference,
  date: CompletionItemKind.Value,
  heading: CompletionItemKind.Keyword,
};

/** People, due-date phrases and section headings, each replacing what has been typed of it. */
export function completion(store: NotesStore, params: CompletionParams, today: string): CompletionList | null {
  const file = store.get(params.textDocument.uri);
  if (!file?.model.looksLikeNotes) return null;
  const found = completionsAt(store.digestDocs(), file, file.model.lines.offsetAt(params.position), today);
  if (!found) return null;
  const range = toRange(file.model, found.replace);
  const items = found.items.map(
    (c): CompletionItem => ({
      label: c.label,
      kind: KINDS[c.kind],
      ...(c.description ? { labelDetails: { description: c.description } } : {}),
      detail: c.detail ?? c.description,
      filterText: c.filterText,
      sortText: c.sortText,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: c.insertText },
    }),
  );
  return { isIncomplete: false, items };
}
