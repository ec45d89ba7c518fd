import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { NotesModel } from '../core/model';
import { type ModelWithoutText, decodeWithoutText, encodeModel, withText } from '../core/serialize';
import { ANALYZER_VERSION } from '../core/version';
import { NOTES_EXTENSIONS } from '../files/discover';
import { IndexCache } from '../index/cache';
import { type DiscoverJob, type IndexJob, type SentResult, receive, runDiscover, runIndex } from '../index/jobs';
import { WorkerPool } from '../index/pool';
import { type FileResult, readNotesFile } from '../index/readNotesFile';
import type { NotesSettings } from '../protocol';
import { growHeapFor } from './heapGrowth';
import type { NotesStore } from './store';

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

export interface IndexerOptions {
  /** The worker script (dist/indexWorker.js); without it, files are read in this thread. */
  workerFile?: string;
  /** Where the index cache lives (the extension's storage); none: no cache. */
  cacheDir?: string | null;
  /** The documents open in the editor: their folders are read first. */
  openPaths?: () => string[];
  log?: (message: string) => void;
}

/** Files per job: small enough that the tree fills in steadily, large enough to keep workers busy. */
const BATCH = 48;
const CACHE_WRITE_DELAY_MS = 2000;
/** Characters of results' JSON that wait at most for a cache write during a scan. */
const FLUSH_CHARS = 4 * 1024 * 1024;

/**
 * Keeps the store's view of the notes files on disk: a scan of the workspace folders, then single
 * files as the file watcher reports them. A scan finds and reads files on worker threads (one per
 * core), so the editor's own requests are answered meanwhile; files next to the open documents
 * come first; results from the index cache are shown at once and checked in the background.
 */
