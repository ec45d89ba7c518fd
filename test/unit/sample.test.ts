import { strict as assert } from 'node:assert';
import { diagnose } from '../../server/src/core/rules';
import { itemLine, lineOf, sample } from '../helpers/notes';

describe('the sample notes (architecture review, 2024-01-29)', () => {
  const model = sample();
  const byLine = (line: number) => {
    const item = model.items.find((i) => lineOf(model, i.span.start) === line);
    assert.ok(item, `no item at line ${line}`);
    return item;
  };

  it('reads the meeting: title, date and five attendees with roles', () => {
    assert.equal(model.meetings.length, 1);
    const [meeting] = model.meetings;
    assert.equal(meeting.title, 'Engineering Architecture Review');
    assert.equal(meeting.date, '2024-01-29');
    assert.deepEqual(
      meeting.attendees.map((a) => `${a.name} (${a.role})`),
      ['Mike Johnson (Engineering Lead)', 'David Kim (Backend Engineer)', 'Rachel Torres (QA Lead)', 'Tom Bradley (DevOps)', 'Alex Rivera (Data Scientist)'],
    );
  });

  it('finds the 12 summary entries and the one uncaptured commitment, with owners and due dates', () => {
    assert.deepEqual(model.items.map((i) => itemLine(model, i)), [
      '96 commitment transcript Tom Bradley | Run cleanup | over the weekend=2024-02-04 | open',
      '108 action summary Mike Johnson | Test Redis connection pool optimizations | Tomorrow=2024-01-30 | open',
      '109 action summary Mike Johnson | Escalate TechCorp decision to Sarah | Today=2024-01-29 | open',
      '110 action summary David Kim | All SSO endpoints under /v1 | End of week=2024-02-02 | open',
      '111 action summary Tom Bradley | WebSocket infrastructure ready | February 3=2024-02-03 | open',
      '112 action summary Tom Bradley | Job queue infrastructure deployed | February 5=2024-02-05 | open',
      '113 action summary Alex Rivera | Implement PII scrubbing for AI | February 10=2024-02-10 | open',
      '114 action summary Alex Rivera | Implement cost optimization for LLM calls | Before production=vague | open',
      '115 action summary Rachel Torres | Create PII test scenarios | February 7=2024-02-07 | open',
      '118 commitment summary Tom Bradley | WebSocket infrastructure | February 3=2024-02-03 | open',
      '119 commitment summary Tom Bradley | Job queue infrastructure | February 5=2024-02-05 | open',
      '120 commitment summary David Kim | SSO endpoints versioned | end of week=2024-02-02 | open',
      '121 commitment summary Alex Rivera | Cost optimization implemented | before production=vague | open',
    ]);
  });

  it('links each COMMITMENTS entry to its ACTION ITEMS twin', () => {
    const links = model.items
      .filter((i) => i.linked.length)
      .map((i) => `${lineOf(model, i.span.start)}↔${i.linked.map((id) => lineOf(model, model.items.find((x) => x.id === id)!.span.start)).join(',')}`);
    assert.deepEqual(links, ['110↔120', '111↔118', '112↔119', '114↔121', '118↔111', '119↔112', '120↔110', '121↔114']);
  });

  it('ties each action item to the transcript line where it was said', () => {
    const mentions = [108, 109, 110, 111, 112, 113, 114, 115].map((line) => `${line}←${byLine(line).mentions.map((c) => lineOf(model, c.span.start)).join(',')}`);
    assert.deepEqual(mentions, ['108←34', '109←52', '110←62', '111←24', '112←78', '113←84', '114←90', '115←86']);
  });

  it('records every spoken decision in DECISIONS, none uncaptured', () => {
    assert.deepEqual(
      model.decisions.map((d) => `${lineOf(model, d.span.start)} ${d.source} ←${d.mentions.map((c) => lineOf(model, c.span.start)).join(',')}`),
      ['101 summary ←22', '102 summary ←52', '103 summary ←60', '104 summary ←92', '105 summary ←'],
    );
  });

  it('reports overdue exactly at 108 and 109, vague dates at 114 and 121, and nothing about owners or mismatches', () => {
    const found = diagnose(model, { today: '2024-02-01' }).map((d) => `${d.code}@${lineOf(model, d.span.start)}`);
    assert.deepEqual(found.filter((f) => f.startsWith('overdue')), ['overdue@108', 'overdue@109']);
    assert.deepEqual(found.filter((f) => f.startsWith('vague-due-date')), ['vague-due-date@114', 'vague-due-date@121']);
    assert.deepEqual(found.filter((f) => f.startsWith('uncaptured')), ['uncaptured-commitment@96']);
    for (const code of ['missing-owner', 'unknown-owner', 'due-date-mismatch', 'missing-due-date']) {
      assert.deepEqual(found.filter((f) => f.startsWith(`${code}@`)), [], code);
    }
  });

  it('puts each diagnostic on the words it is about', () => {
    const [overdue] = diagnose(model, { today: '2024-02-01' }).filter((d) => d.code === 'overdue');
    assert.equal(model.text.slice(overdue.span.start, overdue.span.end), 'Tomorrow');
    const [uncaptured] = diagnose(model, { today: '2024-02-01' }).filter((d) => d.code === 'uncaptured-commitment');
    assert.equal(model.text.slice(uncaptured.span.start, uncaptured.span.end), "I'll run cleanup over the weekend.");
  });
});
