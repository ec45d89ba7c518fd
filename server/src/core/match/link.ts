import type { ActionItem, Decision, DueDate, PersonRef, StatementCue } from '../model';
import { memoSettings } from '../memo';
import { normalizeName } from '../text/plain';
import { TaskIndex } from './candidates';
import { sameWork, similarity, termsOf } from './terms';

/** Whether two references name the same person (`Mike` and `Mike Johnson` do, when unambiguous). */
export function samePerson(a: PersonRef, b: PersonRef): boolean {
  if (a.attendee && b.attendee) return a.attendee === b.attendee;
  return sameName(a.name, b.name);
}

/** Whether two names name the same person, by words: `Mike` and `Mike Johnson` do (used across files, where attendees differ). */
export function sameName(a: string, b: string): boolean {
  const x = normalizeName(a).split(' ');
  const y = normalizeName(b).split(' ');
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((word, i) => word === long[i]);
}

function ownersAgree(a: PersonRef | null, b: PersonRef | null): boolean {
  return !a || !b || samePerson(a, b);
}

function sameDate(a: DueDate | null, b: DueDate | null): boolean {
  return !!a?.date && a.date === b?.date;
}

export interface Candidate<L, R> {
  left: L;
  right: R;
  score: number;
}

/** Pairs with the best scores first, each left and right used once. */
export function assignOneToOne<L, R>(candidates: Array<Candidate<L, R>>): Array<Candidate<L, R>> {
  return assignSorted(byScore([...candidates]));
}

/** Pairs in order of score (`sorted` must be best first), each left and right used once. */
function assignSorted<L, R>(sorted: Array<Candidate<L, R>>): Array<Candidate<L, R>> {
  const usedLeft = new Set<L>();
  const usedRight = new Set<R>();
  const chosen: Array<Candidate<L, R>> = [];
  for (const c of sorted) {
    if (usedLeft.has(c.left) || usedRight.has(c.right)) continue;
    usedLeft.add(c.left);
    usedRight.add(c.right);
    chosen.push(c);
  }
  return chosen;
}

const byScore = <L, R>(candidates: Array<Candidate<L, R>>) => candidates.sort((a, b) => b.score - a.score);

/** The score of two tasks if they are the same work, else null. */
export function workScore(a: string, b: string): number | null {
  return termsScore(termsOf(a), termsOf(b));
}

/** The score of two tasks, by their terms, if they are the same work, else null. */
function termsScore(x: Set<string>, y: Set<string>): number | null {
  const s = similarity(x, y);
  return sameWork(s, Math.min(x.size, y.size)) ? s.score : null;
}

/**
 * What scoring reads of a task (its words, owner, date, kind, meeting), as a few values written one
 * after another: lists of them are compared value by value with the last ones, and joined into a
 * string only for a task whose scores are looked up (building a string per task at every
 * keystroke cost a long document ~1 MB).
 */
type KeyValues = Array<string | number | null | undefined>;
interface KeyOf<T> {
  width: number;
  write(task: T, into: KeyValues): void;
}

/** What `ownersAgree` and `samePerson` read of an owner: two values (an attendee's name as written is finer than needed: attendees of one meeting have distinct names). */
function writeOwner(owner: PersonRef | null, into: KeyValues): void {
  if (!owner) into.push('-', undefined);
  else if (owner.attendee) into.push('A', owner.attendee.name);
  else into.push('N', owner.name);
}

const itemKey: KeyOf<ActionItem> = {
  width: 7,
  write: (i, into) => {
    into.push(i.source, i.meeting, i.kind);
    writeOwner(i.owner, into);
    into.push(i.due?.date, i.task);
  },
};
const cueKey: KeyOf<StatementCue> = {
  width: 6,
  write: (c, into) => {
    into.push(c.statement.meeting, c.kind);
    writeOwner(c.owner, into);
    into.push(c.due?.date, c.task);
  },
};
const decisionKey: KeyOf<Decision> = { width: 2, write: (d, into) => into.push(d.meeting, d.text) };
const spokenKey: KeyOf<StatementCue> = { width: 2, write: (c, into) => into.push(c.statement.meeting, c.task) };

