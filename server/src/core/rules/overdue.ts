import { daysBetween, shortLabel } from '../dates/calendar';
import { type Rule, currentOpenItems, describe, message, named } from './rule';

export const overdue: Rule = {
  code: 'overdue',
  defaultSeverity: 'warning',
  check(model, ctx) {
    const { today } = ctx;
    return currentOpenItems(model, ctx)
      .filter((item) => item.due?.date && item.due.date < today)
      .map((item) => {
        return {
          message: message(sayOverdue, ...named(item), item.due!.date!, daysBetween(item.due!.date!, today)),
          span: item.due!.span,
          data: { itemId: item.id },
        };
      });
  },
};

function sayOverdue(task: string, owner: string | null, date: string, days: number): string {
  return `${describe(task, owner)} is overdue: it was due ${shortLabel(date)} (${date}), ${days} day${days === 1 ? '' : 's'} ago`;
}
