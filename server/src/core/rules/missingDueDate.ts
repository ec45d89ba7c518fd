import { type Rule, describe, message, named, openItems } from './rule';

export const missingDueDate: Rule = {
  code: 'missing-due-date',
  defaultSeverity: 'information',
  check(model) {
    return openItems(model)
      .filter((item) => !item.due)
      .map((item) => ({
        message: message(sayNoDueDate, ...named(item)),
        span: item.span,
        data: { itemId: item.id },
      }));
  },
};

function sayNoDueDate(task: string, owner: string | null): string {
  return `${describe(task, owner)} has no due date`;
}
