import { TIMEOUT_MS } from './session';

/**
 * Runs `check` until it stops throwing and returns its result; after `timeoutMs`, throws its last
 * error. The workbench, the extension host and the language server all work asynchronously, so a
 * test waits for what should appear instead of sleeping and hoping.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = TIMEOUT_MS, intervalMs = 200): Promise<T> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let failures = 0;
  for (;;) {
    try {
      const result = await check();
      // A slow wait is worth knowing about even when it ends well (a flaky test in the making).
      if (Date.now() - started > 10_000) console.log(`      (waited ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures} failed checks, at ${new Error().stack?.split('\n')[2]?.trim()})`);
      return result;
    } catch (error) {
      failures++;
      if (Date.now() >= deadline) {
        if (error instanceof Error) error.message = `still failing after ${Math.round(timeoutMs / 1000)} s: ${error.message}`;
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
