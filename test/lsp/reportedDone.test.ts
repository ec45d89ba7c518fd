import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT, notes } from '../helpers/notes';
import { TestClient } from './testClient';

const FIRST = '2025-11-17-payments-standup.md';
const NEXT = '2025-11-18-payments-standup.md';
const reportedDone = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'reported-done').map((d) => d.range.start.line + 1);

describe('language server: work reported done in a later standup', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient | undefined;
  const uri = (name: string) => pathToFileURL(join(dir, 'standup', name)).toString();
  const text = (name: string) => readFileSync(join(dir, 'standup', name), 'utf8');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-reported-'));
    cpSync(join(ROOT, 'examples', 'payments-standup'), join(dir, 'standup'), { recursive: true });
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the items the next standup says are done (that file unopened), marks one complete, and follows an edit of the report', async () => {
    const c = (client = await TestClient.start({ pull: true, folder: pathToFileURL(dir).toString(), today: '2025-11-19' }));
    await c.until(() => c.progressEnded > 0, 'the end of indexing');
    c.open(uri(FIRST), text(FIRST));
    assert.deepEqual(reportedDone(await c.pullDiagnostics(uri(FIRST))), [7, 17, 21]);

    const found = (await c.pullDiagnostics(uri(FIRST))).filter((d) => d.code === 'reported-done' && d.range.start.line === 20);
    const actions = await c.codeActions(uri(FIRST), found);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Mark "Write the ledger rollback script" complete', true],
      ['Write "Wednesday" as 2025-11-19 (Wed, Nov 19)', false],
    ]);
    assert.deepEqual(c.applyAction(actions[0]), { applied: true });
    assert.equal(c.text(uri(FIRST)).split('\n')[20], '- [x] Raj: write the ledger rollback script (due: Wednesday) ✅ 2025-11-19');
    assert.deepEqual(reportedDone(await c.pullDiagnostics(uri(FIRST))), [7, 17]);

    // Lena's report taken back in the next standup's buffer: her item is open with nothing said of it.
    c.open(uri(NEXT), text(NEXT));
    const line = text(NEXT).split('\n').findIndex((l) => l.startsWith('- Yesterday: load-tested'));
    c.edit(uri(NEXT), { start: { line, character: 13 }, end: { line, character: 25 } }, 'started on ');
    assert.match(c.text(uri(NEXT)).split('\n')[line], /^- Yesterday: started on the retries/);
    assert.deepEqual(reportedDone(await c.pullDiagnostics(uri(FIRST))), [17]);
  });

  it('reports a weekly’s item a standup beside it says is done, and refreshes the weekly when the report is taken back', async () => {
    const weekly = join(dir, 'notes', 'weekly', '2025-11-14-platform-weekly.md');
    const standup = join(dir, 'notes', 'standups', '2025-11-17-standup.md');
    mkdirSync(join(dir, 'notes', 'weekly'), { recursive: true });
    mkdirSync(join(dir, 'notes', 'standups'), { recursive: true });
    writeFileSync(weekly, notes('# Platform weekly — 2025-11-14', 'Attendees: Lena Fischer, Raj Patel', '', '## Action items', '- [ ] Raj: write the ledger rollback script', '- [ ] Lena: fix the flaky login test'));
    const report = notes('# Standup — 2025-11-17', 'Attendees: Lena Fischer, Raj Patel', '', 'Raj: Yesterday I wrote the ledger rollback script.', 'Lena: paired with Raj on the ledger.');
    writeFileSync(standup, report);
    const c = (client = await TestClient.start({ pull: true, folder: pathToFileURL(dir).toString(), today: '2025-11-19' }));
    await c.until(() => c.progressEnded > 0, 'the end of indexing');
    const weeklyUri = pathToFileURL(weekly).toString();
    const standupUri = pathToFileURL(standup).toString();
    c.open(weeklyUri, readFileSync(weekly, 'utf8'));
    const found = (await c.pullDiagnostics(weeklyUri)).filter((d) => d.code === 'reported-done');
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1} ${d.message}`),
      ['5 "Write the ledger rollback script" (Raj Patel) is still open here, but Raj Patel reported it done in Standup on Mon, Nov 17 (2025-11-17, 2025-11-17-standup.md): "Yesterday I wrote the ledger rollback script.". Mark it complete if so'],
    );

    // The standup's report taken back in its buffer: the weekly is asked for again, and says nothing.
    c.open(standupUri, report);
    await new Promise((resolve) => setTimeout(resolve, 400)); // the refresh that opening it causes goes by
    const refreshes = c.refreshCount;
    c.replace(standupUri, report.replace('Yesterday I wrote', 'Today I will write'));
    await c.until(() => c.refreshCount > refreshes, 'a diagnostic refresh');
    assert.deepEqual(reportedDone(await c.pullDiagnostics(weeklyUri)), []);
  });
});
