// Renaming a person everywhere they are written: attendee lists, speakers, owners and @handles,
// in every notes file. Each place keeps the form it was written in: `Mike` becomes the new first
// name, `Mike Johnson` the new full name, `@mike` the new handle.
import type { TextEdit } from '../edits';
import type { Span } from '../model';
import { normalizeName } from '../text/plain';
import { type DigestDoc, type NotesDoc, type PersonMention, mentionsOf, personAt } from './people';

export interface RenameTarget {
  span: Span;
  /** The person's full name: what the user edits. */
  placeholder: string;
}

export function prepareRename(doc: NotesDoc, offset: number): RenameTarget | null {
  const mention = personAt(doc.model, offset);
  return mention ? { span: mention.span, placeholder: mention.name } : null;
}

/** A file to rename in: its digest (a full model is one) and the text it was read from. */
export interface RenameDoc extends DigestDoc {
  text: string;
}

export type RenameResult<D extends RenameDoc = RenameDoc> = { edits: Array<{ doc: D; edits: TextEdit[] }> } | { error: string };

/** Each file's edits, with the file as given (`docs`: every file that may name the person). */
export function renamePerson<D extends RenameDoc>(docs: D[], doc: NotesDoc, offset: number, newName: string): RenameResult<D> {
  const mention = personAt(doc.model, offset);
  if (!mention) return { error: 'Put the cursor on a person (an attendee, speaker, owner or @handle) to rename them.' };
  const name = newName.trim().replace(/^@/, '').replace(/\s+/g, ' ');
  const problem = invalidName(name);
  if (problem) return { error: problem };
  const byDoc = new Map<string, { doc: D; edits: TextEdit[] }>();
  for (const { doc: d, mention: m } of mentionsOf(docs, mention.key)) {
    const written = d.text.slice(m.span.start, m.span.end);
    const replacement = renamedForm(written, m, name);
    if (replacement === written) continue;
    const entry = byDoc.get(d.uri) ?? { doc: d, edits: [] };
    entry.edits.push({ span: m.span, newText: replacement });
    byDoc.set(d.uri, entry);
  }
  return { edits: [...byDoc.values()] };
}

/** Why a new name cannot be used, or null. Characters that would change how a line is read are refused. */
export function invalidName(name: string): string | null {
  if (!name) return 'The new name is empty.';
  if (name.length > 60) return 'The new name is longer than 60 characters.';
  const bad = /[:,;()[\]{}|*_`<>#\\\n\r"]/.exec(name);
  if (bad) return `A name cannot contain "${bad[0]}": it would change how the notes are read.`;
  if (!/^[\p{L}]/u.test(name)) return 'A name starts with a letter.';
  return null;
}

/**
 * The new name in the form the old one was written: full name, first name, `first.last` handle,
 * `First L.` initial, in lower case when it was written in lower case.
 */
export function renamedForm(written: string, mention: Pick<PersonMention, 'name'>, newName: string): string {
  const handle = written.startsWith('@');
  const bare = handle ? written.slice(1) : written;
  const oldWords = mention.name.split(/\s+/);
  const newWords = newName.split(/\s+/);
  const separator = /[._-]/.exec(bare)?.[0];
  let result: string;
  if (normalizeName(bare) === normalizeName(mention.name)) {
    result = separator && oldWords.length > 1 ? newWords.join(separator) : newName;
  } else if (normalizeName(bare) === normalizeName(oldWords[0])) {
    result = newWords[0];
  } else if (/^\S+\s+\p{L}\.?$/u.test(bare) && newWords.length > 1) {
    result = `${newWords[0]} ${newWords[newWords.length - 1][0]}${bare.endsWith('.') ? '.' : ''}`;
  } else {
    result = handle ? newWords[0] : newName;
  }
  if (handle) result = result.replace(/\s+/g, '.');
  if (bare === bare.toLowerCase() && bare !== bare.toUpperCase()) result = result.toLowerCase();
  return (handle ? '@' : '') + result;
}
