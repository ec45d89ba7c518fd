import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { SymbolKind, SymbolTag } from '../vscodeLanguageServer';
import { type FoundEntry, searchEntries } from '../../core/editor/search';
import type { NotesStore } from '../store';

const KINDS: Record<FoundEntry['kind'], SymbolKind> = { action: SymbolKind.Field, commitment: SymbolKind.Key, decision: SymbolKind.Event };

/** Items and decisions of every notes file (from their digests), found by words or owner (`@tom`). Done items are struck through. */
export function workspaceSymbols(store: NotesStore, params: WorkspaceSymbolParams): SymbolInformation[] {
  return searchEntries(store.digestDocs(), params.query).map((entry) => ({
    name: entry.name,
    kind: KINDS[entry.kind],
    location: { uri: entry.doc.uri, range: entry.doc.model.lines.rangeOf(entry.span) },
    containerName: entry.container,
    ...(entry.done ? { tags: [SymbolTag.Deprecated] } : {}),
  }));
}
