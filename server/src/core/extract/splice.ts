import type { Attendee, EntryLayout, PersonRef, Section, Span, Statement, StatementCue } from '../model';
import { moveDue, movedEntry } from './entry';
import { type FlatDocument, type TextLine, type Unit, unitStart } from '../parse/blocks';
import { attendeeLine, bareHeaderLineKind, dateLine, headerKind, headerLineKind } from './headers';
import type { MeetingRegion } from './meetings';
import { Roster, couldName } from './people';
import { normalizeName } from '../text/plain';
import type { DocumentReading } from './reading';
import { readStatementCues } from './statementCues';
import { commonPrefix, commonSuffix } from '../text/common';
import { type EntryDraft, type MeetingContent, type WalkMarks, walkMeeting } from './walk';

// After an edit of a long document, only the units around it are walked again: the reading of the
// previous version is kept up to the last walk mark before the edit, the units from there to the
// first mark after it are walked afresh, and what follows is the previous reading moved by the
// edit's length. This holds when the edit leaves the meeting as it was (its title, date and
// attendees, read from other units) and the walk holds nothing over at both marks; otherwise the
// caller reads the whole document again. Property tests compare the result with a full reading.

/** The reading of `text` made from the reading of its previous version, or null when it must be read in full. */
export function spliceReading(previous: DocumentReading, text: string, flat: FlatDocument, fileName: string | undefined, places: DocumentReading['places']): DocumentReading | null {
  if (previous.fileName !== fileName || previous.regions.length === 0) return null;
  const oldText = previous.text;
  const oldUnits = previous.units;
  const units = flat.units;
  const head = commonPrefix(oldText, text);
  const tail = commonSuffix(oldText, text, head);
  const delta = text.length - oldText.length;
  const editEnd = text.length - tail;

  // Units before the edit and after it that are as they were (mostly the very same objects, moved
  // by the block reader; a part whose text occurs twice is placed as copies, compared by place).
  const { starts, ends } = previous.places;
  let before = 0;
  while (before < oldUnits.length && before < units.length && extentEnd(units, before, text) <= head && sameUnit(units[before], oldUnits[before], starts[before], ends[before], 0)) {
    before++;
  }
  let after = 0;
  while (after < oldUnits.length - before && after < units.length - before) {
    const unit = units[units.length - 1 - after];
    const old = oldUnits.length - 1 - after;
    if (unitStart(unit) < editEnd || !sameUnit(unit, oldUnits[old], starts[old], ends[old], delta)) break;
    after++;
  }
  const unitDelta = units.length - oldUnits.length;
  const oldWindow = oldUnits.slice(before, oldUnits.length - after);
  const newWindow = units.slice(before, units.length - after);

  // Only the last meeting is walked again: the ones before it are untouched, and none follows.
  const last = previous.regions.length - 1;
  const region = previous.regions[last];
  const content = previous.contents[last];
  const { marks } = content;
  const from = lastMarkBelow(marks, before);
  const to = firstMarkFrom(marks, oldUnits.length - after);
  if (from < 0 || to < 0) return null;
  const startUnit = marks.units[from];
  if (startUnit <= region.units[0] || startUnit <= firstContentUnit(units)) return null; // the meeting's heading or title is walked again
  const startOffset = unitStart(units[startUnit]);
  if (region.meeting.attendees.some((a) => a.span && a.span.end > startOffset)) return null;
  if (!leavesMeetingAsItWas(oldWindow, newWindow, units, before)) return null;

  const endUnit = marks.units[to] + unitDelta;
  const meeting = { ...region.meeting, span: { start: region.meeting.span.start, end: region.meeting.span.end + delta } };
  // The units are walked with the speakers known at their start.
  const known = new Roster(meeting.attendees);
  for (const { unit, name } of content.learnt) if (unit < startUnit) known.addSpeaker(name);
  const piece = walkMeeting(units, { meeting, roster: known, units: region.units }, text, startUnit, endUnit);
  if (piece.endedInSection) return null;
  const { learnt, sameSpeakers } = joinLearnt(content, from, to, piece, unitDelta);
  const roster = sameSpeakers ? region.roster : rosterOf(meeting.attendees, learnt, content, from, to, piece);
  if (!roster) return null;
  const newRegion: MeetingRegion = { meeting, roster, units: [region.units[0], region.units[1] + unitDelta] };

  const contents = previous.contents.slice(0, last);
  contents.push(joinContent(content, from, to, piece, delta, unitDelta, learnt));
  const joined = contents[last];
  // Cues of the statements walked again, and of the one after them (it may answer the last of them).
  const firstNew = content.marks.statements[from];
  const afterNew = firstNew + piece.statements.length;
  for (let i = firstNew; i <= afterNew && i < joined.statements.length; i++) {
    readStatementCues(joined.statements, i, newRegion.meeting.date, newRegion.roster);
  }
  return { text, units, fileName, regions: [...previous.regions.slice(0, last), newRegion], contents, places };
}

