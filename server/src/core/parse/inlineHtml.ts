// Inline HTML (`<!-- a comment -->`, `<span>`) is not notes text: it is blanked before any pattern
// reads a line. micromark's own inline-HTML reader rescans the rest of a paragraph from every
// unclosed `<!--`, which is quadratic; this scan finds each closing sequence once.

import type { Span } from '../model';

const OPEN_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y;
const DECLARATION = /<![A-Za-z]/y;

/**
 * The spans (relative to `source`) of the inline HTML in it: comments, processing instructions,
 * declarations, CDATA and tags, as CommonMark reads them. `<` inside a code span (`skip`) or after a
 * backslash is text.
 */
export function inlineHtmlSpans(source: string, skip: Span[] = []): Span[] {
  const spans: Span[] = [];
  // Once a closing sequence is missing after some point, it is missing after every later point.
  const unclosed = new Set<string>();
  const closeAfter = (close: string, from: number): number => {
    if (unclosed.has(close)) return -1;
    const at = source.indexOf(close, from);
    if (at < 0) unclosed.add(close);
    return at < 0 ? -1 : at + close.length;
  };
  let skipIndex = 0;
  for (let i = source.indexOf('<'); i >= 0; i = source.indexOf('<', i + 1)) {
    while (skipIndex < skip.length && skip[skipIndex].end <= i) skipIndex++;
    if (skipIndex < skip.length && skip[skipIndex].start <= i) continue;
    if (escaped(source, i)) continue;
    let end = -1;
    if (source.startsWith('<!--', i)) {
      // `<!-->` and `<!--->` are (empty) comments too.
      end = source.startsWith('<!-->', i) ? i + 5 : source.startsWith('<!--->', i) ? i + 6 : closeAfter('-->', i + 4);
    } else if (source.startsWith('<?', i)) {
      end = closeAfter('?>', i + 2);
    } else if (source.startsWith('<![CDATA[', i)) {
      end = closeAfter(']]>', i + 9);
    } else if (matchesAt(DECLARATION, source, i)) {
      end = closeAfter('>', i + 2);
    } else {
      end = matchAt(OPEN_TAG, source, i) ?? matchAt(CLOSING_TAG, source, i) ?? -1;
    }
    if (end > i) {
      spans.push({ start: i, end });
      i = end - 1;
    }
  }
  return spans;
}

function escaped(source: string, i: number): boolean {
  let backslashes = 0;
  while (i - backslashes - 1 >= 0 && source[i - backslashes - 1] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function matchesAt(pattern: RegExp, source: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(source);
}

function matchAt(pattern: RegExp, source: string, at: number): number | null {
  pattern.lastIndex = at;
  const m = pattern.exec(source);
  return m ? at + m[0].length : null;
}
