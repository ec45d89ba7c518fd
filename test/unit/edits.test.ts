import { strict as assert } from 'node:assert';
import { applyEdits, assignOwner, exactReopen, markAllComplete, markComplete, recordInSummary, reopen, setDueDate, undoOfCompletion } from '../../server/src/core/edits';
import type { NotesModel } from '../../server/src/core/model';
import { analyze, notes, sample } from '../helpers/notes';

const TODAY = { today: '2025-03-14', writeDoneDate: true };
const HEAD = ['# Sync — 2025-03-10', 'Attendees: Mike Johnson, Priya Shah, Tom Bradley', '', '## Action items', ''];

/** Notes whose one action item is `entry` (plus the lines around it). */
function withEntry(...entry: string[]): NotesModel {
  return analyze(notes(...HEAD, ...entry));
}
/** The entry lines after applying an edit function to the first item. */
function after(model: NotesModel, edit: (m: NotesModel, id: string) => ReturnType<typeof markComplete>): string[] {
  const edits = edit(model, model.items[0].id);
  return applyEdits(model.text, edits).split('\n').slice(HEAD.length);
}
const complete = (m: NotesModel, id: string) => markComplete(m, id, TODAY);

const SHAPES: Array<[shape: string, open: string[], done: string[]]> = [
  ['numbered', ['1. Mike: Test Redis pool - Due: Tomorrow', '2. Tom: other'], ['1. [x] Mike: Test Redis pool - Due: Tomorrow ✅ 2025-03-14', '2. Tom: other']],
  ['bulleted', ['- Mike: Test Redis pool by Friday'], ['- [x] Mike: Test Redis pool by Friday ✅ 2025-03-14']],
  ['starred', ['* Update the runbook'], ['* [x] Update the runbook ✅ 2025-03-14']],
  ['checkbox', ['- [ ] @Mike investigate (due: 2025-03-12)', '- [ ] Tom: other'], ['- [x] @Mike investigate (due: 2025-03-12) ✅ 2025-03-14', '- [ ] Tom: other']],
  ['table with Status', ['| Owner | Task | Due | Status |', '|---|---|---|---|', '| Mike | Write the load test | Friday | Open |'], ['| Owner | Task | Due | Status |', '|---|---|---|---|', '| Mike | Write the load test | Friday | Done ✅ 2025-03-14 |']],
  ['table without Status', ['| Owner | Task | Due |', '|---|---|---|', '| Mike | Write the load test | Friday |'], ['| Owner | Task | Due |', '|---|---|---|', '| Mike | [x] Write the load test ✅ 2025-03-14 | Friday |']],
  ['plain line', ['Mike to send the notes by Friday'], ['[x] Mike to send the notes by Friday ✅ 2025-03-14']],
  // A remark opening the line is no part of the task, but the box still opens the line.
  ['plain line after a remark', ['Overall good progress. Mike to send the notes by Friday'], ['[x] Overall good progress. Mike to send the notes by Friday ✅ 2025-03-14']],
  // A caption pasted into a section: its voice is inline HTML there, not the entry's words (a box before it changes nothing).
  ['caption line', ['<v Mike Johnson>Mike to send the notes by Friday</v>'], ['<v Mike Johnson>[x] Mike to send the notes by Friday ✅ 2025-03-14</v>']],
  ['inline HTML around the marks', ['Mike to send the notes by Friday<b></b>'], ['[x] Mike to send the notes by Friday ✅ 2025-03-14<b></b>']],
  ['outliner marker', ['- TODO Mike: send the notes', '  DEADLINE: <2025-03-14 Fri>'], ['- DONE Mike: send the notes', '  DEADLINE: <2025-03-14 Fri>']],
  ['ballot box', ['☐ Mike Johnson: send the notes by Friday', '☐ Tom: other'], ['☑ Mike Johnson: send the notes by Friday ✅ 2025-03-14', '☐ Tom: other']],
  ['heading with fields', ['### Migrate the cron jobs', '- **Owner:** Mike', '- **Due:** Friday'], ['### [x] Migrate the cron jobs ✅ 2025-03-14', '- **Owner:** Mike', '- **Due:** Friday']],
  ['heading with a status field', ['### Migrate the cron jobs', 'Owner: Mike · Status: Open'], ['### Migrate the cron jobs', 'Owner: Mike · Status: Done ✅ 2025-03-14']],
  ['wrapped', ['- Mike: migrate the cron jobs to the', '  new scheduler - Due: Friday'], ['- [x] Mike: migrate the cron jobs to the', '  new scheduler - Due: Friday ✅ 2025-03-14']],
];

