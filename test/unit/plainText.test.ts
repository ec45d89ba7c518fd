import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { memoSettings } from '../../server/src/core/memo';
import { plainText, wholeWordIndex, withoutMarkup } from '../../server/src/core/text/plain';

// plainText skips its replacements for text with no markup and plain single spaces; it must give
// what the replacements give for every text.

describe('plain text of markdown source', () => {
  it('reads the words a reader sees', () => {
    assert.equal(plainText('Ship **the** `api` [docs](http://x) now'), 'Ship the api docs now');
    assert.equal(plainText('  two  spaces\tand\u00a0a tab '), 'two spaces and a tab');
    assert.equal(plainText('Already plain words'), 'Already plain words');
  });

  it('gives what the full replacement gives, for any text (with and without remembering)', () => {
    const pieces = fc.constantFrom('a', 'Tom', ' ', '  ', '\t', '\n', '\u00a0', '*', '**', '_', '__', '~~', '`', '[', ']', '(', ')', '\\', '!', '.', 'é');
    for (const remember of [false, true]) {
      memoSettings.enabled = remember;
      try {
        fc.assert(
          fc.property(fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join('')), (text) => plainText(text) === withoutMarkup(text)),
          { numRuns: 3000, seed: 7 },
        );
      } finally {
        memoSettings.enabled = true;
      }
    }
  });

  it('finds a word where no letter or digit touches it, as a pattern with Unicode classes finds it', () => {
    assert.equal(wholeWordIndex('Anat, Ana Costa', 'Ana'), 6);
    assert.equal(wholeWordIndex('Ana2 Ana', 'Ana'), 5);
    assert.equal(wholeWordIndex('JoséAna Ana', 'Ana'), 8, 'an accented letter before it');
    assert.equal(wholeWordIndex('𝐀Ana Ana𝐁 (Ana)', 'Ana'), 13, 'letters outside the BMP before and after it');
    assert.equal(wholeWordIndex('Ben', ''), -1);
    const pieces = fc.constantFrom('a', 'Ana', 'An', 'na', ' ', '-', '(', '1', 'é', '\u0301', '𝐀', '😀', '\ud835', '.', '*');
    const text = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('Ana', 'a', 'An.a', '(a)', '𝐀', 'é'), (haystack, word) => {
        const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const found = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(haystack);
        return wholeWordIndex(haystack, word) === (found ? found.index : -1);
      }),
      { numRuns: 5000, seed: 11 },
    );
  });
});
