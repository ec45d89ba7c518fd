import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import type { Span } from '../model';
import { inlineHtmlSpans } from './inlineHtml';
import { readFrontMatter } from './markdown';

/** One line of notes text; `text` is the source with inline HTML comments blanked out. */
export interface TextLine {
  start: number;
  end: number;
  text: string;
}

export interface HeadingUnit {
  type: 'heading';
  block: number;
  depth: number;
  span: Span;
  content: TextLine;
}

export interface ParagraphUnit {
  type: 'paragraph';
  block: number;
  lines: TextLine[];
}

export interface ItemUnit {
  type: 'item';
  block: number;
  /** 0 for a top-level item, 1 for an item nested in another, … */
  depth: number;
  list: number;
  ordered: boolean;
  /** The marker (`-`, `1.`) and the item's first paragraph. */
  span: Span;
  /** Where the whole item ends, nested lists included. */
  end: number;
  marker: Span;
  checkbox: { span: Span; checked: boolean } | null;
  /** Lines of the first paragraph; the first one starts after the marker and checkbox. */
  lines: TextLine[];
}

export interface TableUnit {
  type: 'table';
  block: number;
  span: Span;
  header: TextLine[];
  rows: Array<{ span: Span; cells: TextLine[] }>;
}

/** A block that is not notes text (code, HTML, a quote, a rule): it separates what is around it. */
export interface BreakUnit {
  type: 'break';
  block: number;
  start: number;
}

export type Unit = HeadingUnit | ParagraphUnit | ItemUnit | TableUnit | BreakUnit;

/** Where a unit starts in the document. */
export function unitStart(unit: Unit): number {
  switch (unit.type) {
    case 'paragraph':
      return unit.lines[0]?.start ?? 0;
    case 'break':
      return unit.start;
    default:
      return unit.span.start;
  }
}

/** Where a unit's own text ends (a break's is its start: it has no text of its own to read). */
export function unitEnd(unit: Unit): number {
  switch (unit.type) {
    case 'paragraph':
      return unit.lines[unit.lines.length - 1]?.end ?? 0;
    case 'item':
      return unit.end;
    case 'break':
      return unit.start;
    default:
      return unit.span.end;
  }
}

export interface FlatDocument {
  frontMatter: Record<string, unknown> | null;
  frontMatterSpan: Span | null;
  units: Unit[];
  /** How many top-level blocks and lists (nested ones too) there are: the numbering of `block` and `list`. */
  blockCount: number;
  listCount: number;
  /** The id of the last top-level block when it is a list (a later part of the document may continue it). */
  lastTopList?: number | null;
}

/** Flattens the markdown tree into the units the extractors read, in document order. */
export function flattenDocument(text: string, root: Root): FlatDocument {
  const units: Unit[] = [];
  let frontMatter: Record<string, unknown> | null = null;
  let frontMatterSpan: Span | null = null;
  let listCount = 0;
  let lastTopList: number | null = null;

  const pushList = (list: List, block: number, depth: number) => {
    const listId = listCount++;
    if (depth === 0) lastTopList = listId;
    for (const item of list.children) pushItem(item, list, listId, block, depth);
  };

  const pushItem = (item: ListItem, list: List, listId: number, block: number, depth: number) => {
    const itemStart = offsetOf(item, 'start');
    const [first, ...rest] = item.children;
    if (first?.type === 'paragraph') {
      const paragraphStart = offsetOf(first, 'start');
      const markerMatch = /^[ \t]*([-*+]|\d{1,9}[.)])/.exec(text.slice(itemStart, paragraphStart));
      const marker = { start: itemStart, end: itemStart + (markerMatch ? markerMatch[0].length : 0) };
      let checkbox: ItemUnit['checkbox'] = null;
      if (item.checked != null) {
        const box = /\[[ xX]\]/.exec(text.slice(marker.end, paragraphStart));
        if (box) {
          const start = marker.end + box.index;
          checkbox = { span: { start, end: start + 3 }, checked: item.checked };
        }
      }
      units.push({
        type: 'item',
        block,
        depth,
        list: listId,
        ordered: list.ordered === true,
        span: { start: itemStart, end: offsetOf(first, 'end') },
        end: offsetOf(item, 'end'),
        marker,
        checkbox,
        lines: paragraphLines(text, first),
      });
    }
    for (const child of first?.type === 'paragraph' ? rest : item.children) {
      if (child.type === 'list') pushList(child, block, depth + 1);
    }
  };

  root.children.forEach((node: RootContent, block: number) => {
    lastTopList = null;
    switch (node.type) {
      case 'yaml':
        if (block === 0) {
          frontMatter = readFrontMatter(node.value);
          frontMatterSpan = { start: offsetOf(node, 'start'), end: offsetOf(node, 'end') };
        }
        units.push({ type: 'break', block, start: offsetOf(node, 'start') });
        break;
      case 'heading':
        units.push(headingUnit(text, node, block));
        break;
      case 'paragraph':
        units.push({ type: 'paragraph', block, lines: paragraphLines(text, node) });
        break;
      case 'list':
        pushList(node, block, 0);
        break;
      case 'table':
        units.push(tableUnit(text, node, block));
        break;
      case 'definition':
        break; // link reference definitions are invisible in the rendered notes
      default:
        // code, html, blockquote, thematicBreak, toml, math…: not notes text.
        units.push({ type: 'break', block, start: offsetOf(node, 'start') });
    }
  });
  return { frontMatter, frontMatterSpan, units, blockCount: root.children.length, listCount, lastTopList };
}

