import { strict as assert } from 'node:assert';
import { createLineIndex } from '../../server/src/core/text/lineIndex';

/** Each line's start, as the index gives them. */
const starts = (text: string) => {
  const index = createLineIndex(text);
  return Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
};

describe('line index', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, as LSP clients count them', () => {
    assert.deepEqual(starts(''), [0]);
    assert.deepEqual(starts('one'), [0]);
    assert.deepEqual(starts('a\nb\n'), [0, 2, 4]);
    assert.deepEqual(starts('a\r\nb\r\n'), [0, 3, 6]);
    assert.deepEqual(starts('a\rb\r'), [0, 2, 4]);
    assert.deepEqual(starts('a\r\nb\rc\nd'), [0, 3, 5, 7]);
    assert.deepEqual(starts('\r\r\n\n'), [0, 1, 3, 4]);
  });

  it('turns offsets into positions and back on every line ending', () => {
    const text = 'Sync\r\n[00:10] Tom: hi\rnext\n\nlast';
    const index = createLineIndex(text);
    assert.deepEqual(index.positionAt(text.indexOf('Tom')), { line: 1, character: 8 });
    assert.deepEqual(index.positionAt(text.indexOf('next')), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(text.length), { line: 4, character: 4 });
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // between \r and \n: not a place in LSP
      assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
    }
  });
});
