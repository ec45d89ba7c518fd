import { appendFileSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drain, drainAsync } from '../core/steps';

// Results per file kept between runs (the server's index, the command line's `--cache DIR`), so
// that a workspace opened again is ready almost at once. An entry is used only for the same path,
// size and modification time, or, when those differ or are too recent to trust, the same content
// hash; and only by the analyzer version that wrote it.
//
// Entries are spread over a few shard files of JSON lines: a header line, then one line per
// entry, `{path, size, mtimeMs, hash, checkedAt, skipped?}` TAB value-as-JSON, or
// `{path, removed: true}`. New results are appended as they come (nothing waits in memory for a
// write); a later line for a path replaces an earlier one. Shards are read as bytes: a value's
// JSON text goes to `unpack` as its line is read, with nothing parsed before (the command line
// keeps its values' text until the file is used), and can be read again as it was stored
// (`storedText`). A shard that is mostly replaced lines, or whose last line was cut
// short, is rewritten when read. Lines or shards that cannot be read, and shards of another
// analyzer version, are ignored: the files are read again, never trusted, never a crash.

const FORMAT = 2;
const SHARDS = 16;
/** A file changed this close to when it was read may change again within the same mtime: check its hash. */
const RACY_MS = 2000;
/** A shard is rewritten when it holds more replaced lines than this, and more than live ones (by default). */
const MAX_DEAD_LINES = 64;

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
  /** The value as stored: JSON text. */
  pack: (value: T) => string;
  /** The value from its stored JSON text; null when it cannot be read (the entry is then left out). */
  unpack: (json: string) => T | null;
  log?: (message: string) => void;
  /** Replaced lines a shard may hold before it is rewritten (when it also holds fewer live ones). */
  maxDeadLines?: number;
}

/** A value's JSON as a caller may already have it: text, or its UTF-8 bytes (as an index worker sends it). */
export type StoredJson = string | Uint8Array;

interface Shard<T> {
  entries: Map<string, CacheEntry<T>>;
  /** Entries to append: the value's JSON when the caller already has it, else null (packed when written). */
  pending: Map<string, StoredJson | null>;
  /** Whether the file on disk is a valid shard of this version that lines can be appended to. */
  appendable: boolean;
}

export class IndexCache<T> {
  private readonly shards: Array<Shard<T>> = Array.from({ length: SHARDS }, () => ({ entries: new Map(), pending: new Map(), appendable: false }));
  private writable = true;
  /** Characters (or bytes) of prepacked JSON waiting to be written. */
  private pendingChars = 0;
  /** Writes run one after another. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly options: CacheOptions<T>,
  ) {}

  /** Reads every shard; what cannot be used is left out. */
  load(): this {
    for (let shard = 0; shard < SHARDS; shard++) {
      let bytes: Buffer | null = null;
      try {
        bytes = readFileSync(this.fileOf(shard));
      } catch {
        // no cache yet
      }
      const rewrite = bytes === null ? null : drain(this.accept(shard, bytes));
      if (rewrite !== null) this.tryWrite(() => this.replaceSync(shard, rewrite));
    }
    this.removeOldFormatSync();
    return this;
  }

