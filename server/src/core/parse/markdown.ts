import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

// Frozen once: parsing only runs the parser (with the GFM and front matter syntax extensions).
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
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
