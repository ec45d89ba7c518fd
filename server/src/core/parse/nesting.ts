// Markdown parsers spend time in proportion to how deeply blocks nest, for every line
// (`>>>>>…`, `- - - - …`, lists indented thousands of columns deep), and micromark's list
// handling grows faster still. Real notes nest a few levels; a pathological file can nest
// thousands. Like markdown-it's `maxNesting`, nesting is bounded: a block-quote or list marker that
// starts this many columns into a line is read as text (the parser sees a letter in its place, so
// the rest of the line is the text of the deepest block; the analysis reads the line as written).
// Blanks far past that column, before a line's text, are letters to the parser too: micromark
// reads a line's indentation again for every open container, and 2,000 lines indented up to 4,000
// columns inside 50 lists took 30 s (one part of it 3 times less once they are letters); what is
// kept (BLANK_COLUMNS) is deeper than any container's content can start, so the line stays in the
// same block: indented code or a paragraph's continuation.

const DEEP_LINE_START = /^\ufeff?[ \t>*+\-0-9.)]{25}/m; // a byte order mark may open the text

/** Column (tabs every 4) from which `>`, `-`, `*`, `+` and `1.` no longer open a nested block. */
export const MAX_CONTAINER_COLUMN = 100;
/** Column from which the blanks before a line's text are read as letters (a marker, up to 4 blanks after it and 4 more for code fit before it). */
const BLANK_COLUMNS = MAX_CONTAINER_COLUMN + 20;

/**
 * The text with every container marker that starts at or past MAX_CONTAINER_COLUMN in a line's
 * leading run of blanks and markers turned into `x`s, and the blanks of that run from
 * BLANK_COLUMNS on too when text follows them. The result has the same length and line breaks, so
 * every offset the parser reports is an offset in the original text.
 */
export function boundNesting(text: string): string {
  // A marker at column 100 needs a line that starts with at least 25 blanks and markers (tabs count 4).
  if (!DEEP_LINE_START.test(text)) return text;
  const out: string[] = [];
  let copiedTo = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const lineEnd = nextLineEnd(text, lineStart);
    let column = 0;
    // micromark skips a byte order mark that opens the text: the first line's markers start after it.
    let i = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
    /** Where the run reached BLANK_COLUMNS: from there on it is all letters, if text follows. */
    let deep = -1;
    /** The markers at or past MAX_CONTAINER_COLUMN: start, end. */
    const markers: number[] = [];
    while (i < lineEnd) {
      if (deep < 0 && column >= BLANK_COLUMNS) deep = i;
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
      if (column >= MAX_CONTAINER_COLUMN) markers.push(i, i + length);
      column += length;
      i += length;
    }
    const letters = (start: number, end: number) => {
      out.push(text.slice(copiedTo, start), 'x'.repeat(end - start));
      copiedTo = end;
    };
    const textFollows = deep >= 0 && i < lineEnd;
    for (let k = 0; k < markers.length && !(textFollows && markers[k] >= deep); k += 2) letters(markers[k], markers[k + 1]);
    if (textFollows) letters(deep, i);
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
  if (!out.length) return text;
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
