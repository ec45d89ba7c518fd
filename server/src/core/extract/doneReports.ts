import { sameName } from '../match/link';
import type { NotesModel, Statement } from '../model';
import { splitSentences } from './statement';

// Work a person says they have finished: a standup's `Yesterday: finished the refund retries`,
// `Yesterday I wrote the rollback script`, `Done: the ledger migration is merged`. A later meeting
// of a series that reports earlier work done is how that work gets closed in the notes of teams
// that meet daily; the series rule `reported-done` reads these.

/** One piece of finished work, as a person reported it in a meeting. */
export interface DoneReport {
  meeting: number;
  /** Whose work it is: the speaker (an attendee's full name where the notes name one), or the person named as its owner (`Raj's script`). */
  person: string;
  /** Who reported it, when that is not `person` (`Lena: merged Raj's script`). */
  by?: string;
  /** The verb as said, lower case: `finished`, `reviewed`, `merged`. */
  verb: string;
  /** What was done, without the verb: `the refund webhook retries`. */
  work: string;
  /** The sentence as said, for messages. */
  said: string;
}

/** What a statement's text reports done (by whoever says it). */
export type ReportedWork = Pick<DoneReport, 'verb' | 'work' | 'said'>;

/** Verbs that say work is over whatever the work is (`finished the docs`); any other past verb must be the task's own (`reviewed` for `Review …`). */
export const FINISHING_VERBS = new Set(['finished', 'completed', 'complete', 'wrapped', 'shipped', 'merged', 'landed', 'deployed', 'released', 'closed', 'resolved', 'fixed', 'delivered', 'submitted', 'published', 'done']);

/**
 * Past verbs that say work went on or began rather than ended, or that tell of talk, not work (`we
 * agreed on the rollout plan`); and words in -ed that are no past verb.
 */
export const NOT_DONE_VERBS = new Set(
  (
    'started began continued kept tried attempted worked looked picked paused blocked stalled planned scheduled ' +
    'agreed discussed talked mentioned asked answered suggested noticed decided wanted needed liked hoped guessed assumed expected wondered seemed felt heard saw thought said ' +
    'need feed seed speed proceed succeed exceed embed shed bed red indeed bleed breed heed'
  ).split(' '),
);

const IRREGULAR_PAST = 'wrote|built|sent|ran|drew|gave|led|met|paid|spoke|told|caught|bought|found|put|set|cut|shut|read|did|made|took|got|sold|split|won|rewrote|rebuilt|resent|reran';

// Parts of the patterns below, written once: the quick first look (MAY_REPORT) is made of them too.
const LABEL_WORDS = String.raw`yesterday|done|completed|finished|shipped`;
const SUBJECT_PART = String.raw`(?:I|we)(?:\s+ha(?:ve|d)|['’]ve)?\s+(?:(?:also|already|finally|just|then|now)\s+)?`;
export const PAST_VERB_PART = String.raw`(?:\p{L}+-)*\p{L}{2,}ed|${IRREGULAR_PAST}`;
const PASSIVE_PART = String.raw`(?:is|are|was|were|has\s+been|have\s+been|got)\s+(?:now\s+|finally\s+|all\s+|already\s+)?(done|finished|complete|completed|merged|shipped|deployed|fixed|resolved|closed|released|landed)`;

