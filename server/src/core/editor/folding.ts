// Folding: each run of transcript lines, each long statement, each summary section, and each
// meeting of a running log.
import type { NotesModel, Span, Statement } from '../model';

export interface Fold {
  startLine: number;
  endLine: number;
  kind: 'transcript' | 'statement' | 'section' | 'meeting';
  /** What a folded range shows (clients that support it). */
  collapsedText: string;
}

export function foldingRanges(model: NotesModel): Fold[] {
  const folds: Fold[] = [];
  const seen = new Set<string>();
  const add = (span: Span, kind: Fold['kind'], collapsedText: string) => {
    const startLine = model.lines.positionAt(span.start).line;
    const endLine = lastLine(model, span);
    if (endLine <= startLine || seen.has(`${startLine}:${endLine}`)) return;
    seen.add(`${startLine}:${endLine}`);
    folds.push({ startLine, endLine, kind, collapsedText });
  };

  if (model.meetings.length > 1) {
    for (const meeting of model.meetings) add({ start: model.lines.lineStart(meeting.line), end: meeting.span.end }, 'meeting', `${meeting.title}${meeting.date ? ` · ${meeting.date}` : ''}`);
  }
  for (const run of transcriptRuns(model)) {
    const first = run[0];
    const last = run[run.length - 1];
    const times = first.time && last.time ? ` (${first.time}–${last.time})` : '';
    add({ start: first.span.start, end: last.span.end }, 'transcript', `Transcript: ${run.length} statement${run.length === 1 ? '' : 's'}${times}`);
  }
  for (const statement of model.statements) add(statement.span, 'statement', `${statement.speaker ? `${statement.speaker.name}: ` : ''}…`);
  for (const section of model.sections) {
    const inside = (s: Span) => s.start > section.headerSpan.end && s.start < section.insertAt;
    const count = section.kind === 'decisions' ? model.decisions.filter((d) => d.source === 'summary' && inside(d.span)).length : model.items.filter((i) => i.source === 'summary' && inside(i.span)).length;
    const noun = section.kind === 'decisions' ? 'decision' : section.kind === 'commitments' ? 'commitment' : 'item';
    add({ start: section.headerSpan.start, end: section.insertAt }, 'section', `${section.title}: ${count} ${noun}${count === 1 ? '' : 's'}`);
  }
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Statements that follow each other with no summary section or entry between them. */
function transcriptRuns(model: NotesModel): Statement[][] {
  const breaks = [
    ...model.sections.map((s) => s.headerSpan.start),
    ...model.items.filter((i) => i.source === 'summary').map((i) => i.span.start),
    ...model.meetings.map((m) => m.span.start),
  ].sort((a, b) => a - b);
  const runs: Statement[][] = [];
  let current: Statement[] = [];
  let next = 0; // the first break not before the previous statement's end
  for (const statement of model.statements) {
    const previous = current[current.length - 1];
    if (previous) {
      while (next < breaks.length && breaks[next] <= previous.span.end) next++;
      if (previous.meeting !== statement.meeting || (next < breaks.length && breaks[next] < statement.span.start)) {
        runs.push(current);
        current = [];
      }
    }
    current.push(statement);
  }
  if (current.length) runs.push(current);
  return runs;
}

/** The last line with text in a span (a span ending at a line break, or in blank lines, ends above). */
function lastLine(model: NotesModel, span: Span): number {
  let end = span.end;
  while (end > span.start && /\s/.test(model.text[end - 1])) end--;
  return model.lines.positionAt(end).line;
}
