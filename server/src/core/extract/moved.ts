import type { Attendee, PersonRef, Section, Span, Statement } from '../model';
import { moveSpan, shiftSpan } from '../text/span';
import type { EntryDraft } from './walk';

// What a reading holds, moved by an edit's length (what follows the edit in a patched reading).
// Statements (with their cues) and entries are moved where they are: on a long document they are
// most of the reading, and copying them at every keystroke made them most of what the garbage
// collector had to keep (scavenges took twice as long). Only the newest model of a document is
// used, and the reading being patched is not kept while it is (analyze.ts). Sections, a few per
// meeting, are copied.

/** Moves a reference by `d`; one to an attendee that was copied (moved with its meeting) is made to the copy. */
function shiftRef(ref: PersonRef, d: number, attendees?: Map<Attendee, Attendee>): void {
  if (ref.attendee && attendees) ref.attendee = attendees.get(ref.attendee) ?? ref.attendee;
  shiftSpan(ref.span, d);
}

/** Moves a statement `d` characters further on, with its cues (a cue owned by the speaker shares the speaker's reference, moved once). */
export function moveStatement(s: Statement, d: number, attendees?: Map<Attendee, Attendee>): void {
  shiftSpan(s.span, d);
  s.textStart += d;
  if (s.speaker) shiftRef(s.speaker, d, attendees);
  for (const cue of s.cues) {
    shiftSpan(cue.span, d);
    if (cue.owner && cue.owner !== s.speaker) shiftRef(cue.owner, d, attendees);
    if (cue.due) shiftSpan(cue.due.span, d);
  }
}

/** Sections moved by `d`, and which copy is which (for the entries that belong to them). */
export function movedSections(sections: Section[], d: number): [Section[], Map<Section, Section>] {
  const copies = new Map<Section, Section>();
  const moved = sections.map((section) => {
    const copy = { ...section, headerSpan: moveSpan(section.headerSpan, d), insertAt: section.insertAt + d };
    copies.set(section, copy);
    return copy;
  });
  return [moved, copies];
}

/**
 * Moves an entry `d` characters further on. Its layout shares some spans with what was parsed of it
 * (the done marker, the strike pair, a status): each is moved once.
 */
export function moveDraft(entry: EntryDraft, d: number, sections: Map<Section, Section>): void {
  if (entry.section) entry.section = sections.get(entry.section) ?? entry.section;
  const { parsed, layout } = entry;
  if (parsed.owner) shiftSpan(parsed.owner.span, d);
  if (parsed.due) shiftSpan(parsed.due.span, d);
  if (parsed.doneMarker) shiftSpan(parsed.doneMarker, d);
  if (parsed.strike) shiftPair(parsed.strike, d);
  if (parsed.statusText) shiftSpan(parsed.statusText, d);
  parsed.taskStart += d;
  parsed.contentEnd += d;

  shiftSpan(layout.span, d);
  layout.after += d;
  layout.boxAt += d;
  if (layout.checkbox) shiftSpan(layout.checkbox, d);
  layout.doneAt += d;
  if (layout.doneMarker && layout.doneMarker !== parsed.doneMarker) shiftSpan(layout.doneMarker, d);
  if (layout.strike && layout.strike !== parsed.strike) shiftPair(layout.strike, d);
  if (layout.statusText && layout.statusText !== parsed.statusText) shiftSpan(layout.statusText, d);
  layout.ownerAt += d;
  layout.dueAt += d;
  if (layout.table) for (const cell of layout.table.cells) shiftSpan(cell, d);
}

function shiftPair(pair: [Span, Span], d: number): void {
  shiftSpan(pair[0], d);
  shiftSpan(pair[1], d);
}
