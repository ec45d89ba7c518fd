import { type NotesDigest, doneReportsIn } from '../digest';
import { drain } from '../steps';
import { type MeetingGroup, datedGroupIds, groupMeetings } from './identify';
import { type FollowFrom, type FollowedWork, firstMeetingReadOtherwise, followWorkSteps, keptWork, readKey, threadsFrom, workRead } from './threads';
import { Hash53 } from '../text/hash';
import { type KeptReports, keptReports, laterReportsNear, readWhenAskedAmong, sameReports } from './reports';
import type { ItemInSeries, Series, SeriesIndex, SeriesReport, SeriesSource } from './types';

export type { FollowedWork } from './threads';

export type * from './types';
export type { ReportNear } from './reports';
export { isNear, reportsAny } from './reports';
export { folderOf, seriesTitleKey } from './identify';

// What each series was built from: a series whose meetings are the same is reused when its models
// are all the same, or when what following its work reads of them is.
const builtFrom = new WeakMap<Series, { models: NotesDigest[]; read: unknown[] | null; key?: string }>();

/**
 * Finds the series among the files and follows each piece of work through each series' meetings.
 * Given the previous index (of an editor's workspace, say), a series none of whose files changed
 * is taken from it as it was, so that a keystroke only recomputes its own file's series.
 */
export function buildSeries(sources: readonly SeriesSource[], previous?: SeriesIndex, remembered?: RememberedWork): SeriesIndex {
  return drain(buildSeriesSteps(sources, previous, remembered));
}

/**
 * The work followed through each series as it can be kept between runs (the server's index cache):
 * by series id, with a key of what following it read. A series whose files read the same is taken
 * from it rather than followed again (~0.5 s for 10,000 files).
 */
export type RememberedWork = Map<string, FollowedWork>;

/** `buildSeries` in steps, one series followed at a time, for callers that let other work run in between. */
export function* buildSeriesSteps(sources: readonly SeriesSource[], previous?: SeriesIndex, remembered?: RememberedWork): Generator<void, SeriesIndex> {
  const updated = previous && !remembered ? updatedIndex(sources, previous) : null;
  if (updated) {
    seriesCounts.updated++;
    return updated;
  }
  seriesCounts.full++;
  const modelOf = modelLookup(sources);
  const stampOf = remembered ? stampLookup(sources) : undefined;
  const before = new Map((previous?.series ?? []).map((s) => [s.id, s]));
  const series: Series[] = [];
  for (const group of groupMeetings(sources)) {
    const { built, followed } = yield* seriesOfGroupSteps(group, modelOf, before.get(group.id), remembered, stampOf);
    series.push(built);
    if (followed) yield;
  }

  // By file, then item id; each series' part is worked out once (unchanged series are the same objects).
  const byFile = new Map<string, Series[]>();
  for (const s of series) {
    for (const file of itemsOf(s).keys()) {
      const of = byFile.get(file);
      if (of) of.push(s);
      else byFile.set(file, [s]);
    }
    yield;
  }
  const byItem = new Map<string, Map<string, ItemInSeries>>();
  for (const [file, of] of byFile) byItem.set(file, itemsOfFile(of, file));
  return indexOf(series, sources, byItem, byFile, membersOf(sources));
}

/** What a file's series (in order) say of its items: a file in two (a running log in a folder series) gets a map of its own, not a series' one changed. */
function itemsOfFile(of: readonly Series[], file: string): Map<string, ItemInSeries> {
  let items: Map<string, ItemInSeries> | undefined;
  for (const s of of) {
    const own = itemsOf(s).get(file)!;
    items = items ? new Map([...items, ...own]) : own;
  }
  return items ?? new Map();
}

/** How indexes were made (for tests): from the previous index and a few changed files, or from all the files; and how many series were followed on from a meeting rather than from their first. */
export const seriesCounts = { updated: 0, full: 0, resumed: 0 };

/** The series of one group of meetings: the previous one when its files read the same, else followed again (`followed`). */
function seriesOfGroup(group: MeetingGroup, modelOf: (file: string) => NotesDigest, old: Series | undefined): { built: Series; followed: boolean } {
  return drain(seriesOfGroupSteps(group, modelOf, old));
}

