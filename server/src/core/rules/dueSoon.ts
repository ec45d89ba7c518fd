import { addDays, relativeDays, shortLabel } from '../dates/calendar';
import { type Rule, currentOpenItems, describe } from './rule';

export const dueSoon: Rule = {
  code: 'due-soon',
  defaultSeverity: 'information',
  check(model, ctx) {
    const { today, dueSoonDays } = ctx;
    const last = addDays(today, dueSoonDays);
    return currentOpenItems(model, ctx)
      .filter((item) => item.due?.date && item.due.date >= today && item.due.date <= last)
      .map((item) => ({
        message: `${describe(item)} is due ${relativeDays(today, item.due!.date!)} (${shortLabel(item.due!.date!)}, ${item.due!.date})`,
        span: item.due!.span,
        data: { itemId: item.id },
      }));
  },
};
