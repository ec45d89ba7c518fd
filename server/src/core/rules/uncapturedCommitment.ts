import { type Rule, message, openItems } from './rule';

export const uncapturedCommitment: Rule = {
  code: 'uncaptured-commitment',
  defaultSeverity: 'warning',
  check(model) {
    return openItems(model)
      .filter((item) => item.source === 'transcript')
      .map((item) => {
        return {
          message: message(sayUncaptured, item.kind, item.task, item.owner?.name ?? null, item.due?.text ?? null),
          span: item.span,
          data: { itemId: item.id },
        };
      });
  },
};

function sayUncaptured(kind: string, task: string, owner: string | null, due: string | null): string {
  const when = due !== null ? ` (${due})` : '';
  const what = kind === 'commitment' ? `${owner ?? 'Someone'} committed to "${task}"${when}` : `Action item${owner ? ` for ${owner}` : ''} "${task}"${when}`;
  return `${what}, but no summary entry records it`;
}
