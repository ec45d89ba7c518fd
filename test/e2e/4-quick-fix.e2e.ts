import { strict as assert } from 'node:assert';
import { expectedProblems } from './support/expected';
import { SAMPLE, originalText, savedText, workbench } from './support/hooks';
import { eventually } from './support/poll';
import type { Workbench } from './support/workbench';

/** How the view shows Tom's "Run cleanup". */
async function runCleanupRows(wb: Workbench) {
  const tom = (await wb.actionItems()).find((g) => g.label === 'Tom Bradley');
  return (tom?.items ?? []).filter((r) => r.label === 'Run cleanup').map(({ description, icon }) => ({ description, icon }));
}

describe('4. The quick fix of an uncaptured commitment', () => {
  it('adds the commitment to ACTION ITEMS, and the problem goes away', async () => {
    const wb = workbench();
    const original = originalText(SAMPLE);
    const before = expectedProblems(original, SAMPLE);
    const uncaptured = before.filter((p) => p.code === 'uncaptured-commitment');
    assert.equal(uncaptured.length, 1);
    const [problem] = uncaptured as [(typeof uncaptured)[0]];
    assert.equal(problem.message, 'Tom Bradley committed to "Run cleanup" (over the weekend), but no summary entry records it');

    await wb.openFile(SAMPLE);
    await eventually(async () => assert.ok((await wb.problems(SAMPLE)).some((p) => p.code === 'uncaptured-commitment' && p.line === problem.line)));
    await wb.showDoneItems(false);
    await wb.groupBy('Owner');
    await eventually(async () => assert.deepEqual(await runCleanupRows(wb), [{ description: '1 day overdue · commitment · not in the summary', icon: 'comment-unresolved' }]));
    await wb.goTo(problem.line, problem.column);
    await wb.applyQuickFix('Add to ACTION ITEMS');

    // The new entry follows the last one (line 115), numbered on, with the date resolved.
    const lines = original.split('\n');
    assert.equal(lines[114], '8. Rachel: Create PII test scenarios - Due: February 7');
    const fixed = [...lines.slice(0, 115), '9. Tom: Run cleanup - Due: 2024-02-04', ...lines.slice(115)].join('\n');
    await wb.goTo(116);
    await eventually(async () => assert.equal(await wb.lineText(116), '9. Tom: Run cleanup - Due: 2024-02-04'));
    await wb.save();
    assert.equal(savedText(SAMPLE), fixed, 'one line added, nothing else changed');

    const after = expectedProblems(fixed, SAMPLE);
    assert.deepEqual(after.filter((p) => p.code === 'uncaptured-commitment'), []);
    await eventually(async () => assert.deepEqual((await wb.problems(SAMPLE)).map(({ line, column, severity, code, message }) => ({ line, column, severity, code, message })), after));
    // The transcript line now shows where it is recorded.
    await wb.goTo(problem.line);
    await eventually(async () => assert.equal((await (await wb.lensAbove(problem.line)).textContent())?.replace(/\u00a0/g, ' '), 'Recorded as action item on line 116'));
    // In the view it is now an action item of the summary, overdue.
    await eventually(async () => assert.deepEqual(await runCleanupRows(wb), [{ description: '1 day overdue', icon: 'warning' }]));
    await wb.screenshot('4-quick-fix');
  });
});
