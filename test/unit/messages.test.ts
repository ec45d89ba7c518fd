import { strict as assert } from 'node:assert';
import { diagnose } from '../../server/src/core/rules';
import { analyze, notes } from '../helpers/notes';

// What each finding says, one of every kind of message (the golden files hold most of them, not
// all): messages are put in words from their values only when needed, and must read as before.
describe('messages in words', () => {
  const said = (text: string) => diagnose(analyze(text, 'sync.txt'), { today: '2025-03-04' }).map((d) => `${d.code} | ${d.message}`);

  it('for spoken items, owners, dates and a spoken date that differs from the entry', () => {
    const text = notes(
      'Design sync - March 3, 2025',
      '',
      'Attendees: Ann Lee, Bo Chen, Priya Shah',
      '',
      '[00:01] Ann Lee: Action item for Priya: review the Redis alerts by Friday.',
      '[00:02] Ann Lee: Action item: rotate the staging keys.',
      '[00:03] Bo Chen: I will ship the billing fix by Friday.',
      '',
      'ACTION ITEMS:',
      '- Bo: ship the billing fix by 2025-03-07',
      '- Ann: book the room - Due: February 30',
      '- Zed: order the cake by Monday',
      '',
      'COMMITMENTS:',
      '- Bo: ship the billing fix by 2025-03-10',
    );
    assert.deepEqual(said(text), [
      'uncaptured-commitment | Action item for Priya Shah "Review the Redis alerts" (Friday), but no summary entry records it',
      'due-soon | "Review the Redis alerts" (Priya Shah) is due in 3 days (Fri, Mar 7, 2025-03-07)',
      'missing-owner | "Rotate the staging keys" has no owner: nobody is answerable for it',
      'missing-due-date | "Rotate the staging keys" has no due date',
      'uncaptured-commitment | Action item "Rotate the staging keys", but no summary entry records it',
      'due-soon | "Ship the billing fix" (Bo Chen) is due in 3 days (Fri, Mar 7, 2025-03-07)',
      'vague-due-date | "February 30" is not a real date: "Book the room" (Ann Lee) cannot be tracked',
      'unknown-owner | Owner "Zed" is not among the attendees (Ann Lee, Bo Chen, Priya Shah)',
      'overdue | "Order the cake" (Zed) is overdue: it was due Mon, Mar 3 (2025-03-03), 1 day ago',
      'due-date-mismatch | "Ship the billing fix" (Bo Chen) is due Mon, Mar 10 (2025-03-10) here, but Bo Chen said "Friday" (2025-03-07) at [00:03]',
    ]);
  });

  it('for decisions, vague dates and twins that give other dates', () => {
    const text = notes(
      'Design sync - March 3, 2025',
      '',
      'Attendees: Ann Lee, Bo Chen',
      '',
      '[00:03] Bo Chen: I will ship the billing fix.',
      '[00:04] Someone: Decision: we keep Postgres.',
      '',
      'DECISIONS:',
      '- Use Redis',
      '',
      'ACTION ITEMS:',
      '- Bo: ship the billing fix by 2025-03-07',
      '- Ann: tidy the backlog by TBD',
      '',
      'COMMITMENTS:',
      '- Bo: ship the billing fix by 2025-03-10',
    );
    assert.deepEqual(said(text), [
      'uncaptured-decision | Decision "We keep Postgres" is not recorded in the summary\'s decisions',
      'due-soon | "Ship the billing fix" (Bo Chen) is due in 3 days (Fri, Mar 7, 2025-03-07)',
      'vague-due-date | "TBD" is not a date: give "Tidy the backlog" (Ann Lee) a day so it can be tracked',
      'due-date-mismatch | "Ship the billing fix" (Bo Chen) is due 2025-03-10 here, but its action item says 2025-03-07',
    ]);
  });
});
