import type { Span } from '../model';
import { type FlatDocument, type TextLine, type Unit, flattenDocument } from './blocks';
import { findBoundaries, startsWithListMarker } from './boundaries';
import { parseMarkdown } from './markdown';
import { readPlainParagraph } from './plainParagraph';

// A document is read part by part (parts cut by `findBoundaries`), each part parsed on its own and
// remembered by its text, so after an edit only the parts that changed are parsed again; the
// others are moved to where they now are. The result equals flattening the whole document's tree
// (the property tests check it on thousands of random edits).

/** Where a part sits in a document: its offset, the numbers of its first block and list, and whether it continues a list. */
interface Placement {
  at: number;
  blockBase: number;
  listBase: number;
  /** The id of the list before the part that its first list continues, or null. */
  continues: number | null;
}

/** One part, parsed on its own: its units at offset 0 and numbered from 0, and the same units placed where last used. */
interface ParsedPart {
  local: FlatDocument;
  placed: { placement: Placement; units: Unit[] } | null;
  /** Where the part's last top-level block ends, or -1 when it reaches the part's end (a block still open). */
  lastEnd: number;
  /** How the part's first and last top-level blocks start when they are lists (`-`, `*`, `1.`, `1)`), else null. */
  firstList: string | null;
  lastList: string | null;
  /** The last top-level block is indented code: after it, micromark reads `2. x` and `-` as paragraph text. */
  lastIndentedCode: boolean;
}

/**
 * Parsed parts of one document by their text, kept between versions of that document. Only the
 * parts of the latest version are kept, so memory stays about one parse of the document.
 */
export class BlockCache {
  private parts = new Map<string, ParsedPart>();
  private used = new Map<string, ParsedPart>();
  /** Parts parsed (not found) during the last read: for tests and the benchmark. */
  parsedLastTime = 0;

  lookup(key: string): ParsedPart | undefined {
    const part = this.parts.get(key) ?? this.used.get(key);
    if (part) this.used.set(key, part);
    return part;
  }

  store(key: string, part: ParsedPart): void {
    this.used.set(key, part);
    this.parsedLastTime++;
  }

  /** Called once a document has been read: forget the parts it no longer has. */
  finish(): void {
    this.parts = this.used;
    this.used = new Map();
  }

  begin(): void {
    this.parsedLastTime = 0;
  }
}

/** The units of a document, as `flattenDocument(text, parseMarkdown(text))` gives them, parsing only what `cache` lacks. */
export function readBlocks(text: string, cache = new BlockCache()): FlatDocument {
  cache.begin();
  const cuts = findBoundaries(text);
  cuts.push(text.length);
  const result: FlatDocument = { frontMatter: null, frontMatterSpan: null, units: [], blockCount: 0, listCount: 0, lastTopList: null };
  let start = 0;
  let next = 0; // index into cuts of the end of the current part
  let previous: ParsedPart | null = null;
  while (start < text.length) {
    let part = partAt(text, start, cuts[next], cache);
    // A cut is only right if the part before it closed everything (or, before a list item, if the
    // part after continues its list): otherwise join the next parts, doubling, and check again.
    let step = 1;
    for (;;) {
      const end = cuts[next];
      const following = end < text.length ? partAt(text, end, cuts[next + 1], cache) : null;
      if (!following || cutHolds(part, following, text, end)) break;
      next = Math.min(next + step, cuts.length - 1);
      step *= 2;
      part = partAt(text, start, cuts[next], cache);
    }
    const continues = previous && part.firstList !== null && previous.lastList === part.firstList && start > 0 ? result.lastTopList! : null;
    place(part, start, continues, result);
    previous = part;
    start = cuts[next];
    next++;
  }
  cache.finish();
  return result;
}

/** Whether parsing before and after `cut` separately reads the same blocks as parsing across it. */
function cutHolds(before: ParsedPart, after: ParsedPart, text: string, cut: number): boolean {
  if (before.lastEnd < 0) return false; // a fence or HTML block runs on
  if (before.lastIndentedCode && startsWithListMarker(text, cut)) return false;
  const afterBlank = /\n[ \t]*\r?\n$/.test(text.slice(Math.max(0, cut - 64), cut)) || cut === 0;
  if (before.lastList !== null && startsWithListMarker(text, cut)) return after.firstList === before.lastList; // the same list goes on
  // Without a blank line, a line may continue the paragraph before it (`14. …` is not a new list there).
  return afterBlank;
}

