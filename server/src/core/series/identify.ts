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
export function groupMeetings(sources: SeriesSource[]): MeetingGroup[] {
  const groups = new Map<string, MeetingGroup>();
  for (const { file, model } of sources) {
    const log = model.meetings.length > 1;
    for (const meeting of model.meetings) {
      if (!meeting.date) continue;
      const titleKey = seriesTitleKey(meeting.title);
      if (!log && !titleKey) continue; // `Meeting notes`-like fallbacks with no words say nothing
      const id = log ? `log:${file}` : `${folderOf(file)}|${titleKey}`;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { id, title: log ? model.meetings[0].title : meeting.title, meetings: [] }));
      group.meetings.push({ file, meeting: meeting.index, date: meeting.date, title: meeting.title, position: 0, hasStatusList: false });
    }
  }
  const series = [...groups.values()].filter((g) => g.meetings.length >= 2);
  for (const group of series) {
    group.meetings.sort((a, b) => a.date.localeCompare(b.date) || compareText(a.file, b.file) || a.meeting - b.meeting);
    group.meetings.forEach((m, i) => (m.position = i));
    if (!group.id.startsWith('log:')) group.title = group.meetings[group.meetings.length - 1].title; // the name in use now
  }
  return series.sort((a, b) => compareText(a.id, b.id));
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

export function isReviewSection(section: Section): boolean {
  return section.kind !== 'decisions' && REVIEW_TITLE.test(section.title);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
