import { strict as assert } from 'node:assert';
import { expectedItems, expectedProblems } from './support/expected';
import { SAMPLE, originalText, savedText, workbench, workspace } from './support/hooks';
import { eventually } from './support/poll';
import { E2E_TODAY } from './support/session';
import type { Workbench } from './support/workbench';

const ACTION = '4. Tom: WebSocket infrastructure ready - Due: February 3';
const COMMITMENT = '- Tom: WebSocket infrastructure by February 3';

async function websocketRow(wb: Workbench) {
  const groups = await wb.actionItems();
  const row = groups.find((g) => g.label === 'Tom Bradley')?.items.find((r) => r.label === 'WebSocket infrastructure ready');
  assert.ok(row, 'the item is in the view under Tom Bradley');
  return { description: row.description, icon: row.icon };
}

async function problemsAre(wb: Workbench, text: string) {
  const expected = expectedProblems(text, SAMPLE);
  await eventually(async () => assert.deepEqual((await wb.problems(SAMPLE)).map(({ line, column, severity, code, message }) => ({ line, column, severity, code, message })), expected));
  return expected;
}

describe('3. The "Mark complete" code lens', () => {
  it('marks exactly that item and its linked commitment done; the view and the problems follow; Undo restores the text', async () => {
    const wb = workbench();
    const original = originalText(SAMPLE);
    const lines = original.split('\n');
    assert.equal(lines[110], ACTION);
    assert.equal(lines[117], COMMITMENT);
    const overdueBefore = expectedItems(workspace(), 'overdue').length;

    await wb.openFile(SAMPLE);
    const before = await problemsAre(wb, original);
    assert.ok(before.some((p) => p.line === 111 && p.code === 'overdue') && before.some((p) => p.line === 118 && p.code === 'overdue'));
    await wb.showDoneItems(true);
    await wb.groupBy('Owner');
    await eventually(async () => assert.deepEqual(await websocketRow(wb), { description: '2 days overdue', icon: 'warning' }));

    await wb.goTo(111);
    const lens = await eventually(() => wb.lensAbove(111));
    assert.equal(((await lens.textContent()) ?? '').replace(/\u00a0/g, ' '), 'Mark complete | Tom Bradley · due Sat, Feb 3 · 2 days overdue');
    await lens.getByRole('button', { name: 'Mark complete', exact: true }).click();

    const done = [...lines];
    done[110] = `4. [x] Tom: WebSocket infrastructure ready - Due: February 3 ✅ ${E2E_TODAY}`;
    done[117] = `- [x] Tom: WebSocket infrastructure by February 3 ✅ ${E2E_TODAY}`;
    await eventually(async () => assert.equal(await wb.lineText(111), done[110]));
    await wb.save();
    assert.equal(savedText(SAMPLE), done.join('\n'), 'only the item and its commitment changed');

    const after = await problemsAre(wb, done.join('\n'));
    assert.deepEqual(after.filter((p) => p.line === 111 || p.line === 118), [], 'their problems are gone');
    assert.equal(after.length, before.length - 2);
    await eventually(async () => assert.deepEqual(await websocketRow(wb), { description: 'done', icon: 'pass-filled' }));
    await eventually(async () => assert.equal(await wb.badge(), String(overdueBefore - 2)));
    await wb.goTo(111);
    await eventually(async () => assert.match((await (await wb.lensAbove(111)).textContent()) ?? '', /^Reopen\b/));
    await wb.screenshot('3-mark-complete');

    await wb.undo();
    await eventually(async () => assert.equal(await wb.lineText(111), ACTION));
    await wb.save();
    assert.equal(savedText(SAMPLE), original, 'Undo restores the text');
    await problemsAre(wb, original);
    await eventually(async () => assert.deepEqual(await websocketRow(wb), { description: '2 days overdue', icon: 'warning' }));
    await eventually(async () => assert.equal(await wb.badge(), String(overdueBefore)));
    await wb.showDoneItems(false);
  });
});
