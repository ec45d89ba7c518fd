import type { Root } from 'mdast';
import type { Position } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import './editMap';
import { boundNesting } from './nesting';

/**
 * Inline syntax the analysis never reads (it works on the source text of each line), switched off
 * in the parser: emphasis, links and images, footnotes, GFM autolinks and strike-through. Besides
 * saving time, this removes micromark's quadratic cases (`*_*_*_…`, `[a](` repeated, unclosed
 * `<!--` in a long paragraph: inline HTML is found by `inlineHtmlSpans` instead).
 */
const UNREAD_SYNTAX = [
  'attention',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
  'htmlText',
  'strikethrough',
  'wwwAutolink',
  'protocolAutolink',
  'emailAutolink',
  'gfmFootnoteDefinition',
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
];

function skipUnreadSyntax(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: UNREAD_SYNTAX } });
}

// Frozen once: parsing only runs the parser (with the GFM and front matter syntax extensions).
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(skipUnreadSyntax).freeze();
// For a part of a document that does not start it: front matter is only front matter on line 1.
const bodyProcessor = unified().use(remarkParse).use(remarkGfm).use(skipUnreadSyntax).freeze();

/**
 * The block structure of a notes text, or of a later part of one (`atStart: false`: no front
 * matter); offsets in the tree are offsets in `text`.
 */
export function parseMarkdown(text: string, atStart = true): Root {
  // Only offered front matter when there is some: a failed attempt (a first line `---` that is
  // never closed, as while typing front matter) leaves the parser unable to read later lists.
  const parser = atStart && startsWithFrontMatter(text) ? processor : bodyProcessor;
  if (!atStart && text.charCodeAt(0) === 0xfeff) {
    // A U+FEFF opening a later part is the document's text, not its byte order mark, which micromark
    // would skip: the part is read after a blank line (which changes no block), as in the document.
    const root = parser.parse(boundNesting(`\n${text}`));
    shiftOffsets(root, -1);
    if (root.position?.start.offset !== undefined) root.position.start.offset = Math.max(0, root.position.start.offset);
    return root;
  }
  const root = parser.parse(boundNesting(text));
  // micromark skips a byte order mark and counts offsets from after it; the model counts it, as editors do.
  if (text.charCodeAt(0) === 0xfeff) shiftOffsets(root, 1);
  return root;
}

/** Whether the text opens with a complete YAML (`---`) or TOML (`+++`) front matter block. */
export function startsWithFrontMatter(text: string): boolean {
  return frontMatterEnd(text) >= 0;
}

/** Where the front matter block that opens the text ends (after its closing fence), or -1. */
export function frontMatterEnd(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return -1;
  const fence = open[1] === '---' ? '---' : '\\+\\+\\+';
  const close = new RegExp(`(?:\\r\\n|\\r|\\n)${fence}[ \\t]*(?=\\r\\n|\\r|\\n|$)`, 'g');
  close.lastIndex = open[0].length - 1;
  const found = close.exec(text);
  return found ? found.index + found[0].length : -1;
}

function shiftOffsets(node: { position?: Position; children?: unknown[] }, by: number): void {
  if (node.position) {
    if (node.position.start.offset !== undefined) node.position.start.offset += by;
    if (node.position.end.offset !== undefined) node.position.end.offset += by;
  }
  for (const child of node.children ?? []) shiftOffsets(child as { position?: Position; children?: unknown[] }, by);
}

/**
 * Front matter as a plain object; malformed YAML yields an empty object rather than an error.
 * Plain YAML only: tags such as `!!js/function` stay strings, aliases are capped (no billion laughs),
 * and warnings are not printed.
 */
export function readFrontMatter(yamlText: string): Record<string, unknown> {
  const simple = readSimpleYaml(yamlText);
  if (simple) return simple;
  try {
    // YAML reads a lone \r as part of a line; the values need no offsets, so line endings are unified.
    const data: unknown = parseYaml(yamlText.replace(/\r\n?/g, '\n'), { prettyErrors: false, maxAliasCount: 50, logLevel: 'silent' });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const YAML_KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?$/;
const YAML_ITEM = /^( *)- +(.*)$/;
/** Plain scalars that YAML reads as something other than a string: numbers, booleans, null. */
const YAML_NOT_STRING = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;

/**
 * Front matter written the usual way (`key: text` lines, and lists of text under a key), read
 * without the YAML parser, which is slow to start on every file of a large workspace. Anything
 * else (quotes, nested maps, numbers, comments, …) returns null, and the YAML parser reads it; the
 * unit tests compare both on such front matter.
 */
export function readSimpleYaml(text: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  /** A key without a value on its line: a list follows, or it is null. */
  let pending: { key: string; items: string[]; indent: number } | null = null;
  const finish = () => {
    if (pending) data[pending.key] = pending.items.length ? pending.items : null;
    pending = null;
  };
  const plain = (value: string) => {
    const v = value.trim();
    // No indicator first, no quote, colon, hash, tab or backslash anywhere: the text is the value, a string.
    if (!v || /^[-?:,[\]{}#&*!|>'"%@`]/.test(v) || /[:#'"\t\\]/.test(v) || YAML_NOT_STRING.test(v)) return null;
    return v;
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) continue;
    const item = YAML_ITEM.exec(line);
    if (item) {
      const current = pending as { key: string; items: string[]; indent: number } | null;
      if (!current || (current.indent >= 0 && item[1].length !== current.indent)) return null;
      current.indent = item[1].length;
      const value = plain(item[2]);
      if (value === null) return null;
      current.items.push(value);
      continue;
    }
    const entry = YAML_KEY.exec(line);
    finish();
    if (!entry || Object.hasOwn(data, entry[1])) return null;
    if (entry[2] === undefined || !entry[2].trim()) {
      data[entry[1]] = null;
      pending = { key: entry[1], items: [], indent: -1 };
      continue;
    }
    const value = plain(entry[2]);
    if (value === null) return null;
    data[entry[1]] = value;
  }
  finish();
  return Object.keys(data).length ? data : null; // empty: the parser says null
}
