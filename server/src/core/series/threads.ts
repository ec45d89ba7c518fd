import { type Candidate, assignOneToOne, sameName, workScore } from '../match/link';
import type { ActionItem, NotesModel } from '../model';
import { type MeetingGroup, isReviewSection } from './identify';
import type { SeriesEntry, SeriesMeeting, WorkThread } from './types';

interface OpenWork {
  thread: WorkThread;
  /** The items of the work's first and latest entries: a task may be reworded little by little. */
  items: ActionItem[];
}

/**
 * Follows each piece of work through the meetings of a series, in date order. An entry of a later
 * meeting continues an earlier piece of work that is still open when it is the same work (the words
 * that matching within a file uses: most of the shorter task's meaningful words in the other) and the
 * owners do not differ (one may be missing). Each piece of work is continued by at most one entry per
 * meeting, best match first. Done work is not continued: the same words later are new work.
 * Also decides which meetings have a status list (see SeriesMeeting.hasStatusList).
 */
export function followWork(group: MeetingGroup, modelOf: (file: string) => NotesModel): WorkThread[] {
  const threads: WorkThread[] = [];
  let open: OpenWork[] = [];
  for (const meeting of group.meetings) {
    const model = modelOf(meeting.file);
    const entries = entriesOf(model, meeting);
    const candidates: Array<Candidate<OpenWork, { entry: SeriesEntry; items: ActionItem[] }>> = [];
    for (const work of open) {
      for (const entry of entries) {
        const score = matchScore(work.items, entry.items);
        if (score !== null) candidates.push({ left: work, right: entry, score });
      }
    }
    const continued = new Set<SeriesEntry>();
    for (const { left, right } of assignOneToOne(candidates)) {
      left.thread.entries.push(right.entry);
      left.items = [...left.items.slice(0, firstEntrySize(left)), ...right.items];
      continued.add(right.entry);
    }
    const next: OpenWork[] = [];
    for (const entry of entries) {
      if (continued.has(entry.entry)) continue;
      const thread: WorkThread = { entries: [entry.entry] };
      threads.push(thread);
      next.push({ thread, items: entry.items });
    }
    meeting.hasStatusList = continued.size >= 2 || model.sections.some((s) => s.meeting === meeting.meeting && isReviewSection(s));
    open = [...open, ...next].filter((w) => w.thread.entries[w.thread.entries.length - 1].status === 'open');
  }
  return threads;
}

/** How many of a work's items belong to its first entry (kept for matching rewordings). */
function firstEntrySize(work: OpenWork): number {
  return work.thread.entries[0].itemIds.length;
}

/** The meeting's summary entries, each with its twin (the ACTION ITEMS entry and its COMMITMENTS entry are one piece of work). */
function entriesOf(model: NotesModel, meeting: SeriesMeeting): Array<{ entry: SeriesEntry; items: ActionItem[] }> {
  const items = model.items.filter((i) => i.meeting === meeting.meeting && i.source === 'summary');
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const entries: Array<{ entry: SeriesEntry; items: ActionItem[] }> = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    const group = [item, ...item.linked.map((id) => byId.get(id)).filter((t): t is ActionItem => !!t && !seen.has(t.id))];
    group.forEach((i) => seen.add(i.id));
    const lead = group.find((i) => i.kind === 'action') ?? group[0];
    entries.push({
      entry: { file: meeting.file, itemId: lead.id, itemIds: group.map((i) => i.id), meeting, status: group.some((i) => i.status === 'done') ? 'done' : 'open' },
      items: group,
    });
  }
  return entries;
}

/** The best score of the two entries' items being the same work, or null when they are not. */
function matchScore(earlier: ActionItem[], later: ActionItem[]): number | null {
  let best: number | null = null;
  for (const a of earlier) {
    for (const b of later) {
      if (a.owner && b.owner && !sameName(a.owner.name, b.owner.name)) continue;
      const score = workScore(a.task, b.task);
      if (score === null) continue;
      const bonus = (a.owner && b.owner ? 0.1 : 0) + (a.due?.date && a.due.date === b.due?.date ? 0.05 : 0);
      if (best === null || score + bonus > best) best = score + bonus;
    }
  }
  return best;
}
