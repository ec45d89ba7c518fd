import type { Attendee, PersonRef } from '../model';
import { type FlatDocument, type TextLine, type Unit, unitEnd, unitStart } from '../parse/blocks';
import { attendeeLine, bareHeaderLineKind, dateLine, headerKind, headerLineKind } from './headers';
import type { MeetingRegion } from './meetings';
import { lineStartBefore } from '../text/lineIndex';
import { moveSpan } from '../text/span';
import { moveDraft, moveStatement, movedSections } from './moved';
import { Roster, couldName } from './people';
import { normalizeName } from '../text/plain';
import { type DocumentReading, type KeptReading, readingCounts } from './reading';
import { readStatementCues } from './statementCues';
import { textChange } from '../text/common';
import { type EntryDraft, type MeetingContent, type ResumedSection, type WalkMarks, finishSection, walkMeeting } from './walk';

// After an edit of a long document, only the units around it are walked again: the reading of the
// previous version is kept up to the last walk mark before the edit, the units from there to the
// first mark after it are walked afresh, and what follows is the previous reading moved by the
// edit's length. This holds when the edit leaves the meeting as it was (its title, date and
// attendees, read from other units) and the walk holds nothing over at both marks, or only the
// same open section, between two items of its list (an edit among a summary's entries); otherwise
// the caller reads the whole document again. Property tests compare the result with a full reading.

