import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { analyzeNotes } from '../core/analyze';
import { decodeNotes, tooBig } from '../core/decode';
import type { NotesModel } from '../core/model';
import { mayBeNotes } from '../core/prefilter';
import { type CacheEntry, type FileStat, freshness } from './cache';

/**
 * What indexing found for one file. `unchanged`: the cached result still holds (with the text
 * when asked: a rename edits it where its digest says). `read`: analysed; `model` is null when the
 * file cannot be meeting notes.
 */
export type FileResult =
  | { path: string; status: 'unchanged'; stat: FileStat; hash: string; text?: string }
  | { path: string; status: 'read'; stat: FileStat; hash: string; text: string; model: NotesModel | null }
  | { path: string; status: 'skipped'; stat: FileStat | null; hash: string | null; reason: string }
  | { path: string; status: 'gone' };

export interface ReadOptions {
  maxBytes: number;
  /** The cached entry for this path, if any: when it still holds, the file is not analysed. */
  known?: Pick<CacheEntry<unknown>, 'size' | 'mtimeMs' | 'hash' | 'checkedAt'>;
  /** Return the text of an unchanged file too. */
  wantText?: boolean;
}

/** Stats, reads, decodes, pre-filters and analyses one notes file; never throws. */
export function readNotesFile(path: string, options: ReadOptions): FileResult {
  let stat: FileStat;
  try {
    const s = statSync(path);
    stat = { size: s.size, mtimeMs: s.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, status: 'gone' };
    return { path, status: 'skipped', stat: null, hash: null, reason: (error as Error).message };
  }
  const known = options.known && { ...options.known, value: null };
  if (known && !options.wantText && freshness(known, stat) === 'fresh') return { path, status: 'unchanged', stat, hash: known.hash };
  const big = tooBig(stat.size, options.maxBytes);
  if (big) return { path, status: 'skipped', stat, hash: null, reason: big }; // never read into memory
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { path, status: 'skipped', stat, hash: null, reason: (error as Error).message };
  }
  const fresh = known && freshness(known, stat) === 'fresh';
  const hash = fresh ? known.hash : createHash('sha1').update(bytes).digest('hex');
  const decoded = decodeNotes(bytes, options.maxBytes);
  if (!decoded.ok) return { path, status: 'skipped', stat, hash, reason: decoded.reason };
  if (known && known.hash === hash) return { path, status: 'unchanged', stat, hash, ...(options.wantText ? { text: decoded.text } : {}) };
  if (!mayBeNotes(decoded.text, path)) return { path, status: 'read', stat, hash, text: decoded.text, model: null };
  try {
    const model = analyzeNotes(decoded.text, { fileName: path });
    return { path, status: 'read', stat, hash, text: decoded.text, model: model.looksLikeNotes ? model : null };
  } catch (error) {
    return { path, status: 'skipped', stat, hash, reason: `could not be analysed (${(error as Error).message}); please report this` };
  }
}
