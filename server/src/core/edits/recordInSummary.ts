import { headingEntryText } from '../extract/fields';
import { defaultStyle } from '../extract/walk';
import type { ActionItem, Attendee, EntryStyle, Meeting, NotesModel, PersonRef, Section, SectionKind } from '../model';
import { standAlone, textFollows } from './newBlock';
import { withOwner } from './ownerText';
import { type TextEdit, eolOf, insert, itemById } from './textEdit';

/** What a new summary entry says. */
export interface NewEntry {
  /** As it is written: `Tom`, or the full name where a first name is not enough. */
  owner: string | null;
  task: string;
  /** The ISO date, or the words of a date that names no day. */
  due: string | null;
}

/**
 * Records an uncaptured transcript item in ACTION ITEMS, or an uncaptured decision in DECISIONS,
 * written like the entries already there; creates the section when the meeting has none.
 */
export function recordInSummary(model: NotesModel, id: string): TextEdit[] {
  const item = itemById(model, id);
  const decision = item ? undefined : model.decisions.find((d) => d.id === id);
  if (item?.source !== 'transcript' && decision?.source !== 'transcript') return [];
  const meeting = model.meetings[(item ?? decision)!.meeting];
  const entry: NewEntry = item ? newEntryOf(item, meeting.attendees) : { owner: null, task: decision!.text, due: null };
  return insertEntry(model, meeting, item ? 'actions' : 'decisions', entry, 'new');
}

/** The entry for an item, its owner named as the given meeting's attendees are. */
export function newEntryOf(item: ActionItem, attendees: Attendee[]): NewEntry {
  return { owner: item.owner ? ownerLabel(item.owner, attendees) : null, task: item.task, due: item.due ? (item.due.date ?? item.due.text) : null };
}

/**
 * Adds an entry to the meeting's section of that kind, written like the entries there, or to a new
 * section after the meeting's summary. `prefer` chooses, among several action-item sections, a list
 * of new items or the review of earlier ones (`Status of last week's action items`).
 */
export function insertEntry(model: NotesModel, meeting: Meeting, kind: SectionKind, entry: NewEntry, prefer: 'new' | 'review'): TextEdit[] {
  const eol = eolOf(model.text);
  const section = targetSection(model, meeting, kind, prefer);
  if (section?.entryStyle.heading) {
    // `### Task` and its fields, a block of its own after the last one.
    const block = headingEntryText(section.entryStyle.heading, entry.owner, entry.task, entry.due, eol);
    return [insert(section.insertAt, standAlone(model.text, section.insertAt, `${eol}${eol}${block}`, eol))];
  }
  if (section) {
    const listed = section.entryStyle.marker === 'bullet' || section.entryStyle.marker === 'numbered';
    return [insert(section.insertAt, eol + entryLine(section.entryStyle, entry) + (listed && textFollows(model.text, section.insertAt) ? eol : ''))];
  }
  const style = defaultStyle(kind);
  const header = newHeader(model, meeting, kind);
  const at = sectionInsertPoint(model, meeting);
  const block = `${header}${eol}${header.startsWith('#') ? eol : ''}${entryLine(style, entry)}`;
  return [insert(at, standAlone(model.text, at, `${eol}${eol}${block}`, eol))];
}

// A section that reviews earlier items rather than listing new ones.
const REVIEW_TITLE = /\b(?:last|previous|prior|status|carried)\b/i;

/** The meeting's section of that kind; for actions, the kind of list asked for if there is one. */
function targetSection(model: NotesModel, meeting: Meeting, kind: SectionKind, prefer: 'new' | 'review'): Section | undefined {
  const candidates = model.sections.filter((s) => s.meeting === meeting.index && s.kind === kind);
  return candidates.find((s) => REVIEW_TITLE.test(s.title) === (prefer === 'review')) ?? candidates[0];
}

function entryLine(style: EntryStyle, { owner, task, due }: NewEntry): string {
  if (style.marker === 'table' && style.table) {
    const cells = Array.from({ length: style.table.count }, () => '');
    const { owner: o, task: t, due: d, status: s } = style.table;
    if (t !== null) cells[t] = o === null && owner ? `${owner}: ${task}` : task;
    if (o !== null) cells[o] = owner ?? '';
    if (d !== null) cells[d] = due ?? '';
    else if (due && t !== null) cells[t] += ` - Due: ${due}`;
    if (s !== null) cells[s] = 'Open';
    return `| ${cells.join(' | ')} |`;
  }
  const body = withOwner(style.ownerForm, owner, task, due ? (style.dueStyle === 'by' ? ` by ${due}` : ` - Due: ${due}`) : '');
  const box = style.checkbox ? `${style.openBox} ` : '';
  if (style.marker === 'line') return `${style.lineBullet ? `${style.lineBullet} ` : ''}${box}${body}`;
  const marker = style.marker === 'numbered' ? `${style.nextNumber}${style.bullet}` : style.bullet;
  return `${style.indent}${marker} ${box}${body}`;
}

/** `Tom` when no other attendee shares the first name (as summaries are usually written), else the full name. */
function ownerLabel(owner: PersonRef, attendees: Attendee[]): string {
  const first = owner.name.split(/\s+/)[0];
  const sameFirst = attendees.filter((a) => a.name.split(/\s+/)[0].toLowerCase() === first.toLowerCase());
  if (sameFirst.length !== 1) return owner.name;
  // The attendee must be this person (`Tom` may be another Tom in another meeting).
  return sameFirst[0].name.toLowerCase() === owner.name.toLowerCase() || !owner.name.includes(' ') ? first : owner.name;
}

/** A header like the meeting's other ones: `## Action Items` where notes use headings, `ACTION ITEMS:` in plain transcripts. */
function newHeader(model: NotesModel, meeting: Meeting, kind: SectionKind): string {
  const names = { actions: 'Action Items', decisions: 'Decisions', commitments: 'Commitments' };
  const siblings = model.sections.filter((s) => s.meeting === meeting.index);
  const pattern = siblings[0] ?? model.sections[0];
  if (pattern) {
    if (pattern.depth !== null) return `${'#'.repeat(pattern.depth)} ${names[kind]}`;
    return /[a-z]/.test(pattern.title) ? `${names[kind]}:` : `${names[kind].toUpperCase()}:`;
  }
  const headingDepth = /^(#{1,6})\s/m.exec(model.text.slice(meeting.span.start, meeting.span.end))?.[1].length;
  return headingDepth ? `${'#'.repeat(Math.min(6, headingDepth + 1))} ${names[kind]}` : `${names[kind].toUpperCase()}:`;
}

/** After the meeting's last summary section, else at the end of its text. */
function sectionInsertPoint(model: NotesModel, meeting: Meeting): number {
  const sections = model.sections.filter((s) => s.meeting === meeting.index);
  if (sections.length) return Math.max(...sections.map((s) => s.insertAt));
  let end = meeting.span.end;
  while (end > meeting.span.start && /\s/.test(model.text[end - 1])) end--;
  return end;
}