/** The reading of `text` made from the reading of its previous version, or null when it must be read in full. */
export function spliceReading(
  previous: KeptReading,
  text: string,
  flat: FlatDocument,
  fileName: string | undefined,
  lineOf: (offset: number) => number,
): DocumentReading | null {
  if (previous.fileName !== fileName || previous.regions.length === 0) return null;
  const oldUnits = previous.units;
  const units = flat.units;
  const { head, tail, delta, before, after } = findChange(previous, text, units);
  // The title and the line under it name the meeting (a date may be written alone under the title).
  if (before <= secondContentUnit(units) || before <= secondContentUnit(oldUnits)) return null;
  // A caption's voice (`<v Ana>`) is read from its line as written, before where the line's reading
  // starts (the tag is blanked, as indentation): an edit on such a line is read in full.
  if (onCaptionLine(previous.text, head, previous.text.length - tail) || onCaptionLine(text, head, text.length - tail)) return null;
  const unitDelta = units.length - oldUnits.length;
  const oldWindow = oldUnits.slice(before, oldUnits.length - after);
  const newWindow = units.slice(before, units.length - after);

  // The meeting the edit falls in is walked again in part; those before it are untouched, those after it moved.
  const r = regionOf(previous.regions, before, oldUnits.length - after);
  if (r < 0) return null;
  const region = previous.regions[r];
  // Whether a running log's text before its first dated heading is a meeting depends on all of that
  // text (its title heading too: the preamble may start with one).
  // (The region may start where the edit does, with no unit left there.)
  if (region.preamble || (previous.regions.length > 1 && units[region.units[0]]?.type !== 'heading')) return null;
  const content = previous.contents[r];
  const { marks } = content;
  // Attendees are read from the units, not walked: those written after the edit would have to move.
  if (region.meeting.attendees.some((a) => a.span && a.span.end >= head)) return null; // typing right after a name extends it
  if (!leavesMeetingAsItWas(oldWindow, newWindow, units, before)) return null;
  const meeting = { ...region.meeting, span: { start: region.meeting.span.start, end: region.meeting.span.end + delta } };
  const regionUnits: [number, number] = [region.units[0], region.units[1] + unitDelta];

  /** The units from mark `from` to mark `to` walked again (resumed in a section between two of its items), or null when that does not give their content. */
  const walkBetween = (from: number, to: number, resume?: ResumedSection) => {
    if (from < 0 || to < 0) return null;
    const startUnit = marks.units[from];
    if (startUnit <= region.units[0] || startUnit <= firstContentUnit(units)) return null; // the meeting's heading or title is walked again
    // Units appended after a meeting that ended in a section go on in it: its closing mark is no start.
    if (startUnit >= region.units[1] && content.openAtEnd !== false) return null;
    const endUnit = marks.units[to] + unitDelta;
    // The units are walked with the speakers known at their start.
    const known = rosterOf(meeting.attendees, content.learnt.filter((l) => l.unit < startUnit));
    const piece = walkMeeting(units, { meeting, roster: known, units: regionUnits }, text, startUnit, endUnit, resume);
    return (resume ? piece.endsInResumed : !piece.endedInSection) ? { from, to, piece, resume } : null;
  };
  // An edit among the items of a section's list walks only the items around it; else from the marks outside sections.
  const [below, above] = [markBeforeEdit(marks, before, units), firstMarkFrom(marks, oldUnits.length - after)];
  const walked =
    (innerMarksAround(marks, below, above, oldWindow, newWindow) && walkBetween(below, above, { section: content.sections[marks.sections[below] - 1], ...marks.inner[below]! })) ||
    walkBetween(outerMark(marks, below, -1), outerMark(marks, above, 1));
  if (!walked) return null;
  const { from, to, piece, resume } = walked;
  const { learnt, inside, sameSpeakers } = joinLearnt(content, from, to, piece, unitDelta);
  const roster = sameSpeakers ? region.roster : rosterAfterNewSpeakers(meeting.attendees, learnt, inside, content, from, to, piece);
  if (!roster) return null;
  const newRegion: MeetingRegion = { meeting, roster, units: regionUnits };

  const regions = [...previous.regions.slice(0, r), newRegion];
  const contents = [...previous.contents.slice(0, r), joinContent(content, from, to, piece, delta, unitDelta, learnt)];
  if (resume) {
    finishResumed(contents[r], resume.section, marks.entries[from], piece.entries.length, text);
    readingCounts.withinSection++;
  }
  for (let k = r + 1; k < previous.regions.length; k++) {
    const [moved, movedContent] = movedMeeting(previous.regions[k], previous.contents[k], head, delta, unitDelta, units, lineOf);
    regions.push(moved);
    contents.push(movedContent);
  }
  const joined = contents[r];
  // Cues of the statements walked again, and of the two after them (they may answer the last of them,
  // or ask about it and be answered).
  const firstNew = content.marks.statements[from];
  const afterNew = firstNew + piece.statements.length + 1;
  for (let i = firstNew; i <= afterNew && i < joined.statements.length; i++) {
    readStatementCues(joined.statements, i, newRegion.meeting.date, newRegion.roster);
  }
  return { text, units, fileName, regions, contents, patchedFrom: { places: previous.places, before, after, delta } };
}

/**
 * Where the text changed (`head`: the characters before the edit, `delta`: its change of length)
 * and how many units before and after it are as they were: mostly the very same objects, moved by
 * the block reader; a part whose text occurs twice is placed as copies, compared by place.
 */
function findChange(previous: KeptReading, text: string, units: Unit[]) {
  const { text: oldText, units: oldUnits, places } = previous;
  const { head, tail } = textChange(oldText, text);
  const delta = text.length - oldText.length;
  const editEnd = text.length - tail;
  const { starts, ends } = places;
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
  return { head, tail, delta, before, after };
}

/** Whether the lines from `from` to `to` of `text` hold a line opened by a caption's voice (`<v Ana>`). */
function onCaptionLine(text: string, from: number, to: number): boolean {
  const start = lineStartBefore(text, from);
  let end = to;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  // The lines alone are looked at: `includes` from `start` on would read to the end of a long transcript.
  const lines = text.slice(start, end);
  return lines.includes('<v') && CAPTION_LINE.test(lines);
}

const CAPTION_LINE = /(?:^|[\r\n])[ \t]*<v[\s.]/;

