import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { SymbolKind, SymbolTag } from '../vscodeLanguageServer';
import { type FoundEntry, searchEntries } from '../../core/editor/search';
import { toRange } from '../convert';
import type { NotesStore } from '../store';

const KINDS: Record<FoundEntry['kind'], SymbolKind> = { action: SymbolKind.Field, commitment: SymbolKind.Key, decision: SymbolKind.Event };

/** Items and decisions of every notes file, found by words or owner (`@tom`). Done items are struck through. */
export function workspaceSymbols(store: NotesStore, params: WorkspaceSymbolParams): SymbolInformation[] {
  return searchEntries(store.files(), params.query).map((entry) => ({
    name: entry.name,
    kind: KINDS[entry.kind],
    location: { uri: entry.doc.uri, range: toRange(entry.doc.model, entry.span) },
    containerName: entry.container,
    ...(entry.done ? { tags: [SymbolTag.Deprecated] } : {}),
  }));
}
