import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { analyzeNotes } from '../core/analyze';
import { decodeNotes, tooBig } from '../core/decode';
import type { NotesModel } from '../core/model';
import { mayBeNotes } from '../core/prefilter';
import { type FileSummary, summarize } from '../core/summary';
import { type CacheEntry, type FileStat, freshness } from './cache';

/** What indexing found for one file. `unchanged`: the cached result still holds. */
export type FileResult =
  | { path: string; status: 'unchanged'; stat: FileStat; hash: string }
  | { path: string; status: 'read'; stat: FileStat; hash: string; summary: FileSummary; model?: NotesModel }
  | { path: string; status: 'skipped'; stat: FileStat | null; hash: string | null; reason: string }
  | { path: string; status: 'gone' };

/** The summary of a file that cannot be notes (the pre-filter said so): nothing to list. */
export const NOT_NOTES: FileSummary = Object.freeze({ looksLikeNotes: false, meetings: [], items: [], decisions: [] }) as FileSummary;

export interface ReadOptions {
  maxBytes: number;
  /** The cached entry for this path, if any: when it still holds, the file is not analysed. */
  known?: Pick<CacheEntry<unknown>, 'size' | 'mtimeMs' | 'hash' | 'checkedAt'>;
  /** Also return the model (the server keeps a few for commands on files that are not open). */
  keepModel?: boolean;
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
  if (known && freshness(known, stat) === 'fresh') return { path, status: 'unchanged', stat, hash: known.hash };
  const big = tooBig(stat.size, options.maxBytes);
  if (big) return { path, status: 'skipped', stat, hash: null, reason: big }; // never read into memory
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { path, status: 'skipped', stat, hash: null, reason: (error as Error).message };
  }
  const hash = createHash('sha1').update(bytes).digest('hex');
  if (known && known.hash === hash && !options.keepModel) return { path, status: 'unchanged', stat, hash };
  const decoded = decodeNotes(bytes, options.maxBytes);
  if (!decoded.ok) return { path, status: 'skipped', stat, hash, reason: decoded.reason };
  if (!mayBeNotes(decoded.text, path)) return { path, status: 'read', stat, hash, summary: NOT_NOTES };
  try {
    const model = analyzeNotes(decoded.text, { fileName: path });
    return { path, status: 'read', stat, hash, summary: summarize(model), ...(options.keepModel ? { model } : {}) };
  } catch (error) {
    return { path, status: 'skipped', stat, hash, reason: `could not be analysed (${(error as Error).message}); please report this` };
  }
}
