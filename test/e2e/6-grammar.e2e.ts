import { strict as assert } from 'node:assert';
import { SAMPLE, originalText, workbench } from './support/hooks';
import { eventually } from './support/poll';
import type { Token, Workbench } from './support/workbench';

/** The colour of the piece of the line that holds `text`. */
function colourOf(tokens: Token[], text: string): string {
  const token = tokens.find((t) => t.text.includes(text));
  assert.ok(token, `"${text}" is on the line: ${JSON.stringify(tokens)}`);
  return token.color;
}

async function lineTokens(wb: Workbench, file: string, line: number, expectedText: string): Promise<Token[]> {
  assert.equal(originalText(file).split('\n')[line - 1], expectedText);
  await wb.goTo(line);
  return eventually(async () => {
    const tokens = await wb.tokens(line);
    assert.equal(tokens.map((t) => t.text).join(''), expectedText);
    return tokens;
  });
}

describe('6. The notes grammar', () => {
  it('colours timestamps and speakers in plain-text notes', async () => {
    const wb = workbench();
    await wb.openFile(SAMPLE);
    const line = '[05:00] Tom Bradley: I can work with that. I commit to having the WebSocket infrastructure ready by February 3rd for Phase 1.';
    // Tokenization may lag behind the first paint: wait until the line is coloured at all.
    const tokens = await eventually(async () => {
      const tokens = await lineTokens(wb, SAMPLE, 24, line);
      assert.ok(tokens.length > 1, `line 24 is coloured: ${JSON.stringify(tokens)}`);
      return tokens;
    });
    const plain = colourOf(tokens, 'I can work with that.');
    const timestamp = colourOf(tokens, '05:00');
    const speaker = colourOf(tokens, 'Tom Bradley');
    assert.notEqual(timestamp, plain, 'the timestamp stands out from the text');
    assert.notEqual(speaker, plain, 'the speaker stands out from the text');
    assert.notEqual(timestamp, speaker, 'timestamp and speaker are told apart');
    assert.notEqual(colourOf(tokens, 'February 3rd'), plain, 'the due date stands out');
    await wb.screenshot('6-grammar-plaintext');
  });

  it('colours speakers, owners and due dates in markdown notes, but not inside code blocks', async () => {
    const wb = workbench();
    const file = 'design-review-search.md';
    await wb.openFile(file);
    const said = await eventually(async () => {
      const tokens = await lineTokens(wb, file, 11, "**Ana:** I'll update the design doc with the hybrid approach by Friday.");
      assert.notEqual(colourOf(tokens, 'Ana'), colourOf(tokens, 'update the design doc'), 'the speaker stands out');
      return tokens;
    });
    assert.notEqual(colourOf(said, 'Friday'), colourOf(said, 'update the design doc'), 'the due date stands out');
    assert.ok(said.find((t) => t.text.includes('Ana'))?.bold, '**Ana:** stays bold, as markdown shows it');
    const entry = await lineTokens(wb, file, 19, '- Ben: write up the query log analysis - by Thursday');
    assert.notEqual(colourOf(entry, 'Ben'), colourOf(entry, 'write up the query log analysis'), 'the owner stands out');
    assert.notEqual(colourOf(entry, 'Thursday'), colourOf(entry, 'write up the query log analysis'), 'the due date stands out');
    await wb.screenshot('6-grammar-markdown');

    const other = '2025-03-10-platform-sync.md';
    await wb.openFile(other);
    const lines = originalText(other).split('\n');
    const inCode = lines.indexOf('- [ ] Example of a task in a code block, never tracked') + 1;
    assert.equal(lines[inCode - 2], '```text');
    const entryLine = lines.indexOf('- [ ] Marta: move the integration suite to a nightly job - Due: Friday') + 1;
    const coloured = await eventually(async () => {
      const tokens = await lineTokens(wb, other, entryLine, lines[entryLine - 1]!);
      assert.notEqual(colourOf(tokens, 'Marta'), colourOf(tokens, 'move the integration suite'), 'a list entry’s owner stands out');
      return tokens;
    });
    assert.ok(coloured.length > 2);
    const code = await lineTokens(wb, other, inCode, lines[inCode - 1]!);
    assert.equal(new Set(code.map((t) => t.color)).size, 1, `a code block is not coloured as notes: ${JSON.stringify(code)}`);
  });
});