function keysOf<T>(tasks: T[], key: KeyOf<T>): KeyValues {
  const values: KeyValues = [];
  for (const task of tasks) key.write(task, values);
  return values;
}

/** The key of the `i`th task as one string (values joined by NUL, which tasks and names do not hold in practice). */
function keyAt(values: KeyValues, width: number, i: number): string {
  let key = '';
  for (let k = i * width; k < (i + 1) * width; k++) key += `${values[k]}\u0000`;
  return key;
}

/** For one left task: the right tasks it may be (ascending index) with their scores. */
type Scored = Array<[number, number]>;

/** A decision of `decidePairs`, by everything it was decided on, with the scored candidates of each left key (valid while the right-hand side is the same). */
interface PairDecision {
  purpose: string;
  leftKeys: KeyValues;
  rightKeys: KeyValues;
  pairs: Array<[number, number]>;
  lists: Map<string, Scored>;
}

/** The last decisions (a few: one per purpose and document being edited), newest last. */
const decided: PairDecision[] = [];
const DECIDED_KEPT = 8;
const LISTS_KEPT = 20_000;

/**
 * Which left task goes with which right task, as index pairs in the order `decide` chose them.
 * Only what scoring reads of each task (words, owner, date, kind, meeting) matters, so the result
 * is remembered by that: an edit of a transcript that changes no cue and no entry decides nothing
 * again, and one that changes a cue scores only that cue again (each cue's scored candidates are
 * remembered while the right-hand side is unchanged). The keys are compared one by one with the
 * last decisions' (joining them into one string to look up cost a long document ~1 MB of strings
 * at every keystroke).
 */
function decidePairs<L, R>(
  purpose: string,
  lefts: L[],
  rights: R[],
  leftKey: KeyOf<L>,
  rightKey: KeyOf<R>,
  scorer: () => (left: L) => Scored,
  decide: (sorted: Array<Candidate<number, number>>) => Array<Candidate<number, number>>,
): Array<[number, number]> {
  const rightKeys = keysOf(rights, rightKey);
  const leftKeys = keysOf(lefts, leftKey);
  const remember = memoSettings.enabled;
  let known: PairDecision | undefined;
  for (let i = decided.length - 1; i >= 0 && remember && !known; i--) {
    if (decided[i].purpose === purpose && sameValues(decided[i].rightKeys, rightKeys)) known = decided[i];
  }
  if (known && sameValues(known.leftKeys, leftKeys)) return known.pairs;
  const lists = known && known.lists.size <= LISTS_KEPT ? known.lists : new Map<string, Scored>();
  let score: ((left: L) => Scored) | null = null;
  const candidates: Array<Candidate<number, number>> = [];
  lefts.forEach((left, li) => {
    const key = keyAt(leftKeys, leftKey.width, li);
    let list = lists.get(key);
    if (!list) {
      score ??= scorer();
      lists.set(key, (list = score(left)));
    }
    for (const [ri, value] of list) candidates.push({ left: li, right: ri, score: value });
  });
  const pairs = decide(byScore(candidates)).map((c): [number, number] => [c.left, c.right]);
  if (remember) {
    if (known) decided.splice(decided.indexOf(known), 1); // replaced: same purpose and right-hand side
    decided.push({ purpose, leftKeys, rightKeys, pairs, lists });
    if (decided.length > DECIDED_KEPT) decided.shift();
  }
  return pairs;
}

