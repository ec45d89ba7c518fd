import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { memoSettings } from '../../server/src/core/memo';
import { plainText, withoutMarkup } from '../../server/src/core/text/plain';

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
});
