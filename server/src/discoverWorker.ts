// The entry point of the worker that finds a workspace's notes files (dist/discoverWorker.js). Its
// bundle holds only that (the index worker's holds the whole analysis, ~0.15 s to compile and load
// on a worker), so the files are found while the server reads its cache, without waiting for it.
import { parentPort } from 'node:worker_threads';
import { type DiscoverJob, runDiscover } from './index/discoverJob';

parentPort?.on('message', (message: { id: number; job: DiscoverJob }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: runDiscover(message.job) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});
