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

/** How tasks of one purpose are paired: what is compared of them, and how a pair is scored. */
interface PairRule<L, R> {
  purpose: string;
  leftKey: KeyOf<L>;
  rightKey: KeyOf<R>;
  /** Scores one left task against all the rights (through an index of them, built once per call of `decidePairs`). */
  scorer: (rights: R[]) => (left: L) => Scored;
  /** The score of one pair, or null: what `scorer`'s list holds for that right. */
  pair: (left: L, right: R) => number | null;
  /** The pairs to keep, from the candidates best first. */
  decide: (sorted: Array<Candidate<number, number>>) => Array<Candidate<number, number>>;
}

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
/** Right tasks that may have changed (removed and added) for a decision's lists to be patched rather than scored again. */
const PATCHED_RIGHTS = 16;

/**
 * Which left task goes with which right task, as index pairs in the order `decide` chose them.
 * Only what scoring reads of each task (words, owner, date, kind, meeting) matters, so the result
 * is remembered by that: an edit of a transcript that changes no cue and no entry decides nothing
 * again, one that changes a cue scores only that cue again (each cue's scored candidates are
 * remembered while the right-hand side is unchanged), and one that changes a few entries scores
 * every cue against those entries only (the lists of the last decision, patched). The keys are
 * compared one by one with the last decisions' (joining them into one string to look up cost a
 * long document ~1 MB of strings at every keystroke).
 */
function decidePairs<L, R>(rule: PairRule<L, R>, lefts: L[], rights: R[]): Array<[number, number]> {
  const { purpose, leftKey, rightKey } = rule;
  const rightKeys = keysOf(rights, rightKey);
  const leftKeys = keysOf(lefts, leftKey);
  const remember = memoSettings.enabled;
  let known: PairDecision | undefined;
  for (let i = decided.length - 1; i >= 0 && remember && !known; i--) {
    if (decided[i].purpose === purpose && sameValues(decided[i].rightKeys, rightKeys)) known = decided[i];
  }
  if (known && sameValues(known.leftKeys, leftKeys)) return known.pairs;
  const lists = known && known.lists.size <= LISTS_KEPT ? known.lists : new Map<string, Scored>();
  const change = known || !remember ? null : changedRights(purpose, rightKeys, rightKey.width);
  let score: ((left: L) => Scored) | null = null;
  const candidates: Array<Candidate<number, number>> = [];
  lefts.forEach((left, li) => {
    const key = keyAt(leftKeys, leftKey.width, li);
    let list = lists.get(key);
    if (!list) {
      const before = change?.lists.get(key);
      list = before ? patchedList(before, change!, left, rights, rule.pair) : (score ??= rule.scorer(rights))(left);
      lists.set(key, list);
    }
    for (const [ri, value] of list) candidates.push({ left: li, right: ri, score: value });
  });
  const pairs = rule.decide(byScore(candidates)).map((c): [number, number] => [c.left, c.right]);
  if (remember) {
    if (known) decided.splice(decided.indexOf(known), 1); // replaced: same purpose and right-hand side
    decided.push({ purpose, leftKeys, rightKeys, pairs, lists });
    if (decided.length > DECIDED_KEPT) decided.shift();
  }
  return pairs;
}

/** Where the right tasks differ from those of an earlier decision: its tasks before `from` and from `oldEnd` on are now those before `from` and from `newEnd` on. */
interface RightsChange {
  lists: Map<string, Scored>;
  from: number;
  oldEnd: number;
  newEnd: number;
}

/** The newest earlier decision of this purpose whose right tasks differ from these in a few places in a row, or null. */
function changedRights(purpose: string, rightKeys: KeyValues, width: number): RightsChange | null {
  for (let i = decided.length - 1; i >= 0; i--) {
    const d = decided[i];
    if (d.purpose !== purpose) continue;
    const oldCount = d.rightKeys.length / width;
    const newCount = rightKeys.length / width;
    let from = 0;
    while (from < oldCount && from < newCount && sameTask(d.rightKeys, from, rightKeys, from, width)) from++;
    let same = 0;
    while (same < oldCount - from && same < newCount - from && sameTask(d.rightKeys, oldCount - 1 - same, rightKeys, newCount - 1 - same, width)) same++;
    const [oldEnd, newEnd] = [oldCount - same, newCount - same];
    if (oldEnd - from + (newEnd - from) <= PATCHED_RIGHTS) return { lists: d.lists, from, oldEnd, newEnd };
  }
  return null;
}

function sameTask(a: KeyValues, i: number, b: KeyValues, j: number, width: number): boolean {
  for (let k = 0; k < width; k++) if (a[i * width + k] !== b[j * width + k]) return false;
  return true;
}

