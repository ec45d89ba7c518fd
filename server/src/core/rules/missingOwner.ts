import { type Rule, describe, meetingOf, message, named, openItems } from './rule';

export const missingOwner: Rule = {
  code: 'missing-owner',
  defaultSeverity: 'warning',
  check(model) {
    return openItems(model)
      .filter((item) => !item.owner)
      .map((item) => ({
        message: message(sayNoOwner, ...named(item)),
        span: item.span,
        data: { itemId: item.id, owners: meetingOf(model, item).attendees.map((a) => a.name) },
      }));
  },
};

function sayNoOwner(task: string, owner: string | null): string {
  return `${describe(task, owner)} has no owner: nobody is answerable for it`;
}
