import type { ActionItem, NotesModel, Span } from '../model';

/** A change to the document text: replace `span` with `newText` (an insertion when the span is empty). */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface CompleteOptions {
  /** ISO date written as `✅ YYYY-MM-DD`. */
  today: string;
  /** Whether completing writes the done date (setting `meetingNotes.writeDoneDate`). */
  writeDoneDate: boolean;
}

export const insert = (at: number, newText: string): TextEdit => ({ span: { start: at, end: at }, newText });
export const replace = (span: Span, newText: string): TextEdit => ({ span, newText });
export const remove = (span: Span): TextEdit => ({ span, newText: '' });

/** The line break the document already uses. */
export function eolOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

export function itemById(model: NotesModel, id: string): ActionItem | undefined {
  return model.items.find((i) => i.id === id);
}

/** The item and its linked twins, each once. */
export function withTwins(model: NotesModel, item: ActionItem): ActionItem[] {
  const twins = item.linked.map((id) => itemById(model, id)).filter((t): t is ActionItem => !!t);
  return [item, ...twins];
}

/** Edits sorted by position, exact duplicates dropped (two fixes may touch a shared twin). */
export function normalizeEdits(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  const unique = edits.filter((e) => {
    const key = `${e.span.start}:${e.span.end}:${e.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Applies edits to a text (they must not overlap); used by tests and by the CLI. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** What to write into a table cell: an empty cell (its blanks) gets the value padded by one space. */
export function cellText(text: string, span: Span, value: string): string {
  return text.slice(span.start, span.end).trim() ? value : ` ${value} `;
}
