import type { CodeAction, CodeActionParams, Range } from 'vscode-languageserver';
import { CodeActionKind } from '../vscodeLanguageServer';
import { shortLabel } from '../../core/dates/calendar';
import { readCalendarDate } from '../../core/dates/readDate';
import { carryOver, markAllComplete, setDueDate } from '../../core/edits';
import type { TextEdit as CoreEdit } from '../../core/edits';
import { type FixData, fixesFor, quoteOf } from '../../core/edits/fixes';
import type { ActionItem, DiagnosticCode } from '../../core/model';
import { diagnose } from '../../core/rules';
import { type SeriesIndex, latestMeeting } from '../../core/series';
import type { NotesSettings } from '../../protocol';
import { SOURCE, toTextEdits } from '../convert';
import type { NotesFile } from '../store';
import type { CompletionMemory } from './completionMemory';
import { documentDiagnostics } from './diagnostics';
import type { WorkspaceEditFactory } from './workspaceEdit';

export const COMPLETE_OVERDUE_KIND = `${CodeActionKind.Source}.meetingNotes.completeOverdue`;
export const WRITE_DATE_KIND = `${CodeActionKind.RefactorRewrite}.meetingNotes.writeDate`;

function diagnosticKey(code: string, range: Range): string {
  return `${code}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The workspace's meeting series, and its files, for fixes that edit another file of a series. */
export interface SeriesContext {
  index: SeriesIndex;
  fileOf: (uri: string) => NotesFile | undefined;
}

/** Quick fixes for the notes' diagnostics, and the source action that completes every overdue item. */
export function codeActions(
  file: NotesFile,
  params: CodeActionParams,
  settings: NotesSettings,
  today: string,
  workspaceEdit: WorkspaceEditFactory,
  series?: SeriesContext,
  memory?: CompletionMemory,
): CodeAction[] {
  const { model } = file;
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const complete = { today, writeDoneDate: settings.writeDoneDate };

  if (wants(CodeActionKind.QuickFix)) {
    // A diagnostic the client still shows from an older text is not fixed: the fix could land elsewhere.
    const current = new Set(documentDiagnostics(file, settings, today, series?.index).map((d) => diagnosticKey(String(d.code), d.range)));
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE || !current.has(diagnosticKey(String(diagnostic.code), diagnostic.range))) continue;
      const data = (diagnostic.data ?? {}) as FixData;
      const item = data.itemId ? model.items.find((i) => i.id === data.itemId) : undefined;
      if (diagnostic.code === 'dropped-item' && item && series) {
        const carry = carryOverEdit(file, item, series);
        if (carry) {
          const title = `Carry "${quoteOf(item)}" over into ${carry.meeting}`;
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: workspaceEdit(carry.target, toTextEdits(carry.target.model, carry.edits)) });
        }
      }
      const fixes = fixesFor(model, diagnostic.code as DiagnosticCode, data, today, complete);
      fixes.forEach((fix) => {
        if (!fix.edits.length) return;
        if (fix.completes) memory?.remember(file.uri, model, [fix.completes], fix.edits);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: workspaceEdit(file, toTextEdits(model, fix.edits)) });
      });
    }
  }
  // `Due: Tomorrow` means nothing to whoever reads the notes next month: offer the day it stands for.
  if (wants(WRITE_DATE_KIND)) {
    const from = model.lines.offsetAt(params.range.start);
    const to = model.lines.offsetAt(params.range.end);
    for (const item of model.items) {
      const due = item.due;
      if (item.source !== 'summary' || !due?.date || item.span.start > to || item.span.end < from) continue;
      if (readCalendarDate(due.text, model.meetings[item.meeting]?.date ?? due.date)) continue; // already a day of the calendar

      actions.push({
        title: `Write "${due.text}" as ${due.date} (${shortLabel(due.date)})`,
        kind: WRITE_DATE_KIND,
        edit: workspaceEdit(file, toTextEdits(model, setDueDate(model, item.id, due.date))),
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

/**
 * The edit that carries an item into its series' latest meeting, worked out on the series as they
 * are now (not as the diagnostic saw them), or null when there is no later meeting to carry it to.
 */
export function carryOverEdit(file: NotesFile, item: ActionItem, series: SeriesContext): { target: NotesFile; meeting: string; edits: CoreEdit[] } | null {
  const info = series.index.item(file.uri, item.id);
  if (!info || info.next) return null;
  const latest = latestMeeting(info.series);
  if (latest.position <= info.entry.meeting.position) return null;
  const target = series.fileOf(latest.file);
  if (!target) return null;
  const edits = carryOver(target.model, latest.meeting, item);
  return edits.length ? { target, meeting: `${latest.title} (${latest.date})`, edits } : null;
}
