import { addDays, relativeDays, shortLabel } from '../dates/calendar';
import { type Rule, currentOpenItems, describe, message, named } from './rule';

export const dueSoon: Rule = {
  code: 'due-soon',
  defaultSeverity: 'information',
  check(model, ctx) {
    const { today, dueSoonDays } = ctx;
    const last = addDays(today, dueSoonDays);
    return currentOpenItems(model, ctx)
      .filter((item) => item.due?.date && item.due.date >= today && item.due.date <= last)
      .map((item) => ({
        message: message(sayDueSoon, ...named(item), item.due!.date!, today),
        span: item.due!.span,
        data: { itemId: item.id },
      }));
  },
};

function sayDueSoon(task: string, owner: string | null, date: string, today: string): string {
  return `${describe(task, owner)} is due ${relativeDays(today, date)} (${shortLabel(date)}, ${date})`;
}