/** `seriesOfGroup` in steps, a meeting followed at a time. */
function* seriesOfGroupSteps(group: MeetingGroup, modelOf: (file: string) => NotesDigest, old: Series | undefined, remembered?: RememberedWork, stampOf?: StampLookup): Generator<void, { built: Series; followed: boolean }> {
  const used = group.meetings.map((m) => modelOf(m.file));
  const was = old && builtFrom.get(old);
  // Read only when there is an earlier build to compare with (not for a workspace's first build).
  let read: unknown[] | null = null;
  let from: FollowFrom | undefined;
  if (old && was && sameMeetings(old, group.meetings)) {
    if (used.every((model, i) => model === was.models[i])) return { built: old, followed: false };
    read = workRead(group, modelOf);
    // A first build did not read (a workspace's start): what it read is read now, from its own models,
    // so that a first keystroke does not follow a long series' work again (~0.1 s in a 1 MB log).
    was.read ??= workRead(group, modelsOf(group, was.models));
    if (sameValues(read, was.read)) {
      builtFrom.set(old, { models: used, read });
      return { built: old, followed: false };
    }
    // The meetings before the first that reads otherwise give the same threads: following goes on
    // from it (typing in a long series' latest meeting follows that meeting only).
    const at = firstMeetingReadOtherwise(read, was.read);
    if (at > 0) from = { threads: old.threads, meetings: old.meetings, at };
  }
  let key: string | undefined;
  if (remembered) key = (stampOf && stampKey(group, stampOf)) ?? readKey((read ??= workRead(group, modelOf)));
  const kept = key !== undefined ? remembered!.get(group.id) : undefined;
  const threads = kept && kept.read === key ? threadsFrom(group, kept) : null;
  const built: Series = { ...group, threads: threads ?? (yield* followWorkSteps(group, modelOf, from)), reports: reportsOf(group, modelOf) };
  if (threads) takenFromMemory.add(built);
  if (from) seriesCounts.resumed++;
  builtFrom.set(built, { models: used, read: read ?? (old ? workRead(group, modelOf) : null), key });
  return { built, followed: true };
}

/** The files with dated meetings in each group (series or not), by series id. */
type Members = Map<string, readonly string[]>;

function membersOf(sources: readonly SeriesSource[]): Members {
  const members = new Map<string, string[]>();
  for (const source of sources) {
    for (const id of new Set(datedGroupIds(source))) {
      const files = members.get(id);
      if (files) files.push(source.file);
      else members.set(id, [source.file]);
    }
  }
  return members;
}

interface IndexParts {
  sources: readonly SeriesSource[];
  /** Each file's place in `sources` (made when first needed; the same for the indexes made after it, of the same files). */
  positions?: Map<string, number>;
  byItem: Map<string, Map<string, ItemInSeries>>;
  byFile: Map<string, Series[]>;
  members: Members;
  /**
   * The reports the sources keep, and where the sources read when asked are among them: worked out
   * when a rule first asks, and shared by the next index while no file reports otherwise (its
   * sources are the same files in the same order; a keystroke made them again for 10,000 files).
   */
  reports: { kept: KeptReports | null; unreadAt: number[] | null };
}

/** What an index was made from, its maps by file and its groups' files: the next index after a keystroke is made from them. */
const indexParts = new WeakMap<SeriesIndex, IndexParts>();

function indexOf(series: Series[], sources: readonly SeriesSource[], byItem: IndexParts['byItem'], byFile: IndexParts['byFile'], members: Members, positions?: Map<string, number>, reports: IndexParts['reports'] = { kept: null, unreadAt: null }): SeriesIndex {
  const index: SeriesIndex = {
    series,
    item: (file, itemId) => byItem.get(file)?.get(itemId),
    seriesOf: (file) => byFile.get(file) ?? [],
    laterReports: (file, date) => laterReportsNear((reports.kept ??= keptReports(sources)), (reports.unreadAt ??= readWhenAskedAmong(sources)).map((i) => sources[i]), file, date),
  };
  indexParts.set(index, { sources, byItem, byFile, members, positions, reports });
  return index;
}

/** At most this many changed files are worked in from the previous index; more are grouped again with the rest. */
const FEW_CHANGED = 16;

/**
 * The index after a few files changed (a keystroke, a file saved), from the previous one of the
 * same files: only the groups those files' dated meetings were or are in are grouped and worked out
 * again, from their own files, and the maps by file are patched for those files. Grouping every
 * meeting of a 10,000-file workspace again took ~7 ms of the ~17 ms a keystroke spent on series
 * there, indexing every series' items again ~8. Null when the files are not the same list or many
 * changed: then everything is grouped again.
 */
