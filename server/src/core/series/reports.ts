import type { NotesDigest } from '../digest';
import { type DoneReport, doneReportsOfModel } from '../extract/doneReports';
import type { NotesModel } from '../model';
import { folderOf, inMeetingOrder } from './identify';
import type { SeriesSource } from './types';

// Work reported done in any dated meeting near a file, whatever series the meeting is in: a daily
// standup's `Raj: merged the cache fix` closes the item a weekly gave Raj, when both sets of notes
// live side by side. Near: under the folder above the file's own (`notes/standups/…` and
// `notes/weekly/…`; `team-a/notes/…` and not `team-b/notes/…`), so that another team's Raj does not
// close this team's work.

/** A report of finished work, with the meeting it was said in. */
export interface ReportNear {
  file: string;
  /** Index into the file's meetings. */
  meeting: number;
  date: string;
  title: string;
  report: DoneReport;
}

/** The reports of every file but the long documents read when asked (see `readWhenAsked`), in date order. */
export type KeptReports = readonly ReportNear[];

/** Each file's reports, worked out once per digest (an editor's model of a file is a new one at each change). */
const ofDigest = new WeakMap<NotesDigest, { file: string; reports: ReportNear[] }>();

function reportsOfSource({ file, model }: SeriesSource): ReportNear[] {
  const known = ofDigest.get(model);
  if (known?.file === file) return known.reports;
  const reports: ReportNear[] = [];
  for (const report of model.reports ?? doneReportsOfModel(model as NotesModel)) {
    const meeting = model.meetings[report.meeting];
    if (meeting?.date) reports.push({ file, meeting: report.meeting, date: meeting.date, title: meeting.title, report });
  }
  ofDigest.set(model, { file, reports });
  return reports;
}

/**
 * Whether a file's reports are read when asked rather than kept: a long document's full model (an
 * open transcript being edited) has none worked out, and reading its thousands of statements for
 * them takes ~1 ms of each keystroke, most often for nothing (no later meeting). Every other file's
 * are kept: asking each of 10,000 files read by the command line at every question took 30 s.
 */
function readWhenAsked(source: SeriesSource): boolean {
  return source.model.reports === undefined && ((source.model as Partial<NotesModel>).statements?.length ?? 0) > LONG_DOCUMENT_STATEMENTS;
}

/** Statements from which a document is long (a 1 MB transcript has ~6,000; a weekly's notes a few dozen). */
const LONG_DOCUMENT_STATEMENTS = 1000;

/** Where the sources whose reports are read when asked are among them. */
export function readWhenAskedAmong(sources: readonly SeriesSource[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < sources.length; i++) if (readWhenAsked(sources[i])) at.push(i);
  return at;
}

/** Whether two versions of a file leave the reports kept as they are (a keystroke, a file saved with the same reports). */
export function sameReports(was: SeriesSource, now: SeriesSource): boolean {
  if (readWhenAsked(was) || readWhenAsked(now)) return readWhenAsked(was) && readWhenAsked(now);
  if (was.model.reports !== undefined && was.model.reports === now.model.reports) return true; // a digest's same list
  return JSON.stringify(reportsOfSource(was)) === JSON.stringify(reportsOfSource(now));
}

/** Whether a file reports any work done. */
export function reportsAny(source: SeriesSource): boolean {
  return reportsOfSource(source).length > 0;
}

/** The reports of every file but those read when asked, in date order. */
export function keptReports(sources: readonly SeriesSource[]): KeptReports {
  const kept: ReportNear[] = [];
  for (const source of sources) if (!readWhenAsked(source)) for (const near of reportsOfSource(source)) kept.push(near);
  return kept.sort(inMeetingOrder);
}

/**
 * The reports in meetings dated after `date` in the files near `file`, earliest first: those kept,
 * and those of the files read when asked (`unread`) that have a meeting after `date`.
 */
export function laterReportsNear(kept: KeptReports, unread: readonly SeriesSource[], file: string, date: string): ReportNear[] {
  const near = isNearTo(file);
  const found: ReportNear[] = [];
  for (let i = firstAfter(kept, date); i < kept.length; i++) if (near(kept[i].file)) found.push(kept[i]);
  for (const source of unread) {
    if (!near(source.file) || !source.model.meetings.some((m) => m.date !== null && m.date > date)) continue;
    for (const r of reportsOfSource(source)) if (r.date > date) found.push(r);
  }
  return found.sort(inMeetingOrder);
}

/** Where the first report dated after `date` is in the date-ordered `reports`. */
function firstAfter(reports: KeptReports, date: string): number {
  let low = 0;
  let high = reports.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (reports[mid].date > date) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Whether `other` lies under the folder above `file`'s own (everything, for files without two folders above them). */
export function isNear(file: string, other: string): boolean {
  return isNearTo(file)(other);
}

function isNearTo(file: string): (other: string) => boolean {
  const area = folderOf(folderOf(file));
  return (other) => !area || other.startsWith(`${area}/`) || other.startsWith(`${area}\\`);
}
