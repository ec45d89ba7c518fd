import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from './vscodeLanguageServer';
import type { TextEdit as CoreEdit } from '../core/edits';
import type { NotesDiagnostic, NotesModel, Severity, Span } from '../core/model';

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

export function toDiagnostic(model: NotesModel, d: NotesDiagnostic): Diagnostic {
  return {
    range: toRange(model, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: d.message,
    data: { ...d.data, code: d.code },
  };
}

export function toTextEdits(model: NotesModel, edits: CoreEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
}
