import { shortLabel } from '../dates/calendar';
import type { ActionItem, StatementCue } from '../model';
import { type Finding, type Rule, describe, message, named, openItems } from './rule';

export const dueDateMismatch: Rule = {
  code: 'due-date-mismatch',
  defaultSeverity: 'warning',
  check(model) {
    const findings: Finding[] = [];
    let byId: Map<string, ActionItem> | null = null; // only for commitments with a twin
    // Loops rather than `find` and `map`: this runs over every open item at every keystroke.
    for (const item of openItems(model)) {
      if (item.source !== 'summary' || !item.due?.date) continue;
      const date = item.due.date;
      const said = saidOtherwise(item, date);
      if (said) {
        const who = said.statement.speaker?.name ?? 'the transcript';
        findings.push({
          message: message(saySaidOtherwise, ...named(item), date, who, said.due!.text, said.due!.date!, said.statement.time),
          span: item.due.span,
          data: { itemId: item.id, saidDate: said.due!.date! },
        });
        continue;
      }
      // A COMMITMENTS entry whose ACTION ITEMS twin gives another date.
      if (item.kind !== 'commitment' || item.linked.length === 0) continue;
      byId ??= itemsById(model.items);
      const twin = datedOtherwise(item.linked, byId, date);
      if (twin) {
        findings.push({
          message: message(sayTwinOtherwise, ...named(item), date, twin.due!.date!),
          span: item.due.span,
          data: { itemId: item.id, saidDate: twin.due!.date! },
        });
      }
    }
    return findings;
  },
};

/** The first mention of the item that gives another date. */
function saidOtherwise(item: ActionItem, date: string): StatementCue | undefined {
  for (const cue of item.mentions) if (cue.due?.date && cue.due.date !== date) return cue;
  return undefined;
}

/** The first linked item that gives another date. */
function datedOtherwise(ids: string[], byId: Map<string, ActionItem>, date: string): ActionItem | undefined {
  for (const id of ids) {
    const twin = byId.get(id);
    if (twin?.due?.date && twin.due.date !== date) return twin;
  }
  return undefined;
}

function itemsById(items: ActionItem[]): Map<string, ActionItem> {
  const byId = new Map<string, ActionItem>();
  for (const item of items) byId.set(item.id, item);
  return byId;
}

function saySaidOtherwise(task: string, owner: string | null, date: string, who: string, text: string, saidDate: string, time: string | null): string {
  const at = time ? ` at [${time}]` : '';
  return `${describe(task, owner)} is due ${shortLabel(date)} (${date}) here, but ${who} said "${text}" (${saidDate})${at}`;
}

function sayTwinOtherwise(task: string, owner: string | null, date: string, twinDate: string): string {
  return `${describe(task, owner)} is due ${date} here, but its action item says ${twinDate}`;
}
