import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow to up to four times what a full collection leaves before the next one. A
// large workspace's index holds ~10 KB of models per notes file (~100 MB for 10,000 files), and
// that slack alone took the server past 300 MB while one was read: there the heap grows by 15% at a
// time (the peak 285–305 MB instead of 320–360). Elsewhere the engine's own growth is kept: with 15%
// steps, editing a 1 MB transcript ran a full collection every few keystrokes (~1.6 times the CPU
// per edit, and most of the slowest edits). V8 reads the setting at every full collection, so it
// applies from the next one on.

/** From how many notes files (found by a scan) the heap is kept tight. */
const LARGE_WORKSPACE_FILES = 2_000;

let tight = false;

/** Sets how the heap grows while a workspace of `files` notes files is indexed (Infinity: not known yet, kept tight). */
export function growHeapFor(files: number): void {
  const wanted = files >= LARGE_WORKSPACE_FILES;
  if (wanted === tight) return;
  tight = wanted;
  setFlagsFromString(`--heap-growing-percent=${wanted ? 15 : 0}`); // 0: the engine's own rule
}
