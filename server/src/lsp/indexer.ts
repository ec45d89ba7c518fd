import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { analyzeNotes } from '../core/analyze';
import type { NotesDigest } from '../core/digest';
import type { NotesModel } from '../core/model';
import { ANALYZER_VERSION } from '../core/version';
import { NOTES_EXTENSIONS } from '../files/discover';
import { fileUri } from '../files/uri';
import { type CacheEntry, IndexCache, freshness, shardOf } from '../index/cache';
import { type DiscoverJob, type FoundFile, type IndexJob, type IndexedResult, type SentResult, local, receive, runDiscover, runIndex } from '../index/jobs';
import { WorkerPool } from '../index/pool';
import { type ReadOptions, readNotesFile } from '../index/readNotesFile';
import { storedDigest, storedJson } from '../index/stored';
import { NOTES_FILES_GLOB, type NotesSettings } from '../protocol';
import { growHeapFor } from './heapGrowth';
import type { IndexedFile, NotesStore } from './store';

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

export interface IndexerOptions {
  /** The worker script (dist/indexWorker.js); without it, files are read in this thread. */
  workerFile?: string;
  /** The script of the worker that finds the files (dist/discoverWorker.js); without it, they are found in this thread. */
  discoverWorkerFile?: string;
  /** Where the index cache lives (the extension's storage); none: no cache. */
  cacheDir?: string | null;
  /** The documents open in the editor: their folders are read first. */
  openPaths?: () => string[];
  log?: (message: string) => void;
}

/** Which results the index cache holds: this analyzer's digests. */
export const INDEX_ANALYZER = `${ANALYZER_VERSION}+digest`;

/** Files per job: small enough that the tree fills in steadily, large enough to keep workers busy. */
const BATCH = 48;
const CACHE_WRITE_DELAY_MS = 2000;
/** Files found unchanged (their cache entry's size and time) taken in one step. */
const UNCHANGED_PER_STEP = 1000;
/**
 * With a cache, at most this many files to read are read in this thread rather than on index
 * workers started for them (a few changed files: ~1 ms each here, against ~0.2 s of a core to
 * start each worker).
 */
const READ_HERE_AT_MOST = 100;
/** Files read in this thread between two chances for requests to be answered (~1 ms each). */
const READ_HERE_PER_STEP = 4;
/** The young generation of the worker that finds the files: it runs once, then ends. */
const DISCOVER_YOUNG_MB = 32;
/** Characters of results' JSON that wait at most for a cache write during a scan. */
const FLUSH_CHARS = 4 * 1024 * 1024;

/**
 * Keeps the store's view of the notes files on disk: a scan of the workspace folders, then single
 * files as the file watcher reports them. A scan finds and reads files on worker threads (one per
 * core), so the editor's own requests are answered meanwhile; files next to the open documents
 * come first; results from the index cache are shown as soon as a look at the file's size and
 * time (or its hash) finds them still true. The store gets each file's digest; its full model is
 * made by reading the file again when a feature first asks for it.
 */
export class WorkspaceIndexer {
  private folders: string[] = [];
  private include: (path: string) => boolean = () => true;
  private exclude: (path: string) => boolean = () => false;
  private includeGlob = NOTES_FILES_GLOB;
  private excludeGlobs: string[] = [];
  private maxBytes = 5 * 1024 * 1024;
  private generation = 0;
  /** Per file: its digest. */
  private cache: IndexCache<NotesDigest> | null = null;
  private cacheLoaded: Promise<void> | null = null;
  private cacheTimer: NodeJS.Timeout | undefined;
  complete = false;
  /** Files the running scan must read (no cache entry), once it knows; 0 before, and when it reads only from its cache. */
  filesToRead = 0;

  constructor(
    private readonly store: NotesStore,
    private readonly onChange: (uris: string[]) => void,
    private readonly options: IndexerOptions = {},
  ) {}

  configure(folderUris: string[], settings: NotesSettings, excludes: string[]): void {
    this.folders = folderUris.filter((u) => u.startsWith('file:')).flatMap((u) => localPath(u) ?? []);
    this.includeGlob = settings.files;
    this.excludeGlobs = excludes;
    this.include = picomatch(settings.files, { dot: true, nocase: true });
    this.exclude = excludes.length ? picomatch(excludes, { dot: true }) : () => false;
    this.maxBytes = Math.round(settings.maxFileSize * 1024 * 1024);
  }

  get maxFileBytes(): number {
    return this.maxBytes;
  }

  /** Whether a file path is one this workspace's settings make a notes file. */
  accepts(path: string): boolean {
    const folder = this.folders.find((f) => path === f || path.startsWith(f + sep));
    if (!folder) return false;
    const rel = relative(folder, path).split(sep).join('/');
    const lower = rel.toLowerCase();
    return NOTES_EXTENSIONS.some((ext) => lower.endsWith(ext)) && this.include(rel) && !this.exclude(rel);
  }

