import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { type ActionItemsResult, ServerCommands } from '../../server/src/protocol';
import { ROOT } from '../helpers/notes';
import { TestClient } from './testClient';

const FILES = ['2025-10-06-platform-weekly.md', '2025-10-13-platform-weekly.md', '2025-10-20-platform-weekly.md'];
const codesOf = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

describe('language server: meeting series across the workspace', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient | undefined;
  const uri = (name: string) => pathToFileURL(join(dir, 'platform weekly', name)).toString();
  const text = (name: string) => readFileSync(join(dir, 'platform weekly', name), 'utf8');
  const [first, second, latest] = FILES;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-series-'));
    cpSync(join(ROOT, 'examples', 'platform-weekly'), join(dir, 'platform weekly'), { recursive: true });
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (pull: boolean) => {
    // The series' judging day: the last meeting was on Monday 2025-10-20.
    client = await TestClient.start({ pull, folder: pathToFileURL(dir).toString(), today: '2025-10-22' });
    await waitForItems(client, (r) => r.complete && r.items.length > 0);
    return client;
  };

  it('judges a file with the other files of its series, open or not', async () => {
    const c = await start(true);
    c.open(uri(first), text(first));
    c.open(uri(latest), text(latest));
    assert.deepEqual(codesOf(await c.pullDiagnostics(uri(first))), ['dropped-item@17', 'overdue@17']);
    assert.deepEqual(codesOf(await c.pullDiagnostics(uri(latest))), ['carried-over@11', 'due-soon@11', 'due-soon@13']);
    const [dropped] = (await c.pullDiagnostics(uri(first))).filter((d) => d.code === 'dropped-item');
    assert.equal(dropped.severity, 2);
    assert.match(String(dropped.message), /status list of the next meeting, Platform weekly on Mon, Oct 13 \(2025-10-13, 2025-10-13-platform-weekly\.md\)/);
  });

  it('quick fix on a dropped item: carries it into the latest meeting, another file, and the finding goes', async () => {
    const c = await start(true);
    c.open(uri(first), text(first));
    c.open(uri(latest), text(latest));
    const dropped = (await c.pullDiagnostics(uri(first))).filter((d) => d.code === 'dropped-item');
    const actions = await c.codeActions(uri(first), dropped);
    assert.deepEqual(actions.map((a) => a.title), ['Carry "Collect the Q4 roadmap asks from support" over into Platform weekly (2025-10-20)', 'Mark "Collect the Q4 roadmap asks from support" complete']);
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit!.documentChanges, [
      {
        textDocument: { uri: uri(latest), version: 1 },
        edits: [{ range: { start: { line: 12, character: 59 }, end: { line: 12, character: 59 } }, newText: '\n- [ ] Wei Zhang: Collect the Q4 roadmap asks from support - Due: 2025-10-15' }],
      },
    ]);
    assert.deepEqual(c.applyAction(actions[0]), { applied: true });
    assert.equal(c.text(uri(latest)).split('\n')[13], '- [ ] Wei Zhang: Collect the Q4 roadmap asks from support - Due: 2025-10-15');
    assert.deepEqual(codesOf(await c.pullDiagnostics(uri(first))), []);
    // The carried entry is now the work's latest: overdue there, and first recorded on 2025-10-06.
    assert.ok(codesOf(await c.pullDiagnostics(uri(latest))).includes('overdue@14'));
  });

  it('the carry-over command edits the latest meeting even when it is not open', async () => {
    const c = await start(true);
    c.open(uri(first), text(first));
    const item = (await c.actionItems(uri(first))).items.find((i) => i.task === 'Collect the Q4 roadmap asks from support')!;
    assert.equal(await c.executeCommand(ServerCommands.carryOver, [{ uri: uri(first), itemId: item.id, version: 1 }]), true);
    const [edit] = c.appliedEdits;
    assert.equal(edit.label, 'Carry over into the latest meeting');
    assert.deepEqual(edit.edit.documentChanges, [
      {
        textDocument: { uri: uri(latest), version: null },
        edits: [{ range: { start: { line: 12, character: 59 }, end: { line: 12, character: 59 } }, newText: '\n- [ ] Wei Zhang: Collect the Q4 roadmap asks from support - Due: 2025-10-15' }],
      },
    ]);
    // An item that no later meeting drops has nowhere to go.
    const latestItem = (await c.actionItems(uri(latest))).items[0];
    assert.equal(await c.executeCommand(ServerCommands.carryOver, [{ uri: uri(latest), itemId: latestItem.id, version: null }]), false);
  });

  it('pushes new findings to the other open files of the series when one of them changes', async () => {
    const c = await start(false);
    c.open(uri(first), text(first));
    c.open(uri(second), text(second));
    assert.ok(codesOf(await c.pushedDiagnostics(uri(first), 1)).includes('dropped-item@17'));
    // Wei's item is carried in the next meeting's status list by hand.
    c.replace(uri(second), text(second).replace('✅ 2025-10-09\n', '✅ 2025-10-09\n- [ ] Wei: collect the Q4 roadmap asks from support - Due: 2025-10-24\n'));
    await c.until(() => {
      const published = c.published.get(uri(first));
      return published && !codesOf(published.diagnostics).includes('dropped-item@17') ? true : undefined;
    }, 'the first meeting’s diagnostics without dropped-item');
    assert.deepEqual(codesOf(c.published.get(uri(first))!.diagnostics), []);
  });

  it('asks pull clients to refresh when another file of the series changes', async () => {
    const c = await start(true);
    const notified = c.didChangeCount;
    c.open(uri(first), text(first));
    c.open(uri(second), text(second));
    assert.ok(codesOf(await c.pullDiagnostics(uri(first))).includes('dropped-item@17'));
    // Let the refresh that opening the files causes go by.
    await c.until(() => c.didChangeCount > notified, 'meetingNotes/didChange');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const refreshes = c.refreshCount;
    c.replace(uri(second), text(second).replace('## New action items', '## New action items\n\n- [ ] Wei: collect the Q4 roadmap asks from support'));
    await c.until(() => c.refreshCount > refreshes, 'a diagnostic refresh');
    assert.deepEqual(codesOf(await c.pullDiagnostics(uri(first))), []);
  });

  it('lenses: an entry carried on later says where the work stands and jumps there; the latest says how long it has waited', async () => {
    const c = await start(true);
    c.open(uri(first), text(first));
    const lenses = await c.codeLenses(uri(first));
    const at = (line: number) => lenses.filter((l) => l.range.start.line === line - 1).map((l) => l.command!.title);
    assert.deepEqual(at(14), ['Mark complete', 'Carried over in the meeting of Mon, Oct 20 (2025-10-20)']);
    assert.deepEqual(at(16), ['Mark complete', 'Done in the meeting of Mon, Oct 13 (2025-10-13)']);
    assert.deepEqual(at(17), ['Mark complete', 'Wei Zhang · due Wed, Oct 15 · 7 days overdue']);
    const jump = lenses.find((l) => l.range.start.line === 13 && l.command!.command === ServerCommands.goTo)!.command!;
    assert.deepEqual(jump.arguments, [{ uri: uri(latest), range: { start: { line: 10, character: 6 }, end: { line: 10, character: 68 } } }]);
    c.open(uri(latest), text(latest));
    const latestLenses = await c.codeLenses(uri(latest));
    assert.deepEqual(latestLenses.filter((l) => l.range.start.line === 10).map((l) => l.command!.title), ['Mark complete', 'Jonas Weber · due Fri, Oct 24 · in 2 days · waited 2 meetings']);
  });

  it('tells the view where each item stands in its series', async () => {
    const c = await start(true);
    const { items } = await c.actionItems();
    const of = (file: string, task: string) => items.find((i) => i.uri === uri(file) && i.task === task)!.series;
    assert.deepEqual(of(first, 'Investigate the remote cache hit rate'), {
      id: `${pathToFileURL(join(dir, 'platform weekly')).toString()}|platform weekly`,
      title: 'Platform weekly',
      waited: 0,
      carriedTo: { uri: uri(latest), date: '2025-10-20', status: 'open' },
      dropped: false,
    });
    assert.deepEqual(of(latest, 'Investigate the remote cache hit rate')?.waited, 2);
    assert.deepEqual(of(first, 'Move the flaky integration suite to its own job')?.carriedTo, { uri: uri(second), date: '2025-10-13', status: 'done' });
    assert.equal(of(first, 'Collect the Q4 roadmap asks from support')?.dropped, true);
  });
});

async function waitForItems(client: TestClient, ready: (r: ActionItemsResult) => boolean): Promise<ActionItemsResult> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const result = await client.actionItems();
    if (ready(result)) return result;
    if (Date.now() > deadline) throw new Error(`items never became ready: ${JSON.stringify(result).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
