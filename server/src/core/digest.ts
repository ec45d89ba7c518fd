import { type DoneReport, doneReportsOfModel } from './extract/doneReports';
import { mentionsIn, namedPeople, packPlaces } from './editor/people';
import { lineAt } from './text/lineIndex';
import type { ActionItem, Attendee, Decision, DueDate, EntryLayout, ItemKind, ItemSource, ItemStatus, LineIndex, Meeting, NotesModel, PersonRef, Position, Range, Section, SectionKind, Span } from './model';

// What the workspace-wide features read of every notes file, open or not: the Action Items view's
// listing, the meeting series, a person's hover, completion, definition and references, the
// workspace symbol search. A full model is a digest (open documents pass theirs). For the files
// that are not open, the index keeps only their digest (~2 KB of plain rows against ~10 KB of model
// for a 2 KB file: the items' words, owners, dates and places, the decisions, the meetings' titles,
// dates and attendees, who the file names and where) and makes the full model when a feature asks
// for one (a carry-over into that file, a rename in a file changed since).

export type DigestItem = Pick<ActionItem, 'id' | 'meeting' | 'kind' | 'source' | 'task' | 'status' | 'doneDate' | 'span' | 'linked'> & {
  owner: Pick<PersonRef, 'name' | 'written'> | null;
  due: Pick<DueDate, 'text' | 'date' | 'vague'> | null;
  layout: Pick<EntryLayout, 'span'> | null;
};

export interface NotesDigest {
  meetings: ReadonlyArray<Pick<Meeting, 'index' | 'title' | 'date'> & { attendees: ReadonlyArray<Pick<Attendee, 'name' | 'role'>> }>;
  sections: ReadonlyArray<Pick<Section, 'kind' | 'meeting' | 'title'>>;
  items: readonly DigestItem[];
  decisions: ReadonlyArray<Pick<Decision, 'id' | 'meeting' | 'text' | 'source' | 'span'>>;
  looksLikeNotes: boolean;
  lines: DigestLines;
  /** Who the file names (see `namedPeople`); worked out from a full model, which has none. */
  people?: NamedPeople;
  /**
   * Where the file names people (`mentionsIn`), packed as JSON text read only when a feature asks
   * (see `placesOf`: references, a rename); worked out from a full model, which has none.
   */
  places?: string;
  /** Work the file's speakers report done (see `doneReportsIn`); worked out from a full model, which has none. */
  reports?: readonly DoneReport[];
}

/** The work a file's speakers report done in one of its meetings: the digest's, or read from a full model's statements. */
export function doneReportsIn(digest: NotesDigest, meeting: number): DoneReport[] {
  return (digest.reports ?? doneReportsOfModel(digest as NotesModel)).filter((r) => r.meeting === meeting);
}

export interface NamedPeople {
  /** The key of everyone named: attendees, speakers, owners, handles. */
  keys: string[];
  /** The speakers' names, resolved to attendees where they are. */
  speakers: string[];
}

/** Positions of offsets: all that the features reading digests need of the file's text. */
export type DigestLines = Pick<LineIndex, 'positionAt' | 'rangeOf'>;

const KINDS: readonly ItemKind[] = ['action', 'commitment'];
const SOURCES: readonly ItemSource[] = ['summary', 'transcript'];
const STATUSES: readonly ItemStatus[] = ['open', 'done'];
const SECTION_KINDS: readonly SectionKind[] = ['decisions', 'actions', 'commitments'];

/**
 * A model's digest as JSON of plain rows (a row per meeting, section, decision and item; each line's
 * length) rather than objects with their keys: shorter JSON, quicker to read.
 */
