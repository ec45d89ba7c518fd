import { shortLabel } from '../dates/calendar';
import { reportCloses } from '../match/doneWork';
import { ownerIncludes } from '../match/link';
import type { ActionItem } from '../model';
import type { ReportNear, Series } from '../series';
import { type Rule, describe, fileLabel, message, named, openItems, seriesInfo } from './rule';

// An open item whose owner said, in a later meeting, that the work is done (a standup's
// `Yesterday: finished the rollback script`): the notes still say open, so it is reported with a
// fix that marks it complete. Later: in the item's series, after its meeting; or in any other
// meeting near its file (a daily standup beside a weekly, see `isNear`) on a later day. Only the
// work's latest entry, and only reports of its owner's work: by the owner (taken at their word
// about their own work), or naming the owner's work as theirs (`Lena: merged Raj's rollback script`).

export const reportedDone: Rule = {
  code: 'reported-done',
  defaultSeverity: 'information',
  check(model, ctx) {
    const series = ctx.series.index.seriesOf(ctx.series.file);
    // Asked once per meeting: a long transcript's thousand items share one.
    const later = new Map<number, readonly ReportNear[]>();
    const laterThan = (meeting: number): readonly ReportNear[] => {
      let found = later.get(meeting);
      if (!found) {
        const date = model.meetings[meeting]?.date;
        later.set(meeting, (found = date ? ctx.series.index.laterReports(ctx.series.file, date) : []));
      }
      return found;
    };
    return openItems(model).flatMap((item) => {
      const info = seriesInfo(ctx, item);
      // Superseded entries say nothing of how the work stands; a twin pair is reported once, on its action item.
      if (!item.owner || (info ? info.next || info.entry.itemId !== item.id : item.kind === 'commitment' && item.linked.length > 0)) return [];
      const owner = item.owner.name;
      const found = reportAfter(series, ctx.series.file, item, owner) ?? saidIn(laterThan(item.meeting).find((near) => closes(near.report, item, owner)));
      if (!found) return [];
      const { meeting, report } = found;
      const where = meeting.file === ctx.series.file ? '' : `, ${fileLabel(meeting.file)}`;
      return [
        {
          message: message(sayReportedDone, ...named(item), report.by ?? report.person, meeting.title, meeting.date, where, report.said),
          span: item.span,
          data: { itemId: item.id },
        },
      ];
    });
  },
};

/** A report and the meeting it was said in. */
type Found = Pick<ReportNear, 'report'> & { meeting: Pick<ReportNear, 'file' | 'title' | 'date'> };

/** The first report of `owner`'s work (by them, or naming it as theirs), in a meeting of the item's series after the item's, that the item's work is done. */
function reportAfter(series: readonly Series[], file: string, item: ActionItem, owner: string): Found | null {
  for (const s of series) {
    const own = s.meetings.find((m) => m.file === file && m.meeting === item.meeting);
    if (!own) continue;
    const found = s.reports.find((r) => r.meeting.position > own.position && closes(r.report, item, owner));
    if (found) return found;
  }
  return null;
}

function saidIn(near: ReportNear | undefined): Found | null {
  return near ? { meeting: near, report: near.report } : null;
}

function closes(report: ReportNear['report'], item: ActionItem, owner: string): boolean {
  return ownerIncludes(owner, report.person) && reportCloses(report, item.task);
}

function sayReportedDone(task: string, owner: string | null, person: string, title: string, date: string, where: string, said: string): string {
  const quote = said.length > 100 ? `${said.slice(0, 99)}…` : said;
  return `${describe(task, owner)} is still open here, but ${person} reported it done in ${title} on ${shortLabel(date)} (${date}${where}): "${quote}". Mark it complete if so`;
}
