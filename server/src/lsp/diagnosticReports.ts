import type { Diagnostic } from 'vscode-languageserver';

export type PullReport = { kind: 'full'; resultId: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string };

/**
 * The last diagnostics sent for each document, for LSP's pull model: when a client asks with the
 * id of the report it holds and the diagnostics are still the same (most keystrokes in a long
 * transcript change none: the lines after the edit keep their numbers), the answer is "unchanged"
 * instead of the whole list again (1,300 diagnostics of a 1 MB transcript are 440 KB of JSON).
 */
export class DiagnosticReports {
  private readonly last = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private counter = 0;

  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): PullReport {
    const last = this.last.get(uri);
    if (last && previousResultId === last.resultId && sameJson(items, last.items)) return { kind: 'unchanged', resultId: last.resultId };
    const resultId = `${++this.counter}`;
    this.last.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** Deep equality of JSON-like values (what a report holds), without serialising them. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Counted with for…in rather than compared as Object.keys arrays: no arrays to allocate for each
  // of the thousands of objects a long transcript's report holds, at every keystroke.
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
    keys++;
  }
  for (const _ in y) keys--;
  return keys === 0;
}
