import { type NotesDigest, decodeDigest, encodeDigest } from '../core/digest';
import type { NotesModel } from '../core/model';
import { decodeModel, encodeModel } from '../core/serialize';

// A notes file as the server's index stores it: the digest's JSON, a tab, the model's JSON (JSON
// text has no raw tab). A workspace read from the cache reads only the digests (the cache does not
// decode what follows a value's tab); a file's model is read from the cache again when a feature
// asks for it.

export function storedJson(model: NotesModel): string {
  return `${JSON.stringify(encodeDigest(model))}\t${JSON.stringify(encodeModel(model))}`;
}

/** The digest of `storedJson`'s text, or of its first part alone (as the cache reads it); throws on text of another shape. */
export function storedDigest(json: string): NotesDigest {
  const tab = json.indexOf('\t');
  return decodeDigest(JSON.parse(tab < 0 ? json : json.slice(0, tab)));
}

/** The digest at the start of `storedJson`'s text in UTF-8 bytes (only that part is decoded); throws on text of another shape. */
export function storedDigestOf(bytes: Uint8Array): NotesDigest {
  const tab = bytes.indexOf(TAB);
  return decodeDigest(JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, tab < 0 ? bytes.byteLength : tab).toString('utf8')));
}

const TAB = 9;

/** The full model of `storedJson`'s text, given the file's text; throws on JSON of another shape. */
export function storedModel(json: string, text: string): NotesModel {
  return decodeModel(text, JSON.parse(json.slice(json.indexOf('\t') + 1)));
}
