import { type Rule, describe, openItems } from './rule';

export const vagueDueDate: Rule = {
  code: 'vague-due-date',
  defaultSeverity: 'information',
  check(model) {
    return openItems(model)
      .filter((item) => item.due?.vague)
      .map((item) => ({
        message: item.due!.invalid
          ? `"${item.due!.text}" is not a real date: ${describe(item)} cannot be tracked`
          : `"${item.due!.text}" is not a date: give ${describe(item)} a day so it can be tracked`,
        span: item.due!.span,
        data: { itemId: item.id },
      }));
  },
};
