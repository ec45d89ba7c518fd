import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeNotes, buildModel } from '../../server/src/core/analyze';
import { memoSettings } from '../../server/src/core/memo';
import type { NotesModel } from '../../server/src/core/model';
import { flattenDocument, unitEnd, unitStart } from '../../server/src/core/parse/blocks';
import { findBoundaries } from '../../server/src/core/parse/boundaries';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { BlockCache, readBlocks, readBlocksAsync } from '../../server/src/core/parse/readBlocks';
import { readSimpleBlocks } from '../../server/src/core/parse/simpleBlocks';
import { decodeModel, encodeModel } from '../../server/src/core/serialize';
import { ROOT, notes } from '../helpers/notes';
import { transcriptNotes } from '../../bench/corpus';
import { type KeptReading, kept, readDocument, readingCounts } from '../../server/src/core/extract/reading';
import { createLineIndex } from '../../server/src/core/text/lineIndex';

// Incremental analysis must give exactly what a full analysis gives: the model of a document read
// part by part, with parts kept from earlier versions and results remembered, equals the model
// built from one parse of the whole text with nothing remembered.

const EXAMPLES = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(?:md|txt)$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(ROOT, 'examples', name), 'utf8') }));

/** Lines that exercise every kind of block boundary the reader cuts at or must not cut at. */
const LINES = [
  '', '', '', 'text line', '[00:10] Tom Bradley: I will do it by Friday.', '[05:00] Mike Johnson: Action item for me: test the pool by tomorrow.',
  '**Priya:** I can have the notes ready by Wednesday.', 'Decision: we ship on Monday', '- item', '- [ ] Tom: task - Due: Friday', '- [x] Mike: done ✅ 2024-01-30',
  '* star', '1. one', '2) two', '14. fourteen', '  - nested', '    indented', '```', '~~~', '```js', '<!--', '-->', '<pre>', '</pre>', '<div>', '---', '+++',
  '===', '# Heading', '## Action items', '## 2025-10-06', '> quote', '| Owner | Task | Due |', '|---|---|---|', '| Tom | Ship it | Friday |', '[ref]: /url',
  '[^1]: note', 'see [ref] and [^1]', 'a <b>bold</b> c', '\t- tab item', '  text', 'ACTION ITEMS:', 'DECISIONS:', 'Attendees: Tom Bradley, Mike Johnson',
  '***', '- - -', '+ plus', '-', '1.', 'x\r', '\r', 'title: x', 'date: 2024-01-29', '<script>', '</script>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>',
  'Date: January 29, 2024', '-  two spaces', '-     five spaces', '- [ ]  box two', '- [x]', '- [X] done', '- [ ]', '01. zero', '1) paren', '3. three',
  '## Foo ##', '# Foo#', '#', '#5', '## Foo \\#', '###### six', '####### seven', '  ```', '   ~~~~', '````', '```a`b', 'Para\n- item', 'Para\n2. item',
  '---\na: 1\n---', '*emph* text', '- # head in item', '- > quote in item', '- 1. nested', '- [ref]: x', '  - two indented', 'text\n    four indented', '* * *', '___',
  '- Tom: task\n  - detail', '  - [ ] nested task', '  * star nested', '  1. ordered nested', '   - three nested', '  -    wide nested', '    - deeper nested',
  '1. one\n   - nested under one', '  - Owner: Tom', '  - Due: Friday', '   - **Owner:** @mike', '- Ship it\n  - Owner: Priya\n  - Due: March 3', '  - - -', '  - # nested heading', '  -', '  + plus nested',
  '- [x] \u00a0no-break space', '- [ ] \ufeff', '# \u3000Title\u2003', ' \u00a0- not a sub-item', '  \ufeff- text',
  '- TODO Tom: fix it', '  DEADLINE: <2025-03-14 Fri>', '- DONE ship it', '  - LATER nested', 'TODO not an item', '☐ Tom: task by Friday', '☑ done task', '**Tom Bradley** 10:32 AM',
  '| Time | Item | Who |', '| Task | Owner |', '- [ ] x [owner:: Tom] @Tomorrow', '- Ship @Mike Johnson',
  '  - AI(@tom): fix it by Friday', 'AI: Tom to ship it', '- Tom Bradley (@tom)',
  'Tom will ship the docs by Friday', '- Mike fixed the flaky test.', 'Priya has finished the runbook', '- Mike to test the pool\n  by tomorrow', '- Tom Bradley agreed to fix it.', "Priya said she'd book the room. Tom will not.",
  '__Tom:__ ok', 'Tom Bradley  0:05', 'Mike Johnson 1:02:03\nI will do it by Friday.', '**Tom:**', '*Tom:* hi', '_x', '**', '***bold italic***', '** spaced**', '*\ttab', '_ _ _', '**Tom:** a\n**Priya:** b', '  **indented:** bold',
];

