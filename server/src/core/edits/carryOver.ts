import type { ActionItem, NotesModel } from '../model';
import { insertEntry, newEntryOf } from './recordInSummary';
import type { TextEdit } from './textEdit';

/**
 * Carries an open item into a later meeting (the quick fix of `dropped-item`): an entry for the same
 * work in that meeting's review of earlier items (`Status of last week's action items`), else in its
 * action items, else in a new Action Items section; written like the entries there, the owner named
 * as that meeting's attendees are, the due date as a date. The edits are on `target`'s text.
 */
export function carryOver(target: NotesModel, meetingIndex: number, item: ActionItem): TextEdit[] {
  const meeting = target.meetings[meetingIndex];
  if (!meeting || item.status !== 'open') return [];
  return insertEntry(target, meeting, 'actions', newEntryOf(item, meeting.attendees), 'review');
}
