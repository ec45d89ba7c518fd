// Long computations written as generators that yield between steps: run at once (`drain`), or with
// chances for other work (an editor's requests) to run in between.

export function drain<R>(steps: Generator<void, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs every step on its own turn of the event loop. */
export async function drainAsync<R>(steps: Generator<void, R>): Promise<R> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Runs steps for up to `sliceMs` at a time, letting other work run between the slices; null when
 * `stop` says, after other work ran, that the result is no longer wanted.
 */
export async function drainInSlices<R>(steps: Generator<void, R>, sliceMs = 8, stop: () => boolean = () => false): Promise<R | null> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stop()) return null;
      sliceStart = performance.now();
    }
  }
}
