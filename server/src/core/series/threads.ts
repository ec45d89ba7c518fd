import { type Candidate, assignOneToOne, sameName } from '../match/link';
import { sameWork, similarity, termsOf } from '../match/terms';
import type { DigestItem, NotesDigest } from '../digest';
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
  /** Where each of those items is: its meeting's position and its id (a later model's items are other objects); kept only when how far following got is kept. */
  places: ItemPlace[];
}

type ItemPlace = [position: number, id: string];

/**
 * How far following had got after a meeting, enough to go on from the next one: how many entries
 * each thread had, and the work still open (by its thread's place and its items' places).
 */
export interface FollowedUpTo {
  entries: number[];
  open: Array<{ order: number; places: ItemPlace[] }>;
}

/** The threads followed through a series, and how far following had got after each meeting (when asked to keep that). */
export interface Followed {
  threads: WorkThread[];
  upTo: FollowedUpTo[] | null;
}

/** An earlier following of the same meetings, whose meetings before `at` read as these do: following goes on from meeting `at`. */
export interface FollowFrom {
  threads: WorkThread[];
  meetings: SeriesMeeting[];
  upTo: FollowedUpTo[];
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
 * following (a keystroke in a series' latest meeting follows that meeting only); with `keep`, how
 * far following had got after each meeting is kept for the next time.
 */
export function* followWorkSteps(group: MeetingGroup, modelOf: (file: string) => NotesDigest, from?: FollowFrom, keep = false): Generator<void, Followed> {
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
  const upTo: FollowedUpTo[] | null = keep ? [] : null;
  // The open work, for how far following got (only then).
  const open = new Set<OpenWork>();
  const index = (work: OpenWork) => {
    if (upTo) open.add(work);
    for (const item of work.items) {
      for (const term of termsOfItem(item)) {
        let works = openByTerm.get(term);
        if (!works) openByTerm.set(term, (works = new Set()));
        works.add(work);
      }
    }
  };
  const unindex = (work: OpenWork) => {
    if (upTo) open.delete(work);
    for (const item of work.items) for (const term of termsOfItem(item)) openByTerm.get(term)?.delete(work);
  };
  let first = 0;
  if (from) {
    first = from.at;
    resume(group, modelOf, from, threads, index);
    upTo?.push(...from.upTo.slice(0, first));
  }
  for (let position = first; position < group.meetings.length; position++) {
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
      const kept = firstEntrySize(left);
      left.items = [...left.items.slice(0, kept), ...right.items];
      if (upTo) left.places = [...left.places.slice(0, kept), ...placesOf(right.items, position)];
      if (right.entry.status === 'open') index(left); // done work is not continued
      continued.add(right);
    }
    for (const entry of entries) {
      if (continued.has(entry)) continue;
      const thread: WorkThread = { entries: [entry.entry] };
      const order = threads.push(thread) - 1;
      if (entry.entry.status === 'open') index({ thread, order, items: entry.items, places: upTo ? placesOf(entry.items, position) : [] });
    }
    meeting.hasStatusList = continued.size >= 2 || model.sections.some((s) => s.meeting === meeting.meeting && isReviewSection(s));
    upTo?.push({ entries: threads.map((t) => t.entries.length), open: [...open].map((w) => ({ order: w.order, places: w.places })) });
    yield;
  }
  return { threads, upTo };
}

function placesOf(items: DigestItem[], position: number): ItemPlace[] {
  return items.map((item) => [position, item.id]);
}

/**
 * The threads and open work of an earlier following as they stood after meeting `from.at - 1`, for
 * these meetings (entries point at them) and these models (the items are found again by place).
 */
function resume(group: MeetingGroup, modelOf: (file: string) => NotesDigest, from: FollowFrom, threads: WorkThread[], index: (work: OpenWork) => void): void {
  const state = from.upTo[from.at - 1];
  state.entries.forEach((count, order) => {
    threads.push({ entries: from.threads[order].entries.slice(0, count).map((e) => ({ ...e, meeting: group.meetings[e.meeting.position] })) });
  });
  for (let position = 0; position < from.at; position++) group.meetings[position].hasStatusList = from.meetings[position].hasStatusList;
  const itemAt = ([position, id]: ItemPlace) => {
    const meeting = group.meetings[position];
    return summaryItemsOf(modelOf(meeting.file), meeting.meeting).find((item) => item.id === id)!;
  };
  for (const { order, places } of state.open) index({ thread: threads[order], order, items: places.map(itemAt), places });
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
