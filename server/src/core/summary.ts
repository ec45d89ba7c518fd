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

// The index cache stores summaries as arrays rather than objects: a third of the size, and read
// back (JSON.parse) about twice as fast, which is most of a warm start of a large workspace.

type Packed = unknown[];
const packRange = (r: Range) => [r.start.line, r.start.character, r.end.line, r.end.character];
const unpackRange = (a: unknown[], at: number): Range | null => {
  const [sl, sc, el, ec] = a.slice(at, at + 4);
  return [sl, sc, el, ec].every((n) => typeof n === 'number') ? { start: { line: sl as number, character: sc as number }, end: { line: el as number, character: ec as number } } : null;
};

export function packSummary(s: FileSummary): Packed {
  return [
    s.looksLikeNotes ? 1 : 0,
    s.meetings.map((m) => [m.index, m.title, m.date, m.line, m.attendees]),
    s.items.map((i) => [i.id, i.meeting, ...packRange(i.range), i.owner, i.task, i.due?.text ?? null, i.due?.date ?? null, i.due ? (i.due.vague ? 1 : 0) : -1, i.status, i.kind, i.source, i.linked]),
    s.decisions.map((d) => [d.id, d.meeting, d.text, d.source, ...packRange(d.range)]),
  ];
}

/** A packed summary read back, or null when it has another shape (then the file is read again). */
export function unpackSummary(value: unknown): FileSummary | null {
  if (!Array.isArray(value) || value.length !== 4 || !Array.isArray(value[1]) || !Array.isArray(value[2]) || !Array.isArray(value[3])) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const meetings: FileSummary['meetings'] = [];
  for (const m of value[1] as unknown[][]) {
    if (!Array.isArray(m) || typeof m[1] !== 'string' || !Array.isArray(m[4])) return null;
    meetings.push({ index: Number(m[0]), title: m[1], date: text(m[2]), line: Number(m[3]), attendees: m[4].filter((a): a is string => typeof a === 'string') });
  }
  const items: SummaryItem[] = [];
  for (const i of value[2] as unknown[][]) {
    const range = Array.isArray(i) ? unpackRange(i, 2) : null;
    if (!range || typeof i[0] !== 'string' || typeof i[7] !== 'string' || !Array.isArray(i[14])) return null;
    items.push({
      id: i[0],
      meeting: Number(i[1]),
      range,
      owner: text(i[6]),
      task: i[7],
      due: i[10] === -1 ? null : { text: text(i[8]) ?? '', date: text(i[9]), vague: i[10] === 1 },
      status: i[11] === 'done' ? 'done' : 'open',
      kind: i[12] === 'commitment' ? 'commitment' : 'action',
      source: i[13] === 'transcript' ? 'transcript' : 'summary',
      linked: i[14].filter((l): l is string => typeof l === 'string'),
    });
  }
  const decisions: FileSummary['decisions'] = [];
  for (const d of value[3] as unknown[][]) {
    const range = Array.isArray(d) ? unpackRange(d, 4) : null;
    if (!range || typeof d[0] !== 'string' || typeof d[2] !== 'string') return null;
    decisions.push({ id: d[0], meeting: Number(d[1]), text: d[2], source: d[3] === 'transcript' ? 'transcript' : 'summary', range });
  }
  return { looksLikeNotes: value[0] === 1, meetings, items, decisions };
}
