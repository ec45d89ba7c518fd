import type { WorkspaceActionItem } from '../../../server/src/protocol';
import { DUE_BUCKETS, dueBucket } from './dueLabels';

export type GroupBy = 'owner' | 'due' | 'meeting' | 'series';

export interface ViewOptions {
  groupBy: GroupBy;
  showDone: boolean;
  /** Only this owner's items (a full name as the server gives it), or all. */
  owner: string | null;
}

export interface ItemGroup {
  /** Stable across refreshes, so expanded groups stay expanded. */
  key: string;
  label: string;
  description?: string;
  items: WorkspaceActionItem[];
}

export const NO_OWNER = 'No owner';
export const NO_SERIES = 'Single meetings';

/** Soonest due first; undated and vague last; then by file and position. */
export function compareItems(a: WorkspaceActionItem, b: WorkspaceActionItem): number {
  return (
    (a.due?.date ?? '9999').localeCompare(b.due?.date ?? '9999') ||
    a.uri.localeCompare(b.uri) ||
    a.range.start.line - b.range.start.line
  );
}

/**
 * The rows to show: done items only when asked, one owner's when filtered, and never an entry that a
 * later meeting of its series carries on (that later entry is the row for the work).
 */
export function visibleItems(items: WorkspaceActionItem[], options: ViewOptions): WorkspaceActionItem[] {
  return items.filter((i) => !i.series?.carriedTo && (options.showDone || i.status === 'open') && (!options.owner || (i.owner ?? NO_OWNER) === options.owner));
}

/** The tree's top level: items grouped by owner, by due date, by meeting or by series. Empty groups are left out. */
export function groupItems(items: WorkspaceActionItem[], options: ViewOptions, today: string): ItemGroup[] {
  const visible = visibleItems(items, options).sort(compareItems);
  if (options.groupBy === 'due') {
    return DUE_BUCKETS.map(({ bucket, label }) => ({ key: `due:${bucket}`, label, items: visible.filter((i) => dueBucket(i, today) === bucket) })).filter((g) => g.items.length);
  }
  if (options.groupBy === 'owner') {
    const owners = [...new Set(visible.map((i) => i.owner ?? NO_OWNER))].sort((a, b) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b)));
    return owners.map((owner) => ({ key: `owner:${owner}`, label: owner, items: visible.filter((i) => (i.owner ?? NO_OWNER) === owner) }));
  }
  if (options.groupBy === 'series') return groupBySeries(visible);
  // By meeting: newest meeting first.
  const meetings = new Map<string, ItemGroup & { date: string }>();
  for (const item of visible) {
    const key = `meeting:${item.uri}#${item.meeting.index}`;
    let group = meetings.get(key);
    if (!group) {
      const file = decodeURIComponent(item.uri.split('/').pop() ?? item.uri);
      group = { key, label: item.meeting.title, description: [item.meeting.date, file].filter(Boolean).join(' · '), items: [], date: item.meeting.date ?? '' };
      meetings.set(key, group);
    }
    group.items.push(item);
  }
  return [...meetings.values()].sort((a, b) => b.date.localeCompare(a.date) || a.label.localeCompare(b.label)).map(({ date: _date, ...group }) => group);
}

/** One group per meeting series, by title, then the items of meetings that belong to no series. */
function groupBySeries(visible: WorkspaceActionItem[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const item of visible) {
    const key = item.series ? `series:${item.series.id}` : 'series:none';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label: item.series?.title ?? NO_SERIES, description: item.series ? folderLabel(item.series.id) : undefined, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => (a.key === 'series:none' ? 1 : b.key === 'series:none' ? -1 : a.label.localeCompare(b.label) || a.key.localeCompare(b.key)));
}

/** Where a series lives, for telling apart two series of the same name: its folder, or its log file. */
function folderLabel(seriesId: string): string {
  const place = seriesId.startsWith('log:') ? seriesId.slice(4) : seriesId.slice(0, seriesId.lastIndexOf('|'));
  const name = place.replace(/\/+$/, '').split('/').pop() ?? place;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Owners present in the items, for the "filter to one owner" picker. */
export function ownersOf(items: WorkspaceActionItem[]): string[] {
  return [...new Set(items.map((i) => i.owner ?? NO_OWNER))].sort((a, b) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b)));
}
