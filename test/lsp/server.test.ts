import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { ServerCommands } from '../../server/src/protocol';
import { ROOT, SAMPLE_PATH } from '../helpers/notes';
import { TestClient } from './testClient';

const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
const codesByLine = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();
const EXPECTED_SAMPLE = [
  'due-soon@110', 'due-soon@111', 'due-soon@118', 'due-soon@120', 'due-soon@96',
  'overdue@108', 'overdue@109', 'uncaptured-commitment@96', 'vague-due-date@114', 'vague-due-date@121',
];

describe('language server over JSON-RPC (dist/server.js --stdio)', function () {
  this.timeout(30000);
  let dir: string;
  let folder: string;
  let sampleUri: string;
  let client: TestClient | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-lsp-'));
    for (const f of ['architecture-review-2024-01-29.txt', '2025-03-10-platform-sync.md', 'design-review-search.md']) copyFileSync(join(ROOT, 'examples', f), join(dir, f));
    writeFileSync(join(dir, 'README.md'), '# Project\n\n- [ ] write docs\n');
    folder = pathToFileURL(dir).toString();
    sampleUri = pathToFileURL(join(dir, 'architecture-review-2024-01-29.txt')).toString();
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers pull diagnostics with the expected codes at the expected lines', async () => {
    client = await TestClient.start({ pull: true, folder });
    client.open(sampleUri, SAMPLE, 'plaintext');
    assert.deepEqual(codesByLine(await client.pullDiagnostics(sampleUri)), EXPECTED_SAMPLE);
  });

  it('says a report is unchanged when the diagnostics are those the client holds, and sends them in full when they move', async () => {
    client = await TestClient.start({ pull: true, folder });
    client.open(sampleUri, SAMPLE, 'plaintext');
    await client.pullDiagnostics(sampleUri);
    // A word typed in a statement with no finding: every diagnostic keeps its place.
    const line = SAMPLE.split('\n').findIndex((l) => l.startsWith('[00:00]'));
    client.edit(sampleUri, { start: { line, character: 8 }, end: { line, character: 8 } }, 'well, ');
    assert.deepEqual(codesByLine(await client.pullDiagnostics(sampleUri)), EXPECTED_SAMPLE);
    assert.equal(client.unchangedReports, 1);
    // A line added at the top moves them all: a full report.
    client.edit(sampleUri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '\n');
    const moved = codesByLine(await client.pullDiagnostics(sampleUri));
    assert.equal(client.unchangedReports, 1);
    assert.deepEqual(moved, EXPECTED_SAMPLE.map((entry) => entry.replace(/\d+$/, (n) => `${Number(n) + 1}`)).sort());
  });

  it('pushes diagnostics, with the document version, to a client without pull support and without settings', async () => {
    client = await TestClient.start({ folder });
    client.open(sampleUri, SAMPLE, 'plaintext');
    const diagnostics = await client.pushedDiagnostics(sampleUri, 1);
    assert.deepEqual(codesByLine(diagnostics), EXPECTED_SAMPLE);
    const overdue = diagnostics.find((d) => d.code === 'overdue')!;
    assert.equal(overdue.source, 'meeting-notes');
    assert.equal(overdue.severity, 2);
    assert.deepEqual(overdue.range, { start: { line: 107, character: 57 }, end: { line: 107, character: 65 } });
  });

  it('applies settings without a reload: severity per code and due-soon days', async () => {
    client = await TestClient.start({ pull: true, folder, settings: { severity: { overdue: 'error', 'due-soon': 'off' } } });
    client.open(sampleUri, SAMPLE, 'plaintext');
    let diagnostics = await client.pullDiagnostics(sampleUri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'overdue').map((d) => d.severity), [1, 1]);
    assert.equal(diagnostics.filter((d) => d.code === 'due-soon').length, 0);
    const refreshes = client.refreshCount;
    client.setSettings({ dueSoonDays: 1 });
    await client.until(() => client!.refreshCount > refreshes, 'a diagnostic refresh');
    diagnostics = await client.pullDiagnostics(sampleUri);
    assert.deepEqual(codesByLine(diagnostics).filter((c) => c.startsWith('due-soon')), ['due-soon@110', 'due-soon@120']);
  });

  it('puts lenses on items: mark complete, how each stands, and a jump from statements to their entries', async () => {
    client = await TestClient.start({ pull: true, folder });
    client.open(sampleUri, SAMPLE, 'plaintext');
    const lenses = await client.codeLenses(sampleUri);
    const at = (line: number) => lenses.filter((l) => l.range.start.line === line - 1).map((l) => l.command!.title);
    assert.deepEqual(at(108), ['Mark complete', 'Mike Johnson · due Tue, Jan 30 · 2 days overdue']);
    assert.deepEqual(at(118), ['Mark complete', 'Tom Bradley · due Sat, Feb 3 · in 2 days']);
    assert.deepEqual(at(114), ['Mark complete', 'Alex Rivera · due "Before production" (not a date)']);
    assert.deepEqual(at(96), ['Add to action items', 'Tom Bradley · due Sun, Feb 4 · in 3 days · not in the summary']);
    assert.deepEqual(at(24), ['Recorded as action item on line 111', 'Recorded as commitment on line 118']);
    const jump = lenses.find((l) => l.range.start.line === 23)!.command!;
    await client.executeCommand(jump.command, jump.arguments!);
    assert.deepEqual(client.shownDocuments[0], { uri: sampleUri, selection: { start: { line: 110, character: 3 }, end: { line: 110, character: 56 } }, takeFocus: true });
  });

  it('marks an item complete from its lens with the exact edit, its twin too, and then offers Reopen', async () => {
    client = await TestClient.start({ pull: true, folder });
    client.open(sampleUri, SAMPLE, 'plaintext');
    const lens = (await client.codeLenses(sampleUri)).find((l) => l.range.start.line === 110 && l.command!.title === 'Mark complete')!;
    assert.equal(await client.executeCommand(lens.command!.command, lens.command!.arguments!), true);
    const [edit] = client.appliedEdits;
    assert.deepEqual(edit.edit.documentChanges, [
      {
        textDocument: { uri: sampleUri, version: 1 },
        edits: [
          { range: { start: { line: 110, character: 3 }, end: { line: 110, character: 3 } }, newText: '[x] ' },
          { range: { start: { line: 110, character: 56 }, end: { line: 110, character: 56 } }, newText: ' ✅ 2024-02-01' },
          { range: { start: { line: 117, character: 2 }, end: { line: 117, character: 2 } }, newText: '[x] ' },
          { range: { start: { line: 117, character: 45 }, end: { line: 117, character: 45 } }, newText: ' ✅ 2024-02-01' },
        ],
      },
    ]);
    const lines = client.text(sampleUri).split('\n');
    assert.equal(lines[110], '4. [x] Tom: WebSocket infrastructure ready - Due: February 3 ✅ 2024-02-01');
    assert.equal(lines[117], '- [x] Tom: WebSocket infrastructure by February 3 ✅ 2024-02-01');
    const after = await client.codeLenses(sampleUri);
    assert.deepEqual(after.filter((l) => l.range.start.line === 110).map((l) => l.command!.title), ['Reopen', 'Tom Bradley · done 2024-02-01']);
    assert.ok(!codesByLine(await client.pullDiagnostics(sampleUri)).includes('due-soon@111'));
  });

  it('recomputes a command sent for an older version on the current text, and refuses when the item is gone', async () => {
    client = await TestClient.start({ pull: true, folder });
    client.open(sampleUri, SAMPLE, 'plaintext');
    const lens = (await client.codeLenses(sampleUri)).find((l) => l.range.start.line === 107 && l.command!.title === 'Mark complete')!;
    // Two lines are inserted above the item before the click reaches the server.
    client.replace(sampleUri, SAMPLE.replace('ACTION ITEMS:\n', 'ACTION ITEMS:\n0. Rachel: new entry\n0. Tom: another\n'));
    assert.equal(await client.executeCommand(lens.command!.command, lens.command!.arguments!), true);
    const lines = client.text(sampleUri).split('\n');
    assert.equal(lines[109], '1. [x] Mike: Test Redis connection pool optimizations - Due: Tomorrow ✅ 2024-02-01');
    assert.equal(lines[107], '0. Rachel: new entry');

    client.replace(sampleUri, client.text(sampleUri).replace(/^2\. Mike: Escalate.*\n/m, ''));
    const stale = { uri: sampleUri, itemId: 'no-such-item', version: 1 };
    const before = client.text(sampleUri);
    assert.equal(await client.executeCommand(ServerCommands.markComplete, [stale]), false);
    assert.equal(client.text(sampleUri), before);
  });

  it('sends quick-fix edits with their version, so an edit for an old version is refused, never misplaced', async () => {
    client = await TestClient.start({ pull: true, folder });
    client.open(sampleUri, SAMPLE, 'plaintext');
    const overdue = (await client.pullDiagnostics(sampleUri)).filter((d) => d.code === 'overdue');
    const [fix] = await client.codeActions(sampleUri, [overdue[0]]);
    client.replace(sampleUri, `New first line\n${SAMPLE}`);
    assert.equal(client.applyAction(fix).applied, false);
    assert.equal(client.text(sampleUri), `New first line\n${SAMPLE}`);
  });

  describe('quick fixes', () => {
    const fixText = async (uri: string, text: string, code: string, title: RegExp, line?: number) => {
      client = client ?? (await TestClient.start({ pull: true, folder }));
      client.open(uri, text);
      const diagnostic = (await client.pullDiagnostics(uri)).find((d) => d.code === code && (line === undefined || d.range.start.line === line - 1));
      assert.ok(diagnostic, `a ${code} diagnostic`);
      const actions: CodeAction[] = await client.codeActions(uri, [diagnostic]);
      const action = actions.find((a) => title.test(a.title));
      assert.ok(action, `a fix matching ${title} among ${actions.map((a) => a.title).join(' | ')}`);
      assert.deepEqual(client.applyAction(action), { applied: true });
      return { text: client.text(uri), titles: actions.map((a) => a.title) };
    };
    const platformUri = () => pathToFileURL(join(dir, '2025-03-10-platform-sync.md')).toString();
    const platform = () => readFileSync(join(dir, '2025-03-10-platform-sync.md'), 'utf8');
    const reviewUri = () => pathToFileURL(join(dir, 'design-review-search.md')).toString();
    const review = () => readFileSync(join(dir, 'design-review-search.md'), 'utf8');

    it('overdue: mark complete', async () => {
      const { text, titles } = await fixText(sampleUri, SAMPLE, 'overdue', /^Mark .* complete$/, 108);
      assert.deepEqual(titles, ['Mark "Test Redis connection pool optimizations" complete', 'Set the due date to 2024-02-08 (in a week)', 'Set the due date to 2024-02-15 (in two weeks)', 'Write "Tomorrow" as 2024-01-30 (Tue, Jan 30)']);
      assert.equal(text.split('\n')[107], '1. [x] Mike: Test Redis connection pool optimizations - Due: Tomorrow ✅ 2024-02-01');
    });

    it('uncaptured commitment: add it to ACTION ITEMS', async () => {
      const { text } = await fixText(sampleUri, SAMPLE, 'uncaptured-commitment', /^Add to ACTION ITEMS$/);
      assert.deepEqual(text.split('\n').slice(114, 117), ['8. Rachel: Create PII test scenarios - Due: February 7', '9. Tom: Run cleanup - Due: 2024-02-04', '']);
      assert.ok(!codesByLine(await client!.pullDiagnostics(sampleUri)).some((c) => c.startsWith('uncaptured')));
    });

    it('vague due date: set a real date', async () => {
      const { text } = await fixText(sampleUri, SAMPLE, 'vague-due-date', /in two weeks/, 114);
      assert.equal(text.split('\n')[113], '7. Alex: Implement cost optimization for LLM calls - Due: 2024-02-15');
    });

    it('missing owner: assign an attendee', async () => {
      const { text, titles } = await fixText(platformUri(), platform(), 'missing-owner', /Marta Silva$/);
      assert.deepEqual(titles, ['Assign "Update the runbook for cache outages" to Priya Shah', 'Assign "Update the runbook for cache outages" to Jonas Weber', 'Assign "Update the runbook for cache outages" to Wei Zhang', 'Assign "Update the runbook for cache outages" to Marta Silva']);
      assert.ok(text.includes('\n- [ ] Marta Silva: Update the runbook for cache outages\n'));
    });

    it('unknown owner: nearest attendee first', async () => {
      const { text, titles } = await fixText(platformUri(), platform(), 'unknown-owner', /Marta Silva$/);
      assert.equal(titles.length, 4);
      assert.ok(text.includes('\n- [ ] Marta Silva: review the Bazel pin - Due: ASAP\n'));
    });

    it('missing due date: the date said in the transcript first', async () => {
      const { text, titles } = await fixText(reviewUri(), review(), 'missing-due-date', /said/);
      assert.equal(titles[0], 'Set the due date to 2025-03-11 (said "next Tuesday")');
      assert.ok(text.includes('\n- Chloé: schedule the leadership review - Due: 2025-03-11'));
    });

    it('due-date mismatch: use the date said', async () => {
      const { text } = await fixText(reviewUri(), review(), 'due-date-mismatch', /as said/);
      assert.ok(text.includes('- Ana: update the design doc with the hybrid approach - Due: 2025-03-07'));
    });

    it('uncaptured decision: add it to the summary', async () => {
      const { text } = await fixText(reviewUri(), review(), 'uncaptured-decision', /DECISIONS/, 10);
      assert.ok(text.endsWith('- Chloé: schedule the leadership review\n\n## Decisions\n\n- We go hybrid, BM25 first and embeddings to re-rank the top 50\n') || text.includes('## Decisions\n\n- We go hybrid'), text.slice(-300));
    });

    it('rewrite: a relative due date as the day it stands for, on the entry under the cursor', async () => {
      client = await TestClient.start({ pull: true, folder });
      client.open(sampleUri, SAMPLE, 'plaintext');
      const onLine = (line: number) => ({ range: { start: { line: line - 1, character: 5 }, end: { line: line - 1, character: 5 } } }) as Diagnostic;
      const [action, ...others] = await client.codeActions(sampleUri, [onLine(110)], ['refactor']);
      assert.equal(action.title, 'Write "End of week" as 2024-02-02 (Fri, Feb 2)');
      assert.deepEqual(others, []);
      client.applyAction(action);
      assert.equal(client.text(sampleUri).split('\n')[109], '3. David: All SSO endpoints under /v1 - Due: 2024-02-02');
      assert.deepEqual(await client.codeActions(sampleUri, [onLine(111)], ['refactor']), [], 'February 3 is already a day: nothing to rewrite');
    });

    it('source action: mark all overdue items of the file complete', async () => {
      client = await TestClient.start({ pull: true, folder });
      client.open(sampleUri, SAMPLE, 'plaintext');
      const [action] = await client.codeActions(sampleUri, [], ['source']);
      assert.equal(action.title, 'Mark all 2 overdue items of this file complete');
      client.applyAction(action);
      const lines = client.text(sampleUri).split('\n');
      assert.ok(lines[107].startsWith('1. [x] Mike') && lines[108].startsWith('2. [x] Mike'));
      assert.ok(!codesByLine(await client.pullDiagnostics(sampleUri)).some((c) => c.startsWith('overdue')));
    });
  });

  it('lists the items of every notes file of the workspace, open or not, and skips non-notes', async () => {
    client = await TestClient.start({ pull: true, folder });
    const all = await waitForItems(client, (r) => r.complete && r.items.length > 0);
    const files = [...new Set(all.items.map((i) => i.uri.split('/').pop()))].sort();
    assert.deepEqual(files, ['2025-03-10-platform-sync.md', 'architecture-review-2024-01-29.txt', 'design-review-search.md']);
    const item = all.items.find((i) => i.task === 'Test Redis connection pool optimizations')!;
    assert.deepEqual(item, {
      id: item.id, uri: sampleUri, range: { start: { line: 107, character: 3 }, end: { line: 107, character: 65 } },
      owner: 'Mike Johnson', task: 'Test Redis connection pool optimizations', due: { text: 'Tomorrow', date: '2024-01-30', vague: false },
      status: 'open', kind: 'action', source: 'summary', meeting: { title: 'Engineering Architecture Review', date: '2024-01-29', index: 0 }, linked: [], version: null, series: null,
    });
    assert.equal(all.today, '2024-02-01');
  });

  it('follows changes on disk: a changed, a new and a deleted file', async () => {
    client = await TestClient.start({ pull: true, folder });
    await waitForItems(client, (r) => r.complete && r.items.length > 0);
    const platformPath = join(dir, '2025-03-10-platform-sync.md');
    writeFileSync(platformPath, readFileSync(platformPath, 'utf8').replace('- [ ] Update the runbook for cache outages\n', ''));
    const notified = client.didChangeCount;
    client.fileChanged(pathToFileURL(platformPath).toString(), 2);
    await client.until(() => client!.didChangeCount > notified, 'meetingNotes/didChange');
    let result = await client.actionItems();
    assert.ok(!result.items.some((i) => i.task === 'Update the runbook for cache outages'));

    const newPath = join(dir, '2025-04-01-retro.md');
    writeFileSync(newPath, '# Retro — 2025-04-01\n\n## Action items\n- [ ] Ana: fix the flaky test - Due: Friday\n');
    client.fileChanged(pathToFileURL(newPath).toString(), 1);
    result = await waitForItems(client, (r) => r.items.some((i) => i.task === 'Fix the flaky test'));
    assert.equal(result.items.find((i) => i.task === 'Fix the flaky test')!.due!.date, '2025-04-04');

    rmSync(newPath);
    client.fileChanged(pathToFileURL(newPath).toString(), 3);
    await waitForItems(client, (r) => !r.items.some((i) => i.task === 'Fix the flaky test'));
  });

  it('gives the outline: meetings with their decisions, items and commitments', async () => {
    client = await TestClient.start({ pull: true, folder });
    client.open(sampleUri, SAMPLE, 'plaintext');
    const [meeting] = await client.symbols(sampleUri);
    assert.equal(meeting.name, 'Engineering Architecture Review');
    assert.equal(meeting.detail, '2024-01-29');
    assert.deepEqual(meeting.children!.slice(0, 3).map((s) => `${s.name} [${s.detail}]`), [
      'Tom Bradley: Run cleanup [commitment · 2024-02-04]',
      'Full WebSocket implementation with phased rollout [decision]',
      'Escalate TechCorp IdP issue to Sarah - recommend SAML compliance requirement [decision]',
    ]);
    assert.equal(meeting.children!.length, 18);
  });

  it('survives malformed requests and keeps answering', async () => {
    client = await TestClient.start({ pull: true, folder });
    assert.equal(await client.executeCommand(ServerCommands.markComplete, [{ nonsense: true }]), false);
    assert.equal(await client.executeCommand(ServerCommands.markComplete, []), false);
    assert.deepEqual(await client.codeLenses('file:///not/open.md'), []);
    client.open(sampleUri, SAMPLE, 'plaintext');
    assert.equal((await client.pullDiagnostics(sampleUri)).length, 10);
    assert.ok(client.alive);
  });
});

async function waitForItems(client: TestClient, ready: (r: Awaited<ReturnType<TestClient['actionItems']>>) => boolean) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const result = await client.actionItems();
    if (ready(result)) return result;
    if (Date.now() > deadline) throw new Error(`items never became ready: ${JSON.stringify(result).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
