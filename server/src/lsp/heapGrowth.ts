import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow to up to four times what a full collection leaves before the next one.
// While a large workspace is read, that slack took the server past 300 MB when the index held every
// file's model (~10 KB each); there the heap grows by 30% at a time. The index now holds digests
// (~1 KB a file): steps of 15% (the setting when it held models) ran so many full collections that
// they took a third of a warm start (1.1 s of 3.3 s with 10,000 files), 30% takes 2.3–2.5 s with
// the peak at 190–245 MB. Only files that are read count: a warm start, which decodes the cached
// digests and reads nothing, spent 0.15–0.2 s of 1.2 s in full collections with 30% steps, for
// ~20 MB less at its peak (with the view following, 197–200 against 216–229 MB). Elsewhere the
// engine's own growth is kept: with small steps, editing a 1 MB transcript ran a full collection
// every few keystrokes. V8 reads the setting at every full
// collection, so it applies from the next one on.

/** From how many notes files to read (analyse, not only look up in the cache) the heap is kept tight. */
const LARGE_WORKSPACE_FILES = 2_000;

let tight = false;

/** Sets how the heap grows while `files` notes files are read in a scan of the workspace. */
export function growHeapFor(files: number): void {
  const wanted = files >= LARGE_WORKSPACE_FILES;
  if (wanted === tight) return;
  tight = wanted;
  setFlagsFromString(`--heap-growing-percent=${wanted ? 30 : 0}`); // 0: the engine's own rule
}
