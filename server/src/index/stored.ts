import { type NotesDigest, decodeDigest, encodeDigest } from '../core/digest';
import type { NotesModel } from '../core/model';
import { decodeModel, encodeModel } from '../core/serialize';
import { asciiOnly } from './cache';

// A notes file as the server's index stores it: the digest's JSON, a tab, the model's JSON (JSON
// text has no raw tab). A workspace read from the cache parses only the digests; a file's model
// is read from the cache again when a feature asks for it.

export function storedJson(model: NotesModel): string {
  return asciiOnly(`${JSON.stringify(encodeDigest(model))}\t${JSON.stringify(encodeModel(model))}`);
}

/** The digest of `storedJson`'s text; throws on text of another shape. */
export function storedDigest(json: string): NotesDigest {
  const tab = json.indexOf('\t');
  if (tab < 0) throw new Error('stored file has no model');
  return decodeDigest(JSON.parse(json.slice(0, tab)));
}

/** The full model of `storedJson`'s text, given the file's text; throws on JSON of another shape. */
export function storedModel(json: string, text: string): NotesModel {
  return decodeModel(text, JSON.parse(json.slice(json.indexOf('\t') + 1)));
}
