import { BoundaryScanner, closesFence, fenceOpenedBy, htmlOpenedBy, mustParseWhole } from '../parse/boundaries';
import { parseMarkdown } from '../parse/markdown';

// A new section is written after the last thing a meeting says. Two things there can swallow it:
// a fenced code block or an HTML comment (`<!--`, `<pre>`, …) left open at the end, which runs on
// to the end of the document, and a line of text right after it, which continues its last entry
// (lazily, as markdown reads a paragraph). The first is closed before the section, as the document
// ends it anyway; the second is kept apart by a blank line.

/**
 * `block` (which starts with line breaks) as it should be inserted at `at` to be read as blocks of
 * its own: after the closing line of a code block or HTML block still open at `at`, and followed by
 * a blank line when text follows on the next line.
 */
export function standAlone(text: string, at: number, block: string, eol: string): string {
  const closer = closingLineAt(text, at);
  const next = nextLine(text, at);
  return `${closer === null ? '' : eol + closer}${block}${next && /\S/.test(next) ? eol : ''}`;
}

/**
 * Whether a line of text follows `at` on the next line: it would continue a list item inserted at
 * `at` (a list item, which would only join the list, is not counted). A section with no entry yet
 * (its title right above the meeting's next lines) ends at its title.
 */
export function textFollows(text: string, at: number): boolean {
  const next = nextLine(text, at);
  return !!next && /\S/.test(next) && !/^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(next);
}

/** The line after the line break at `at` (its first 200 characters), or null when no line break is there. */
function nextLine(text: string, at: number): string | null {
  return /^(?:\r\n|\r|\n)([^\r\n]{0,200})/.exec(text.slice(at, at + 202))?.[1] ?? null;
}

/** The line that closes a code block or run-on HTML block of the top level open at `at` (the end of a block), or null. */
function closingLineAt(text: string, at: number): string | null {
  // Parse from the last place where nothing is open (as far as a line scan can tell) to `at`.
  // Only the top level matters: a line at column 0 after a blank line ends a list item or block
  // quote, and what is open inside it.
  const from = lastCutBefore(text, at);
  const tail = text.slice(from, at);
  const root = parseMarkdown(tail, from === 0);
  const last = root.children[root.children.length - 1];
  if (!last || last.position?.end.offset !== tail.length) return null;
  const lines = tail.slice(last.position.start.offset).split(/\r\n|\r|\n/);
  const rest = lines.slice(1);
  if (last.type === 'code') {
    const fence = fenceOpenedBy(lines[0]); // none: indented code, which ends at a line with less indentation
    return fence && !(rest.length && closesFence(rest[rest.length - 1], fence)) ? fence.char.repeat(fence.length) : null;
  }
  if (last.type === 'html') {
    const open = htmlOpenedBy(lines[0]);
    return open && !rest.some((line) => open.end.test(line)) ? open.closer : null;
  }
  return null;
}

/** The last place at or before `at` where the document may be cut (see `findBoundaries`), or 0. */
function lastCutBefore(text: string, at: number): number {
  if (mustParseWhole(text)) return 0;
  const scanner = new BoundaryScanner(text, 0);
  let last = 0;
  for (let cut = scanner.next(); cut <= at && cut < text.length; cut = scanner.next()) last = cut;
  return last;
}
