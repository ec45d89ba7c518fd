import { type Rule, describe, meetingOf, openItems } from './rule';

export const missingOwner: Rule = {
  code: 'missing-owner',
  defaultSeverity: 'warning',
  check(model) {
    return openItems(model)
      .filter((item) => !item.owner)
      .map((item) => ({
        message: `${describe(item)} has no owner: nobody is answerable for it`,
        span: item.span,
        data: { itemId: item.id, owners: meetingOf(model, item).attendees.map((a) => a.name) },
      }));
  },
};
