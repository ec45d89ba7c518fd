// Completion: people after `@`, at the start of an entry, after `Action item for` and after a
// transcript timestamp; due-date phrases with the day they resolve to; summary section headings.
import { addDays } from '../dates/calendar';
import { readDate } from '../dates/readDate';
import type { NotesModel, SectionKind, Span } from '../model';
import { normalizeName } from '../text/plain';
import { dayAndDate, distance, longDate, weekdayShort } from './describe';
import { meetingAt } from './locate';
import { type DigestDoc, type NotesDoc, mentionsIn, personKey, workspacePeople } from './people';

export interface CompletionText {
  label: string;
  kind: 'person' | 'date' | 'heading';
  insertText: string;
  /** Shown beside the label (a role, the day a phrase means). */
  description?: string;
  detail?: string;
  filterText?: string;
  sortText: string;
}

export interface Completions {
  /** The text the chosen completion replaces (what has been typed of it). */
  replace: Span;
  items: CompletionText[];
}

interface Candidate {
  name: string;
  role: string | null;
  /** How the name is usually written in an entry: the first name when no one else shares it. */
  short: string;
  rank: number;
}

const LIST_ENTRY = /^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)([\p{L}\p{M}]*)$/u;

export function completionsAt(docs: DigestDoc[], doc: NotesDoc, offset: number, today: string): Completions | null {
  const { model } = doc;
  const line = model.lines.positionAt(offset).line;
  const lineStart = model.lines.lineStart(line);
  const prefix = model.text.slice(lineStart, offset);
  const rest = model.text.slice(offset, model.lines.lineEnd(line));
  const wordAfter = /^[\p{L}\p{N}._-]*/u.exec(rest)![0].length;
  const span = (typed: string): Span => ({ start: offset - typed.length, end: offset + wordAfter });
  const meeting = meetingAt(model, offset);
  const colonFollows = /^[\p{L}\p{N}._-]*\s*:/u.test(rest);

  const handle = /(?:^|[\s(\[,])@([\p{L}\p{N}._-]*)$/u.exec(prefix);
  if (handle) {
    const typed = handle[1];
    const lower = typed !== '' && typed === typed.toLowerCase();
    return {
      replace: span(typed),
      items: peopleFor(docs, doc, meeting).map((p) => person(p, p.short.replace(/\s+/g, '.'), lower)),
    };
  }

  const actionFor = /\baction\s+items?\s+for\s+([^:\n]{0,40})$/iu.exec(prefix);
  if (actionFor) {
    const typed = actionFor[1];
    const speaker = model.statements.find((s) => s.span.start <= offset && offset <= s.span.end)?.speaker;
    const suffix = colonFollows ? '' : ': ';
    const me: CompletionText = { label: 'me', kind: 'person', insertText: `me${suffix}`, description: speaker ? speaker.name : 'the speaker', sortText: '0' };
    return { replace: span(typed), items: [me, ...peopleFor(docs, doc, meeting).map((p) => person(p, `${p.short}${suffix}`))] };
  }

  const stamped = /^\s*[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]+([\p{L}\p{M} .'’-]{0,60})$/u.exec(prefix);
  if (stamped) {
    const suffix = colonFollows ? '' : ': ';
    return { replace: span(stamped[1]), items: peopleFor(docs, doc, meeting).map((p) => person(p, `${p.name}${suffix}`)) };
  }

  const due = /(?:\b(?:due(?:\s+date)?|deadline)\s*:\s*|\(due:?[ \t]+|📅[ \t]*|\b(by|before|until)[ \t]+)([\p{L}\p{N} ]{0,30})$/iu.exec(prefix);
  if (due && (!due[1] || isEntryOrStatement(model, prefix, offset))) {
    return { replace: span(due[2]), items: datePhrases(model.meetings[meeting]?.date ?? null, today, !!due[1]) };
  }

  const entry = LIST_ENTRY.exec(prefix);
  if (entry) {
    const kind = sectionAt(model, lineStart);
    const checkbox = /\[[ xX]\]/.test(entry[1]);
    if (kind === 'decisions' || (!kind && !checkbox)) return null;
    // On an existing owner (`- Mi|ke: task`), the name is replaced and its colon kept.
    const suffix = colonFollows ? '' : ': ';
    return { replace: span(entry[2]), items: peopleFor(docs, doc, meeting).map((p) => person(p, `${p.short}${suffix}`)) };
  }

  const heading = /^(#{1,6}[ \t]+)?([\p{L} ]{0,30})$/u.exec(prefix);
  if (heading && (heading[1] || !rest.trim())) {
    return { replace: span(heading[2]), items: headings(model, doc.uri, meeting, !!heading[1]) };
  }
  return null;
}

function person(p: Candidate, insertText: string, lower = false): CompletionText {
  return {
    label: p.name,
    kind: 'person',
    insertText: lower ? insertText.toLowerCase() : insertText,
    description: p.role ?? (p.rank === 0 ? 'attendee' : p.rank === 1 ? 'speaker' : 'from other notes'),
    filterText: `${p.short} ${p.name}`,
    sortText: `${p.rank}`,
  };
}

/** The meeting's attendees, then its other speakers, then everyone else in the workspace's notes. */
function peopleFor(docs: DigestDoc[], doc: NotesDoc, meeting: number): Candidate[] {
  const found = new Map<string, Omit<Candidate, 'short'>>();
  const add = (name: string, role: string | null, rank: number) => {
    const key = personKey(name);
    if (key && !found.has(key)) found.set(key, { name, role, rank });
  };
  for (const a of doc.model.meetings[meeting]?.attendees ?? []) add(a.name, a.role, 0);
  for (const m of mentionsIn(doc.model)) if (m.meeting === meeting && m.role === 'speaker') add(m.name, null, 1);
  for (const p of workspacePeople(docs)) add(p.name, p.role, 2);
  const people = [...found.values()];
  const firstNames = new Map<string, number>();
  for (const p of people) {
    const first = normalizeName(p.name.split(' ')[0]);
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  return people.map((p) => {
    const first = p.name.split(' ')[0];
    return { ...p, short: firstNames.get(normalizeName(first)) === 1 ? first : p.name };
  });
}

/** Phrases teams write for due dates, each with the day it means for this meeting. */
const PHRASES = ['Today', 'Tomorrow', 'End of week', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'next Monday', 'next week', 'End of month', 'In two weeks'];
const WEEKDAY_FIRST = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

function datePhrases(meetingDate: string | null, today: string, inSentence: boolean): CompletionText[] {
  if (!meetingDate) {
    // Relative words need a meeting date; without one, offer calendar dates from today.
    return [0, 1, 2, 3, 4, 5, 6, 7, 14].map((days, i) => {
      const iso = addDays(today, days);
      return { label: iso, kind: 'date', insertText: iso, description: `${weekdayShort(iso)} · ${distance(today, iso)}`, detail: longDate(iso), sortText: String(i).padStart(2, '0') };
    });
  }
  const items: Array<CompletionText & { date: string }> = [];
  for (const phrase of PHRASES) {
    // `Due: End of week`, but `by end of week`; a weekday keeps its capital.
    const words = inSentence && !WEEKDAY_FIRST.test(phrase) ? phrase[0].toLowerCase() + phrase.slice(1) : phrase;
    const date = readDate(words, meetingDate)?.date;
    if (!date) continue;
    items.push({ label: words, kind: 'date', insertText: words, description: dayAndDate(date), detail: `${longDate(date)} (${distance(today, date)})`, sortText: '', date, filterText: words });
  }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return items.map(({ date: _date, ...item }, i) => ({ ...item, sortText: String(i).padStart(2, '0') }));
}

const SECTIONS: Array<{ kind: SectionKind | 'attendees'; title: string }> = [
  { kind: 'attendees', title: 'Attendees' },
  { kind: 'decisions', title: 'Decisions' },
  { kind: 'actions', title: 'Action Items' },
  { kind: 'commitments', title: 'Commitments' },
];

/** Section headings in the style the notes already use (`ACTION ITEMS:` lines or `## Action Items`). */
function headings(model: NotesModel, uri: string, meeting: number, afterHashes: boolean): CompletionText[] {
  const present = new Set<string>(model.sections.filter((s) => s.meeting === meeting).map((s) => s.kind));
  if (model.meetings[meeting]?.attendeesKnown) present.add('attendees');
  const styled = model.sections.find((s) => s.meeting === meeting) ?? model.sections[0];
  const lineStyle = styled ? styled.depth === null : /\.txt$/i.test(uri);
  const depth = styled?.depth ?? 2;
  return SECTIONS.filter((s) => !(s.kind === 'attendees' && present.has('attendees'))).map((s) => {
    let insertText: string;
    if (afterHashes) insertText = s.title;
    else if (s.kind === 'attendees') insertText = 'Attendees: ';
    else if (lineStyle) insertText = `${s.title.toUpperCase()}:`;
    else insertText = `${'#'.repeat(depth)} ${s.title}`;
    return {
      label: afterHashes || !lineStyle || s.kind === 'attendees' ? s.title : `${s.title.toUpperCase()}:`,
      kind: 'heading',
      insertText,
      description: present.has(s.kind) ? 'already in this meeting' : 'section',
      filterText: s.title,
      sortText: `${present.has(s.kind) ? 1 : 0}${SECTIONS.indexOf(s)}`,
    };
  });
}

/** The kind of summary section a line lies in: after its header, among its entries. */
function sectionAt(model: NotesModel, lineStart: number): SectionKind | null {
  const section = [...model.sections].reverse().find((s) => s.headerSpan.end <= lineStart);
  if (!section) return null;
  const between = model.text.slice(section.insertAt, lineStart).split(/\r?\n/);
  const inside = between.every((l) => !l.trim() || /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(l) || /^\s{2,}\S/.test(l));
  return inside ? section.kind : null;
}

/** `by`, `before`, `until` only start a due date in an entry or in something said. */
function isEntryOrStatement(model: NotesModel, prefix: string, offset: number): boolean {
  if (/^\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]|\|)/.test(prefix)) return true;
  return model.statements.some((s) => s.span.start <= offset && offset <= s.span.end + 1) || /^\s*[[(]?\d{1,2}:\d{2}/.test(prefix);
}
