import { type Rule, describe, message, named, openItems } from './rule';

export const vagueDueDate: Rule = {
  code: 'vague-due-date',
  defaultSeverity: 'information',
  check(model) {
    return openItems(model)
      .filter((item) => item.due?.vague)
      .map((item) => ({
        message: message(item.due!.invalid ? sayNotARealDate : sayNotADate, item.due!.text, ...named(item)),
        span: item.due!.span,
        data: { itemId: item.id },
      }));
  },
};

function sayNotARealDate(text: string, task: string, owner: string | null): string {
  return `"${text}" is not a real date: ${describe(task, owner)} cannot be tracked`;
}

function sayNotADate(text: string, task: string, owner: string | null): string {
  return `"${text}" is not a date: give ${describe(task, owner)} a day so it can be tracked`;
}
