import { type FlatDocument, type TextLine, type Unit, flattenDocument } from './blocks';
import { BoundaryScanner, hasLoneCarriageReturn, mustParseWhole, startsWithListMarker } from './boundaries';
import { frontMatterEnd, parseMarkdown } from './markdown';
import { readPlainParagraph } from './plainParagraph';
import { type SimpleRead, readSimpleBlocks } from './simpleBlocks';
import { drainInSlices } from '../steps';
import { textChange } from '../text/common';
import { detached } from '../text/plain';
import { shiftSpan } from '../text/span';

// A document is read part by part (cut where `BoundaryScanner` allows), each part parsed on its
// own, so that after an edit only the parts around it are parsed again: the parts before the edit
// stay where they are, the parts after it are found again by position (moved by the edit's length)
// and renumbered. The result equals flattening the whole document's tree; property tests check it
// on thousands of random documents and edits.
//
// A first read (no earlier version) keeps runs of markdown blocks together, so that a file is
// parsed in few calls (each parser call has a fixed cost); later reads cut at every boundary near
// the edit, so the next edit there parses only its block.

/** Where a part sits in a document: its offset, the numbers of its first block and list, and the list it continues. */
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
  /** Its text as the cache knows it. */
  key: string;
  /** The last read that used it (found, parsed or placed), and the last assembly that placed it (numbers, not maps: a long document has thousands of parts). */
  seen: number;
  placedIn: number;
}

interface Layout {
  text: string;
  starts: number[];
  parts: ParsedPart[];
}

let reads = 0;

/**
 * A document's parts from its previous version, and parts by their text (so that undoing an edit,
 * or moving a block, finds them again). Only the parts used by the latest read are kept.
 */
export class BlockCache {
  private readonly byText = new Map<string, ParsedPart>();
  /** The current read's number, and the parts it found or parsed. */
  private read = ++reads;
  private touched: ParsedPart[] = [];
  /** Parts the previous read used besides its layout's (candidates for forgetting, with that layout). */
  private extras: ParsedPart[] = [];
  previous: Layout | null = null;
  /** Parts parsed (not found) during the last read: for tests and the benchmark. */
  parsedLastTime = 0;

  /** How many parts it holds (for tests: no more than the latest read used). */
  get size(): number {
    return this.byText.size;
  }

  /** Starts a read. */
  begin(): void {
    this.read = ++reads;
    this.touched = [];
    this.parsedLastTime = 0;
  }

  lookup(key: string): ParsedPart | undefined {
    const part = this.byText.get(key);
    if (part) this.use(part);
    return part;
  }

  store(part: ParsedPart): void {
    this.byText.set(part.key, part);
    this.use(part);
    this.parsedLastTime++;
  }

  private use(part: ParsedPart): void {
    if (part.seen !== this.read) this.touched.push(part);
    part.seen = this.read;
  }

  /** Ends a read: what it did not use is forgotten (only the previous read's parts can be such). */
  finish(layout: Layout): void {
    const read = this.read;
    for (let i = 0; i < layout.parts.length; i++) layout.parts[i].seen = read;
    const forget = (parts: ParsedPart[]) => {
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part.seen !== read && this.byText.get(part.key) === part) this.byText.delete(part.key);
      }
    };
    if (this.previous) forget(this.previous.parts);
    forget(this.extras);
    this.extras = this.touched; // those among them in the layout are only checked again next time
    this.previous = layout;
  }
}

/** The units of a document, as `flattenDocument(text, parseMarkdown(text))` gives them, parsing only what `cache` lacks. */
export function readBlocks(text: string, cache = new BlockCache()): FlatDocument {
  cache.begin();
  const steps = layoutParts(text, cache);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return assemble(step.value, cache);
}

/**
 * Like `readBlocks`, but lets other work run every few milliseconds (a long document's first
 * read), and gives up, returning null, once `stale()` says the text is no longer wanted. What was
 * parsed until then stays in the cache for the next read.
 */
export async function readBlocksAsync(text: string, cache: BlockCache, stale: () => boolean, sliceMs = 8): Promise<FlatDocument | null> {
  cache.begin();
  const layout = await drainInSlices(layoutParts(text, cache), sliceMs, stale);
  return layout && assemble(layout, cache);
}

/** Assemblies, numbered: a part whose text occurs twice in a document is placed twice, as two copies. */
let assembly = 0;

