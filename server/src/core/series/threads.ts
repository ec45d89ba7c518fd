import { type Candidate, assignOneToOne, sameName } from '../match/link';
import { sameWork, similarity, termsOf } from '../match/terms';
import { type DigestItem, type NotesDigest, doneReportsIn } from '../digest';
import type { ItemStatus } from '../model';
import { Hash53 } from '../text/hash';
import { type MeetingGroup, isReviewSection } from './identify';
import type { Series, SeriesEntry, SeriesMeeting, WorkThread } from './types';

// Each task's words are stemmed once per model version (models do not change once built).
const itemTerms = new WeakMap<DigestItem, Set<string>>();
function termsOfItem(item: DigestItem): Set<string> {
  let found = itemTerms.get(item);
  if (!found) itemTerms.set(item, (found = termsOf(item.task)));
  return found;
}

interface OpenWork {
  thread: WorkThread;
  /** Its thread's place among the threads: candidates are taken in this order, whatever the order works were indexed in. */
  order: number;
  /** The items of the work's first and latest entries: a task may be reworded little by little. */
  items: DigestItem[];
}

/** An earlier following of the same meetings, whose meetings before `at` read as these do: following goes on from meeting `at`. */
export interface FollowFrom {
  threads: WorkThread[];
  meetings: SeriesMeeting[];
  at: number;
}

/**
 * Follows each piece of work through the meetings of a series, in date order. An entry of a later
 * meeting continues an earlier piece of work that is still open when it is the same work (the words
 * that matching within a file uses: most of the shorter task's meaningful words in the other) and the
 * owners do not differ (one may be missing). Each piece of work is continued by at most one entry per
 * meeting, best match first (equal scores: the earlier entry, then the earlier work). Done work is
 * not continued: the same words later are new work. Also decides which meetings have a status list
 * (see SeriesMeeting.hasStatusList). In steps, a meeting at a time: a long series (a running log of
 * a year) took ~40 ms at once. With `from`, the meetings before `from.at` are taken from an earlier
 * following (typing in a series' latest meeting follows that meeting only).
 */
export function* followWorkSteps(group: MeetingGroup, modelOf: (file: string) => NotesDigest, from?: FollowFrom): Generator<void, WorkThread[]> {
  // Owners are few: each pair of names is compared once (by two map levels: a joined key would be
  // a new string to hash at every one of the many comparisons).
  const names = new Map<string, Map<string, boolean>>();
  const sameOwner = (a: string, b: string) => {
    let withA = names.get(a);
    if (!withA) names.set(a, (withA = new Map()));
    let same = withA.get(b);
    if (same === undefined) withA.set(b, (same = sameName(a, b)));
    return same;
  };
  const threads: WorkThread[] = [];
  // Open work by the words of its tasks: an entry is compared only with work that shares a word.
  const openByTerm = new Map<string, Set<OpenWork>>();
  const index = (work: OpenWork) => {
    for (const item of work.items) {
      for (const term of termsOfItem(item)) {
        let works = openByTerm.get(term);
        if (!works) openByTerm.set(term, (works = new Set()));
        works.add(work);
      }
    }
  };
  const unindex = (work: OpenWork) => {
    for (const item of work.items) for (const term of termsOfItem(item)) openByTerm.get(term)?.delete(work);
  };
  if (from) for (const work of resumed(group, modelOf, from, threads)) index(work);
  for (let position = from?.at ?? 0; position < group.meetings.length; position++) {
    const meeting = group.meetings[position];
    const model = modelOf(meeting.file);
    const entries = entriesOf(model, meeting);
    const candidates: Array<Candidate<OpenWork, Entry>> = [];
    for (const entry of entries) {
      // Same work shares two words, or one where a task has a single word (see sameWork).
      const shared = new Map<OpenWork, number>();
      for (const item of entry.items) for (const term of termsOfItem(item)) for (const work of openByTerm.get(term) ?? []) shared.set(work, (shared.get(work) ?? 0) + 1);
      const entryShort = entry.items.some((item) => termsOfItem(item).size <= 1);
      const scored: Array<Candidate<OpenWork, Entry>> = [];
      for (const [work, count] of shared) {
        if (count < 2 && !entryShort && !work.items.some((item) => termsOfItem(item).size <= 1)) continue;
        const score = matchScore(work.items, entry.items, sameOwner);
        if (score !== null) scored.push({ left: work, right: entry, score });
      }
      for (const c of scored.sort((a, b) => a.left.order - b.left.order)) candidates.push(c);
    }
    const continued = new Set<Entry>();
    for (const { left, right } of assignOneToOne(candidates)) {
      left.thread.entries.push(right.entry);
      unindex(left);
      left.items = [...left.items.slice(0, firstEntrySize(left)), ...right.items];
      if (right.entry.status === 'open') index(left); // done work is not continued
      continued.add(right);
    }
    for (const entry of entries) {
      if (continued.has(entry)) continue;
      const thread: WorkThread = { entries: [entry.entry] };
      const order = threads.push(thread) - 1;
      if (entry.entry.status === 'open') index({ thread, order, items: entry.items });
    }
    meeting.hasStatusList = continued.size >= 2 || model.sections.some((s) => s.meeting === meeting.meeting && isReviewSection(s));
    yield;
  }
  return threads;
}

