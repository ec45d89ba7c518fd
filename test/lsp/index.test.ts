import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NotesStore } from '../../server/src/lsp/store';
import { WorkspaceIndexer } from '../../server/src/lsp/indexer';
import { DEFAULT_SETTINGS, type DidChangeParams } from '../../server/src/protocol';
import { ROOT, SAMPLE_PATH } from '../helpers/notes';
import { TestClient } from './testClient';

const notesFile = (owner: string, task: string) => `# Sync\n\nDate: 2025-03-10\nAttendees: ${owner}, Ben\n\n## Action items\n\n- [ ] ${owner}: ${task} - Due: 2025-03-14\n`;

describe('workspace index', function () {
  this.timeout(60000);
  let dir: string;
  let storage: string;
  let client: TestClient | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-index-'));
    storage = mkdtempSync(join(tmpdir(), 'meeting-notes-storage-'));
    for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => /\.(?:md|txt)$/.test(f))) copyFileSync(join(ROOT, 'examples', f), join(dir, f));
    mkdirSync(join(dir, 'team'));
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, 'team', `2025-03-${String((i % 28) + 1).padStart(2, '0')}-sync-${i}.md`), notesFile('Ana', `task ${i}`));
    writeFileSync(join(dir, 'README.md'), '# Project\n\nHow to build it.\n');
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  const indexed = async () => {
    client = await TestClient.start({ pull: true, folder: pathToFileURL(dir).toString(), initializationOptions: { storagePath: storage } });
    await client.until(() => client!.progressEnded > 0, 'the end of indexing');
    const result = await client.actionItems();
    await client.stop();
    client = undefined;
    return result;
  };
  const tasks = (result: { items: Array<{ task: string; uri: string }> }) => result.items.map((i) => `${i.uri.split('/').pop()}: ${i.task}`).sort();

  it('keeps a cache in the client storage; the next start gives the same items, reading only what changed', async () => {
    const cold = await indexed();
    assert.equal(cold.complete, true);
    assert.equal(cold.items.filter((i) => i.uri.includes('/team/')).length, 60);
    assert.ok(readdirSync(join(storage, 'index')).some((f) => f.startsWith('models-')), 'the index cache is written');

    writeFileSync(join(dir, 'team', '2025-03-01-sync-0.md'), notesFile('Ben', 'write the docs'));
    rmSync(join(dir, 'team', '2025-03-02-sync-1.md'));
    const warm = await indexed();
    const expected = tasks(cold)
      .filter((t) => !t.startsWith('2025-03-01-sync-0.md') && !t.startsWith('2025-03-02-sync-1.md'))
      .concat('2025-03-01-sync-0.md: Write the docs')
      .sort();
    assert.deepEqual(tasks(warm), expected);

    // Touched, not changed (a checkout): stored again with the new time.
    const touched = join(dir, 'team', '2025-03-04-sync-3.md');
    utimesSync(touched, new Date('2030-01-01'), new Date('2030-01-01'));
    assert.deepEqual(tasks(await indexed()), expected);
    const lines = readdirSync(join(storage, 'index')).filter((f) => f.startsWith('models-')).flatMap((f) => readFileSync(join(storage, 'index', f), 'utf8').split('\n'));
    const last = lines.filter((line) => line.startsWith(JSON.stringify({ path: touched }).slice(0, -1))).pop()!;
    assert.equal(JSON.parse(last.split('\t')[0]).mtimeMs, new Date('2030-01-01').getTime());
    assert.equal(last.split('\t').length, 2, 'metadata, digest');
  });

  it('after a start from the cache, makes a closed file\'s model when a feature asks (a rename): from the cache, or from the file when it changed', async () => {
    await indexed();
    client = await TestClient.start({ pull: true, folder: pathToFileURL(dir).toString(), initializationOptions: { storagePath: storage } });
    await client.until(() => client!.progressEnded > 0, 'the end of indexing');
    // Changed on disk since it was read (no watcher here to say so): read again when its model is asked for.
    writeFileSync(join(dir, 'team', '2025-03-10-sync-9.md'), `\n\n${notesFile('Ana', 'inspect the zeppelin hangar')}`);
    const open = join(dir, 'team', '2025-03-09-sync-8.md');
    const uri = pathToFileURL(open).toString();
    client.open(uri, readFileSync(open, 'utf8'), 'markdown');
    // A rename edits the files' models: from the cache, or from the file when it changed.
    const edit = (await client.rename(uri, { line: 7, character: 7 }, 'Anabel'))!;
    const places = (edit.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits.map((e) => `${c.textDocument.uri.split('/').pop()}:${e.range.start.line}`) : []));
    assert.ok(places.includes('2025-03-08-sync-7.md:7'), 'from the cache');
    assert.ok(places.includes('2025-03-10-sync-9.md:9'), 'from the changed file');
    assert.ok(!places.includes('2025-03-10-sync-9.md:7'));
    assert.equal(places.filter((p) => p.startsWith('2025-03-')).length, 120, 'each attendee line and entry');
    // References, the view and the symbol search read the digests: the file as the index read it, until the watcher's report.
    const references = ((await client.references(uri, { line: 7, character: 7 }, false)) ?? []).map((l) => `${l.uri.split('/').pop()}:${l.range.start.line}`);
    assert.equal(references.filter((p) => p.startsWith('2025-03-')).length, 60);
    assert.ok(references.includes('2025-03-10-sync-9.md:7'));
    const found = async (query: string) => (await client!.workspaceSymbols(query)).map((s) => `${s.location.uri.split('/').pop()}:${s.location.range.start.line}: ${s.name}`);
    assert.deepEqual(await found('task 7'), ['2025-03-08-sync-7.md:7: Ana: Task 7']);
    assert.deepEqual(await found('task 9'), ['2025-03-10-sync-9.md:7: Ana: Task 9']);
  });

  it('follows a checkout: many files changed, one created and two deleted in one report of the watcher', async () => {
    // More than are read in the server's own thread (100): these are read on index workers.
    for (let i = 60; i < 200; i++) writeFileSync(join(dir, 'team', `2025-04-${String((i % 28) + 1).padStart(2, '0')}-sync-${i}.md`), notesFile('Ana', `task ${i}`));
    client = await TestClient.start({ pull: true, folder: pathToFileURL(dir).toString(), initializationOptions: { storagePath: storage } });
    await client.until(() => client!.progressEnded > 0, 'the end of indexing');
    const team = readdirSync(join(dir, 'team')).map((f) => join(dir, 'team', f));
    const uri = (path: string) => pathToFileURL(path).toString();
    for (const path of team) writeFileSync(path, readFileSync(path, 'utf8').replace(/task (\d+)/, 'checked out $1'));
    rmSync(team[0]);
    rmSync(team[1]);
    const added = join(dir, 'team', '2025-05-01-sync-new.md');
    writeFileSync(added, notesFile('Ben', 'review the checkout'));
    client.filesChanged([...team.slice(2).map((path) => ({ uri: uri(path), type: 2 as const })), { uri: uri(team[0]), type: 3 }, { uri: uri(team[1]), type: 3 }, { uri: uri(added), type: 1 }]);
    const tasks = (items: Array<{ uri: string; task: string }>) => items.filter((i) => i.uri.includes('/team/')).map((i) => i.task);
    let listed: string[] = [];
    for (const deadline = Date.now() + 30000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      listed = tasks((await client.actionItems()).items);
      if (listed.length === 199 && listed.every((t) => /^(Checked out \d+|Review the checkout)$/.test(t))) break;
    }
    assert.equal(listed.length, 199);
    assert.ok(listed.includes('Review the checkout'));
    assert.equal(listed.filter((t) => t.startsWith('Checked out')).length, 198);
    const gone = new Set([team[0], team[1]].map(uri));
    assert.ok(!(await client.actionItems()).items.some((i) => gone.has(i.uri)));
    // Read like a scan: with progress shown, the listing complete again once the series are worked out.
    await client.until(() => client!.progressEnded === 2, 'the end of the checkout\'s progress');
    assert.equal((await client.actionItems()).complete, true);
  });

  it('keeps the work followed through the series: a start that reads the same files says the same of them; a damaged record is ignored', async () => {
    const cold = await indexed();
    const seriesOf = (result: { items: Array<{ uri: string; id: string; series?: unknown }> }) => result.items.map((i) => `${i.uri.split('/').pop()} ${i.id} ${JSON.stringify(i.series)}`).sort();
    assert.ok(cold.items.filter((i) => i.series).length >= 60, 'the team notes are a series');
    const record = join(storage, 'index', 'series.json');
    assert.ok(existsSync(record), 'the series are kept');
    const written = statSync(record).mtimeMs;
    assert.deepEqual(seriesOf(await indexed()), seriesOf(cold));
    assert.equal(statSync(record).mtimeMs, written, 'nothing new to keep: not written again');
    writeFileSync(record, readFileSync(record, 'utf8').replace(/"open"/g, '"maybe"'));
    assert.deepEqual(seriesOf(await indexed()), seriesOf(cold), 'entries of another shape');
    assert.ok(!readFileSync(record, 'utf8').includes('"maybe"'), 'written again');
    writeFileSync(record, '{"analyzer":');
    assert.deepEqual(seriesOf(await indexed()), seriesOf(cold), 'a file cut short');
  });

  it('ignores a damaged or foreign cache and reads the files again', async () => {
    const cold = await indexed();
    for (const file of readdirSync(join(storage, 'index'))) {
      const path = join(storage, 'index', file);
      const [header, ...lines] = readFileSync(path, 'utf8').split('\n');
      // Another version's shard, a shard cut short, and lines whose stored models have another shape.
      if (file.endsWith('0.jsonl')) writeFileSync(path, '{"format":2,"analyzer":"another"}\n');
      else if (file.endsWith('1.jsonl')) writeFileSync(path, [header, ...lines.map((line) => line.replace(/\t.*/, '\t{"items":"no"}'))].join('\n'));
      else writeFileSync(path, `${header}\n${lines.join('\n').slice(0, 40)}`);
    }
    const again = await indexed();
    assert.deepEqual(tasks(again), tasks(cold));
  });

  it('with a cache of another version and many files to read, reads them on workers started then (a few are read in the server)', async () => {
    for (let i = 60; i < 200; i++) writeFileSync(join(dir, 'team', `2025-04-${String((i % 28) + 1).padStart(2, '0')}-sync-${i}.md`), notesFile('Ben', `task ${i}`));
    const cold = await indexed();
    assert.equal(cold.items.filter((i) => i.uri.includes('/team/')).length, 200);
    for (const file of readdirSync(join(storage, 'index')).filter((f) => f.endsWith('.jsonl'))) writeFileSync(join(storage, 'index', file), '{"format":2,"analyzer":"another"}\n');
    assert.deepEqual(tasks(await indexed()), tasks(cold));
  });

  it('reports files to the tree as they are read, in batches, before the index is complete', async () => {
    const batches: string[][] = [];
    const store = { retainIndexed: () => undefined, setIndexed: () => undefined, setSkipped: () => undefined, remove: () => undefined, isIndexed: () => false } as unknown as NotesStore;
    const indexer = new WorkspaceIndexer(store, (uris) => batches.push(uris));
    indexer.configure([pathToFileURL(dir).toString()], DEFAULT_SETTINGS, []);
    let completeDuringBatches = false;
    await indexer.scan({ begin: () => undefined, report: () => (completeDuringBatches ||= indexer.complete), done: () => undefined });
    const filled = batches.filter((b) => b.length > 0);
    assert.ok(filled.length >= 2, `${filled.length} batches`);
    assert.equal(completeDuringBatches, false);
    assert.equal(new Set(filled.flat()).size, 60 + readdirSync(join(ROOT, 'examples')).filter((f) => /\.(?:md|txt)$/.test(f)).length + 1);
    assert.deepEqual(batches[batches.length - 1], []); // then: complete
    assert.equal(indexer.complete, true);
  });

  it('tells the tree as indexing ends that its listing is complete, not a throttled second later', async () => {
    client = await TestClient.start({ pull: true, folder: pathToFileURL(dir).toString(), initializationOptions: { storagePath: storage } });
    const started = client;
    const changesAfterEnd: DidChangeParams[] = [];
    started.didChangeListeners.push((params) => {
      if (started.progressEnded > 0) changesAfterEnd.push(params);
    });
    await started.until(() => started.progressEnded > 0, 'the end of indexing');
    // Asked once the end is seen: messages keep their order, so a change told with the end comes first.
    const listing = await started.listItems({});
    // It says the listing is complete (the tree asks at once rather than after its delay).
    assert.deepEqual(changesAfterEnd.map((c) => c.complete), [true]);
    assert.equal(listing.complete, true);
    assert.equal(listing.items.filter((i) => i.uri.includes('/team/')).length, 60);
  });
});

