import { dateFromFileName, splitTitleDate } from '../dates/meetingDate';
import { readCalendarDate } from '../dates/readDate';
import type { Attendee, DateSource, Meeting } from '../model';
import { type FlatDocument, type TextLine, type Unit, unitStart } from '../parse/blocks';
import { normalizeName, plainText, trimEndChars } from '../text/plain';
import { attendeeLine, bareHeaderLineKind, dateLine, headerKind, headerLineKind, startsList } from './headers';
import { Roster, parseAttendee, parseAttendeeList, parseInvitedLine } from './people';
import { readStatementHead } from './statement';

/** A meeting and the units of the document that belong to it. */
export interface MeetingRegion {
  meeting: Meeting;
  roster: Roster;
  /** Index of the first unit of the meeting and one past its last. */
  units: [number, number];
  /** A running log's text before its first dated heading, read as a meeting of its own. */
  preamble?: true;
}

interface DatedHeading {
  unit: number;
  depth: number;
  title: string;
  date: string;
}

/**
 * Finds the meetings of a document. A file is one meeting, unless it is a running log with one
 * dated heading per meeting (`## 2025-10-06`, `## Sprint review - March 4, 2025`).
 */
export function findMeetings(flat: FlatDocument, text: string, fileName: string | undefined, lineOf: (offset: number) => number): MeetingRegion[] {
  const { units } = flat;
  const frontMatter = flat.frontMatter ?? {};
  const frontMatterDate = readCalendarDate(String(frontMatter.date ?? frontMatter.Date ?? ''), null)?.date ?? null;
  const fileDate = fileName ? dateFromFileName(fileName) : null;
  const reference = frontMatterDate ?? fileDate;
  const frontMatterTitle = typeof frontMatter.title === 'string' && frontMatter.title.trim() ? frontMatter.title.trim() : null;
  const frontMatterAttendees = attendeesFromFrontMatter(frontMatter.attendees ?? frontMatter.participants);

  const dated: DatedHeading[] = [];
  units.forEach((unit, index) => {
    if (unit.type !== 'heading') return;
    const heading = plainText(unit.content.text);
    if (headerKind(heading)) return;
    const split = splitTitleDate(heading, reference);
    if (split) dated.push({ unit: index, depth: unit.depth, ...split });
  });
  const topDepth = Math.min(...dated.map((d) => d.depth));
  const meetingHeadings = dated.filter((d) => d.depth === topDepth);
  const fileStem = fileName ? titleFromFileName(fileName) : null;

  if (meetingHeadings.length < 2) {
    const title = titleOf(units, 0, units.length);
    const titleSplit = title ? splitTitleDate(title.text, reference) : null;
    const dateOnlyHeading = dated.find((d) => !d.title);
    const dateLineDate = findDateLine(units, 0, units.length, reference) ?? dateUnderTitle(units, units.length, reference);
    const [date, source] = firstDate([
      [frontMatterDate, 'front-matter'],
      [dateLineDate, 'date-line'],
      [titleSplit?.date ?? null, 'title'],
      [dateOnlyHeading?.date ?? null, 'heading'],
      [fileDate, 'file-name'],
    ]);
    const attendees = frontMatterAttendees.length ? frontMatterAttendees : findAttendees(units, 0, units.length);
    return [
      region(
        {
          title: frontMatterTitle ?? (titleSplit ? titleSplit.title || null : title?.text) ?? fileStem ?? 'Meeting notes',
          date,
          dateSource: source,
          line: title ? lineOf(title.start) : 0,
          span: { start: 0, end: text.length },
          attendees,
        },
        [0, units.length],
        0,
      ),
    ];
  }

  const firstHeading = meetingHeadings[0].unit;
  const preambleTitle = titleOf(units, 0, firstHeading);
  const documentTitle = frontMatterTitle ?? (preambleTitle ? splitTitleDate(preambleTitle.text, reference)?.title || preambleTitle.text : null) ?? fileStem ?? 'Meeting notes';
  const preambleAttendees = frontMatterAttendees.length ? frontMatterAttendees : findAttendees(units, 0, firstHeading);
  const regions: MeetingRegion[] = [];
  if (hasMeetingContent(units, 0, firstHeading)) {
    const [date, source] = firstDate([
      [frontMatterDate, 'front-matter'],
      [findDateLine(units, 0, firstHeading, reference) ?? dateUnderTitle(units, firstHeading, reference), 'date-line'],
      [fileDate, 'file-name'],
    ]);
    regions.push(
      region(
        { title: documentTitle, date, dateSource: source, line: 0, span: { start: 0, end: unitStart(units[firstHeading]) }, attendees: preambleAttendees },
        [0, firstHeading],
        regions.length,
      ),
    );
    regions[0].preamble = true;
  }
  meetingHeadings.forEach((heading, k) => {
    const end = meetingHeadings[k + 1]?.unit ?? units.length;
    const start = unitStart(units[heading.unit]);
    const own = findAttendees(units, heading.unit, end);
    const [date, source] = firstDate([
      [findDateLine(units, heading.unit, end, heading.date), 'date-line'],
      [heading.date, 'heading'],
    ]);
    regions.push(
      region(
        {
          title: heading.title || documentTitle,
          date,
          dateSource: source,
          line: lineOf(start),
          span: { start, end: end < units.length ? unitStart(units[end]) : text.length },
          attendees: own.length ? own : preambleAttendees,
        },
        [heading.unit, end],
        regions.length,
      ),
    );
  });
  return regions;
}

