import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { memoSettings } from '../../server/src/core/memo';
import { plainText } from '../../server/src/core/text/plain';

// plainText skips its replacements for text with no markup and plain single spaces; it must give
// what the replacements give for every text.
function reference(source: string): string {
  return source
    .replace(/!?\[([^\]]{0,1000})\]\([^)]{0,1000}\)/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]{0,1000}?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

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
          fc.property(fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join('')), (text) => plainText(text) === reference(text)),
          { numRuns: 3000, seed: 7 },
        );
      } finally {
        memoSettings.enabled = true;
      }
    }
  });
});
