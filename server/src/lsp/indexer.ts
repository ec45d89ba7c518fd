import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { analyzeNotes } from '../core/analyze';
import { decodeNotes, tooBig } from '../core/decode';
import { NOTES_EXTENSIONS, walkFolder } from '../files/discover';
import type { NotesSettings } from '../protocol';
import type { NotesStore } from './store';

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  done(): void;
}

/**
 * Keeps the store's view of the notes files on disk: a scan of the workspace folders, then single
 * files as the file watcher reports them. Reading yields to the event loop between files, so
 * requests are answered while a large workspace is indexed.
 */
export class WorkspaceIndexer {
  private folders: string[] = [];
  private include: (path: string) => boolean = () => true;
  private exclude: (path: string) => boolean = () => false;
  private maxBytes = 5 * 1024 * 1024;
  private generation = 0;
  complete = false;

  constructor(
    private readonly store: NotesStore,
    private readonly onChange: (uris: string[]) => void,
  ) {}

  configure(folderUris: string[], settings: NotesSettings, excludes: string[]): void {
    this.folders = folderUris.filter((u) => u.startsWith('file:')).flatMap((u) => localPath(u) ?? []);
    this.include = picomatch(settings.files, { dot: true, nocase: true });
    this.exclude = excludes.length ? picomatch(excludes, { dot: true }) : () => false;
    this.maxBytes = Math.round(settings.maxFileSize * 1024 * 1024);
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
    this.complete = false;
    this.store.clearIndex();
    const paths = this.folders.flatMap((folder) => walkFolder(folder, (rel) => this.include(rel) && !this.exclude(rel)));
    progress?.begin(paths.length);
    let batch: string[] = [];
    for (let i = 0; i < paths.length; i++) {
      if (generation !== this.generation) return;
      batch.push(await this.read(paths[i]));
      if (batch.length >= 50 || i === paths.length - 1) {
        progress?.report(i + 1, paths.length);
        this.onChange(batch);
        batch = [];
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (generation !== this.generation) return;
    this.complete = true;
    progress?.done();
    this.onChange([]);
  }

  /** A file was created or changed on disk. */
  async update(path: string): Promise<void> {
    if (!this.accepts(path)) return;
    this.onChange([await this.read(path)]);
  }

  removed(path: string): void {
    const uri = pathToFileURL(path).toString();
    this.store.remove(uri);
    this.onChange([uri]);
  }

  private async read(path: string): Promise<string> {
    const uri = pathToFileURL(path).toString();
    try {
      const big = tooBig((await stat(path)).size, this.maxBytes);
      if (big) {
        this.store.setSkipped(uri, big); // never read into memory
        return uri;
      }
      const decoded = decodeNotes(await readFile(path), this.maxBytes);
      if (!decoded.ok) this.store.setSkipped(uri, decoded.reason);
      else this.store.setIndexed(uri, analyzeNotes(decoded.text, { fileName: path }));
    } catch (error) {
      this.store.setSkipped(uri, (error as Error).message);
    }
    return uri;
  }
}

/** The local path of a file: URI; null for one that names no local file (`file://server/share`). */
function localPath(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