export class WorkspaceIndexer {
  private folders: string[] = [];
  private include: (path: string) => boolean = () => true;
  private exclude: (path: string) => boolean = () => false;
  private includeGlob = '**/*.{md,markdown,txt}';
  private excludeGlobs: string[] = [];
  private maxBytes = 5 * 1024 * 1024;
  private generation = 0;
  /** Per file: the model as read from the cache (waiting for the file's text), or the model itself once complete. */
  private cache: IndexCache<CachedModel> | null = null;
  private cacheLoaded: Promise<void> | null = null;
  private cacheTimer: NodeJS.Timeout | undefined;
  complete = false;

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
    const size = Math.max(1, Math.min(2, availableParallelism()));
    // No folder (a single file open): no threads to start, on a core the open document needs.
    const pool = this.options.workerFile && this.folders.length ? WorkerPool.create(this.options.workerFile, size) : null;
    try {
      // Finding the files (on a worker) and reading the cache (here) at the same time.
      const discover: DiscoverJob = { type: 'discover', folders: this.folders, include: this.includeGlob, excludes: this.excludeGlobs };
      const discovering = this.discover(pool, discover);
      discovering.catch(() => undefined); // its failure is met below, once the cache is read
      // The heap kept tight until the number of files is known: the cache of a large one is read meanwhile.
      if (this.folders.length) growHeapFor(Infinity);
      await this.loadCache();
      const found = await discovering;
      growHeapFor(found.length);
      if (!current()) return;
      const paths = this.order(found);
      for (const path of paths) this.uriOf(path);
      const seenPaths = new Set(paths);
      const seen = new Set(paths.map((p) => this.uriOf(p)));
      this.store.retainIndexed((uri) => seen.has(uri));
      progress?.begin(paths.length);

      let done = 0;
      const batches = this.batches(paths);
      const inFlight = Math.max(1, (pool?.size ?? 1) * 2);
      let next = 0;
      const worker = async () => {
        while (next < batches.length && current()) {
          const batch = batches[next++];
          const job: IndexJob = { type: 'index', maxBytes: this.maxBytes, files: batch.map((path) => this.request(path)) };
          const results = await this.index(pool, job);
          if (!current()) return;
          this.onChange(results.map((r) => this.apply(r)).filter((uri): uri is string => uri !== null));
          // Results are written as they come, so that their JSON is not held until the end.
          if (this.cache && this.cache.pendingSize > FLUSH_CHARS) void this.cache.flush();
          done += batch.length;
          progress?.report(done, paths.length);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      if (!current()) return;
      this.cache?.prune((path) => seenPaths.has(path) || !this.folders.some((f) => path.startsWith(f + sep)));
      this.uris.clear();
      await this.cache?.flush();
      this.complete = true;
      progress?.done();
      this.onChange([]);
    } finally {
      await pool?.close();
    }
  }

  /** Finding the files runs on a worker, or here when there are none (or the worker failed). */
  private async discover(pool: WorkerPool | null, job: DiscoverJob): Promise<string[]> {
    if (pool && pool.size > 0) {
      try {
        return await pool.run<string[]>(job);
      } catch (error) {
        this.options.log?.(`index worker failed, reading in the server instead: ${(error as Error).message}`);
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
    return runDiscover(job);
  }

  /** Reading files: on a worker (models come back as JSON), or here, yielding first so that requests go on. */
  private async index(pool: WorkerPool | null, job: IndexJob): Promise<FileResult[]> {
    if (pool && pool.size > 0) {
      try {
        return (await pool.run<SentResult[]>(job)).map(receive);
      } catch (error) {
        this.options.log?.(`index worker failed, reading in the server instead: ${(error as Error).message}`);
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
    return runIndex(job);
  }

  /** URIs of the paths of a scan, made once each. */
  private readonly uris = new Map<string, string>();

  private uriOf(path: string): string {
    let uri = this.uris.get(path);
    if (!uri) this.uris.set(path, (uri = pathToFileURL(path).toString()));
    return uri;
  }

  /**
   * Jobs: a small first one (the files next to what the user is looking at appear soonest), then
   * about BATCH files to read, or many more whose cache entries need only a look at their size and time.
   */
  private batches(paths: string[]): string[][] {
    const batches: string[][] = [];
    let batch: string[] = [];
    let work = 0;
    for (const path of paths) {
      batch.push(path);
      const entry = this.cache?.get(path);
      work += entry ? 0.1 : 1; // a cached file is only looked at (and its text read), not analysed
      if (work >= (batches.length === 0 ? 8 : BATCH)) {
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
    const rank = (p: string) => (open.has(p) ? 0 : near.has(dirname(p)) ? 1 : 2);
    return [...paths].sort((a, b) => rank(a) - rank(b));
  }

  private loadCache(): Promise<void> {
    if (!this.options.cacheDir) return Promise.resolve();
    this.cacheLoaded ??= (async () => {
      // Each model is read as its shard is read, so that the shard's text is let go at once.
      const cache = new IndexCache<CachedModel>(this.options.cacheDir!, {
        kind: 'models',
        analyzer: ANALYZER_VERSION,
        pack: (value) => JSON.stringify(encodeModel(isAwaitingText(value) ? value.withoutText : value)),
        unpack: (json) => {
          try {
            return { withoutText: decodeWithoutText(JSON.parse(json)) };
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

  /** What a worker needs to know of a file's cache entry; and the text, when the model is to be rebuilt from it. */
  private request(path: string): IndexJob['files'][number] {
    const entry = this.cache?.get(path);
    if (!entry) return { path };
    const known = { size: entry.size, mtimeMs: entry.mtimeMs, hash: entry.hash, checkedAt: entry.checkedAt };
    return { path, known, wantText: isAwaitingText(entry.value) && !this.store.isIndexed(this.uriOf(path)) };
  }

  /** Records one file's result in the store and the cache; returns its URI when the listing changed. */
  private apply(result: FileResult): string | null {
    const uri = this.uriOf(result.path);
    const entry = this.cache?.get(result.path);
    switch (result.status) {
      case 'gone':
        this.store.remove(uri);
        this.cache?.delete(result.path);
        return uri;
      case 'unchanged': {
        if (entry && (entry.mtimeMs !== result.stat.mtimeMs || entry.size !== result.stat.size)) {
          this.cache!.set(result.path, { ...entry, ...result.stat, checkedAt: Date.now() }); // touched, same content
        }
        if (!isAwaitingText(entry?.value) || result.text === undefined) return null;
        // The model from the cache, completed with the file's text.
        const model = withText(entry.value.withoutText, result.text);
        this.store.setIndexed(uri, model);
        this.cache!.keep(result.path, model);
        return uri;
      }
      case 'read':
        this.store.setIndexed(uri, result.model);
        // The JSON a worker sent is what the cache writes, rather than the model encoded again.
        this.cache?.set(result.path, { ...result.stat, hash: result.hash, checkedAt: Date.now(), value: result.model }, result.modelJson);
        return uri;
      case 'skipped':
        this.store.setSkipped(uri, result.reason);
        if (result.stat && result.hash) this.cache?.set(result.path, { ...result.stat, hash: result.hash, checkedAt: Date.now(), value: null, skipped: result.reason });
        else this.cache?.delete(result.path);
        return uri;
    }
  }

  /** A file was created or changed on disk. */
  async update(path: string): Promise<void> {
    if (!this.accepts(path)) return;
    await this.loadCache();
    const uri = this.apply(readNotesFile(path, { maxBytes: this.maxBytes }));
    this.onChange(uri ? [uri] : []);
    this.scheduleCacheWrite();
  }

  removed(path: string): void {
    const uri = pathToFileURL(path).toString();
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

/** A cached model waiting for its file's text (read when the file is looked at), or a complete model. */
type CachedModel = NotesModel | { withoutText: ModelWithoutText };

function isAwaitingText(value: CachedModel | null | undefined): value is { withoutText: ModelWithoutText } {
  return !!value && 'withoutText' in value;
}

/** Where the index worker script sits next to the server bundle. */
export function defaultWorkerFile(serverDir: string): string {
  return join(serverDir, 'indexWorker.js');
}

/** The local path of a file: URI; null for one that names no local file (`file://server/share`). */
function localPath(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
