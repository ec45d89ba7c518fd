// Edit safety, limits, contained errors and recovery of the language server, driven over JSON-RPC
// as an editor drives it (dist/server.js --stdio).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT, SAMPLE_PATH } from '../helpers/notes';
import { TestClient } from './testClient';

const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
const HEAD = ['# Sync — 2024-01-29', 'Attendees: Tom Bradley, Priya Shah, Mike Johnson', '', '## Action items', ''];

describe('language server: edit safety, limits and recovery', function () {
  this.timeout(60000);
  let dir: string;
  let folder: string;
  let client: TestClient | undefined;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-robust-'));
    copyFileSync(SAMPLE_PATH, join(dir, 'architecture-review-2024-01-29.txt'));
    folder = pathToFileURL(dir).toString();
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the command of the lens titled `title` on `line` (1-based); returns what the server answered. */
  const clickLens = async (uri: string, line: number, title: string) => {
    const lens = (await client!.codeLenses(uri)).find((l) => l.range.start.line === line - 1 && l.command?.title === title);
    assert.ok(lens, `a "${title}" lens on line ${line}`);
    return client!.executeCommand(lens.command!.command, lens.command!.arguments!);
  };

  describe('mark complete, then reopen, gives back the original bytes, each one undo step', () => {
    const cases: Array<[shape: string, entry: string[], settings?: Record<string, unknown>]> = [
      ['a task list of one item', ['- [ ] Tom: fix the flaky test - Due: 2024-01-30']],
      ['a plain bullet, without done dates', ['- Tom: fix the flaky test - Due: 2024-01-30', '- Priya: other'], { writeDoneDate: false }],
      ['a table row with an "In progress" status', ['| Owner | Task | Due | Status |', '|---|---|---|---|', '| Tom | fix the flaky test | 2024-01-30 | In progress |']],
      ['a table row with an empty status', ['| Owner | Task | Due | Status |', '|---|---|---|---|', '| Tom | fix the flaky test | 2024-01-30 |   |']],
      ['a numbered entry in CRLF notes', ['1. Tom: fix the flaky test - Due: 2024-01-30', '2. Priya: other']],
    ];
    for (const [shape, entry, settings] of cases) {
      it(shape, async () => {
        client = await TestClient.start({ pull: true, folder, ...(settings ? { settings } : {}) });
        const uri = uriOf('sync.md');
        const eol = shape.includes('CRLF') ? '\r\n' : '\n';
        const original = [...HEAD, ...entry, ''].join(eol);
        client.open(uri, original);
        const line = HEAD.length + entry.length;
        assert.equal(await clickLens(uri, line, 'Mark complete'), true);
        assert.notEqual(client.text(uri), original);
        assert.equal(client.appliedEdits.length, 1, 'one workspace edit');
        assert.equal(client.appliedEdits[0].edit.documentChanges!.length, 1, 'one document change');
        assert.equal(await clickLens(uri, line, 'Reopen'), true);
        assert.equal(client.text(uri), original);
        assert.equal(client.appliedEdits.length, 2, 'one workspace edit');
      });
    }

    it('an action item and its COMMITMENTS twin, both in one edit', async () => {
      client = await TestClient.start({ pull: true, folder });
      const uri = uriOf('architecture-review-2024-01-29.txt');
      client.open(uri, SAMPLE, 'plaintext');
      assert.equal(await clickLens(uri, 111, 'Mark complete'), true);
      const [edit] = client.appliedEdits;
      assert.equal(edit.edit.documentChanges!.length, 1);
      assert.equal((edit.edit.documentChanges![0] as { edits: unknown[] }).edits.length, 4, 'box and date on both lines');
      assert.equal(await clickLens(uri, 118, 'Reopen'), true);
      assert.equal(client.text(uri), SAMPLE);
    });

    it('marks every overdue item complete in one edit', async () => {
      client = await TestClient.start({ pull: true, folder });
      const uri = uriOf('architecture-review-2024-01-29.txt');
      client.open(uri, SAMPLE, 'plaintext');
      const [action] = await client.codeActions(uri, [], ['source']);
      assert.equal(action.edit!.documentChanges!.length, 1);
      assert.equal((action.edit!.documentChanges![0] as { edits: unknown[] }).edits.length, 4);
      assert.deepEqual(client.applyAction(action), { applied: true });
      assert.equal(client.text(uri).split('\n').filter((l) => l.includes('[x]')).length, 2);
    });
  });

  describe('clicks and fixes computed on an older text', () => {
    it('a click is refused, not applied to the wrong entry, when an entry with the same words appeared', async () => {
      client = await TestClient.start({ pull: true, folder });
      const uri = uriOf('sync.md');
      const text = [...HEAD, '- Tom: send the notes', '- Priya: book the room', ''].join('\n');
      client.open(uri, text);
      const lens = (await client.codeLenses(uri)).find((l) => l.command?.title === 'Mark complete')!;
      // Someone pastes the same entry above before the click arrives.
      const pasted = text.replace('- Tom: send the notes', '- Tom: send the notes\n- Tom: send the notes');
      client.replace(uri, pasted);
      assert.equal(await client.executeCommand(lens.command!.command, lens.command!.arguments!), false);
      assert.equal(client.text(uri), pasted);
      assert.ok(client.logs.some((l) => l.startsWith('shown: The notes have changed and there are two entries')), client.logs.join('\n'));
      // Clicked again on the current text, it applies to the entry clicked.
      const fresh = (await client.codeLenses(uri)).filter((l) => l.command?.title === 'Mark complete');
      assert.equal(await client.executeCommand(fresh[1].command!.command, fresh[1].command!.arguments!), true);
      assert.deepEqual(client.text(uri).split('\n').slice(HEAD.length, HEAD.length + 2), ['- Tom: send the notes', '- [x] Tom: send the notes ✅ 2024-02-01']);
    });

    it('a quick fix is not offered for a diagnostic that has moved since', async () => {
      client = await TestClient.start({ pull: true, folder });
      const uri = uriOf('architecture-review-2024-01-29.txt');
      client.open(uri, SAMPLE, 'plaintext');
      const old = (await client.pullDiagnostics(uri)).filter((d) => d.code === 'overdue');
      client.replace(uri, `New first line\n${SAMPLE}`);
      assert.deepEqual(await client.codeActions(uri, [old[0]]), []);
      const current = (await client.pullDiagnostics(uri)).filter((d) => d.code === 'overdue');
      assert.equal(current[0].range.start.line, old[0].range.start.line + 1);
      assert.ok((await client.codeActions(uri, [current[0]])).length > 0);
    });

    it('two fixes on the same line, one after the other, both apply', async () => {
      client = await TestClient.start({ pull: true, folder });
      const uri = uriOf('sync.md');
      client.open(uri, [...HEAD, '- update the runbook for cache outages', ''].join('\n'));
      const fixFor = async (code: string, title: RegExp) => {
        const diagnostic = (await client!.pullDiagnostics(uri)).find((d) => d.code === code)!;
        assert.ok(diagnostic, code);
        const actions: CodeAction[] = await client!.codeActions(uri, [diagnostic]);
        return actions.find((a) => title.test(a.title))!;
      };
      const owner = await fixFor('missing-owner', /Tom Bradley$/);
      const due = await fixFor('missing-due-date', /in a week/);
      assert.deepEqual(client.applyAction(owner), { applied: true });
      // The second fix, computed before the first was applied, is refused by its version: never misplaced.
      assert.equal(client.applyAction(due).applied, false);
      assert.deepEqual(client.applyAction(await fixFor('missing-due-date', /in a week/)), { applied: true });
      assert.equal(client.text(uri).split('\n')[HEAD.length], '- Tom Bradley: update the runbook for cache outages - Due: 2024-02-08');
      assert.deepEqual((await client.pullDiagnostics(uri)).map((d) => d.code), []);
    });
  });

  it('does not parse an open file over meetingNotes.maxFileSize, and says so with the skipped files', async () => {
    client = await TestClient.start({ pull: true, folder, settings: { maxFileSize: 0.01 } });
    const uri = uriOf('long.md');
    const entries = Array.from({ length: 400 }, (_, i) => `- Tom: task ${i} - Due: 2024-01-30`);
    client.open(uri, [...HEAD, ...entries, ''].join('\n'));
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    assert.deepEqual(await client.codeLenses(uri), []);
    const result = await client.actionItems();
    assert.deepEqual(
      result.skipped.filter((s) => s.uri === uri),
      [{ uri, reason: '13 KB is over the 10 KB limit' }],
    );
    // Cut down below the limit, it is read again.
    client.replace(uri, [...HEAD, ...entries.slice(0, 3), ''].join('\n'));
    assert.equal((await client.pullDiagnostics(uri)).filter((d) => d.code === 'overdue').length, 3);
    assert.deepEqual((await client.actionItems()).skipped.filter((s) => s.uri === uri), []);
  });

  it('does not read workspace files over the limit, binary or not UTF-8, and lists them with the reason', async () => {
    writeFileSync(join(dir, 'big.md'), [...HEAD, ...Array.from({ length: 400 }, (_, i) => `- Tom: task ${i} - Due: 2024-01-30`), ''].join('\n'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('Caf\xe9 sync\n- [ ] Ana: r\xe9sum\xe9\n', 'latin1'));
    client = await TestClient.start({ pull: true, folder, settings: { maxFileSize: 0.01 } });
    const result = await waitForItems(client);
    assert.deepEqual(
      result.skipped.map((s) => `${s.uri.split('/').pop()}: ${s.reason}`).sort(),
      ['big.md: 13 KB is over the 10 KB limit', 'binary.md: binary file', 'latin1.md: not UTF-8 text'],
    );
    assert.deepEqual([...new Set(result.items.map((i) => i.uri.split('/').pop()))], ['architecture-review-2024-01-29.txt']);
  });

  it('answers a request it cannot serve with an empty result, logs why, and keeps serving', async () => {
    client = await TestClient.start({ pull: true, folder });
    const uri = uriOf('architecture-review-2024-01-29.txt');
    client.open(uri, SAMPLE, 'plaintext');
    // A code action request without its context (a broken client).
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }), []);
    await client.until(() => client!.logs.some((l) => l.startsWith('code actions failed')), 'the error in the log');
    // URIs that name no local file.
    client.fileChanged('file://fileserver/share/notes.md', 2);
    client.open('file://fileserver/share/notes.md', SAMPLE);
    client.close('file://fileserver/share/notes.md');
    client.open('untitled:Untitled-1', SAMPLE);
    assert.equal((await client.pullDiagnostics('untitled:Untitled-1')).length, 10);
    assert.equal((await client.pullDiagnostics(uri)).length, 10);
    assert.ok(client.alive);
  });

  it('serves a client that declares almost nothing (no workspace folders, settings or progress)', async () => {
    // Such a client sends no folder events: asking for them made the server stop before it read its settings.
    client = await TestClient.start({ pull: true, minimal: true });
    const uri = uriOf('architecture-review-2024-01-29.txt');
    client.open(uri, SAMPLE, 'plaintext');
    const codes = (await client.pullDiagnostics(uri)).map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(codes.filter((c) => c.endsWith('overdue')), ['108 overdue', '109 overdue']);
    assert.ok(!client.logs.some((l) => l.includes('failed')), client.logs.join('\n'));
  });

  describe('process lifecycle and recovery', () => {
    it('exits with 0 after shutdown and exit, and with 1 on exit without shutdown (LSP)', async () => {
      client = await TestClient.start({ folder });
      await client.connection.sendRequest('shutdown');
      void client.connection.sendNotification('exit');
      assert.equal(await client.exited(), 0);
      client = await TestClient.start({ folder });
      void client.connection.sendNotification('exit');
      assert.equal(await client.exited(), 1);
    });

    it('exits when its input closes or when the editor process is gone', async () => {
      client = await TestClient.start({ folder });
      client.endInput();
      assert.notEqual(await client.exited(), undefined);
      const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      client = await TestClient.start({ folder, processId: editor.pid! });
      assert.ok(client.alive);
      editor.kill('SIGKILL');
      await client.exited(15000); // the server checks on the editor every few seconds
    });

    it('with --code-cache, keeps its compiled code in that folder for the next start; a damaged cache is replaced', async () => {
      const cacheDir = join(dir, 'code cache');
      const uri = uriOf('architecture-review-2024-01-29.txt');
      const start = async () => {
        client = await TestClient.start({ pull: true, serverArgs: [`--code-cache=${cacheDir}`], env: { MEETING_NOTES_CODE_CACHE_DELAY_MS: '200' } });
        client.open(uri, SAMPLE, 'plaintext');
        assert.equal((await client.pullDiagnostics(uri)).length, 10);
      };
      const cacheFiles = () => readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));
      // A cache of another bundle, named as earlier versions named theirs: removed when this one's is written.
      mkdirSync(cacheDir, { recursive: true });
      const older = 'server-0123456789abcdef.v8cache';
      writeFileSync(join(cacheDir, older), 'older bundle');
      await start();
      await client!.until(() => cacheFiles().length === 1 && cacheFiles()[0] !== older, 'the code cache written, the older one removed');
      const [name] = cacheFiles();
      assert.ok(statSync(join(cacheDir, name)).size > 100_000, 'compiled code, not an empty file');
      await client!.stop();
      writeFileSync(join(cacheDir, name), 'not V8 code');
      await start();
      await client!.until(() => statSync(join(cacheDir, name)).size > 100_000, 'the damaged cache rewritten');
      assert.deepEqual(cacheFiles(), [name]);
    });

    it('after a crash, a restarted server gives back the diagnostics and the items', async () => {
      client = await TestClient.start({ pull: true, folder });
      const uri = uriOf('architecture-review-2024-01-29.txt');
      client.open(uri, SAMPLE, 'plaintext');
      const before = await client.pullDiagnostics(uri);
      const items = await waitForItems(client);
      assert.equal(await client.kill(), null);
      assert.ok(!client.alive);
      // What vscode-languageclient does after a crash: start the server again and reopen the documents.
      client = await TestClient.start({ pull: true, folder });
      client.open(uri, SAMPLE, 'plaintext');
      assert.deepEqual(await client.pullDiagnostics(uri), before);
      assert.deepEqual((await waitForItems(client)).items, items.items);
    });
  });

  it('reads notes in folders and files whose names have spaces and non-ASCII letters', async () => {
    const sub = join(dir, 'réunions 2025', 'équipe plateforme');
    mkdirSync(sub, { recursive: true });
    copyFileSync(join(ROOT, 'examples', '2025-03-10-platform-sync.md'), join(sub, '2025-03-10 sync ✓.md'));
    client = await TestClient.start({ pull: true, folder });
    const result = await waitForItems(client, (r) => r.items.some((i) => i.uri.includes('sync%20%E2%9C%93.md')));
    const item = result.items.find((i) => i.task === 'Update the runbook for cache outages')!;
    assert.equal(item.uri, pathToFileURL(join(sub, '2025-03-10 sync ✓.md')).toString());
    client.open(item.uri, readFileSync(join(sub, '2025-03-10 sync ✓.md'), 'utf8'));
    const diagnostics: Diagnostic[] = await client.pullDiagnostics(item.uri);
    assert.ok(diagnostics.some((d) => d.code === 'missing-owner'));
  });
});

async function waitForItems(client: TestClient, ready: (r: Awaited<ReturnType<TestClient['actionItems']>>) => boolean = (r) => r.complete && r.items.length > 0) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const result = await client.actionItems();
    if (ready(result)) return result;
    if (Date.now() > deadline) throw new Error(`items never became ready: ${JSON.stringify(result).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
