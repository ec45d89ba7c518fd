import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from '../vscodeLanguageServer';
import { personAt } from '../../core/editor/people';
import { prepareRename as prepare, renamePerson } from '../../core/editor/rename';
import { toRange, toTextEdits } from '../convert';
import type { NotesStore } from '../store';
import type { WorkspaceEditFactory } from './workspaceEdit';

/** Only people can be renamed: the name under the cursor, with the full name to edit. */
export function prepareRename(store: NotesStore, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const file = store.get(params.textDocument.uri);
  if (!file?.model.looksLikeNotes) return null;
  const target = prepare(file, file.model.lines.offsetAt(params.position));
  return target ? { range: toRange(file.model, target.span), placeholder: target.placeholder } : null;
}

/**
 * Renames a person in every notes file, one edit per file, each carrying the version of an open
 * document so that the editor refuses it if the text changed meanwhile. A closed file is edited
 * where its digest says it names the person, while it is the text the digest was read from (else
 * its model is made again); the edits are made for the files as read for the rename.
 */
export function rename(store: NotesStore, params: RenameParams, workspaceEdit: WorkspaceEditFactory): WorkspaceEdit | ResponseError | null {
  const file = store.get(params.textDocument.uri);
  if (!file?.model.looksLikeNotes) return null;
  const offset = file.model.lines.offsetAt(params.position);
  const result = renamePerson(store.textsNaming(personAt(file.model, offset)?.key), file, offset, params.newName);
  if ('error' in result) return new ResponseError(ErrorCodes.InvalidParams, result.error);
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const { doc, edits } of result.edits) {
    const edit = workspaceEdit(doc, toTextEdits(doc.model, edits));
    if (edit.documentChanges) documentChanges.push(...edit.documentChanges);
    if (edit.changes) Object.assign(changes, edit.changes);
  }
  return { ...(documentChanges.length ? { documentChanges } : {}), ...(Object.keys(changes).length ? { changes } : {}) };
}