function sameValues(a: KeyValues, b: KeyValues): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Links each COMMITMENTS entry to the ACTION ITEMS entry for the same work (same owner, same task in other words). */
export function linkTwins(items: ActionItem[]): void {
  const commitments = items.filter((i) => i.kind === 'commitment');
  const actions = items.filter((i) => i.kind === 'action');
  const scorer = () => {
    const actionTerms = actions.map((a) => termsOf(a.task));
    const index = new TaskIndex(actionTerms, actions.map((a) => a.owner), actions.map((a) => a.meeting));
    return (c: ActionItem): Scored => {
      const terms = termsOf(c.task);
      const found: Scored = [];
      for (const ai of index.candidates(terms, c.meeting, (owner) => ownersAgree(c.owner, owner))) {
        const a = actions[ai];
        if (c.meeting !== a.meeting || !ownersAgree(c.owner, a.owner) || !!c.owner !== !!a.owner) continue;
        const score = termsScore(terms, actionTerms[ai]);
        if (score !== null) found.push([ai, score + (sameDate(c.due, a.due) ? 0.2 : 0)]);
      }
      return found;
    };
  };
  for (const [ci, ai] of decidePairs('twins', commitments, actions, itemKey, itemKey, scorer, assignSorted)) {
    commitments[ci].linked.push(actions[ai].id);
    actions[ai].linked.push(commitments[ci].id);
  }
}

/**
 * Ties each spoken commitment or action item to the summary entry that records it. Returns the cues
 * that no entry records. Each entry first takes its best cue; a cue said twice may then join too.
 */
export function recordCues(cues: StatementCue[], items: ActionItem[]): StatementCue[] {
  const scorer = () => {
    const itemTerms = items.map((i) => termsOf(i.task));
    const index = new TaskIndex(itemTerms, items.map((i) => i.owner), items.map((i) => i.meeting), (i) => items[i].source === 'summary');
    return (cue: StatementCue): Scored => {
      const terms = termsOf(cue.task);
      const found: Scored = [];
      for (const ii of index.candidates(terms, cue.statement.meeting, (owner) => ownersAgree(cue.owner, owner))) {
        const item = items[ii];
        if (item.source !== 'summary' || item.meeting !== cue.statement.meeting || !ownersAgree(cue.owner, item.owner)) continue;
        const score = termsScore(terms, itemTerms[ii]);
        if (score === null) continue;
        const kindBonus = (cue.kind === 'commitment') === (item.kind === 'commitment') ? 0.05 : 0;
        found.push([ii, score + (sameDate(cue.due, item.due) ? 0.2 : 0) + kindBonus]);
      }
      return found;
    };
  };
  return attach(cues, decidePairs('cues', cues, items, cueKey, itemKey, scorer, recordingOrder), (ci, ii) => items[ii].mentions.push(cues[ci]));
}

/** Ties each spoken `Decision:` to the DECISIONS entry that records it; returns the unrecorded ones. */
export function recordDecisions(cues: StatementCue[], decisions: Decision[]): StatementCue[] {
  const scorer = () => {
    const decisionTerms = decisions.map((d) => termsOf(d.text));
    const index = new TaskIndex(decisionTerms, decisions.map(() => null), decisions.map((d) => d.meeting));
    return (cue: StatementCue): Scored => {
      const terms = termsOf(cue.task);
      const found: Scored = [];
      for (const di of index.candidates(terms, cue.statement.meeting, () => true)) {
        if (decisions[di].meeting !== cue.statement.meeting) continue;
        const score = termsScore(terms, decisionTerms[di]);
        if (score !== null) found.push([di, score]);
      }
      return found;
    };
  };
  return attach(cues, decidePairs('decisions', cues, decisions, spokenKey, decisionKey, scorer, recordingOrder), (ci, di) => decisions[di].mentions.push(cues[ci]));
}

/** Each entry first takes its best cue (one to one); then a cue said twice may join its best entry too. */
function recordingOrder(sorted: Array<Candidate<number, number>>): Array<Candidate<number, number>> {
  const order = assignSorted(sorted);
  const recorded = new Set(order.map((c) => c.left));
  for (const c of sorted) {
    if (recorded.has(c.left)) continue;
    order.push(c);
    recorded.add(c.left);
  }
  return order;
}

/** Records the pairs (cue index, entry index) in order; returns the cues no entry records. */
function attach(cues: StatementCue[], pairs: Array<[number, number]>, record: (cue: number, right: number) => void): StatementCue[] {
  const recorded = new Set<number>();
  for (const [ci, ri] of pairs) {
    record(ci, ri);
    recorded.add(ci);
  }
  return cues.filter((_, i) => !recorded.has(i));
}
