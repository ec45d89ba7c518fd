import type { NotesDigest } from '../digest';
import type { Section } from '../model';
import type { SeriesMeeting, SeriesSource } from './types';

/** A group of meetings that form one series, in date order (status lists are judged later). */
export interface MeetingGroup {
  id: string;
  title: string;
  meetings: SeriesMeeting[];
}

/**
 * Groups the dated meetings of the files into series. A file with several meetings (a running log)
 * is a series of its own; single-meeting files form a series with the other files of the same folder
 * whose title is the same once case, punctuation and numbers are ignored (`Platform sync #12`,
 * `Platform Sync — 2025-03-17`). A series needs two dated meetings; undated meetings cannot be
 * placed in order and are left out.
 */
export function groupMeetings(sources: readonly SeriesSource[]): MeetingGroup[] {
  const groups = new Map<string, MeetingGroup>();
  for (const { file, model } of sources) {
    const log = model.meetings.length > 1;
    const ids = groupIdsOf(file, model);
    for (const meeting of model.meetings) {
      const id = ids[meeting.index];
      if (id === null || !meeting.date) continue;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { id, title: log ? model.meetings[0].title : meeting.title, meetings: [] }));
      group.meetings.push({ file, meeting: meeting.index, date: meeting.date, title: meeting.title, position: 0, hasStatusList: false });
    }
  }
  const series = [...groups.values()].filter((g) => g.meetings.length >= 2);
  for (const group of series) {
    group.meetings.sort(inMeetingOrder);
    group.meetings.forEach((m, i) => (m.position = i));
    if (!group.id.startsWith('log:')) group.title = group.meetings[group.meetings.length - 1].title; // the name in use now
  }
  return series.sort((a, b) => compareText(a.id, b.id));
}

// The series id of each meeting of a file's model, worked out once per model: an edit rebuilds the
// series of the whole workspace, whose other files' models are the same objects as before.
const groupIds = new WeakMap<NotesDigest, { file: string; ids: Array<string | null> }>();

function groupIdsOf(file: string, model: NotesDigest): Array<string | null> {
  const known = groupIds.get(model);
  if (known?.file === file) return known.ids;
  const log = model.meetings.length > 1;
  const ids = model.meetings.map((meeting) => {
    const titleKey = seriesTitleKey(meeting.title);
    if (!log && !titleKey) return null; // `Meeting notes`-like fallbacks with no words say nothing
    return log ? `log:${file}` : `${folderOf(file)}|${titleKey}`;
  });
  groupIds.set(model, { file, ids });
  return ids;
}

/** The series id of each dated meeting of a file, in order (a meeting with no id is in no series). */
export function datedGroupIds({ file, model }: SeriesSource): string[] {
  const ids = groupIdsOf(file, model);
  const dated: string[] = [];
  for (const meeting of model.meetings) {
    const id = ids[meeting.index];
    if (id !== null && meeting.date) dated.push(id);
  }
  return dated;
}

/** `Platform Sync #12 (weekly)` → `platform sync weekly`: what two titles of one series share. */
export function seriesTitleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !/\d/.test(word))
    .join(' ');
}

/** The folder part of a path or URI (`notes/infra/2025-10-06.md` → `notes/infra`). */
export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '' : file.slice(0, cut);
}

// An action-items section that reviews earlier items rather than listing new ones.
const REVIEW_TITLE = /\b(?:last|previous|prior|earlier|status|carried|carry[- ]?over|outstanding|still open|open from|existing)\b/i;

export function isReviewSection(section: Pick<Section, 'kind' | 'title'>): boolean {
  return section.kind !== 'decisions' && REVIEW_TITLE.test(section.title);
}

/** Meetings (or what was said in them) by date, then file, then place in the file: ISO dates in plain order. */
export function inMeetingOrder(a: Pick<SeriesMeeting, 'date' | 'file' | 'meeting'>, b: Pick<SeriesMeeting, 'date' | 'file' | 'meeting'>): number {
  return compareText(a.date, b.date) || compareText(a.file, b.file) || a.meeting - b.meeting;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