describe('diagnostics of the newest version', function () {
  this.timeout(60000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('answers a pull sent right after a burst of edits from the last edit', async () => {
    client = await TestClient.start({ pull: true });
    const uri = 'untitled:burst.md';
    client.open(uri, 'Sync\nDate: 2024-01-29\nAttendees: Ana\n\nACTION ITEMS:\n- Ana: first - Due: 2024-02-20\n');
    await client.pullDiagnostics(uri);
    for (const day of ['21', '22', '23', '24', '25', '26', '27', '28', '29', '30']) {
      const doc = client.documents.get(uri)!;
      const at = doc.getText().indexOf('2024-02-') + 8;
      client.edit(uri, { start: doc.positionAt(at), end: doc.positionAt(at + 2) }, day);
    }
    const end = client.documents.get(uri)!.getText().indexOf('2024-02-');
    const lastEdit = client.edit(uri, { start: client.documents.get(uri)!.positionAt(end), end: client.documents.get(uri)!.positionAt(end + 10) }, '2024-01-30');
    assert.equal(lastEdit, 12);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['overdue']);
    assert.match(String(diagnostics[0].message), /2024-01-30/);
  });

  it('reads a long document first in slices, and answers for the text as edited meanwhile', async () => {
    client = await TestClient.start({ pull: true });
    const uri = 'untitled:long.txt';
    const sample = readFileSync(SAMPLE_PATH, 'utf8');
    const long = Array.from({ length: 30 }, () => sample).join('\n\n');
    client.open(uri, long, 'plaintext');
    // Before any answer: the first read is under way (or not yet started) when this edit arrives.
    const doc = client.documents.get(uri)!;
    const at = long.lastIndexOf('Due: Tomorrow');
    client.edit(uri, { start: doc.positionAt(at), end: doc.positionAt(at + 'Due: Tomorrow'.length) }, 'Due: ASAP');
    const [lenses, diagnostics] = await Promise.all([client.codeLenses('untitled:other.md'), client.pullDiagnostics(uri)]);
    assert.deepEqual(lenses, []);
    const lastLine = client.documents.get(uri)!.positionAt(at).line;
    assert.deepEqual(
      diagnostics.filter((d) => d.range.start.line === lastLine).map((d) => d.code),
      ['vague-due-date'],
    );
  });
});
