import type { Span } from '../model';
import type { FlatDocument, ItemUnit, Unit } from './blocks';
import { linesOf } from './blocks';
import { readFrontMatter, startsWithFrontMatter } from './markdown';
import { boundNesting } from './nesting';
import { trimEndChars, trimStartChars } from '../text/plain';

// Most notes are made of a few kinds of blocks written the simple way: front matter, `#` headings,
// paragraphs of plain lines, one-line list items (`- [ ] Tom: ship it - Due: Friday`) and fenced
// code. For a part of a document made only of those, this reads the units the notes reader needs
// directly from the lines, as the markdown parser would give them (the property tests compare the
// two on thousands of random documents). Anything else, or any doubt, returns null: the parser
// reads that part. About ten times faster than the parser on such text.

export interface SimpleRead extends FlatDocument {
  /** Where the part's last block ends (see readBlocks). */
  lastEnd: number;
  firstList: string | null;
  lastList: string | null;
}

/** A line that may be paragraph text, as long as it continues or starts a paragraph. */
const SPECIAL_START = /^[ \t]*(?:[#>\-*+=_`~:|]|\d{1,9}[.)]|\[\^)/;
const ITEM = /^([-*+]|\d{1,9}[.)])( {1,4})(?=\S)/;
// Markdown's blanks are spaces and tabs only: JS's `\s` and `trim` also take U+00A0, U+FEFF and
// other Unicode spaces, which are text to the parser (`- [x] \u00a0a` is a done task to it).
const CHECKBOX = /^\[([ xX])\][ \t]+(?=[^ \t])/;
const MARKDOWN_BLANK = /[ \t]/;
const BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const HEADING = /^(#{1,6})(?=[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const BLANK = /^[ \t]*$/;

interface Line {
  start: number;
  /** End of the content, before `\r\n` or `\n`. */
  end: number;
  content: string;
}

function splitLines(part: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  while (at <= part.length) {
    const newline = part.indexOf('\n', at);
    const lineEnd = newline === -1 ? part.length : newline;
    const end = lineEnd > at && part.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (newline === -1 && at === part.length) break;
    lines.push({ start: at, end, content: part.slice(at, end) });
    if (newline === -1) break;
    at = newline + 1;
  }
  return lines;
}

/** A one-line list item (`- [ ] Tom: ship it`) at `indent`, or null when it is not that simple. */
function readItemLine(part: string, line: Line, indent: number): { kind: string; unit: Omit<ItemUnit, 'block' | 'depth' | 'list'>; contentColumn: number } | null {
  const content = line.content.slice(indent);
  const item = ITEM.exec(content);
  if (!item || BREAK.test(content)) return null;
  const marker = item[1];
  const ordered = /\d/.test(marker);
  const start = line.start + indent;
  let text = content.slice(item[0].length);
  let paragraphStart = start + item[0].length;
  let checkbox: ItemUnit['checkbox'] = null;
  const box = CHECKBOX.exec(text);
  if (box) {
    checkbox = { span: { start: paragraphStart, end: paragraphStart + 3 }, checked: box[1] !== ' ' };
    paragraphStart += box[0].length;
    text = text.slice(box[0].length);
  }
  // The item's text must itself be a plain paragraph line.
  if (SPECIAL_START.test(text) || (text.startsWith('[') && text.includes(']:'))) return null;
  return {
    kind: ordered ? `1${marker[marker.length - 1]}` : marker,
    contentColumn: indent + item[0].length,
    unit: {
      type: 'item',
      ordered,
      span: { start, end: line.end },
      end: line.end,
      marker: { start, end: start + marker.length },
      checkbox,
      lines: linesOf(part.slice(paragraphStart, line.end), paragraphStart),
    },
  };
}

/** The units of `part` when it is made only of simple blocks; null when the parser must read it. */
export function readSimpleBlocks(part: string, atStart: boolean): SimpleRead | null {
  // Inline HTML must be blanked out, tables and other constructs need the parser; lone CRs end lines for it.
  if (/[<|\0\t]|\r(?!\n)|\]:/.test(part) || part.charCodeAt(0) === 0xfeff) return null;
  // Markers nested past the parser's bound are text to it (`- - - …` is then no thematic break).
  if (boundNesting(part) !== part) return null;
  const lines = splitLines(part);
  const units: Unit[] = [];
  let frontMatter: Record<string, unknown> | null = null;
  let frontMatterSpan: Span | null = null;
  let blocks = 0;
  let lists = 0;
  let lastEnd = 0;
  let firstList: string | null = null;
  let lastList: string | null = null;
  /** What the previous line belongs to. */
  let open: { kind: 'paragraph'; lines: Line[] } | { kind: 'list'; marker: string } | null = null;
  /** The last top-level item (its end grows with its sub-items), the column its sub-items start at, and their list. */
  let parent: { unit: ItemUnit; contentColumn: number; subList: { id: number; kind: string } | null } | null = null;
  let topList = -1;
  let sawBlank = false;

  const closeParagraph = () => {
    if (open?.kind !== 'paragraph') return;
    const first = open.lines[0];
    const last = open.lines[open.lines.length - 1];
    units.push({ type: 'paragraph', block: blocks++, lines: linesOf(part.slice(first.start, last.end), first.start) });
    lastEnd = last.end;
    open = null;
  };
  const startBlock = (isList: string | null) => {
    if (blocks === 0) firstList = isList;
    lastList = isList;
  };

  let i = 0;
  if (atStart && startsWithFrontMatter(part)) {
    if (!/^---[ \t]*$/.test(lines[0]?.content ?? '')) return null; // TOML front matter: the parser
    const close = lines.findIndex((l, k) => k > 0 && /^---[ \t]*$/.test(l.content));
    if (close < 0) return null;
    const valueStart = lines[1].start;
    const closing = lines[close];
    const valueEnd = closing.start - (part.charCodeAt(closing.start - 2) === 13 ? 2 : 1);
    frontMatter = readFrontMatter(part.slice(valueStart, Math.max(valueStart, valueEnd)));
    frontMatterSpan = { start: 0, end: closing.end };
    startBlock(null);
    units.push({ type: 'break', block: blocks++, start: 0 });
    lastEnd = closing.end;
    i = close + 1;
  }

  for (; i < lines.length; i++) {
    const line = lines[i];
    const { content } = line;
    if (BLANK.test(content)) {
      closeParagraph();
      open = null;
      sawBlank = true;
      continue;
    }
    if (sawBlank) return null; // a second group of blocks: cut elsewhere, or not simple
    const first = content.charCodeAt(0);
    if (first === 0x20) {
      const indent = content.length - trimStartChars(content, MARKDOWN_BLANK).length;
      if (open?.kind === 'list' && parent && indent === parent.contentColumn) {
        // A one-line bullet under the last item, at its text's column: an item of its sub-list.
        const sub = readItemLine(part, line, indent);
        if (!sub || sub.unit.ordered || (parent.subList && parent.subList.kind !== sub.kind)) return null;
        parent.subList ??= { id: lists++, kind: sub.kind };
        units.push({ ...sub.unit, block: blocks - 1, depth: 1, list: parent.subList.id });
        parent.unit.end = line.end;
        lastEnd = line.end;
        continue;
      }
      // Otherwise indented: only the continuation of a paragraph is simple.
      if (open?.kind !== 'paragraph' || SPECIAL_START.test(content) || (content.trimStart().startsWith('[') && content.includes(']:'))) return null;
      open.lines.push(line);
      continue;
    }
    const heading = HEADING.exec(content);
    if (heading) {
      closeParagraph();
      open = null;
      if (content.includes('\\')) return null;
      const depth = heading[1].length;
      let rest = content.slice(depth);
      const lead = rest.length - trimStartChars(rest, MARKDOWN_BLANK).length;
      rest = trimEndChars(rest.slice(lead), MARKDOWN_BLANK);
      // An optional closing sequence: `## Title ##`.
      const closing = /(?:^|[ \t])#+$/.exec(rest);
      if (closing) rest = trimEndChars(rest.slice(0, closing.index), MARKDOWN_BLANK);
      const contentStart = rest ? line.start + depth + lead : line.end;
      startBlock(null);
      units.push({
        type: 'heading',
        block: blocks++,
        depth,
        span: { start: line.start, end: line.end },
        content: { start: contentStart, end: contentStart + rest.length, text: rest },
      });
      lastEnd = line.end;
      continue;
    }
    const fence = FENCE.exec(content);
    if (fence) {
      if (fence[1][0] === '`' && fence[2].includes('`')) return null;
      closeParagraph();
      open = null;
      const close = lines.findIndex((l, k) => {
        if (k <= i) return false;
        const m = CLOSING_FENCE.exec(l.content);
        return !!m && m[1][0] === fence[1][0] && m[1].length >= fence[1].length;
      });
      if (close < 0) return null; // runs to the end: the parser decides
      startBlock(null);
      units.push({ type: 'break', block: blocks++, start: line.start });
      lastEnd = lines[close].end;
      i = close;
      continue;
    }
    if (BREAK.test(content)) {
      if (open?.kind === 'paragraph') return null; // `---` under a paragraph makes a heading
      open = null;
      startBlock(null);
      units.push({ type: 'break', block: blocks++, start: line.start });
      lastEnd = line.end;
      continue;
    }
    const item = ITEM.exec(content);
    if (item) {
      const read = readItemLine(part, line, 0);
      if (!read) return null;
      const { kind, unit } = read;
      if (open?.kind === 'paragraph' && unit.ordered && item[1] !== kind) return null; // only `1.` may interrupt a paragraph
      if (open?.kind === 'list' && open.marker !== kind) return null; // another list
      if (open?.kind !== 'list') {
        closeParagraph();
        startBlock(kind);
        open = { kind: 'list', marker: kind };
        blocks++;
        topList = lists++;
      }
      const placed: ItemUnit = { ...unit, block: blocks - 1, depth: 0, list: topList };
      units.push(placed);
      parent = { unit: placed, contentColumn: read.contentColumn, subList: null };
      lastEnd = line.end;
      continue;
    }
    // A paragraph line (a paragraph that opens with `[` may be a link definition, over several lines).
    if (SPECIAL_START.test(content) || (content.startsWith('[') && part.includes(']:', line.start))) return null;
    if (open?.kind === 'list') return null; // a lazy continuation of the item
    if (open?.kind === 'paragraph') open.lines.push(line);
    else {
      startBlock(null);
      open = { kind: 'paragraph', lines: [line] };
    }
  }
  closeParagraph();
  const lastTopList = lastList === null ? null : topList;
  return { frontMatter, frontMatterSpan, units, blockCount: blocks, listCount: lists, lastTopList, lastEnd, firstList, lastList };
}
