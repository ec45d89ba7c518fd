import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Results per file kept between runs (the server's index, the command line's `--cache DIR`), so
// that a workspace opened again is ready almost at once. An entry is used only for the same path,
// size and modification time, or, when those differ or are too recent to trust, the same content
// hash; and only by the analyzer version that wrote it. Entries are spread over a few shard files
// (a change rewrites one shard, not the whole cache), each written to a temporary file and renamed
// into place. A shard that cannot be read, is not valid JSON or comes from another analyzer
// version is ignored: the files are read again, never trusted, never a crash.

const FORMAT = 1;
const SHARDS = 16;
/** A file changed this close to when it was read may change again within the same mtime: check its hash. */
const RACY_MS = 2000;

export interface CacheEntry<T> {
  size: number;
  mtimeMs: number;
  /** sha1 of the file's bytes. */
  hash: string;
  /** When the file was read (ms since epoch). */
  checkedAt: number;
  /** The result, or why the file was skipped. */
  value: T | null;
  skipped?: string;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** How far a cache entry can be trusted for a file with this size and mtime. */
export function freshness(entry: CacheEntry<unknown> | undefined, stat: FileStat): 'fresh' | 'check-hash' | 'stale' {
  if (!entry) return 'stale';
  if (entry.size === stat.size && entry.mtimeMs === stat.mtimeMs && entry.mtimeMs < entry.checkedAt - RACY_MS) return 'fresh';
  return 'check-hash';
}

export interface CacheOptions<T> {
  /** Part of the shard file names: caches of different kinds may share a folder. */
  kind: string;
  /** The analyzer version: entries written by another one are ignored. */
  analyzer: string;
  /** The value as stored (JSON), and read back: null when it has another shape (the entry is then left out). */
  pack?: (value: T) => unknown;
  unpack: (stored: unknown) => T | null;
  log?: (message: string) => void;
}

export class IndexCache<T> {
  private readonly shards: Array<Map<string, CacheEntry<T>>> = Array.from({ length: SHARDS }, () => new Map());
  private readonly dirty = new Set<number>();
  private writable = true;

  constructor(
    readonly dir: string,
    private readonly options: CacheOptions<T>,
  ) {}

  /** Reads every shard; what cannot be used is left out. */
  load(): this {
    for (let shard = 0; shard < SHARDS; shard++) {
      let text: string;
      try {
        text = readFileSync(this.fileOf(shard), 'utf8');
      } catch {
        continue; // no cache yet
      }
      this.accept(shard, text);
    }
    return this;
  }

  async loadAsync(): Promise<this> {
    await Promise.all(
      Array.from({ length: SHARDS }, async (_, shard) => {
        const text = await readFile(this.fileOf(shard), 'utf8').catch(() => null);
        if (text !== null) this.accept(shard, text);
      }),
    );
    return this;
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.size, 0);
  }

  get(path: string): CacheEntry<T> | undefined {
    return this.shards[shardOf(path)].get(path);
  }

  set(path: string, entry: CacheEntry<T>): void {
    const shard = shardOf(path);
    this.shards[shard].set(path, entry);
    this.dirty.add(shard);
  }

  /** Replaces an entry's value by an equivalent one (what is stored does not change). */
  keep(path: string, value: T): void {
    const entry = this.get(path);
    if (entry) this.shards[shardOf(path)].set(path, { ...entry, value });
  }

  delete(path: string): void {
    const shard = shardOf(path);
    if (this.shards[shard].delete(path)) this.dirty.add(shard);
  }

  /** Drops entries whose paths `keep` rejects (files that are gone). */
  prune(keep: (path: string) => boolean): void {
    this.shards.forEach((entries, shard) => {
      for (const path of entries.keys()) {
        if (!keep(path)) {
          entries.delete(path);
          this.dirty.add(shard);
        }
      }
    });
  }

  async flush(): Promise<void> {
    if (!this.writable || !this.dirty.size) return;
    const shards = [...this.dirty];
    this.dirty.clear();
    try {
      await mkdir(this.dir, { recursive: true });
      // One shard at a time: all at once would hold every shard's text and bytes together (~80 MB for 10,000 files).
      for (const shard of shards) {
        const file = this.fileOf(shard);
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, this.serialize(shard));
        await rename(temporary, file);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  flushSync(): void {
    if (!this.writable || !this.dirty.size) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const shard of this.dirty) {
        const file = this.fileOf(shard);
        writeFileSync(`${file}.${process.pid}.tmp`, this.serialize(shard));
        renameSync(`${file}.${process.pid}.tmp`, file);
      }
      this.dirty.clear();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.writable = false; // a read-only or full disk: work on without the cache
    this.options.log?.(`index cache disabled: cannot write ${this.dir} (${(error as Error).message})`);
  }

  private fileOf(shard: number): string {
    return join(this.dir, `${this.options.kind}-${shard.toString(16)}.json`);
  }

  private serialize(shard: number): string {
    const pack = this.options.pack ?? ((value: T) => value);
    const entries: Record<string, unknown> = {};
    for (const [path, entry] of this.shards[shard]) entries[path] = { ...entry, value: entry.value === null ? null : pack(entry.value) };
    return JSON.stringify({ format: FORMAT, analyzer: this.options.analyzer, entries });
  }

  private accept(shard: number, text: string): void {
    let data: { format?: unknown; analyzer?: unknown; entries?: unknown };
    try {
      data = JSON.parse(text);
    } catch {
      this.options.log?.(`index cache: ignoring a damaged file (${this.fileOf(shard)})`);
      return;
    }
    if (!data || data.format !== FORMAT || data.analyzer !== this.options.analyzer || !data.entries || typeof data.entries !== 'object') return;
    for (const [path, raw] of Object.entries(data.entries as Record<string, unknown>)) {
      const entry = raw as CacheEntry<unknown>;
      if (!entry || typeof entry.size !== 'number' || typeof entry.mtimeMs !== 'number' || typeof entry.hash !== 'string' || typeof entry.checkedAt !== 'number') continue;
      if (entry.value === null) {
        if (typeof entry.skipped === 'string' || entry.skipped === undefined) this.shards[shard].set(path, entry as CacheEntry<T>);
        continue;
      }
      const value = this.options.unpack(entry.value);
      if (value !== null) this.shards[shard].set(path, { ...entry, value });
    }
  }
}

/** FNV-1a of the path, to spread entries over the shards. */
function shardOf(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SHARDS;
}
