import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RememberedWork } from '../core/series';

/**
 * The work followed through every meeting series, kept in the index cache's folder between runs
 * (the server's, or the command line's `--cache`; one JSON file, written after a scan's series are
 * worked out): a start whose files read as they did takes each series' threads from it instead of
 * following the work again. Kept only for the
 * same analyzer; a file that cannot be read is ignored, one that cannot be written is not written.
 */
export class SeriesMemory {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly analyzer: string,
    private readonly log?: (message: string) => void,
  ) {}

  load(): RememberedWork | null {
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as { analyzer?: unknown; work?: unknown };
      if (data.analyzer !== this.analyzer || !Array.isArray(data.work)) return null;
      return new Map(data.work.filter((pair): pair is [string, never] => Array.isArray(pair) && typeof pair[0] === 'string' && isWork(pair[1])));
    } catch {
      return null; // none yet, or damaged: the series are followed again
    }
  }

  save(work: RememberedWork): Promise<void> {
    this.writing = this.writing.then(async () => {
      try {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFile(this.temporary(), this.text(work));
        await rename(this.temporary(), this.file);
      } catch (error) {
        this.cannotWrite(error);
      }
    });
    return this.writing;
  }

  /** Resolves once the writes started so far are done (a server shutting down waits for them). */
  written(): Promise<void> {
    return this.writing;
  }

  /** `save` for the command line, which ends once its report is printed. */
  saveSync(work: RememberedWork): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.temporary(), this.text(work));
      renameSync(this.temporary(), this.file);
    } catch (error) {
      this.cannotWrite(error);
    }
  }

  private text(work: RememberedWork): string {
    return JSON.stringify({ analyzer: this.analyzer, work: [...work] });
  }

  private temporary(): string {
    return `${this.file}.${process.pid}.tmp`;
  }

  private cannotWrite(error: unknown): void {
    this.log?.(`series memory: cannot write ${this.file} (${(error as Error).message})`);
  }
}

function isWork(value: unknown): boolean {
  const work = value as { read?: unknown; statusLists?: unknown; threads?: unknown } | null;
  return !!work && typeof work.read === 'string' && Array.isArray(work.statusLists) && Array.isArray(work.threads);
}