export function encodeDigest(model: NotesModel): unknown {
  const lengths: number[] = [];
  for (let line = 1; line < model.lines.lineCount; line++) lengths.push(model.lines.lineStart(line) - model.lines.lineStart(line - 1));
  const people = namedPeople(model);
  return [
    model.looksLikeNotes ? 1 : 0,
    model.text.length,
    lengths,
    model.meetings.map((m) => [m.title, m.date, m.attendees.flatMap((a) => [a.name, a.role])]),
    model.sections.map((s) => [SECTION_KINDS.indexOf(s.kind), s.meeting, s.title]),
    model.decisions.map((d) => [d.id, d.meeting, d.text, SOURCES.indexOf(d.source), d.span.start, d.span.end]),
    [people.keys, people.speakers, packPlaces(mentionsIn(model))],
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
      i.owner?.written ?? null,
      i.doneDate,
      i.layout ? i.layout.span.start : null,
      i.layout ? i.layout.span.end : null,
    ]),
    doneReportsOfModel(model).map((r) => (r.by ? [r.meeting, r.person, r.verb, r.work, r.said, r.by] : [r.meeting, r.person, r.verb, r.work, r.said])),
  ];
}

/** A digest from `encodeDigest`'s output (freshly parsed JSON); throws on data of another shape. */
export function decodeDigest(data: unknown): NotesDigest {
  if (!Array.isArray(data) || data.length !== 9) throw new Error('digest has another shape');
  const [notes, length, lengths, meetings, sections, decisions, people, items, reports] = data as [unknown, unknown, unknown[], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]];
  if (typeof length !== 'number' || ![lengths, meetings, sections, decisions, people, items, reports].every(Array.isArray) || people.length !== 3 || !Array.isArray(people[0]) || !Array.isArray(people[1])) throw new Error('digest has another shape');
  const starts = new Int32Array(lengths.length + 1);
  for (let line = 1; line < starts.length; line++) starts[line] = starts[line - 1] + Number(lengths[line - 1]);
  const digest: NotesDigest = {
    looksLikeNotes: notes === 1,
    lines: new LineStarts(starts, length),
    meetings: meetings.map(([title, date, attendees], index) => ({ index, title: text(title), date: textOrNull(date), attendees: pairs(attendees, (name, role) => ({ name: text(name), role: textOrNull(role) })) })),
    sections: sections.map(([kind, meeting, title]) => ({ kind: oneOf(SECTION_KINDS, kind), meeting: Number(meeting), title: text(title) })),
    decisions: decisions.map(([id, meeting, said, source, start, end]) => ({ id: text(id), meeting: Number(meeting), text: text(said), source: oneOf(SOURCES, source), span: { start: Number(start), end: Number(end) } })),
    people: { keys: people[0].map(text), speakers: people[1].map(text) },
    places: text(people[2]),
    reports: reports.map(([meeting, person, verb, work, said, by]) => ({
      meeting: Number(meeting),
      person: text(person),
      verb: text(verb),
      work: text(work),
      said: text(said),
      ...(by === undefined ? {} : { by: text(by) }),
    })),
    items: items.map((row) => {
      const [id, meeting, kind, source, task, status, start, end, owner, dueText, dueDate, vague, linked, written, doneDate, layoutStart, layoutEnd] = row;
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
        doneDate: textOrNull(doneDate),
        owner: owner === null ? null : { name: text(owner), written: text(written) },
        due: dueText === null ? null : { text: text(dueText), date: textOrNull(dueDate), vague: vague === 1 },
        layout: layoutStart === null ? null : { span: { start: Number(layoutStart), end: Number(layoutEnd) } },
      };
    }),
  };
  return digest;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error('digest has another shape');
  return value;
}

/** `[a, b, a, b, …]` read two at a time. */
function pairs<T>(values: unknown, each: (a: unknown, b: unknown) => T): T[] {
  if (!Array.isArray(values) || values.length % 2) throw new Error('digest has another shape');
  const out: T[] = [];
  for (let i = 0; i < values.length; i += 2) out.push(each(values[i], values[i + 1]));
  return out;
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
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = lineAt(this.starts, clamped);
    return { line, character: clamped - this.starts[line] };
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
