import { type Rule, describe, openItems } from './rule';

export const missingDueDate: Rule = {
  code: 'missing-due-date',
  defaultSeverity: 'information',
  check(model) {
    return openItems(model)
      .filter((item) => !item.due)
      .map((item) => ({
        message: `${describe(item)} has no due date`,
        span: item.span,
        data: { itemId: item.id },
      }));
  },
};
