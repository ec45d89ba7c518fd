// Pathological notes (the list in test/fuzz/pathological.ts): each must give its expected result
// within a time bound. Cases run in a worker thread, so a case that hangs is stopped and reported.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PATHOLOGICAL } from '../fuzz/pathological';

/**
 * Generous: a hang detector on a shared, loaded machine, not a speed test (see the figures printed).
 * The slowest case takes ~5 s; at 60 s a quadratic pattern on a 200 KB run of blanks (26 s) got through.
 */
const BOUND_MS = Number(process.env.PATHOLOGICAL_BOUND_MS ?? 20_000);
const WORKER = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, '..', 'fuzz', 'pathologicalWorker.ts'))});`;

interface Outcome {
  ms: number;
  size: number;
  error?: string;
}

class BoundedRunner {
  private worker: Worker | null = null;

  run(name: string): Promise<Outcome | 'timeout'> {
    const worker = (this.worker ??= new Worker(WORKER, { eval: true }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void worker.terminate();
        this.worker = null;
        resolve('timeout');
      }, BOUND_MS);
      const onMessage = (outcome: Outcome & { name: string }) => {
        if (outcome.name !== name) return;
        cleanup();
        resolve(outcome);
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = null;
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(name);
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

describe('pathological inputs: a result under a time bound', function () {
  this.timeout(BOUND_MS + 30_000);
  const runner = new BoundedRunner();
  after(() => runner.stop());

  for (const { name } of PATHOLOGICAL) {
    it(name, async function () {
      const outcome = await runner.run(name);
      assert.notEqual(outcome, 'timeout', `no result within ${BOUND_MS / 1000} s`);
      const { ms, size, error } = outcome as Outcome;
      if (error) throw new Error(error);
      // Figures for the record (mocha's spec reporter shows the test's own duration too).
      this.test!.title = `${name} (${(size / 1024).toFixed(0)} KB, ${ms.toFixed(0)} ms)`;
    });
  }
});
