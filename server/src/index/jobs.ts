import picomatch from 'picomatch';
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
  files: Array<{ path: string; known?: ReadOptions['known'] }>;
  maxBytes: number;
}

export type Job = DiscoverJob | IndexJob;

export function runJob(job: DiscoverJob): string[];
export function runJob(job: IndexJob): FileResult[];
export function runJob(job: Job): string[] | FileResult[];
export function runJob(job: Job): string[] | FileResult[] {
  if (job.type === 'discover') {
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
  return job.files.map(({ path, known }) => readNotesFile(path, { maxBytes: job.maxBytes, known }));
}
