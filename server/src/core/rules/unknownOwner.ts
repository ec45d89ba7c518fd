import { Roster, isGroupName } from '../extract/people';
import { Memo } from '../memo';
import type { Meeting } from '../model';
import { type Rule, meetingOf, message, openItems } from './rule';

/** The attendees' names nearest first, by the attendees' names and the name as written: the same at every keystroke. */
const nearestNames = new Memo<string[]>();

export const unknownOwner: Rule = {
  code: 'unknown-owner',
  defaultSeverity: 'warning',
  check(model) {
    // One roster and one list of names per meeting (a long summary may name a missing owner hundreds of times).
    const perMeeting = new Map<Meeting, { roster: Roster; names: string; key: string }>();
    const of = (meeting: Meeting) => {
      let known = perMeeting.get(meeting);
      if (!known) {
        const names = meeting.attendees.map((a) => a.name);
        perMeeting.set(meeting, (known = { roster: new Roster(meeting.attendees), names: names.join(', '), key: names.join('\u0000') }));
      }
      return known;
    };
    return openItems(model)
      .filter((item) => {
        const meeting = meetingOf(model, item);
        if (!item.owner || item.owner.attendee || !meeting.attendeesKnown || isGroupName(item.owner.written)) return false;
        // `Mike` with two Mikes attending is ambiguous, not unknown.
        return !of(meeting).roster.resolve(item.owner.written).ambiguous;
      })
      .map((item) => {
        const { roster, names, key } = of(meetingOf(model, item));
        const written = item.owner!.written;
        const nearest = nearestNames.get(() => roster.nearest(written).map((a) => a.name), written, key);
        return {
          message: message(sayUnknownOwner, written, names),
          span: item.owner!.span,
          data: { itemId: item.id, owners: nearest },
        };
      });
  },
};

function sayUnknownOwner(written: string, names: string): string {
  return `Owner "${written}" is not among the attendees (${names})`;
}
