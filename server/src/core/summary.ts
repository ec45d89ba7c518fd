// What the workspace needs to know of a notes file that is not open: its meetings, action items
// and decisions as plain data, with positions already in lines and characters. A file's summary
// is small, crosses from an index worker to the server as is, and is what the persistent index
// cache stores; the full model is only built for files that are open (or edited by a command).
import type { ItemKind, ItemSource, ItemStatus, NotesModel, Range } from './model';

export interface FileSummary {
  looksLikeNotes: boolean;
  meetings: Array<{ index: number; title: string; date: string | null; line: number; attendees: string[] }>;
  items: SummaryItem[];
  decisions: Array<{ id: string; meeting: number; text: string; source: ItemSource; range: Range }>;
}

export interface SummaryItem {
  id: string;
  meeting: number;
  range: Range;
  owner: string | null;
  task: string;
  due: { text: string; date: string | null; vague: boolean } | null;
  status: ItemStatus;
  kind: ItemKind;
  source: ItemSource;
  linked: string[];
}

export function summarize(model: NotesModel): FileSummary {
  const range = (span: { start: number; end: number }) => model.lines.rangeOf(span);
  return {
    looksLikeNotes: model.looksLikeNotes,
    meetings: model.meetings.map((m) => ({ index: m.index, title: m.title, date: m.date, line: m.line, attendees: m.attendees.map((a) => a.name) })),
    items: model.items.map((item) => ({
      id: item.id,
      meeting: item.meeting,
      range: range(item.span),
      owner: item.owner?.name ?? null,
      task: item.task,
      due: item.due ? { text: item.due.text, date: item.due.date, vague: item.due.vague } : null,
      status: item.status,
      kind: item.kind,
      source: item.source,
      linked: [...item.linked],
    })),
    decisions: model.decisions.map((d) => ({ id: d.id, meeting: d.meeting, text: d.text, source: d.source, range: range(d.span) })),
  };
}

/** Whether a value read back from a cache has the shape of a summary (anything else is ignored). */
export function isFileSummary(value: unknown): value is FileSummary {
  const v = value as FileSummary | null;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.looksLikeNotes === 'boolean' &&
    Array.isArray(v.meetings) &&
    Array.isArray(v.items) &&
    Array.isArray(v.decisions) &&
    v.meetings.every((m) => m && typeof m.title === 'string' && typeof m.index === 'number') &&
    v.items.every((i) => i && typeof i.id === 'string' && typeof i.task === 'string' && typeof i.meeting === 'number' && !!i.range?.start && !!i.range?.end)
  );
}
