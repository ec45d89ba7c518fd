import { type SeriesIndex, buildSeries, buildSeriesSteps, isNear, reportsAny, workToKeepSteps } from '../core/series';
import type { SeriesMemory } from '../index/seriesMemory';
import { drainInSlices } from '../core/steps';
import type { NotesStore, WorkspaceSource } from './store';

/**
 * The meeting series across the workspace's notes files (from their digests), rebuilt when a
 * file's digest changes (a new version, a file read from disk, added or removed); between changes
 * every request shares one.
 */
export class SeriesTracker {
  private files: readonly WorkspaceSource[] = [];
  private index: SeriesIndex = buildSeries([]);
  private previous: SeriesIndex = this.index;
  private built = false;
  private settling = 0;

  /** Where the work followed through the series is kept between runs (none: not kept). */
  memory: SeriesMemory | null = null;

  constructor(private readonly store: Pick<NotesStore, 'digests' | 'digestOf'>) {}

  current(): SeriesIndex {
    const files = this.store.digests();
    if (this.changed(files)) this.use(files, buildSeries(files, this.index));
    return this.index;
  }

  /**
   * Works the series out again in slices of a few milliseconds, the server answering requests in
   * between, once a scan has read the workspace (every series at once took ~0.5 s of 10,000 files);
   * meanwhile `whileIndexing` serves the previous ones.
   */
  async settle(): Promise<void> {
    this.settling++;
    try {
      const files = this.store.digests();
      if (!this.changed(files)) return;
      // The first time, the work followed in the last run is taken where the files read the same.
      const remembered = this.built ? undefined : (this.memory?.load() ?? undefined);
      const index = await drainInSlices(buildSeriesSteps(files, this.index, remembered));
      if (!index) return;
      this.use(files, index);
      // Written when it says something new (not after a start that took every series from it),
      // worked out in slices too: after a first scan it is every series' (~0.1 s at once with 10,000 files).
      const memory = this.memory;
      if (memory) {
        const work = await drainInSlices(workToKeepSteps(index, files, remembered));
        if (work) void memory.save(work);
      }
    } finally {
      this.settling--;
    }
  }

  /** False while `settle` runs. */
  get settled(): boolean {
    return this.settling === 0;
  }

  private changed(files: readonly WorkspaceSource[]): boolean {
    if (this.built && files === this.files) return false; // the store's same list: nothing changed
    return !this.built || files.length !== this.files.length || files.some((f, i) => f.uri !== this.files[i].uri || f.digest !== this.files[i].digest);
  }

  private use(files: readonly WorkspaceSource[], index: SeriesIndex): void {
    this.previous = this.index;
    this.index = index;
    this.files = files;
    this.built = true;
  }

  /**
   * The series for a request while the workspace is being indexed: as last worked out (none before
   * the first scan ends). Files arrive by the hundred: working every series out again for each
   * keystroke's diagnostics made them take 90–110 ms instead of ~10 with 10,000 files, and working
   * them out once from the files read so far took ~0.8 s of a warm start's 2.5 s; the series are
   * incomplete until the scan ends anyway, and the open documents' diagnostics and the view are
   * refreshed then.
   */
  whileIndexing(): SeriesIndex {
    return this.index;
  }

  /**
   * Whether a file's findings may change with the given files: it shares a series with one of them,
   * now or before the latest change (a file may have left one), or lies near one that reports work
   * done, or did (a standup's report closes a weekly's item beside it; see `isNear`). Which of the
   * changed files report work is read only when a file outside their series is asked about: a
   * long document's reports are its statements walked (~3 ms for a 1 MB transcript), and mostly the
   * one open document is the one that changed.
   */
  matesOf(uris: string[]): (uri: string) => boolean {
    const now = this.current();
    const mates = new Set<string>();
    for (const index of [now, this.previous]) {
      for (const uri of uris) {
        for (const series of index.seriesOf(uri)) for (const meeting of series.meetings) mates.add(meeting.file);
      }
    }
    // What was known before this change, taken now: until the files are read again they are unknown.
    const before = uris.map((uri) => this.reported.get(uri));
    for (const uri of uris) this.reported.delete(uri);
    let reporting: string[] | null = null;
    return (uri) => {
      if (mates.has(uri)) return true;
      // A changed file's own findings follow its change (the editor asks for them again): only the
      // other changed files' reports count for it.
      if (uris.every((changed) => changed === uri)) return false;
      reporting ??= this.reportingAmong(uris, before);
      return reporting.some((file) => file !== uri && isNear(uri, file));
    };
  }

  /** Whether each file reported work done when `matesOf` last looked (one not looked at yet may have). */
  private readonly reported = new Map<string, boolean>();

  /** The files among `uris` that report work done, or did when last looked at (`before`; undefined: not looked at yet, so may have). */
  private reportingAmong(uris: string[], before: Array<boolean | undefined>): string[] {
    return uris.filter((uri, i) => {
      const digest = this.store.digestOf(uri)?.digest;
      const source = digest && { file: uri, model: digest };
      const reports = !!source && reportsAny(source);
      if (source) this.reported.set(uri, reports);
      return reports || before[i] !== false;
    });
  }
}