/**
 * The threads of an earlier following as they stood after meeting `from.at - 1`, for these meetings
 * (copies whose entries point at them; threads are made in the order of their first entries), and
 * the work then open: a thread whose latest entry by then is open, with its first and that entry's
 * items from these models (the same, found by their ids). The meetings before have their status lists.
 */
function resumed(group: MeetingGroup, modelOf: (file: string) => NotesDigest, from: FollowFrom, threads: WorkThread[]): OpenWork[] {
  const itemsOf = (entry: SeriesEntry) => {
    const items = summaryItemsOf(modelOf(entry.file), entry.meeting.meeting);
    return entry.itemIds.map((id) => items.find((item) => item.id === id)!);
  };
  const open: OpenWork[] = [];
  for (const old of from.threads) {
    if (old.entries[0].meeting.position >= from.at) continue; // made later
    const entries = old.entries.filter((e) => e.meeting.position < from.at).map((e) => ({ ...e, meeting: group.meetings[e.meeting.position] }));
    const order = threads.push({ entries }) - 1;
    const [first, latest] = [entries[0], entries[entries.length - 1]];
    if (latest.status === 'open') open.push({ thread: threads[order], order, items: latest === first ? itemsOf(first) : [...itemsOf(first), ...itemsOf(latest)] });
  }
  for (let position = 0; position < from.at; position++) group.meetings[position].hasStatusList = from.meetings[position].hasStatusList;
  return open;
}

/** How many of a work's items belong to its first entry (kept for matching rewordings). */
function firstEntrySize(work: OpenWork): number {
  return work.thread.entries[0].itemIds.length;
}

/** A summary entry of one meeting, with its twin. */
interface Entry {
  entry: SeriesEntry;
  items: DigestItem[];
}

/** The meeting's summary entries, each with its twin (the ACTION ITEMS entry and its COMMITMENTS entry are one piece of work). */
function entriesOf(model: NotesDigest, meeting: SeriesMeeting): Entry[] {
  const items = summaryItemsOf(model, meeting.meeting);
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    const group = [item, ...item.linked.map((id) => byId.get(id)).filter((t): t is DigestItem => !!t && !seen.has(t.id))];
    group.forEach((i) => seen.add(i.id));
    const lead = group.find((i) => i.kind === 'action') ?? group[0];
    entries.push({
      entry: { file: meeting.file, itemId: lead.id, itemIds: group.map((i) => i.id), meeting, status: group.some((i) => i.status === 'done') ? 'done' : 'open' },
      items: group,
    });
  }
  return entries;
}

const summaryItems = new WeakMap<NotesDigest, Map<number, DigestItem[]>>();

/** A meeting's summary items, in the model's order (grouped once per model: a running log has dozens of meetings). */
function summaryItemsOf(model: NotesDigest, meeting: number): DigestItem[] {
  let byMeeting = summaryItems.get(model);
  if (!byMeeting) {
    byMeeting = new Map();
    for (const item of model.items) {
      if (item.source !== 'summary') continue;
      const list = byMeeting.get(item.meeting);
      if (list) list.push(item);
      else byMeeting.set(item.meeting, [item]);
    }
    summaryItems.set(model, byMeeting);
  }
  return byMeeting.get(meeting) ?? [];
}

/** Where a meeting's values start in `workRead` (no item value is this object). */
const MEETING = {};

