import { type Rule, openItems } from './rule';

export const uncapturedCommitment: Rule = {
  code: 'uncaptured-commitment',
  defaultSeverity: 'warning',
  check(model) {
    return openItems(model)
      .filter((item) => item.source === 'transcript')
      .map((item) => {
        const who = item.owner?.name ?? 'Someone';
        const when = item.due ? ` (${item.due.text})` : '';
        const forWhom = item.owner ? ` for ${item.owner.name}` : '';
        const what = item.kind === 'commitment' ? `${who} committed to "${item.task}"${when}` : `Action item${forWhom} "${item.task}"${when}`;
        return {
          message: `${what}, but no summary entry records it`,
          span: item.span,
          data: { itemId: item.id },
        };
      });
  },
};
