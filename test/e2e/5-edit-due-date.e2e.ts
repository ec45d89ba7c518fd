import { strict as assert } from 'node:assert';
import { expectedItemsWith, expectedProblems } from './support/expected';
import { SAMPLE, originalText, workbench, workspace } from './support/hooks';
import { eventually } from './support/poll';
import type { Workbench } from './support/workbench';

const problemsOf = async (wb: Workbench) => (await wb.problems(SAMPLE)).map(({ line, column, severity, code, message }) => ({ line, column, severity, code, message }));
const groupOf = async (wb: Workbench, task: string) => {
  const group = (await wb.actionItems()).find((g) => g.items.some((i) => i.label === task));
  return group && { group: group.label, description: group.items.find((i) => i.label === task)!.description };
};

describe('5. Editing a due date', () => {
  it('updates the view, the badge and the problems as you type, without saving or reloading', async () => {
    const wb = workbench();
    const original = originalText(SAMPLE);
    const lines = original.split('\n');
    assert.equal(lines[110], '4. Tom: WebSocket infrastructure ready - Due: February 3');
    const edited = [...lines];
    edited[110] = '4. Tom: WebSocket infrastructure ready - Due: March 15';
    const editedText = edited.join('\n');

    await wb.openFile(SAMPLE);
    await eventually(async () => assert.deepEqual(await problemsOf(wb), expectedProblems(original, SAMPLE)));
    await wb.showDoneItems(false);
    await wb.groupBy('Due Date');
    await eventually(async () => assert.deepEqual(await groupOf(wb, 'WebSocket infrastructure ready'), { group: 'Overdue', description: 'Tom Bradley · 2 days overdue' }));
    await eventually(async () => assert.equal(await wb.badge(), String(expectedItemsWith(workspace(), {}, 'overdue').length)));

    await wb.goTo(111, lines[110]!.indexOf('February 3') + 1);
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.type('March 15');

    await eventually(async () => assert.equal(await wb.lineText(111), edited[110]));
    const expected = expectedProblems(editedText, SAMPLE);
    assert.deepEqual(expected.filter((p) => p.line === 111).map((p) => p.code), ['due-date-mismatch'], 'no longer overdue, but the transcript said February 3rd');
    await eventually(async () => assert.deepEqual(await problemsOf(wb), expected));
    await eventually(async () => assert.deepEqual(await groupOf(wb, 'WebSocket infrastructure ready'), { group: 'Later', description: 'Tom Bradley · in 39 days' }));
    await eventually(async () => assert.equal(await wb.badge(), String(expectedItemsWith(workspace(), { [SAMPLE]: editedText }, 'overdue').length)));
    assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 1, 'the edit is not saved: the editor’s text is what counts');
    await wb.screenshot('5-edit-due-date');
    await wb.groupBy('Owner');
  });
});
