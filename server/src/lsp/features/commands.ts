import type { CompleteOptions, TextEdit as CoreEdit } from '../../core/edits';
import { assignOwner, markAllComplete, markComplete, recordInSummary, reopen, setDueDate } from '../../core/edits';
import type { CompletionMemory } from './completionMemory';
import type { NotesModel } from '../../core/model';
import { diagnose } from '../../core/rules';
import { type AssignArgs, type ItemCommandArgs, type SetDueArgs, ServerCommands } from '../../protocol';

/** What an item command edits, computed on the model it is given. */
export function commandEdits(command: string, args: ItemCommandArgs, model: NotesModel, complete: CompleteOptions, memory?: CompletionMemory): CoreEdit[] {
  switch (command) {
    case ServerCommands.markComplete: {
      const edits = markComplete(model, args.itemId, complete);
      memory?.remember(args.uri, model, [args.itemId], edits);
      return edits;
    }
    case ServerCommands.reopen:
      return memory ? memory.reopen(args.uri, model, args.itemId) : reopen(model, args.itemId);
    case ServerCommands.setDueDate:
      return /^\d{4}-\d{2}-\d{2}$/.test((args as SetDueArgs).date ?? '') ? setDueDate(model, args.itemId, (args as SetDueArgs).date) : [];
    case ServerCommands.assignOwner:
      return typeof (args as AssignArgs).owner === 'string' ? assignOwner(model, args.itemId, (args as AssignArgs).owner) : [];
    case ServerCommands.recordInSummary:
      return recordInSummary(model, args.itemId);
    case ServerCommands.completeOverdue: {
      const overdue = diagnose(model, { today: complete.today }).filter((d) => d.code === 'overdue').map((d) => d.data.itemId!);
      const edits = markAllComplete(model, overdue, complete);
      memory?.remember(args.uri, model, overdue, edits);
      return edits;
    }
  }
  return [];
}

export const COMMAND_LABELS: Record<string, string> = {
  [ServerCommands.markComplete]: 'Mark action item complete',
  [ServerCommands.reopen]: 'Reopen action item',
  [ServerCommands.setDueDate]: 'Set due date',
  [ServerCommands.assignOwner]: 'Assign owner',
  [ServerCommands.recordInSummary]: 'Add to the summary',
  [ServerCommands.completeOverdue]: 'Mark overdue items complete',
};

/** Whether the arguments are well-formed, so that no command acts on garbage from a client. */
export function isItemArgs(value: unknown): value is ItemCommandArgs {
  const v = value as ItemCommandArgs | undefined;
  return !!v && typeof v.uri === 'string' && typeof v.itemId === 'string' && (v.version === null || typeof v.version === 'number' || v.version === undefined);
}

/** Whether a command was computed on another version of the document than the current one. */
export function isStale(args: ItemCommandArgs, file: { version: number | null }): boolean {
  return args.version != null && args.version !== file.version;
}

/** Whether another item has the same words (`a1b2c3d` and `a1b2c3d-2`), so that the id alone cannot tell them apart. */
export function isAmbiguous(model: NotesModel, itemId: string): boolean {
  const base = itemId.replace(/-\d+$/, '');
  return model.items.some((i) => i.id !== itemId && i.id.replace(/-\d+$/, '') === base);
}
