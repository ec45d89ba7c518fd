import type { CodeLens, Command } from 'vscode-languageserver';
import { daysBetween, shortLabel } from '../../core/dates/calendar';
import type { ActionItem, Span } from '../../core/model';
import { type GoToArgs, type ItemCommandArgs, ServerCommands } from '../../protocol';
import { toRange } from '../convert';
import type { NotesFile } from '../store';
import type { SeriesContext } from './codeActions';

/** How an item stands, in a few words: `Tom Bradley · due Sat, Feb 3 · 3 days overdue`. */
export function itemSummary(item: ActionItem, today: string): string {
  const parts = [item.owner?.name ?? 'no owner'];
  if (item.status === 'done') {
    parts.push(item.doneDate ? `done ${item.doneDate}` : 'done');
  } else if (!item.due) {
    parts.push('no due date');
  } else if (!item.due.date) {
    parts.push(item.due.vague ? `due "${item.due.text}" (not a date)` : `due ${item.due.text}`);
  } else {
    const days = daysBetween(today, item.due.date);
    const when = days < 0 ? `${-days} day${days === -1 ? '' : 's'} overdue` : days === 0 ? 'due today' : days === 1 ? 'due tomorrow' : `in ${days} days`;
    parts.push(`due ${shortLabel(item.due.date)}`, when);
  }
  if (item.source === 'transcript') parts.push('not in the summary');
  return parts.join(' · ');
}

/**
 * Lenses on every item (mark complete / reopen / record, and how it stands) and on recorded
 * statements. In a meeting series, an entry that a later meeting carries on says where the work
 * stands now and jumps there; the latest entry says how long the work has waited.
 */
export function codeLenses(file: NotesFile, today: string, series?: SeriesContext): CodeLens[] {
  const { model, uri, version } = file;
  const lenses: CodeLens[] = [];
  for (const item of model.items) {
    const range = toRange(model, { start: item.span.start, end: item.span.start });
    const args: ItemCommandArgs = { uri, itemId: item.id, version };
    if (item.source === 'transcript') {
      lenses.push({ range, command: { title: 'Add to action items', command: ServerCommands.recordInSummary, arguments: [args] } });
    } else if (item.status === 'open') {
      lenses.push({ range, command: { title: 'Mark complete', command: ServerCommands.markComplete, arguments: [args] } });
    } else {
      lenses.push({ range, command: { title: 'Reopen', command: ServerCommands.reopen, arguments: [args] } });
    }
    const later = series && seriesLens(file, item, series);
    const info = series?.index.item(uri, item.id);
    const waited = item.status === 'open' && info?.waited ? ` · waited ${info.waited} meeting${info.waited === 1 ? '' : 's'}` : '';
    lenses.push({ range, command: later ?? { title: itemSummary(item, today) + waited, command: '' } });
  }
  // A statement the summary records: a lens that jumps to its entry (or entries: an action and its commitment).
  const recorded = new Map<number, Array<{ label: string; span: Span }>>();
  const note = (cueStart: number, label: string, span: Span) => {
    const targets = recorded.get(cueStart) ?? [];
    if (!targets.some((t) => t.span.start === span.start)) targets.push({ label, span });
    recorded.set(cueStart, targets);
  };
  for (const item of model.items) for (const cue of item.mentions) note(cue.span.start, item.kind === 'commitment' ? 'commitment' : 'action item', item.span);
  for (const decision of model.decisions) for (const cue of decision.mentions) note(cue.span.start, 'decision', decision.span);
  for (const [start, targets] of recorded) {
    const range = toRange(model, { start, end: start });
    for (const target of targets) {
      const goTo: GoToArgs = { uri, range: toRange(model, target.span) };
      const line = model.lines.positionAt(target.span.start).line + 1;
      lenses.push({ range, command: { title: `Recorded as ${target.label} on line ${line}`, command: ServerCommands.goTo, arguments: [goTo] } });
    }
  }
  return lenses;
}

/** For an entry that a later meeting of its series carries on: where the work stands now, as a jump there. */
function seriesLens(file: NotesFile, item: ActionItem, series: SeriesContext): Command | null {
  const info = series.index.item(file.uri, item.id);
  if (!info?.next) return null;
  const latest = info.thread.entries[info.thread.entries.length - 1];
  const target = series.fileOf(latest.file);
  const entry = target?.model.items.find((i) => i.id === latest.itemId);
  const title = `${latest.status === 'done' ? 'Done' : 'Carried over'} in the meeting of ${shortLabel(latest.meeting.date)} (${latest.meeting.date})`;
  if (!target || !entry) return { title, command: '' };
  const goTo: GoToArgs = { uri: target.uri, range: toRange(target.model, entry.span) };
  return { title, command: ServerCommands.goTo, arguments: [goTo] };
}