function offsetOf(node: Nodes, edge: 'start' | 'end'): number {
  return node.position?.[edge].offset ?? 0;
}

/** Blanks inline HTML (comments, tags) so that no regex reads it, keeping every offset. */
function maskedSlice(text: string, node: Paragraph | Heading, start: number, end: number): string {
  const slice = text.slice(start, end);
  if (!slice.includes('<')) return slice;
  // `<` inside a code span is text.
  const code: Span[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'inlineCode') code.push({ start: offsetOf(n, 'start') - start, end: offsetOf(n, 'end') - start });
    else if ('children' in n) for (const child of n.children) visit(child);
  };
  visit(node);
  const spans = inlineHtmlSpans(slice, code);
  if (!spans.length) return slice;
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(slice.slice(at, span.start), slice.slice(span.start, span.end).replace(/[^\r\n]/g, ' '));
    at = span.end;
  }
  parts.push(slice.slice(at));
  return parts.join('');
}

function paragraphLines(text: string, node: Paragraph): TextLine[] {
  let start = offsetOf(node, 'start');
  // After a task box at a line's end, micromark takes the `\r` of `\r\n` for the blank the box
  // needs and starts the paragraph at the `\n`: the paragraph starts on the next line, as with `\n`.
  if (text.charCodeAt(start) === 10 && text.charCodeAt(start - 1) === 13) start++;
  return linesOf(maskedSlice(text, node, start, offsetOf(node, 'end')), start);
}

/** The lines of a paragraph's (masked) source that starts at `start`, without their indentation. */
export function linesOf(masked: string, start: number): TextLine[] {
  const lines: TextLine[] = [];
  let lineStart = 0;
  // `\r\n`, `\n` and a lone `\r` all end a line, in markdown as in the editor.
  for (const m of masked.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    const content = m[1];
    const indent = /^[ \t]*/.exec(content)![0].length;
    lines.push({ start: start + lineStart + indent, end: start + lineStart + content.length, text: content.slice(indent) });
    lineStart += m[0].length;
    if (!m[2]) break;
  }
  return lines;
}

function headingUnit(text: string, node: Heading, block: number): HeadingUnit {
  const span = { start: offsetOf(node, 'start'), end: offsetOf(node, 'end') };
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const contentStart = first ? offsetOf(first, 'start') : span.end;
  const contentEnd = last ? offsetOf(last, 'end') : span.end;
  const content = maskedSlice(text, node, contentStart, contentEnd).replace(/[\r\n][\s\S]*$/, '');
  return { type: 'heading', block, depth: node.depth, span, content: { start: contentStart, end: contentStart + content.length, text: content } };
}

function tableUnit(text: string, node: Table, block: number): TableUnit {
  const rows = node.children.map((row) => ({
    span: { start: offsetOf(row, 'start'), end: offsetOf(row, 'end') },
    cells: row.children.map((cell) => cellContent(text, offsetOf(cell, 'start'), offsetOf(cell, 'end'))),
  }));
  const [header, ...body] = rows;
  return { type: 'table', block, span: { start: offsetOf(node, 'start'), end: offsetOf(node, 'end') }, header: header?.cells ?? [], rows: body };
}

/** A cell's text without its pipes and padding; an empty cell spans the blanks between its pipes. */
function cellContent(text: string, start: number, end: number): TextLine {
  let from = start;
  let to = end;
  if (text[from] === '|') from++;
  if (to > from && text[to - 1] === '|' && text[to - 2] !== '\\') to--;
  const inner = { start: from, end: to };
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (from === to) return { ...inner, text: '' };
  return { start: from, end: to, text: text.slice(from, to) };
}
