import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocumentEdit } from '../vscodeLanguageServer';
import type { NotesFile } from '../store';

export type WorkspaceEditFactory = (file: Pick<NotesFile, 'uri' | 'version'>, edits: TextEdit[]) => WorkspaceEdit;

/**
 * Edits carry the version they were computed on, so the editor refuses them if the text has changed
 * since (clients without versioned edits get plain changes).
 */
export function workspaceEditFactory(versioned: boolean): WorkspaceEditFactory {
  return (file, edits) =>
    versioned
      ? { documentChanges: [TextDocumentEdit.create({ uri: file.uri, version: file.version }, edits)] }
      : { changes: { [file.uri]: edits } };
}
