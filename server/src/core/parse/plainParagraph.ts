import { type FlatDocument, linesOf } from './blocks';

// Most of a long transcript is paragraphs of plain lines (`[05:00] Tom: I'll do it by Friday`).
// For those the markdown tree adds nothing the notes reader uses: a paragraph's lines and their
// offsets are all it reads. This recognises such a part of a document without the parser, and
// declines (returns null) whenever a line could be anything else, so the parser decides.

/**
 * What may start a line that is more than paragraph text: headings, quotes, lists, breaks, fences,
 * setext underlines, tables, footnotes. A run of `*` or `_` followed by a word (`**Tom:**`, a bold
 * speaker) is emphasis, neither a list item nor a break: such transcripts are read here too (the
 * parser takes time quadratic in the lines of a paragraph: 10,000 such lines in one took 7 s).
 */
const SPECIAL_START = /^[ \t]*(?:[#>\-+=`~:]|\d{1,9}[.)]|\[\^|[*_](?![*_]*[^\s*_]))/;
/** Characters that make inline HTML (masked by the reader), HTML blocks or tables possible, and lone `\r` line ends. */
const SPECIAL_ANYWHERE = /[<|\0]|\r(?!\n)/;
const BLANK = /^[ \t]*\r?$/;

/**
 * The units of `part` (a part of a document cut where `findBoundaries` allows) when it is one plain
 * paragraph followed only by blank lines; null when the markdown parser must read it.
 */
export function readPlainParagraph(part: string): (FlatDocument & { lastEnd: number }) | null {
  const first = part.charCodeAt(0);
  // Must start with visible text (no indentation, no byte order mark), and not a link definition.
  if (!(first > 0x20) || first === 0xfeff || SPECIAL_ANYWHERE.test(part)) return null;
  if (part.includes(']:')) return null; // a link definition, or text that one elsewhere changes

  let end = 0; // end of the last non-blank line, before its line break
  let at = 0;
  let sawBlank = false;
  while (at < part.length) {
    const newline = part.indexOf('\n', at);
    const lineEnd = newline === -1 ? part.length : newline;
    const line = part.slice(at, lineEnd);
    if (BLANK.test(line)) {
      sawBlank = true;
    } else {
      if (sawBlank || SPECIAL_START.test(line)) return null; // a second block, or a line that may start one
      if (line.charCodeAt(0) === 0x5b && line.includes(']:')) return null;
      end = line.endsWith('\r') ? lineEnd - 1 : lineEnd;
    }
    at = lineEnd + 1;
  }
  const lines = linesOf(part.slice(0, end), 0);
  return { frontMatter: null, frontMatterSpan: null, units: [{ type: 'paragraph', block: 0, lines }], blockCount: 1, listCount: 0, lastEnd: end };
}
