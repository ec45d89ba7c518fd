import type { DiagnosticCode, DiagnosticData, NotesDiagnostic, NotesModel, Severity, Span } from '../model';
import { type SeriesIndex, seriesOfFile } from '../series';
import { carriedOver } from './carriedOver';
import { droppedItem } from './droppedItem';
import { dueDateMismatch } from './dueDateMismatch';
import { dueSoon } from './dueSoon';
import { missingDueDate } from './missingDueDate';
import { missingOwner } from './missingOwner';
import { overdue } from './overdue';
import { reportedDone } from './reportedDone';
import { type Message, type Rule, wordsOf } from './rule';
import { uncapturedCommitment } from './uncapturedCommitment';
import { uncapturedDecision } from './uncapturedDecision';
import { unknownOwner } from './unknownOwner';
import { vagueDueDate } from './vagueDueDate';

export const RULES: readonly Rule[] = [
  overdue,
  dueSoon,
  missingOwner,
  missingDueDate,
  vagueDueDate,
  unknownOwner,
  uncapturedCommitment,
  uncapturedDecision,
  dueDateMismatch,
  carriedOver,
  droppedItem,
  reportedDone,
];

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = RULES.map((r) => r.code);

export const DEFAULT_SEVERITIES = Object.fromEntries(RULES.map((r) => [r.code, r.defaultSeverity])) as Record<DiagnosticCode, Severity>;

export interface DiagnoseOptions {
  today: string;
  dueSoonDays?: number;
  /** Per code: another severity, or `off`. */
  severities?: Partial<Record<DiagnosticCode, Severity | 'off'>>;
  /**
   * The meeting series across the files being read, and this file's name in them. Without it the
   * file is read alone: only its own meetings (a running log) make a series.
   */
  series?: { index: SeriesIndex; file: string };
  /** `carried-over` from this many meetings after an item was recorded (default 2). */
  carriedOverAfter?: number;
}

export const DEFAULT_CARRIED_OVER_AFTER = 2;

/** Runs every rule on the model; findings come back in document order. */
export function diagnose(model: NotesModel, options: DiagnoseOptions): NotesDiagnostic[] {
  return judge(model, options).map(inWords);
}

/** A finding with its code and severity, its message not yet in words (see `Message`). */
export interface Judged {
  code: DiagnosticCode;
  severity: Severity;
  message: Message;
  span: Span;
  data: DiagnosticData;
}

/** A judged finding as `diagnose` gives it, its message in words. */
export function inWords(d: Judged): NotesDiagnostic {
  return { code: d.code, severity: d.severity, message: wordsOf(d.message), span: d.span, data: d.data };
}

/** `diagnose`, the messages not yet in words: for a client that compares findings with the last ones it sent. */
export function judge(model: NotesModel, options: DiagnoseOptions): Judged[] {
  const ctx = {
    today: options.today,
    dueSoonDays: options.dueSoonDays ?? 3,
    series: options.series ?? { index: seriesOfFile(model), file: '' },
    carriedOverAfter: options.carriedOverAfter ?? DEFAULT_CARRIED_OVER_AFTER,
  };
  const diagnostics: Judged[] = [];
  for (const rule of RULES) {
    const severity = options.severities?.[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const { message, span, data } of rule.check(model, ctx)) diagnostics.push({ code: rule.code, severity, message, span, data });
  }
  return diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