/** `Yesterday:`, `Done:`, `Yesterday, …`: what follows is work already done. */
const DONE_LABEL = new RegExp(String.raw`^(?:(?:${LABEL_WORDS})\s*[:–—-]|yesterday\s*,?(?=\s))\s*`, 'iu');
/** `I`, `I've`, `we have also`: the speaker (or the team) as the one who did it. */
const SUBJECT = new RegExp(`^${SUBJECT_PART}`, 'iu');
/** A past verb opening the clause, with its particle (`wrapped up`, `rolled out`). */
const PAST_VERB = new RegExp(String.raw`^(${PAST_VERB_PART})(?:\s+(?:up|out|off|through|over))?(?=\s)`, 'iu');
/** `The ledger migration is merged`, `the dashboards are done now`. */
const PASSIVE = new RegExp(String.raw`^(.{3,120}?)\s+${PASSIVE_PART}(?:\s+now)?[.!]*$`, 'iu');
/** `got the replica ticket done`. */
const GOT_DONE = /^got\s+(.{3,120}?)\s+(done|finished|merged|shipped)[.!]*$/iu;
/** Words that take the "done" away: not yet, almost, half of it. */
const NOT_DONE = /(?<![\p{L}])(?:not|never|almost|nearly|partly|partially|halfway|mostly|hopefully|yet)(?![\p{L}])|n['’]t(?![\p{L}])/iu;
/** Where the work's words end: a second clause (`, but …`, `; then …`, ` so …`). */
const CLAUSE_END = /\s*(?:;|,\s*(?:but|so|and\s+(?:today|now|then)|then)\s|\s+(?:but|so|because|which|and\s+(?:today|now|then))\s|\s+[–—]\s)/iu;

/** When it was done, after the work (`shipped 4.2.1 yesterday`): no part of the work's words. */
const WHEN_DONE = /,?\s+(?:yesterday|today|this\s+morning|last\s+night|earlier(?:\s+today)?)$/iu;

/** The work a statement's text reports done. */
export function findDoneReports(text: string): readonly ReportedWork[] {
  // Cheap first look: a statement that names no past verb, label or finishing word reports nothing.
  return MAY_REPORT.test(text) ? readReports(text) : NONE;
}

const NONE: readonly ReportedWork[] = [];
const MAY_REPORT = new RegExp(
  String.raw`yesterday|^\s*(?:${LABEL_WORDS})\b|(?<![\p{L}])${SUBJECT_PART}(?:${PAST_VERB_PART})(?![\p{L}])|${PASSIVE_PART}(?![\p{L}])|^\s*got\s|(?:^|[.!?]\s)\s*(?:${PAST_VERB_PART})\s`,
  'iu',
);

function readReports(text: string): readonly ReportedWork[] {
  const found: ReportedWork[] = [];
  for (const sentence of splitSentences(text)) {
    const said = sentence.text;
    if (said.endsWith('?')) continue;
    const label = DONE_LABEL.exec(said);
    const rest = label ? said.slice(label[0].length) : said;
    // A label may list several pieces of work: `Yesterday: finished X; reviewed Y`.
    for (const part of label ? rest.split(/\s*;\s*/) : [rest]) {
      // The first clause alone: in `wrote the script, but it still needs a review` the work is done.
      const end = CLAUSE_END.exec(part);
      const clause = end ? part.slice(0, end.index) : part;
      if (NOT_DONE.test(clause)) continue;
      const report = readClause(clause);
      // Blanks as one: a sentence said over two lines reads the same whatever ends them (`\r\n` is two blanks in the reading).
      if (report) found.push({ verb: report.verb, work: oneLine(report.work), said: oneLine(said) });
    }
  }
  return found.length ? found : NONE;
}

/**
 * A clause of what a speaker said: `I merged X`, `X is merged`, or a past verb with the `I` left out
 * (`Raj: merged the cache fix`, a line under `## Raj`), as people say and scribes write it.
 */
function readClause(clause: string): Omit<ReportedWork, 'said'> | null {
  const subject = SUBJECT.exec(clause);
  const body = subject ? clause.slice(subject[0].length) : clause;
  const passive = PASSIVE.exec(body) ?? GOT_DONE.exec(body);
  if (passive) return reported(passive[2], passive[1]);
  const verb = PAST_VERB.exec(body);
  if (!verb) return null;
  return reported(verb[1], body.slice(verb[0].length));
}

function reported(verb: string, rest: string): Omit<ReportedWork, 'said'> | null {
  const lower = verb.toLowerCase();
  if (NOT_DONE_VERBS.has(lower)) return null;
  const work = rest.trim().replace(/[.!,:]+$/, '').replace(WHEN_DONE, '');
  return work ? { verb: lower, work } : null;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Work named as someone's (`Raj's rollback script`, `@raj's fix`): whose, and the work. */
const OWNED_WORK = /^(?:the\s+)?(@?\p{Lu}[\p{L}-]*|@[\p{L}\p{N}._-]+)['’]s\s+(\S.*)$/u;

const modelReports = new WeakMap<object, readonly DoneReport[]>();

/** What the statements of a model report done, by meeting and speaker (once per model version). */
export function doneReportsOfModel(model: Pick<NotesModel, 'statements'>): readonly DoneReport[] {
  let reports = modelReports.get(model);
  if (!reports) modelReports.set(model, (reports = readModelReports(model.statements)));
  return reports;
}

/**
 * What each statement reports, by the statement (the one cache of reports): after an edit of a long
 * running log (a series of its own, read again at every keystroke) the statements not walked again
 * are the same objects, moved, with the same text.
 */
const statementReports = new WeakMap<Statement, { text: string; found: readonly ReportedWork[] }>();

function readModelReports(statements: readonly Statement[]): readonly DoneReport[] {
  const reports: DoneReport[] = [];
  // Indexed: a long transcript has thousands of statements.
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    const { speaker, text, meeting } = statement;
    if (!speaker) continue;
    let known = statementReports.get(statement);
    if (known?.text !== text) statementReports.set(statement, (known = { text, found: findDoneReports(text) }));
    for (const work of known.found) {
      // `Raj's rollback script is merged`, `merged Raj's script`: Raj's work, whoever says it.
      const owner = OWNED_WORK.exec(work.work);
      if (owner && !sameName(owner[1], speaker.name)) reports.push({ meeting, person: owner[1].replace(/^@/, ''), by: speaker.name, verb: work.verb, work: owner[2], said: work.said });
      else reports.push({ meeting, person: speaker.name, ...work });
    }
  }
  return reports;
}
