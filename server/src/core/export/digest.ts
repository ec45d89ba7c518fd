// A Markdown digest by owner: what is overdue, what is due this week, what was done since a date.
import { daysBetween, shortLabel, weekdayInWeekOf } from '../dates/calendar';
import { type ExportItem, isOverdue } from './items';

export interface DigestOptions {
  today: string;
  /** Work done on or after this date is listed as done. */
  since: string;
  /** How many notes files were read (for the digest's first line). */
  fileCount: number;
}

const NO_OWNER = 'No owner';

/**
 * One section per owner (alphabetical, items without an owner last), each with what is overdue,
 * what is due from today to Sunday, and what was done since the date; owners with none of these
 * are left out. Items link back to their file and line.
 */
export function toDigest(items: ExportItem[], options: DigestOptions): string {
  const { today, since } = options;
  const sunday = weekdayInWeekOf(today, 0);
  const buckets = {
    overdue: (i: ExportItem) => isOverdue(i, today),
    week: (i: ExportItem) => i.status === 'open' && !!i.due?.date && i.due.date >= today && i.due.date <= sunday,
    done: (i: ExportItem) => i.status === 'done' && !!i.doneOn && i.doneOn >= since,
  };
  const counted = (test: (i: ExportItem) => boolean) => items.filter(test).length;
  const out = [
    `# Action items digest — ${shortLabel(today)}, ${today.slice(0, 4)}`,
    '',
    `${counted(buckets.overdue)} overdue · ${counted(buckets.week)} due this week (to ${shortLabel(sunday)}) · ${counted(buckets.done)} done since ${shortLabel(since)} (${since}) · from ${options.fileCount} notes file${options.fileCount === 1 ? '' : 's'}`,
  ];
  const owners = [...new Set(items.map((i) => i.owner ?? NO_OWNER))].sort((a, b) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b)));
  let listed = 0;
  for (const owner of owners) {
    const mine = items.filter((i) => (i.owner ?? NO_OWNER) === owner);
    const parts: string[] = [];
    const section = (title: string, list: ExportItem[], line: (i: ExportItem) => string) => {
      if (list.length) parts.push('', `### ${title}`, '', ...list.map(line));
    };
    section('Overdue', mine.filter(buckets.overdue), (i) => entry(i, `was due ${shortLabel(i.due!.date!)} (${lateness(daysBetween(i.due!.date!, today))})`));
    section('Due this week', mine.filter(buckets.week), (i) => entry(i, `due ${shortLabel(i.due!.date!)}${i.due!.date === today ? ' (today)' : ''}`));
    section(`Done since ${since}`, mine.filter(buckets.done), (i) => entry(i, `done ${i.doneOn}`));
    if (!parts.length) continue;
    listed++;
    out.push('', `## ${escapeMarkdown(owner)}`, ...parts);
  }
  if (!listed) out.push('', `Nothing is overdue, due this week or done since ${since}.`);
  return out.join('\n') + '\n';
}

function entry(item: ExportItem, when: string): string {
  const notes = [when];
  if (item.waited && item.status === 'open') notes.push(`waited ${item.waited} meeting${item.waited === 1 ? '' : 's'}`);
  if (item.source === 'transcript') notes.push('not in the summary');
  return `- [${item.status === 'done' ? 'x' : ' '}] ${escapeMarkdown(item.task)} — ${notes.join(' · ')} · ${codeSpan(`${item.path}:${item.line}`)}`;
}

function lateness(days: number): string {
  return `${days} day${days === 1 ? '' : 's'} late`;
}

/** Text that Markdown would otherwise format (emphasis, links, headings, tables, HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#|<>~])/g, '\\$1');
}

/** A code span that holds any text, backticks included. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
