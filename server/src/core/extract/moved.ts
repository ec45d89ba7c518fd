import type { Attendee, EntryLayout, PersonRef, Section, Span, Statement, StatementCue } from '../model';
import { moveDue, movedEntry } from './entry';
import type { EntryDraft } from './walk';

// Copies of what a reading holds, moved by an edit's length (what follows the edit in a patched
// reading). The previous version's model keeps the originals: nothing here changes them.

export const moveSpan = (span: Span, d: number): Span => ({ start: span.start + d, end: span.end + d });

/** A reference moved by `d`; an attendee that was copied (moved with its meeting) is referred to as the copy. */
function movedRef(ref: PersonRef, d: number, attendees?: Map<Attendee, Attendee>): PersonRef {
  const attendee = ref.attendee && (attendees?.get(ref.attendee) ?? ref.attendee);
  return { written: ref.written, name: ref.name, attendee, span: moveSpan(ref.span, d) };
}

/** A statement `d` characters further on, with its cues (a cue owned by the speaker keeps the speaker's reference). */
export function movedStatement(s: Statement, d: number, attendees?: Map<Attendee, Attendee>): Statement {
  const speaker = s.speaker && movedRef(s.speaker, d, attendees);
  const moved: Statement = { meeting: s.meeting, time: s.time, speaker, text: s.text, span: moveSpan(s.span, d), textStart: s.textStart + d, cues: [] };
  moved.cues = s.cues.map(
    (c): StatementCue => ({
      kind: c.kind,
      task: c.task,
      sentence: c.sentence,
      span: moveSpan(c.span, d),
      owner: c.owner === s.speaker ? speaker : c.owner && movedRef(c.owner, d, attendees),
      due: c.due && moveDue(c.due, d),
      statement: moved,
    }),
  );
  return moved;
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

export function movedDraft(entry: EntryDraft, d: number, sections: Map<Section, Section>): EntryDraft {
  return { kind: entry.kind, section: entry.section && (sections.get(entry.section) ?? entry.section), parsed: movedEntry(entry.parsed, d), layout: movedLayout(entry.layout, d) };
}

function movedLayout(layout: EntryLayout, d: number): EntryLayout {
  const move = (span: Span | null) => span && moveSpan(span, d);
  // Field by field rather than spread (several times faster here), in the order the walk writes them.
  const moved: EntryLayout = {
    shape: layout.shape,
    span: moveSpan(layout.span, d),
    after: layout.after + d,
    boxAt: layout.boxAt + d,
    checkbox: move(layout.checkbox),
    doneAt: layout.doneAt + d,
    doneMarker: move(layout.doneMarker),
    strike: layout.strike && [moveSpan(layout.strike[0], d), moveSpan(layout.strike[1], d)],
    statusText: move(layout.statusText),
    ownerAt: layout.ownerAt + d,
    dueAt: layout.dueAt + d,
    inTaskList: layout.inTaskList,
    ...(layout.boxMakesEntry !== undefined ? { boxMakesEntry: layout.boxMakesEntry } : {}),
    dueStyle: layout.dueStyle,
  };
  if (layout.table) moved.table = { columns: layout.table.columns, cells: layout.table.cells.map((c) => moveSpan(c, d)) };
  return moved;
}
