import type { WorkspaceActionItem } from '../../../server/src/protocol';
import { DUE_BUCKETS, type DueBucket, dueBucketer } from './dueLabels';

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

/**
 * Groups of at most this many items start expanded; larger ones start collapsed (VS Code makes a
 * row for every item of an expanded group at each refresh: a large workspace's tens of thousands).
 * Once the user opens or closes a group, VS Code keeps that.
 */
export const EXPANDED_GROUP_MAX = 200;

export function startsExpanded(group: ItemGroup): boolean {
  return group.items.length <= EXPANDED_GROUP_MAX;
}

/** Titles in the locale's order (one collator: `localeCompare` looks the rules up at every call). */
const titles = new Intl.Collator();

/**
 * Soonest due first; undated and vague last; then by file (in the order the server lists files) and
 * position. Compared by their characters, not by the locale's rules: ISO dates sort the same, and
 * sorting a large workspace's listing at every refresh took several times as long.
 */
export function compareItems(a: WorkspaceActionItem, b: WorkspaceActionItem): number {
  const aDate = a.due?.date ?? '9999';
  const bDate = b.due?.date ?? '9999';
  if (aDate !== bDate) return aDate < bDate ? -1 : 1;
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start.line - b.range.start.line;
}

/**
 * The rows to show: done items only when asked, one owner's when filtered, and never an entry that a
 * later meeting of its series carries on (that later entry is the row for the work).
 */
export function visibleItems(items: WorkspaceActionItem[], options: ViewOptions): WorkspaceActionItem[] {
  return items.filter((i) => !i.series?.carriedTo && (options.showDone || i.status === 'open') && (!options.owner || (i.owner ?? NO_OWNER) === options.owner));
}

/**
 * The tree's top level: items grouped by owner, by due date, by meeting or by series. Empty groups
 * are left out. Each item is looked at once (it runs at every refresh: 42,000 items of a large
 * workspace took 50–170 ms when every group filtered them all).
 */
export function groupItems(items: WorkspaceActionItem[], options: ViewOptions, today: string): ItemGroup[] {
  const visible = visibleItems(items, options).sort(compareItems);
  if (options.groupBy === 'due') {
    const bucketOf = dueBucketer(today);
    const buckets = new Map(DUE_BUCKETS.map(({ bucket, label }): [DueBucket, ItemGroup] => [bucket, { key: `due:${bucket}`, label, items: [] }]));
    for (const item of visible) buckets.get(bucketOf(item))!.items.push(item);
    return [...buckets.values()].filter((g) => g.items.length);
  }
  if (options.groupBy === 'owner') {
    const byOwner = new Map<string, ItemGroup>();
    for (const item of visible) {
      const owner = item.owner ?? NO_OWNER;
      let group = byOwner.get(owner);
      if (!group) byOwner.set(owner, (group = { key: `owner:${owner}`, label: owner, items: [] }));
      group.items.push(item);
    }
    return [...byOwner.values()].sort((a, b) => byOwnerName(a.label, b.label));
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
  return [...meetings.values()].sort((a, b) => (a.date === b.date ? titles.compare(a.label, b.label) : a.date < b.date ? 1 : -1)).map(({ date: _date, ...group }) => group);
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
  return [...groups.values()].sort((a, b) => (a.key === 'series:none' ? 1 : b.key === 'series:none' ? -1 : titles.compare(a.label, b.label) || titles.compare(a.key, b.key)));
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
  return [...new Set(items.map((i) => i.owner ?? NO_OWNER))].sort(byOwnerName);
}

/** Owners by name, items with no owner last. */
function byOwnerName(a: string, b: string): number {
  return a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : a.localeCompare(b);
}
