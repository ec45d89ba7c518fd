import { shortLabel } from '../dates/calendar';
import { type Rule, describe, openItems, seriesInfo } from './rule';

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
          message: `${describe(item)} has waited ${info.waited} meetings of ${info.series.title}: recorded ${shortLabel(first.date)} (${first.date}) and still open`,
          span: item.span,
          data: { itemId: item.id },
        },
      ];
    });
  },
};