function updatedIndex(sources: readonly SeriesSource[], previous: SeriesIndex): SeriesIndex | null {
  const parts = indexParts.get(previous);
  if (!parts || parts.sources.length !== sources.length) return null;
  const ids = new Set<string>();
  const changedFiles: string[] = [];
  let members = parts.members;
  let reports = parts.reports;
  for (let i = 0; i < sources.length; i++) {
    const was = parts.sources[i];
    const now = sources[i];
    if (was === now) continue; // a caller's same source: the same file and model
    if (was.file !== now.file) return null;
    if (was.model === now.model) continue;
    if (changedFiles.push(now.file) > FEW_CHANGED) return null;
    if (reports === parts.reports && !sameReports(was, now)) reports = { kept: null, unreadAt: null };
    const before = new Set(datedGroupIds(was));
    const after = new Set(datedGroupIds(now));
    for (const id of before) ids.add(id);
    for (const id of after) ids.add(id);
    // The file leaves the groups it is no longer in and joins its new ones (copied: the previous index keeps its own).
    const moved = [...before].some((id) => !after.has(id)) || [...after].some((id) => !before.has(id));
    if (moved && members === parts.members) members = new Map(members);
    for (const id of before) if (!after.has(id)) members.set(id, members.get(id)!.filter((f) => f !== now.file));
    for (const id of after) if (!before.has(id)) members.set(id, [...(members.get(id) ?? []), now.file]);
  }
  if (changedFiles.length === 0) return indexOf(previous.series, sources, parts.byItem, parts.byFile, members, parts.positions, reports);
  // Every file with a meeting in one of those groups, and the changed files (which may have left one).
  const regrouped = new Set(changedFiles);
  for (const id of ids) for (const file of members.get(id) ?? []) regrouped.add(file);
  const at = parts.positions ?? (parts.positions = new Map(sources.map((s, i) => [s.file, i])));
  const ownSources = [...regrouped].map((file) => sources[at.get(file)!]); // in any order: groups put their meetings in date order
  const modelOf = modelLookup(ownSources);
  const old = new Map(previous.series.filter((s) => ids.has(s.id)).map((s) => [s.id, s]));
  const fresh: Series[] = [];
  for (const group of groupMeetings(ownSources)) {
    if (ids.has(group.id)) fresh.push(seriesOfGroup(group, modelOf, old.get(group.id)).built); // others: series of unchanged meetings
  }
  if (fresh.length === old.size && fresh.every((s) => old.get(s.id) === s)) return indexOf(previous.series, sources, parts.byItem, parts.byFile, members, at, reports);
  const series = [...previous.series.filter((s) => !ids.has(s.id)), ...fresh].sort(byId);
  const byItem = new Map(parts.byItem);
  const byFile = new Map(parts.byFile);
  for (const file of regrouped) {
    const of = [...(byFile.get(file) ?? []).filter((s) => !ids.has(s.id)), ...fresh.filter((s) => itemsOf(s).has(file))].sort(byId);
    if (of.length) {
      byFile.set(file, of);
      byItem.set(file, itemsOfFile(of, file));
    } else {
      byFile.delete(file);
      byItem.delete(file);
    }
  }
  return indexOf(series, sources, byItem, byFile, members, at, reports);
}

/** The work reported done in a group's meetings, in meeting order. */
function reportsOf(group: MeetingGroup, modelOf: (file: string) => NotesDigest): SeriesReport[] {
  const reports: SeriesReport[] = [];
  for (const meeting of group.meetings) for (const report of doneReportsIn(modelOf(meeting.file), meeting.meeting)) reports.push({ meeting, report });
  return reports;
}

/** Each source's stamp by its file (undefined: none). */
type StampLookup = (file: string) => string | undefined;

function stampLookup(sources: readonly SeriesSource[]): StampLookup {
  const stamps = new Map<string, string>();
  for (const s of sources) if (s.stamp !== undefined) stamps.set(s.file, s.stamp);
  return (file) => stamps.get(file);
}

/**
 * A key of what following a group's work reads, from its meetings and their files' stamps: the
 * same files' contents, the same meetings, the same work. Null when a file has no stamp (an
 * editor's buffer). Quicker than `readKey` of `workRead` (every summary item's words, ~0.05 s
 * for 10,000 files), and told apart from its keys by the colon.
 */
