// Pathological notes: each is analysed under a time bound (in a worker, so that a hang is cut off
// and reported rather than stopping the run) and must give the result written here.
import { strict as assert } from 'node:assert';
import type { NotesDiagnostic, NotesModel } from '../../server/src/core/model';

export interface PathologicalCase {
  name: string;
  text: () => string;
  /** What a user must see. */
  expect: (model: NotesModel, diagnostics: NotesDiagnostic[]) => void;
}

const HEAD = '# Sync — 2025-03-10\nAttendees: Tom Bradley, Priya Shah\n\n';
const lines = (count: number, line: (i: number) => string, eol = '\n') => Array.from({ length: count }, (_, i) => line(i)).join(eol);
const tasks = (model: NotesModel) => model.items.map((i) => `${i.owner?.name ?? '-'}: ${i.task} (${i.due?.date ?? i.due?.text ?? 'no date'}) ${i.status}`);
const MB = 1024 * 1024;

export const PATHOLOGICAL: PathologicalCase[] = [
  {
    name: 'an empty file',
    text: () => '',
    expect: (model) => {
      assert.equal(model.items.length, 0);
      assert.equal(model.looksLikeNotes, false);
      assert.equal(model.lines.lineCount, 1);
    },
  },
  {
    name: 'a byte order mark before the title',
    text: () => `\ufeff${HEAD}## Action items\n- [ ] Tom: ship it - Due: Friday\n`,
    expect: (model) => {
      assert.equal(model.meetings[0].title, 'Sync');
      assert.equal(model.meetings[0].date, '2025-03-10');
      assert.deepEqual(tasks(model), ['Tom Bradley: Ship it (2025-03-14) open']);
    },
  },
  {
    name: 'mixed line endings (\\n, \\r\\n and a lone \\r)',
    text: () => '# Sync — 2025-03-10\r\nAttendees: Tom Bradley, Priya Shah\r[00:01] Tom Bradley: I will fix the build by Friday.\n[00:02] Priya Shah: I will update the docs by Monday.\r\n\r\n## Action items\r- [ ] Tom: fix the build - Due: Friday\r\n',
    expect: (model) => {
      assert.equal(model.statements.length, 2);
      // Tom's promise is in the summary; Priya's is not (Monday, said on Monday 2025-03-10, is that day).
      assert.deepEqual(tasks(model), ['Priya Shah: Update the docs (2025-03-10) open', 'Tom Bradley: Fix the build (2025-03-14) open']);
      assert.equal(model.lines.lineCount, 8);
    },
  },
  {
    name: 'a 2 MB single line of transcript',
    text: () => `${HEAD}[00:01] Tom Bradley: ${'We went through the rollout plan again. '.repeat(Math.ceil((2 * MB) / 40))}I will ship the importer by Friday.`,
    expect: (model) => {
      assert.ok(model.text.length > 2 * MB);
      assert.equal(model.statements.length, 1);
      assert.deepEqual(tasks(model), ['Tom Bradley: Ship the importer (2025-03-14) open']);
    },
  },
  {
    name: 'a 2 MB single line without any full stop',
    text: () => `${HEAD}[00:01] Tom Bradley: ${'and then we talk about it again '.repeat(Math.ceil((2 * MB) / 32))}`,
    expect: (model) => {
      assert.equal(model.statements.length, 1);
      assert.equal(model.items.length, 0);
    },
  },
  {
    name: '50,000 list items',
    text: () => `${HEAD}## Action items\n${lines(50_000, (i) => `- [ ] Tom: task ${i} - Due: Friday`)}\n`,
    expect: (model, diagnostics) => {
      assert.equal(model.items.length, 50_000);
      assert.equal(model.items[49_999].task, 'Task 49999');
      assert.equal(model.items[49_999].due?.date, '2025-03-14');
      assert.equal(diagnostics.filter((d) => d.code === 'due-soon').length, 50_000);
    },
  },
  {
    name: '20,000 items with a detail bullet each',
    text: () => `${HEAD}## Action items\n${lines(20_000, (i) => `- Tom: task ${i} - Due: Friday\n  - detail ${i}`)}\n`,
    expect: (model) => {
      assert.equal(model.items.length, 20_000);
      assert.equal(model.items[19_999].task, 'Task 19999');
    },
  },
  {
    // Read without the markdown parser, whose time grows with the square of a paragraph's lines (~90 s here).
    name: '60,000 **bold** speaker lines in one paragraph',
    text: () => `${HEAD}${lines(60_000, (i) => (i % 2 ? `**Priya:** point ${i}` : `**Tom Bradley:** I will fix bug ${i} by Friday.`))}\n`,
    expect: (model) => {
      assert.equal(model.statements.length, 60_000);
      assert.equal(model.statements[59_999].speaker?.name, 'Priya Shah');
      assert.equal(model.statements[59_999].text, 'point 59999');
      assert.equal(model.items.length, 30_000);
      assert.equal(model.items[29_999].task, 'Fix bug 59998');
      assert.equal(model.items[29_999].due?.date, '2025-03-14');
    },
  },
  {
    name: '5,000 nested block quotes on one line',
    text: () => `${HEAD}${'>'.repeat(5000)} [00:01] Tom Bradley: I will fix it by Friday.\n\n## Action items\n- [ ] Priya: real item\n`,
    expect: (model) => {
      assert.equal(model.statements.length, 0, 'nothing inside a quote counts');
      assert.deepEqual(tasks(model), ['Priya Shah: Real item (no date) open']);
    },
  },
  {
    name: '5,000 block quotes, one deeper on each line (up to 500 deep)',
    text: () => `${HEAD}${lines(5000, (i) => `${'>'.repeat((i % 500) + 1)} quoted ${i}`)}\n\n## Action items\n- [ ] Priya: real item\n`,
    expect: (model) => assert.deepEqual(tasks(model), ['Priya Shah: Real item (no date) open']),
  },
  {
    name: '2,000 nested lists, each indented one level deeper',
    text: () => `${HEAD}## Action items\n${lines(2000, (i) => `${'  '.repeat(i)}- [ ] Tom: task ${i}`)}\n`,
    expect: (model) => {
      assert.equal(model.items[0].task, 'Task 0');
      // Nesting is read 50 lists deep; deeper markers are the text of the deepest item.
      assert.equal(model.items.length, 50);
    },
  },
  {
    name: '2,000 nested lists on one line',
    text: () => `${HEAD}## Action items\n${'- '.repeat(2000)}[ ] Tom: the innermost task\n- [ ] Priya: a real item\n`,
    expect: (model) => assert.deepEqual(tasks(model).slice(-1), ['Priya Shah: A real item (no date) open']),
  },
  {
    name: '3,000 nested lists on the first line, after a byte order mark',
    text: () => `\ufeff${'- '.repeat(3000)}[ ] Tom: the innermost task\n\n## Action items\n- [ ] Priya: a real item\n`,
    expect: (model) => assert.deepEqual(tasks(model).slice(-1), ['Priya: A real item (no date) open']),
  },
  {
    name: '10,000 attendees on one line',
    text: () => `# Sync — 2025-03-10\nAttendees: ${lines(10_000, (i) => `Person${i} Name${i}`, ', ')}\n\n[00:01] Person5000 Name5000: I will fix it by Friday.\n`,
    expect: (model) => {
      assert.equal(model.meetings[0].attendees.length, 10_000);
      assert.equal(model.statements[0].speaker?.attendee?.name, 'Person5000 Name5000');
      assert.deepEqual(tasks(model), ['Person5000 Name5000: Fix it (2025-03-14) open']);
    },
  },
  {
    name: '10,000 attendees in a list',
    text: () => `# Sync — 2025-03-10\n\n## Attendees\n${lines(10_000, (i) => `- Person${i} Name${i} (Eng)`)}\n\n[00:01] Person9999 Name9999: I will fix it by Friday.\n`,
    expect: (model) => {
      assert.equal(model.meetings[0].attendees.length, 10_000);
      assert.equal(model.meetings[0].attendees[9999].role, 'Eng');
      assert.equal(model.statements[0].speaker?.attendee?.name, 'Person9999 Name9999');
    },
  },
  {
    name: 'impossible dates: February 30, month 13, year 99999',
    text: () => `${HEAD}## Action items\n- Tom: a - Due: February 30\n- Tom: b - Due: 2025-13-01\n- Tom: c - Due: 99999-01-01\n- Tom: d - Due: 2025-02-29\n- Tom: e by February 31st\n`,
    expect: (model, diagnostics) => {
      assert.deepEqual(
        model.items.map((i) => [i.due?.text, i.due?.date, i.due?.vague]),
        [
          ['February 30', null, true],
          ['2025-13-01', null, true],
          ['99999-01-01', null, true],
          ['2025-02-29', null, true],
          ['February 31st', null, true],
        ],
      );
      assert.equal(diagnostics.filter((d) => d.code === 'vague-due-date').length, 5);
    },
  },
  {
    name: 'right-to-left text, bidi controls and zero-width characters',
    text: () => `# اجتماع — 2025-03-10\nAttendees: مريم, Tom Bradley\n\n[00:01] مريم: I will review the \u2066design\u2069 by Friday.\n[00:02] Tom\u200b Bradley: I will fix the \u202ebuild\u202c by Monday.\n\n## Action items\n- [ ] مريم: review the design - Due: Friday\n`,
    expect: (model) => {
      assert.equal(model.meetings[0].title, 'اجتماع');
      assert.deepEqual(
        model.statements.map((s) => s.speaker?.attendee?.name),
        ['مريم', 'Tom Bradley'],
        'a zero-width space in a name does not make another person',
      );
      assert.deepEqual(tasks(model), ['Tom Bradley: Fix the \u202ebuild\u202c (2025-03-10) open', 'مريم: Review the design (2025-03-14) open']);
    },
  },
  {
    name: 'emoji in names',
    text: () => `# Sync — 2025-03-10\nAttendees: 🦄 Uni, Tom 👍🏽 Bradley\n\n[00:01] 🦄 Uni: I will ship the 👨‍👩‍👧 feature by Friday.\n\n## Action items\n- [ ] 🦄 Uni: ship the 👨‍👩‍👧 feature - Due: Friday\n`,
    expect: (model) => {
      assert.deepEqual(
        model.meetings[0].attendees.map((a) => a.name),
        ['🦄 Uni', 'Tom 👍🏽 Bradley'],
      );
      assert.equal(model.statements[0].speaker?.attendee?.name, '🦄 Uni');
      assert.equal(model.items.length, 1, 'the statement is recorded by the entry');
      assert.equal(model.items[0].task, 'Ship the 👨‍👩‍👧 feature');
    },
  },
  {
    name: 'malformed timestamps and empty speakers',
    text: () => `${HEAD}[99:99:99] Tom Bradley: I will fix it\n[5:] Tom Bradley: x\n[] : I will do it\n[00:01]: I will do it\n[00:02] : I will do it by Friday\n**:** I will\n[00:03]\n[\n[00:04] Priya Shah: I will write the docs by Friday.\n`,
    expect: (model) => {
      // `[99:99:99]` is no time, but in brackets before an attendee it still starts Tom's statement
      // (without a time); the malformed lines after it start none: they go on with his words.
      assert.deepEqual(model.statements.map((s) => `${s.time ?? '-'} ${s.speaker?.name}`), ['- Tom Bradley', '00:04 Priya Shah']);
      assert.deepEqual(tasks(model).slice(1), ['Priya Shah: Write the docs (2025-03-14) open']);
    },
  },
  {
    name: 'a statement with a 200 KB run of blanks between its words',
    text: () => `${HEAD}[00:01] Tom Bradley: Sure, I will look${' '.repeat(200_000)}at the pin by Friday, and will do the docs.\n`,
    expect: (model) => assert.deepEqual(tasks(model), ['Tom Bradley: Look at the pin (2025-03-14) open', 'Tom Bradley: Do the docs (no date) open']),
  },
  {
    name: 'transcript lines of a stamp, a 200 KB run of blanks and a word (before or after the name)',
    text: () => `${HEAD}[00:01]${' '.repeat(200_000)}x\n\n[00:02] -${' '.repeat(200_000)}x\n\nTom Bradley [00:03]${' '.repeat(200_000)}\n\n[00:04]${' '.repeat(200_000)}Priya Shah: I will ship it by Friday.\n`,
    expect: (model) => assert.deepEqual(tasks(model), ['Priya Shah: Ship it (2025-03-14) open']),
  },
  {
    name: 'an entry with 200 KB runs of blanks around an arrow, a name and a comma',
    text: () => `${HEAD}## Action items\n- Handbook ${' '.repeat(200_000)}→${' '.repeat(200_000)}Tom${' '.repeat(200_000)},${' '.repeat(200_000)}x\n`,
    expect: (model) => assert.equal(model.items.length, 1),
  },
  {
    name: "a person's heading and line, a section for someone's work and a caption's voice, with 200 KB runs of blanks",
    text: () => {
      const blanks = ' '.repeat(200_000);
      return `${HEAD}## Tom${blanks}:${blanks}x
- I will do it

**Tom${blanks}x**

Tom${blanks}x${blanks}:

## Tom's${blanks}x items
- do it

<v Tom${blanks}x>I will do it by Friday</v>
`;
    },
    expect: (model) => assert.deepEqual(tasks(model), []), // no name is that long
  },
  {
    name: "a promise with 200 KB runs of blanks around a dated task's `and`",
    text: () => {
      const blanks = ' '.repeat(200_000);
      return `${HEAD}[00:01] Tom Bradley: I will file it today${blanks},${blanks}x and${blanks}scope it by Friday.\n`;
    },
    expect: (model) => assert.deepEqual(tasks(model), ['Tom Bradley: File it today , x and scope it (2025-03-14) open']), // `today` closes no task
  },
  {
    name: 'a table header, a Status cell and an attendee line with 200 KB runs of blanks',
    text: () => {
      const blanks = ' '.repeat(200_000);
      return `# Sync — 2025-03-10\nAttendees: Tom Bradley (SRE), Priya${blanks} Shah${blanks}\n\n## Action items\n\n| Owner${blanks} | Task | Status |\n|---|---|---|\n| Tom | Ship it | ✅ done${blanks} |\n`;
    },
    expect: (model) => assert.deepEqual(tasks(model), ['Tom Bradley: Ship it (no date) done']),
  },
  {
    // Found by the server fuzz (seed 944000591): 90 s for this document of 200 characters.
    name: 'done marks that do not end an attendee line (under a setext `attendees` heading)',
    text: () => `# Sync — 2025-03-10\n\nattendees: []\n---\n${'✅ '.repeat(40).trimEnd()}l take that\n- Tom Bradley ✅ 2025-03-10 ✅\n`,
    expect: (model) => assert.deepEqual(model.meetings[0].attendees.map((a) => a.name), ['Tom Bradley']),
  },
  {
    name: 'a remark closed by a 200 KB run of full stops before a task on a plain line',
    text: () => `${HEAD}## Action items\nThanks${'.'.repeat(200_000)} Tom will ship it by Friday\n`,
    expect: (model) => assert.deepEqual(tasks(model), ['Tom Bradley: Ship it (2025-03-14) open']),
  },
  {
    name: 'fields under a heading with a 200 KB run of blanks in a value',
    text: () => `${HEAD}## Action items\n\n### Ship it\nOwner: Tom${' '.repeat(200_000)}x\nDue: Friday\n\n### Book it\nOwner: Tom${' '.repeat(200_000)}· Due: Friday\n`,
    expect: (model) => assert.deepEqual(model.items.map((i) => `${i.task} (${i.due?.text})`), ['Ship it (Friday)', 'Book it (Friday)']),
  },
  {
    name: 'a 200 KB run of blanks before a closing dashed value',
    text: () => `${HEAD}## Action items\n- [ ] Tom: review the pin${' '.repeat(200_000)}— ASAP\n`,
    expect: (model) => assert.deepEqual(tasks(model), ['Tom Bradley: Review the pin (ASAP) open']),
  },
  ...(
    [
      ['Friday ', 'dates'],
      ['12 ', 'numbers'],
      ['✅ ', 'done marks'],
      ['<!-- ', 'unclosed comments'],
      ['*_', 'emphasis markers'],
      ['[a](', 'unclosed links'],
      ['  ', 'blanks'],
      ['I can ', 'cues without a date'],
      ['.', 'full stops'],
    ] as const
  ).map(([token, what]): PathologicalCase => ({
    name: `a 200 KB entry of ${what} (${JSON.stringify(token)} repeated)`,
    text: () => `${HEAD}## Action items\n- [ ] Tom: ${token.repeat(Math.ceil(200_000 / token.length))} - Due: Friday\n[00:01] Tom Bradley: I will ${token.repeat(Math.ceil(200_000 / token.length))}\n`,
    expect: (model) => assert.equal(model.items[0].owner?.name, 'Tom Bradley'),
  })),
];
