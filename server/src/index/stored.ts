import { type NotesDigest, decodeDigest, encodeDigest } from '../core/digest';
import type { NotesModel } from '../core/model';

// A notes file as the server's index stores it: its digest's JSON. Its full model is not stored: a
// feature that needs one (a rename, a carry-over into the file) has the file analysed again
// (~0.25 ms for a 2 KB file, against ~0.05 ms to decode a stored model), while storing every
// file's model took a fifth of an index worker's time per file and made the cache five times larger.

export function storedJson(model: NotesModel): string {
  return JSON.stringify(encodeDigest(model));
}

/** The digest of `storedJson`'s text; throws on text of another shape. */
export function storedDigest(json: string): NotesDigest {
  return decodeDigest(JSON.parse(json));
}

/** The digest of `storedJson`'s text in UTF-8 bytes; throws on text of another shape. */
export function storedDigestOf(bytes: Uint8Array): NotesDigest {
  return storedDigest(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
}