function assemble(layout: Layout, cache: BlockCache): FlatDocument {
  assembly++;
  cache.finish(layout);
  let unitCount = 0;
  // Indexed loops here and in `place`: `for…of` made an iterator result per part and unit at every keystroke.
  for (let i = 0; i < layout.parts.length; i++) unitCount += layout.parts[i].local.units.length;
  // Filled by index, at its final length: a long document has tens of thousands of units.
  const result: FlatDocument = { frontMatter: null, frontMatterSpan: null, units: new Array<Unit>(unitCount), blockCount: 0, listCount: 0, lastTopList: null };
  let previous: ParsedPart | null = null;
  let filled = 0;
  for (let i = 0; i < layout.parts.length; i++) {
    const part = layout.parts[i];
    const continues = previous && part.firstList !== null && previous.lastList === part.firstList ? result.lastTopList! : null;
    filled = place(part, layout.starts[i], continues, result, filled);
    previous = part;
  }
  return result;
}

/** Cuts the text into parts and parses them, reusing the previous version's parts outside the edit; yields after each parse. */
function* layoutParts(text: string, cache: BlockCache): Generator<void, Layout> {
  const layout: Layout = { text, starts: [], parts: [] };
  const before = cache.previous;
  let from = 0;
  let resumeAt: ((start: number) => number) | null = null;
  // A text in parts holds no `]:` (a link definition changes how text elsewhere reads: such a text
  // is read whole), so the edit's stretch tells whether this one does: the rest is as it was.
  const change = before && before.starts.length > 1 ? textChange(before.text, text) : null;
  const changed = change ? text.slice(Math.max(0, change.head - 1), text.length - change.tail + 1) : ''; // a character either side
  if (before && change && !changed.includes(']:')) {
    const { head: prefix, tail: suffix } = change;
    const delta = text.length - before.text.length;
    // Front matter is only front matter once closed: an edit may close (or open) it far below line 1.
    const frontMatter = Math.max(frontMatterEnd(before.text), frontMatterEnd(text));
    if (prefix > frontMatter && !hasLoneCarriageReturn(changed)) {
      // Parts wholly before the edit (and whose next part's first line is too) are kept as they are.
      let k = 0;
      while (k + 1 < before.starts.length && lineEnd(before.text, before.starts[k + 1]) < prefix) k++;
      from = k > 0 ? before.starts[k] : 0;
      // Once a part starts where an old one did, within the unchanged end, the rest is as before.
      const firstResumable = k + 1;
      resumeAt = (start) => (start >= text.length - suffix ? indexOfStart(before.starts, start - delta, firstResumable) : -1);
      const rest = yield* cutAndParse(text, from, cache, true, resumeAt);
      // Arrays of their final length, filled once: a long document has thousands of parts.
      const moved = rest.resumed >= 0 ? before.starts.length - rest.resumed : 0;
      const count = k + rest.starts.length + moved;
      layout.starts = new Array<number>(count);
      layout.parts = new Array<ParsedPart>(count);
      for (let i = 0; i < k; i++) {
        layout.starts[i] = before.starts[i];
        layout.parts[i] = before.parts[i];
      }
      for (let i = 0; i < rest.starts.length; i++) {
        layout.starts[k + i] = rest.starts[i];
        layout.parts[k + i] = rest.parts[i];
      }
      for (let i = 0, at = k + rest.starts.length; i < moved; i++, at++) {
        layout.starts[at] = before.starts[rest.resumed + i] + delta;
        layout.parts[at] = before.parts[rest.resumed + i];
      }
      return layout;
    }
  }
  const all = yield* cutAndParse(text, 0, cache, false, null);
  return { text, starts: all.starts, parts: all.parts };
}

/**
 * Parts from `from` (0 or a part start, where nothing is open) to the end, or until `resumeAt`
 * recognises a part start of the previous version. `fine`: cut at every boundary; else keep runs
 * of markdown blocks in one part and cut only around plain paragraphs.
 */
