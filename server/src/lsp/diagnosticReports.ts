import type { Diagnostic } from 'vscode-languageserver';
import { sameJson } from './sameJson';

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

  /** The diagnostics last reported for a document (to reuse those that read the same). */
  lastItems(uri: string): readonly Diagnostic[] | undefined {
    return this.last.get(uri)?.items;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
