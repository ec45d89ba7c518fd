import { strict as assert } from 'node:assert';
import { decodeDigest, doneReportsIn, encodeDigest } from '../../server/src/core/digest';
import { applyEdits } from '../../server/src/core/edits';
import { fixesFor } from '../../server/src/core/edits/fixes';
import { findDoneReports } from '../../server/src/core/extract/doneReports';
import { reportCloses } from '../../server/src/core/match/doneWork';
import type { NotesModel } from '../../server/src/core/model';
import { diagnose } from '../../server/src/core/rules';
import { buildSeries } from '../../server/src/core/series';
import { analyze, lineOf, notes } from '../helpers/notes';

/** What a statement reports done, as `verb: work`. */
const reported = (text: string) => findDoneReports(text).map((r) => `${r.verb}: ${r.work}`);

describe('work reported done', () => {
  it('reads finished work from standup lines and first-person past tense', () => {
    assert.deepEqual(reported('Yesterday: finished the refund webhook retries'), ['finished: the refund webhook retries']);
    assert.deepEqual(reported('Yesterday I finished the login screen. Today the settings page.'), ['finished: the login screen']);
    assert.deepEqual(reported('Yesterday, reviewed the PCI checklist'), ['reviewed: the PCI checklist']);
    assert.deepEqual(reported("I've merged the cache fix."), ['merged: the cache fix']);
    assert.deepEqual(reported('Done: wrapped up the audit'), ['wrapped: the audit']);
    assert.deepEqual(reported('We shipped 4.2.1 yesterday.'), ['shipped: 4.2.1']);
    assert.deepEqual(reported('I got the replica ticket done.'), ['done: the replica ticket']);
    assert.deepEqual(reported('The rollback script is merged now.'), ['merged: The rollback script']);
    // With the `I` left out, as people say it and scribes write it (`Raj: merged the cache fix`).
    assert.deepEqual(reported('Merged the cache fix yesterday. Today: the docs.'), ['merged: the cache fix']);
    assert.deepEqual(reported('Quick one. Fixed the flaky login test.'), ['fixed: the flaky login test']);
  });

  it('reads a report said over two lines the same whatever ends them (fuzz seed 980000012)', () => {
    for (const end of ['\n', '\r\n']) {
      assert.deepEqual(findDoneReports(`I rotated the staging${end} certificates on Thursday.`), [
        { verb: 'rotated', work: 'the staging certificates on Thursday', said: 'I rotated the staging certificates on Thursday.' },
      ]);
    }
  });

  it('reads each piece of a list, and a first clause whatever follows it', () => {
    assert.deepEqual(reported('Yesterday: load-tested the retries; wrote the rollback script, but it still needs a review'), ['load-tested: the retries', 'wrote: the rollback script']);
  });

  it('reads nothing from plans, questions, work begun or not done, or talk', () => {
    for (const text of [
      "Today: I'll load-test the retries against staging by Wednesday",
      'Did you finish the docs?',
      "I haven't finished the docs",
      'Yesterday: almost finished the migration',
      'Yesterday: started the migration',
      'Yesterday: worked on the rollback script',
      'I need the dashboard by Friday.',
      'Discussed the rollout with Lena.',
      'Started on the importer, not done yet.',
      'Blockers: none',
    ]) {
      assert.deepEqual(reported(text), [], text);
    }
  });

  it('closes a task when a finishing verb names two of its words, or its own verb in the past does', () => {
    const closes = (verb: string, work: string, task: string) => reportCloses({ verb, work }, task);
    assert.equal(closes('finished', 'the retries against staging', 'Load-test the retries against staging'), true);
    assert.equal(closes('load-tested', 'the retries', 'Load-test the retries against staging'), true);
    assert.equal(closes('reviewed', 'the PCI checklist', 'Review the PCI checklist'), true);
    assert.equal(closes('wrote', 'the rollback script', 'Write the ledger rollback script'), true);
    assert.equal(closes('finished', 'onboarding', 'Onboarding'), true);
    assert.equal(closes('complete', 'The PCI audit', 'Run the PCI audit'), true);
    // One shared word is a passing likeness; another past verb is other work.
    assert.equal(closes('finished', 'the docs', 'Review the API docs'), false);
    assert.equal(closes('paired', 'with Ana on the ledger migration', 'Write the ledger migration plan'), false);
    assert.equal(closes('reviewed', 'the rollback script', 'Write the ledger rollback script'), false);
  });

  it('keeps what a file reports done in its stored digest', () => {
    const model = analyze(notes('# Payments standup — 2025-11-18', 'Attendees: Lena Fischer, Raj Patel', '', '## Lena', '- Yesterday: finished the refund retries', '', '## Raj', '- Yesterday: paired with Ana'), 'a.md');
    const stored = decodeDigest(JSON.parse(JSON.stringify(encodeDigest(model))));
    assert.deepEqual(stored.reports, [
      { meeting: 0, person: 'Lena Fischer', verb: 'finished', work: 'the refund retries', said: 'Yesterday: finished the refund retries' },
      { meeting: 0, person: 'Raj Patel', verb: 'paired', work: 'with Ana', said: 'Yesterday: paired with Ana' },
    ]);
    assert.deepEqual(doneReportsIn(stored, 0), doneReportsIn(model, 0));
  });
});