/** The speakers the meeting learnt, in order, with those the walked units learnt in place of theirs; and whether they are the same. */
function joinLearnt(content: MeetingContent, from: number, to: number, piece: MeetingContent, unitDelta: number) {
  const { marks } = content;
  const inside = content.learnt.filter((l) => l.unit >= marks.units[from] && l.unit < marks.units[to]);
  const learnt = [
    ...content.learnt.filter((l) => l.unit < marks.units[from]),
    ...piece.learnt,
    ...content.learnt.filter((l) => l.unit >= marks.units[to]).map((l) => ({ unit: l.unit + unitDelta, name: l.name })),
  ];
  return { learnt, sameSpeakers: inside.map((l) => l.name).join('\n') === piece.learnt.map((l) => l.name).join('\n') };
}

/**
 * The roster of the whole meeting when the walked units learnt other speakers than before (a
 * speaker's name being typed), or null when that could change who a name means elsewhere: a
 * statement after them, or an owner named in any cue, that names no attendee and could be one of
 * the speakers learnt or forgotten. Entries' owners are resolved again anyway.
 */
function rosterOf(attendees: Attendee[], learnt: MeetingContent['learnt'], content: MeetingContent, from: number, to: number, piece: MeetingContent): Roster | null {
  const { marks } = content;
  const inside = content.learnt.filter((l) => l.unit >= marks.units[from] && l.unit < marks.units[to]).map((l) => l.name);
  const changed = [...inside.filter((n) => !piece.learnt.some((l) => l.name === n)), ...piece.learnt.map((l) => l.name).filter((n) => !inside.includes(n))];
  const after = content.learnt.filter((l) => l.unit >= marks.units[to]);
  if (after.some((l) => changed.some((n) => normalizeName(n) === normalizeName(l.name)))) return null;
  const affected = (ref: PersonRef | null) => !!ref && !ref.attendee && changed.some((n) => couldName(ref.written, n));
  const outside = [...content.statements.slice(0, marks.statements[from]), ...content.statements.slice(marks.statements[to])];
  for (let i = 0; i < outside.length; i++) {
    const statement = outside[i];
    if (i >= marks.statements[from] && affected(statement.speaker)) return null;
    if (statement.cues.some((cue) => affected(cue.owner))) return null;
  }
  const roster = new Roster(attendees);
  for (const { name } of learnt) roster.addSpeaker(name);
  return roster;
}

/** The meeting's content with the part between marks `from` and `to` replaced by `piece`, and what follows it moved. */
function joinContent(content: MeetingContent, from: number, to: number, piece: MeetingContent, delta: number, unitDelta: number, learnt: MeetingContent['learnt']): MeetingContent {
  const { marks } = content;
  const sectionMap = new Map<Section, Section>();
  const sections = [...content.sections.slice(0, marks.sections[from]), ...piece.sections];
  for (const section of content.sections.slice(marks.sections[to])) {
    const moved = { ...section, headerSpan: moveSpan(section.headerSpan, delta), insertAt: section.insertAt + delta };
    sectionMap.set(section, moved);
    sections.push(moved);
  }
  const entries = [...content.entries.slice(0, marks.entries[from]), ...piece.entries];
  for (const entry of content.entries.slice(marks.entries[to])) entries.push(movedDraft(entry, delta, sectionMap));
  const statements = [...content.statements.slice(0, marks.statements[from]), ...piece.statements];
  for (const statement of content.statements.slice(marks.statements[to])) statements.push(movedStatement(statement, delta));

  const base = { statements: marks.statements[from], entries: marks.entries[from], sections: marks.sections[from] };
  const change = {
    statements: base.statements + piece.statements.length - marks.statements[to],
    entries: base.entries + piece.entries.length - marks.entries[to],
    sections: base.sections + piece.sections.length - marks.sections[to],
  };
  const joinedMarks: WalkMarks = { units: [], statements: [], entries: [], sections: [] };
  const add = (unit: number, s: number, e: number, c: number) => {
    joinedMarks.units.push(unit);
    joinedMarks.statements.push(s);
    joinedMarks.entries.push(e);
    joinedMarks.sections.push(c);
  };
  for (let k = 0; k < from; k++) add(marks.units[k], marks.statements[k], marks.entries[k], marks.sections[k]);
  piece.marks.units.forEach((unit, k) => add(unit, base.statements + piece.marks.statements[k], base.entries + piece.marks.entries[k], base.sections + piece.marks.sections[k]));
  for (let k = to + 1; k < marks.units.length; k++) {
    add(marks.units[k] + unitDelta, marks.statements[k] + change.statements, marks.entries[k] + change.entries, marks.sections[k] + change.sections);
  }
  return { sections, entries, statements, marks: joinedMarks, learnt, endedInSection: content.endedInSection };
}

