import picomatch from 'picomatch';
import { decodeModel, encodeModel } from '../core/serialize';
import { walkFolder } from '../files/discover';
import { type FileResult, type ReadOptions, readNotesFile } from './readNotesFile';

// The work an index worker does, as plain messages in and out (the same functions run in the
// server's own thread when workers are not available).

export interface DiscoverJob {
  type: 'discover';
  folders: string[];
  /** Glob of notes files, relative to each folder (the `meetingNotes.files` setting). */
  include: string;
  /** `files.exclude` globs that are on. */
  excludes: string[];
}

export interface IndexJob {
  type: 'index';
  files: Array<{ path: string; known?: ReadOptions['known']; wantText?: boolean }>;
  maxBytes: number;
}

export type Job = DiscoverJob | IndexJob;

/**
 * A file's result as it crosses between threads: a model travels as its JSON (`encodeModel`),
 * one string, which is far cheaper to pass than the object graph; `receive` rebuilds it.
 */
export type SentResult = Exclude<FileResult, { status: 'read' }> | (Omit<Extract<FileResult, { status: 'read' }>, 'model'> & { model: string | null });

export function runDiscover(job: DiscoverJob): string[] {
  const include = picomatch(job.include, { dot: true, nocase: true });
  const exclude = job.excludes.length ? picomatch(job.excludes, { dot: true }) : () => false;
  return job.folders.flatMap((folder) => {
    try {
      return walkFolder(folder, (rel) => include(rel) && !exclude(rel));
    } catch {
      return []; // a folder that went away
    }
  });
}

export function runIndex(job: IndexJob): FileResult[] {
  return job.files.map(({ path, known, wantText }) => readNotesFile(path, { maxBytes: job.maxBytes, known, wantText }));
}

export function send(result: FileResult): SentResult {
  return result.status === 'read' ? { ...result, model: result.model && JSON.stringify(encodeModel(result.model)) } : result;
}

export function receive(result: SentResult): FileResult {
  if (result.status !== 'read' || result.model === null) return result as FileResult;
  return { ...result, model: decodeModel(result.text, JSON.parse(result.model)), modelJson: result.model };
}