/** A left task's scored list against the rights before a change, made one against the rights after it: the changed ones scored, the later ones renumbered. */
function patchedList<L, R>(before: Scored, change: RightsChange, left: L, rights: R[], pair: (left: L, right: R) => number | null): Scored {
  const { from, oldEnd, newEnd } = change;
  const list: Scored = [];
  let k = 0;
  for (; k < before.length && before[k][0] < from; k++) list.push(before[k]);
  for (let ri = from; ri < newEnd; ri++) {
    const value = pair(left, rights[ri]);
    if (value !== null) list.push([ri, value]);
  }
  for (; k < before.length; k++) if (before[k][0] >= oldEnd) list.push(oldEnd === newEnd ? before[k] : [before[k][0] + newEnd - oldEnd, before[k][1]]);
  return list;
}

function sameValues(a: KeyValues, b: KeyValues): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A COMMITMENTS entry and an ACTION ITEMS entry are the same work: same meeting, both owned by the same person or both by nobody, the same task in other words. */
const twinRule: PairRule<ActionItem, ActionItem> = {
  purpose: 'twins',
  leftKey: itemKey,
  rightKey: itemKey,
  scorer: (actions) => {
    const index = new TaskIndex(actions.map((a) => termsOf(a.task)), actions.map((a) => a.owner), actions.map((a) => a.meeting));
    return (c) => scoredBy(index.candidates(termsOf(c.task), c.meeting, (owner) => ownersAgree(c.owner, owner)), c, actions, twinRule.pair);
  },
  pair: (c, a) => {
    if (c.meeting !== a.meeting || !ownersAgree(c.owner, a.owner) || !!c.owner !== !!a.owner) return null;
    const score = termsScore(termsOf(c.task), termsOf(a.task));
    return score === null ? null : score + (sameDate(c.due, a.due) ? 0.2 : 0);
  },
  decide: assignSorted,
};

/** A spoken commitment or action item and a summary entry of the same meeting, owners agreeing, the same task in other words. */
const cueRule: PairRule<StatementCue, ActionItem> = {
  purpose: 'cues',
  leftKey: cueKey,
  rightKey: itemKey,
  scorer: (items) => {
    const index = new TaskIndex(items.map((i) => termsOf(i.task)), items.map((i) => i.owner), items.map((i) => i.meeting), (i) => items[i].source === 'summary');
    return (cue) => scoredBy(index.candidates(termsOf(cue.task), cue.statement.meeting, (owner) => ownersAgree(cue.owner, owner)), cue, items, cueRule.pair);
  },
  pair: (cue, item) => {
    if (item.source !== 'summary' || item.meeting !== cue.statement.meeting || !ownersAgree(cue.owner, item.owner)) return null;
    const score = termsScore(termsOf(cue.task), termsOf(item.task));
    if (score === null) return null;
    const kindBonus = (cue.kind === 'commitment') === (item.kind === 'commitment') ? 0.05 : 0;
    return score + (sameDate(cue.due, item.due) ? 0.2 : 0) + kindBonus;
  },
  decide: recordingOrder,
};

/** A spoken `Decision:` and a DECISIONS entry of the same meeting saying the same in other words. */
const decisionRule: PairRule<StatementCue, Decision> = {
  purpose: 'decisions',
  leftKey: spokenKey,
  rightKey: decisionKey,
  scorer: (decisions) => {
    const index = new TaskIndex(decisions.map((d) => termsOf(d.text)), decisions.map(() => null), decisions.map((d) => d.meeting));
    return (cue) => scoredBy(index.candidates(termsOf(cue.task), cue.statement.meeting, () => true), cue, decisions, decisionRule.pair);
  },
  pair: (cue, decision) => (decision.meeting !== cue.statement.meeting ? null : termsScore(termsOf(cue.task), termsOf(decision.text))),
  decide: recordingOrder,
};

/** The candidates an index found (ascending), scored as pairs: those that are the same work. */
function scoredBy<L, R>(candidates: number[], left: L, rights: R[], pair: (left: L, right: R) => number | null): Scored {
  const found: Scored = [];
  for (const ri of candidates) {
    const value = pair(left, rights[ri]);
    if (value !== null) found.push([ri, value]);
  }
  return found;
}

/** Links each COMMITMENTS entry to the ACTION ITEMS entry for the same work (same owner, same task in other words). */
export function linkTwins(items: ActionItem[]): void {
  const commitments = items.filter((i) => i.kind === 'commitment');
  const actions = items.filter((i) => i.kind === 'action');
  for (const [ci, ai] of decidePairs(twinRule, commitments, actions)) {
    commitments[ci].linked.push(actions[ai].id);
    actions[ai].linked.push(commitments[ci].id);
  }
}

/**
 * Ties each spoken commitment or action item to the summary entry that records it. Returns the cues
 * that no entry records. Each entry first takes its best cue; a cue said twice may then join too.
 */
export function recordCues(cues: StatementCue[], items: ActionItem[]): StatementCue[] {
  return attach(cues, decidePairs(cueRule, cues, items), (ci, ii) => items[ii].mentions.push(cues[ci]));
}

/** Ties each spoken `Decision:` to the DECISIONS entry that records it; returns the unrecorded ones. */
export function recordDecisions(cues: StatementCue[], decisions: Decision[]): StatementCue[] {
  return attach(cues, decidePairs(decisionRule, cues, decisions), (ci, di) => decisions[di].mentions.push(cues[ci]));
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