function* cutAndParse(text: string, from: number, cache: BlockCache, fine: boolean, resumeAt: ((start: number) => number) | null) {
  const starts: number[] = [];
  const parts: ParsedPart[] = [];
  const whole = from === 0 && mustParseWhole(text);
  const scanner = new BoundaryScanner(text, from);
  const raw: number[] = [];
  const rawCut = (i: number): number => {
    while (raw.length <= i) {
      const last = raw.length ? raw[raw.length - 1] : from;
      if (last >= text.length || whole) raw.push(text.length);
      else {
        let cut = scanner.next();
        while (cut <= last && cut < text.length) cut = scanner.next();
        raw.push(cut);
      }
    }
    return raw[i];
  };
  // Coarse cuts: only next to a part that needs no parser (a plain paragraph, simple blocks).
  const kept: number[] = [];
  let rawIndex = 0;
  // Raw parts read without a parser to choose the cuts, by start: the part read there is most often
  // the same one, and takes that reading rather than reading its text again.
  const readRaw = new Map<number, SimpleReading>();
  const plainBetween = (a: number, b: number) => {
    if (a >= b) return false;
    let reading = readRaw.get(a);
    if (reading?.end !== b) readRaw.set(a, (reading = readSimply(text, a, b)));
    return reading.read !== null;
  };
  const readAt = (start: number, end: number) => {
    const reading = readRaw.get(start);
    return partAt(text, start, end, cache, reading?.end === end ? reading : undefined);
  };
  const cut = (i: number): number => {
    while (kept.length <= i) {
      const last = kept.length ? kept[kept.length - 1] : from;
      if (last >= text.length) {
        kept.push(text.length);
        continue;
      }
      if (fine) {
        kept.push(rawCut(rawIndex++));
        continue;
      }
      // Extend over raw parts while neither side of a cut is a plain paragraph.
      let previousStart = last;
      for (;;) {
        const end = rawCut(rawIndex++);
        if (end >= text.length) {
          kept.push(end);
          break;
        }
        const next = rawCut(rawIndex);
        if (plainBetween(previousStart, end) || plainBetween(end, next)) {
          kept.push(end);
          break;
        }
        previousStart = end;
      }
    }
    return kept[i];
  };

  let start = from;
  let ci = 0;
  let resumed = -1;
  while (start < text.length) {
    if (resumeAt && start > from) {
      resumed = resumeAt(start);
      if (resumed >= 0) break;
    }
    let part = readAt(start, cut(ci));
    yield;
    // A cut is only right if the part before it closed everything (or, before a list item, if the
    // part after continues its list): otherwise join the next parts, doubling, and check again.
    let step = 1;
    for (;;) {
      const end = cut(ci);
      const following = end < text.length ? readAt(end, cut(ci + 1)) : null;
      if (!following || cutHolds(part, following, text, end)) break;
      ci += step;
      step *= 2;
      part = readAt(start, cut(ci));
      yield;
    }
    starts.push(start);
    parts.push(part);
    start = cut(ci);
    ci++;
  }
  return { starts, parts, resumed };
}