/** The model without its functions, with its object sharing (statement ↔ cue, item → cue) made explicit. */
const comparable = (model: NotesModel) =>
  JSON.stringify({
    text: model.text,
    model: encodeModel(model),
    statements: model.statements.map((s) => s.text),
    lines: Array.from({ length: model.lines.lineCount }, (_, line) => model.lines.lineStart(line)),
  });

/** The model as the index cache gives it back (statement texts read again from the file's text). */
const cached = (model: NotesModel) => decodeModel(model.text, JSON.parse(JSON.stringify(encodeModel(model))));

function fullAnalysis(text: string, fileName: string): NotesModel {
  memoSettings.enabled = false;
  try {
    return buildModel(text, flattenDocument(text, parseMarkdown(text)), { fileName });
  } finally {
    memoSettings.enabled = true;
  }
}

const withoutListTail = (flat: ReturnType<typeof readBlocks>) => ({ ...flat, lastTopList: undefined });

/** An edit: where (0–1 of the length), how much to delete, what to insert (a line from LINES, a piece of the text, or nothing). */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 })),
  insert: fc.oneof(
    fc.constantFrom(...LINES).map((line) => ({ line })),
    fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 60 }) }),
    fc.constantFrom('x', ' ', '\n', '\n\n', 'by Friday', ':', '- ', '[ ] ', '`', '|'),
  ),
  newline: fc.boolean(),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  let insert: string;
  if (typeof e.insert === 'string') insert = e.insert;
  else if ('line' in e.insert) insert = e.insert.line + (e.newline ? '\n' : '');
  else {
    const from = Math.floor(e.insert.from * text.length);
    insert = text.slice(from, from + e.insert.length);
  }
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental analysis equals a full analysis', function () {
  this.timeout(300_000);

  it('over random edit sequences of every example (1,000 edits), model for model', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.array(edit, { minLength: 3, maxLength: 8 }), (example, edits) => {
        const blocks = new BlockCache();
        let text = example.text;
        analyzeNotes(text, { fileName: example.name, blocks });
        for (const e of edits) {
          text = applyEdit(text, e);
          const incremental = analyzeNotes(text, { fileName: example.name, blocks });
          const full = comparable(fullAnalysis(text, example.name));
          assert.equal(comparable(incremental), full);
          assert.equal(comparable(cached(incremental)), full, 'read back from the cache');
          checked++;
        }
      }),
      { numRuns: 240, seed: 20240129 },
    );
    assert.ok(checked >= 1000, `${checked} edits checked`);
  });

  it('over typing (1,500 keystrokes and deletions), reading only the units around each edit again', () => {
    // Keystrokes that make and unmake what a meeting is read from: speakers, times, cues, dates,
    // header lines, list markers, blank lines. Most edits are read from the previous version's
    // reading (the units around the edit walked again), the others in full; both must equal a full analysis.
    const keys = fc.constantFrom('x', 'e', ' ', '\n', '\n\n', ':', '[', ']', '0', '5', '-', '*', 'I will ', 'by Friday', 'Decision: ', 'ACTION ITEMS:\n', 'Attendees: Ann Lee\n', 'Date: March 3\n', '# ', 'Tom Hanks: ', '[00:10] Zed Quux: ', ' — ', '@', 'Ann will ');
    const keystroke = fc.record({ at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1e6), remove: fc.integer({ min: 0, max: 4 }), insert: fc.oneof(keys, fc.constant('')) });
    const log = EXAMPLES.find((e) => e.name === 'infra-weekly-log.md')!.text;
    const meetings = log.slice(log.indexOf('\n## '));
    const longLog = log + [1, 2, 3, 4, 5, 6].map((month) => meetings.replace(/2025-10-(\d\d)/g, (_, day) => `2026-0${month}-${day}`)).join('');
    const crlf = EXAMPLES.map((e) => ({ name: `crlf-${e.name}`, text: e.text.replace(/\r?\n/g, '\r\n') }));
    const documents = [...EXAMPLES, ...crlf, { name: 'running-log.md', text: longLog }, { name: 'long-transcript.txt', text: transcriptNotes(24_000, 5) }];
    let checked = 0;
    const longOne = { edits: 0, spliced: 0, withinSection: 0 };
    const logOne = { edits: 0, spliced: 0, withinSection: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...documents), fc.array(keystroke, { minLength: 5, maxLength: 12 }), (document, keystrokes) => {
        const blocks = new BlockCache();
        let text = document.text;
        analyzeNotes(text, { fileName: document.name, blocks });
        for (const k of keystrokes) {
          const at = Math.floor(k.at * text.length);
          text = text.slice(0, at) + k.insert + text.slice(Math.min(text.length, at + k.remove));
          const { spliced, withinSection } = readingCounts;
          const incremental = analyzeNotes(text, { fileName: document.name, blocks });
          const tally = document.name === 'long-transcript.txt' ? longOne : document.name === 'running-log.md' ? logOne : null;
          if (tally) {
            tally.edits++;
            tally.spliced += readingCounts.spliced - spliced;
            tally.withinSection += readingCounts.withinSection - withinSection;
          }
          assert.equal(comparable(incremental), comparable(fullAnalysis(text, document.name)));
          checked++;
        }
      }),
      { numRuns: 185, seed: 7 },
    );
    assert.ok(checked >= 1500, `${checked} edits checked`);
    // In a long transcript most edits are read from the previous reading (the others touch its title, attendees or summary).
    assert.ok(longOne.spliced >= longOne.edits * 0.6, `${longOne.spliced} of ${longOne.edits} edits of the long transcript read from the previous reading`);
    assert.ok(logOne.spliced >= logOne.edits * 0.4, `${logOne.spliced} of ${logOne.edits} edits of the running log read from the previous reading`);
  });

  it('over typing in a long summary (300 keystrokes), walking only the items around most edits', () => {
    const transcript = transcriptNotes(30_000, 9);
    const summaryAt = transcript.indexOf('\nDECISIONS:');
    const keys = fc.constantFrom('x', ' ', '\n', '- ', '[ ] ', '[x] ', '3. ', 'by Friday', ' - Due: March 3', 'Ann: ', '~~', ':', '', 'TODO ', 'DONE ');
    const keystroke = fc.record({ at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1e6), remove: fc.integer({ min: 0, max: 3 }), insert: keys });
    let edits = 0;
    let within = 0;
    fc.assert(
      fc.property(fc.array(keystroke, { minLength: 10, maxLength: 20 }), (keystrokes) => {
        const blocks = new BlockCache();
        let text = transcript;
        analyzeNotes(text, { fileName: 'review.txt', blocks });
        for (const k of keystrokes) {
          const at = summaryAt + Math.floor(k.at * (text.length - summaryAt));
          text = text.slice(0, at) + k.insert + text.slice(Math.min(text.length, at + k.remove));
          const before = readingCounts.withinSection;
          const incremental = analyzeNotes(text, { fileName: 'review.txt', blocks });
          within += readingCounts.withinSection - before;
          edits++;
          assert.equal(comparable(incremental), comparable(fullAnalysis(text, 'review.txt')));
        }
      }),
      { numRuns: 20, seed: 13 },
    );
    assert.ok(edits >= 200 && within >= edits * 0.3, `${within} of ${edits} edits walked a section only between two of its items`);
  });

  it('over typing in the fields under a summary\'s entries (`- Owner: Ann`, `- Due: Friday`), reading each entry with its fields', () => {
    const entries = Array.from({ length: 40 }, (_, i) => [`${i + 1}. Task number ${i} for the rollout`, `   - Owner: ${i % 2 ? 'Ann' : '@bo'}`, `   - Due: March ${1 + (i % 28)}`, '   - a detail'].join('\n'));
    const summary = ['Design sync - March 3, 2025', '', 'Attendees: Ann Lee, Bo Chen', '', '## Action items', '', ...entries, ''].join('\n');
    const keys = fc.constantFrom('x', ' ', '\n', '   - Owner: Bo', '   - Due: Friday', 'Owner: ', 'Due: ', '- ', '[ ] ', 'Ann', ':', '');
    let edits = 0;
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 4 }), insert: keys }), { minLength: 5, maxLength: 15 }), (keystrokes) => {
        const blocks = new BlockCache();
        let text = summary;
        analyzeNotes(text, { fileName: 'sync.md', blocks });
        for (const k of keystrokes) {
          const at = Math.floor(k.at * text.length);
          text = text.slice(0, at) + k.insert + text.slice(Math.min(text.length, at + k.remove));
          assert.equal(comparable(analyzeNotes(text, { fileName: 'sync.md', blocks })), comparable(fullAnalysis(text, 'sync.md')));
          edits++;
        }
      }),
      { numRuns: 30, seed: 28 },
    );
    assert.ok(edits >= 150, `${edits} edits checked`);
  });

  describe('an edit read from the previous version\'s reading', () => {
    const SPEECH = Array.from({ length: 12 }, (_, i) => `[00:${String(10 + i)}] Ann Lee: Point number ${i} about the rollout.`);
    const notes = (middle: string[]) => ['Design sync - March 3, 2025', '', 'Attendees: Ann Lee, Bo Chen', '', ...SPEECH.slice(0, 6), '', ...middle, '', ...SPEECH.slice(6), ''].join('\n\n');

    /** The incremental model of `after` (read after `before`) and the full one; the edit must have been read from the previous reading. */
    function bothWays(before: string, after: string): [string, string] {
      const blocks = new BlockCache();
      analyzeNotes(before, { fileName: 'sync.md', blocks });
      const spliced = readingCounts.spliced;
      const incremental = analyzeNotes(after, { fileName: 'sync.md', blocks });
      assert.equal(readingCounts.spliced, spliced + 1, 'read from the previous reading');
      return [comparable(incremental), comparable(fullAnalysis(after, 'sync.md'))];
    }

    it('keeps where each unit starts and ends for the next edit, those around the edit taken from the previous places', () => {
      // A wrong place only shows as fewer edits patched (a unit that seems changed widens the walk),
      // so the places are checked against the units themselves.
      let text = transcriptNotes(12_000, 3);
      const blocks = new BlockCache();
      const readOf = (previous?: KeptReading) => kept(readDocument(text, readBlocks(text, blocks), 'long.txt', (offset) => createLineIndex(text).positionAt(offset).line, previous));
      let reading = readOf();
      let seed = 3;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const spliced = readingCounts.spliced;
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(next() * text.length);
        text = text.slice(0, at) + ['x', '', ' by Friday', '\n\n'][i % 4] + text.slice(at + (i % 4 === 1 ? 1 : 0));
        reading = readOf(reading);
        assert.deepEqual(
          [Array.from(reading.places.starts), Array.from(reading.places.ends)],
          [reading.units.map(unitStart), reading.units.map(unitEnd)],
          `after edit ${i}`,
        );
      }
      assert.ok(readingCounts.spliced - spliced >= 40, `${readingCounts.spliced - spliced} of 60 edits read from the previous reading`);
    });

    it('walks a summary section only around an edit among its items; its style is worked out again from all of them', () => {
      const items = Array.from({ length: 30 }, (_, i) => `${i + 1}. Ann: Task number ${i} of the rollout - Due: March ${1 + (i % 28)}`);
      const before = ['Design sync - March 3, 2025', '', 'Attendees: Ann Lee, Bo Chen', '', ...SPEECH, '', 'ACTION ITEMS:', ...items, '', 'COMMITMENTS:', '- Bo: ship the fix by Friday', ''].join('\n');
      const edits: Array<[string, (text: string) => string, boolean, string?]> = [
        ['a letter typed in an item', (t) => t.replace('Task number 12 of', 'Task numbxer 12 of'), true],
        ['an item added in the middle', (t) => t.replace('16. Ann:', '16. Bo: check the alerts\n16. Ann:'), true],
        // Two thirds of the items then say `by`: every entry's due style changes, those not walked too
        // (the first item is no mark inside the section: the one before it is the section's header).
        ['items 3 to 22 written with `by`', (t) => t.replace(/^(\d+)\. (.*) - Due: /gm, (line, n: string, rest: string) => (Number(n) >= 3 && Number(n) <= 22 ? `${n}. ${rest} by ` : line)), true],
        ['the last item changed', (t) => t.replace('Task number 29 of', 'Task 29 of'), false],
        ['a box added (whether items are in a task list changes)', (t) => t.replace('14. Ann:', '14. [ ] Ann:'), false],
        // With a box on item 20, `14)` after `13.` starts another list: items 1–13 are then in a list without a box.
        ['a list split in two', (t) => t.replace('14. Ann:', '14) Ann:'), false, before.replace('20. Ann:', '20. [ ] Ann:')],
      ];
      for (const [what, edit, within, from = before] of edits) {
        const blocks = new BlockCache();
        analyzeNotes(from, { fileName: 'sync.md', blocks });
        const { spliced, withinSection } = readingCounts;
        const after = edit(from);
        const incremental = analyzeNotes(after, { fileName: 'sync.md', blocks });
        assert.equal(comparable(incremental), comparable(fullAnalysis(after, 'sync.md')), what);
        assert.equal(readingCounts.spliced, spliced + 1, `${what}: read from the previous reading`);
        assert.equal(readingCounts.withinSection - withinSection, within ? 1 : 0, `${what}: walked only between two items`);
      }
    });

    it('reads again the cue of the statement after the edit (it may answer a request the edit changed)', () => {
      const before = notes(['[01:00] Bo Chen: Can someone update the runbook?', "[01:10] Ann Lee: I'll take that."]);
      const after = before.replace('update the runbook', 'rewrite the deploy guide');
      const [incremental, full] = bothWays(before, after);
      assert.equal(incremental, full);
      assert.match(incremental, /Rewrite the deploy guide/);
    });

    it('walks the edited units knowing only the speakers named before them', () => {
      // `Zed` is only resolved to Zed Quux once Zed Quux has spoken; here that is after the edit.
      const before = notes(['[01:00] Zed: I will check the dashboards.', '[01:10] Zed Quux: I will ship the fix.']);
      const after = before.replace('check the dashboards', 'check the alerts');
      const [incremental, full] = bothWays(before, after);
      assert.equal(incremental, full);
    });

    it('follows a speaker\'s name as it is typed, letter by letter, and who names elsewhere then mean', () => {
      // `Zed` after the edit means Zed Quux once Zed Quux has spoken (a speaker, not an attendee).
      for (const later of ['[02:00] Bo Chen: Fine.', '[02:00] Zed: I will check the alerts.', 'ACTION ITEMS:\n\n- Zed: follow up on the alerts']) {
        const blocks = new BlockCache();
        let text = notes(['[01:00] Ann Lee: Next.', later]);
        analyzeNotes(text, { fileName: 'sync.md', blocks });
        const spliced = readingCounts.spliced;
        const at = text.indexOf('[01:00] Ann Lee: Next.') + '[01:00] Ann Lee: Next.'.length;
        const typed = '\n[01:30] Zed Quux: I will ship the fix by Friday.';
        for (let n = 1; n <= typed.length; n++) {
          const now = text.slice(0, at) + typed.slice(0, n) + text.slice(at);
          assert.equal(comparable(analyzeNotes(now, { fileName: 'sync.md', blocks })), comparable(fullAnalysis(now, 'sync.md')), JSON.stringify(typed.slice(0, n)));
        }
        if (later.includes('Bo Chen')) assert.ok(readingCounts.spliced - spliced >= typed.length - 2, `${readingCounts.spliced - spliced} of ${typed.length} keystrokes read from the previous reading`);
      }
    });

    it('patches a meeting of a running log and moves the meetings after it', () => {
      const meeting = (k: number) =>
        [`## 2025-10-${String(6 + k * 7).padStart(2, '0')}`, `Attendees: Ann Lee, Bo Chen, Cy Dee${k}`, `[00:10] Ann Lee: I will check the pager rota by Friday.`, `[00:20] Cy Dee${k}: Decision: we keep the weekly slot.`, '### Action items', '- Bo: send the notes - Due: Monday'].join('\n\n');
      const before = ['# Infra weekly', 'A running log, one heading per meeting.', ...[0, 1, 2, 3].map(meeting), ''].join('\n\n');
      for (const [edit, fresh] of [
        ['check the pager rota', 'check the pager rota and the escalation list'],
        ['[00:20] Cy Dee1: Decision', '[00:15] Bo Chen: Fine.\n\n[00:20] Cy Dee1: Decision'],
      ]) {
        const at = before.indexOf(edit, before.indexOf('## 2025-10-13'));
        const after = before.slice(0, at) + fresh + before.slice(at + edit.length);
        const [incremental, full] = bothWays(before, after);
        assert.equal(incremental, full, fresh);
      }
    });

    it('patches the first statement after a meeting\'s heading, from the mark at that statement', () => {
      const meeting = (k: number) =>
        [`## 2025-10-${String(6 + k * 7).padStart(2, '0')}`, `[00:00] Ann Lee: We already agreed on the rollout plan in sync ${k}.`, '[00:30] Bo Chen: I will check the pager rota by Friday.', '### Action items', '- Bo: send the notes - Due: Monday'].join('\n\n');
      const before = ['# Infra weekly', ...[0, 1, 2, 3].map(meeting), ''].join('\n\n');
      const first = before.indexOf('[00:00] Ann Lee: We already agreed on the rollout plan in sync 2.');
      for (const [at, remove, insert] of [
        [first + 'Ann L'.length + 8, 0, 'x'], // the speaker's name: `Ann Lxee`, not an attendee
        [first + 20, 0, 'I will write the runbook by Monday. '], // a new cue
        [first + 8, 8, 'Bo Chen'], // another speaker
        [first, 0, 'Some context first.\n'], // a line before the statement, in the same paragraph
        [first - 2, 2, '\n'], // the statement right under the heading, no blank line between
      ] as Array<[number, number, string]>) {
        const after = before.slice(0, at) + insert + before.slice(at + remove);
        const [incremental, full] = bothWays(before, after);
        assert.equal(incremental, full, JSON.stringify(insert));
      }
    });

    it('keeps the meeting as it was only when nothing it is read from changed', () => {
      const blocks = new BlockCache();
      const before = notes(['Participants:', '[01:00] Bo Chen: Fine.']);
      analyzeNotes(before, { fileName: 'sync.md', blocks });
      const after = before.replace('[01:00] Bo Chen: Fine.', 'Cy Dee, Eve Fox');
      const spliced = readingCounts.spliced;
      const incremental = analyzeNotes(after, { fileName: 'sync.md', blocks });
      assert.equal(readingCounts.spliced, spliced, 'read in full');
      assert.equal(comparable(incremental), comparable(fullAnalysis(after, 'sync.md')));
    });
  });

  it('reads the same blocks as one parse of the whole text, for random documents and edits (2,000 edits)', () => {
    let checked = 0;
    const documentOf = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(documentOf, fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => {
        const blocks = new BlockCache();
        let text = start;
        assert.deepEqual(withoutListTail(readBlocks(text, blocks)), withoutListTail(flattenDocument(text, parseMarkdown(text))));
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.deepEqual(withoutListTail(readBlocks(text, blocks)), withoutListTail(flattenDocument(text, parseMarkdown(text))));
          checked++;
        }
      }),
      { numRuns: 380, seed: 42 },
    );
    assert.ok(checked >= 2000, `${checked} edits checked`);
  });

  it('reads a running log’s text under its title again after an edit there: whether it is a meeting depends on all of it', () => {
    const log = EXAMPLES.find((e) => e.name === 'infra-weekly-log.md')!.text;
    // A stamped line makes the text before the first dated heading a meeting; joined to the line above, it no longer does.
    const stamped = log.replace('newest last.\n\nAttendees:', 'newest last.\n[00:10] Zed Quux: Attendees:');
    const joined = stamped.replace('newest last.\n[00:10]', 'newest las[00:10]');
    const blocks = new BlockCache();
    assert.equal(analyzeNotes(stamped, { fileName: 'log.md', blocks }).meetings[0].title, 'Infra weekly');
    const incremental = analyzeNotes(joined, { fileName: 'log.md', blocks });
    assert.deepEqual(incremental.meetings.map((m) => m.date), ['2025-10-06', '2025-10-13']);
    assert.equal(comparable(incremental), comparable(fullAnalysis(joined, 'log.md')));
  });

  it('reads a running log again after an edit that removes its last meeting, heading and all', () => {
    const log = notes('# Sync — 2025-01-06', '', '[00:01] Ana: I will fix it tomorrow.', '', '# Sync — 2025-01-13', '', '[00:02] Ana: I will ship it Friday.');
    const cut = log.slice(0, log.indexOf('# Sync — 2025-01-13'));
    const blocks = new BlockCache();
    analyzeNotes(log, { fileName: 'log.md', blocks });
    const incremental = analyzeNotes(cut, { fileName: 'log.md', blocks });
    assert.deepEqual(incremental.items.map((i) => i.task), ['Fix it']);
    assert.equal(comparable(incremental), comparable(fullAnalysis(cut, 'log.md')));
  });

  it('reads a list appended after a meeting that ends in a section as part of that section', () => {
    const notesText = notes('# Sync — 2025-03-10', '', 'Intro line.', '', '## Action items', '', '- [ ] Priya: file the PR', '- [ ] Sam: review', '');
    for (const added of ['1. book the room', '1. one\n   - nested under one']) {
      const blocks = new BlockCache();
      analyzeNotes(notesText, { fileName: 'sync.md', blocks });
      const incremental = analyzeNotes(notesText + added, { fileName: 'sync.md', blocks });
      assert.equal(incremental.items.length, 3, added);
      assert.equal(comparable(incremental), comparable(fullAnalysis(notesText + added, 'sync.md')));
    }
  });

  it("reads a caption's line again after an edit of its voice, which is read before where the line's reading starts", () => {
    // Each voice opens its paragraph: the edit is before the paragraph's first line as read.
    const said = notes('# Call — 2025-11-12', 'Attendees: Bob Jones', '', 'Captions:', '', '<v Bob Jones>Decision: we keep the fallback.</v>', '', '<v Bob Jones>I will update the runbook by Friday.</v>', '', 'Thanks all.');
    for (const edited of [said.replace('<v Bob Jones>Decision', '<vBob Jones>Decision'), said.replace('<v Bob Jones>I will', '<v Bo Jones>I will')]) {
      const blocks = new BlockCache();
      analyzeNotes(said, { fileName: 'call.md', blocks });
      const incremental = analyzeNotes(edited, { fileName: 'call.md', blocks });
      assert.equal(comparable(incremental), comparable(fullAnalysis(edited, 'call.md')));
    }
  });

  it('reads the meeting again after an edit of the line under its title (a date may be written there alone)', () => {
    const before = notes('# Platform sync', '', 'hello there', '', '[00:01] Ana: I will fix it tomorrow.', '', '[00:02] Ana: ok');
    const after = before.replace('hello there', 'Nov 24, 2026');
    for (const [from, to, date] of [[before, after, '2026-11-24'], [after, before, null]] as const) {
      const blocks = new BlockCache();
      analyzeNotes(from, { fileName: 'sync.md', blocks });
      const incremental = analyzeNotes(to, { fileName: 'sync.md', blocks });
      assert.equal(incremental.meetings[0].date, date);
      assert.equal(comparable(incremental), comparable(fullAnalysis(to, 'sync.md')));
    }
  });

  it('reads a remembered paragraph of speech under the current roster and attendees', () => {
    // `Bob` resolves to a speaker named earlier in full; once that earlier line is gone, to nobody
    // known; once Bob is an attendee, to the attendee. The paragraph itself never changes.
    const versions = [
      ['# Sync — 2024-01-29', 'Attendees: Tom Bradley', '', '[00:10] Bob Stone: hello', '', '[00:20] Bob: I will ship the docs by Friday.', ''],
      ['# Sync — 2024-01-29', 'Attendees: Tom Bradley', '', '[00:10] Tom Bradley: hello', '', '[00:20] Bob: I will ship the docs by Friday.', ''],
      ['# Sync — 2024-01-29', 'Attendees: Tom Bradley, Bob Marley', '', '[00:10] Tom Bradley: hello', '', '[00:20] Bob: I will ship the docs by Friday.', ''],
    ].map((lines) => lines.join('\n'));
    const blocks = new BlockCache();
    const owners = versions.map((text) => {
      const model = analyzeNotes(text, { blocks, fileName: 'sync.md' });
      assert.equal(comparable(model), comparable(fullAnalysis(text, 'sync.md')));
      return model.items.map((i) => `${i.owner?.name} (${i.owner?.attendee ? 'attendee' : 'not listed'})`);
    });
    assert.deepEqual(owners, [['Bob Stone (not listed)'], ['Bob (not listed)'], ['Bob Marley (attendee)']]);
  });

  it('after an edit re-parses only the part that changed', () => {
    const sample = EXAMPLES.find((e) => e.name.startsWith('architecture-review'))!.text;
    const blocks = new BlockCache();
    readBlocks(sample, blocks);
    const at = sample.indexOf('[07:30]');
    readBlocks(`${sample.slice(0, at)}[07:29]${sample.slice(at + 7)}`, blocks);
    assert.equal(blocks.parsedLastTime, 1);
  });

  it('reads a document whole once an edit makes a link definition (`[x]: url` changes how text elsewhere reads), and in parts once it is gone', () => {
    const sample = EXAMPLES.find((e) => e.name.startsWith('architecture-review'))!.text;
    const blocks = new BlockCache();
    const at = sample.indexOf('\n\n', sample.length / 2) + 2;
    const without = `${sample.slice(0, at)}[x] /url\n\n${sample.slice(at)}`;
    const parts = () => blocks.previous!.starts.length;
    readBlocks(without, blocks);
    assert.ok(parts() > 10);
    const withDefinition = without.replace('[x] /url', '[x]: /url'); // the colon typed
    assert.deepEqual(readBlocks(withDefinition, blocks), flattenDocument(withDefinition, parseMarkdown(withDefinition)));
    assert.equal(parts(), 1);
    readBlocks(`${withDefinition}more\n`, blocks);
    assert.equal(parts(), 1, 'still whole while the definition is there');
    readBlocks(without, blocks);
    assert.ok(parts() > 10);
  });

  it('keeps only the parts the latest version uses, however many edits there were', () => {
    const sample = EXAMPLES.find((e) => e.name.startsWith('architecture-review'))!.text;
    const blocks = new BlockCache();
    let text = sample;
    readBlocks(text, blocks);
    const first = blocks.size;
    for (let i = 0; i < 200; i++) {
      const at = (i * 7919) % text.length;
      text = i % 2 ? `${text.slice(0, at)}x${text.slice(at)}` : `${text.slice(0, at)}\n\n${text.slice(at + 1)}`;
      readBlocks(text, blocks);
    }
    // Fine cuts after edits make more, smaller parts than the first read's runs; never a pile of old ones.
    const parts = text.split(/\n[ \t]*\n/).length;
    assert.ok(blocks.size <= parts + 5, `${blocks.size} parts kept for a text of ${parts} paragraphs (${first} after the first read)`);
  });

  it('cuts at blank lines and list items, never inside front matter, fences or HTML blocks', () => {
    const text = ['---', 'title: x', '', 'a: 1', '---', '', 'Para', '', '```', 'code', '', 'more', '```', '', '<!--', '', '-->', '', '- a', '- b', ''].join('\n');
    const cutLines = findBoundaries(text).map((at) => text.slice(0, at).split('\n').length);
    assert.deepEqual(cutLines, [7, 9, 15, 19, 20]);
  });

  it('reads a long document in slices, and gives up on a text that is no longer wanted', async () => {
    const text = EXAMPLES.map((e) => e.text).join('\n\n').repeat(20);
    const stale = await readBlocksAsync(text, new BlockCache(), () => true, 0);
    assert.equal(stale, null);
    const blocks = new BlockCache();
    const read = await readBlocksAsync(text, blocks, () => false, 1);
    assert.deepEqual(withoutListTail(read!), withoutListTail(flattenDocument(text, parseMarkdown(text))));
  });

  it('patches the model of the first edit after a document read in slices', async () => {
    // The language server reads a long document's first version in slices and builds its model
    // from those blocks: the first keystroke after that is patched like any other.
    let text = transcriptNotes(60_000, 3);
    const blocks = new BlockCache();
    buildModel(text, (await readBlocksAsync(text, blocks, () => false, 1))!, { fileName: 'long.txt', blocks });
    const at = text.indexOf('\n\n', text.length / 2);
    text = `${text.slice(0, at)} and the pager rota${text.slice(at)}`;
    const spliced = readingCounts.spliced;
    const model = analyzeNotes(text, { fileName: 'long.txt', blocks });
    assert.equal(readingCounts.spliced, spliced + 1);
    assert.equal(comparable(model), comparable(fullAnalysis(text, 'long.txt')));
  });

  it('reads one-line items with one-line sub-items without the parser, as the parser reads them', () => {
    const text = ['- [ ] Tom: ship it - Due: Friday', '  - the API first', '  - [x] then the docs', '- Mike: review', '1. one', '   - under one'].join('\n');
    const part = text.slice(0, text.indexOf('1. one') - 1);
    const direct = readSimpleBlocks(part, false);
    assert.ok(direct, 'read directly');
    const { lastEnd, firstList, lastList, ...flat } = direct;
    assert.deepEqual(flat, flattenDocument(part, parseMarkdown(part, false)));
    assert.deepEqual(direct.units.map((u) => u.type === 'item' && `${u.depth} ${u.list} ${u.end}`), ['0 0 72', '1 1 50', '1 1 72', '0 0 87']);
    assert.equal(readSimpleBlocks(`${part}\n  text under the sub-item`, false), null, 'a continuation line: the parser decides');
  });

  it('reads Unicode spaces (U+00A0, U+FEFF, U+3000, …) as text after a task box, in a heading and before a bullet, as the parser does', () => {
    // JS's `\s` and `trim` take them as blanks; markdown takes only spaces and tabs.
    for (const space of ['\u00a0', '\ufeff', '\u2003', '\u3000', '\u000b', '\u000c']) {
      for (const text of [`- [x] ${space}ship it`, `- [ ] ${space}`, `# ${space}Title${space}`, `# Title${space} ##`, `- Tom: x\n ${space}- detail`]) {
        const direct = readSimpleBlocks(text, true);
        if (!direct) continue; // left to the parser: nothing to compare
        const { lastEnd, firstList, lastList, ...flat } = direct;
        assert.deepEqual(flat, flattenDocument(text, parseMarkdown(text, true)), JSON.stringify(text));
      }
    }
    const model = analyzeNotes('## Action items\n\n- [x] \ufeffTom: ship it\n');
    assert.deepEqual(model.items.map((i) => `${i.status} ${i.task}`), ['done Ship it']);
  });

  it('leaves to the parser a line nested past its bound (`- - - …` over 100 columns is a list to it, not a rule)', () => {
    for (const text of [`${'- '.repeat(52)}\ntext`, `${'- '.repeat(52)}\r\ntext`]) {
      const read = readBlocks(text, new BlockCache());
      assert.deepEqual(withoutListTail(read), withoutListTail(flattenDocument(text, parseMarkdown(text))));
      assert.deepEqual(read.units.map((u) => u.type), ['item']);
    }
  });

  it('starts the text of a task box at a line end on the next line, whatever ends the lines', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['- [ ]', ' Wei to split the epic', ''].join(eol);
      const [item] = flattenDocument(text, parseMarkdown(text)).units;
      assert.deepEqual(item.type === 'item' && item.lines.map((l) => [text.slice(0, l.start).split(/\r\n|\r|\n/).length - 1, l.text]), [[1, 'Wei to split the epic']], JSON.stringify(eol));
    }
  });

  it('reads lists after a front matter opener that is never closed (a parser quirk made them paragraphs)', () => {
    const model = analyzeNotes('---\ntitle: half typed\n\n## Action items\n\n- [ ] Tom: ship it - Due: 2025-03-14\n');
    assert.deepEqual(
      model.items.map((i) => `${i.owner?.name}: ${i.task}`),
      ['Tom: Ship it'],
    );
  });
});
