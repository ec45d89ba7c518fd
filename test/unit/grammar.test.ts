import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoped, tokenize } from '../helpers/grammar';

const root = join(__dirname, '..', '..');

async function scopesOf(text: string, language: 'plaintext' | 'markdown' = 'plaintext'): Promise<string[][]> {
  return scoped(await tokenize(text, language));
}

describe('TextMate grammar', () => {
  it('is what scripts/build-grammar.mjs writes (edit the script, not the JSON)', async () => {
    const { grammars, render } = await import('../../scripts/build-grammar.mjs');
    for (const [file, grammar] of Object.entries(grammars)) {
      assert.equal(readFileSync(join(root, 'syntaxes', file), 'utf8'), render(grammar), `syntaxes/${file} is out of date: run node scripts/build-grammar.mjs`);
    }
  });

  it('colours the timestamp, the speaker and the cue phrases of a transcript line', async () => {
    const [line] = await scopesOf('[05:00] Tom Bradley: I can work with that. I commit to having the WebSocket infrastructure ready by February 3rd for Phase 1.');
    assert.deepEqual(line, [
      '[ → punctuation.definition.timestamp.begin',
      '05:00 → constant.numeric.timestamp',
      '] → punctuation.definition.timestamp.end',
      'Tom Bradley → entity.name.tag.speaker',
      ': → punctuation.separator.speaker',
      'I commit to → keyword.other.cue.commitment',
      'by → keyword.other.due',
      'February 3rd → constant.numeric.date.due',
    ]);
  });

  it('colours action items for someone, decisions and bold speakers', async () => {
    const lines = await scopesOf(
      ['[07:30] Mike Johnson: Action item for me: test connection pool optimizations by tomorrow.', '**Priya:** Decision: we pin Bazel to 7.1.', '[1:02:03] Ana: Action item for @wei: split the epic by end of this week'].join('\n'),
    );
    assert.deepEqual(lines[0].slice(3), ['Mike Johnson → entity.name.tag.speaker', ': → punctuation.separator.speaker', 'Action item → keyword.other.cue.action', 'for → keyword.other.cue.action', 'me → entity.name.tag.owner', ': → punctuation.separator.cue', 'by → keyword.other.due', 'tomorrow → constant.numeric.date.due']);
    assert.deepEqual(lines[1], ['** → markup.bold punctuation.definition.bold', 'Priya → markup.bold entity.name.tag.speaker', ': → markup.bold punctuation.separator.speaker', '** → markup.bold punctuation.definition.bold', 'Decision → keyword.other.cue.decision', ': → punctuation.separator.cue']);
    assert.deepEqual(lines[2].filter((t) => !t.startsWith('[') && !t.startsWith(']')), ['1:02:03 → constant.numeric.timestamp', 'Ana → entity.name.tag.speaker', ': → punctuation.separator.speaker', 'Action item → keyword.other.cue.action', 'for → keyword.other.cue.action', '@wei → entity.name.tag.owner', ': → punctuation.separator.cue', 'by → keyword.other.due', 'end of this week → constant.numeric.date.due']);
  });

  it('colours a stamp written after the speaker, and the due dates written as `EOD Friday`, `the 15th`, `end of Q1`, `due Friday`', async () => {
    const lines = await scopesOf(['Ben Okafor [00:08:10]: I will ping legal by EOD Friday.', 'I will rotate the keys by the 15th, and close the epic by end of Q1.', 'The invoice is due Friday.'].join('\n'));
    assert.deepEqual(lines[0], [
      'Ben Okafor → entity.name.tag.speaker',
      '[ → punctuation.definition.timestamp.begin',
      '00:08:10 → constant.numeric.timestamp',
      '] → punctuation.definition.timestamp.end',
      ': → punctuation.separator.speaker',
      'I will → keyword.other.cue.commitment',
      'by → keyword.other.due',
      'EOD Friday → constant.numeric.date.due',
    ]);
    assert.deepEqual(lines[1].filter((t) => t.includes('date.due')), ['the 15th → constant.numeric.date.due', 'end of Q1 → constant.numeric.date.due']);
    assert.deepEqual(lines[2], ['due → keyword.other.due', 'Friday → constant.numeric.date.due']);
  });

  it('colours the day words of British teams and holidays as due dates (`EOP Monday`, `close of play`, `w/c 24 Nov`, `Thanksgiving`)', async () => {
    const lines = await scopesOf(['I will patch the hosts by EOP Monday.', 'I will plan the game day w/c 24 Nov with Leo.', 'I will file it by close of play, and renew the certs before Thanksgiving.'].join('\n'));
    assert.deepEqual(lines.map((line) => line.filter((t) => t.includes('date.due'))), [['EOP Monday → constant.numeric.date.due'], ['w/c 24 Nov → constant.numeric.date.due'], ['close of play → constant.numeric.date.due', 'Thanksgiving → constant.numeric.date.due']]);
  });

  it('colours a full name and a time alone on a line (a transcript export, a chat), and ballot boxes opening a line', async () => {
    const lines = await scopesOf(['Ana Souza  0:05', '**Alice Smith** 10:32 AM', 'Standup 9:30', '☐ Bob Jones: investigate by Wednesday', '☑ Carla: rotate the key'].join('\n'), 'markdown');
    assert.deepEqual(lines[0], ['Ana Souza → entity.name.tag.speaker', '0:05 → constant.numeric.timestamp']);
    assert.deepEqual(lines[1], ['** → markup.bold punctuation.definition.bold', 'Alice Smith → markup.bold entity.name.tag.speaker', '** → markup.bold punctuation.definition.bold', '10:32 AM → constant.numeric.timestamp']);
    assert.deepEqual(lines[2], []);
    assert.deepEqual(lines[3], ['☐ → constant.language.checkbox.unchecked', 'by → keyword.other.due', 'Wednesday → constant.numeric.date.due']);
    assert.deepEqual(lines[4], ['☑ → markup.inserted.checkbox.checked constant.language.checkbox']);
    const zoom = await scopesOf('[Ana Souza] 10:02:15', 'markdown');
    assert.deepEqual(zoom[0], ['[ → punctuation.definition.speaker.begin', 'Ana Souza → entity.name.tag.speaker', '] → punctuation.definition.speaker.end', '10:02:15 → constant.numeric.timestamp']);
    const plain = await scopesOf('☐ Bob Jones: investigate');
    assert.deepEqual(plain[0], ['☐ → constant.language.checkbox.unchecked', 'Bob Jones → entity.name.tag.owner', ': → punctuation.separator.owner']);
  });

  it('colours a caption\'s voice (`<v Ana Souza>`) and timing line (WebVTT, SRT) in markdown and plain text', async () => {
    const text = ['00:00:01.000 --> 00:00:05.000', "<v Ana Souza>I'll send the deck by Friday.</v>", '00:00:06,000 --> 00:00:08,000'].join('\n');
    for (const language of ['markdown', undefined] as const) {
      const lines = await scopesOf(text, language);
      assert.deepEqual(lines[0], ['00:00:01.000 → constant.numeric.timestamp', '--> → punctuation.separator.timing', '00:00:05.000 → constant.numeric.timestamp'], language);
      assert.deepEqual(lines[1].slice(0, 3), ['<v → punctuation.definition.tag.voice.begin', 'Ana Souza → entity.name.tag.speaker', '> → punctuation.definition.tag.voice.end'], language);
      assert.deepEqual(lines[2], ['00:00:06,000 → constant.numeric.timestamp', '--> → punctuation.separator.timing', '00:00:08,000 → constant.numeric.timestamp'], language);
    }
  });

  it('colours `AI:` and `AI(@owner):` as action-item cues, not the letters inside a word', async () => {
    const lines = await scopesOf(['  - AI(@bjones): review the KEP by Friday', 'OpenAI: no', 'AP: chase the vendor', 'Action point for Priya: chase it'].join('\n'), 'markdown');
    assert.deepEqual(lines[0], ['AI → keyword.other.cue.action', '@bjones → entity.name.tag.owner', ': → punctuation.separator.cue', 'by → keyword.other.due', 'Friday → constant.numeric.date.due']);
    assert.deepEqual(lines[1], []);
    assert.deepEqual(lines[2], ['AP → keyword.other.cue.action', ': → punctuation.separator.cue']);
    assert.deepEqual(lines[3], ['Action point → keyword.other.cue.action', 'for → keyword.other.cue.action', 'Priya → entity.name.tag.owner', ': → punctuation.separator.cue']);
  });

  it('keeps **bold** speakers and fields bold in markdown (markup.bold, which themes make bold), and tells them apart', async () => {
    // The injection takes the whole `**Ana:**` from markdown's own bold rule, so it must scope it as bold itself.
    const lines = await scopesOf(['**Ana:** I will update the design doc by Friday.', '**Date:** 2025-03-04', 'Attendees: Ana, Ben'].join('\n'), 'markdown');
    assert.deepEqual(lines[0].slice(0, 4), ['** → markup.bold punctuation.definition.bold', 'Ana → markup.bold entity.name.tag.speaker', ': → markup.bold punctuation.separator.speaker', '** → markup.bold punctuation.definition.bold']);
    assert.deepEqual(lines[1], ['** → markup.bold punctuation.definition.bold', 'Date → markup.bold keyword.other.field', ': → markup.bold punctuation.separator.field', '** → markup.bold punctuation.definition.bold', '2025-03-04 → constant.numeric.date']);
    assert.deepEqual(lines[2], ['Attendees → keyword.other.field', ': → punctuation.separator.field']);
  });

  it('leaves negations, durations and clock times alone', async () => {
    const lines = await scopesOf(['I will not have time for that.', 'It takes 3 days of work, we meet at 17:30.', "I won't commit to Friday."].join('\n'));
    assert.deepEqual(lines, [[], [], []]);
  });

  it('colours summary headers, owners, due dates and done markers in plain-text lists', async () => {
    const lines = await scopesOf(['ACTION ITEMS:', '1. Mike: Test Redis connection pool optimizations - Due: Tomorrow', '- [x] Priya: file the rollback PR - Due: 2025-03-10 ✅ 2025-03-10', '- [ ] @jonas investigate remote cache hit rate (due: 2025-03-12)', 'Attendees: Mike Johnson (Engineering Lead)'].join('\n'));
    assert.deepEqual(lines[0], ['ACTION ITEMS → markup.heading.section entity.name.section', ': → punctuation.separator.section']);
    assert.deepEqual(lines[1], ['1. → punctuation.definition.list.begin', 'Mike → entity.name.tag.owner', ': → punctuation.separator.owner', 'Due → keyword.other.due', ': → punctuation.separator.due', 'Tomorrow → constant.numeric.date.due']);
    assert.deepEqual(lines[2], ['- → punctuation.definition.list.begin', '[x] → markup.inserted.checkbox.checked constant.language.checkbox', 'Priya → entity.name.tag.owner', ': → punctuation.separator.owner', 'Due → keyword.other.due', ': → punctuation.separator.due', '2025-03-10 → constant.numeric.date.due', '✅ → markup.inserted.done', '2025-03-10 → markup.inserted.done constant.numeric.date']);
    assert.deepEqual(lines[3], ['[ ] → constant.language.checkbox.unchecked', '@ → punctuation.definition.handle', 'jonas → entity.name.tag.owner', 'due → keyword.other.due', ': → punctuation.separator.due', '2025-03-12 → constant.numeric.date.due']);
    assert.deepEqual(lines[4], ['Attendees → keyword.other.field', ': → punctuation.separator.field']);
  });

  it('is injected into markdown, but not into code blocks, HTML comments or block quotes', async () => {
    const lines = await scopesOf(
      ['## Transcript', '[05:00] Tom: I will do it by Friday', '```', '[05:00] Tom: I will do it by Friday', '```', '<!-- [05:00] Tom: I will do it by Friday -->', '> - [ ] Alex: rewrite the deploy scripts by Friday'].join('\n'),
      'markdown',
    );
    assert.deepEqual(lines[1], ['[ → punctuation.definition.timestamp.begin', '05:00 → constant.numeric.timestamp', '] → punctuation.definition.timestamp.end', 'Tom → entity.name.tag.speaker', ': → punctuation.separator.speaker', 'I will → keyword.other.cue.commitment', 'by → keyword.other.due', 'Friday → constant.numeric.date.due']);
    assert.deepEqual([lines[3], lines[5], lines[6]], [[], [], []]);
  });

  it('colours the owner and box of markdown list entries', async () => {
    const lines = await scopesOf(['- Ben: write up the query log analysis - by Thursday', '- [x] Priya: file the rollback PR ✅ 2025-03-10', '- [ ] @jonas bump the client (due: 2025-03-12)', '- Note that nobody owns this'].join('\n'), 'markdown');
    assert.deepEqual(lines[0], ['Ben → entity.name.tag.owner', ': → punctuation.separator.owner', 'by → keyword.other.due', 'Thursday → constant.numeric.date.due']);
    assert.deepEqual(lines[1], ['[x] → markup.inserted.checkbox.checked constant.language.checkbox', 'Priya → entity.name.tag.owner', ': → punctuation.separator.owner', '✅ → markup.inserted.done', '2025-03-10 → markup.inserted.done constant.numeric.date']);
    assert.deepEqual(lines[2], ['[ ] → constant.language.checkbox.unchecked', '@ → punctuation.definition.handle', 'jonas → entity.name.tag.owner', 'due → keyword.other.due', ': → punctuation.separator.due', '2025-03-12 → constant.numeric.date.due']);
    assert.deepEqual(lines[3], []);
  });
});
