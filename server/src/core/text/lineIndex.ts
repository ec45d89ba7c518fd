import type { LineIndex, Position, Range, Span } from '../model';
import { textChange } from './common';

/**
 * Builds the offset ↔ position table of a text once; lookups are binary searches. `\r\n`, `\n`
 * and a lone `\r` each end a line, as in LSP and VS Code: a client counts lines that way, so any
 * other count would put ranges and edits on the wrong line. Given the table of the text's previous
 * version, only the changed stretch is scanned (a long document is edited a keystroke at a time).
 */
export function createLineIndex(text: string, previous?: LineIndex): LineIndex {
  if (previous instanceof LineTable && !previous.carriageReturns) {
    const updated = updatedStarts(previous, text);
    if (updated) return new LineTable(text, updated, false);
  }
  const carriageReturns = text.indexOf('\r') !== -1;
  return new LineTable(text, lineStarts(text, carriageReturns), carriageReturns);
}

/** The previous table's starts before the change, those of the changed stretch, and the rest moved; null when the change brings a `\r`. */
function updatedStarts(previous: LineTable, text: string): Int32Array | null {
  const { head, tail } = textChange(previous.text, text);
  const end = text.length - tail;
  if (text.slice(head, end).includes('\r')) return null;
  const old = previous.starts;
  const oldEnd = previous.text.length - tail;
  const kept = lineAt(old, head) + 1; // starts up to the edit: their line breaks come before it
  let added = 0;
  for (let i = text.indexOf('\n', head); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) added++;
  const moved = Math.max(kept, lineAt(old, oldEnd) + 1); // the first start after a line break past the edit
  const starts = new Int32Array(kept + added + old.length - moved);
  starts.set(old.subarray(0, kept));
  let n = kept;
  for (let i = text.indexOf('\n', head); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  const delta = text.length - previous.text.length;
  for (let i = moved; i < old.length; i++) starts[n++] = old[i] + delta;
  return starts;
}

/** The offsets where lines start, in an exactly sized typed array: every indexed file keeps one. */
function lineStarts(text: string, carriageReturns: boolean): Int32Array {
  // Counted, then filled: no growing array of numbers (a long document has tens of thousands of lines).
  const starts = new Int32Array(lineBreaks(text, carriageReturns, null) + 1);
  lineBreaks(text, carriageReturns, starts);
  return starts;
}

/** How many line breaks `text` has (`\n`, `\r\n`, a lone `\r`); with `starts`, the offset after each is written from index 1 on. */
function lineBreaks(text: string, carriageReturns: boolean, starts: Int32Array | null): number {
  let n = 0;
  if (!carriageReturns) {
    // Most texts: line feeds only, found by the engine's fast search rather than one character at a time.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      n++;
      if (starts) starts[n] = i + 1;
    }
    return n;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
      n++;
      if (starts) starts[n] = i + 1;
    }
  }
  return n;
}

/**
 * Where the line `offset` is on starts: after the last `\n` or `\r` before it. Stepping back by hand: two
 * `lastIndexOf` calls (for `\n` and for `\r`) would read a whole text without a `\r` each time.
 */
export function lineStartBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && text.charCodeAt(i) !== 10 /* \n */ && text.charCodeAt(i) !== 13 /* \r */) i--;
  return i + 1;
}

/** The line an offset is on, given where the lines start (a binary search). */
export function lineAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A class rather than closures: methods on the prototype cost nothing per file. */
class LineTable implements LineIndex {
  constructor(
    readonly text: string,
    readonly starts: Int32Array,
    /** Whether the text has a `\r` (then a change is not scanned on its own: it may split or join a `\r\n`). */
    readonly carriageReturns: boolean,
  ) {}

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  lineEnd(line: number): number {
    const { starts, text } = this;
    if (line >= starts.length - 1) return text.length;
    let end = starts[line + 1] - 1; // the \n or lone \r
    if (text.charCodeAt(end) === 10 && end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const { starts, text } = this;
    const clamped = Math.max(0, Math.min(offset, text.length));
    const line = lineAt(starts, clamped);
    // An offset between \r and \n belongs to the end of the line.
    return { line, character: Math.min(clamped, this.lineEnd(line)) - starts[line] };
  }

  offsetAt(position: Position): number {
    const { starts, text } = this;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return text.length;
    return Math.min(starts[position.line] + Math.max(0, position.character), this.lineEnd(position.line));
  }

  isAt(offset: number, position: Position): boolean {
    const { line, character } = position;
    if (line < 0 || line >= this.starts.length || character < 0) return false;
    const end = this.lineEnd(line);
    const at = this.starts[line] + character;
    if (at > end) return false;
    // An offset between \r and \n is at the end of its line.
    return at === offset || (at === end && offset === end + 1 && this.text.charCodeAt(end) === 13 && this.text.charCodeAt(end + 1) === 10);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
