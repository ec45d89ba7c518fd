// What is under the cursor: a due date, a person, a summary entry, or a statement of the transcript.
import type { DigestItem } from '../digest';
import type { ActionItem, Decision, DueDate, NotesModel, Span, Statement, StatementCue } from '../model';
import { type PersonMention, personAt } from './people';

export type Target =
  | { kind: 'due'; due: DueDate; meeting: number; item: ActionItem | null }
  | { kind: 'person'; mention: PersonMention }
  | { kind: 'item'; item: ActionItem; span: Span }
  | { kind: 'decision'; decision: Decision; span: Span }
  | { kind: 'statement'; statement: Statement; cues: StatementCue[]; span: Span };

const within = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/** The innermost thing at an offset; `dates: false` skips due dates (navigation acts on their item). */
export function targetAt(model: NotesModel, offset: number, options: { dates?: boolean } = {}): Target | null {
  if (options.dates !== false) {
    const due = dueAt(model, offset);
    if (due) return due;
  }
  const mention = personAt(model, offset);
  if (mention) return { kind: 'person', mention };
  const item = model.items.find((i) => i.source === 'summary' && within(entrySpan(i), offset));
  if (item) return { kind: 'item', item, span: entrySpan(item) };
  const decision = model.decisions.find((d) => d.source === 'summary' && within(d.span, offset));
  if (decision) return { kind: 'decision', decision, span: decision.span };
  const statement = model.statements.find((s) => within(s.span, offset));
  if (statement) {
    const spoken = model.items.find((i) => i.statement === statement && within(i.span, offset));
    if (spoken) return { kind: 'item', item: spoken, span: spoken.span };
    const spokenDecision = model.decisions.find((d) => d.statement === statement && within(d.span, offset));
    if (spokenDecision) return { kind: 'decision', decision: spokenDecision, span: spokenDecision.span };
    const here = statement.cues.filter((c) => within(c.span, offset));
    return { kind: 'statement', statement, cues: here.length ? here : statement.cues, span: here.length ? here[0].span : statement.span };
  }
  return null;
}

/** A summary entry's whole text (its list marker and all), or a spoken item's clause. */
export function entrySpan(item: Pick<DigestItem, 'span' | 'layout'>): Span {
  return item.layout ? { start: Math.min(item.layout.span.start, item.span.start), end: Math.max(item.layout.span.end, item.span.end) } : item.span;
}

function dueAt(model: NotesModel, offset: number): Target | null {
  const item = model.items.find((i) => i.due && within(i.due.span, offset));
  if (item) return { kind: 'due', due: item.due!, meeting: item.meeting, item };
  for (const statement of model.statements) {
    if (!within(statement.span, offset)) continue;
    const cue = statement.cues.find((c) => c.due && within(c.due.span, offset));
    if (cue) return { kind: 'due', due: cue.due!, meeting: statement.meeting, item: recordersOf(model, [cue]).items[0] ?? null };
  }
  return null;
}

/** The summary entries that record any of these spoken cues. */
export function recordersOf(model: NotesModel, cues: StatementCue[]): { items: ActionItem[]; decisions: Decision[] } {
  const starts = new Set(cues.map((c) => c.span.start));
  const records = (mentions: StatementCue[]) => mentions.some((m) => starts.has(m.span.start));
  return {
    items: model.items.filter((i) => i.source === 'summary' && records(i.mentions)),
    decisions: model.decisions.filter((d) => d.source === 'summary' && records(d.mentions)),
  };
}

/** The meeting an offset lies in. */
export function meetingAt(model: NotesModel, offset: number): number {
  let found = 0;
  for (const meeting of model.meetings) if (meeting.span.start <= offset) found = meeting.index;
  return found;
}