  /** The same as `load`, one shard at a time (two at once would hold both texts), letting other work run meanwhile. */
  async loadAsync(): Promise<this> {
    for (let shard = 0; shard < SHARDS; shard++) {
      const bytes = await readFile(this.fileOf(shard)).catch(() => null);
      // Requests are answered between groups of lines: reading a large cache takes a while.
      const rewrite = bytes === null ? null : await drainAsync(this.accept(shard, bytes));
      if (rewrite !== null) await this.tryWriteAsync(() => this.replace(shard, rewrite));
    }
    await Promise.all(Array.from({ length: SHARDS }, (_, shard) => unlink(this.oldFileOf(shard)).catch(() => undefined)));
    return this;
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.entries.size, 0);
  }

  /** Characters of results waiting to be written: a caller may flush when this grows. */
  get pendingSize(): number {
    return this.pendingChars;
  }

  get(path: string): CacheEntry<T> | undefined {
    return this.shards[shardOf(path)].entries.get(path);
  }

  /** Records an entry; `stored` is its value's JSON when the caller has it already (written as is, then let go). */
  set(path: string, entry: CacheEntry<T>, stored?: StoredJson): void {
    const shard = this.shards[shardOf(path)];
    shard.entries.set(path, entry);
    this.pendingChars -= shard.pending.get(path)?.length ?? 0;
    shard.pending.set(path, stored ?? null);
    this.pendingChars += stored?.length ?? 0;
  }

  delete(path: string): void {
    const shard = this.shards[shardOf(path)];
    if (!shard.entries.delete(path)) return;
    this.pendingChars -= shard.pending.get(path)?.length ?? 0;
    shard.pending.set(path, null);
  }

  /**
   * What was stored for a path (its value's JSON, see `set`), when it was stored for this content
   * hash: waiting to be written, or read again from its shard file. The shard last read is kept
   * until the end of this turn of the event loop: a caller that wants many asks for them in
   * `shardOf` order.
   */
  storedText(path: string, hash: string): string | null {
    const shard = shardOf(path);
    if (this.shards[shard].entries.get(path)?.hash !== hash) return null;
    const pending = this.shards[shard].pending.get(path);
    if (pending) return typeof pending === 'string' ? pending : bytesOf(pending).toString('utf8');
    let read = this.reread.get(shard);
    if (!read) {
      if (!this.reread.size) setImmediate(() => this.reread.clear());
      this.reread.clear();
      this.reread.set(shard, (read = this.storedLines(shard)));
    }
    const found = read.lines.get(path);
    return found?.hash === hash ? read.bytes.toString('utf8', found.start, found.end) : null;
  }

  /** The shard last read again by `storedText` in this turn of the event loop: where each path's last line stores its text. */
  private readonly reread = new Map<number, { bytes: Buffer; lines: Map<string, { hash: string; start: number; end: number }> }>();

  private storedLines(shard: number): { bytes: Buffer; lines: Map<string, { hash: string; start: number; end: number }> } {
    const lines = new Map<string, { hash: string; start: number; end: number }>();
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.fileOf(shard));
    } catch {
      return { bytes: Buffer.alloc(0), lines };
    }
    const firstBreak = bytes.indexOf(LF);
    if (firstBreak < 0 || bytes.toString('utf8', 0, firstBreak + 1) !== this.header()) return { bytes, lines };
    for (let at = firstBreak + 1; at < bytes.length; ) {
      const end = bytes.indexOf(LF, at);
      if (end < 0) break;
      const line = readMeta(bytes, at, end); // a damaged line: its file is read again when asked for
      if (line?.removed) lines.delete(line.path);
      else if (line) lines.set(line.path, { hash: line.meta.hash, start: line.tab + 1, end });
      at = end + 1;
    }
    return { bytes, lines };
  }

  /** Drops entries whose paths `keep` rejects (files that are gone). */
  prune(keep: (path: string) => boolean): void {
    for (const shard of this.shards) for (const path of [...shard.entries.keys()]) if (!keep(path)) this.delete(path);
  }

  /** Appends what changed since the last write (never rejects: a failure turns writing off). */
  flush(): Promise<void> {
    this.writing = this.writing
      .then(async () => {
        for (let shard = 0; shard < SHARDS; shard++) {
          const lines = this.takePending(shard);
          if (lines !== null) await this.tryWriteAsync(() => this.append(shard, lines));
        }
      })
      .catch((error: unknown) => this.fail(error));
    return this.writing;
  }

  private async append(shard: number, lines: Buffer): Promise<void> {
    if (this.shards[shard].appendable) await appendFile(this.fileOf(shard), lines);
    else await this.replace(shard, lines);
  }

  flushSync(): void {
    for (let shard = 0; shard < SHARDS; shard++) {
      const lines = this.takePending(shard);
      if (lines === null) continue;
      this.tryWrite(() => {
        if (this.shards[shard].appendable) appendFileSync(this.fileOf(shard), lines);
        else this.replaceSync(shard, lines);
      });
    }
  }

  /**
   * The lines to write for a shard's pending entries (null: none, or the cache cannot be written),
   * as bytes: JSON a worker sent as bytes is written as it came, never made a string here.
   */
  private takePending(shard: number): Buffer | null {
    const { entries, pending } = this.shards[shard];
    if (!pending.size) return null;
    if (!this.writable) {
      for (const stored of pending.values()) this.pendingChars -= stored?.length ?? 0;
      pending.clear();
      return null;
    }
    const parts: Buffer[] = [];
    for (const [path, stored] of pending) {
      this.pendingChars -= stored?.length ?? 0;
      const entry = entries.get(path);
      if (!entry) {
        parts.push(Buffer.from(`${JSON.stringify({ path, removed: true })}\n`));
        continue;
      }
      let json: StoredJson;
      try {
        json = entry.value === null ? 'null' : stored ?? this.options.pack(entry.value);
      } catch (error) {
        this.options.log?.(`index cache: cannot store ${path} (${(error as Error).message})`);
        continue; // read again next time
      }
      const body = typeof json === 'string' ? Buffer.from(json) : bytesOf(json);
      if (body.includes(LF)) continue; // cannot be one line (never JSON.stringify's output): read again next time
      const { value: _value, ...meta } = entry;
      parts.push(Buffer.from(`${JSON.stringify({ path, ...meta })}\t`), body, NEWLINE);
    }
    pending.clear();
    return Buffer.concat(parts);
  }

  /** Writes a whole shard (header and lines) to a temporary file renamed into place. */
  private async replace(shard: number, lines: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(shard);
    await writeFile(`${file}.${process.pid}.tmp`, Buffer.concat([Buffer.from(this.header()), lines]));
    await rename(`${file}.${process.pid}.tmp`, file);
    this.shards[shard].appendable = true;
  }

  private replaceSync(shard: number, lines: Buffer): void {
    mkdirSync(this.dir, { recursive: true });
    const file = this.fileOf(shard);
    writeFileSync(`${file}.${process.pid}.tmp`, Buffer.concat([Buffer.from(this.header()), lines]));
    renameSync(`${file}.${process.pid}.tmp`, file);
    this.shards[shard].appendable = true;
  }

  private tryWrite(write: () => void): void {
    if (!this.writable) return;
    try {
      write();
    } catch (error) {
      this.fail(error);
    }
  }

  private async tryWriteAsync(write: () => Promise<void>): Promise<void> {
    if (!this.writable) return;
    try {
      await write();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.writable = false; // a read-only or full disk: work on without the cache
    this.options.log?.(`index cache disabled: cannot write ${this.dir} (${(error as Error).message})`);
  }

  private header(): string {
    return `${JSON.stringify({ format: FORMAT, analyzer: this.options.analyzer })}\n`;
  }

  private fileOf(shard: number): string {
    return join(this.dir, `${this.options.kind}-${shard.toString(16)}.jsonl`);
  }

  /** The shard files of the first format (one JSON document each), removed once read past. */
  private oldFileOf(shard: number): string {
    return join(this.dir, `${this.options.kind}-${shard.toString(16)}.json`);
  }

  private removeOldFormatSync(): void {
    for (let shard = 0; shard < SHARDS; shard++) {
      try {
        unlinkSync(this.oldFileOf(shard));
      } catch {
        // none
      }
    }
  }

  /**
   * Takes a shard file's entries. Returns the live lines when the file should be rewritten
   * (mostly replaced lines, or cut short), else null. Read as bytes: each line's metadata and value
   * are decoded from them.
   */
  private *accept(shard: number, bytes: Buffer): Generator<void, Buffer | null> {
    const state = this.shards[shard];
    const firstBreak = bytes.indexOf(LF);
    let header: { format?: unknown; analyzer?: unknown } | null = null;
    try {
      header = JSON.parse(bytes.toString('utf8', 0, firstBreak < 0 ? bytes.length : firstBreak));
    } catch {
      // damaged
    }
    if (!header || header.format !== FORMAT || header.analyzer !== this.options.analyzer) {
      if (header?.format === FORMAT && header.analyzer !== undefined) return null; // another version's: replaced on the first write
      this.options.log?.(`index cache: ignoring a damaged file (${this.fileOf(shard)})`);
      return null;
    }
    // Each path's last line is found first, and only its value decoded: a shard whose files were
    // touched since (a checkout) holds each value twice, and decoding values is most of reading one.
    const last = new Map<string, LineMeta | null>();
    let total = 0;
    // A last line without its line break was cut short (a write that did not finish): it is left out.
    const damaged = bytes[bytes.length - 1] !== LF;
    let unreadable = false;
    for (let at = firstBreak + 1; at < bytes.length; ) {
      const end = bytes.indexOf(LF, at);
      if (end < 0) break;
      const start = at;
      at = end + 1;
      if (++total % LINES_PER_STEP === 0) yield;
      const line = readMeta(bytes, start, end);
      if (line === null) unreadable = true;
      else last.set(line.path, line.removed ? null : line);
    }
    const lines = new Map<string, Buffer>();
    let decoded = 0;
    for (const [path, line] of last) {
      if (!line) continue;
      if (++decoded % LINES_PER_STEP === 0) yield;
      const entry = this.entryOf(line, bytes);
      if (!entry) {
        unreadable = true;
        continue;
      }
      state.entries.set(path, entry);
      lines.set(path, bytes.subarray(line.start, line.end + 1));
    }
    if (damaged || unreadable) this.options.log?.(`index cache: ignoring damaged lines of ${this.fileOf(shard)}`);
    const dead = total - lines.size;
    if (damaged || unreadable || (dead > (this.options.maxDeadLines ?? MAX_DEAD_LINES) && dead > lines.size)) return Buffer.concat([...lines.values()]);
    state.appendable = true;
    return null;
  }

  /** The entry of a line whose metadata was read; null when its value cannot be read. */
  private entryOf({ meta, tab, end }: LineMeta, bytes: Buffer): CacheEntry<T> | null {
    const json = bytes.toString('utf8', tab + 1, end);
    const value = json === 'null' ? null : this.options.unpack(json);
    if (value === null && json !== 'null') return null;
    const entry: CacheEntry<T> = { size: meta.size, mtimeMs: meta.mtimeMs, hash: meta.hash, checkedAt: meta.checkedAt, value };
    if (meta.skipped !== undefined) entry.skipped = meta.skipped;
    return entry;
  }
}

