import { daysBetween, shortLabel, weekdayInWeekOf } from '../../../server/src/core/dates/calendar';
import type { WorkspaceActionItem } from '../../../server/src/protocol';

export type DueBucket = 'overdue' | 'today' | 'this-week' | 'later' | 'no-date' | 'done';

export const DUE_BUCKETS: Array<{ bucket: DueBucket; label: string }> = [
  { bucket: 'overdue', label: 'Overdue' },
  { bucket: 'today', label: 'Today' },
  { bucket: 'this-week', label: 'This week' },
  { bucket: 'later', label: 'Later' },
  { bucket: 'no-date', label: 'No date' },
  { bucket: 'done', label: 'Done' },
];

/** Which "by due" group an item falls in; the week runs Monday to Sunday. */
export function dueBucket(item: WorkspaceActionItem, today: string): DueBucket {
  return dueBucketer(today)(item);
}

/** `dueBucket` for one day, the end of its week worked out once (the tree sorts tens of thousands of items). */
export function dueBucketer(today: string): (item: WorkspaceActionItem) => DueBucket {
  const weekEnd = weekdayInWeekOf(today, 0);
  return (item) => {
    if (item.status === 'done') return 'done';
    const date = item.due?.date;
    if (!date) return 'no-date';
    if (date < today) return 'overdue';
    if (date === today) return 'today';
    return date <= weekEnd ? 'this-week' : 'later';
  };
}

/** `3 days overdue`, `due today`, `in 2 days`, `ASAP`, `no due date`, `done`. */
export function relativeDue(item: WorkspaceActionItem, today: string): string {
  if (item.status === 'done') return 'done';
  if (!item.due) return 'no due date';
  if (!item.due.date) return item.due.text;
  const days = daysBetween(today, item.due.date);
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `in ${days} days`;
}

/** Overdue, unless a later meeting of its series carries the work on (then that entry is judged). */
export function isOverdue(item: WorkspaceActionItem, today: string): boolean {
  return item.status === 'open' && !item.series?.carriedTo && !!item.due?.date && item.due.date < today;
}

/** `Sat, Feb 3 (2024-02-03)` or the words as written for dates that name no day. */
export function dueDetail(item: WorkspaceActionItem): string {
  if (!item.due) return 'none';
  return item.due.date ? `${shortLabel(item.due.date)} (${item.due.date})${item.due.text !== item.due.date ? `, written "${item.due.text}"` : ''}` : `"${item.due.text}" (not a date)`;
}
