// iCalendar (RFC 5545): one all-day event per open item with a due date.
import { addDays } from '../dates/calendar';
import { type ExportItem, isOverdue } from './items';

export interface IcsOptions {
  /** ISO date: the events' DTSTAMP (so the same notes give the same file on the same day). */
  today: string;
  /** The calendar's name as calendar apps show it. */
  name?: string;
}

/**
 * The calendar: an all-day VEVENT on each open item's due date, transparent (it does not block
 * time), with a UID that stays the same across exports so that importing again updates events.
 * Lines end in CRLF and are folded at 75 octets, never inside a character.
 */
export function toICalendar(items: ExportItem[], options: IcsOptions): string {
  const stamp = `${compact(options.today)}T000000Z`;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Meeting Notes//Action Items//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name ?? 'Meeting notes: action items')}`];
  for (const item of items) {
    if (item.status !== 'open' || !item.due?.date) continue;
    const notes = [
      `${item.kind === 'commitment' ? 'Commitment' : 'Action item'} from ${item.meeting.title}${item.meeting.date ? ` (${item.meeting.date})` : ''}.`,
      `Due: ${item.due.text}${item.due.text === item.due.date ? '' : ` (${item.due.date})`}${isOverdue(item, options.today) ? ', overdue' : ''}.`,
      ...(item.waited ? [`Carried over ${item.waited} meeting${item.waited === 1 ? '' : 's'} since ${item.firstRecorded}.`] : []),
      ...(item.source === 'transcript' ? ['Not in the summary: no summary entry records it.'] : []),
      `${item.path}:${item.line}`,
    ];
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(item.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(item.due.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(item.due.date, 1))}`,
      `SUMMARY:${escapeText(item.owner ? `${item.owner}: ${item.task}` : item.task)}`,
      `DESCRIPTION:${escapeText(notes.join('\n'))}`,
      `CATEGORIES:${item.kind === 'commitment' ? 'Commitment' : 'Action item'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Splits a content line into lines of at most 75 octets, each continuation starting with a space. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    const limit = parts.length ? 74 : 75; // a continuation's leading space counts
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function compact(iso: string): string {
  return iso.replace(/-/g, '');
}
