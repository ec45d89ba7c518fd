// Runs one pathological case at a time for test/unit/pathological.test.ts, in a worker thread, so
// that the test can cut off a case that does not end.
import { parentPort } from 'node:worker_threads';
import { analyzeNotes } from '../../server/src/core/analyze';
import { diagnose } from '../../server/src/core/rules';
import { checkModel } from './invariants';
import { PATHOLOGICAL } from './pathological';

parentPort!.on('message', (name: string) => {
  const found = PATHOLOGICAL.find((c) => c.name === name)!;
  const text = found.text();
  const started = performance.now();
  try {
    const model = analyzeNotes(text, { fileName: 'notes.md' });
    const diagnostics = diagnose(model, { today: '2025-03-12' });
    const ms = performance.now() - started;
    checkModel(model, diagnostics);
    found.expect(model, diagnostics);
    parentPort!.postMessage({ name, ms, size: text.length });
  } catch (error) {
    parentPort!.postMessage({ name, ms: performance.now() - started, size: text.length, error: (error as Error).stack ?? String(error) });
  }
});
