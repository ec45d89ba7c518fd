import { strict as assert } from 'node:assert';
import { applyEdits } from '../../server/src/core/edits';
import { fixesFor } from '../../server/src/core/edits/fixes';
import { diagnose } from '../../server/src/core/rules';
import { analyze, itemLine, lineOf, notes } from '../helpers/notes';

const HEADER = ['# Platform sync — 2024-01-29', '', 'Attendees: Alice Moreau, Bob Chen (@bchen), Carol Diaz', ''];

/** The promises read from notes under HEADER, as `owner | task | due`. */
function promises(...lines: string[]): string[] {
  const model = analyze(notes(...HEADER, ...lines));
  return model.statements.flatMap((s) => s.cues.filter((c) => c.kind === 'commitment').map((c) => `${c.owner?.name ?? '-'} | ${c.task} | ${c.due?.date ?? c.due?.text ?? '-'}`));
}

describe('promises written in the notes (`Carol will update the runbook by Friday`)', () => {
  it('reads a person’s promise as the notes record it, in the third person, as that person’s commitment', () => {
    assert.deepEqual(
      promises(
        '## Discussion',
        '- Carol will update the on-call runbook by Friday',
        '- Alice to draft the RFC for the auth flow by Thursday',
        '- Bob agreed to pair with Carol on the migration next week',
        '- Carol committed to closing the audit findings by Feb 9',
        '- Alice volunteered to write the postmortem',
        '- Bob said he’d ping legal about the license question tomorrow',
        '- @bchen is going to rotate the staging keys by EOD',
        '- **Carol Diaz** will also book the offsite room',
        '- Alice Moreau (PM) will own the launch comms',
      ),
      [
        'Carol Diaz | Update the on-call runbook | 2024-02-02',
        'Alice Moreau | Draft the RFC for the auth flow | 2024-02-01',
        'Bob Chen | Pair with Carol on the migration | 2024-02-09',
        'Carol Diaz | Closing the audit findings | 2024-02-09',
        'Alice Moreau | Write the postmortem | -',
        'Bob Chen | Ping legal about the license question | 2024-01-30',
        'Bob Chen | Rotate the staging keys | 2024-01-29',
        'Carol Diaz | Book the offsite room | -',
        'Alice Moreau | Own the launch comms | -',
      ],
    );
  });

  it('reads two people’s promise as theirs together, as an entry’s owner (both must be people the notes name)', () => {
    assert.deepEqual(promises('- Bob and Carol will pair on the cache design by Monday', '- Alice & Carol are going to review the RFC', '- Bob and Zed will fix it'), [
      'Bob and Carol | Pair on the cache design | 2024-01-29',
      'Alice & Carol | Review the RFC | -',
    ]);
    const recorded = analyze(notes(...HEADER, '- Bob and Carol will pair on the cache design by Monday', '', '## Action items', '- Bob and Carol: pair on the cache design - Due: Monday'));
    assert.deepEqual(recorded.items.map((i) => itemLine(recorded, i)), ['8 action summary Bob and Carol | Pair on the cache design | Monday=2024-01-29 | open']);
  });

  it('reads plain lines and paragraphs too, and an item’s words over two lines', () => {
    assert.deepEqual(promises('Notes:', 'Carol will update the runbook by Friday.', 'Bob to fix the flaky CI job.'), ['Carol Diaz | Update the runbook | 2024-02-02', 'Bob Chen | Fix the flaky CI job | -']);
    assert.deepEqual(promises('- Alice will write up the incident timeline', '  and circulate it by Wednesday'), ['Alice Moreau | Write up the incident timeline and circulate it | 2024-01-31']);
  });

  it('reads no promise where no one the notes name makes one', () => {
    assert.deepEqual(
      promises(
        '- The team will revisit the budget next quarter',
        '- Zed will send the invoice by Friday', // no attendee
        '- Carol will not migrate the cache this sprint',
        '- Bob will be out next week',
        '- Alice will need help with the load tests',
        '- Alice will know more after the vendor call',
        '- Bob will probably join late on Thursday',
        '- Will Carol update the runbook by Friday?',
        '- Carol will take a look by Friday?',
        '- We agreed that Carol will own the rollout', // the person does not open the sentence
        '- Carol will handle the rollout, no promises',
      ),
      [],
    );
    // Where the notes list no attendees, a full name only (`Bob` could be anyone).
    const unlisted = (line: string) => analyze(notes('# Sync — 2024-01-29', '', line)).items.map((i) => `${i.owner?.name} | ${i.task}`);
    assert.deepEqual(unlisted('- Bob will fix the flaky tests by Friday'), []);
    assert.deepEqual(unlisted('- Bob Chen will fix the flaky tests by Friday'), ['Bob Chen | Fix the flaky tests']);
  });

  it('leaves speech, summary entries and a person’s own part as they were read', () => {
    // A line that goes on with what a speaker said is theirs, not a note about Carol.
    assert.deepEqual(promises('[05:00] Bob Chen: We talked to the vendor.', 'Carol will send them the contract by Friday.'), []);
    const said = analyze(notes(...HEADER, '[05:00] Bob Chen: We talked to the vendor.', 'Carol will send them the contract by Friday.'));
    assert.deepEqual(
      said.statements.map((s) => `${s.speaker?.name}: ${s.text}`),
      ['Bob Chen: We talked to the vendor. Carol will send them the contract by Friday.'],
    );
    // In ACTION ITEMS it is an entry, as before.
    const summary = analyze(notes(...HEADER, '## Action items', '- Carol will update the runbook by Friday'));
    assert.deepEqual(summary.items.map((i) => itemLine(summary, i)), ['6 action summary Carol Diaz | Update the runbook | Friday=2024-02-02 | open']);
    // Under a person's heading, the lines are that person's words: `Bob will review my PR` is Alice's, and no promise of hers.
    assert.deepEqual(promises('## Alice', '- Bob will review my PR by Friday'), []);
    // A caption's words are speech, by someone: about Carol, not written notes of her promise.
    assert.deepEqual(promises('00:01:05.000 --> 00:01:09.500', 'Carol will send the deck by Friday.', '', '00:01:10.000 --> 00:01:12.000', 'Decision: we ship it. Bob will write the notes.'), []);
  });

  it('reports a promise no entry records as uncaptured, with a fix that records it for its person', () => {
    const model = analyze(
      notes(
        ...HEADER,
        '## Discussion',
        '- Bob will look into the flaky CI tests before next sprint',
        '- Carol agreed to update the on-call runbook by Feb 1',
        '',
        '## Action items',
        '- [ ] Bob: fix the flaky CI tests',
      ),
    );
    const uncaptured = diagnose(model, { today: '2024-01-29' }).filter((d) => d.code === 'uncaptured-commitment');
    assert.deepEqual(
      uncaptured.map((d) => `${lineOf(model, d.span.start)}: ${d.message}`),
      ['7: Carol Diaz committed to "Update the on-call runbook" (Feb 1), but no summary entry records it'],
    );
    // Bob's is recorded by his entry: go to where it was said.
    const bob = model.items.find((i) => i.owner?.name === 'Bob Chen')!;
    assert.deepEqual(bob.mentions.map((cue) => cue.sentence), ['Bob will look into the flaky CI tests before next sprint']);
    const [fix] = fixesFor(model, 'uncaptured-commitment', uncaptured[0].data, '2024-01-29', { today: '2024-01-29', writeDoneDate: true });
    assert.equal(fix.title, 'Add to ACTION ITEMS');
    assert.deepEqual(applyEdits(model.text, fix.edits).split('\n').slice(-2), ['- [ ] Bob: fix the flaky CI tests', '- [ ] Carol: Update the on-call runbook - Due: 2024-02-01']);
    const recorded = analyze(applyEdits(model.text, fix.edits));
    assert.deepEqual(diagnose(recorded, { today: '2024-01-29' }).filter((d) => d.code === 'uncaptured-commitment'), []);
  });
});
