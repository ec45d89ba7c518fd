import { shortLabel } from '../dates/calendar';
import { latestMeeting } from '../series';
import { type Rule, describe, fileLabel, message, named, openItems, seriesInfo } from './rule';

export const droppedItem: Rule = {
  code: 'dropped-item',
  defaultSeverity: 'warning',
  check(model, ctx) {
    return openItems(model).flatMap((item) => {
      const info = seriesInfo(ctx, item);
      if (!info?.omittedIn || info.entry.itemId !== item.id) return [];
      const missing = info.omittedIn;
      const where = missing.file === ctx.series.file ? '' : `, ${fileLabel(missing.file)}`;
      const latest = latestMeeting(info.series);
      const which = missing.position === info.entry.meeting.position + 1 ? 'the next meeting' : 'a later meeting';
      return [
        {
          message: message(sayDropped, ...named(item), which, missing.title, missing.date, where),
          span: item.span,
          data: { itemId: item.id, carryTo: { file: latest.file, meeting: latest.meeting } },
        },
      ];
    });
  },
};

function sayDropped(task: string, owner: string | null, which: string, title: string, date: string, where: string): string {
  return `${describe(task, owner)} is still open here but the status list of ${which}, ${title} on ${shortLabel(date)} (${date}${where}), leaves it out: carry it over, or mark it done`;
}
