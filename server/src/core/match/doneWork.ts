import { FINISHING_VERBS, type DoneReport } from '../extract/doneReports';
import { sameWork, similarity, termsOf } from './terms';

// Whether a report of finished work (`Yesterday: finished the rollback script`) is about a task
// (`Write the ledger rollback script`). Stricter than matching two entries: a report is a passing
// remark, so it must share two of the task's meaningful words (one for a one-word task), and a past
// verb that is not a finishing one must be the task's own verb (`reviewed` for `Review …`;
// `paired with Ana on the migration` closes no `Write the migration plan`).

const IRREGULAR_PRESENT: Record<string, string> = {
  wrote: 'write', rewrote: 'rewrite', built: 'build', rebuilt: 'rebuild', sent: 'send', resent: 'resend', ran: 'run', reran: 'rerun',
  drew: 'draw', gave: 'give', led: 'lead', met: 'meet', paid: 'pay', spoke: 'speak', told: 'tell', caught: 'catch', bought: 'buy',
  found: 'find', sold: 'sell', won: 'win',
};

/** Whether `report` says the work of `task` is done. */
export function reportCloses(report: Pick<DoneReport, 'verb' | 'work'>, task: string): boolean {
  const taskTerms = termsOf(task);
  const verb = first(termsOf(IRREGULAR_PRESENT[report.verb] ?? report.verb));
  const ownVerb = verb !== undefined && verb === first(taskTerms);
  if (!ownVerb && !FINISHING_VERBS.has(report.verb)) return false;
  const said = new Set(termsOf(report.work));
  if (ownVerb) said.add(verb);
  const s = similarity(taskTerms, said);
  return s.shared >= Math.min(2, taskTerms.size) && sameWork(s, Math.min(taskTerms.size, said.size));
}

function first(terms: Set<string>): string | undefined {
  for (const term of terms) return term;
  return undefined;
}
