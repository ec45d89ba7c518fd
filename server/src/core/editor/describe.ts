// Words for dates, items and places, shared by hovers, inlay hints, completion and symbols.
import { WEEKDAYS, daysBetween, parseIso, weekdayOf } from '../dates/calendar';
import type { DigestItem } from '../digest';
import type { ActionItem, DueDate, Statement } from '../model';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const capital = (word: string) => word[0].toUpperCase() + word.slice(1);

/** `Tue` */
export function weekdayShort(iso: string): string {
  return capital(WEEKDAYS[weekdayOf(iso)]).slice(0, 3);
}

/** `Tue 2024-01-30`: what an inlay hint shows after `Tomorrow`. */
export function dayAndDate(iso: string): string {
  return `${weekdayShort(iso)} ${iso}`;
}

/** `Tuesday, January 30, 2024` */
export function longDate(iso: string): string {
  const d = parseIso(iso)!;
  return `${capital(WEEKDAYS[weekdayOf(iso)])}, ${MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
}

/** How far a day is from today: `today`, `tomorrow`, `in 5 days`, `yesterday`, `3 days ago`. */
export function distance(today: string, iso: string): string {
  const days = daysBetween(today, iso);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const count = Math.abs(days);
  const weeks = count >= 14 ? ` (${Math.floor(count / 7)} weeks${count % 7 ? ` ${count % 7} day${count % 7 === 1 ? '' : 's'}` : ''})` : '';
  return days > 0 ? `in ${count} days${weeks}` : `${count} days ago${weeks}`;
}

/** Where an item stands against its due day: `2 days overdue` when open and past, else how far away. */
export function dueStanding(today: string, iso: string, status: ActionItem['status']): string {
  const days = daysBetween(today, iso);
  if (status === 'open' && days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  return distance(today, iso);
}

/**
 * Whether a due date is written relative to the meeting (`Tomorrow`, `Friday`, `End of week`,
 * `next Monday`) rather than as a calendar date (`February 3`, `2025-03-12`, `3/12`).
 */
export function isRelative(due: DueDate): boolean {
  if (!due.date) return false;
  const calendar = /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
  return !calendar.test(due.text);
}

/** One line about an item: `Mike Johnson · due Tue 2024-01-30 · 2 days overdue`. */
export function itemLine(item: Pick<DigestItem, 'owner' | 'status' | 'doneDate' | 'due'>, today: string): string {
  return `${item.owner?.name ?? 'no owner'} · ${itemStanding(item, today)}`;
}

/** How an item stands: `due Tue 2024-01-30 · 2 days overdue`, `done 2024-02-02`, `no due date`. */
export function itemStanding(item: Pick<DigestItem, 'status' | 'doneDate' | 'due'>, today: string): string {
  if (item.status === 'done') return item.doneDate ? `done ${item.doneDate}` : 'done';
  if (!item.due) return 'no due date';
  if (!item.due.date) return item.due.vague ? `due "${item.due.text}" (not a date)` : `due "${item.due.text}"`;
  return `due ${dayAndDate(item.due.date)} · ${dueStanding(today, item.due.date, item.status)}`;
}

/** `action item`, `commitment` */
export function kindLabel(item: Pick<DigestItem, 'kind'>): string {
  return item.kind === 'commitment' ? 'commitment' : 'action item';
}

/** `at 07:30 by Mike Johnson`, or `by Ana` for a transcript without times. */
export function whenSaid(statement: Statement): string {
  const who = statement.speaker ? ` by ${statement.speaker.name}` : '';
  return `${statement.time ? `at ${statement.time}` : ''}${who}`.trim();
}

/** The last path segment of a URI, decoded: `architecture-review-2024-01-29.txt`. */
export function fileLabel(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A markdown link that opens a line of a file (`file:///…#L34`, understood by VS Code and most clients). */
export function lineLink(uri: string, line: number, label?: string): string {
  return `[${(label ?? `${fileLabel(uri)}:${line}`).replace(/([\\[\]])/g, '\\$1')}](${uri.replace(/#.*$/, '')}#L${line})`;
}

/** Escapes text for a markdown hover, so a task with `*` or `_` reads as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');
}

/** Why a due date has no day, in markdown. */
export function dueWithoutDay(due: DueDate, meetingDate: string | null): string {
  const quoted = `"${escapeMarkdown(due.text)}"`;
  if (due.invalid) return `${quoted} is not a real date.`;
  if (due.vague) return `${quoted} is not a date: it cannot be tracked until it names a day.`;
  if (!meetingDate) return `${quoted} counts from the meeting date, and these notes give none (add a \`Date:\` line).`;
  return `${quoted} names no day.`;
}
