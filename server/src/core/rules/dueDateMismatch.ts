import { shortLabel } from '../dates/calendar';
import type { ActionItem } from '../model';
import { type Finding, type Rule, describe, openItems } from './rule';

export const dueDateMismatch: Rule = {
  code: 'due-date-mismatch',
  defaultSeverity: 'warning',
  check(model) {
    const findings: Finding[] = [];
    let byId: Map<string, ActionItem> | null = null; // only for commitments with a twin
    for (const item of openItems(model)) {
      if (item.source !== 'summary' || !item.due?.date) continue;
      const date = item.due.date;
      const said = item.mentions.find((cue) => cue.due?.date && cue.due.date !== date);
      if (said) {
        const at = said.statement.time ? ` at [${said.statement.time}]` : '';
        const who = said.statement.speaker?.name ?? 'the transcript';
        findings.push({
          message: `${describe(item)} is due ${shortLabel(date)} (${date}) here, but ${who} said "${said.due!.text}" (${said.due!.date})${at}`,
          span: item.due.span,
          data: { itemId: item.id, saidDate: said.due!.date! },
        });
        continue;
      }
      // A COMMITMENTS entry whose ACTION ITEMS twin gives another date.
      if (item.kind !== 'commitment' || item.linked.length === 0) continue;
      byId ??= new Map(model.items.map((i) => [i.id, i]));
      const twin = item.linked.map((id) => byId!.get(id)).find((t): t is ActionItem => !!t?.due?.date && t.due.date !== date);
      if (twin) {
        findings.push({
          message: `${describe(item)} is due ${date} here, but its action item says ${twin.due!.date}`,
          span: item.due.span,
          data: { itemId: item.id, saidDate: twin.due!.date! },
        });
      }
    }
    return findings;
  },
};
