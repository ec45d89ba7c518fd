// The index worker's entry point (dist/indexWorker.js): reads and analyses notes files for the
// language server on another core, answering each job message with its results. (Files are found
// by a worker of their own: dist/discoverWorker.js.)
import { parentPort } from 'node:worker_threads';
import { memoSettings } from './core/memo';
import { type IndexJob, runIndex, send, transferables } from './index/jobs';

// Remembering results pays off when the same document is read again and again (an open document
// being edited); here every file is read once, so it would only hold memory.
memoSettings.enabled = false;

parentPort?.on('message', (message: { id: number; job: IndexJob }) => {
  try {
    const result = runIndex(message.job).map(send);
    parentPort!.postMessage({ id: message.id, result }, transferables(result));
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});
