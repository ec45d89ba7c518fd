import type { NotesModel } from '../core/model';
import type { DiscoverJob } from './discoverJob';
import { type FileResult, type ReadOptions, readNotesFile } from './readNotesFile';
import type { NotesDigest } from '../core/digest';
import { storedDigestOf, storedJson } from './stored';

// The work an index worker does, as plain messages in and out (the same functions run in the
// server's own thread when workers are not available). Finding the files is in discoverJob.ts.

export { type DiscoverJob, type FoundFile, runDiscover } from './discoverJob';

export interface IndexJob {
  type: 'index';
  files: Array<{ path: string; known?: ReadOptions['known'] }>;
  maxBytes: number;
}

export type Job = DiscoverJob | IndexJob;

type ReadResult = Extract<FileResult, { status: 'read' }>;

/**
 * A file's result as it crosses between threads: a model travels as the JSON of its digest, which
 * the index stores (`storedJson`), in UTF-8 bytes handed over rather than copied (see
 * `transferables`): the server decodes them and writes them to the cache as they are. Far cheaper
 * than the object graph, or than the JSON as a string, which the server's heap would hold (and
 * copy as it ages) until it is written. Without the file's text, which the server does not keep.
 */
export type SentResult = Exclude<FileResult, { status: 'read' }> | (Omit<ReadResult, 'model' | 'text'> & { json: Uint8Array | null });

/**
 * A result as the server takes it: a notes file that was read comes as its digest, and the JSON the
 * cache stores when a worker sent it, or its model when read in this thread (encoded only if there
 * is a cache to write); `digest` is null for a file that cannot be notes.
 */
export type IndexedResult = Exclude<FileResult, { status: 'read' }> | (Omit<ReadResult, 'model' | 'text'> & { digest: NotesDigest | null; json: Uint8Array | null; model?: NotesModel });

export function runIndex(job: IndexJob): FileResult[] {
  return job.files.map(({ path, known }) => readNotesFile(path, { maxBytes: job.maxBytes, known }));
}

export function send(result: FileResult): SentResult {
  if (result.status !== 'read') return result;
  const { model, text: _text, ...rest } = result;
  return { ...rest, json: model && utf8.encode(storedJson(model)) };
}

const utf8 = new TextEncoder();

/** The buffers of results to hand over to the receiving thread (each result's own: `TextEncoder` makes a new one per call). */
export function transferables(results: SentResult[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const result of results) if (result.status === 'read' && result.json) buffers.push(result.json.buffer as ArrayBuffer);
  return buffers;
}

/** A worker's result: only the digest is read now. */
export function receive(result: SentResult): IndexedResult {
  if (result.status !== 'read') return result;
  return { ...result, digest: result.json === null ? null : storedDigestOf(result.json) };
}

/** A result read in this thread: its model is at hand. */
export function local(result: FileResult): IndexedResult {
  if (result.status !== 'read') return result;
  const { model, text: _text, ...rest } = result;
  return model ? { ...rest, digest: model, json: null, model } : { ...rest, digest: null, json: null };
}