  /** Re-reads every folder; a newer scan makes an older one stop. */
  async scan(progress?: IndexProgress): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.complete = false;
    this.filesToRead = 0;
    // No folder (a single file open): no threads to start, on a core the open document needs.
    const threads = !!this.folders.length;
    // With a cache, the files' sizes and times come with them: a file whose entry they match is
    // taken from the cache at once, not sent to a worker to be looked at again (~0.1 s of a warm
    // start of 10,000 files).
    const stats = !!this.options.cacheDir && existsSync(this.options.cacheDir);
    // Without a cache every file is read: the index workers start now, while the files are found.
    // With one, most files are found unchanged: they start only if many must be read, so that a
    // warm start's two cores are not spent starting them (~0.2 s of a core each).
    let pool = threads && !stats ? this.indexWorkers() : null;
    const finder = threads && this.options.discoverWorkerFile ? WorkerPool.create(this.options.discoverWorkerFile, 1, DISCOVER_YOUNG_MB) : null;
    try {
      // Finding the files (on a worker) and reading the cache (here) at the same time.
      const discover: DiscoverJob = { type: 'discover', folders: this.folders, include: this.includeGlob, excludes: this.excludeGlobs, stats };
      const discovering = this.discover(finder, discover);
      discovering.catch(() => undefined); // its failure is met below, once the cache is read
      discovering.finally(() => void finder?.close()).catch(() => undefined);
      await this.loadCache();
      const found = await discovering;
      // Files without a cache entry are read; those with one are mostly only looked at (the files
      // found changed are counted as they come back read).
      const unknown = found.reduce((count, { path }) => (this.cache?.get(path) ? count : count + 1), 0);
      let reread = 0;
      this.filesToRead = unknown;
      growHeapFor(unknown);
      if (!current()) return;
      const statOf = new Map(found.map((f) => [f.path, f.stat]));
      const paths = this.order(found.map((f) => f.path));
      for (const path of paths) this.uriOf(path);
      const seenPaths = new Set(paths);
      const seen = new Set(paths.map((p) => this.uriOf(p)));
      this.store.retainIndexed((uri) => seen.has(uri));
      progress?.begin(paths.length);

      let done = 0;
      const toLook: string[] = [];
      const unchanged: IndexedResult[] = [];
      for (const path of paths) {
        const stat = statOf.get(path);
        const entry = stat && this.cache?.get(path);
        if (stat && entry && freshness(entry, stat) === 'fresh') unchanged.push({ path, status: 'unchanged', stat, hash: entry.hash });
        else toLook.push(path);
      }
      // In steps, between which requests are answered.
      for (let at = 0; at < unchanged.length && current(); at += UNCHANGED_PER_STEP) {
        const step = unchanged.slice(at, at + UNCHANGED_PER_STEP);
        this.onChange(step.map((r) => this.apply(r)).filter((uri): uri is string => uri !== null));
        done += step.length;
        progress?.report(done, paths.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!current()) return;
      if (threads && !pool && toLook.length > READ_HERE_AT_MOST) pool = this.indexWorkers();
      await this.readInJobs(toLook, pool, current, (results) => {
        for (const r of results) if (r.status === 'read' && this.cache?.get(r.path)) reread++;
        growHeapFor(unknown + reread);
        done += results.length;
        progress?.report(done, paths.length);
      });
      if (!current()) return;
      this.storeTouched();
      this.cache?.prune((path) => seenPaths.has(path) || !this.folders.some((f) => path.startsWith(f + sep)));
      this.uris.clear();
      await this.cache?.flush();
      this.complete = true;
      progress?.done();
      this.onChange([]);
    } finally {
      await Promise.all([pool?.close(), finder?.close()]);
    }
  }

