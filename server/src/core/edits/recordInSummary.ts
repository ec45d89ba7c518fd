import type { ActionItem, Decision, EntryStyle, Meeting, NotesModel, Section, SectionKind } from '../model';
import { type TextEdit, eolOf, insert, itemById } from './textEdit';

/**
 * Records an uncaptured transcript item in ACTION ITEMS, or an uncaptured decision in DECISIONS,
 * written like the entries already there; creates the section when the meeting has none.
 */
export function recordInSummary(model: NotesModel, id: string): TextEdit[] {
  const item = itemById(model, id);
  const decision = item ? undefined : model.decisions.find((d) => d.id === id);
  if (item?.source !== 'transcript' && decision?.source !== 'transcript') return [];
  const target = (item ?? decision)!;
  const kind: SectionKind = item ? 'actions' : 'decisions';
  const meeting = model.meetings[target.meeting];
  const eol = eolOf(model.text);
  const section = targetSection(model, meeting, kind);
  if (section) {
    return [insert(section.insertAt, eol + entryLine(model, section.entryStyle, item, decision))];
  }
  const style: EntryStyle = { marker: 'bullet', bullet: '-', indent: '', nextNumber: 1, checkbox: false, dueStyle: 'due-field' };
  const header = newHeader(model, meeting, kind);
  const at = sectionInsertPoint(model, meeting);
  const block = `${header}${eol}${header.startsWith('#') ? eol : ''}${entryLine(model, style, item, decision)}`;
  return [insert(at, `${eol}${eol}${block}`)];
}

/** The meeting's section of that kind; for actions, a new-items list rather than last week's status. */
function targetSection(model: NotesModel, meeting: Meeting, kind: SectionKind): Section | undefined {
  const candidates = model.sections.filter((s) => s.meeting === meeting.index && s.kind === kind);
  return candidates.find((s) => !/\b(?:last|previous|prior|status|carried)\b/i.test(s.title)) ?? candidates[0];
}

function entryLine(model: NotesModel, style: EntryStyle, item: ActionItem | undefined, decision: Decision | undefined): string {
  const owner = item?.owner ? ownerLabel(model, item) : null;
  const task = item ? item.task : decision!.text;
  const due = item?.due ? (item.due.date ?? item.due.text) : null;
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
  const body = `${owner ? `${owner}: ` : ''}${task}${due ? (style.dueStyle === 'by' ? ` by ${due}` : ` - Due: ${due}`) : ''}`;
  if (style.marker === 'line') return body;
  const marker = style.marker === 'numbered' ? `${style.nextNumber}${style.bullet}` : style.bullet;
  return `${style.indent}${marker} ${style.checkbox ? '[ ] ' : ''}${body}`;
}

/** `Tom` when no other attendee shares the first name (as summaries are usually written), else the full name. */
function ownerLabel(model: NotesModel, item: ActionItem): string {
  const owner = item.owner!;
  if (!owner.attendee) return owner.name;
  const first = owner.attendee.name.split(/\s+/)[0];
  const attendees = model.meetings[item.meeting].attendees;
  return attendees.filter((a) => a.name.split(/\s+/)[0].toLowerCase() === first.toLowerCase()).length === 1 ? first : owner.attendee.name;
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
