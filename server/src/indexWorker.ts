// The index worker's entry point (dist/indexWorker.js): reads and analyses notes files for the
// language server on another core, answering each job message with its results.
import { parentPort } from 'node:worker_threads';
import { type Job, runJob } from './index/jobs';

parentPort?.on('message', (message: { id: number; job: Job }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: runJob(message.job) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});