/** The meeting whose units hold the changed ones (`from`–`to`, old numbering), or -1. */
function regionOf(regions: MeetingRegion[], from: number, to: number): number {
  for (let k = regions.length - 1; k >= 0; k--) {
    const [start, end] = regions[k].units;
    if (start <= from) return to <= end ? k : -1;
  }
  return -1;
}

/**
 * A meeting after the edit, moved by it: its own attendees (written after the edit) are copies,
 * so its roster and every reference to them are new too.
 */
function movedMeeting(
  region: MeetingRegion,
  content: MeetingContent,
  editAt: number,
  d: number,
  unitDelta: number,
  units: Unit[],
  lineOf: (offset: number) => number,
): [MeetingRegion, MeetingContent] {
  const attendees = new Map<Attendee, Attendee>();
  const copied = region.meeting.attendees.map((a) => {
    if (!a.span || a.span.start < editAt) return a;
    const moved = { ...a, span: moveSpan(a.span, d) };
    attendees.set(a, moved);
    return moved;
  });
  // Meetings without their own share the document's attendees, as one list.
  const meetingAttendees = attendees.size ? copied : region.meeting.attendees;
  const [first, end] = [region.units[0] + unitDelta, region.units[1] + unitDelta];
  const span = moveSpan(region.meeting.span, d);
  const meeting = { ...region.meeting, line: lineOf(unitStart(units[first])), span, attendees: meetingAttendees };
  const learnt = content.learnt.map((l) => ({ unit: l.unit + unitDelta, name: l.name }));
  const roster = rosterOf(meetingAttendees, learnt);
  const [sections, sectionMap] = movedSections(content.sections, d);
  const marks: WalkMarks = { ...content.marks, units: content.marks.units.map((u) => u + unitDelta) };
  return [
    { meeting, roster, units: [first, end] },
    {
      sections,
      entries: content.entries.map((entry) => (moveDraft(entry, d, sectionMap), entry)),
      statements: content.statements.map((statement) => (moveStatement(statement, d, attendees), statement)),
      marks,
      learnt,
      endedInSection: content.endedInSection,
      openAtEnd: content.openAtEnd,
    },
  ];
}

/** The speakers the meeting learnt, in order, with those the walked units learnt in place of theirs; the names these replace; and whether they are the same. */
function joinLearnt(content: MeetingContent, from: number, to: number, piece: MeetingContent, unitDelta: number) {
  const { marks } = content;
  const inside = content.learnt.filter((l) => l.unit >= marks.units[from] && l.unit < marks.units[to]).map((l) => l.name);
  const learnt = [
    ...content.learnt.filter((l) => l.unit < marks.units[from]),
    ...piece.learnt,
    ...content.learnt.filter((l) => l.unit >= marks.units[to]).map((l) => ({ unit: l.unit + unitDelta, name: l.name })),
  ];
  return { learnt, inside, sameSpeakers: inside.join('\n') === piece.learnt.map((l) => l.name).join('\n') };
}

/**
 * The roster of the whole meeting when the walked units learnt other speakers than before (a
 * speaker's name being typed), or null when that could change who a name means elsewhere: a
 * statement after them, or an owner named in any cue, that names no attendee and could be one of
 * the speakers learnt or forgotten (`inside`: the names those units had learnt). Entries' owners are
 * resolved again anyway.
 */
function rosterAfterNewSpeakers(attendees: Attendee[], learnt: MeetingContent['learnt'], inside: string[], content: MeetingContent, from: number, to: number, piece: MeetingContent): Roster | null {
  const { marks } = content;
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
  return rosterOf(attendees, learnt);
}

/** A roster of the attendees that has learnt these speakers, in order. */
function rosterOf(attendees: Attendee[], learnt: MeetingContent['learnt']): Roster {
  const roster = new Roster(attendees);
  for (const { name } of learnt) roster.addSpeaker(name);
  return roster;
}

