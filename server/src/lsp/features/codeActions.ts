import { type CodeAction, CodeActionKind, type CodeActionParams, type Range } from 'vscode-languageserver';
import { addDays, shortLabel } from '../../core/dates/calendar';
import { assignOwner, markAllComplete, markComplete, recordInSummary, setDueDate } from '../../core/edits';
import type { TextEdit as CoreEdit } from '../../core/edits';
import type { ActionItem, DiagnosticCode } from '../../core/model';
import { diagnose } from '../../core/rules';
import type { NotesSettings } from '../../protocol';
import { SOURCE, toRange, toTextEdits } from '../convert';
import type { NotesFile } from '../store';
import type { CompletionMemory } from './completionMemory';
import type { WorkspaceEditFactory } from './workspaceEdit';

export const COMPLETE_OVERDUE_KIND = `${CodeActionKind.Source}.meetingNotes.completeOverdue`;

interface Fix {
  title: string;
  edits: CoreEdit[];
  preferred?: boolean;
  /** The item this fix marks complete. */
  completes?: string;
}

function diagnosticKey(code: string, range: Range): string {
  return `${code}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Quick fixes for the notes' diagnostics, and the source action that completes every overdue item. */
export function codeActions(
  file: NotesFile,
  params: CodeActionParams,
  settings: NotesSettings,
  today: string,
  workspaceEdit: WorkspaceEditFactory,
  memory?: CompletionMemory,
): CodeAction[] {
  const { model } = file;
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const complete = { today, writeDoneDate: settings.writeDoneDate };

  if (wants(CodeActionKind.QuickFix)) {
    // A diagnostic the client still shows from an older text is not fixed: the fix could land elsewhere.
    const current = new Set(
      diagnose(model, { today, dueSoonDays: settings.dueSoonDays, severities: settings.severity }).map((d) => diagnosticKey(d.code, toRange(model, d.span))),
    );
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE || !current.has(diagnosticKey(String(diagnostic.code), diagnostic.range))) continue;
      const data = (diagnostic.data ?? {}) as { itemId?: string; decisionId?: string; saidDate?: string; owners?: string[] };
      const item = data.itemId ? model.items.find((i) => i.id === data.itemId) : undefined;
      const fixes = fixesFor(diagnostic.code as DiagnosticCode, item, data, file, today, complete);
      fixes.forEach((fix) => {
        if (!fix.edits.length) return;
        if (fix.completes) memory?.remember(file.uri, model, [fix.completes], fix.edits);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: workspaceEdit(file, toTextEdits(model, fix.edits)) });
      });
    }
  }
  // Offered when source actions are asked for (the Source Action menu, or on save), not among quick fixes.
  if (only?.some((k) => COMPLETE_OVERDUE_KIND === k || COMPLETE_OVERDUE_KIND.startsWith(`${k}.`))) {
    const overdue = diagnose(model, { today, severities: {} }).filter((d) => d.code === 'overdue').map((d) => d.data.itemId!);
    if (overdue.length) {
      const edits = markAllComplete(model, overdue, complete);
      memory?.remember(file.uri, model, overdue, edits);
      actions.push({ title: `Mark all ${overdue.length} overdue item${overdue.length === 1 ? '' : 's'} of this file complete`, kind: COMPLETE_OVERDUE_KIND, edit: workspaceEdit(file, toTextEdits(model, edits)) });
    }
  }
  return actions;
}

function fixesFor(
  code: DiagnosticCode,
  item: ActionItem | undefined,
  data: { decisionId?: string; saidDate?: string; owners?: string[] },
  file: NotesFile,
  today: string,
  complete: { today: string; writeDoneDate: boolean },
): Fix[] {
  const { model } = file;
  if (code === 'uncaptured-decision' && data.decisionId) {
    return [{ title: 'Add this decision to DECISIONS', edits: recordInSummary(model, data.decisionId), preferred: true }];
  }
  if (!item) return [];
  const quote = item.task.length > 40 ? `${item.task.slice(0, 39)}…` : item.task;
  const dueFix = (date: string, why: string, preferred = false): Fix => ({ title: `Set the due date to ${date} (${why})`, edits: setDueDate(model, item.id, date), preferred });
  const later = [dueFix(addDays(today, 7), 'in a week'), dueFix(addDays(today, 14), 'in two weeks')];
  const owners = (names: string[]): Fix[] => names.map((name, i) => ({ title: `Assign "${quote}" to ${name}`, edits: assignOwner(model, item.id, name), preferred: i === 0 }));
  switch (code) {
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

