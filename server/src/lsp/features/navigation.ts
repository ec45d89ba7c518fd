import type { DefinitionParams, Location, ReferenceParams } from 'vscode-languageserver';
import { type Place, definitionAt, referencesAt } from '../../core/editor/navigation';
import { personAt } from '../../core/editor/people';
import { toRange } from '../convert';
import type { NotesStore } from '../store';

const toLocation = ({ doc, span }: Place): Location => ({ uri: doc.uri, range: toRange(doc.model, span) });

/** From a summary entry to where it was said and back; from a person to their attendee line. */
export function definition(store: NotesStore, params: DefinitionParams): Location[] | null {
  const file = store.get(params.textDocument.uri);
  if (!file?.model.looksLikeNotes) return null;
  const offset = file.model.lines.offsetAt(params.position);
  const places = definitionAt(store.digestsNaming(personAt(file.model, offset)?.key), file, offset);
  return places.length ? places.map(toLocation) : null;
}

/** An entry with its twin and statements; a person's items across the workspace. */
export function references(store: NotesStore, params: ReferenceParams): Location[] | null {
  const file = store.get(params.textDocument.uri);
  if (!file?.model.looksLikeNotes) return null;
  const offset = file.model.lines.offsetAt(params.position);
  const places = referencesAt(store.digestsNaming(personAt(file.model, offset)?.key), file, offset, params.context.includeDeclaration);
  return places.length ? places.map(toLocation) : null;
}
