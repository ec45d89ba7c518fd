import { type SeriesIndex, buildSeries } from '../core/series';
import type { NotesFile, NotesStore } from './store';

/**
 * The meeting series across the workspace's notes files, rebuilt when a file's model changes (a
 * new version, a file read from disk, added or removed); between changes every request shares one.
 */
export class SeriesTracker {
  private files: NotesFile[] = [];
  private index: SeriesIndex = buildSeries([]);
  private previous: SeriesIndex = this.index;

  constructor(private readonly store: NotesStore) {}

  current(): SeriesIndex {
    const files = this.store.files();
    if (files.length !== this.files.length || files.some((f, i) => f.uri !== this.files[i].uri || f.model !== this.files[i].model)) {
      this.previous = this.index;
      this.index = buildSeries(files.map((f) => ({ file: f.uri, model: f.model })), this.index);
      this.files = files;
    }
    return this.index;
  }

  /**
   * The series as last worked out, without working them out again: while the workspace is being
   * indexed, files arrive by the hundred and rebuilding every series for each listing took
   * ~130 ms of each second of a 10,000-file scan. New files are in them once the scan ends.
   */
  latest(): SeriesIndex {
    return this.index;
  }

  /**
   * The files that share a series with one of the given files, now or before the latest change (a
   * file may have left one), the given files included when they are in a series.
   */
  matesOf(uris: string[]): Set<string> {
    const now = this.current();
    const mates = new Set<string>();
    for (const index of [now, this.previous]) {
      for (const uri of uris) {
        for (const series of index.seriesOf(uri)) for (const meeting of series.meetings) mates.add(meeting.file);
      }
    }
    return mates;
  }
}
