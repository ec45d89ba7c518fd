import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ROOT } from '../helpers/notes';
import { type ListedItem, expectedItems } from './support/expected';
import { SAMPLE, workbench, workspace } from './support/hooks';
import { eventually } from './support/poll';
import { E2E_TODAY } from './support/session';
import type { TreeGroup } from './support/workbench';

/** owner → sorted tasks, sorted by owner: what a grouping shows, order aside. */
const byOwner = (items: ListedItem[]) => {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(item.owner ?? 'No owner', [...(groups.get(item.owner ?? 'No owner') ?? []), item.task]);
  return [...groups].map(([owner, tasks]) => [owner, tasks.sort()] as const).sort(([a], [b]) => a.localeCompare(b));
};
const shownByGroup = (groups: TreeGroup[]) => groups.map((g) => [g.label, g.items.map((i) => i.label).sort()] as const).sort(([a], [b]) => a.localeCompare(b));

describe('2. The Action Items view', () => {
  it('lists the open items of every example file by owner; "by due" has an Overdue group; the badge counts overdue items', async () => {
    const wb = workbench();
    const open = expectedItems(workspace(), 'open');
    const overdue = expectedItems(workspace(), 'overdue');
    // (paths are relative to the folder the CLI ran in; a meeting series is a folder of notes)
    const topLevel = (item: ListedItem) => relative(workspace(), resolve(ROOT, item.path)).split(sep)[0];
    assert.deepEqual(new Set(open.map(topLevel)), new Set(readdirSync(join(ROOT, 'examples'))), 'every example file or folder has open items');
    assert.ok(overdue.length > 0 && overdue.length < open.length, 'on E2E_TODAY some items are overdue, some not');

    await wb.openFile(SAMPLE);
    await wb.goTo(111);
    await wb.openActionItems();
    await wb.showDoneItems(false);
    await wb.groupBy('Owner');
    const groups = await eventually(async () => {
      const groups = await wb.actionItems();
      assert.deepEqual(shownByGroup(groups), byOwner(open));
      return groups;
    });
    for (const group of groups) {
      assert.equal(group.icon, 'person', `${group.label}: a person icon`);
      assert.equal(group.description, String(group.items.length), `${group.label}: the number of items`);
    }
    assert.equal(groups.findIndex((g) => g.label === 'No owner'), groups.length - 1, 'items nobody owns come last');
    // A row shows the item's own state, not the problems of the file it is in.
    const rows = groups.flatMap((g) => g.items);
    assert.deepEqual(rows.filter((r) => r.decorated).map((r) => r.label), [], 'no row carries the file’s problem decoration');
    const websocket = groups.find((g) => g.label === 'Tom Bradley')?.items.find((r) => r.label === 'WebSocket infrastructure ready');
    assert.deepEqual(websocket && { description: websocket.description, icon: websocket.icon }, { description: '2 days overdue', icon: 'warning' });
    // A row's tooltip is made when it is asked for (not for every row at each refresh).
    const [first] = groups;
    const tooltip = await eventually(() => wb.firstActionItemTooltip());
    for (const line of [first!.items[0]!.label, `Owner: ${first!.label}`, 'Status: open']) assert.ok(tooltip.includes(line), `the tooltip says "${line}": ${tooltip}`);

    await eventually(async () => assert.equal(await wb.badge(), String(overdue.length)));
    await wb.screenshot('2-action-items-by-owner');

    await wb.groupBy('Due Date');
    const dueGroups = await eventually(async () => {
      const groups = await wb.actionItems();
      assert.equal(groups[0]?.label, 'Overdue');
      assert.deepEqual(groups[0].items.map((i) => i.label).sort(), overdue.map((i) => i.task).sort());
      return groups;
    });
    assert.equal(dueGroups[0]!.icon, 'warning');
    const dueToday = dueGroups.find((g) => g.label === 'Today');
    assert.deepEqual(dueToday?.items.map((i) => i.label).sort(), open.filter((i) => i.due?.date === E2E_TODAY).map((i) => i.task).sort());
    assert.deepEqual(
      dueGroups.flatMap((g) => g.items.map((i) => i.label)).sort(),
      open.map((i) => i.task).sort(),
      'every open item is in exactly one group',
    );
    assert.deepEqual(dueGroups.map((g) => g.label), ['Overdue', 'Today', 'This week', 'Later', 'No date']);
    await wb.screenshot('2-action-items-by-due');

    // A click on a row opens its notes at the item.
    const item = open.find((i) => i.task === 'Write up the query log analysis');
    assert.deepEqual(item && { file: basename(item.path), line: item.line }, { file: 'design-review-search.md', line: 19 });
    await wb.clickActionItem(item!.task);
    await eventually(async () => {
      assert.equal(await wb.activeFile(), 'design-review-search.md');
      assert.match(await wb.cursor(), /^Ln 19, Col \d+/);
    });
    await wb.groupBy('Owner');
  });
});