function stampKey(group: MeetingGroup, stampOf: StampLookup): string | null {
  const hash = new Hash53();
  for (const meeting of group.meetings) {
    const stamp = stampOf(meeting.file);
    if (stamp === undefined) return null;
    hash.add(meeting.file).add(String(meeting.meeting)).add(stamp);
  }
  return `s:${hash.value().toString(36)}.${group.meetings.length.toString(36)}`;
}

/** A group's models by file, given in the order of its meetings. */
function modelsOf(group: MeetingGroup, models: readonly NotesDigest[]): (file: string) => NotesDigest {
  const byFile = new Map(group.meetings.map((m, i) => [m.file, models[i]]));
  return (file) => byFile.get(file)!;
}

/** Each source's model by its file (every file asked for is one of the sources). */
function modelLookup(sources: readonly SeriesSource[]): (file: string) => NotesDigest {
  const models = new Map(sources.map((s) => [s.file, s.model]));
  return (file) => models.get(file)!;
}

const byId = (a: Series, b: Series) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const takenFromMemory = new WeakSet<Series>();

/** Whether an index's series are all and only those taken from the remembered work (there is nothing new to remember). */
export function sameAsRemembered(index: SeriesIndex, remembered: RememberedWork): boolean {
  return index.series.length === remembered.size && index.series.every((s) => takenFromMemory.has(s));
}

/** What to keep of an index built from `remembered`: null when every series was taken from it (nothing new to keep). */
export function workToKeep(index: SeriesIndex, sources: readonly SeriesSource[], remembered: RememberedWork | undefined): RememberedWork | null {
  return drain(workToKeepSteps(index, sources, remembered));
}

/** `workToKeep` in steps, one series at a time (reading what following each series reads takes ~0.1 s for 10,000 files). */
export function* workToKeepSteps(index: SeriesIndex, sources: readonly SeriesSource[], remembered: RememberedWork | undefined): Generator<void, RememberedWork | null> {
  return remembered && sameAsRemembered(index, remembered) ? null : yield* rememberWorkSteps(index, sources);
}

/** What to remember of an index's series: the work followed through each, by series id. */
export function rememberWork(index: SeriesIndex, sources: readonly SeriesSource[]): RememberedWork {
  return drain(rememberWorkSteps(index, sources));
}

function* rememberWorkSteps(index: SeriesIndex, sources: readonly SeriesSource[]): Generator<void, RememberedWork> {
  const modelOf = modelLookup(sources);
  const stampOf = stampLookup(sources);
  const work: RememberedWork = new Map();
  for (const s of index.series) {
    const from = builtFrom.get(s);
    work.set(s.id, keptWork(s, stampKey(s, stampOf) ?? from?.key ?? readKey(from?.read ?? workRead(s, modelOf))));
    yield;
  }
  return work;
}

const seriesItems = new WeakMap<Series, Map<string, Map<string, ItemInSeries>>>();

/** What a series says of each of its files' items, by file then item id (every file of the series has an entry). */
function itemsOf(s: Series): Map<string, Map<string, ItemInSeries>> {
  let byFile = seriesItems.get(s);
  if (byFile) return byFile;
  byFile = new Map(s.meetings.map((m) => [m.file, new Map<string, ItemInSeries>()]));
  for (const thread of s.threads) {
    const first = thread.entries[0];
    thread.entries.forEach((entry, i) => {
      const next = thread.entries[i + 1] ?? null;
      const omittedIn = !next && entry.status === 'open' ? (s.meetings.find((m) => m.position > entry.meeting.position && m.hasStatusList) ?? null) : null;
      const info: ItemInSeries = {
        series: s,
        thread,
        entry,
        previous: thread.entries[i - 1] ?? null,
        next,
        waited: entry.meeting.position - first.meeting.position,
        omittedIn,
      };
      const ofFile = byFile!.get(entry.file)!;
      for (const id of entry.itemIds) ofFile.set(id, info);
    });
  }
  seriesItems.set(s, byFile);
  return byFile;
}

/** The series of one file's own meetings (a running log), for callers that read one file alone. */
export function seriesOfFile(model: NotesDigest, file = ''): SeriesIndex {
  return buildSeries([{ file, model }]);
}

/** The latest meeting of a series: where carried-over work goes. */
export function latestMeeting(series: Series) {
  return series.meetings[series.meetings.length - 1];
}

function sameValues(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameMeetings(series: Series, meetings: Series['meetings']): boolean {
  return series.meetings.length === meetings.length && series.meetings.every((m, i) => m.file === meetings[i].file && m.meeting === meetings[i].meeting && m.date === meetings[i].date && m.title === meetings[i].title);
}
