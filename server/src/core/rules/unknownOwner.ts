import { Roster, isGroupName } from '../extract/people';
import { type Rule, meetingOf, openItems } from './rule';

export const unknownOwner: Rule = {
  code: 'unknown-owner',
  defaultSeverity: 'warning',
  check(model) {
    return openItems(model)
      .filter((item) => {
        const meeting = meetingOf(model, item);
        if (!item.owner || item.owner.attendee || !meeting.attendeesKnown || isGroupName(item.owner.written)) return false;
        // `Mike` with two Mikes attending is ambiguous, not unknown.
        return !new Roster(meeting.attendees).resolve(item.owner.written).ambiguous;
      })
      .map((item) => {
        const meeting = meetingOf(model, item);
        const nearest = new Roster(meeting.attendees).nearest(item.owner!.written).map((a) => a.name);
        return {
          message: `Owner "${item.owner!.written}" is not among the attendees (${meeting.attendees.map((a) => a.name).join(', ')})`,
          span: item.owner!.span,
          data: { itemId: item.id, owners: nearest },
        };
      });
  },
};