describe('edits', () => {
  describe('mark complete, then reopen', () => {
    for (const [shape, open, done] of SHAPES) {
      it(`${shape}: writes [x] and the done date, touching nothing else`, () => {
        const model = withEntry(...open);
        assert.deepEqual(after(model, complete), done);
        const reread = withEntry(...done);
        assert.equal(reread.items[0].status, 'done');
        // The same item: its words and owner as before.
        assert.deepEqual([reread.items[0].task, reread.items[0].owner?.name], [model.items[0].task, model.items[0].owner?.name]);
      });
      it(`${shape}: reopening gives back the original text`, () => {
        const model = withEntry(...done);
        assert.deepEqual(after(model, reopen), open);
      });
    }

    it('reopening never takes inline HTML next to a box or a done mark for the blanks around them', () => {
      assert.deepEqual(after(withEntry('[x] <b>Mike</b> to send the notes by Friday ✅ 2025-03-14'), reopen), ['<b>Mike</b> to send the notes by Friday']);
      assert.deepEqual(after(withEntry('[x] Mike to send the notes by Friday<b></b> ✅ 2025-03-14'), reopen), ['Mike to send the notes by Friday<b></b>']);
    });

    it('ballot box: a checked box alone reopens to an open box', () => {
      assert.deepEqual(after(withEntry('☒ Priya: rotate the keys', '☐ Tom: other'), reopen), ['☐ Priya: rotate the keys', '☐ Tom: other']);
    });

    it('struck-through: completing does nothing, reopening removes the strike', () => {
      const model = withEntry('- ~~Mike: migrate the cron jobs~~ (moved)');
      assert.deepEqual(complete(model, model.items[0].id), []);
      assert.deepEqual(after(model, reopen), ['- Mike: migrate the cron jobs (moved)']);
    });

    it('a done status word is removed on reopen', () => {
      assert.deepEqual(after(withEntry('- Priya: rotate the keys - Done'), reopen), ['- Priya: rotate the keys']);
    });

    it('a status that says open stays on reopen: a done mark made the entry done', () => {
      assert.deepEqual(after(withEntry('- [ ] Priya: rotate the keys ✅ - TODO'), reopen), ['- [ ] Priya: rotate the keys - TODO']);
      assert.deepEqual(after(withEntry('- [ ] Priya: rotate the keys ✅ (blocked)'), reopen), ['- [ ] Priya: rotate the keys (blocked)']);
      assert.deepEqual(after(withEntry('- [x] Priya: rotate the keys (won\'t do)'), reopen), ['- [ ] Priya: rotate the keys']);
      const table = ['| Owner | Task | Status |', '|---|---|---|'];
      assert.deepEqual(after(withEntry(...table, '| Priya | rotate the keys ✅ | Blocked |'), reopen), [...table, '| Priya | rotate the keys | Blocked |']);
      assert.deepEqual(after(withEntry(...table, '| Priya | rotate the keys | Done ✅ 2025-03-12 |'), reopen), [...table, '| Priya | rotate the keys | Open |']);
    });

    it('a row short of its Status cell keeps its words: its status was read from them (fuzz seed 980000013)', () => {
      const table = ['| Owner | Task | Status |', '|---|---|---|'];
      const model = withEntry(...table, '| Mike | TODO: write the load test |');
      assert.equal(model.items[0].status, 'open');
      const completed = after(model, complete);
      assert.deepEqual(completed, [...table, '| Mike | [x] TODO: write the load test ✅ 2025-03-14 |']);
      assert.equal(withEntry(...completed).items[0].status, 'done');
      assert.deepEqual(after(withEntry(...completed), reopen), [...table, '| Mike | TODO: write the load test |']);
    });

    it('a `Done?` column of Yes and No is written in its own words', () => {
      const table = ['| Item | DRI | Done? |', '|---|---|---|'];
      const model = withEntry(...table, '| Capacity plan | Mike | No |');
      assert.equal(model.items[0].status, 'open');
      assert.equal(withEntry(...table, '| Capacity plan | Mike | Yes |').items[0].status, 'done');
      const completed = after(model, complete);
      assert.deepEqual(completed, [...table, '| Capacity plan | Mike | Yes ✅ 2025-03-14 |']);
      assert.equal(withEntry(...completed).items[0].status, 'done');
      assert.deepEqual(after(withEntry(...completed), reopen), [...table, '| Capacity plan | Mike | No |']);
      assert.deepEqual(after(withEntry(...table, '| Capacity plan | Mike | ✅ |'), reopen), [...table, '| Capacity plan | Mike | Open |']);
    });

    it('a Status cell of a check mark says done, and reopening makes it Open', () => {
      const table = ['| Owner | Task | Status |', '|---|---|---|'];
      for (const status of ['✅', '✅ done', '✔️', '✓ merged', 'x']) {
        const model = withEntry(...table, `| Priya | rotate the keys | ${status} |`);
        assert.equal(model.items[0].status, 'done', status);
        const reopened = after(model, reopen);
        assert.deepEqual(reopened, [...table, '| Priya | rotate the keys | Open |'], status);
        assert.equal(withEntry(...reopened).items[0].status, 'open', status);
      }
    });

    it('reopening never empties a line between a lone CR and a LF (the two would become one line break)', () => {
      for (const [entry, kept] of [
        ['- [ ] Priya: rotate the keys\r✅\n  and the certificates', '- [ ] Priya: rotate the keys\r \n  and the certificates'],
        ['- [ ] Priya: rotate the keys\r✅ ✅\n  and the certificates', '- [ ] Priya: rotate the keys\r \n  and the certificates'],
        ['- [ ] Priya: rotate the keys\r\n✅\n  and the certificates', '- [ ] Priya: rotate the keys\r\n\n  and the certificates'],
      ]) {
        const model = withEntry(entry);
        assert.equal(model.items[0].status, 'done', JSON.stringify(entry));
        const text = applyEdits(model.text, reopen(model, model.items[0].id));
        assert.equal(text.slice(model.text.indexOf('- [ ]')), kept, JSON.stringify(entry));
        assert.equal(analyze(text).items[0].status, 'open');
      }
    });

    it('a ✅ at the end of a wrapped line is removed on reopen, the line break kept', () => {
      assert.deepEqual(after(withEntry('- [ ] Priya: rotate the keys ✅', '  and the certificates'), reopen), ['- [ ] Priya: rotate the keys', '  and the certificates']);
      assert.deepEqual(after(withEntry('- [ ] Priya: rotate the keys ✅\r', '  and the certificates'), reopen), ['- [ ] Priya: rotate the keys\r', '  and the certificates']);
    });

    it('an entry that is only `Name:` stays the same item once marked complete (the mark is no task)', () => {
      const model = withEntry('- Follow-ups:');
      const reread = analyze(applyEdits(model.text, complete(model, model.items[0].id)));
      assert.deepEqual(reread.items.map((i) => `${i.id} ${i.status} ${i.owner?.name ?? '-'} ${i.task}`), [`${model.items[0].id} done - Follow-ups`]);
    });

    it('leaves alone a plain line with pipes right above a table rule: a box would make the two a table', () => {
      const model = withEntry(' | Write the load test | Friday |', '|---|---|---|---|');
      assert.equal(model.items[0]?.layout?.shape, 'line');
      assert.deepEqual(complete(model, model.items[0].id), []);
    });

    it('writes no done date after a closing `|`: a new cell would turn the lines into a table', () => {
      const model = withEntry('- Mike: send the notes | Friday |', '|---|---|---|');
      assert.deepEqual(after(model, complete), ['- [x] Mike: send the notes | Friday |', '|---|---|---|']);
    });

    it('writes no date when the setting says so', () => {
      const model = withEntry('- Mike: book the room');
      assert.deepEqual(applyEdits(model.text, markComplete(model, model.items[0].id, { ...TODAY, writeDoneDate: false })).split('\n').slice(HEAD.length), ['- [x] Mike: book the room']);
    });

    it('completes the linked COMMITMENTS entry too, and reopens both', () => {
      const model = sample();
      const item = model.items.find((i) => i.task === 'WebSocket infrastructure ready')!;
      const text = applyEdits(model.text, markComplete(model, item.id, TODAY));
      const lines = text.split('\n');
      assert.equal(lines[110], '4. [x] Tom: WebSocket infrastructure ready - Due: February 3 ✅ 2025-03-14');
      assert.equal(lines[117], '- [x] Tom: WebSocket infrastructure by February 3 ✅ 2025-03-14');
      assert.deepEqual(lines.filter((l, i) => l !== model.text.split('\n')[i]).length, 2);
      const reread = analyze(text);
      const done = reread.items.find((i) => i.task === 'WebSocket infrastructure ready')!;
      assert.equal(applyEdits(text, reopen(reread, done.id)), model.text);
    });

    it('completes all overdue items in one edit, each line once', () => {
      const model = sample();
      const overdue = model.items.filter((i) => i.due?.date && i.due.date < '2024-02-01').map((i) => i.id);
      const lines = applyEdits(model.text, markAllComplete(model, overdue, TODAY)).split('\n');
      assert.equal(lines[107], '1. [x] Mike: Test Redis connection pool optimizations - Due: Tomorrow ✅ 2025-03-14');
      assert.equal(lines[108], '2. [x] Mike: Escalate TechCorp decision to Sarah - Due: Today ✅ 2025-03-14');
    });

    it('keeps CRLF line ends', () => {
      const model = analyze(notes(...HEAD, '- Mike: book the room', '- Tom: other').replace(/\n/g, '\r\n'));
      const text = applyEdits(model.text, markComplete(model, model.items[0].id, TODAY));
      assert.ok(text.includes('- [x] Mike: book the room ✅ 2025-03-14\r\n- Tom: other'));
    });
  });

  describe('set the due date', () => {
    it('replaces a written date, vague or relative', () => {
      assert.deepEqual(after(withEntry('- Mike: test pool - Due: Tomorrow'), (m, id) => setDueDate(m, id, '2025-03-11')), ['- Mike: test pool - Due: 2025-03-11']);
      assert.deepEqual(after(withEntry('- Alex: cost work before production'), (m, id) => setDueDate(m, id, '2025-04-01')), ['- Alex: cost work by 2025-04-01']);
      assert.deepEqual(after(withEntry('| Owner | Task | Due |', '|---|---|---|', '| Mike | Load test | TBD |'), (m, id) => setDueDate(m, id, '2025-04-01')).pop(), '| Mike | Load test | 2025-04-01 |');
    });
    it('adds one in the form the section uses', () => {
      assert.deepEqual(after(withEntry('- Mike: test pool', '- Tom: ship it - Due: Friday'), (m, id) => setDueDate(m, id, '2025-03-11')), ['- Mike: test pool - Due: 2025-03-11', '- Tom: ship it - Due: Friday']);
      assert.deepEqual(after(withEntry('- Mike: test pool', '- Tom: ship it by Friday'), (m, id) => setDueDate(m, id, '2025-03-11')), ['- Mike: test pool by 2025-03-11', '- Tom: ship it by Friday']);
      assert.deepEqual(after(withEntry('- [ ] Mike: test pool ✅ 2025-03-12'.replace(' ✅ 2025-03-12', '')), (m, id) => setDueDate(m, id, '2025-03-11')), ['- [ ] Mike: test pool - Due: 2025-03-11']);
      assert.deepEqual(after(withEntry('| Owner | Task | Due |', '|---|---|---|', '| Mike | Load test | |'), (m, id) => setDueDate(m, id, '2025-04-01')).pop(), '| Mike | Load test | 2025-04-01 |');
    });
  });

  describe('an entry written as a heading with its fields', () => {
    it('gets a due date, an owner, or a new one in its field, and each reads back', () => {
      const heading = ['### Migrate the cron jobs', '- **Owner:** Mike', '- **Due:** Friday'];
      const model = withEntry(...heading);
      const moved = applyEdits(model.text, setDueDate(model, model.items[0].id, '2025-03-19'));
      assert.deepEqual(moved.split('\n').slice(HEAD.length), ['### Migrate the cron jobs', '- **Owner:** Mike', '- **Due:** 2025-03-19']);
      const unowned = withEntry('### Migrate the cron jobs', 'Due: Friday · Status: Open');
      const assigned = applyEdits(unowned.text, assignOwner(unowned, unowned.items[0].id, 'Priya'));
      assert.deepEqual(assigned.split('\n').slice(HEAD.length), ['### Migrate the cron jobs', 'Due: Friday · Status: Open · Owner: Priya']);
      assert.deepEqual(analyze(assigned).items.map((i) => `${i.owner?.name}: ${i.task} (${i.due?.date})`), ['Priya Shah: Migrate the cron jobs (2025-03-14)']);
      const undated = withEntry('### Migrate the cron jobs', '- **Owner:** Mike', '', '## Notes');
      const dated = applyEdits(undated.text, setDueDate(undated, undated.items[0].id, '2025-03-19'));
      assert.deepEqual(dated.split('\n').slice(HEAD.length), ['### Migrate the cron jobs', '- **Owner:** Mike', '- **Due:** 2025-03-19', '', '## Notes']);
      assert.deepEqual(analyze(dated).items.map((i) => `${i.owner?.name}: ${i.task} (${i.due?.date})`), ['Mike Johnson: Migrate the cron jobs (2025-03-19)']);
    });
  });

  describe('an entry with a Status field under its heading', () => {
    it('is reopened to the status it had, as long as what completing wrote is still there', () => {
      const model = withEntry('### Migrate the cron jobs', '- **Owner:** Mike', '- **Status:** In progress');
      const edits = markComplete(model, model.items[0].id, TODAY);
      const completed = applyEdits(model.text, edits);
      assert.deepEqual(completed.split('\n').slice(HEAD.length), ['### Migrate the cron jobs', '- **Owner:** Mike', '- **Status:** Done ✅ 2025-03-14']);
      const again = analyze(completed);
      const undo = exactReopen(again, again.items[0].id, undoOfCompletion(model, model.items[0].id, edits));
      assert.ok(undo);
      assert.equal(applyEdits(completed, undo), model.text);
      // A box in the heading made it done, not its Status: reopening unchecks the box and leaves the field.
      const boxed = withEntry('### [x] Migrate the cron jobs', '- **Owner:** Mike', '- **Status:** not done yet');
      assert.deepEqual(applyEdits(boxed.text, reopen(boxed, boxed.items[0].id)).split('\n').slice(HEAD.length), ['### [ ] Migrate the cron jobs', '- **Owner:** Mike', '- **Status:** not done yet']);
      // Without that memory, reopening says it is open.
      assert.deepEqual(applyEdits(completed, reopen(again, again.items[0].id)).split('\n').slice(HEAD.length), ['### Migrate the cron jobs', '- **Owner:** Mike', '- **Status:** Open']);
    });
  });

  describe('a list entry with a Status field in the bullets under it', () => {
    it('reads as the field says, and completing or reopening rewrites the field (and a box beside it)', () => {
      const model = withEntry('- Update the runbook', '  - Owner: Mike', '  - Due: Tuesday', '  - Status: done', '- [ ] Rotate the keys', '  - Owner: Priya', '  - Status: in progress');
      assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task} (${i.due?.date}) ${i.status}`), ['Mike Johnson: Update the runbook (2025-03-11) done', 'Priya Shah: Rotate the keys (undefined) open']);
      const keys = model.items[1];
      const edits = markComplete(model, keys.id, TODAY);
      const completed = applyEdits(model.text, edits);
      assert.deepEqual(completed.split('\n').slice(HEAD.length + 4), ['- [x] Rotate the keys', '  - Owner: Priya', '  - Status: Done ✅ 2025-03-14']);
      const again = analyze(completed);
      assert.deepEqual(again.items.map((i) => i.status), ['done', 'done']);
      const undo = exactReopen(again, keys.id, undoOfCompletion(model, keys.id, edits));
      assert.ok(undo);
      assert.equal(applyEdits(completed, undo), model.text);
      assert.deepEqual(applyEdits(completed, reopen(again, keys.id)).split('\n').slice(HEAD.length + 4), ['- [ ] Rotate the keys', '  - Owner: Priya', '  - Status: Open']);
      const runbook = applyEdits(model.text, reopen(model, model.items[0].id));
      assert.deepEqual(runbook.split('\n').slice(HEAD.length, HEAD.length + 4), ['- Update the runbook', '  - Owner: Mike', '  - Due: Tuesday', '  - Status: Open']);
    });
  });

  describe('recording a statement where entries are headings', () => {
    it('writes a heading and fields like the last one, which reads back as the same work', () => {
      for (const [fields, written] of [
        [['- **Owner:** Mike', '- **Due:** Friday'], ['### Update the runbook', '- **Owner:** Priya', '- **Due:** 2025-03-11']],
        [['Owner: Mike · Due: Friday · Status: Open'], ['### Update the runbook', 'Owner: Priya · Due: 2025-03-11 · Status: Open']],
      ]) {
        const model = analyze(notes('# Sync — 2025-03-10', 'Attendees: Mike Johnson, Priya Shah', '', '[01:00] Priya Shah: I will update the runbook by Tuesday.', '', '## Action items', '', '### Migrate the cron jobs', ...fields, '', '## Notes', 'More.'));
        const said = model.items.find((i) => i.source === 'transcript')!;
        const text = applyEdits(model.text, recordInSummary(model, said.id));
        assert.deepEqual(text.split('\n').slice(8 + fields.length, 8 + fields.length + 1 + written.length), ['', ...written]);
        const reread = analyze(text);
        assert.deepEqual(reread.items.map((i) => `${i.source} ${i.owner?.name}: ${i.task} (${i.due?.date})`), ['summary Mike Johnson: Migrate the cron jobs (2025-03-14)', 'summary Priya Shah: Update the runbook (2025-03-11)']);
      }
    });
  });

  describe('assign an owner', () => {
    it('writes `Name: ` before the task when there is none', () => {
      assert.deepEqual(after(withEntry('- [ ] Update the runbook'), (m, id) => assignOwner(m, id, 'Priya')), ['- [ ] Priya: Update the runbook']);
      assert.deepEqual(after(withEntry('1. Update the runbook'), (m, id) => assignOwner(m, id, 'Priya')), ['1. Priya: Update the runbook']);
      assert.deepEqual(after(withEntry('| Owner | Task |', '|---|---|', '|  | Update the runbook |'), (m, id) => assignOwner(m, id, 'Priya')).pop(), '| Priya | Update the runbook |');
    });
    it('writes the owner as the section’s other entries write theirs', () => {
      const assigned = (...entries: string[]) => {
        const model = withEntry(...entries);
        const unowned = model.items.find((i) => !i.owner)!;
        const text = applyEdits(model.text, assignOwner(model, unowned.id, 'Priya'));
        const reread = analyze(text).items.find((i) => i.span.start === unowned.span.start)!;
        return { line: text.split('\n')[model.lines.positionAt(unowned.span.start).line], reread: `${reread.owner?.name}: ${reread.task} (${reread.due?.text ?? 'no date'})` };
      };
      assert.deepEqual(assigned('- Mike — migrate the cron jobs', '- Update the runbook by Friday'), { line: '- Priya — Update the runbook by Friday', reread: 'Priya Shah: Update the runbook (Friday)' });
      assert.deepEqual(assigned('- Migrate the cron jobs (Mike)', '- Update the runbook by Friday'), { line: '- Update the runbook by Friday (Priya)', reread: 'Priya Shah: Update the runbook (Friday)' });
      assert.deepEqual(assigned('- Migrate the cron jobs → @mike', '- Update the runbook'), { line: '- Update the runbook → @priya', reread: 'Priya Shah: Update the runbook (no date)' });
      assert.deepEqual(assigned('- **Mike:** migrate the cron jobs', '- Update the runbook'), { line: '- **Priya:** Update the runbook', reread: 'Priya Shah: Update the runbook (no date)' });
      // `Mike to migrate…`: the task reads on after the verb, in lower case where it is a plain word.
      assert.deepEqual(assigned('- Mike to migrate the cron jobs', '- Update the runbook'), { line: '- Priya to update the runbook', reread: 'Priya Shah: Update the runbook (no date)' });
      assert.deepEqual(assigned('- Mike will migrate the cron jobs', '- API docs refresh'), { line: '- Priya will API docs refresh', reread: 'Priya Shah: API docs refresh (no date)' });
    });
    it('writes only the owner before an entry of no words, whatever ends its line (fuzz seed 980000025)', () => {
      for (const end of ['\n', '\r\n']) {
        const text = ['## Next steps', 'Overall the team is happy with the pace. Omar will book the capacity review by Friday.', '[x] ', '## Next steps'].join(end);
        const model = analyze(text);
        const empty = model.items.find((i) => !i.task && !i.owner)!;
        assert.deepEqual(applyEdits(text, assignOwner(model, empty.id, 'Priya')).split(end), ['## Next steps', 'Overall the team is happy with the pace. Omar will book the capacity review by Friday.', '[x] Priya will ', '## Next steps'], JSON.stringify(end));
      }
    });
    it('replaces an unknown owner, keeping a handle a handle', () => {
      assert.deepEqual(after(withEntry('- Sam: review the pin'), (m, id) => assignOwner(m, id, 'Tom Bradley')), ['- Tom Bradley: review the pin']);
      assert.deepEqual(after(withEntry('- [ ] @sam review the pin'), (m, id) => assignOwner(m, id, 'Tom Bradley')), ['- [ ] @Tom review the pin']);
    });
  });

  describe('record an uncaptured statement in the summary', () => {
    it('appends to ACTION ITEMS like its neighbours, and the new entry records the statement', () => {
      const model = sample();
      const cleanup = model.items.find((i) => i.source === 'transcript')!;
      const text = applyEdits(model.text, recordInSummary(model, cleanup.id));
      const lines = text.split('\n');
      assert.equal(lines[115], '9. Tom: Run cleanup - Due: 2024-02-04');
      assert.equal(lines.length, model.text.split('\n').length + 1);
      const reread = analyze(text);
      assert.equal(reread.items.filter((i) => i.source === 'transcript').length, 0, 'no longer uncaptured');
      assert.deepEqual(reread.items.find((i) => i.task === 'Run cleanup')!.mentions.map((c) => reread.lines.positionAt(c.span.start).line + 1), [96]);
    });

    it('creates the section where the notes have none, in their style', () => {
      const plain = analyze(notes('Sync - March 10, 2025', 'Attendees: Tom Bradley', '', "[01:00] Tom Bradley: I'll patch the hosts by Friday.", ''));
      const plainText = applyEdits(plain.text, recordInSummary(plain, plain.items[0].id));
      assert.equal(plainText, notes('Sync - March 10, 2025', 'Attendees: Tom Bradley', '', "[01:00] Tom Bradley: I'll patch the hosts by Friday.", '', 'ACTION ITEMS:', '- Tom: Patch the hosts - Due: 2025-03-14', ''));
      assert.equal(analyze(plainText).items.filter((i) => i.source === 'transcript').length, 0);

      const markdown = analyze(notes('# Sync — 2025-03-10', '', '**Tom:** I will patch the hosts tomorrow.'));
      assert.equal(applyEdits(markdown.text, recordInSummary(markdown, markdown.items[0].id)), notes('# Sync — 2025-03-10', '', '**Tom:** I will patch the hosts tomorrow.', '', '## Action Items', '', '- Tom: Patch the hosts - Due: 2025-03-11'));
    });

    it('writes the owner and the date as the section’s entries do, and the new entry reads back as the statement', () => {
      const transcript = ['# Sync — 2025-03-10', 'Attendees: Tom Bradley, Mike Johnson', '', '**Tom:** I will patch the hosts tomorrow.', '', '## Action items'];
      const cases: Array<[entry: string, written: string]> = [
        ['- Mike — migrate the cron jobs by Friday', '- Tom — Patch the hosts by 2025-03-11'],
        ['- Migrate the cron jobs (Mike)', '- Patch the hosts - Due: 2025-03-11 (Tom)'],
        ['- Migrate the cron jobs by Friday — Mike', '- Patch the hosts by 2025-03-11 — Tom'],
        ['- [ ] @mike: migrate the cron jobs', '- [ ] @tom: Patch the hosts - Due: 2025-03-11'],
        ['- [ ] Migrate the cron jobs @mike', '- [ ] Patch the hosts - Due: 2025-03-11 @tom'],
        ['* **Mike**: migrate the cron jobs', '* **Tom**: Patch the hosts - Due: 2025-03-11'],
        ['1. Mike to migrate the cron jobs by Friday', '2. Tom to patch the hosts by 2025-03-11'],
        ['- Mike will migrate the cron jobs', '- Tom will patch the hosts - Due: 2025-03-11'],
        ['- Migrate the cron jobs (owner: Mike)', '- Patch the hosts - Due: 2025-03-11 (owner: Tom)'],
        ['- Migrate the cron jobs', '- Tom: Patch the hosts - Due: 2025-03-11'],
        ['☐ @Mike Johnson - migrate the cron jobs', '☐ @Tom - Patch the hosts - Due: 2025-03-11'],
      ];
      for (const [entry, written] of cases) {
        const model = analyze(notes(...transcript, entry));
        const text = applyEdits(model.text, recordInSummary(model, model.items.find((i) => i.source === 'transcript')!.id));
        assert.equal(text.split('\n').pop(), written, entry);
        const reread = analyze(text).items.map((i) => `${i.source} ${i.owner?.name}: ${i.task} (${i.due?.date})`);
        const first = `summary ${entry.includes('ike') ? 'Mike Johnson' : undefined}: Migrate the cron jobs (${entry.includes('Friday') ? '2025-03-14' : undefined})`;
        assert.deepEqual(reread, [first, 'summary Tom Bradley: Patch the hosts (2025-03-11)'], entry);
      }
    });

    it('adds a row to a table of actions', () => {
      const model = analyze(notes('# Sync — 2025-03-10', 'Attendees: Tom Bradley', '', '**Tom:** I will patch the hosts tomorrow.', '', '## Action items', '| Owner | Task | Due | Status |', '|---|---|---|---|', '| Tom | Ship it | Friday | Open |'));
      const item = model.items.find((i) => i.source === 'transcript')!;
      assert.equal(applyEdits(model.text, recordInSummary(model, item.id)).split('\n').pop(), '| Tom | Patch the hosts | 2025-03-11 | Open |');
    });

    it('adds an uncaptured decision to DECISIONS', () => {
      const model = analyze(notes('# Review — 2025-03-04', '', '**Ana:** Decision: we go hybrid.', '', '## Decisions', '', '- Keep BM25 as the baseline', '', '## Next steps', '- Ana: write it up'));
      const decision = model.decisions.find((d) => d.source === 'transcript')!;
      const lines = applyEdits(model.text, recordInSummary(model, decision.id)).split('\n');
      assert.deepEqual(lines.slice(6, 8), ['- Keep BM25 as the baseline', '- We go hybrid']);
    });

    it('does nothing for an entry that is already in the summary', () => {
      const model = sample();
      assert.deepEqual(recordInSummary(model, model.items.find((i) => i.source === 'summary')!.id), []);
    });

    it('goes after an entry’s nested bullets, not between them', () => {
      const model = analyze(notes('# Sync — 2025-03-10', '', '**Tom:** I will patch the hosts tomorrow.', '', '## Action items', '- Mike: migrate', '  - three jobs left', '', 'Other text'));
      const item = model.items.find((i) => i.source === 'transcript')!;
      assert.deepEqual(applyEdits(model.text, recordInSummary(model, item.id)).split('\n').slice(5, 8), ['- Mike: migrate', '  - three jobs left', '- Tom: Patch the hosts - Due: 2025-03-11']);
    });

    /** The text after recording the first uncaptured item, and what it then reads as. */
    const recorded = (...lines: string[]) => {
      const model = analyze(notes(...lines));
      const item = model.items.find((i) => i.source === 'transcript')!;
      const text = applyEdits(model.text, recordInSummary(model, item.id));
      return { lines: text.split('\n'), items: analyze(text).items.map((i) => `${i.source} ${i.owner?.name}: ${i.task}`) };
    };

    it('records a promise of stop words only (`I\'ll take that`, with no request before it): the entry then records it', () => {
      const { lines, items } = recorded('Attendees: Tom, Ana', '', 'Ana: The deploy script is broken again.', 'Tom: I\'ll take that.');
      assert.deepEqual(lines.slice(-2), ['ACTION ITEMS:', '- Tom: Take that']);
      assert.deepEqual(items, ['summary Tom: Take that']); // no uncaptured commitment left
    });

    it('closes a code block or HTML comment left open at the end before the new section (it would be read as code)', () => {
      for (const [open, close] of [['```', '```'], ['~~~~', '~~~~'], ['<!-- draft', '-->'], ['<pre>', '</pre>']]) {
        const { lines, items } = recorded('Attendees: Tom, Ana', '', 'Tom: I will patch the hosts tomorrow.', '', open, 'left open');
        assert.deepEqual(lines.slice(-5), ['left open', close, '', 'ACTION ITEMS:', '- Tom: Patch the hosts - Due: tomorrow'], open);
        assert.deepEqual(items, ['summary Tom: Patch the hosts'], open);
      }
      const closed = recorded('Attendees: Tom, Ana', '', 'Tom: I will patch the hosts tomorrow.', '', '```', 'code', '```');
      assert.deepEqual(closed.lines.slice(-5), ['code', '```', '', 'ACTION ITEMS:', '- Tom: Patch the hosts - Due: tomorrow']);
    });

    it('keeps the text after a new entry apart from it (a line right after would continue the entry)', () => {
      // A section with no entry yet, the meeting's lines right under its title.
      const under = recorded('Attendees: Tom, Ana', '', '## Action items', '[00:01] Tom: I will patch the hosts tomorrow.', '[00:02] Ana: Thanks.');
      assert.deepEqual(under.lines.slice(-5), ['## Action items', '- Tom: Patch the hosts - Due: tomorrow', '', '[00:01] Tom: I will patch the hosts tomorrow.', '[00:02] Ana: Thanks.']);
      assert.deepEqual(under.items, ['summary Tom: Patch the hosts']);
    });
  });
});