/** An entry line `bytes[start, end)` with its metadata read (its value after `tab`), or a removal. */
interface LineMeta {
  path: string;
  removed: boolean;
  meta: Omit<CacheEntry<unknown>, 'value'>;
  start: number;
  tab: number;
  end: number;
}

/** Reads an entry line's metadata; null for a line that cannot be read. */
function readMeta(bytes: Buffer, start: number, end: number): LineMeta | null {
  const tab = tabIn(bytes, start, end);
  let meta: Partial<CacheEntry<unknown>> & { path?: unknown; removed?: unknown };
  try {
    meta = JSON.parse(bytes.toString('utf8', start, tab < 0 ? end : tab));
  } catch {
    return null;
  }
  if (!meta || typeof meta.path !== 'string') return null;
  if (meta.removed === true && tab < 0) return { path: meta.path, removed: true, meta: meta as LineMeta['meta'], start, tab, end };
  if (tab < 0 || typeof meta.size !== 'number' || typeof meta.mtimeMs !== 'number' || typeof meta.hash !== 'string' || typeof meta.checkedAt !== 'number') return null;
  if (meta.skipped !== undefined && typeof meta.skipped !== 'string') return null;
  return { path: meta.path, removed: false, meta: meta as LineMeta['meta'], start, tab, end };
}

const LF = 10;
const TAB = 9;
const NEWLINE = Buffer.from('\n');

/** The bytes as a Buffer, without copying them. */
function bytesOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Where the first tab of `bytes[start, end)` is, or -1. */
function tabIn(bytes: Buffer, start: number, end: number): number {
  const tab = bytes.indexOf(TAB, start);
  return tab >= 0 && tab < end ? tab : -1;
}

/** Lines of a shard read between two chances for other work to run. */
const LINES_PER_STEP = 200;

/** FNV-1a of the path, to spread entries over the shards. */
export function shardOf(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SHARDS;
}
