import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Job } from './jobs';

const WORKER_HEAP_MB = 256;
/** A file's analysis leaves little alive: a small young generation is collected as quickly, and takes 16 MB less of the server's memory. */
const WORKER_YOUNG_MB = 8;

interface Pending {
  job: Job;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A few worker threads running index jobs, one job per worker at a time. A worker that fails
 * fails its job (the caller runs it itself) and is not used again.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { id: number; pending: Pending }>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  private constructor(workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (message: { id: number; result?: unknown; error?: string }) => this.settle(worker, message));
      worker.on('error', (error) => this.retire(worker, error));
      worker.on('exit', (code) => this.retire(worker, new Error(`index worker exited (${code})`)));
      this.idle.push(worker);
    }
  }

  /**
   * A pool of `size` workers running `file`, or null when that file is missing or workers cannot
   * start. `youngMb`: their young generation (a worker that runs once and ends may take more).
   */
  static create(file: string, size: number, youngMb = WORKER_YOUNG_MB): WorkerPool | null {
    if (size < 1 || !existsSync(file)) return null;
    try {
      // Each file is read on its own: a small heap suffices, and keeps the server's memory low. A
      // file too large for it makes its worker fail, and the server reads that batch itself.
      return new WorkerPool(Array.from({ length: size }, () => new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: youngMb } })));
    } catch {
      return null;
    }
  }

  get size(): number {
    return this.idle.length + this.busy.size;
  }

  run<T>(job: Job): Promise<T> {
    if (this.closed || this.size === 0) return Promise.reject(new Error('no index workers'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('index workers stopped'));
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate().catch(() => 0)));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      this.busy.set(worker, { id, pending });
      worker.postMessage({ id, job: pending.job });
    }
  }

  private settle(worker: Worker, message: { id: number; result?: unknown; error?: string }): void {
    const current = this.busy.get(worker);
    if (!current || current.id !== message.id) return;
    this.busy.delete(worker);
    if (!this.closed) this.idle.push(worker);
    if (message.error !== undefined) current.pending.reject(new Error(message.error));
    else current.pending.resolve(message.result);
    this.dispatch();
  }

  private retire(worker: Worker, error: Error): void {
    const current = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    current?.pending.reject(error);
    if (this.size === 0) for (const pending of this.queue.splice(0)) pending.reject(error);
  }
}
