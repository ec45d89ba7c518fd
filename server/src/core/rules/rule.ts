import type { ActionItem, DiagnosticCode, Meeting, NotesDiagnostic, NotesModel, Severity } from '../model';
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
export type Finding = Omit<NotesDiagnostic, 'severity' | 'code'>;

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

/** `"Test Redis pool" (Mike Johnson)`: how messages name an item. */
export function describe(item: ActionItem): string {
  const task = item.task.length > 80 ? `${item.task.slice(0, 77)}…` : item.task;
  return item.owner ? `"${task}" (${item.owner.name})` : `"${task}"`;
}

export function meetingOf(model: NotesModel, item: { meeting: number }): Meeting {
  return model.meetings[item.meeting];
}