function partAt(text: string, start: number, end: number, cache: BlockCache): ParsedPart {
  const atStart = start === 0;
  const source = text.slice(start, end);
  const key = atStart ? `\u0001${source}` : source;
  const known = cache.lookup(key);
  if (known) return known;
  // A copy, so that what is kept refers to this part alone and not to the whole text it came from.
  const own = copyString(source);
  const plain = readPlainParagraph(own);
  let part: ParsedPart;
  if (plain) {
    part = { local: plain, placed: null, lastEnd: plain.lastEnd, firstList: null, lastList: null, lastIndentedCode: false };
  } else {
    const root = parseMarkdown(own, atStart);
    const first = root.children[0];
    const last = root.children[root.children.length - 1];
    const lastOffset = last?.position?.end.offset ?? 0;
    part = {
      local: flattenDocument(own, root),
      placed: null,
      lastEnd: last && lastOffset >= own.length ? -1 : lastOffset,
      firstList: first?.type === 'list' ? listKind(own, first.position?.start.offset ?? 0) : null,
      lastList: last?.type === 'list' ? listKind(own, last.position?.start.offset ?? 0) : null,
      lastIndentedCode: last?.type === 'code' && !/^ {0,3}(?:```|~~~)/.test(own.slice(lastLineStart(own, last.position?.start.offset ?? 0))),
    };
  }
  cache.store(atStart ? `\u0001${own}` : own, part);
  return part;
}

function lastLineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** `-`, `*`, `+`, `.` or `)`: items with another marker start another list. */
function listKind(text: string, at: number): string {
  const m = /^[ \t]*(?:([-*+])|\d{1,9}([.)]))/.exec(text.slice(at, at + 16));
  return m ? m[1] ?? `1${m[2]}` : '?';
}

/** A flat copy of a string (V8 keeps slices as views into the string they were cut from). */
function copyString(text: string): string {
  return (' ' + text).slice(1);
}

/** Appends a part's units to the document, moved to `at` and numbered after the blocks and lists before it. */
function place(part: ParsedPart, at: number, continues: number | null, into: FlatDocument): void {
  const { local } = part;
  if (at === 0 && local.frontMatter) {
    into.frontMatter = local.frontMatter;
    into.frontMatterSpan = local.frontMatterSpan;
  }
  // A part that continues a list shares that list's block and list numbers.
  const shared = continues === null ? 0 : 1;
  const placement: Placement = { at, blockBase: into.blockCount - shared, listBase: into.listCount - shared, continues };
  if (!part.placed || !samePlacement(part.placed.placement, placement)) {
    const unmoved = at === 0 && placement.blockBase === 0 && placement.listBase === 0 && continues === null;
    const list = (id: number) => (continues !== null && id === 0 ? continues : placement.listBase + id);
    part.placed = { placement, units: unmoved ? local.units : local.units.map((unit) => moveUnit(unit, at, placement.blockBase, list)) };
  }
  for (const unit of part.placed.units) into.units.push(unit);
  into.blockCount += local.blockCount - shared;
  into.listCount += local.listCount - shared;
  if (local.blockCount > 0) into.lastTopList = local.lastTopList == null ? null : placement.listBase + local.lastTopList;
  if (continues !== null && local.lastTopList === 0) into.lastTopList = continues;
}

function samePlacement(a: Placement, b: Placement): boolean {
  return a.at === b.at && a.blockBase === b.blockBase && a.listBase === b.listBase && a.continues === b.continues;
}

const moveSpan = (span: Span, d: number): Span => ({ start: span.start + d, end: span.end + d });
const moveLine = (line: TextLine, d: number): TextLine => ({ start: line.start + d, end: line.end + d, text: line.text });

/** A copy of a unit at another place: units are shared between versions, so they are never changed. */
function moveUnit(unit: Unit, d: number, blockBase: number, list: (id: number) => number): Unit {
  const block = unit.block + blockBase;
  switch (unit.type) {
    case 'paragraph':
      return { type: 'paragraph', block, lines: unit.lines.map((l) => moveLine(l, d)) };
    case 'heading':
      return { type: 'heading', block, depth: unit.depth, span: moveSpan(unit.span, d), content: moveLine(unit.content, d) };
    case 'item':
      return {
        type: 'item',
        block,
        depth: unit.depth,
        list: list(unit.list),
        ordered: unit.ordered,
        span: moveSpan(unit.span, d),
        end: unit.end + d,
        marker: moveSpan(unit.marker, d),
        checkbox: unit.checkbox ? { span: moveSpan(unit.checkbox.span, d), checked: unit.checkbox.checked } : null,
        lines: unit.lines.map((l) => moveLine(l, d)),
      };
    case 'table':
      return {
        type: 'table',
        block,
        span: moveSpan(unit.span, d),
        header: unit.header.map((l) => moveLine(l, d)),
        rows: unit.rows.map((row) => ({ span: moveSpan(row.span, d), cells: row.cells.map((l) => moveLine(l, d)) })),
      };
    case 'break':
      return { type: 'break', block, start: unit.start + d };
  }
}