/** The meeting's content with the part between marks `from` and `to` replaced by `piece`, and what follows it moved. */
function joinContent(content: MeetingContent, from: number, to: number, piece: MeetingContent, delta: number, unitDelta: number, learnt: MeetingContent['learnt']): MeetingContent {
  const { marks } = content;
  const [following, sectionMap] = movedSections(content.sections.slice(marks.sections[to]), delta);
  const sections = [...content.sections.slice(0, marks.sections[from]), ...piece.sections, ...following];
  const entries = joined(content.entries, marks.entries[from], marks.entries[to], piece.entries, (entry) => moveDraft(entry, delta, sectionMap));
  const statements = joined(content.statements, marks.statements[from], marks.statements[to], piece.statements, (statement) => moveStatement(statement, delta));

  const base = { statements: marks.statements[from], entries: marks.entries[from], sections: marks.sections[from] };
  const change = {
    statements: base.statements + piece.statements.length - marks.statements[to],
    entries: base.entries + piece.entries.length - marks.entries[to],
    sections: base.sections + piece.sections.length - marks.sections[to],
  };
  // Lists of their final length, filled once: a long transcript has thousands of marks.
  const count = from + piece.marks.units.length + (marks.units.length - to - 1);
  const joinedMarks: WalkMarks = { units: new Int32Array(count), statements: new Int32Array(count), entries: new Int32Array(count), sections: new Int32Array(count), inner: new Array(count) };
  let n = 0;
  const add = (unit: number, s: number, e: number, c: number, inner: WalkMarks['inner'][number]) => {
    joinedMarks.units[n] = unit;
    joinedMarks.statements[n] = s;
    joinedMarks.entries[n] = e;
    joinedMarks.sections[n] = c;
    joinedMarks.inner[n] = inner;
    n++;
  };
  for (let k = 0; k < from; k++) add(marks.units[k], marks.statements[k], marks.entries[k], marks.sections[k], marks.inner[k]);
  const p = piece.marks;
  p.units.forEach((unit, k) => add(unit, base.statements + p.statements[k], base.entries + p.entries[k], base.sections + p.sections[k], p.inner[k]));
  for (let k = to + 1; k < marks.units.length; k++) {
    add(marks.units[k] + unitDelta, marks.statements[k] + change.statements, marks.entries[k] + change.entries, marks.sections[k] + change.sections, marks.inner[k]);
  }
  return { sections, entries, statements, marks: joinedMarks, learnt, endedInSection: content.endedInSection, openAtEnd: piece.openAtEnd ?? content.openAtEnd };
}

/** `list` with its elements from `from` to `to` replaced by `piece`, and those after moved by `move`: one list of its final length. */
function joined<T>(list: T[], from: number, to: number, piece: T[], move: (element: T) => void): T[] {
  const result = new Array<T>(from + piece.length + list.length - to);
  let n = 0;
  for (let i = 0; i < from; i++) result[n++] = list[i];
  for (const element of piece) result[n++] = element;
  for (let i = to; i < list.length; i++) {
    move(list[i]);
    result[n++] = list[i];
  }
  return result;
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
  // Names under an Attendees heading are attendees until the next heading; after an `Attendees:`
  // line, those in the next block are.
  const block = before < units.length ? units[before].block : (units[before - 1]?.block ?? 0) + 1;
  for (let i = before - 1; i >= 0; i--) {
    const unit = units[i];
    if (unit.type === 'heading') {
      if (headerKind(unit.content.text) === 'attendees') return false;
      break;
    }
    if (unit.block >= block - 1 && unit.type === 'paragraph' && unit.lines.some(startsAttendees)) return false;
  }
  return true;
}

function namesMeetingFacts(line: TextLine): boolean {
  return attendeeLine(line.text) !== null || dateLine(line.text) !== null || startsAttendees(line);
}

/** `Attendees:` on its own: the names follow in the next block. */
function startsAttendees(line: TextLine): boolean {
  return headerLineKind(line.text) === 'attendees' || bareHeaderLineKind(line.text) === 'attendees';
}

