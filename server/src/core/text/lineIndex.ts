import type { LineIndex, Position, Range, Span } from '../model';

/**
 * Builds the offset ↔ position table of a text once; lookups are binary searches. `\r\n`, `\n`
 * and a lone `\r` each end a line, as in LSP and VS Code: a client counts lines that way, so any
 * other count would put ranges and edits on the wrong line.
 */
export function createLineIndex(text: string): LineIndex {
  return new LineTable(text, lineStarts(text));
}

/** The offsets where lines start, in an exactly sized typed array: every indexed file keeps one. */
function lineStarts(text: string): Int32Array {
  // Counted, then filled: no growing array of numbers (a long document has tens of thousands of lines).
  const starts = new Int32Array(lineBreaks(text, null) + 1);
  lineBreaks(text, starts);
  return starts;
}

/** How many line breaks `text` has (`\n`, `\r\n`, a lone `\r`); with `starts`, the offset after each is written from index 1 on. */
function lineBreaks(text: string, starts: Int32Array | null): number {
  let n = 0;
  if (text.indexOf('\r') === -1) {
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
    private readonly text: string,
    private readonly starts: Int32Array,
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

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
