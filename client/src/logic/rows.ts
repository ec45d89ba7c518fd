import type { WorkspaceActionItem } from '../../../server/src/protocol';
import { dueDetail, isOverdue, relativeDue } from './dueLabels';
import type { GroupBy } from './grouping';

export type ItemState = 'overdue' | 'open' | 'done' | 'unrecorded';

export function itemState(item: WorkspaceActionItem, today: string): ItemState {
  if (item.status === 'done') return 'done';
  if (item.source === 'transcript') return 'unrecorded';
  return isOverdue(item, today) ? 'overdue' : 'open';
}

/** The row's text after the task: owner (unless grouped by owner) and relative due. */
export function rowDescription(item: WorkspaceActionItem, today: string, groupBy: GroupBy): string {
  const parts: string[] = [];
  if (groupBy !== 'owner') parts.push(item.owner ?? 'no owner');
  parts.push(relativeDue(item, today));
  if (item.kind === 'commitment') parts.push('commitment');
  if (item.source === 'transcript') parts.push('not in the summary');
  if (item.status === 'open' && item.series?.dropped) parts.push('dropped from a later meeting');
  else if (item.status === 'open' && item.series?.waited) parts.push(`waited ${plural(item.series.waited, 'meeting')}`);
  return parts.join(' · ');
}

/** The tooltip, as Markdown. */
export function rowTooltip(item: WorkspaceActionItem, today: string): string {
  const file = decodeURIComponent(item.uri.split('/').pop() ?? item.uri);
  const lines = [
    `**${escape(item.task)}**`,
    '',
    `- Owner: ${escape(item.owner ?? 'none')}`,
    `- Due: ${escape(dueDetail(item))}${item.status === 'open' && item.due?.date ? ` — ${relativeDue(item, today)}` : ''}`,
    `- Status: ${item.status}${item.source === 'transcript' ? ' — not in the summary' : ''}`,
    `- ${item.kind === 'commitment' ? 'Commitment' : 'Action item'} of ${escape(item.meeting.title)}${item.meeting.date ? ` (${item.meeting.date})` : ''}`,
    `- ${escape(file)}:${item.range.start.line + 1}`,
  ];
  if (item.series) lines.push(`- Series: ${escape(item.series.title)}${seriesNote(item)}`);
  return lines.join('\n');
}

function seriesNote(item: WorkspaceActionItem): string {
  const series = item.series!;
  if (series.carriedTo) return ` — carried on in the meeting of ${series.carriedTo.date} (${series.carriedTo.status} there)`;
  if (item.status !== 'open') return '';
  if (series.dropped) return ' — a later meeting’s status list left it out';
  return series.waited ? ` — open for ${plural(series.waited, 'meeting')} since it was recorded` : '';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]#|<>])/g, '\\$1'); // what Markdown would otherwise format
}

/** Items as a Markdown task list, for pasting into a chat or a ticket. */
export function itemsAsMarkdown(items: WorkspaceActionItem[]): string {
  return items
    .map((item) => {
      const owner = item.owner ? `${item.owner}: ` : '';
      const due = item.due ? ` (due ${item.due.date ?? item.due.text})` : '';
      const file = decodeURIComponent(item.uri.split('/').pop() ?? item.uri);
      return `- [${item.status === 'done' ? 'x' : ' '}] ${owner}${item.task}${due} — ${file}:${item.range.start.line + 1}`;
    })
    .join('\n');
}
