import { statSync } from 'node:fs';
import picomatch from 'picomatch';
import { walkFolder } from '../files/discover';
import type { FileStat } from './cache';

// Finding a workspace's notes files, as a plain message in and out: run by a worker of its own
// (dist/discoverWorker.js), whose bundle holds only this and so starts at once, or by the server's
// thread when workers are not available.

export interface DiscoverJob {
  type: 'discover';
  folders: string[];
  /** Glob of notes files, relative to each folder (the `meetingNotes.files` setting). */
  include: string;
  /** `files.exclude` globs that are on. */
  excludes: string[];
  /** Each file's size and time too (a start with a cache: files found unchanged need no second look). */
  stats?: boolean;
}

/** A file found: its size and time when asked for (null when it could not be looked at). */
export interface FoundFile {
  path: string;
  stat: FileStat | null;
}

export function runDiscover(job: DiscoverJob): FoundFile[] {
  const include = picomatch(job.include, { dot: true, nocase: true });
  const exclude = job.excludes.length ? picomatch(job.excludes, { dot: true }) : () => false;
  const paths = job.folders.flatMap((folder) => {
    try {
      return walkFolder(folder, (rel) => include(rel) && !exclude(rel));
    } catch {
      return []; // a folder that went away
    }
  });
  return paths.map((path) => ({ path, stat: job.stats ? statOf(path) : null }));
}

function statOf(path: string): FileStat | null {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null; // looked at again when read
  }
}