/**
 * Everything `followWork` reads of a group's files, as values in a row: for the same values it
 * follows the same work. (A keystroke in a transcript makes a new model of its file, but seldom
 * changes what its summary says.)
 */
export function workRead(group: MeetingGroup, modelOf: (file: string) => NotesDigest): unknown[] {
  const values: unknown[] = [];
  for (const meeting of group.meetings) {
    const model = modelOf(meeting.file);
    values.push(MEETING, meeting.file, meeting.meeting, model.sections.some((s) => s.meeting === meeting.meeting && isReviewSection(s)));
    for (const item of summaryItemsOf(model, meeting.meeting)) {
      values.push(item.id, item.kind, item.status, item.task, item.owner?.name, item.due?.date, item.linked.length);
      for (const id of item.linked) values.push(id);
    }
    // What is reported done is read with the work: a series whose reports changed is made again.
    for (const report of doneReportsIn(model, meeting.meeting)) values.push(report.person, report.by ?? '', report.verb, report.work, report.said);
  }
  return values;
}

/** The position of the first meeting whose values differ in two `workRead`s of the same meetings. */
export function firstMeetingReadOtherwise(a: unknown[], b: unknown[]): number {
  let meeting = -1;
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (a[i] !== b[i]) return Math.max(meeting, 0);
    if (a[i] === MEETING) meeting++;
  }
  return Math.max(meeting, 0); // one goes on where the other ends: in the last meeting
}

/** The best score of the two entries' items being the same work, or null when they are not. */
function matchScore(earlier: DigestItem[], later: DigestItem[], sameOwner: (a: string, b: string) => boolean): number | null {
  let best: number | null = null;
  for (const a of earlier) {
    for (const b of later) {
      if (a.owner && b.owner && !sameOwner(a.owner.name, b.owner.name)) continue;
      const [x, y] = [termsOfItem(a), termsOfItem(b)];
      const s = similarity(x, y);
      if (!sameWork(s, Math.min(x.size, y.size))) continue;
      const score = s.score;
      const bonus = (a.owner && b.owner ? 0.1 : 0) + (a.due?.date && a.due.date === b.due?.date ? 0.05 : 0);
      if (best === null || score + bonus > best) best = score + bonus;
    }
  }
  return best;
}

/** A key of `workRead`'s values: the same values, the same key (a 53-bit hash of their texts and their count). */
export function readKey(values: unknown[]): string {
  const hash = new Hash53();
  for (const value of values) hash.add(value === MEETING ? '\u0001' : typeof value === 'string' ? `s${value}` : String(value));
  return `${hash.value().toString(36)}.${values.length.toString(36)}`;
}

/** Work followed through a series' meetings as plain data: each meeting's status list, each thread's entries by meeting position. */
export interface FollowedWork {
  read: string;
  statusLists: boolean[];
  threads: Array<Array<[position: number, itemId: string, itemIds: string[], status: ItemStatus]>>;
}

export function keptWork(series: Series, read: string): FollowedWork {
  return {
    read,
    statusLists: series.meetings.map((m) => m.hasStatusList),
    threads: series.threads.map((t) => t.entries.map((e) => [e.meeting.position, e.itemId, e.itemIds, e.status])),
  };
}

/** The threads of a group from work followed earlier (its meetings' status lists set as they were); null when it does not fit the group. */
export function threadsFrom(group: MeetingGroup, kept: FollowedWork): WorkThread[] | null {
  if (kept.statusLists.length !== group.meetings.length) return null;
  const threads: WorkThread[] = [];
  // Kept data may come from a damaged file: any other shape is not used.
  for (const entries of kept.threads) {
    if (!Array.isArray(entries)) return null;
    const thread: WorkThread = { entries: [] };
    for (const entry of entries) {
      if (!Array.isArray(entry)) return null;
      const [position, itemId, itemIds, status] = entry;
      const meeting = group.meetings[position];
      if (!meeting || typeof itemId !== 'string' || !Array.isArray(itemIds) || (status !== 'open' && status !== 'done')) return null;
      thread.entries.push({ file: meeting.file, itemId, itemIds, meeting, status });
    }
    threads.push(thread);
  }
  group.meetings.forEach((m, i) => (m.hasStatusList = kept.statusLists[i]));
  return threads;
}