/**
 * Whether the units that changed leave what the meeting is read from (title, date, attendees) as
 * it was: no headings, no `Attendees:` or `Date:` lines, no section header lines that could start or
 * end a list of attendees, and not under an Attendees heading or header line.
 */
function leavesMeetingAsItWas(oldWindow: Unit[], newWindow: Unit[], units: Unit[], before: number): boolean {
  for (const unit of [...oldWindow, ...newWindow]) {
    if (unit.type === 'heading') return false;
    if ((unit.type === 'paragraph' || unit.type === 'item') && unit.lines.some(namesMeetingFacts)) return false;
  }
  for (let i = before - 1; i >= 0; i--) {
    const unit = units[i];
    if (unit.type === 'heading') {
      if (headerKind(unit.content.text) === 'attendees') return false;
      break;
    }
    if (i >= before - 2 && unit.type === 'paragraph' && unit.lines.some(namesMeetingFacts)) return false;
  }
  return true;
}

function namesMeetingFacts(line: TextLine): boolean {
  return attendeeLine(line.text) !== null || dateLine(line.text) !== null || headerLineKind(line.text) === 'attendees' || bareHeaderLineKind(line.text) === 'attendees';
}

/**
 * Whether a unit reads as the unit that was at `start`–`end` does, `d` characters further on (in
 * text that is the same). `old` is that unit's object, which the block reader may since have moved.
 */
function sameUnit(unit: Unit, old: Unit, start: number, end: number, d: number): boolean {
  return unit === old || (unit.type === old.type && unit.type !== 'break' && unitStart(unit) === start + d && unitEnd(unit) === end + d);
}

/** Where a unit's own text ends (a break's is its start: it is compared by where the next unit starts). */
export function unitEnd(unit: Unit): number {
  switch (unit.type) {
    case 'paragraph':
      return unit.lines[unit.lines.length - 1]?.end ?? 0;
    case 'item':
      return unit.end;
    case 'break':
      return unit.start;
    default:
      return unit.span.end;
  }
}

/** Where unit `i`'s stretch of the text ends: where the next one starts. */
function extentEnd(units: Unit[], i: number, text: string): number {
  return i + 1 < units.length ? unitStart(units[i + 1]) : text.length;
}

function firstContentUnit(units: Unit[]): number {
  const i = units.findIndex((u) => u.type !== 'break');
  return i < 0 ? units.length : i;
}

/** The index of the last mark at a unit before `unit`, or -1. */
function lastMarkBelow(marks: WalkMarks, unit: number): number {
  let lo = 0;
  let hi = marks.units.length; // first mark at or after `unit`
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks.units[mid] < unit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The index of the first mark at `unit` or after it, or -1. */
function firstMarkFrom(marks: WalkMarks, unit: number): number {
  const k = lastMarkBelow(marks, unit) + 1;
  return k < marks.units.length ? k : -1;
}

const moveSpan = (span: Span, d: number): Span => ({ start: span.start + d, end: span.end + d });

function movedRef(ref: PersonRef, d: number): PersonRef {
  return { written: ref.written, name: ref.name, attendee: ref.attendee, span: moveSpan(ref.span, d) };
}

/** A statement `d` characters further on, with its cues (a cue owned by the speaker keeps the speaker's reference). */
function movedStatement(s: Statement, d: number): Statement {
  const speaker = s.speaker && movedRef(s.speaker, d);
  const moved: Statement = { meeting: s.meeting, time: s.time, speaker, text: s.text, span: moveSpan(s.span, d), textStart: s.textStart + d, cues: [] };
  moved.cues = s.cues.map(
    (c): StatementCue => ({
      kind: c.kind,
      task: c.task,
      sentence: c.sentence,
      span: moveSpan(c.span, d),
      owner: c.owner === s.speaker ? speaker : c.owner && movedRef(c.owner, d),
      due: c.due && moveDue(c.due, d),
      statement: moved,
    }),
  );
  return moved;
}

function movedDraft(entry: EntryDraft, d: number, sections: Map<Section, Section>): EntryDraft {
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