function region(fields: Omit<Meeting, 'index' | 'attendeesKnown'>, unitRange: [number, number], index: number): MeetingRegion {
  const meeting: Meeting = { index, ...fields, attendeesKnown: fields.attendees.length > 0 };
  return { meeting, roster: new Roster(meeting.attendees), units: unitRange };
}

function firstDate(candidates: Array<[string | null, DateSource]>): [string | null, DateSource | null] {
  const found = candidates.find(([date]) => date);
  return found ? [found[0], found[1]] : [null, null];
}

const CAPTION_START = /^(?:WEBVTT(?:[ \t].*)?|\d+)$/;

/** The title: the first heading, else the first line, unless that line is metadata or speech. */
function titleOf(units: Unit[], from: number, to: number): TextLine | null {
  const empty = new Roster([]);
  for (let i = from; i < to; i++) {
    const unit = units[i];
    if (unit.type === 'break') continue;
    if (unit.type === 'heading') {
      if (!headerKind(unit.content.text)) return { ...unit.content, text: plainText(unit.content.text) };
      return null;
    }
    if (unit.type === 'paragraph') {
      const line = unit.lines[0];
      // A caption file's header (`WEBVTT`) or a caption's number (SRT) names nothing: the file's name is the title.
      if (CAPTION_START.test(line.text)) return null;
      const isMetadata = attendeeLine(line.text) !== null || dateLine(line.text) !== null || headerLineKind(line.text) !== null || parseInvitedLine(line.text, 0) !== null;
      if (!isMetadata && !readStatementHead(line.text, empty) && plainText(line.text)) return { ...line, text: plainText(line.text) };
    }
    return null;
  }
  return null;
}

/** `Nov 24, 2026` alone on the line under the title heading, as Google Docs' meeting notes write it. */
function dateUnderTitle(units: Unit[], to: number, reference: string | null): string | null {
  let i = 0;
  const skipBreaks = () => {
    while (i < to && units[i].type === 'break') i++;
  };
  skipBreaks();
  if (units[i]?.type !== 'heading') return null;
  i++;
  skipBreaks();
  const unit = i < to ? units[i] : undefined;
  if (unit?.type !== 'paragraph') return null;
  const line = trimEndChars(plainText(unit.lines[0].text).trim(), /[.\s]/);
  const reading = readCalendarDate(line, reference);
  return reading && reading.length >= line.length ? reading.date : null;
}

