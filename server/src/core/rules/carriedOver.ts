import { shortLabel } from '../dates/calendar';
import { type Rule, describe, message, named, openItems, seriesInfo } from './rule';

export const carriedOver: Rule = {
  code: 'carried-over',
  defaultSeverity: 'information',
  check(model, ctx) {
    return openItems(model).flatMap((item) => {
      const info = seriesInfo(ctx, item);
      // On the latest entry of the work only (and once per twin pair); a dropped item is reported as dropped.
      if (!info || info.next || info.omittedIn || info.entry.itemId !== item.id || info.waited < ctx.carriedOverAfter) return [];
      const first = info.thread.entries[0].meeting;
      return [
        {
          message: message(sayCarriedOver, ...named(item), info.waited, info.series.title, first.date),
          span: item.span,
          data: { itemId: item.id },
        },
      ];
    });
  },
};

function sayCarriedOver(task: string, owner: string | null, waited: number, series: string, recorded: string): string {
  return `${describe(task, owner)} has waited ${waited} meetings of ${series}: recorded ${shortLabel(recorded)} (${recorded}) and still open`;
}
