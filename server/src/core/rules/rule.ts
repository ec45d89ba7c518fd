import type { ActionItem, DiagnosticCode, Meeting, NotesDiagnostic, NotesModel, Severity } from '../model';

export interface RuleContext {
  /** ISO date that `overdue` and `due-soon` are judged against. */
  today: string;
  /** `due-soon` covers items due from today up to this many days ahead. */
  dueSoonDays: number;
}

/** A finding before its severity is applied. */
export type Finding = Omit<NotesDiagnostic, 'severity' | 'code'>;

/** One check of the notes, with a stable code. */
export interface Rule {
  code: DiagnosticCode;
  defaultSeverity: Severity;
  check(model: NotesModel, ctx: RuleContext): Finding[];
}

/** Items still to be done: findings about finished work only add noise. */
export function openItems(model: NotesModel): ActionItem[] {
  return model.items.filter((i) => i.status === 'open');
}

/** `"Test Redis pool" (Mike Johnson)`: how messages name an item. */
export function describe(item: ActionItem): string {
  const task = item.task.length > 80 ? `${item.task.slice(0, 77)}…` : item.task;
  return item.owner ? `"${task}" (${item.owner.name})` : `"${task}"`;
}

export function meetingOf(model: NotesModel, item: { meeting: number }): Meeting {
  return model.meetings[item.meeting];
}
