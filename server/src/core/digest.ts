import type { ActionItem, DueDate, ItemKind, ItemSource, ItemStatus, LineIndex, Meeting, NotesModel, PersonRef, Position, Range, Section, SectionKind, Span } from './model';

// What the workspace-wide features read of every notes file, open or not: the Action Items view's
// listing and the meeting series. A full model is a digest (open documents pass theirs). For the
// files that are not open, the index keeps only their digest (a few hundred bytes: the items'
// words, owners, dates and places, the meetings' titles and dates) and makes the full model when a
// feature asks for one (a hover, a rename, a carry-over into that file).

export type DigestItem = Pick<ActionItem, 'id' | 'meeting' | 'kind' | 'source' | 'task' | 'status' | 'span' | 'linked'> & {
  owner: Pick<PersonRef, 'name'> | null;
  due: Pick<DueDate, 'text' | 'date' | 'vague'> | null;
};

export interface NotesDigest {
  meetings: ReadonlyArray<Pick<Meeting, 'index' | 'title' | 'date'>>;
  sections: ReadonlyArray<Pick<Section, 'kind' | 'meeting' | 'title'>>;
  items: readonly DigestItem[];
  looksLikeNotes: boolean;
  lines: DigestLines;
}

/** Positions of offsets: all the listing needs of the file's text. */
export type DigestLines = Pick<LineIndex, 'positionAt' | 'rangeOf'>;

const KINDS: readonly ItemKind[] = ['action', 'commitment'];
const SOURCES: readonly ItemSource[] = ['summary', 'transcript'];
const STATUSES: readonly ItemStatus[] = ['open', 'done'];
const SECTION_KINDS: readonly SectionKind[] = ['decisions', 'actions', 'commitments'];

/**
 * A model's digest as JSON of plain rows (a row per meeting, section and item; each line's length),
 * which is read several times faster than the same objects written out.
 */
export function encodeDigest(model: NotesModel): unknown {
  const lengths: number[] = [];
  for (let line = 1; line < model.lines.lineCount; line++) lengths.push(model.lines.lineStart(line) - model.lines.lineStart(line - 1));
  return [
    model.looksLikeNotes ? 1 : 0,
    model.text.length,
    lengths,
    model.meetings.map((m) => [m.title, m.date]),
    model.sections.map((s) => [SECTION_KINDS.indexOf(s.kind), s.meeting, s.title]),
    model.items.map((i) => [
      i.id,
      i.meeting,
      KINDS.indexOf(i.kind),
      SOURCES.indexOf(i.source),
      i.task,
      STATUSES.indexOf(i.status),
      i.span.start,
      i.span.end,
      i.owner?.name ?? null,
      i.due?.text ?? null,
      i.due?.date ?? null,
      i.due?.vague ? 1 : 0,
      i.linked,
    ]),
  ];
}

/** A digest from `encodeDigest`'s output (freshly parsed JSON); throws on data of another shape. */
export function decodeDigest(data: unknown): NotesDigest {
  if (!Array.isArray(data) || data.length !== 6) throw new Error('digest has another shape');
  const [notes, length, lengths, meetings, sections, items] = data as [unknown, unknown, unknown[], unknown[][], unknown[][], unknown[][]];
  if (typeof length !== 'number' || ![lengths, meetings, sections, items].every(Array.isArray)) throw new Error('digest has another shape');
  const starts = new Int32Array(lengths.length + 1);
  for (let line = 1; line < starts.length; line++) starts[line] = starts[line - 1] + Number(lengths[line - 1]);
  const digest: NotesDigest = {
    looksLikeNotes: notes === 1,
    lines: new LineStarts(starts, length),
    meetings: meetings.map(([title, date], index) => ({ index, title: text(title), date: textOrNull(date) })),
    sections: sections.map(([kind, meeting, title]) => ({ kind: oneOf(SECTION_KINDS, kind), meeting: Number(meeting), title: text(title) })),
    items: items.map((row) => {
      const [id, meeting, kind, source, task, status, start, end, owner, dueText, dueDate, vague, linked] = row;
      if (!Array.isArray(linked)) throw new Error('digest has another shape');
      return {
        id: text(id),
        meeting: Number(meeting),
        kind: oneOf(KINDS, kind),
        source: oneOf(SOURCES, source),
        task: text(task),
        status: oneOf(STATUSES, status),
        span: { start: Number(start), end: Number(end) },
        linked: linked.map(text),
        owner: owner === null ? null : { name: text(owner) },
        due: dueText === null ? null : { text: text(dueText), date: textOrNull(dueDate), vague: vague === 1 },
      };
    }),
  };
  return digest;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error('digest has another shape');
  return value;
}

function textOrNull(value: unknown): string | null {
  return value === null ? null : text(value);
}

function oneOf<T>(values: readonly T[], index: unknown): T {
  const value = values[index as number];
  if (value === undefined) throw new Error('digest has another shape');
  return value;
}

/**
 * Positions from where the lines start, without the text: the same as the text's line index for
 * every offset but one between a `\r` and its `\n`, which no item's span starts or ends at.
 */
class LineStarts implements DigestLines {
  constructor(
    private readonly starts: Int32Array,
    private readonly length: number,
  ) {}

  positionAt(offset: number): Position {
    const { starts } = this;
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