describe('reported-done', () => {
  const standup = (date: string, ...body: string[]) => notes(`# Payments standup — ${date}`, 'Attendees: Lena Fischer, Raj Patel', '', ...body);

  /** `file:line message` of every reported-done finding when the files are read together (as models, or as stored digests). */
  function findings(files: Record<string, string>, stored = false): string[] {
    const models = Object.entries(files).map(([file, text]) => ({ file, model: analyze(text, file) }));
    const index = buildSeries(models.map(({ file, model }) => ({ file, model: stored ? decodeDigest(JSON.parse(JSON.stringify(encodeDigest(model)))) : model })));
    return models.flatMap(({ file, model }: { file: string; model: NotesModel }) =>
      diagnose(model, { today: '2025-11-19', series: { index, file } })
        .filter((d) => d.code === 'reported-done')
        .map((d) => `${file}:${lineOf(model, d.span.start)} ${d.message}`),
    );
  }

  it('reports an open item its owner said was done in a later meeting of the series, and its quick fix marks it complete', () => {
    const files = {
      'a.md': standup('2025-11-17', '## Lena', "- Today: I'll load-test the retries against staging by Wednesday", '', '## Action items', '- [ ] Raj: write the ledger rollback script (due: Wednesday)'),
      'b.md': standup('2025-11-18', '## Lena', '- Yesterday: load-tested the retries against staging', '', '## Raj', '- Yesterday: wrote the ledger rollback script; it still needs a review'),
    };
    const expected = [
      'a.md:5 "Load-test the retries against staging" (Lena Fischer) is still open here, but Lena Fischer reported it done in Payments standup on Tue, Nov 18 (2025-11-18, b.md): "Yesterday: load-tested the retries against staging". Mark it complete if so',
      'a.md:8 "Write the ledger rollback script" (Raj Patel) is still open here, but Raj Patel reported it done in Payments standup on Tue, Nov 18 (2025-11-18, b.md): "Yesterday: wrote the ledger rollback script; it still needs a review". Mark it complete if so',
    ];
    assert.deepEqual(findings(files), expected);
    assert.deepEqual(findings(files, true), expected, 'the same from the index’s stored digests');

    const sources = Object.entries(files).map(([file, text]) => ({ file, model: analyze(text, file) }));
    const [first] = sources;
    const found = diagnose(first.model, { today: '2025-11-19', series: { index: buildSeries(sources), file: 'a.md' } }).filter((d) => d.code === 'reported-done');
    const fixes = fixesFor(first.model, 'reported-done', found[1].data, '2025-11-19', { today: '2025-11-19', writeDoneDate: true });
    assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [['Mark "Write the ledger rollback script" complete', true]]);
    assert.equal(applyEdits(first.model.text, fixes[0].edits).split('\n')[7], '- [x] Raj: write the ledger rollback script (due: Wednesday) ✅ 2025-11-19');
  });

  it('says nothing of reports by someone else, in an earlier or the same meeting, or of work a later meeting lists again', () => {
    assert.deepEqual(
      findings({
        'a.md': standup('2025-11-17', '## Lena', '- Yesterday: wrote the ledger rollback script', '', '## Action items', '- [ ] Raj: write the ledger rollback script (due: Wednesday)'),
        'b.md': standup('2025-11-18', '## Raj', '- Yesterday: paired with Lena on the ledger migration'),
      }),
      [],
    );
    assert.deepEqual(findings({ 'a.md': standup('2025-11-17', '## Raj', '- Yesterday: wrote the ledger rollback script', '', '## Action items', '- [ ] Raj: write the ledger rollback script') }), []);
    assert.deepEqual(
      findings({
        'a.md': standup('2025-11-17', '## Action items', '- [ ] Raj: write the ledger rollback script'),
        'b.md': standup('2025-11-18', '## Raj', '- Yesterday: wrote the ledger rollback script', '', '## Action items', '- [ ] Raj: write the ledger rollback script'),
      }).map((f) => f.split(' ')[0]),
      [],
      'b.md lists it open again after the report: the latest entry tells',
    );
  });

  it('reads a report with the `I` left out, as a scribe writes it (`Raj: merged the cache fix`, a line under `## Raj`)', () => {
    const files = {
      'a.md': standup('2025-11-17', '## Action items', '- [ ] Raj: merge the cache fix', '- [ ] Lena: fix the flaky login test', '- [ ] Raj: write the runbook'),
      'b.md': standup('2025-11-18', 'Raj: merged the cache fix yesterday', '', '## Lena', '- Fixed the flaky login test.', '- Discussed the runbook with Raj.'),
    };
    assert.deepEqual(findings(files).map((f) => f.split(' ').slice(0, 2).join(' ')), ['a.md:5 "Merge', 'a.md:6 "Fix']);
  });

  it('reads a report the notes write in the third person (`Raj merged the cache fix`) as that person’s', () => {
    const files = {
      'a.md': standup('2025-11-17', '## Action items', '- [ ] Raj: merge the cache fix', '- [ ] Lena: finish the refund retries', '- [ ] Raj: write the runbook'),
      'b.md': standup('2025-11-18', '## Notes', '- Raj merged the cache fix yesterday.', '- Lena has finished the refund retries', '- Raj discussed the runbook with Lena.', '- Zed wrote the runbook.'),
    };
    assert.deepEqual(findings(files).map((f) => f.split(' ').slice(0, 2).join(' ')), ['a.md:5 "Merge', 'a.md:6 "Finish']);
    const model = analyze(files['b.md'], 'b.md');
    assert.deepEqual(model.statements.map((s) => `${s.speaker?.name}: ${s.text}`), ['Raj Patel: merged the cache fix yesterday.', 'Lena Fischer: finished the refund retries']);
    // The writer speaking for themselves on the line: not Raj's words (`I'll` would be his promise).
    const writer = analyze(standup('2025-11-18', '- Raj merged the cache fix; I’ll follow up with support by Friday.'), 'c.md');
    assert.deepEqual([writer.statements.length, writer.items.length], [0, 0]);
  });

  it('reads a report of the owner’s work by someone else when it names the work as theirs (`merged Raj’s rollback script`)', () => {
    const files = {
      'a.md': standup('2025-11-17', '## Action items', '- [ ] Raj: write the ledger rollback script', '- [ ] Lena: fix the flaky login test'),
      'b.md': standup('2025-11-18', "Lena: merged Raj's ledger rollback script yesterday.", "Raj: Lena's flaky login test is fixed now."),
    };
    const expected = [
      'a.md:5 "Write the ledger rollback script" (Raj Patel) is still open here, but Lena Fischer reported it done in Payments standup on Tue, Nov 18 (2025-11-18, b.md): "merged Raj\'s ledger rollback script yesterday.". Mark it complete if so',
      'a.md:6 "Fix the flaky login test" (Lena Fischer) is still open here, but Raj Patel reported it done in Payments standup on Tue, Nov 18 (2025-11-18, b.md): "Lena\'s flaky login test is fixed now.". Mark it complete if so',
    ];
    assert.deepEqual(findings(files), expected);
    assert.deepEqual(findings(files, true), expected, 'the same from the index’s stored digests');
    // Someone else's work that is not the owner's closes nothing.
    assert.deepEqual(findings({ ...files, 'b.md': standup('2025-11-18', "Lena: merged Ana's ledger rollback script yesterday.") }), []);
  });

  it('reads a report in another meeting near the file, on a later day: a daily standup closes what a weekly gave', () => {
    const weekly = (date: string, ...body: string[]) => notes(`# Platform weekly — ${date}`, 'Attendees: Lena Fischer, Raj Patel', '', ...body);
    const files = {
      'notes/weekly/2025-11-14.md': weekly('2025-11-14', '## Action items', '- [ ] Raj: write the ledger rollback script', '- [ ] Lena: fix the flaky login test', '- [ ] Raj: merge the cache fix'),
      'notes/standups/2025-11-14.md': standup('2025-11-14', 'Raj: merged the cache fix this morning.'),
      'notes/standups/2025-11-17.md': standup('2025-11-17', 'Raj: Yesterday I wrote the ledger rollback script.'),
      'other-team/standups/2025-11-18.md': standup('2025-11-18', 'Lena: fixed the flaky login test.'),
    };
    assert.deepEqual(findings(files), [
      'notes/weekly/2025-11-14.md:5 "Write the ledger rollback script" (Raj Patel) is still open here, but Raj Patel reported it done in Payments standup on Mon, Nov 17 (2025-11-17, 2025-11-17.md): "Yesterday I wrote the ledger rollback script.". Mark it complete if so',
    ]);
    assert.deepEqual(findings(files, true).map((f) => f.split(' ')[0]), ['notes/weekly/2025-11-14.md:5'], 'the same from the index’s stored digests');
    // Another team's notes (not under the folder above this one's) and the same day's meetings say nothing: `merge the cache fix` and Lena's item stay open.
    // A later weekly that lists the work again open tells how it stands after the report.
    const again = { ...files, 'notes/weekly/2025-11-21.md': weekly('2025-11-21', '## Action items', '- [ ] Raj: write the ledger rollback script') };
    assert.deepEqual(findings(again), []);
  });

  it('follows a report taken back in an edit of the file beside (the index after a keystroke is made from the one before)', () => {
    const weekly = { file: 'notes/weekly/2025-11-14.md', model: analyze(notes('# Platform weekly — 2025-11-14', 'Attendees: Raj Patel', '', '## Action items', '- [ ] Raj: write the ledger rollback script'), 'w.md') };
    const call = (said: string) => ({ file: 'notes/calls/2025-11-17.md', model: analyze(notes('# Call — 2025-11-17', 'Attendees: Raj Patel', '', `[00:01] Raj Patel: ${said}`), 'c.md') });
    const first = buildSeries([weekly, call('Yesterday I wrote the ledger rollback script.')]);
    const done = (index: ReturnType<typeof buildSeries>) => diagnose(weekly.model, { today: '2025-11-19', series: { index, file: weekly.file } }).filter((d) => d.code === 'reported-done').length;
    assert.equal(done(first), 1);
    const edited = buildSeries([weekly, call('Today I will write the ledger rollback script.')], first);
    assert.equal(done(edited), 0);
    assert.equal(done(buildSeries([weekly, call('Yesterday I wrote the ledger rollback script, finally.')], edited)), 1);
  });

  it('reads the reports of a long transcript beside the file when asked (an open document’s, not kept at every keystroke)', () => {
    const chatter = Array.from({ length: 1200 }, (_, i) => `[00:${String(i % 60).padStart(2, '0')}] Lena Fischer: Noted, thanks.`);
    const files = {
      'notes/weekly/2025-11-14.md': notes('# Platform weekly — 2025-11-14', 'Attendees: Lena Fischer, Raj Patel', '', '## Action items', '- [ ] Raj: write the ledger rollback script'),
      'notes/calls/2025-11-17-incident-call.md': notes('# Incident call — 2025-11-17', 'Attendees: Lena Fischer, Raj Patel', '', ...chatter, '[01:00] Raj Patel: Yesterday I wrote the ledger rollback script.'),
    };
    assert.equal(analyze(files['notes/calls/2025-11-17-incident-call.md'], 'c.md').statements.length, 1201);
    assert.deepEqual(findings(files).map((f) => f.split(' ')[0]), ['notes/weekly/2025-11-14.md:5']);
    // Typed in: each index is made from the one before, and reads the transcript as it is now.
    const weekly = { file: 'notes/weekly/2025-11-14.md', model: analyze(files['notes/weekly/2025-11-14.md'], 'w.md') };
    const call = (text: string) => ({ file: 'notes/calls/2025-11-17-incident-call.md', model: analyze(text, 'c.md') });
    const done = (index: ReturnType<typeof buildSeries>) => diagnose(weekly.model, { today: '2025-11-19', series: { index, file: weekly.file } }).filter((d) => d.code === 'reported-done').length;
    const first = buildSeries([weekly, call(files['notes/calls/2025-11-17-incident-call.md'])]);
    assert.equal(done(first), 1);
    const takenBack = buildSeries([weekly, call(files['notes/calls/2025-11-17-incident-call.md'].replace('Yesterday I wrote', 'Today I will write'))], first);
    assert.equal(done(takenBack), 0);
  });

  it('closes an item people share when one of them reports it done', () => {
    const files = {
      'a.md': standup('2025-11-17', '## Action items', '- [ ] Raj & Lena: write the ledger rollback script'),
      'b.md': standup('2025-11-18', 'Lena: Yesterday I wrote the ledger rollback script.'),
    };
    assert.deepEqual(findings(files).map((f) => f.split(' ').slice(0, 2).join(' ')), ['a.md:5 "Write']);
  });

  it('reads a running log’s later meetings as well', () => {
    const log = notes('# Payments log', '', '## 2025-11-17', 'Attendees: Lena Fischer', '- [ ] Lena: finish the refund retries', '', '## 2025-11-18', 'Attendees: Lena Fischer', '', 'Lena: Yesterday I finished the refund retries.');
    assert.deepEqual(findings({ 'log.md': log }).map((f) => f.split(' ')[0]), ['log.md:5']);
  });
});
