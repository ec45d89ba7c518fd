// Inlay hints: the day a relative due date resolves to (`Tomorrow` → `Tue 2024-01-30`), and who
// `me` is in `Action item for me`.
import type { DueDate, NotesModel, Span } from '../model';
import { dayAndDate, isRelative, longDate } from './describe';

export interface InlayHintText {
  /** Where the hint sits: right after the words it explains. */
  offset: number;
  label: string;
  kind: 'date' | 'owner';
  tooltip: string;
}

export function inlayHints(model: NotesModel, range: Span = { start: 0, end: model.text.length }): InlayHintText[] {
  const hints = new Map<number, InlayHintText>();
  const inRange = (offset: number) => range.start <= offset && offset <= range.end;
  const dated = (due: DueDate | null, meeting: number) => {
    if (!due?.date || !isRelative(due) || !inRange(due.span.end) || hints.has(due.span.end)) return;
    const from = model.meetings[meeting]?.date;
    hints.set(due.span.end, {
      offset: due.span.end,
      label: dayAndDate(due.date),
      kind: 'date',
      tooltip: `${longDate(due.date)}: "${due.text}"${from ? ` counted from the meeting on ${dayAndDate(from)}` : ''}`,
    });
  };
  for (const item of model.items) dated(item.due, item.meeting);
  for (const statement of model.statements) {
    for (const cue of statement.cues) dated(cue.due, statement.meeting);
    const speaker = statement.speaker;
    if (!speaker) continue;
    const text = model.text.slice(statement.textStart, statement.span.end);
    for (const m of text.matchAll(/\baction\s+items?\s+for\s+(me|myself)(?=\s*:)/giu)) {
      const offset = statement.textStart + m.index! + m[0].length;
      if (!inRange(offset)) continue;
      hints.set(offset, { offset, label: speaker.name, kind: 'owner', tooltip: `Owner: ${speaker.name}, who says it` });
    }
  }
  return [...hints.values()].sort((a, b) => a.offset - b.offset);
}
