import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { LineIndex } from '../../server/src/core/model';
import { createLineIndex, lineStartBefore } from '../../server/src/core/text/lineIndex';

/** Each line's start, as the index gives them. */
const starts = (text: string, index: LineIndex = createLineIndex(text)) => Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));

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

  it('finds where the line an offset is on starts: after the last \\n or \\r before it', () => {
    const text = 'ab\ncd\r\nef\rgh';
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((offset) => lineStartBefore(text, offset)), [0, 0, 0, 3, 3, 3, 6, 7, 7, 7, 10, 10, 10]);
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

  it('made from the previous version\'s table, equals one made afresh, whatever the edit brings or takes (\\n, \\r\\n, a lone \\r)', () => {
    const piece = fc.constantFrom('', 'a', 'line', '\n', '\n\n', '\r\n', '\r', 'a\nb', 'x\r\ny', '\n\r');
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 6 }), insert: piece });
    let fromPrevious = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (pieces, edits) => {
        let text = pieces.join('');
        let index = createLineIndex(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const next = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const updated = createLineIndex(next, index);
          assert.deepEqual(starts(next, updated), starts(next), JSON.stringify({ text, next }));
          for (let offset = 0; offset <= next.length; offset++) assert.deepEqual(updated.positionAt(offset), createLineIndex(next).positionAt(offset));
          if (!text.includes('\r')) fromPrevious++;
          text = next;
          index = updated;
        }
      }),
      { numRuns: 400, seed: 7 },
    );
    assert.ok(fromPrevious > 500, `${fromPrevious} tables made from the previous one`);
  });

  it('says whether an offset is at a position exactly when `positionAt` gives that position', () => {
    const pieces = fc.array(fc.constantFrom('', 'a', 'line', '\n', '\r\n', '\r', 'ab\ncd'), { maxLength: 10 });
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.join('');
        const index = createLineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const at = index.positionAt(offset);
          for (const line of [at.line - 1, at.line, at.line + 1]) {
            for (const character of [at.character - 1, at.character, at.character + 1, at.character + 2]) {
              const same = line === at.line && character === at.character;
              assert.equal(index.isAt(offset, { line, character }), same, JSON.stringify({ text, offset, line, character }));
            }
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

