import { findBoundaries } from '../parse/boundaries';
import { parseMarkdown } from '../parse/markdown';

// A new section is written after the last thing a meeting says. Two things there can swallow it:
// a fenced code block or an HTML comment (`<!--`, `<pre>`, …) left open at the end, which runs on
// to the end of the document, and a line of text right after it, which continues its last entry
// (lazily, as markdown reads a paragraph). The first is closed before the section, as the document
// ends it anyway; the second is kept apart by a blank line.

/** HTML blocks that run until a line holds their closer (CommonMark's kinds 1-5), with that closer. */
const RUN_ON_HTML: Array<[RegExp, string]> = [
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, '</$1>'],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![a-zA-Z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];

/**
 * `block` (which starts with line breaks) as it should be inserted at `at` to be read as blocks of
 * its own: after the closing line of a code block or HTML block still open at `at`, and followed by
 * a blank line when text follows on the next line.
 */
export function standAlone(text: string, at: number, block: string, eol: string): string {
  const closer = closingLineAt(text, at);
  const lineFollows = /^(?:\r\n|\r|\n)[ \t]*\S/.test(text.slice(at, at + 200));
  return `${closer === null ? '' : eol + closer}${block}${lineFollows ? eol : ''}`;
}

/**
 * Whether a line of text follows `at` on the next line: it would continue a list item inserted at
 * `at` (a list item, which would only join the list, is not counted). A section with no entry yet
 * (its title right above the meeting's next lines) ends at its title.
 */
export function textFollows(text: string, at: number): boolean {
  const next = /^(?:\r\n|\r|\n)([^\r\n]*)/.exec(text.slice(at, at + 200))?.[1];
  return next !== undefined && /\S/.test(next) && !/^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(next);
}

/** The line that closes a code block or run-on HTML block of the top level open at `at` (the end of a block), or null. */
function closingLineAt(text: string, at: number): string | null {
  // Parse from the last place where nothing is open (as far as a line scan can tell) to `at`.
  // Only the top level matters: a line at column 0 after a blank line ends a list item or block
  // quote, and what is open inside it.
  const from = findBoundaries(text).filter((cut) => cut <= at).pop() ?? 0;
  const tail = text.slice(from, at);
  const root = parseMarkdown(tail, from === 0);
  const last = root.children[root.children.length - 1];
  if (!last || last.position?.end.offset !== tail.length) return null;
  const source = tail.slice(last.position.start.offset);
  if (last.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(source);
    if (!fence) return null; // indented code ends at a line with less indentation
    const lines = source.split(/\r\n|\r|\n/);
    const closing = new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}[ \\t]*$`);
    return lines.length > 1 && closing.test(lines[lines.length - 1]) ? null : fence[1];
  }
  if (last.type === 'html') {
    for (const [opener, closer] of RUN_ON_HTML) {
      const open = opener.exec(source);
      if (!open) continue;
      const end = closer.replace('$1', open[1] ?? '');
      return source.slice(open[0].length).toLowerCase().includes(end.toLowerCase()) ? null : end;
    }
  }
  return null;
}
