import type { ActionItem, Decision, DueDate, PersonRef, StatementCue } from '../model';
import { Memo } from '../memo';
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

/** What `ownersAgree` and `samePerson` read of an owner (attendees of one meeting have distinct names). */
function ownerKey(owner: PersonRef | null): string {
  if (!owner) return '-';
  return owner.attendee ? `A${normalizeName(owner.attendee.name)}` : `N${owner.name}`;
}

/** For one left task: the right tasks it may be (ascending index) with their scores. */
type Scored = Array<[number, number]>;

const pairLists = new Memo<Map<string, Scored>>();
/** The last decisions, by everything they were decided on (a few: one per document being edited). */
const decided = new Map<string, Array<[number, number]>>();
const DECIDED_KEPT = 8;

/**
 * Which left task goes with which right task, as index pairs in the order `decide` chose them.
 * Only what scoring reads of each task (words, owner, date, kind, meeting) matters, so the result
 * is remembered by that: an edit of a transcript that changes no cue and no entry decides nothing
 * again, and one that changes a cue scores only that cue again (each cue's scored candidates are
 * remembered while the right-hand side is unchanged).
 */
function decidePairs<L, R>(
  purpose: string,
  lefts: L[],
  rights: R[],
  leftKey: (left: L) => string,
  rightKey: (right: R) => string,
  scorer: () => (left: L) => Scored,
  decide: (sorted: Array<Candidate<number, number>>) => Array<Candidate<number, number>>,
): Array<[number, number]> {
  const rightSignature = rights.map(rightKey).join('\n');
  const leftKeys = lefts.map(leftKey);
  const signature = `${purpose}\n${rightSignature}\n\n${leftKeys.join('\n')}`;
  const known = decided.get(signature);
  if (known) return known;
  const lists = pairLists.get(() => new Map(), rightSignature, purpose);
  if (lists.size > 20_000) lists.clear();
  let score: ((left: L) => Scored) | null = null;
  const candidates: Array<Candidate<number, number>> = [];
  lefts.forEach((left, li) => {
    let list = lists.get(leftKeys[li]);
    if (!list) {
      score ??= scorer();
      lists.set(leftKeys[li], (list = score(left)));
    }
    for (const [ri, value] of list) candidates.push({ left: li, right: ri, score: value });
  });
  const pairs = decide(byScore(candidates)).map((c): [number, number] => [c.left, c.right]);
  decided.set(signature, pairs);
  if (decided.size > DECIDED_KEPT) decided.delete(decided.keys().next().value!);
  return pairs;
}

const itemKey = (i: ActionItem) => `${i.source}|${i.meeting}|${i.kind}|${ownerKey(i.owner)}|${i.due?.date}|${i.task}`;
const cueKey = (c: StatementCue) => `${c.statement.meeting}|${c.kind}|${ownerKey(c.owner)}|${c.due?.date}|${c.task}`;

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
  const decisionKey = (d: Decision) => `${d.meeting}|${d.text}`;
  const spokenKey = (c: StatementCue) => `${c.statement.meeting}|${c.task}`;
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
