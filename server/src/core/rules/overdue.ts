import { daysBetween, shortLabel } from '../dates/calendar';
import { type Rule, currentOpenItems, describe } from './rule';

export const overdue: Rule = {
  code: 'overdue',
  defaultSeverity: 'warning',
  check(model, ctx) {
    const { today } = ctx;
    return currentOpenItems(model, ctx)
      .filter((item) => item.due?.date && item.due.date < today)
      .map((item) => {
        const days = daysBetween(item.due!.date!, today);
        return {
          message: `${describe(item)} is overdue: it was due ${shortLabel(item.due!.date!)} (${item.due!.date}), ${days} day${days === 1 ? '' : 's'} ago`,
          span: item.due!.span,
          data: { itemId: item.id },
        };
      });
  },
};
