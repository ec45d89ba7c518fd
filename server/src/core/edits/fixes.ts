import { addDays, shortLabel } from '../dates/calendar';
import type { ActionItem, DiagnosticCode, NotesModel } from '../model';
import { assignOwner } from './assignOwner';
import { markComplete } from './complete';
import { recordInSummary } from './recordInSummary';
import { setDueDate } from './setDueDate';
import type { CompleteOptions, TextEdit } from './textEdit';

// The quick fixes of a finding, as plain edits: which ones a finding gets and which is preferred.
// (The editor's code actions wrap them; carrying a dropped item over, which edits another file of
// its series, is worked out there.)

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
  /** The item this fix marks complete. */
  completes?: string;
}

/** What a finding's `data` tells its fixes. */
export interface FixData {
  itemId?: string;
  decisionId?: string;
  saidDate?: string;
  owners?: string[];
}

/** The fixes of a finding with this code and data in `model`; `today` dates the "in a week" ones. */
export function fixesFor(model: NotesModel, code: DiagnosticCode, data: FixData, today: string, complete: CompleteOptions): Fix[] {
  if (code === 'uncaptured-decision' && data.decisionId) {
    return [{ title: 'Add this decision to DECISIONS', edits: recordInSummary(model, data.decisionId), preferred: true }];
  }
  const item = data.itemId ? model.items.find((i) => i.id === data.itemId) : undefined;
  if (!item) return [];
  const quote = quoteOf(item);
  const dueFix = (date: string, why: string, preferred = false): Fix => ({ title: `Set the due date to ${date} (${why})`, edits: setDueDate(model, item.id, date), preferred });
  const later = [dueFix(addDays(today, 7), 'in a week'), dueFix(addDays(today, 14), 'in two weeks')];
  const owners = (names: string[]): Fix[] => names.map((name, i) => ({ title: `Assign "${quote}" to ${name}`, edits: assignOwner(model, item.id, name), preferred: i === 0 }));
  switch (code) {
    case 'dropped-item':
      return [{ title: `Mark "${quote}" complete`, edits: markComplete(model, item.id, complete) }];
    case 'reported-done':
    case 'overdue':
    case 'due-soon':
      return [{ title: `Mark "${quote}" complete`, edits: markComplete(model, item.id, complete), preferred: true, completes: item.id }, ...(code === 'overdue' ? later : [])];
    case 'missing-owner': {
      // Whoever said it in the transcript is the likeliest owner.
      const speakers = item.mentions.map((c) => c.owner?.name).filter((n): n is string => !!n);
      return owners([...new Set([...speakers, ...(data.owners ?? [])])]);
    }
    case 'unknown-owner':
      return owners(data.owners ?? []);
    case 'missing-due-date': {
      const said = item.mentions.find((c) => c.due?.date);
      return said ? [dueFix(said.due!.date!, `said "${said.due!.text}"`, true), ...later] : later;
    }
    case 'vague-due-date':
      return later;
    case 'uncaptured-commitment':
      return [{ title: 'Add to ACTION ITEMS', edits: recordInSummary(model, item.id), preferred: true }];
    case 'due-date-mismatch':
      return data.saidDate ? [dueFix(data.saidDate, `as said: ${shortLabel(data.saidDate)}`, true)] : [];
  }
  return [];
}

/** An item's task as a fix's title quotes it: at most 40 characters. */
export function quoteOf(item: ActionItem): string {
  return item.task.length > 40 ? `${item.task.slice(0, 39)}…` : item.task;
}