function findDateLine(units: Unit[], from: number, to: number, reference: string | null): string | null {
  for (let i = from; i < to; i++) {
    const unit = units[i];
    const lines = unit.type === 'paragraph' ? unit.lines : unit.type === 'item' ? unit.lines.slice(0, 1) : [];
    for (const line of lines) {
      const at = dateLine(line.text);
      if (at === null) continue;
      const date = readCalendarDate(plainText(line.text.slice(at)), reference)?.date;
      if (date) return date;
    }
  }
  return null;
}

/** Attendees from an `Attendees:` line, or a list or table under an `Attendees` heading or header line. */
function findAttendees(units: Unit[], from: number, to: number): Attendee[] {
  const found: Attendee[] = [];
  let capture: { block: number; heading: boolean } | null = null;
  for (let i = from; i < to; i++) {
    const unit = units[i];
    if (unit.type === 'heading') {
      capture = headerKind(unit.content.text) === 'attendees' ? { block: unit.block, heading: true } : null;
      continue;
    }
    if (capture && !capture.heading && unit.block > capture.block + 1) capture = null;
    if (unit.type === 'item') {
      if (capture && unit.depth === 0) {
        const attendee = parseAttendee(unit.lines[0].text, unit.lines[0].start, true);
        if (attendee) found.push(attendee);
      }
      continue;
    }
    if (unit.type === 'table') {
      if (capture) for (const row of unit.rows) if (row.cells[0]) found.push(...parseAttendeeList(row.cells[0].text, row.cells[0].start));
      continue;
    }
    if (unit.type !== 'paragraph') {
      if (capture && !capture.heading) capture = null;
      continue;
    }
    for (const line of unit.lines) {
      const at = attendeeLine(line.text);
      const header = startsList(unit, units[i + 1]) ? bareHeaderLineKind(line.text) : headerLineKind(line.text);
      const invited = at === null ? parseInvitedLine(line.text, line.start) : null;
      if (at !== null) {
        found.push(...parseAttendeeList(line.text.slice(at), line.start + at));
      } else if (invited) {
        found.push(...invited);
      } else if (header === 'attendees') {
        capture = { block: unit.block, heading: false };
      } else if (header) {
        capture = null; // `ACTION ITEMS:` and the like: what follows is another section
      } else if (capture?.heading && !readStatementHead(line.text, new Roster([]))?.time) {
        // Names written as a paragraph under the heading; a timestamped line is already the transcript.
        found.push(...parseAttendeeList(line.text, line.start));
      }
    }
  }
  return dedupe(found);
}

function attendeesFromFrontMatter(value: unknown): Attendee[] {
  const names = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const found: Attendee[] = [];
  for (const entry of names) {
    if (typeof entry === 'string') {
      for (const attendee of parseAttendeeList(entry, 0)) found.push({ ...attendee, span: null });
    } else if (entry && typeof entry === 'object') {
      const record = entry as Record<string, unknown>;
      const name = typeof record.name === 'string' ? record.name.trim() : '';
      if (name) found.push({ name, role: typeof record.role === 'string' ? record.role : null, span: null });
    }
  }
  return dedupe(found);
}

function dedupe(attendees: Attendee[]): Attendee[] {
  const seen = new Set<string>();
  return attendees.filter((a) => {
    const key = normalizeName(a.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether text before the first meeting heading holds items or speech of its own. */
function hasMeetingContent(units: Unit[], from: number, to: number): boolean {
  const empty = new Roster([]);
  for (let i = from; i < to; i++) {
    const unit = units[i];
    if (unit.type === 'table') return true;
    if (unit.type === 'item' && unit.checkbox) return true;
    if (unit.type === 'heading' && headerKind(unit.content.text) && headerKind(unit.content.text) !== 'attendees') return true;
    if (unit.type === 'paragraph' && unit.lines.some((l) => readStatementHead(l.text, empty)?.time || (headerLineKind(l.text) ?? 'attendees') !== 'attendees')) {
      return true;
    }
  }
  return false;
}

function titleFromFileName(fileName: string): string | null {
  const stem = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/(?<!\d)\d{4}[-_.]?\d{2}[-_.]?\d{2}(?!\d)/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : null;
}