/**
 * Whether a unit reads as the unit that was at `start`–`end` does, `d` characters further on (in
 * text that is the same). `old` is that unit's object, which the block reader may since have moved.
 */
function sameUnit(unit: Unit, old: Unit, start: number, end: number, d: number): boolean {
  return unit === old || (unit.type === old.type && unit.type !== 'break' && unitStart(unit) === start + d && unitEnd(unit) === end + d);
}

/** Where unit `i`'s stretch of the text ends: where the next one starts. */
function extentEnd(units: Unit[], i: number, text: string): number {
  return i + 1 < units.length ? unitStart(units[i + 1]) : text.length;
}

/** The index of the second unit that is not a blank line (the one under the title), or the length. */
function secondContentUnit(units: Unit[]): number {
  const first = firstContentUnit(units);
  let i = first + 1;
  while (i < units.length && units[i].type === 'break') i++;
  return i;
}

function firstContentUnit(units: Unit[]): number {
  const i = units.findIndex((u) => u.type !== 'break');
  return i < 0 ? units.length : i;
}

/**
 * Whether the marks `from` and `to` around the changed units are inside one section, and the change
 * is only list items, as many with a checkbox as before (whether an entry is in a task list depends
 * on the other items of its list).
 */
function innerMarksAround(marks: WalkMarks, from: number, to: number, oldWindow: Unit[], newWindow: Unit[]): boolean {
  if (from < 0 || to < 0 || !marks.inner[from] || !marks.inner[to] || marks.sections[from] !== marks.sections[to]) return false;
  return checkboxes(oldWindow) === checkboxes(newWindow);
}

/** How many of the units are items with a checkbox; -1 when any is not an item. */
function checkboxes(window: Unit[]): number {
  let count = 0;
  for (const unit of window) {
    if (unit.type !== 'item') return -1;
    if (unit.checkbox) count++;
  }
  return count;
}

/** The nearest mark outside any section from mark `k` on, going by `step`; -1 when there is none. */
function outerMark(marks: WalkMarks, k: number, step: 1 | -1): number {
  while (k >= 0 && k < marks.units.length && marks.inner[k]) k += step;
  return k < marks.units.length ? k : -1;
}

/**
 * A section walked again only in part: its entries are those before the walk, the walk's and those
 * after it (`at`: where the walk's start in the joined entries); its style and where its next entry
 * goes are worked out again from all of them, on a copy of the section (the previous reading's is
 * left as it was).
 */
function finishResumed(content: MeetingContent, section: MeetingContent['sections'][number], at: number, walked: number, text: string): void {
  const { entries, sections } = content;
  let first = at;
  while (first > 0 && entries[first - 1].section === section) first--;
  let end = at + walked;
  while (end < entries.length && entries[end].section === section) end++;
  const copy = { ...section };
  const own: EntryDraft[] = [];
  for (let i = first; i < end; i++) {
    entries[i].section = copy;
    own.push(entries[i]);
  }
  finishSection(copy, own, text);
  sections[sections.indexOf(section)] = copy;
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

/**
 * The mark to walk again from for an edit whose first changed unit is `before`: the mark at that
 * unit when it is outside any section and the unit still starts a block (the walk held nothing over
 * there, and the units before it are as they were), else the last mark below it. The first
 * statement after a meeting's heading has no other mark but the heading's, which is not walked
 * again (an edit there read the whole document).
 */
function markBeforeEdit(marks: WalkMarks, before: number, units: Unit[]): number {
  const below = lastMarkBelow(marks, before);
  const at = below + 1;
  const startsBlock = before > 0 && before < units.length && units[before - 1].block !== units[before].block;
  return at < marks.units.length && marks.units[at] === before && !marks.inner[at] && startsBlock ? at : below;
}

/** The index of the first mark at `unit` or after it, or -1. */
function firstMarkFrom(marks: WalkMarks, unit: number): number {
  const k = lastMarkBelow(marks, unit) + 1;
  return k < marks.units.length ? k : -1;
}
