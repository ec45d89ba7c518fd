// Markdown parsers spend time in proportion to how deeply blocks nest, for every line
// (`>>>>>…`, `- - - - …`, lists indented thousands of columns deep), and micromark's list
// handling grows faster still. Real notes nest a few levels; a pathological file can nest
// thousands. Like markdown-it's `maxNesting`, nesting is bounded: a block-quote or list marker that
// starts this many columns into a line is read as text (the parser sees a letter in its place, so
// the rest of the line is the text of the deepest block; the analysis reads the line as written).

const DEEP_LINE_START = /^[ \t>*+\-0-9.)]{25}/m;

/** Column (tabs every 4) from which `>`, `-`, `*`, `+` and `1.` no longer open a nested block. */
export const MAX_CONTAINER_COLUMN = 100;

/**
 * The text with every container marker that starts at or past MAX_CONTAINER_COLUMN in a line's
 * leading run of blanks and markers turned into `x`s. The result has the same length and line
 * breaks, so every offset the parser reports is an offset in the original text.
 */
export function boundNesting(text: string): string {
  // A marker at column 100 needs a line that starts with at least 25 blanks and markers (tabs count 4).
  if (!DEEP_LINE_START.test(text)) return text;
  let out: string[] | null = null;
  let copiedTo = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const lineEnd = nextLineEnd(text, lineStart);
    let column = 0;
    let i = lineStart;
    while (i < lineEnd) {
      const c = text[i];
      if (c === ' ') {
        column++;
        i++;
        continue;
      }
      if (c === '\t') {
        column += 4 - (column % 4);
        i++;
        continue;
      }
      const length = markerLength(text, i, lineEnd);
      if (!length) break;
      if (column >= MAX_CONTAINER_COLUMN) {
        out ??= [];
        out.push(text.slice(copiedTo, i), 'x'.repeat(length));
        copiedTo = i + length;
      }
      column += length;
      i += length;
    }
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
  if (!out) return text;
  out.push(text.slice(copiedTo));
  return out.join('');
}

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Length of a block-quote or list marker at `i` (`>`, `- `, `12. `), or 0. */
function markerLength(text: string, i: number, lineEnd: number): number {
  const c = text[i];
  if (c === '>') return 1;
  const blankAfter = (at: number) => at >= lineEnd || text[at] === ' ' || text[at] === '\t';
  if ((c === '-' || c === '*' || c === '+') && blankAfter(i + 1)) return 1;
  let j = i;
  while (j < lineEnd && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
  if (j > i && (text[j] === '.' || text[j] === ')') && blankAfter(j + 1)) return j + 1 - i;
  return 0;
}
