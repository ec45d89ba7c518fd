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

/** The block structure of a notes text; offsets in the tree are offsets in `text`. */
export function parseMarkdown(text: string): Root {
  const root = processor.parse(boundNesting(text));
  // micromark skips a byte order mark and counts offsets from after it; the model counts it, as editors do.
  if (text.charCodeAt(0) === 0xfeff) shiftOffsets(root, 1);
  return root;
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
  try {
    // YAML reads a lone \r as part of a line; the values need no offsets, so line endings are unified.
    const data: unknown = parseYaml(yamlText.replace(/\r\n?/g, '\n'), { prettyErrors: false, maxAliasCount: 50, logLevel: 'silent' });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
