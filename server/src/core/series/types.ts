// A meeting series: the notes of one recurring meeting (same title in one folder, or the meetings
// of one running log file), read in date order, with each piece of work followed from meeting to meeting.
import type { NotesDigest } from '../digest';
import type { DoneReport } from '../extract/doneReports';
import type { ItemStatus } from '../model';
import type { ReportNear } from './reports';

/** One notes file as the series see it: `file` is whatever names it for the caller (a path, a URI). */
export interface SeriesSource {
  file: string;
  model: NotesDigest;
  /**
   * Given when the digest is that of a file's content as it is stored (its hash, the analyzer being
   * the same): the same stamp, the same digest. A series whose files all have one is checked
   * against remembered work by their stamps, without reading what following its work reads.
   */
  stamp?: string;
}

/** A meeting of a series, at its place in date order. */
export interface SeriesMeeting {
  file: string;
  /** Index into the file's `model.meetings`. */
  meeting: number;
  date: string;
  title: string;
  /** 0 for the series' first meeting. */
  position: number;
  /**
   * Whether this meeting reviews the earlier meetings' items, so that an open item missing from it
   * was dropped: it has an action-items section titled as a review (`Status of last week's action
   * items`, `Previous action items`, `Carried over`…), or at least two of its entries continue
   * items of earlier meetings.
   */
  hasStatusList: boolean;
}

/** One mention of a piece of work in one meeting: a summary entry, with its COMMITMENTS/ACTION ITEMS twin. */
export interface SeriesEntry {
  file: string;
  /** The entry the series' findings are reported on (the action item of a twin pair). */
  itemId: string;
  /** Every item of the entry: itemId and its twins. */
  itemIds: string[];
  meeting: SeriesMeeting;
  status: ItemStatus;
}

/** A piece of work followed across the series: its entries in date order. */
export interface WorkThread {
  entries: SeriesEntry[];
}

export interface Series {
  /** Stable for the same files: `log:<file>` or `<folder>|<normalised title>`. */
  id: string;
  title: string;
  meetings: SeriesMeeting[];
  threads: WorkThread[];
  /** Work reported done in the series' meetings (`Yesterday: finished …`), in meeting order. */
  reports: SeriesReport[];
}

/** A report of finished work in one meeting of a series. */
export interface SeriesReport {
  meeting: SeriesMeeting;
  report: DoneReport;
}

/** What the series say about one item. */
export interface ItemInSeries {
  series: Series;
  thread: WorkThread;
  entry: SeriesEntry;
  previous: SeriesEntry | null;
  /** The same work in a later meeting: this entry is superseded, the later one tells how it stands. */
  next: SeriesEntry | null;
  /** Meetings between the work's first entry and this one (0 in the meeting that recorded it). */
  waited: number;
  /** For an open entry that no later meeting mentions: the first later meeting whose status list left it out. */
  omittedIn: SeriesMeeting | null;
}

/** Every series of a set of files, and what they say about each item. */
export interface SeriesIndex {
  series: Series[];
  /** The series information of an item, by file and item id (each twin of an entry has it too). */
  item(file: string, itemId: string): ItemInSeries | undefined;
  /** The series a file has meetings in. */
  seriesOf(file: string): Series[];
  /**
   * Work reported done in any series, or none, after a date: the reports in meetings dated after
   * `date` in the files near `file` (see `isNear`), earliest first.
   */
  laterReports(file: string, date: string): readonly ReportNear[];
}
