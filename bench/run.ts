// `npm run bench`: how fast the analysis, the language server, its index and the command line
// are on long notes and large workspaces, side by side with ripgrep scanning the same files for
// task lines. Corpora are generated deterministically (bench/corpus.ts). Prints a table and writes
// bench/RESULTS.md. Timings are wall-clock on this machine, whatever else it is doing: the load
// average is printed with them.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeNotes } from '../server/src/core/analyze';
import { memoSettings } from '../server/src/core/memo';
import { ListingRefresher } from '../client/src/logic/refresher';
import { SERVER_ENVIRONMENT } from '../client/src/serverEnvironment';
import type { ActionItemsResult } from '../server/src/protocol';
import { TestClient } from '../test/lsp/testClient';
import { type Corpus, ensureCorpus, random } from './corpus';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SAMPLE = join(ROOT, 'examples', 'architecture-review-2024-01-29.txt');
/** Task lines: a list item with a checkbox, or one that starts with an owner (`- Mike: …`, `1. Tom: …`). */
const TASK_LINES = String.raw`^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]|[\p{L}@][\p{L} .'-]{0,40}:)`;

interface Row {
  what: string;
  corpus: string;
  value: number | null;
  unit: 'ms' | 'MB';
  /** ripgrep's time on the same files, for the ratio. */
  rg?: number | null;
  note?: string;
}

const rows: Row[] = [];
const log = (line: string) => process.stdout.write(`${line}\n`);

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const started = new Date();
  const loadBefore = loadavg();
  log('Generating corpora (once; bench/corpus/)…');
  const corpus = ensureCorpus(join(ROOT, 'bench', 'corpus'));
  const rg = ripgrep();
  log(rg.version ? `ripgrep: ${rg.version}` : 'ripgrep: NOT FOUND (apt-get install ripgrep): ripgrep columns are left empty');

  const rgTimes = new Map<string, number | null>();
  for (const s of [...corpus.singles, corpus.log]) rgTimes.set(s.label, rg.time(s.path));
  for (const w of corpus.workspaces) rgTimes.set(w.label, rg.time(w.dir));
  rgTimes.set('sample', rg.time(SAMPLE));

  fullAnalysis(corpus, rgTimes);
  await startUp(rgTimes);
  await editLatency(corpus.singles[corpus.singles.length - 1], rgTimes);
  await editLatency(corpus.log, rgTimes);
  await indexing(corpus, rgTimes);
  commandLine(corpus, rgTimes);
  for (const [label, value] of rgTimes) rows.push({ what: 'ripgrep, task lines', corpus: label, value, unit: 'ms', rg: value });

  const loadAfter = loadavg();
  const table = render(rows);
  log(`\n${table}`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${rg.version ?? 'no ripgrep'}`;
  const load = `load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} after`;
  writeFileSync(
    join(ROOT, 'bench', 'RESULTS.md'),
    [
      '# Benchmark results',
      '',
      `Written by \`npm run bench\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC. ${machine}; ${load}.`,
      'Wall-clock times: other work on the machine slows them down. Ratios are to ripgrep scanning the same files for task lines (warm file cache).',
      '',
      table,
      '',
    ].join('\n'),
  );
  log(`\n${machine}\n${load}\nWritten to bench/RESULTS.md`);
  rmSync(CODE_CACHE, { recursive: true, force: true });
}

/** Full analysis (parse and model) with nothing remembered between runs, in this process: median of several runs. */
function fullAnalysis(corpus: Corpus, rgTimes: Map<string, number | null>): void {
  memoSettings.enabled = false; // a first analysis: nothing remembered from earlier runs
  const inputs = [{ label: 'sample', path: SAMPLE, runs: 200 }, ...[...corpus.singles, corpus.log].map((s) => ({ label: s.label, path: s.path, runs: s.bytes > 500_000 ? 5 : s.bytes > 50_000 ? 20 : 200 }))];
  for (const { label, path, runs } of inputs) {
    const text = readFileSync(path, 'utf8');
    // Steady state, as in a running server: a few runs first so that the engine has compiled the code.
    for (let i = 0; i < Math.min(20, runs); i++) analyzeNotes(text, { fileName: path });
    const times = Array.from({ length: runs }, () => time(() => analyzeNotes(text, { fileName: path })));
    rows.push({ what: 'full analysis (median)', corpus: label, value: median(times), unit: 'ms', rg: rgTimes.get(label) });
    log(`full analysis ${label}: ${median(times).toFixed(1)} ms`);
  }
  memoSettings.enabled = true;
}