/** The index of `start` in the sorted `starts`, from `from` on, or -1 (a search, not a map built at every edit). */
function indexOfStart(starts: number[], start: number, from: number): number {
  let low = from;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] === start) return mid;
    if (starts[mid] < start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function lineEnd(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline;
}

/** Whether parsing before and after `cut` separately reads the same blocks as parsing across it. */
function cutHolds(before: ParsedPart, after: ParsedPart, text: string, cut: number): boolean {
  if (before.lastEnd < 0) return false; // a fence or HTML block runs on
  if (before.lastIndentedCode && startsWithListMarker(text, cut)) return false;
  if (before.lastList !== null && startsWithListMarker(text, cut)) return after.firstList === before.lastList; // the same list goes on
  // Without a blank line, a line may continue the paragraph before it (`14. …` is not a new list there).
  return /\n[ \t]*\r?\n$/.test(text.slice(Math.max(0, cut - 64), cut));
}

/** A part's text, copied out of the document, and its units when it needs no markdown parser (else null). */
interface SimpleReading {
  end: number;
  own: string;
  read: ((FlatDocument & { lastEnd: number }) | SimpleRead) | null;
}

function readSimply(text: string, start: number, end: number): SimpleReading {
  // A copy, so that what is kept refers to this part alone and not to the whole text it came from.
  const own = detached(text.slice(start, end));
  return { end, own, read: readPlainParagraph(own) ?? readSimpleBlocks(own, start === 0) };
}

function partAt(text: string, start: number, end: number, cache: BlockCache, reading?: SimpleReading): ParsedPart {
  const atStart = start === 0;
  const source = reading?.own ?? text.slice(start, end);
  const key = atStart ? `\u0001${source}` : source;
  const known = cache.lookup(key);
  if (known) return known;
  const { own, read: simple } = reading ?? readSimply(text, start, end);
  let part: ParsedPart;
  if (simple) {
    const { firstList = null, lastList = null } = simple as Partial<SimpleRead>;
    part = { local: simple, placed: null, lastEnd: simple.lastEnd, firstList, lastList, lastIndentedCode: false, key: '', seen: 0, placedIn: 0 };
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
      key: '',
      seen: 0,
      placedIn: 0,
    };
  }
  part.key = atStart ? `\u0001${own}` : own;
  cache.store(part);
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


/**
 * Puts a part's units into the document from index `filled` on, moved to `at` and numbered after
 * the blocks and lists before it; returns the index after them.
 */
function place(part: ParsedPart, at: number, continues: number | null, into: FlatDocument, filled: number): number {
  const { local } = part;
  if (at === 0 && local.frontMatter) {
    into.frontMatter = local.frontMatter;
    into.frontMatterSpan = local.frontMatterSpan;
  }
  // A part that continues a list shares that list's block and list numbers.
  const shared = continues === null ? 0 : 1;
  const blockBase = into.blockCount - shared;
  const listBase = into.listCount - shared;
  const placed = part.placed;
  if (!placed || !placedAt(placed.placement, at, blockBase, listBase, continues)) {
    const unmoved = at === 0 && blockBase === 0 && listBase === 0 && continues === null;
    if (unmoved) part.placed = { placement: { at, blockBase, listBase, continues }, units: local.units };
    else if (placed && placed.units !== local.units && part.placedIn !== assembly) {
      // Moved by an edit above it: its placed copies are shifted by the change of place where they
      // are, not copied again (on a long document that is most of its units, at every keystroke),
      // nor set again from the part's own units (reading those too, scattered in memory, doubled
      // the time). The model copies what it keeps of a unit, and the reading it is patched from
      // keeps their places apart.
      const placement = placed.placement;
      const d = at - placement.at;
      const dBlock = blockBase - placement.blockBase;
      const listsMoved = listBase !== placement.listBase || continues !== placement.continues;
      placement.at = at;
      placement.blockBase = blockBase;
      placement.listBase = listBase;
      placement.continues = continues;
      const units = placed.units;
      for (let i = 0; i < units.length; i++) shiftUnit(units[i], d, dBlock, listsMoved ? local.units[i] : null, placement);
    } else {
      const placement: Placement = { at, blockBase, listBase, continues };
      part.placed = { placement, units: local.units.map((unit) => moveUnit(unit, placement)) };
    }
  }
  part.placedIn = assembly;
  const { units } = part.placed!;
  for (let i = 0; i < units.length; i++) into.units[filled++] = units[i];
  into.blockCount += local.blockCount - shared;
  into.listCount += local.listCount - shared;
  if (local.blockCount > 0) into.lastTopList = local.lastTopList == null ? null : listBase + local.lastTopList;
  if (continues !== null && local.lastTopList === 0) into.lastTopList = continues;
  return filled;
}

function placedAt(a: Placement, at: number, blockBase: number, listBase: number, continues: number | null): boolean {
  return a.at === at && a.blockBase === blockBase && a.listBase === listBase && a.continues === continues;
}

/** The id a part's own list `id` has where the part is placed. */
function placedList(id: number, placement: Placement): number {
  return placement.continues !== null && id === 0 ? placement.continues : placement.listBase + id;
}

/**
 * Moves a placed unit `d` characters and `dBlock` blocks on; with `local` (the part's own unit), its
 * list is numbered again for `placement` (needed only when the lists before the part changed). The
 * one place that knows which fields of a unit are offsets. Top-level functions, not closures: on a
 * long document they run for most units at every keystroke.
 */
function shiftUnit(unit: Unit, d: number, dBlock: number, local: Unit | null, placement: Placement): void {
  unit.block += dBlock;
  switch (unit.type) {
    case 'paragraph':
      shiftLines(unit.lines, d);
      return;
    case 'heading':
      shiftSpan(unit.span, d);
      shiftSpan(unit.content, d);
      return;
    case 'item':
      if (local) unit.list = placedList((local as typeof unit).list, placement);
      shiftSpan(unit.span, d);
      unit.end += d;
      shiftSpan(unit.marker, d);
      if (unit.checkbox) shiftSpan(unit.checkbox.span, d);
      shiftLines(unit.lines, d);
      return;
    case 'table':
      shiftSpan(unit.span, d);
      shiftLines(unit.header, d);
      for (const row of unit.rows) {
        shiftSpan(row.span, d);
        shiftLines(row.cells, d);
      }
      return;
    case 'break':
      unit.start += d;
  }
}

function shiftLines(lines: TextLine[], d: number): void {
  for (let i = 0; i < lines.length; i++) shiftSpan(lines[i], d);
}

/** A copy of a unit at another place: a part's own units (at offset 0) are shared between versions, so they are never changed. */
function moveUnit(unit: Unit, placement: Placement): Unit {
  const copy = copyData(unit);
  shiftUnit(copy, placement.at, placement.blockBase, unit, placement);
  return copy;
}

/** A deep copy of plain data (objects, arrays, numbers, strings, booleans, null). */
function copyData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyData((value as Record<string, unknown>)[key]);
  return copy as T;
}
