// The pieces of work that exports list: one row per piece of work, as it stands now.
import type { ItemKind, ItemSource, ItemStatus, NotesModel } from '../model';
import type { SeriesIndex } from '../series';

export interface ExportItem {
  /** The file as the caller names it, and the 1-based line of the entry. */
  path: string;
  line: number;
  /** The item's id in its file. */
  id: string;
  /**
   * Stable across runs, folders and edits elsewhere: the same piece of work gets the same UID in
   * every export (from where it was first recorded: the meeting's title and date, and the item's
   * content-based id), so calendars update the event instead of adding another.
   */
  uid: string;
  owner: string | null;
  task: string;
  due: { text: string; date: string | null; vague: boolean } | null;
  status: ItemStatus;
  /** The written done date, else the date of the meeting that records it as done. */
  doneOn: string | null;
  kind: ItemKind;
  source: ItemSource;
  meeting: { title: string; date: string | null };
  /** Date of the meeting where the work was first recorded (its series' first entry, else its own). */
  firstRecorded: string | null;
  /** Meetings of its series the work has waited (0 outside a series). */
  waited: number;
}

/**
 * The current pieces of work of the files: an entry that a later meeting of its series carries on
 * is left out (the later entry tells how the work stands), and a COMMITMENTS entry that has an
 * ACTION ITEMS twin is listed once, as the action item. Soonest due first, then by file and line.
 */
export function exportItems(files: Array<{ path: string; model: NotesModel }>, series: SeriesIndex): ExportItem[] {
  const rows: ExportItem[] = [];
  for (const { path, model } of files) {
    const byId = new Map(model.items.map((i) => [i.id, i]));
    for (const item of model.items) {
      const info = series.item(path, item.id);
      if (info?.next) continue;
      if (item.kind === 'commitment' && item.linked.some((id) => byId.get(id)?.kind === 'action')) continue;
      const meeting = model.meetings[item.meeting];
      const first = info?.thread.entries[0];
      const origin = first ? { title: first.meeting.title, date: first.meeting.date, id: first.itemId } : { title: meeting.title, date: meeting.date ?? path, id: item.id };
      rows.push({
        path,
        line: model.lines.positionAt(item.span.start).line + 1,
        id: item.id,
        uid: `${hash(`${origin.title.toLowerCase()}|${origin.date}`)}-${origin.id}@meeting-notes`,
        owner: item.owner?.name ?? null,
        task: item.task,
        due: item.due ? { text: item.due.text, date: item.due.date, vague: item.due.vague } : null,
        status: item.status,
        doneOn: item.status === 'done' ? (item.doneDate ?? meeting.date) : null,
        kind: item.kind,
        source: item.source,
        meeting: { title: meeting.title, date: meeting.date },
        firstRecorded: first?.meeting.date ?? meeting.date,
        waited: info?.waited ?? 0,
      });
    }
  }
  return rows.sort((a, b) => (a.due?.date ?? '9999').localeCompare(b.due?.date ?? '9999') || compare(a.path, b.path) || a.line - b.line);
}

export function isOverdue(item: Pick<ExportItem, 'status' | 'due'>, today: string): boolean {
  return item.status === 'open' && !!item.due?.date && item.due.date < today;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a, 32 bits, in base 36. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}
