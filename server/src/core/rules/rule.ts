import type { ActionItem, DiagnosticCode, DiagnosticData, Meeting, NotesModel, Severity, Span } from '../model';
import type { ItemInSeries, SeriesIndex } from '../series';

export interface RuleContext {
  /** ISO date that `overdue` and `due-soon` are judged against. */
  today: string;
  /** `due-soon` covers items due from today up to this many days ahead. */
  dueSoonDays: number;
  /** The meeting series this file's meetings belong to (at least the file's own, for a running log). */
  series: { index: SeriesIndex; file: string };
  /** `carried-over` is reported for an item still open this many meetings after it was recorded. */
  carriedOverAfter: number;
}

/** A finding before its severity is applied. */
export interface Finding {
  message: Message;
  span: Span;
  data: DiagnosticData;
}

/** A value a message is said of. */
export type MessageValue = string | number | null | undefined;

/**
 * What a finding says: the function that puts it in words and the values it says it of. The same
 * function with the same values says the same, so findings are compared without their words being
 * made (a long transcript has a thousand findings, compared with the last report's at every
 * keystroke), and the words are made only for the findings that changed.
 */
export interface Message {
  say: (...values: MessageValue[]) => string;
  values: MessageValue[];
}

/** A message said by `say` of `values` (a function of them alone: equal values must give equal words). */
export function message<V extends MessageValue[]>(say: (...values: V) => string, ...values: V): Message {
  return { say: say as unknown as Message['say'], values };
}

/** The message in words. */
export function wordsOf(m: Message): string {
  return m.say(...m.values);
}

/** Whether two messages say the same: the same function of the same values. */
export function sameMessage(a: Message, b: Message): boolean {
  if (a.say !== b.say || a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i]) return false;
  return true;
}

/** One check of the notes, with a stable code. */
export interface Rule {
  code: DiagnosticCode;
  defaultSeverity: Severity;
  check(model: NotesModel, ctx: RuleContext): Finding[];
}

const openItemsOf = new WeakMap<NotesModel, readonly ActionItem[]>();

/** Items still to be done: findings about finished work only add noise. Worked out once per model (most rules read them). */
export function openItems(model: NotesModel): readonly ActionItem[] {
  let open = openItemsOf.get(model);
  if (!open) openItemsOf.set(model, (open = model.items.filter((i) => i.status === 'open')));
  return open;
}

/**
 * Open items whose state is their own: an entry that a later meeting of its series carries on is
 * superseded (done there, or judged there), so date findings go to the latest entry only.
 */
export function currentOpenItems(model: NotesModel, ctx: RuleContext): ActionItem[] {
  return openItems(model).filter((item) => !seriesInfo(ctx, item)?.next);
}

export function seriesInfo(ctx: RuleContext, item: ActionItem): ItemInSeries | undefined {
  return ctx.series.index.item(ctx.series.file, item.id);
}

/** `"Test Redis pool" (Mike Johnson)`: how messages name an item, by its task and its owner's name. */
export function describe(task: string, owner: MessageValue): string {
  const shown = task.length > 80 ? `${task.slice(0, 77)}…` : task;
  return owner ? `"${shown}" (${owner})` : `"${shown}"`;
}

/** What `describe` reads of an item. */
export function named(item: ActionItem): [task: string, owner: string | null] {
  return [item.task, item.owner?.name ?? null];
}

export function meetingOf(model: NotesModel, item: { meeting: number }): Meeting {
  return model.meetings[item.meeting];
}

/** A file's name as a person would say it: the last part of a path or URI. */
export function fileLabel(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
