import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

// Frozen once: parsing only runs the parser (with the GFM and front matter syntax extensions).
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
// For a part of a document that does not start it: front matter is only front matter on line 1.
const bodyProcessor = unified().use(remarkParse).use(remarkGfm).freeze();

/** The markdown tree of a document, or of a later part of one (`atStart: false`: no front matter). */
export function parseMarkdown(text: string, atStart = true): Root {
  // Only offered front matter when there is some: a failed attempt (a first line `---` that is
  // never closed, as while typing front matter) leaves the parser unable to read later lists.
  return (atStart && startsWithFrontMatter(text) ? processor : bodyProcessor).parse(text);
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

/** Front matter as a plain object; malformed YAML yields an empty object rather than an error. */
export function readFrontMatter(yamlText: string): Record<string, unknown> {
  try {
    const data: unknown = parseYaml(yamlText, { prettyErrors: false, maxAliasCount: 50 });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
