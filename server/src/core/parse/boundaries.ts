// Where a document may be cut into parts that parse on their own: a cheap line scan, no parser.
//
// A cut goes before a line L that starts at column 0 after a blank line. There, markdown has
// closed every block that a blank line closes (paragraphs, tables, block quotes, HTML blocks of
// kinds 6–7) and L closes the rest (list items, indented code, footnotes), unless something is
// still open that runs across blank lines: a fenced code block, an HTML block of kinds 1–5
// (`<pre>`, `<!--`, …), or front matter. A cut also goes before an item of a top-level list (a
// list marker at column 0), so that a long list is not one part: the part after it continues the
// list. The scan skips cuts inside front matter (exactly: it is line 1 only) and, as far as a line
// scan can tell, inside fences and HTML blocks. What it cannot tell (a fence inside a list item,
// whether L really continues the list) is checked after parsing by `readBlocks`, which joins
// parts whose parse shows that the cut was wrong.

const BLANK = /^[ \t]*\r?$/;
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;
/** HTML blocks that run on until a line holds their end (CommonMark's kinds 1-5): opener, end, an end to write (`$1`: the opener's tag). */
const HTML_OPEN: Array<[RegExp, RegExp, string]> = [
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i, '</$1>'],
  [/^ {0,3}<!--/, /-->/, '-->'],
  [/^ {0,3}<\?/, /\?>/, '?>'],
  [/^ {0,3}<![a-zA-Z]/, />/, '>'],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/, ']]>'],
];
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\r?$)/;

/** Line feeds, carriage returns alone (old Mac line ends) make markdown lines this scan does not see. */
export function hasLoneCarriageReturn(text: string): boolean {
  return /\r(?!\n)/.test(text);
}

/**
 * Whether the text must be parsed whole: carriage returns alone end lines this scan does not see,
 * and a link or footnote definition (`[ref]: /url`, `[^1]: note`) changes how text elsewhere in
 * the document reads (even whether `- [ ]` is a checkbox). Both are rare in notes.
 */
export function mustParseWhole(text: string): boolean {
  return text.includes(']:') || hasLoneCarriageReturn(text);
}

/** Offsets (ascending, all > 0) where the text may be cut into separately parsed parts. */
export function findBoundaries(text: string): number[] {
  if (mustParseWhole(text)) return [];
  const scanner = new BoundaryScanner(text, 0);
  const cuts: number[] = [];
  for (let cut = scanner.next(); cut < text.length; cut = scanner.next()) cuts.push(cut);
  return cuts;
}

/**
 * Finds the cuts of a text one by one, from the start or from an earlier cut (where nothing was
 * open: the scan can resume there after an edit further on). `next()` returns the text's length
 * once there are no more.
 */
export class BoundaryScanner {
  private at: number;
  private previousBlank: boolean;
  private fence: Fence | null = null;
  private htmlEnd: RegExp | null = null;
  private frontMatterFence: RegExp | null = null;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.at = from;
    this.previousBlank = from > 0 && BLANK.test(text.slice(text.lastIndexOf('\n', from - 2) + 1, from - 1));
    if (from === 0) {
      const opener = /^(---|\+\+\+)[ \t]*\r?$/.exec(text.slice(0, text.indexOf('\n') >>> 0));
      const fence = opener && new RegExp(`^${opener[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*\\r?$`);
      if (fence && hasClosingLine(text, fence)) this.frontMatterFence = fence;
    }
  }

  next(): number {
    const { text } = this;
    while (this.at < text.length) {
      const at = this.at;
      const newline = text.indexOf('\n', at);
      const end = newline === -1 ? text.length : newline;
      const content = text.slice(at, end);
      const blank = BLANK.test(content);
      let cut = false;
      if (this.frontMatterFence) {
        if (at > 0 && this.frontMatterFence.test(content)) this.frontMatterFence = null;
      } else if (this.fence) {
        if (closesFence(content, this.fence)) this.fence = null;
      } else if (this.htmlEnd) {
        if (this.htmlEnd.test(content)) this.htmlEnd = null;
      } else if (!blank) {
        const first = content.charCodeAt(0);
        const atColumn0 = at > 0 && first !== 0x20 && first !== 0x09;
        cut = atColumn0 && (this.previousBlank || LIST_MARKER.test(content));
        const opener = content.trimStart().charCodeAt(0);
        // Only lines starting (after indentation) with a backtick, a tilde or `<` can open a fence or HTML block.
        if (opener === 0x60 || opener === 0x7e) this.fence = fenceOpenedBy(content);
        else if (opener === 0x3c) this.htmlEnd = htmlOpenedBy(content)?.end ?? null;
      }
      this.previousBlank = blank;
      this.at = end + 1;
      if (cut) return at;
    }
    return text.length;
  }
}

/** A code fence: its character and length. */
export interface Fence {
  char: string;
  length: number;
}

/** The fence a line opens (`` ``` ``, `~~~~`), or null. */
export function fenceOpenedBy(line: string): Fence | null {
  const open = FENCE_OPEN.exec(line);
  return open && { char: open[1][0], length: open[1].length };
}

/** Whether a line closes the fence. */
export function closesFence(line: string, fence: Fence): boolean {
  const close = FENCE_CLOSE.exec(line);
  return !!close && close[1][0] === fence.char && close[1].length >= fence.length;
}

/** The run-on HTML block a line opens and does not end (`<!-- draft`): the pattern of its end, and an end to write. */
export function htmlOpenedBy(line: string): { end: RegExp; closer: string } | null {
  for (const [start, end, closer] of HTML_OPEN) {
    const m = start.exec(line);
    if (m) return end.test(line.slice(m[0].length)) ? null : { end, closer: closer.replace('$1', m[1] ?? '') };
  }
  return null;
}

function hasClosingLine(text: string, fence: RegExp): boolean {
  let at = text.indexOf('\n') + 1;
  while (at > 0 && at <= text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    if (fence.test(text.slice(at, end))) return true;
    if (newline === -1) break;
    at = newline + 1;
  }
  return false;
}

/** Whether the line at `at` starts with a list marker (a part that starts there may continue a list). */
export function startsWithListMarker(text: string, at: number): boolean {
  const newline = text.indexOf('\n', at);
  return LIST_MARKER.test(text.slice(at, Math.min(at + 12, newline === -1 ? text.length : newline)));
}
