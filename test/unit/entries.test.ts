import { strict as assert } from 'node:assert';
import { applyEdits, markComplete, recordInSummary, setDueDate } from '../../server/src/core/edits';
import { diagnose } from '../../server/src/core/rules';
import { analyze, itemLine, notes, onlyItem } from '../helpers/notes';

/** Notes with attendees and one ACTION ITEMS section holding the given entry lines. */
function actionItems(...entries: string[]) {
  return analyze(notes('# Sync — 2025-03-10', 'Attendees: Mike Johnson, Priya Shah, Jonas Weber, Wei Zhang', '', '## Action items', '', ...entries));
}
/** Each item as a line: kind, source, owner, task, due date, status. */
const itemLines = (model: ReturnType<typeof analyze>) => model.items.map((i) => itemLine(model, i).replace(/^\d+ /, ''));
const read = (...entries: string[]) => itemLines(actionItems(...entries));

describe('summary entries in every shape', () => {
  it('reads `Owner: task - Due: date`, numbered or bulleted', () => {
    assert.deepEqual(read('1. Mike: Test Redis connection pool optimizations - Due: Tomorrow', '* Priya: File the rollback PR - Due: Friday'), [
      'action summary Mike Johnson | Test Redis connection pool optimizations | Tomorrow=2025-03-11 | open',
      'action summary Priya Shah | File the rollback PR | Friday=2025-03-14 | open',
    ]);
  });

  it('reads `Owner: task by date` and `Name to task by date`', () => {
    assert.deepEqual(read('- Tom: WebSocket infrastructure by February 3', '- Wei to split the epic into stories by Wednesday'), [
      'action summary Tom | WebSocket infrastructure | February 3=2025-02-03 | open',
      'action summary Wei Zhang | Split the epic into stories | Wednesday=2025-03-12 | open',
    ]);
  });

  it('reads checkboxes with @handles, bracketed due dates and done dates', () => {
    assert.deepEqual(read('- [ ] @Jonas investigate remote cache hit rate (due: 2025-03-12)', '- [x] Priya: file the rollback PR - Due: 2025-03-10 ✅ 2025-03-10'), [
      'action summary Jonas Weber | Investigate remote cache hit rate | 2025-03-12=2025-03-12 | open',
      'action summary Priya Shah | File the rollback PR | 2025-03-10=2025-03-10 | done',
    ]);
    const done = actionItems('- [x] Priya: file the rollback PR - Due: 2025-03-10 ✅ 2025-03-10').items[0];
    assert.equal(done.doneDate, '2025-03-10');
  });

  it('reads an entry with no owner at all', () => {
    assert.deepEqual(read('- Update the runbook for cache outages'), ['action summary - | Update the runbook for cache outages | - | open']);
  });

  it('reads struck-through entries and status words as done', () => {
    assert.deepEqual(read('- ~~Mike: migrate the cron jobs~~', '- Priya: rotate the keys - Done', '- Jonas: fix flaky test (done)', '- Wei: get the thing done'), [
      'action summary Mike Johnson | Migrate the cron jobs | - | done',
      'action summary Priya Shah | Rotate the keys | - | done',
      'action summary Jonas Weber | Fix flaky test | - | done',
      'action summary Wei Zhang | Get the thing done | - | open',
    ]);
  });

  it('reads a table by its column names, whatever their order', () => {
    assert.deepEqual(
      read('| Due | Task | Status | Owner |', '|---|---|---|---|', '| 2025-03-12 | Write the load test | Open | Jonas |', '| Friday | Ship it | closed | @priya |', '| | Update the docs | | |'),
      [
        'action summary Jonas Weber | Write the load test | 2025-03-12=2025-03-12 | open',
        'action summary Priya Shah | Ship it | Friday=2025-03-14 | done',
        'action summary - | Update the docs | - | open',
      ],
    );
  });

  it('reads an Owner cell that only holds its place (`—`, `n/a`) as no owner, and one of several people as a group', () => {
    const model = actionItems('| What | Who | When |', '|---|---|---|', '| Decide on SSO | — | TBD |', '| Plan the offsite | n/a | Friday |', '| Negotiate the renewal | Mike, Priya | Friday |', '| Book the venue | Mike, Priya and Wei | Friday |');
    assert.deepEqual(itemLines(model), [
      'action summary - | Decide on SSO | TBD=vague | open',
      'action summary - | Plan the offsite | Friday=2025-03-14 | open',
      'action summary Mike, Priya | Negotiate the renewal | Friday=2025-03-14 | open',
      'action summary Mike, Priya and Wei | Book the venue | Friday=2025-03-14 | open',
    ]);
    assert.deepEqual(diagnose(model, { today: '2025-03-12' }).map((d) => d.code).filter((c) => c.endsWith('owner')), ['missing-owner', 'missing-owner']);
  });

  it('reads a Status cell of a check mark as done, with or without words after it', () => {
    assert.deepEqual(
      read('| Owner | Task | Status |', '|---|---|---|', '| Mike | Ship it | ✅ |', '| Priya | File the PR | ✅ done |', '| Jonas | Load test | ✔️ |', '| Wei | Split the epic | ✓ merged |', '| Mike | Book the room | Xtra work |'),
      [
        'action summary Mike Johnson | Ship it | - | done',
        'action summary Priya Shah | File the PR | - | done',
        'action summary Jonas Weber | Load test | - | done',
        'action summary Wei Zhang | Split the epic | - | done',
        'action summary Mike Johnson | Book the room | - | open',
      ],
    );
  });

  it('reads plain lines in a section that has no list', () => {
    assert.deepEqual(read('Mike to send the notes by Friday', 'Priya: book the room'), [
      'action summary Mike Johnson | Send the notes | Friday=2025-03-14 | open',
      'action summary Priya Shah | Book the room | - | open',
    ]);
  });

  it('reads lines opened by a bullet (`•`, `◦`), as list items come out of rich-text editors and Otter in plain text, under a section name with or without a colon', () => {
    const model = analyze(notes('Sync 2025-03-10', 'Attendees: Mike Johnson, Priya Shah', '', 'Action Items', '• Mike to send the notes by Friday', '    ◦ the Q3 numbers too', '• [ ] Priya: book the room', '◦ Priya - order lunch'));
    assert.deepEqual(itemLines(model), [
      'action summary Mike Johnson | Send the notes | Friday=2025-03-14 | open',
      'action summary Priya Shah | Book the room | - | open',
      'action summary Priya Shah | Order lunch | - | open',
    ]);
    // Recording a statement there writes a line like the others; completing one checks its box.
    const said = analyze(notes('Sync 2025-03-10', '', '[01:00] Tom Bradley: I will patch the hosts tomorrow.', '', 'ACTION ITEMS:', '• Mike Johnson - rotate the keys'));
    assert.deepEqual(itemLines(said).map((line) => line.split(' | ').slice(0, 2).join(' | ')), ['commitment transcript Tom Bradley | Patch the hosts', 'action summary Mike Johnson | Rotate the keys']);
    const recorded = applyEdits(said.text, recordInSummary(said, said.items[0].id));
    assert.deepEqual(recorded.split('\n').slice(5), ['• Mike Johnson - rotate the keys', '• Tom Bradley - Patch the hosts - Due: 2025-03-11']);
    const done = applyEdits(model.text, markComplete(model, model.items[1].id, { today: '2025-03-12', writeDoneDate: true }));
    assert.equal(done.split('\n')[6], '• [x] Priya: book the room ✅ 2025-03-12');
  });

  it('reads no entry from remarks among plain lines (`Thanks everyone!`), and a line that opens with one from the task after it', () => {
    assert.deepEqual(read('Overall the team is happy with progress. Mike will send the notes by Friday.', 'Priya: book the room', 'In summary, a good week.', 'Thanks everyone!'), [
      'action summary Mike Johnson | Send the notes | Friday=2025-03-14 | open',
      'action summary Priya Shah | Book the room | - | open',
    ]);
    // A remark's first word with an owner or a date is a task; so is any line with a box, and a word that only starts like one.
    assert.deepEqual(read('Overall budget review by Friday', '[ ] Thanks card for Wei', 'Thanksgiving rota for the on-call'), [
      'action summary - | Overall budget review | Friday=2025-03-14 | open',
      'action summary - | Thanks card for Wei | - | open',
      'action summary - | Thanksgiving rota for the on-call | - | open',
    ]);
  });

  it('reads action items on the lines under a name of their own as that person\'s, as Fireflies writes them, without the time they were said', () => {
    const model = analyze(
      notes('# Backend weekly', 'Date: 2025-03-10', 'Participants: Mike Johnson, Priya Shah', '', '## Action items', '', '**Mike Johnson**', 'Test the Redis pool by Friday (04:12)', 'Write the load test (12:40)', '', '**Priya Shah**', 'File the rollback PR [00:08:55]', 'Mike Johnson:', 'Book the room'),
    );
    assert.deepEqual(itemLines(model), [
      'action summary Mike Johnson | Test the Redis pool | Friday=2025-03-14 | open',
      'action summary Mike Johnson | Write the load test | - | open',
      'action summary Priya Shah | File the rollback PR | - | open',
      'action summary Mike Johnson | Book the room | - | open',
    ]);
  });

  it('reads follow-up tasks as Teams recaps write them: a topic before a colon, the owner closing the entry after its due date', () => {
    assert.deepEqual(read('- **Cache pool**: Test the Redis pool by Wednesday. (Mike Johnson)', '- Runbook: update it for the new runners (Priya)', '- Docs: update the runbook', '- Wei: close the epic (Priya)'), [
      'action summary Mike Johnson | Cache pool: Test the Redis pool | Wednesday=2025-03-12 | open',
      'action summary Priya Shah | Runbook: update it for the new runners | - | open',
      'action summary - | Docs: update the runbook | - | open',
      'action summary Wei Zhang | Close the epic (Priya) | - | open',
    ]);
  });

  it('reads a sub-heading with lines of fields right under it as an entry, and sub-headings that only group entries as none', () => {
    const model = actionItems('### Migrate the release pipeline', '- **Owner:** Mike', '- **Due:** Mar 19', '', '### Update the runbook', 'Owner: Priya · Due: Friday · Status: done ✅ 2025-03-12', '', '### Backend', '- Wei: close the epic', '', '### Review the budget', 'We went over it.', '', '### Sprint 12', '- Status: on track');
    assert.deepEqual(itemLines(model), [
      'action summary Mike Johnson | Migrate the release pipeline | Mar 19=2025-03-19 | open',
      'action summary Priya Shah | Update the runbook | Friday=2025-03-14 | done',
      'action summary Wei Zhang | Close the epic | - | open',
    ]);
    assert.equal(model.items[1].doneDate, '2025-03-12');
    // A bullet of fields alone names no work either.
    assert.deepEqual(read('- Mike: migrate the cron jobs', '- Status: on track', '- Due: Friday'), ['action summary Mike Johnson | Migrate the cron jobs | - | open']);
  });

  it('reads lines opened by a ballot box as rich-text editors copy checklists (`☐`, `☑`, `☒`), and a mention of a whole name (`@Mike Johnson`)', () => {
    assert.deepEqual(read('☐ Mike Johnson: Investigate duplicate webhooks by Wednesday', '☑ Priya: Rotate the PSP key', '☒ Wei to close the epic', '☐ @Jonas Weber - update the runbook'), [
      'action summary Mike Johnson | Investigate duplicate webhooks | Wednesday=2025-03-12 | open',
      'action summary Priya Shah | Rotate the PSP key | - | done',
      'action summary Wei Zhang | Close the epic | - | done',
      'action summary Jonas Weber | Update the runbook | - | open',
    ]);
    // A handle before a word that does not complete an attendee's name stays a handle.
    assert.deepEqual(read('- @Mike Review the PR', '- @Priya Shahs draft'), ['action summary Mike Johnson | Review the PR | - | open', 'action summary Priya Shah | Shahs draft | - | open']);
  });

  it('takes no line without a word for an entry (a broken table rule)', () => {
    assert.deepEqual(read('Mike to send the notes by Friday', '|-------|-', 'Priya: book the room'), [
      'action summary Mike Johnson | Send the notes | Friday=2025-03-14 | open',
      'action summary Priya Shah | Book the room | - | open',
    ]);
  });

  it('reads a full name closing an entry, in brackets or after a dash, as its owner where the notes list no attendees (as meeting recaps write them)', () => {
    const model = analyze(notes('# Meeting recap: Q4 planning', 'Date: 2025-03-10', '', '## Follow-up tasks', '- Review the budget draft (Alice Smith)', '- Update the hiring plan by Friday — Carla Diaz', '- Talk to the vendor (Acme)', '- Migrate the cron jobs - Friday'));
    assert.deepEqual(itemLines(model), [
      'action summary Alice Smith | Review the budget draft | - | open',
      'action summary Carla Diaz | Update the hiring plan | Friday=2025-03-14 | open',
      'action summary - | Talk to the vendor (Acme) | - | open',
      'action summary - | Migrate the cron jobs | Friday=2025-03-14 | open',
    ]);
    // So is a mention's display name as Notion writes it (`@Maya Chen Send…`), a first and a last name, not a verb after a first name.
    assert.deepEqual(itemLines(analyze(notes('# Weekly sync', 'Date: 2025-03-10', '', '## Action items', '- [ ] @Maya Chen Send the deck by Friday', '- [ ] @Maya Fix the login bug'))), [
      'action summary Maya Chen | Send the deck | Friday=2025-03-14 | open',
      'action summary Maya | Fix the login bug | - | open',
    ]);
    // Before a task in lower case, whoever is named: Confluence writes mentions so.
    assert.deepEqual(read('- [ ] @Ana Costa book the room'), ['action summary Ana Costa | Book the room | - | open']);
    // So is a full name opening an entry before a dash (`Leo Park - update the runbook`, as Otter writes action items), not a word alone.
    assert.deepEqual(itemLines(analyze(notes('# Recap', 'Date: 2025-03-10', '', '## Action items', '- Leo Park - update the runbook', '- Docs - update the wiki'))), [
      'action summary Leo Park | Update the runbook | - | open',
      'action summary - | Docs - update the wiki | - | open',
    ]);
    // Where the notes list attendees, a name that is none of theirs stays in the task.
    assert.deepEqual(read('- Review the budget draft (Alice Smith)'), ['action summary - | Review the budget draft (Alice Smith) | - | open']);
  });

  it('reads two people named together as the owners of the work (`Mike and Priya will …`), or a group (`The group will …`), never an unknown owner', () => {
    const model = actionItems('- Mike and Priya will pair on the migration', '- Wei and Jonas: review the ADR by Friday', '- The group will review the staging costs by Friday', '- Mike Johnson and Priya Shah to pair on the rollback plan by Friday');
    assert.deepEqual(itemLines(model), [
      'action summary Mike and Priya | Pair on the migration | - | open',
      'action summary Wei and Jonas | Review the ADR | Friday=2025-03-14 | open',
      'action summary The group | Review the staging costs | Friday=2025-03-14 | open',
      'action summary Mike Johnson and Priya Shah | Pair on the rollback plan | Friday=2025-03-14 | open',
    ]);
    assert.deepEqual(diagnose(model, { today: '2025-03-12' }).map((d) => d.code), ['missing-due-date', 'due-soon', 'due-soon', 'due-soon']);
  });

  it('takes capitalised task openers for tasks, not owners', () => {
    assert.deepEqual(read('- Need to update the runbook', '- Remember to rotate keys by Friday', '- Note: the CDN contract renews in May'), [
      'action summary - | Need to update the runbook | - | open',
      'action summary - | Remember to rotate keys | Friday=2025-03-14 | open',
      'action summary - | Note: the CDN contract renews in May | - | open',
    ]);
  });

  it('reads a trailing owner in brackets or after a dash when it is an attendee', () => {
    assert.deepEqual(read('- Update the dashboards (@wei)', '- Rotate the keys - Priya Shah'), [
      'action summary Wei Zhang | Update the dashboards | - | open',
      'action summary Priya Shah | Rotate the keys | - | open',
    ]);
  });

  it('reads `Name will task` and the other verbs after a name as the owner, not as part of the task', () => {
    assert.deepEqual(read('- Wei will split the epic', '- Priya needs to file the rollback PR by Friday', '- Jonas is going to update the runbook'), [
      'action summary Wei Zhang | Split the epic | - | open',
      'action summary Priya Shah | File the rollback PR | Friday=2025-03-14 | open',
      'action summary Jonas Weber | Update the runbook | - | open',
    ]);
  });

  it('reads a due date before a trailing owner after an arrow or as a handle', () => {
    assert.deepEqual(read('- Rotate the keys by 2025-03-14 → Priya', '- Split the epic by Friday @wei', '- Update the runbook - Due: Friday @jonas', '- File the PR - Due: Friday -> Mike'), [
      'action summary Priya Shah | Rotate the keys | 2025-03-14=2025-03-14 | open',
      'action summary Wei Zhang | Split the epic | Friday=2025-03-14 | open',
      'action summary Jonas Weber | Update the runbook | Friday=2025-03-14 | open',
      'action summary Mike Johnson | File the PR | Friday=2025-03-14 | open',
    ]);
  });

  it('reads a leading owner set off by a dash, and a trailing one after an arrow, when it is an attendee', () => {
    assert.deepEqual(read('- Mike — migrate the cron jobs', '- Priya Shah - file the rollback PR - Due: Friday', '- Wei – split the epic', '- On-call handbook → Jonas, end of month', '- Rotate the keys -> @priya'), [
      'action summary Mike Johnson | Migrate the cron jobs | - | open',
      'action summary Priya Shah | File the rollback PR | Friday=2025-03-14 | open',
      'action summary Wei Zhang | Split the epic | - | open',
      'action summary Jonas Weber | On-call handbook | end of month=2025-03-31 | open',
      'action summary Priya Shah | Rotate the keys | - | open',
    ]);
    assert.deepEqual(read('- Mike → migrate the cron jobs', '- Priya -> file the rollback PR'), ['action summary Mike Johnson | Migrate the cron jobs | - | open', 'action summary Priya Shah | File the rollback PR | - | open']);
    // A word before a dash that names nobody at the meeting is part of the task.
    assert.deepEqual(read('- Docs — update the runbook', '- Dana - talk to the vendor'), ['action summary - | Docs — update the runbook | - | open', 'action summary - | Dana - talk to the vendor | - | open']);
  });

  it('reads a closing date in brackets, with or without `by`', () => {
    assert.deepEqual(read('- Mike: add a second consumer (Wed)', '- Priya: file the PR (by Friday)', '- Jonas: load test [Mar 14]', '- Wei: vendor call (ASAP)', '- Mike: read the RFC (the long one)', '- Priya: plan Q2 (March)'), [
      'action summary Mike Johnson | Add a second consumer | Wed=2025-03-12 | open',
      'action summary Priya Shah | File the PR | Friday=2025-03-14 | open',
      'action summary Jonas Weber | Load test | Mar 14=2025-03-14 | open',
      'action summary Wei Zhang | Vendor call | ASAP=vague | open',
      'action summary Mike Johnson | Read the RFC (the long one) | - | open',
      'action summary Priya Shah | Plan Q2 (March) | - | open',
    ]);
  });

  it('reads an owner or a due date written as a field under the entry (`- Owner: Mike`, `- **Due:** Friday`)', () => {
    const model = actionItems('1. Migrate the cron jobs', '   - Owner: Mike', '   - **Due:** Friday', '   - three jobs are left', '2. Write the runbook', '   - Owner: @priya', '3. Wei: plan Q2 - Due: 2025-03-12', '   - Owner: Mike', '   - Due: Friday', '4. Ship it', '   - Owner: the platform team and whoever is free');
    assert.deepEqual(itemLines(model), [
      'action summary Mike Johnson | Migrate the cron jobs | Friday=2025-03-14 | open',
      'action summary Priya Shah | Write the runbook | - | open',
      // The entry's own owner and date come first.
      'action summary Wei Zhang | Plan Q2 | 2025-03-12=2025-03-12 | open',
      'action summary - | Ship it | - | open',
    ]);
    // The due date's place is the field's: setting it writes there.
    const due = model.items[0].due!;
    assert.equal(model.text.slice(due.span.start, due.span.end), 'Friday');
    assert.equal(applyEdits(model.text, setDueDate(model, model.items[0].id, '2025-03-20')).split('\n').find((l) => l.includes('Due:')), '   - **Due:** 2025-03-20');
  });

  it('keeps details in nested bullets out of the items, but nested checkboxes in', () => {
    assert.deepEqual(read('- Mike: migrate the cron jobs', '  - three jobs are left', '  - [ ] Priya: review the last one'), [
      'action summary Mike Johnson | Migrate the cron jobs | - | open',
      'action summary Priya Shah | Review the last one | - | open',
    ]);
  });

  it('reads an owner whose name is wrapped over a line break the same whatever the line ends (`Wei`, `Zhang to …`)', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const model = analyze(notes('# Sync — 2025-03-10', 'Attendees: Wei Zhang, Priya Shah', '', '## Action items', '', '- [ ] Wei', '  Zhang to split the epic by Wednesday').replace(/\n/g, eol));
      assert.deepEqual(model.items.map((i) => `${i.owner?.name} | ${i.task} | ${i.due?.date}`), ['Wei Zhang | Split the epic | 2025-03-12'], JSON.stringify(eol));
    }
  });

  it('reads an entry wrapped over two lines as one', () => {
    const item = onlyItem(actionItems('- Mike: migrate the remaining cron jobs to the', '  new scheduler - Due: Friday'));
    assert.equal(item.task, 'Migrate the remaining cron jobs to the new scheduler');
    assert.equal(item.due?.date, '2025-03-14');
  });

  it('reads header lines in any case, bold or with a colon, with the names of the format', () => {
    for (const header of ['ACTION ITEMS:', 'Next steps:', '**To do**', 'TODO:', 'Follow-ups:', '**Actions:**', 'New action items:', '## Follow-up tasks', 'Next actions:', '### To-do list', '## Suggested next steps']) {
      const model = analyze(notes('Sync - 2025-03-10', '', header, '- Mike: book the room'));
      assert.equal(model.sections[0]?.kind, 'actions', header);
      assert.equal(model.items.length, 1, header);
    }
    assert.equal(analyze(notes('## Key decisions', '- Ship it')).decisions.length, 1);
    assert.equal(analyze(notes('COMMITMENTS:', '- Tom: ship it by Friday')).items[0].kind, 'commitment');
  });

  it('reads a section name alone on a line, without a colon, when a list follows it', () => {
    for (const header of ['Next steps', 'ACTION ITEMS', 'Follow-ups', '**Action items**']) {
      const model = analyze(notes('Sync - 2025-03-10', '', header, '- Mike: book the room', '- Priya to file the PR by Friday'));
      assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task}`), ['Mike: Book the room', 'Priya: File the PR'], header);
    }
    const decided = analyze(notes('Sync - 2025-03-10', '', 'Decisions', '1. Keep Postgres 15'));
    assert.deepEqual(decided.decisions.map((d) => d.text), ['Keep Postgres 15']);
    // Prose that merely mentions the words is no section, nor is the name with prose after it.
    assert.equal(analyze(notes('Sync - 2025-03-10', '', 'We went through the action items.', '- Mike: book the room')).items.length, 0);
    assert.equal(analyze(notes('Sync - 2025-03-10', '', 'Next steps', '', 'were not discussed.', '', '- Mike: book the room')).items.length, 0);
  });

  it('reads a section name alone on a line when lines opened by a box follow it, right under it or after a blank line (as Google Meet writes suggested next steps)', () => {
    for (const blank of [[], ['']]) {
      const model = analyze(notes('Sync - 2025-03-10', '', 'Suggested next steps', ...blank, '[ ] Mike Johnson will book the room by Friday.', '[ ] Priya Shah will file the PR.'));
      assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task} (${i.due?.date ?? '-'})`), ['Mike Johnson: Book the room (2025-03-14)', 'Priya Shah: File the PR (-)'], `${blank.length} blank line`);
    }
    // Not within a section of plain lines: marking the line below complete writes its box, and would turn an entry into a header (fuzz seed 975000006).
    for (const blank of [[], ['']]) {
      const model = analyze(notes('Sync - 2025-03-10', '', 'COMMITMENTS:', 'TODO', ...blank, '**Tom Bradley:** I will fix the flaky test by Friday'));
      const completed = analyze(applyEdits(model.text, markComplete(model, model.items[1].id, { today: '2025-03-12', writeDoneDate: false })));
      assert.deepEqual(completed.items.map((i) => `${i.id === model.items.find((m) => m.task === i.task)?.id} ${i.kind} ${i.task} ${i.status}`), ['true commitment TODO open', 'true commitment I will fix the flaky test done'], `${blank.length} blank line`);
    }
  });

  it('reads a closing due value set off by a dash (or a slash or a bar), vague or not', () => {
    assert.deepEqual(read('1) Dana: talk to the vendor about the SLA — ASAP', '2) Kenji: rotate the keys - next sprint', '3) Mike: book the room – Friday', '4) Wei: the check-in - out flow', '5) Wei: fix the alerts / Friday', '6) Mike: move CI / CD to the new runners', '7) Priya: renew the certs | TBD'), [
      'action summary Dana | Talk to the vendor about the SLA | ASAP=vague | open',
      'action summary Kenji | Rotate the keys | next sprint=vague | open',
      'action summary Mike Johnson | Book the room | Friday=2025-03-14 | open',
      'action summary Wei Zhang | The check-in - out flow | - | open',
      'action summary Wei Zhang | Fix the alerts | Friday=2025-03-14 | open',
      'action summary Mike Johnson | Move CI / CD to the new runners | - | open',
      'action summary Priya Shah | Renew the certs | TBD=vague | open',
    ]);
    // The separator before the value, not a dash or slash inside the date; an owner set off before it.
    assert.deepEqual(read('- Review the Q1 budget - Priya - 2025-03-20', '- Fix the alerts / 3/20', '- Update the runbook (Wei, by Wed)'), [
      'action summary Priya Shah | Review the Q1 budget | 2025-03-20=2025-03-20 | open',
      'action summary - | Fix the alerts | 3/20=2025-03-20 | open',
      'action summary Wei Zhang | Update the runbook | Wed=2025-03-12 | open',
    ]);
  });

  it('reads `due <date>` without a colon and the day words teams write (`EOD Friday`, `the 15th`, `end of Q1`, `first thing Monday`)', () => {
    assert.deepEqual(read('- Mike: pay the invoice, due Friday', '- Priya: migrate by EOD Friday', '- Jonas: rotate keys by the 15th', '- Wei: close the epic by end of Q1', '- Mike: call the vendor first thing Monday', '- Priya: report due to finance'), [
      'action summary Mike Johnson | Pay the invoice | Friday=2025-03-14 | open',
      'action summary Priya Shah | Migrate | EOD Friday=2025-03-14 | open',
      'action summary Jonas Weber | Rotate keys | the 15th=2025-03-15 | open',
      'action summary Wei Zhang | Close the epic | end of Q1=2025-03-31 | open',
      'action summary Mike Johnson | Call the vendor | Monday=2025-03-10 | open',
      'action summary Priya Shah | Report due to finance | - | open',
    ]);
  });

  it('reads the day words of British teams (`COB`, `EOP`, `close of play`, `w/c 17 Mar`) and holidays after `by` or `before`, none of them left in the task', () => {
    assert.deepEqual(read('- Mike: rotate the keys by COB Friday', '- Priya: patch the hosts by EOP Monday', '- Jonas: file expenses by close of play tomorrow', '- Wei: plan the game day w/c 17 Mar', '- Mike: renew the certs before Thanksgiving', '- Priya: plan for the new year'), [
      'action summary Mike Johnson | Rotate the keys | COB Friday=2025-03-14 | open',
      'action summary Priya Shah | Patch the hosts | EOP Monday=2025-03-10 | open',
      'action summary Jonas Weber | File expenses | close of play tomorrow=2025-03-11 | open',
      'action summary Wei Zhang | Plan the game day | w/c 17 Mar=2025-03-21 | open',
      'action summary Mike Johnson | Renew the certs | Thanksgiving=2025-11-27 | open',
      'action summary Priya Shah | Plan for the new year | - | open',
    ]);
  });

  it('reads an owner named as code comments name one (`TODO(priya):`) and a due date after `ETA`', () => {
    assert.deepEqual(read('- [ ] TODO(priya): set up budget alerts by Tuesday', '- FIXME(@wei) close the epic', '- Mike: review the deprecation plan, ETA next Friday', '- Jonas: ship the fix (ETA: Thursday)'), [
      'action summary Priya Shah | Set up budget alerts | Tuesday=2025-03-11 | open',
      'action summary Wei Zhang | Close the epic | - | open',
      'action summary Mike Johnson | Review the deprecation plan | next Friday=2025-03-21 | open',
      'action summary Jonas Weber | Ship the fix | Thursday=2025-03-13 | open',
    ]);
  });

  it('reads ASAP, TBD, TBC or a period of work closing an entry as its vague due date, and not inside it', () => {
    assert.deepEqual(read('- Wei to check the budget with finance ASAP', '- Mike: pick a date, TBD', '- Priya: drain the ASAP queue', '- Jonas: rotate the keys next sprint', '- Wei: plan the next sprint goals'), [
      'action summary Wei Zhang | Check the budget with finance | ASAP=vague | open',
      'action summary Mike Johnson | Pick a date | TBD=vague | open',
      'action summary Priya Shah | Drain the ASAP queue | - | open',
      'action summary Jonas Weber | Rotate the keys | next sprint=vague | open',
      'action summary Wei Zhang | Plan the next sprint goals | - | open',
    ]);
  });

  it('gives the entries under a person\'s heading in a section (action items grouped by owner) that person, unless they name another', () => {
    const model = analyze(notes('# Sync — 2025-03-10', 'Attendees: Mike Johnson, Priya Shah', '', '## Action items', '', '### Mike', '- [ ] Fix the login redirect by Friday', '- [ ] Priya: review the SSO doc', '', '### Priya Shah', '- [x] Update the runbook', '', '### Later', '- [ ] Rotate the keys'));
    assert.deepEqual(model.items.map((i) => `${i.owner?.name ?? '-'}: ${i.task} ${i.status}`), ['Mike Johnson: Fix the login redirect open', 'Priya Shah: Review the SSO doc open', 'Priya Shah: Update the runbook done', '-: Rotate the keys open']);
    const mike = model.items[0].owner!;
    assert.equal(model.text.slice(mike.span.start, mike.span.end), 'Mike');
  });

  it("reads a section named for a person's work (`## Maya's items`, `Action items for Leo`) as action items of that person", () => {
    const owned = (...lines: string[]) => {
      const model = analyze(notes(...lines));
      return model.items.map((i) => `${i.owner?.name ?? '-'}: ${i.task}`);
    };
    // A 1:1 lists no attendees: the possessive says a first name is a person.
    assert.deepEqual(owned('# 1:1 — 2025-06-16', '', "## Maya's items", '- Send the template by Friday', '- [ ] Ask finance', '', '## Leo’s action items', '1. Draft the doc', '2. Priya: review it'), [
      'Maya: Send the template',
      'Maya: Ask finance',
      'Leo: Draft the doc',
      'Priya: Review it',
    ]);
    assert.deepEqual(owned('# Sync — 2025-06-16', 'Attendees: Maya Patel, Leo Grant', '', '## Action items for Leo', '- Draft the doc', '', '## Tasks (Maya)', '- Book the room', '', '## Tasks: Carla', '- Call the vendor', '', '## Action items — Summary', '- Ship it', '', "## Team's tasks", '- Plan the offsite'), [
      'Leo Grant: Draft the doc',
      'Maya Patel: Book the room',
      'Carla: Call the vendor',
      '-: Ship it',
      '-: Plan the offsite',
    ]);
  });

  it('leaves no arrow at the end of a task whose due date followed it', () => {
    assert.deepEqual(read('- [ ] Mike: send the notes → due 5/8', '- [ ] Wei: book the room -> Friday', '- [ ] Priya: merge v1 => v2'), [
      'action summary Mike Johnson | Send the notes | 5/8=2025-05-08 | open',
      'action summary Wei Zhang | Book the room | Friday=2025-03-14 | open',
      'action summary Priya Shah | Merge v1 => v2 | - | open',
    ]);
  });

  it('reads the owner after an issue key opening an entry, and keeps the key in the task', () => {
    assert.deepEqual(read('- [ ] PROJ-123 Mike: fix the login redirect by Friday', '- [OPS-7] @priya rotate the certs', '- #482: Wei to update the runbook', '- JIRA-9 is blocked on legal'), [
      'action summary Mike Johnson | PROJ-123 fix the login redirect | Friday=2025-03-14 | open',
      'action summary Priya Shah | [OPS-7] rotate the certs | - | open',
      'action summary Wei Zhang | #482: update the runbook | - | open',
      'action summary - | JIRA-9 is blocked on legal | - | open',
    ]);
    // An issue key as a link to the issue.
    assert.deepEqual(read('- [PROJ-123](https://jira.example.com/browse/PROJ-123) Mike: fix the login redirect'), ['action summary Mike Johnson | PROJ-123 fix the login redirect | - | open']);
  });

  it('reads two people sharing the work before a colon (`Mike/Priya: …`), and words struck through inside an entry as no part of its task', () => {
    assert.deepEqual(read('- Wei + Jonas: write the estimation guide', '- Mike & Priya: plan the offsite'), ['action summary Wei + Jonas | Write the estimation guide | - | open', 'action summary Mike & Priya | Plan the offsite | - | open']);
    assert.deepEqual(read('- [ ] Mike/Priya: pair on the flaky test', '- [ ] Wei: ~~drop~~ keep the legacy endpoint', '- ~~drop~~ keep the cron job', '- ~~Jonas: drop the v1 API~~ (descoped)'), [
      'action summary Mike/Priya | Pair on the flaky test | - | open',
      'action summary Wei Zhang | Keep the legacy endpoint | - | open',
      'action summary - | Keep the cron job | - | open',
      'action summary Jonas Weber | Drop the v1 API (descoped) | - | done',
    ]);
    // Two handles, as chat tools write them: both are the owners, none of it stays in the task.
    assert.deepEqual(read('- [ ] @mike & @priya: plan the offsite', '- @wei/@jonas write the estimation guide by Friday', '- @mike and @priya - book the room'), [
      'action summary Mike Johnson & Priya Shah | Plan the offsite | - | open',
      'action summary Wei Zhang/Jonas Weber | Write the estimation guide | Friday=2025-03-14 | open',
      'action summary Mike Johnson and Priya Shah | Book the room | - | open',
    ]);
    const shared = analyze(notes('# Sync — 2025-03-10', 'Attendees: Mike Johnson (@mike), Priya Shah (@priya)', '', '## Action items', '- [ ] @mike & @priya: plan the offsite'));
    assert.deepEqual(diagnose(shared, { today: '2025-03-10' }).map((d) => d.code), ['missing-due-date'], 'a group: no unknown-owner');
  });

  it('takes what one of the people sharing an entry promised as recorded by it (`Mike & Priya: plan the offsite`)', () => {
    const model = analyze(
      notes(
        '# Sync — 2025-03-10',
        'Attendees: Mike Johnson, Priya Shah, Wei Zhang (@wei), Jonas Weber (@jonas)',
        '',
        '[00:10] Mike Johnson: I will plan the offsite by Friday.',
        '[00:20] Jonas Weber: I will write the estimation guide by Friday.',
        '[00:30] Wei Zhang: I will update the runbook by Friday.',
        '',
        '## Action items',
        '- [ ] Mike & Priya: plan the offsite by Friday',
        '- [ ] @wei & @jonas: write the estimation guide by Friday',
        '- [ ] Priya: update the runbook by Friday',
      ),
    );
    assert.deepEqual(itemLines(model), [
      'commitment transcript Wei Zhang | Update the runbook | Friday=2025-03-14 | open',
      'action summary Mike & Priya | Plan the offsite | Friday=2025-03-14 | open',
      'action summary Wei Zhang & Jonas Weber | Write the estimation guide | Friday=2025-03-14 | open',
      'action summary Priya Shah | Update the runbook | Friday=2025-03-14 | open',
    ]);
    assert.deepEqual(
      diagnose(model, { today: '2025-03-10' }).map((d) => d.code),
      ['uncaptured-commitment'],
      "Wei's promise is not Priya's entry: only that one is unrecorded",
    );
  });

  it("reads the items nested in a list item that is only a person's name as that person's entries", () => {
    const model = analyze(notes('# Sync — 2025-03-10', 'Attendees: Mike Johnson, Priya Shah', '', '## Next steps', '- Mike', '  - update the RFC by Friday', '  - Priya: ping legal', '    - Due: Monday', '- **Priya Shah:**', '  - [ ] book the room', '- Tom to send the deck', '- Mike', '', '## Notes', '- Priya', '  - [ ] order badges', '  - we liked the venue'));
    assert.deepEqual(model.items.map((i) => `${i.owner?.name ?? '-'}: ${i.task} (${i.due?.date ?? '-'})`), [
      'Mike Johnson: Update the RFC (2025-03-14)',
      'Priya Shah: Ping legal (2025-03-10)',
      'Priya Shah: Book the room (-)',
      'Tom: Send the deck (-)',
      // A name with nothing nested is an entry as before; outside a section only the boxes are.
      '-: Mike (-)',
      'Priya Shah: Order badges (-)',
    ]);
  });

  it('treats a task-list item anywhere as an action item, and other lists as prose', () => {
    const model = analyze(notes('# Sync — 2025-03-10', '', '## Notes', '- we talked about caching', '- [ ] Mike: book the room'));
    assert.deepEqual(model.items.map((i) => i.task), ['Book the room']);
  });

  it('treats a table outside the summary as action items only by its columns: a due date or status, or a task column named for work', () => {
    const tableOf = (...rows: string[]) => analyze(notes('# Sync — 2025-03-10', 'Attendees: Mike Johnson', '', '## Discussion items', ...rows)).items.map((i) => `${i.owner?.name}: ${i.task}`);
    assert.deepEqual(tableOf('| Time | Item | Who | Notes |', '|---|---|---|---|', '| 10 min | Caching | Mike | Mike will prototype it |'), []);
    assert.deepEqual(tableOf('| Task | Owner |', '|---|---|', '| Prototype the cache | Mike |'), ['Mike Johnson: Prototype the cache']);
    assert.deepEqual(tableOf('| Item | Who | Due |', '|---|---|---|', '| Prototype the cache | Mike | Friday |'), ['Mike Johnson: Prototype the cache']);
  });

  it('reads an outliner’s task markers (`TODO`, `DONE`, as Logseq writes them) and its `DEADLINE: <date>`, inside a section or out', () => {
    const model = analyze(notes('# Standup — 2025-03-10', 'Attendees: Mike Johnson, Priya Shah', '', '- TODO Mike: fix the flaky login test', '  DEADLINE: <2025-03-12 Wed>', '- DONE Priya: ship the release notes', '- Talked about the roadmap', '- Todo list for later', '', '## Action items', '- LATER Mike: clean up feature flags', '- CANCELED drop the old API'));
    assert.deepEqual(itemLines(model), [
      'action summary Mike Johnson | Fix the flaky login test | 2025-03-12=2025-03-12 | open',
      'action summary Priya Shah | Ship the release notes | - | done',
      'action summary Mike Johnson | Clean up feature flags | - | open',
      'action summary - | Drop the old API | - | done',
    ]);
  });

  it('reads Obsidian’s fields (`[owner:: Mike]`, `[due:: …]`), Notion’s date mentions (`@March 14, 2025`, `@Tomorrow`) and a mention of a whole name at the end', () => {
    assert.deepEqual(read('- [ ] Upgrade the Postgres cluster [owner:: Mike Johnson] [due:: 2025-03-14]', '- [ ] Priya: Finalize the roadmap @March 14, 2025', '- [ ] Wei — migrate CI runners @Tomorrow', '- [ ] Talk to finance about the budget @Jonas Weber', '- [ ] Ping @mon about it'), [
      'action summary Mike Johnson | Upgrade the Postgres cluster | 2025-03-14=2025-03-14 | open',
      'action summary Priya Shah | Finalize the roadmap | March 14, 2025=2025-03-14 | open',
      'action summary Wei Zhang | Migrate CI runners | Tomorrow=2025-03-11 | open',
      'action summary Jonas Weber | Talk to finance about the budget | - | open',
      'action summary - | Ping @mon about it | - | open',
    ]);
  });

  it('reads Obsidian Tasks’ due date (`📅`) alone as the due: its priorities and other dates (scheduled, start, created, a recurrence) are no part of the task', () => {
    assert.deepEqual(read('- [ ] Write the migration guide ⏫ 📅 2025-03-12', '- [ ] Mike: update the status page 🔼 ⏳ 2025-03-11', '- [ ] Rotate the keys 🔁 every week on Monday 📅 2025-03-17 ⏬', '- [ ] Plan the offsite 🛫 2025-03-01 ➕ 2025-02-20'), [
      'action summary - | Write the migration guide | 2025-03-12=2025-03-12 | open',
      'action summary Mike Johnson | Update the status page | - | open',
      'action summary - | Rotate the keys | 2025-03-17=2025-03-17 | open',
      'action summary - | Plan the offsite | - | open',
    ]);
  });

  it('ignores code blocks, quotes and HTML comments', () => {
    const model = analyze(notes('## Action items', '', '```', '- Mike: not a task', '```', '', '> - Priya: quoted task', '', '<!-- - Jonas: hidden -->', '', '- Wei: real task <!-- with a comment -->'));
    assert.deepEqual(model.items.map((i) => i.task), ['Real task']);
  });

  it('gives twins (an action item and its commitment) the statements of both, in the order they were said', () => {
    const model = analyze(
      notes(
        'Design sync - March 3, 2025',
        'Attendees: Ann Lee, Bo Chen',
        '',
        '[00:01] Bo Chen: I will ship the billing fix by Friday.',
        '[00:02] Ann Lee: Sounds good.',
        '[00:05] Ann Lee: Action item for Bo: ship the billing fix by Friday.',
        '',
        'ACTION ITEMS:',
        '- Bo: ship the billing fix by Friday',
        '',
        'COMMITMENTS:',
        '- Bo: ship the billing fix by Friday',
      ),
    );
    const said = (kind: string) => model.items.find((i) => i.kind === kind)!.mentions.map((cue) => model.lines.positionAt(cue.span.start).line + 1);
    assert.deepEqual(said('action'), [4, 6]); // its own statement (line 6) and its twin's, earlier
    assert.deepEqual(said('commitment'), [4, 6]);
  });
});