/** Where the runs below keep the server's compiled code, as VS Code's client does (`--code-cache`). */
const CODE_CACHE = mkdtempSync(join(tmpdir(), 'meeting-notes-code-cache-'));
const withCodeCache = [`--code-cache=${CODE_CACHE}`];

/** One server start: spawn → initialize → open the sample → its pull diagnostics. */
async function startToDiagnostics(serverArgs: string[], stay = false): Promise<number> {
  const text = readFileSync(SAMPLE, 'utf8');
  const uri = pathToFileURL(SAMPLE).toString();
  const start = performance.now();
  const client = await TestClient.start({ pull: true, today: '2024-02-01', serverArgs, env: { ...SERVER_ENVIRONMENT, MEETING_NOTES_CODE_CACHE_DELAY_MS: '500' } });
  try {
    client.open(uri, text, 'plaintext');
    await client.pullDiagnostics(uri);
    const ms = performance.now() - start;
    if (stay) await new Promise((resolve) => setTimeout(resolve, 1500)); // until the code cache is written
    return ms;
  } finally {
    await client.stop();
  }
}

/** Server start → first diagnostics of the sample, no workspace: a first start, and one with the code cache of an earlier start. */
async function startUp(rgTimes: Map<string, number | null>): Promise<void> {
  await startToDiagnostics(withCodeCache, true); // writes the code cache
  const cold: number[] = [];
  const cached: number[] = [];
  const nodeAlone: number[] = [];
  for (let i = 0; i < 7; i++) {
    cold.push(await startToDiagnostics([]));
    cached.push(await startToDiagnostics(withCodeCache));
    // Node starting and doing nothing, between the same starts: the part of a start that is not the server's.
    nodeAlone.push(time(() => spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' })));
  }
  rows.push({ what: 'server start → first diagnostics, median of 7', corpus: 'sample', value: median(cold), unit: 'ms', rg: rgTimes.get('sample'), note: 'first start' });
  rows.push({ what: 'server start → first diagnostics, median of 7', corpus: 'sample', value: median(cached), unit: 'ms', rg: rgTimes.get('sample'), note: 'later starts (code cache)' });
  rows.push({ what: 'Node alone (`node -e 0`), median of 7', corpus: '', value: median(nodeAlone), unit: 'ms', note: 'Node\'s own start, part of every server start' });
  log(`start → first diagnostics (sample): ${median(cold).toFixed(0)} ms, with the code cache ${median(cached).toFixed(0)} ms; node -e 0: ${median(nodeAlone).toFixed(0)} ms`);
}

/** Edit → pull diagnostics through the real server over JSON-RPC, on a 1 MB file (the transcript, the running log). */
async function editLatency(single: Corpus['log'], rgTimes: Map<string, number | null>): Promise<void> {
  const text = readFileSync(single.path, 'utf8');
  const uri = pathToFileURL(single.path).toString();
  const client = await TestClient.start({ pull: true, today: '2024-02-01', env: SERVER_ENVIRONMENT });
  try {
    client.open(uri, text, single.path.endsWith('.md') ? 'markdown' : 'plaintext');
    const openedAt = performance.now();
    await client.pullDiagnostics(uri);
    const firstDiagnostics = performance.now() - openedAt;
    const next = random(42);
    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const doc = client.documents.get(uri)!;
      const offset = Math.floor(next() * doc.getText().length);
      const at = doc.positionAt(offset);
      const roll = next();
      if (roll < 0.6) client.edit(uri, { start: at, end: at }, 'abc'[Math.floor(next() * 3)]);
      else if (roll < 0.85) client.edit(uri, { start: at, end: doc.positionAt(offset + 1) }, '');
      else if (roll < 0.95) client.edit(uri, { start: at, end: at }, ' by Friday');
      else client.edit(uri, { start: at, end: at }, '\n');
      // From the edit in the client's copy, as in an editor's buffer, whose notification goes out from
      // here: making that copy (a 1 MB text made again, ~0.7 ms) is this client's cost, not the server's.
      const start = performance.now();
      await client.pullDiagnostics(uri);
      latencies.push(performance.now() - start);
    }
    const p50 = median(latencies);
    const p95 = quantile(latencies, 0.95);
    rows.push({ what: 'open → first diagnostics (cold)', corpus: single.label, value: firstDiagnostics, unit: 'ms', rg: rgTimes.get(single.label) });
    rows.push({ what: 'edit → diagnostics, median of 100', corpus: single.label, value: p50, unit: 'ms', rg: rgTimes.get(single.label) });
    rows.push({ what: 'edit → diagnostics, p95 of 100', corpus: single.label, value: p95, unit: 'ms', rg: rgTimes.get(single.label), note: `max ${Math.max(...latencies).toFixed(0)} ms` });
    log(`edit → diagnostics on ${single.label}: median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (first diagnostics ${firstDiagnostics.toFixed(0)} ms)`);
  } finally {
    await client.stop();
  }
}

/** The server indexing the 10,000-file workspace: cold (empty cache), then warm (cache from the cold run). */
async function indexing(corpus: Corpus, rgTimes: Map<string, number | null>): Promise<void> {
  const storage = mkdtempSync(join(tmpdir(), 'meeting-notes-bench-'));
  try {
    for (const workspace of corpus.workspaces) {
      const open = theFirstFile(workspace.dir); // found once, before any clock starts
      for (const run of ['cold', 'warm'] as const) {
        if (run === 'cold') rmSync(join(storage, workspace.label), { recursive: true, force: true });
        const result = await indexOnce(workspace.dir, open, join(storage, workspace.label));
        const rgTime = rgTimes.get(workspace.label);
        rows.push({ what: `index, ${run} (${run === 'cold' ? 'no cache' : 'cache'})`, corpus: workspace.label, value: result.ms, unit: 'ms', rg: rgTime, note: `${result.items} items` });
        rows.push({ what: `Action Items view, first items, ${run}`, corpus: workspace.label, value: result.firstItemsMs, unit: 'ms', note: 'start → the tree shows its first items' });
        rows.push({ what: `Action Items view complete, ${run}`, corpus: workspace.label, value: result.viewMs, unit: 'ms', rg: rgTime, note: 'start → the tree shows every item' });
        rows.push({ what: `server memory, peak (${run})`, corpus: workspace.label, value: result.peakMb, unit: 'MB' });
        // One start varies by tens of milliseconds: three more, each stopped at its first diagnostics
        // (a cold one with an empty cache of its own, a warm one with the cache the runs above left).
        const starts = [result.firstDiagnostics];
        for (let i = 0; i < 3; i++) {
          const cache = run === 'cold' ? mkdtempSync(join(storage, 'cold-start-')) : join(storage, workspace.label);
          starts.push(await startWhileIndexing(workspace.dir, open, cache));
          if (run === 'cold') rmSync(cache, { recursive: true, force: true });
        }
        rows.push({ what: 'start → first diagnostics of an open file, median of 4', corpus: workspace.label, value: median(starts), unit: 'ms', note: `while indexing, ${run} (code cache)` });
        log(`index ${workspace.label} ${run}: ${result.ms.toFixed(0)} ms, ${result.items} items, view's first items ${result.firstItemsMs.toFixed(0)} ms, complete ${result.viewMs.toFixed(0)} ms, peak ${result.peakMb?.toFixed(0)} MB, first diagnostics ${starts.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      }
      if (workspace !== corpus.workspaces[corpus.workspaces.length - 1]) continue;
      const { during, after } = await typingWhileIndexing(workspace.dir, open, mkdtempSync(join(storage, 'typing-')));
      const note = `${during.length} edits, one every 150 ms, while indexing (cold)`;
      rows.push({ what: 'edit → diagnostics of the open file while indexing, median', corpus: workspace.label, value: median(during), unit: 'ms', note });
      rows.push({ what: 'edit → diagnostics of the open file while indexing, p90', corpus: workspace.label, value: quantile(during, 0.9), unit: 'ms', note: `max ${Math.max(...during).toFixed(0)} ms` });
      rows.push({ what: 'edit → diagnostics of the open file once indexed, median', corpus: workspace.label, value: median(after), unit: 'ms', note: `${after.length} edits in the 3 s after the scan; max ${Math.max(...after).toFixed(0)} ms` });
      log(`typing ${workspace.label}: while indexing median ${median(during).toFixed(0)} ms, p90 ${quantile(during, 0.9).toFixed(0)} ms (${during.length} edits); after median ${median(after).toFixed(0)} ms, max ${Math.max(...after).toFixed(0)} ms`);
      const pulled = await checkout(workspace.dir, open);
      const edits = `${pulled.edits.length} edits, one every 100 ms, during the checkout`;
      rows.push({ what: `a checkout: ${pulled.changed.toLocaleString('en-US')} files changed at once → the tree shows every change`, corpus: workspace.label, value: pulled.ms, unit: 'ms', rg: rgTimes.get(workspace.label), note: 'one report of the watcher, after a cold index' });
      rows.push({ what: 'edit → diagnostics of the open file during the checkout, median', corpus: workspace.label, value: median(pulled.edits), unit: 'ms', note: `${edits}; max ${Math.max(...pulled.edits).toFixed(0)} ms` });
      rows.push({ what: 'server memory, peak, through the checkout', corpus: workspace.label, value: pulled.peakMb, unit: 'MB' });
      log(`checkout ${workspace.label}: ${pulled.changed} files, the tree has them after ${pulled.ms.toFixed(0)} ms; edits median ${median(pulled.edits).toFixed(0)} ms, max ${Math.max(...pulled.edits).toFixed(0)} ms; peak ${pulled.peakMb?.toFixed(0)} MB`);
    }
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
}

async function indexOnce(dir: string, open: string, storagePath: string) {
  const start = performance.now();
  const client = await startOnWorkspace(dir, storagePath);
  try {
    const tree = followListing(client);
    const firstDiagnostics = await openFile(client, open, start);
    await client.until(() => client.progressEnded > 0, 'the end of indexing', 600_000);
    const ms = performance.now() - start;
    const { listing, completeAt, firstItemsAt } = await tree.settled();
    // The peak with the tree's listings in it, as in VS Code.
    const peakMb = peakMemoryMb(client.pid);
    return { ms, peakMb, items: listing.items.length, firstDiagnostics, viewMs: completeAt - start, firstItemsMs: firstItemsAt - start };
  } finally {
    await client.stop();
  }
}

/**
 * The tree view's part, played by the VS Code client's own refresher: the listing at the start,
 * then, at most 100 ms after each `didChange`, the changes since the revision it holds, in parts.
 */
function followListing(client: TestClient) {
  let latest: ActionItemsResult | null = null;
  /** When the tree showed a complete listing (the view's "Reading the workspace's notes…" gone). */
  let completeAt = 0;
  /** When the tree first showed items. */
  let firstItemsAt = 0;
  let stopped = false;
  let failure: Error | null = null;
  const refresher = new ListingRefresher({
    ask: (params, part) => (stopped ? Promise.resolve(null) : client.listItemsInParts(params, part)),
    show: (whole) => {
      latest = whole;
      if (whole.complete && !completeAt) completeAt = performance.now();
      if (whole.items.length && !firstItemsAt) firstItemsAt = performance.now();
    },
    failed: (error) => (failure ??= error),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
  });
  client.didChangeListeners.push((params) => refresher.changed(params.complete === true));
  void refresher.refresh();
  return {
    /** The listing the tree shows now. */
    latest: (): ActionItemsResult | null => latest,
    /** The listing once the tree has shown it complete (after the server's report of the end), and when that was. */
    async settled(): Promise<{ listing: ActionItemsResult; completeAt: number; firstItemsAt: number }> {
      await client.until(() => failure ?? latest?.complete, 'a complete listing', 600_000);
      await refresher.idle();
      stopped = true;
      if (failure) throw failure;
      return { listing: latest!, completeAt, firstItemsAt };
    },
  };
}

/**
 * Edits of the open file (a transcript of ~2 KB, in a meeting series) while the workspace is read
 * from scratch and for 3 s after: each edit → its diagnostics.
 */
async function typingWhileIndexing(dir: string, open: string, storagePath: string): Promise<{ during: number[]; after: number[] }> {
  const client = await startOnWorkspace(dir, storagePath);
  try {
    const uri = pathToFileURL(open).toString();
    client.open(uri, readFileSync(open, 'utf8'), 'plaintext');
    await client.pullDiagnostics(uri);
    const during: number[] = [];
    const after: number[] = [];
    let endedAt = 0;
    for (;;) {
      if (client.progressEnded > 0 && !endedAt) endedAt = performance.now();
      if (endedAt && performance.now() - endedAt > 3000) break;
      client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'x');
      const start = performance.now(); // as above: from the edit in the client's copy
      await client.pullDiagnostics(uri);
      (endedAt ? after : during).push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return { during, after };
  } finally {
    await client.stop();
  }
}

/**
 * A checkout: every fifth notes file of a copy of the workspace (2,000 of 10,000) changed on disk
 * at once and reported in one message of the watcher, after a cold index, the view following the
 * listing and a keystroke in the open file every 100 ms meanwhile: from the report until the tree
 * shows every change, and each keystroke → its diagnostics.
 */
async function checkout(dir: string, open: string): Promise<{ changed: number; ms: number; edits: number[]; peakMb: number | null }> {
  const copy = mkdtempSync(join(tmpdir(), 'meeting-notes-checkout-'));
  const storagePath = mkdtempSync(join(tmpdir(), 'meeting-notes-checkout-storage-'));
  cpSync(dir, copy, { recursive: true });
  const client = await startOnWorkspace(copy, storagePath);
  try {
    const tree = followListing(client);
    const opened = join(copy, relative(dir, open));
    const uri = pathToFileURL(opened).toString();
    await openFile(client, opened, performance.now());
    await client.until(() => client.progressEnded > 0 && tree.latest()?.complete, 'the end of indexing', 600_000);
    const files = execFileSync('find', [copy, '-type', 'f'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n').filter((p) => /\.(md|txt)$/.test(p) && p !== opened).sort();
    const changed = files.filter((_, i) => i % 5 === 0);
    const notes = new Set(tree.latest()!.items.map((i) => i.uri));
    const expected = changed.filter((path) => notes.has(pathToFileURL(path).toString())).length;
    for (const path of changed) appendFileSync(path, '\n## Action items\n\n- [ ] Wei Zhang: check the checkout - Due: 2024-03-01\n');
    const start = performance.now();
    client.filesChanged(changed.map((path) => ({ uri: pathToFileURL(path).toString(), type: 2 as const })));
    const edits: number[] = [];
    let done = false;
    const typing = (async () => {
      while (!done) {
        client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'x');
        const at = performance.now();
        await client.pullDiagnostics(uri);
        edits.push(performance.now() - at);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const shown = () => tree.latest()?.items.filter((i) => i.task === 'Check the checkout').length ?? 0;
    await client.until(() => tree.latest()?.complete && shown() >= expected, 'the checkout in the tree', 600_000);
    const ms = performance.now() - start;
    done = true;
    await typing;
    const peakMb = peakMemoryMb(client.pid);
    await tree.settled();
    return { changed: changed.length, ms, edits, peakMb };
  } finally {
    await client.stop();
    rmSync(copy, { recursive: true, force: true });
    rmSync(storagePath, { recursive: true, force: true });
  }
}

/** A start with a workspace, stopped once the open file has its diagnostics: start → those diagnostics. */
async function startWhileIndexing(dir: string, open: string, storagePath: string): Promise<number> {
  const start = performance.now();
  const client = await startOnWorkspace(dir, storagePath);
  try {
    return await openFile(client, open, start);
  } finally {
    await client.stop();
  }
}

/** The server started as VS Code starts it on a workspace folder: its storage, the code cache, its environment. */
function startOnWorkspace(dir: string, storagePath: string): Promise<TestClient> {
  return TestClient.start({ pull: true, folder: pathToFileURL(dir).toString(), today: '2024-02-01', initializationOptions: { storagePath }, serverArgs: withCodeCache, env: SERVER_ENVIRONMENT });
}

/** The file in front of the user: a transcript of the workspace. */
function theFirstFile(dir: string): string {
  return join(dir, findFirst(dir, /reviews\/review-\d+\.txt$/));
}

/** Opens a file as the editor does as it starts; the time from `start` to its diagnostics. */
async function openFile(client: TestClient, path: string, start: number): Promise<number> {
  const uri = pathToFileURL(path).toString();
  client.open(uri, readFileSync(path, 'utf8'), 'plaintext');
  await client.pullDiagnostics(uri);
  return performance.now() - start;
}

function findFirst(dir: string, pattern: RegExp): string {
  const out = execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const found = out.split('\n').find((p) => pattern.test(p));
  if (!found) throw new Error(`no file like ${pattern} in ${dir}`);
  return relative(dir, found);
}

/** Peak resident memory of a process (Linux /proc), worker threads included. */
function peakMemoryMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** `node dist/cli.js check --json` over each corpus: without a cache, then with a warm `--cache`. */
function commandLine(corpus: Corpus, rgTimes: Map<string, number | null>): void {
  const cacheRoot = mkdtempSync(join(tmpdir(), 'meeting-notes-cli-'));
  try {
    const targets = [...corpus.singles.map((s) => ({ label: s.label, path: s.path })), ...corpus.workspaces.map((w) => ({ label: w.label, path: w.dir }))];
    for (const { label, path } of targets) {
      const cache = join(cacheRoot, label.replace(/\W+/g, '-'));
      const cli = (extra: string[]) => time(() => spawnSync(process.execPath, [CLI, 'check', path, '--json', '--today', '2024-02-01', '--fail-on', 'none', ...extra], { stdio: 'ignore' }));
      const cold = cli([]);
      cli(['--cache', cache]); // fills the cache
      const warm = cli(['--cache', cache]);
      rows.push({ what: 'CLI check --json, no cache', corpus: label, value: cold, unit: 'ms', rg: rgTimes.get(label) });
      rows.push({ what: 'CLI check --json, warm --cache', corpus: label, value: warm, unit: 'ms', rg: rgTimes.get(label) });
      log(`CLI ${label}: ${cold.toFixed(0)} ms, cached ${warm.toFixed(0)} ms`);
    }
  } finally {
    rmSync(cacheRoot, { recursive: true, force: true });
  }
}

function ripgrep(): { version: string | null; time: (path: string) => number | null } {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return { version: null, time: () => null };
  const version = probe.stdout.split('\n')[0];
  return {
    version,
    time: (path) => {
      const run = () => time(() => spawnSync('rg', ['--count', '--no-messages', TASK_LINES, path], { stdio: 'ignore' }));
      run(); // warm the file cache
      return median(Array.from({ length: 5 }, run));
    },
  };
}

function render(list: Row[]): string {
  const header = '| measure | corpus | value | × ripgrep | note |\n| --- | --- | ---: | ---: | --- |';
  const lines = list.map((r) => {
    const value = r.value === null ? 'n/a' : r.unit === 'MB' ? `${r.value.toFixed(0)} MB` : `${r.value < 10 ? r.value.toFixed(1) : r.value.toFixed(0)} ms`;
    const ratio = r.unit === 'ms' && r.value !== null && r.rg ? `${(r.value / r.rg).toFixed(1)}×` : '';
    return `| ${r.what} | ${r.corpus} | ${value} | ${ratio} | ${r.note ?? ''} |`;
  });
  return [header, ...lines].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