  /**
   * Reads files in jobs, on index workers when given, else here a few at a time between requests;
   * each job's results are recorded (and reported) as they come, until `current` turns false.
   * `looked`: whether a file with a cache entry is likely only looked at (a scan), not read.
   */
  private async readInJobs(paths: string[], pool: WorkerPool | null, current: () => boolean, each?: (results: IndexedResult[]) => void, looked = true): Promise<void> {
    const batches = this.batches(paths, pool ? BATCH : READ_HERE_PER_STEP, looked);
    const inFlight = Math.max(1, (pool?.size ?? 1) * 2);
    let next = 0;
    const worker = async () => {
      while (next < batches.length && current()) {
        const batch = batches[next++];
        const job: IndexJob = { type: 'index', maxBytes: this.maxBytes, files: batch.map((path) => this.request(path)) };
        const results = await this.index(pool, job);
        if (!current()) return;
        each?.(results);
        this.onChange(results.map((r) => this.apply(r)).filter((uri): uri is string => uri !== null));
        // Results are written as they come, so that their JSON is not held until the end.
        if (this.cache && this.cache.pendingSize > FLUSH_CHARS) void this.cache.flush();
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
  }

  /** Workers that read files: one per core, `most` at most. */
  private indexWorkers(most = 2): WorkerPool | null {
    return this.options.workerFile ? WorkerPool.create(this.options.workerFile, Math.max(1, Math.min(most, availableParallelism()))) : null;
  }

  /** Finding the files runs on a worker, or here when there are none (or the worker failed). */
  private async discover(pool: WorkerPool | null, job: DiscoverJob): Promise<FoundFile[]> {
    if (pool && pool.size > 0) {
      try {
        return await pool.run<FoundFile[]>(job);
      } catch (error) {
        this.options.log?.(`index worker failed, reading in the server instead: ${(error as Error).message}`);
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
    return runDiscover(job);
  }

  /** Reading files: on a worker (models come back as JSON), or here, yielding first so that requests go on. */
  private async index(pool: WorkerPool | null, job: IndexJob): Promise<IndexedResult[]> {
    if (pool && pool.size > 0) {
      try {
        return (await pool.run<SentResult[]>(job)).map(receive);
      } catch (error) {
        this.options.log?.(`index worker failed, reading in the server instead: ${(error as Error).message}`);
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
    return runIndex(job).map(local);
  }

  /** URIs of the paths of a scan, made once each. */
  private readonly uris = new Map<string, string>();

  private uriOf(path: string): string {
    let uri = this.uris.get(path);
    if (!uri) this.uris.set(path, (uri = fileUri(path)));
    return uri;
  }

  /**
   * Jobs: a small first one (the files next to what the user is looking at appear soonest), then
   * about `perJob` files to read, or many more whose cache entries need only a look at their size
   * and time (when `looked`).
   */
  private batches(paths: string[], perJob: number, looked: boolean): string[][] {
    const batches: string[][] = [];
    let batch: string[] = [];
    let work = 0;
    for (const path of paths) {
      batch.push(path);
      work += looked && this.cache?.get(path) ? 0.1 : 1; // a cached file is only looked at, not read
      if (work >= (batches.length === 0 ? Math.min(8, perJob) : perJob)) {
        batches.push(batch);
        batch = [];
        work = 0;
      }
    }
    if (batch.length) batches.push(batch);
    return batches;
  }

  /** Files in the folders of open documents first, then the rest, each group in path order. */
  private order(paths: string[]): string[] {
    const open = new Set(this.options.openPaths?.() ?? []);
    const near = new Set([...open].map((p) => dirname(p)));
    // Three groups in the order found (a sort by rank worked each path's folder out at every comparison).
    const ranked: string[][] = [[], [], []];
    for (const p of paths) ranked[open.has(p) ? 0 : near.has(dirname(p)) ? 1 : 2].push(p);
    return ranked.flat();
  }

  /**
   * Starts reading the cache before the scan, while the editor's open documents are analysed: it is
   * read in steps of a few milliseconds, between which their requests are answered.
   */
  preloadCache(): void {
    if (this.folders.length) this.loadCache().catch(() => undefined); // a failure is met again by the scan
  }

  private loadCache(): Promise<void> {
    if (!this.options.cacheDir) return Promise.resolve();
    this.cacheLoaded ??= (async () => {
      // Only each file's digest is read; its model's JSON is read again when a feature asks for it.
      const cache = new IndexCache<NotesDigest>(this.options.cacheDir!, {
        kind: 'models',
        analyzer: INDEX_ANALYZER,
        pack: () => {
          throw new Error('a digest is stored with its JSON'); // never: every entry is set with it
        },
        unpack: (json) => {
          try {
            return storedDigest(json);
          } catch {
            return null; // damaged: the file is read again
          }
        },
        log: this.options.log,
      });
      this.cache = await cache.loadAsync();
    })();
    return this.cacheLoaded;
  }

  /** Files found touched (same content, another time), to store again with their new time. */
  private readonly touched = new Map<string, CacheEntry<NotesDigest>>();

  /**
   * Stores the touched files again with their time, their JSON read back from the cache in the
   * order it lies in (each part of the cache read once, for a checkout that touched every file).
   * One whose JSON cannot be read back is left as it was: its hash is checked again next time.
   */
  private storeTouched(): void {
    const cache = this.cache;
    for (const [path, entry] of [...this.touched].sort((a, b) => shardOf(a[0]) - shardOf(b[0]))) {
      const json = entry.value ? cache?.storedText(path, entry.hash) : 'null';
      if (json && cache?.get(path)?.hash === entry.hash) cache.set(path, entry, json);
    }
    this.touched.clear();
  }

  /** What a worker needs to know of a file's cache entry. */
  private request(path: string): IndexJob['files'][number] {
    const entry = this.cache?.get(path);
    if (!entry) return { path };
    return { path, known: { size: entry.size, mtimeMs: entry.mtimeMs, hash: entry.hash, checkedAt: entry.checkedAt } };
  }

  /** Records one file's result in the store and the cache; returns its URI when the listing changed. */
  private apply(result: IndexedResult): string | null {
    const uri = this.uriOf(result.path);
    const entry = this.cache?.get(result.path);
    switch (result.status) {
      case 'gone':
        this.store.remove(uri);
        this.cache?.delete(result.path);
        return uri;
      case 'unchanged': {
        // Touched, same content: stored again with its time, once the scan is done (see storeTouched).
        if (entry && (entry.mtimeMs !== result.stat.mtimeMs || entry.size !== result.stat.size)) this.touched.set(result.path, { ...entry, ...result.stat, checkedAt: Date.now() });
        const digest = entry?.value;
        if (!digest || this.store.indexedDigest(uri) === digest) return null;
        this.store.setIndexed(uri, this.indexedFile(result.path, digest, null, entry));
        return uri;
      }
      case 'read': {
        const known = { ...result.stat, hash: result.hash, checkedAt: Date.now() };
        this.store.setIndexed(uri, result.digest && this.indexedFile(result.path, result.digest, result.model ?? null, known));
        // The JSON a worker sent is what the cache writes, rather than the model encoded again.
        this.cache?.set(result.path, { ...known, value: result.digest }, result.json ?? (result.model ? storedJson(result.model) : 'null'));
        return uri;
      }
      case 'skipped':
        this.store.setSkipped(uri, result.reason);
        if (result.stat && result.hash) this.cache?.set(result.path, { ...result.stat, hash: result.hash, checkedAt: Date.now(), value: null, skipped: result.reason });
        else this.cache?.delete(result.path);
        return uri;
    }
  }

  /**
   * A file as the store keeps it. Its full model is made when a feature asks for it, by reading
   * and analysing the file as it is now (if it changed since, the watcher's report follows); its
   * text is given while it is what the digest was read from (its size and time, or its hash).
   */
  private indexedFile(path: string, digest: NotesDigest, model: NotesModel | null, known: NonNullable<ReadOptions['known']>): IndexedFile {
    return {
      digest,
      model,
      stamp: known.hash,
      load: () => {
        const result = readNotesFile(path, { maxBytes: this.maxBytes });
        return result.status === 'read' && result.model ? result.model : analyzeNotes('', { fileName: path }); // gone, too large, or no longer notes
      },
      text: () => {
        const result = readNotesFile(path, { maxBytes: this.maxBytes, known, wantText: true });
        return result.status === 'unchanged' ? (result.text ?? null) : null;
      },
    };
  }

  /**
   * Files created or changed on disk (a save, or a checkout's hundreds): read here a few at a time
   * between requests, or on an index worker when there are many, as a scan reads them.
   */
  async update(paths: string[], progress?: IndexProgress): Promise<void> {
    const accepted = paths.filter((path) => this.accepts(path));
    if (!accepted.length) return;
    await this.loadCache();
    // One worker: the other core stays with the editor's requests (two read no sooner here).
    const pool = accepted.length > READ_HERE_AT_MOST && this.folders.length ? this.indexWorkers(1) : null;
    let done = 0;
    progress?.begin(accepted.length);
    try {
      await this.readInJobs(accepted, pool, () => true, (results) => progress?.report((done += results.length), accepted.length), false);
    } finally {
      await pool?.close();
    }
    progress?.done();
    this.storeTouched();
    this.scheduleCacheWrite();
  }

  removed(path: string): void {
    const uri = fileUri(path);
    this.store.remove(uri);
    this.cache?.delete(path);
    this.scheduleCacheWrite();
    this.onChange([uri]);
  }

  private scheduleCacheWrite(): void {
    if (!this.cache) return;
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => void this.cache?.flush(), CACHE_WRITE_DELAY_MS);
    this.cacheTimer.unref?.();
  }

  /** Writes what the cache has not written yet (the server is stopping). */
  dispose(): void {
    clearTimeout(this.cacheTimer);
    this.generation++;
    this.cache?.flushSync();
  }
}

/** Where the index worker script sits next to the server bundle. */
export function defaultWorkerFile(serverDir: string): string {
  return join(serverDir, 'indexWorker.js');
}

/** Where the script of the worker that finds the files sits next to the server bundle. */
export function defaultDiscoverWorkerFile(serverDir: string): string {
  return join(serverDir, 'discoverWorker.js');
}

/** The local path of a file: URI; null for one that names no local file (`file://server/share`). */
function localPath(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
