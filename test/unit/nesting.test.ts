import { strict as assert } from 'node:assert';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { boundNesting } from '../../server/src/core/parse/nesting';

/** The tree's block shape: each node's type and extent, as offsets. */
function shape(node: Node): string[] {
  const here = `${node.type} ${node.position?.start.offset}-${node.position?.end.offset}`;
  return [here, ...((node as Parent).children ?? []).flatMap(shape)];
}

const plainParse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text);

describe('bounded nesting', () => {
  it('reads blanks far into a line as letters, and the line stays in the block it was in', () => {
    const deep = ' '.repeat(300);
    const texts = [
      `- a\n  - b\n${deep}continues b`, // a paragraph's continuation in a nested list
      `- a\n\n${deep}code in a`, // indented code in an item
      `text\n${deep}- not a list item`, // a marker past the bound, after the blanks
      `${deep}code at the top`,
      `- a\n${deep}\n- b`, // a line of blanks only stays blank
      `- a\n${'\t'.repeat(40)}tabbed text`,
      // 48 lists deep, the last item's content starts at column 98: code in it needs 102 columns.
      `${Array.from({ length: 48 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n')}\n\n${deep}code in the deepest item`,
    ];
    for (const text of texts) {
      const bounded = boundNesting(text);
      assert.equal(bounded.length, text.length);
      assert.deepEqual(shape(parseMarkdown(text)), shape(plainParse(text)), JSON.stringify(text.slice(0, 12)));
    }
    assert.equal(boundNesting(`- a\n${deep}\n- b`), `- a\n${deep}\n- b`);
    assert.match(boundNesting(`text\n${deep}- x`), /^text\n {120}x{183}$/); // 180 blanks, the marker and its blank as letters, then the text
  });

  it('bounds the first line after a byte order mark, which the parser skips (3,000 lists deep overflowed the stack)', () => {
    const text = `\ufeff${'- '.repeat(3000)}x`;
    assert.match(boundNesting(text), /^\ufeff(- ){50}(x ){10}x{5881}$/); // markers from column 100 on, and all from column 120, are letters
    const depth = (node: Node): number => 1 + Math.max(0, ...((node as Parent).children ?? []).map(depth));
    assert.equal(depth(parseMarkdown(text)), 103); // the root, 50 lists of an item each, the paragraph, its text
    assert.equal(boundNesting(`\n\ufeff${'- '.repeat(60)}x`), `\n\ufeff${'- '.repeat(60)}x`, 'a U+FEFF after the start is text: no list');
  });
});
