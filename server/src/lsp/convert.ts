import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from './vscodeLanguageServer';
import type { TextEdit as CoreEdit } from '../core/edits';
import type { NotesDiagnostic, NotesModel, Severity, Span } from '../core/model';
import { sameJson } from './sameJson';

export const SOURCE = 'meeting-notes';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(model: NotesModel, span: Span): Range {
  return model.lines.rangeOf(span);
}

/**
 * A diagnostic as LSP has it; `previous` itself when it reads the same, so that a report whose
 * diagnostics did not change is made of the same objects (compared at once, nothing new kept): most
 * keystrokes in a long transcript change none of its thousand findings.
 */
export function toDiagnostic(model: NotesModel, d: NotesDiagnostic, previous?: Diagnostic): Diagnostic {
  const range = toRange(model, d.span);
  if (previous && sameDiagnostic(previous, range, d)) {
    sources.set(previous, d);
    return previous;
  }
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: d.message,
    data: { ...d.data, code: d.code },
  };
  sources.set(diagnostic, d);
  return diagnostic;
}

/** The finding each diagnostic was made from (its data compared as the rules wrote it: quicker than the LSP copy). */
const sources = new WeakMap<Diagnostic, NotesDiagnostic>();

function sameDiagnostic(previous: Diagnostic, range: Range, d: NotesDiagnostic): boolean {
  const { start, end } = previous.range;
  if (start.line !== range.start.line || start.character !== range.start.character || end.line !== range.end.line || end.character !== range.end.character) {
    return false;
  }
  const source = sources.get(previous);
  return !!source && source.code === d.code && source.severity === d.severity && source.message === d.message && sameJson(source.data, d.data);
}

export function toTextEdits(model: NotesModel, edits: CoreEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
}
