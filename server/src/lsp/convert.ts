import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from './vscodeLanguageServer';
import type { TextEdit as CoreEdit } from '../core/edits';
import type { NotesDigest } from '../core/digest';
import type { NotesModel, Severity, Span } from '../core/model';
import type { Judged } from '../core/rules';
import { sameMessage, wordsOf } from '../core/rules/rule';
import { sameJson } from './sameJson';

export const SOURCE = 'meeting-notes';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A span as an LSP range, from a model's (or digest's) line table. */
export function toRange(model: Pick<NotesDigest, 'lines'>, span: Span): Range {
  return model.lines.rangeOf(span);
}

/**
 * Findings as LSP diagnostics. With `previous` (the last report, in order), those that read the
 * same are that report's objects, so that a report whose diagnostics did not change is made of the
 * same objects (compared at once, nothing new kept): most keystrokes in a long transcript change
 * none of its thousand findings.
 */
export function toDiagnostics(model: NotesModel, findings: Judged[], previous?: readonly Diagnostic[]): Diagnostic[] {
  const sources = previous && findingsOf.get(previous);
  const { lines } = model;
  const diagnostics = findings.map((d, i) => {
    const before = previous?.[i];
    const source = sources?.[i];
    // Where it was is checked without making a range: most findings are where they were.
    const same = before && source && lines.isAt(d.span.start, before.range.start) && lines.isAt(d.span.end, before.range.end) && sameFinding(source, d);
    return same ? before : newDiagnostic(toRange(model, d.span), d);
  });
  findingsOf.set(diagnostics, findings);
  return diagnostics;
}

/** A new diagnostic: only here is its message put in words. */
function newDiagnostic(range: Range, d: Judged): Diagnostic {
  return { range, severity: SEVERITY[d.severity], code: d.code, source: SOURCE, message: wordsOf(d.message), data: d.data }; // the code is the diagnostic's own: not again in its data
}

/**
 * The findings each list of diagnostics was made from, index for index (compared as the rules
 * made them: quicker than the LSP copy). By list, not by diagnostic: one lookup per report.
 */
const findingsOf = new WeakMap<readonly Diagnostic[], readonly Judged[]>();

/** Whether two findings say the same (their messages compared by what they are made of, not in words). */
function sameFinding(source: Judged, d: Judged): boolean {
  return source.code === d.code && source.severity === d.severity && sameMessage(source.message, d.message) && sameJson(source.data, d.data);
}

export function toTextEdits(model: Pick<NotesDigest, 'lines'>, edits: CoreEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
}
