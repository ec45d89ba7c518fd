import { shortLabel } from '../dates/calendar';
import type { ActionItem } from '../model';
import { type Rule, describe, openItems } from './rule';

export const dueDateMismatch: Rule = {
  code: 'due-date-mismatch',
  defaultSeverity: 'warning',
  check(model) {
    let byId: Map<string, ActionItem> | null = null; // only for commitments with a twin
    return openItems(model).flatMap((item) => {
      if (item.source !== 'summary' || !item.due?.date) return [];
      const said = item.mentions.find((cue) => cue.due?.date && cue.due.date !== item.due!.date);
      if (said) {
        const at = said.statement.time ? ` at [${said.statement.time}]` : '';
        const who = said.statement.speaker?.name ?? 'the transcript';
        return [
          {
            message: `${describe(item)} is due ${shortLabel(item.due.date)} (${item.due.date}) here, but ${who} said "${said.due!.text}" (${said.due!.date})${at}`,
            span: item.due.span,
            data: { itemId: item.id, saidDate: said.due!.date! },
          },
        ];
      }
      // A COMMITMENTS entry whose ACTION ITEMS twin gives another date.
      const twin = item.kind === 'commitment' ? item.linked.map((id) => (byId ??= new Map(model.items.map((i) => [i.id, i]))).get(id)).find((t): t is ActionItem => !!t?.due?.date && t.due.date !== item.due!.date) : undefined;
      if (!twin) return [];
      return [
        {
          message: `${describe(item)} is due ${item.due.date} here, but its action item says ${twin.due!.date}`,
          span: item.due.span,
          data: { itemId: item.id, saidDate: twin.due!.date! },
        },
      ];
    });
  },
};
