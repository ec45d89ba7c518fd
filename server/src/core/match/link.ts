import type { ActionItem, Decision, DueDate, PersonRef, StatementCue } from '../model';
import { memoSettings } from '../memo';
import { jointMembers } from '../extract/people';
import { normalizeName } from '../text/plain';
import { TaskIndex } from './candidates';
import { pointsElsewhere, sameWork, similarity, termsOf } from './terms';

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

/** Whether an owner (a person, or people together: `Mike & Priya`) is, or takes in, the person named `name`. */
export function ownerIncludes(owner: string, name: string): boolean {
  return sameName(owner, name) || jointMembers(owner).some((member) => sameName(member, name));
}

/** Owners agree when one is missing, both are one person, or one is people together that take in the other (`Mike & Priya` and `Mike`). */
function ownersAgree(a: PersonRef | null, b: PersonRef | null): boolean {
  return !a || !b || samePerson(a, b) || (!a.attendee && ownerIncludes(a.name, nameOf(b))) || (!b.attendee && ownerIncludes(b.name, nameOf(a)));
}

function nameOf(person: PersonRef): string {
  return person.attendee?.name ?? person.name;
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
 * after another: lists of them are compared value by value with the last decision's (a string per
 * task at every keystroke cost a long document ~1 MB).
 */
type KeyValues = Array<string | number | null | undefined>;
interface KeyOf<T> {
  width: number;
  /** Writes the task's `width` values from `at` on. */
  write(task: T, into: KeyValues, at: number): void;
}

/** What `ownersAgree` and `samePerson` read of an owner: two values (an attendee's name as written is finer than needed: attendees of one meeting have distinct names). */
function writeOwner(owner: PersonRef | null, into: KeyValues, at: number): void {
  into[at] = !owner ? '-' : owner.attendee ? 'A' : 'N';
  into[at + 1] = !owner ? undefined : owner.attendee ? owner.attendee.name : owner.name;
}

const itemKey: KeyOf<ActionItem> = {
  width: 7,
  write: (i, into, at) => {
    into[at] = i.source;
    into[at + 1] = i.meeting;
    into[at + 2] = i.kind;
    writeOwner(i.owner, into, at + 3);
    into[at + 5] = i.due?.date;
    into[at + 6] = i.task;
  },
};
const cueKey: KeyOf<StatementCue> = {
  width: 6,
  write: (c, into, at) => {
    into[at] = c.statement.meeting;
    into[at + 1] = c.kind;
    writeOwner(c.owner, into, at + 2);
    into[at + 4] = c.due?.date;
    into[at + 5] = c.task;
  },
};
const decisionKey: KeyOf<Decision> = {
  width: 2,
  write: (d, into, at) => {
    into[at] = d.meeting;
    into[at + 1] = d.text;
  },
};
const spokenKey: KeyOf<StatementCue> = {
  width: 2,
  write: (c, into, at) => {
    into[at] = c.statement.meeting;
    into[at + 1] = c.task;
  },
};

/** The tasks' values in one list of its final length (a long document has a thousand tasks, written at every keystroke). */
function keysOf<T>(tasks: T[], key: KeyOf<T>): KeyValues {
  const values: KeyValues = new Array(tasks.length * key.width);
  for (let k = 0; k < tasks.length; k++) key.write(tasks[k], values, k * key.width);
  return values;
}

/** For one left task: the right tasks it may be (ascending index) with their scores. */
type Scored = Array<[number, number]>;

/** How tasks of one purpose are paired: what is compared of them, and how a pair is scored. */
interface PairRule<L, R> {
  purpose: string;
  leftKey: KeyOf<L>;
  rightKey: KeyOf<R>;
  /** What the index of the rights (`TaskIndex`) finds candidates by: each task's text, meeting and owner. */
  left: TaskOf<L>;
  right: TaskOf<R>;
  /** Rights that are never candidates. */
  include?: (right: R) => boolean;
  /** The score of one pair, or null: what `scorer` lists for that right (given each task's terms, worked out once per task by the caller). */
  pair: (left: L, right: R, leftTerms: Set<string>, rightTerms: Set<string>) => number | null;
  /** The pairs to keep, from the candidates best first. */
  decide: (sorted: Array<Candidate<number, number>>) => Array<Candidate<number, number>>;
}

interface TaskOf<T> {
  text(task: T): string;
  meeting(task: T): number;
  owner(task: T): PersonRef | null;
}

/** Scores one left task against all the rights: the candidates an index of the rights finds (same meeting, agreeing owners, shared words), scored as pairs. */
function scorer<L, R>(rule: PairRule<L, R>, rights: R[]): (left: L) => Scored {
  const { left: l, right: r, include } = rule;
  // Each task's terms once: without remembered results (the index workers), a pair's scoring
  // worked out both tasks' terms again, ~10% of a notes file's analysis.
  const rightTerms = rights.map((t) => termsOf(r.text(t)));
  const index = new TaskIndex(rightTerms, rights.map(r.owner), rights.map(r.meeting), include && ((i) => include(rights[i])));
  return (left) => {
    const owner = l.owner(left);
    const terms = termsOf(l.text(left));
    const found: Scored = [];
    const agrees = (other: PersonRef | null) => ownersAgree(owner, other);
    // A task that points at work named elsewhere may be any task of its owner (see `promisedAlike`).
    const byWords = index.candidates(terms, l.meeting(left), agrees);
    const candidates = owner && pointsElsewhere(l.text(left)) ? [...new Set([...byWords, ...index.owned(l.meeting(left), agrees)])].sort((a, b) => a - b) : byWords;
    for (const ri of candidates) {
      const value = rule.pair(left, rights[ri], terms, rightTerms[ri]);
      if (value !== null) found.push([ri, value]);
    }
    return found;
  };
}

/** A decision of `decidePairs`, by everything it was decided on. */
interface PairDecision {
  purpose: string;
  leftKeys: KeyValues;
  rightKeys: KeyValues;
  pairs: Array<[number, number]>;
  /** Per left task, its scored candidates. */
  lists: Scored[];
  /** Every candidate, best first (ties: by left, then right index). */
  sorted: Array<Candidate<number, number>>;
}

/** The last decisions (one per purpose and meeting of the documents being edited), newest last. */
const decided: PairDecision[] = [];
/** Enough for the three purposes of each meeting of a long running log; bounded by the candidates they hold too. */
const DECIDED_KEPT = 400;
const CANDIDATES_KEPT = 200_000;
let candidatesKept = 0;
/** Right tasks that may have changed (removed and added) for a decision to be patched rather than made again. */
const PATCHED_TASKS = 16;

/**
 * Which left task goes with which right task, as index pairs in the order `decide` chose them.
 * Only what scoring reads of each task (words, owner, date, kind, meeting) matters, so a decision
 * is made from the last one of the same purpose whose tasks differ in one stretch on each side:
 * the left tasks of the changed stretch are scored against every right, the others only against
 * the changed rights, and the candidates outside both stretches keep their order (an edit in a
 * long transcript or summary scores one cue or entry, not the thousands around it). Tasks are
 * compared by their key values one by one (joining them into strings cost a long document ~1 MB
 * at every keystroke).
 */
function decidePairs<L, R>(rule: PairRule<L, R>, lefts: L[], rights: R[]): Array<[number, number]> {
  const leftKeys = keysOf(lefts, rule.leftKey);
  const rightKeys = keysOf(rights, rule.rightKey);
  const remember = memoSettings.enabled;
  const base = remember ? lastDecision(rule, leftKeys, rightKeys) : null;
  if (base && noChange(base.left) && noChange(base.right)) return base.decision.pairs;
  const made = base ? patchedDecision(rule, base, lefts, rights) : freshDecision(rule, lefts, rights);
  const decision: PairDecision = { purpose: rule.purpose, leftKeys, rightKeys, pairs: rule.decide(made.sorted).map((c): [number, number] => [c.left, c.right]), ...made };
  if (remember) {
    if (base) forget(decided.indexOf(base.decision)); // replaced by its successor
    decided.push(decision);
    candidatesKept += decision.sorted.length;
    while (decided.length > DECIDED_KEPT || (candidatesKept > CANDIDATES_KEPT && decided.length > 1)) forget(0);
  }
  return decision.pairs;
}

function forget(index: number): void {
  candidatesKept -= decided[index].sorted.length;
  decided.splice(index, 1);
}

/** Where a list of tasks differs from an earlier one: the earlier ones before `from` and from `oldEnd` on are now those before `from` and from `newEnd` on. */
interface Stretch {
  from: number;
  oldEnd: number;
  newEnd: number;
}

function noChange(s: Stretch): boolean {
  return s.from === s.oldEnd && s.from === s.newEnd;
}

/**
 * The decision of the rule's purpose to make this one from: one whose rights differ from these in a
 * few places in a row, the newest whose lefts do too, else the one whose lefts differ least (several
 * meetings of a running log have a decision each; one without entries has the same rights as
 * another without). Null when there is none.
 */
function lastDecision<L, R>(rule: PairRule<L, R>, leftKeys: KeyValues, rightKeys: KeyValues): { decision: PairDecision; left: Stretch; right: Stretch } | null {
  let best: { decision: PairDecision; left: Stretch; right: Stretch } | null = null;
  for (let i = decided.length - 1; i >= 0; i--) {
    const decision = decided[i];
    if (decision.purpose !== rule.purpose) continue;
    const right = changedStretch(decision.rightKeys, rightKeys, rule.rightKey.width);
    if (changes(right) > PATCHED_TASKS) continue;
    const left = changedStretch(decision.leftKeys, leftKeys, rule.leftKey.width);
    if (!best || changes(left) < changes(best.left)) best = { decision, left, right };
    if (changes(left) <= PATCHED_TASKS) break;
  }
  return best;
}

/** Tasks removed and added in a stretch. */
function changes(s: Stretch): number {
  return s.oldEnd - s.from + (s.newEnd - s.from);
}

/** The stretch of tasks (of `width` key values each) in which `now` differs from `before`. */
function changedStretch(before: KeyValues, now: KeyValues, width: number): Stretch {
  const oldCount = before.length / width;
  const newCount = now.length / width;
  let from = 0;
  while (from < oldCount && from < newCount && sameTask(before, from, now, from, width)) from++;
  let same = 0;
  while (same < oldCount - from && same < newCount - from && sameTask(before, oldCount - 1 - same, now, newCount - 1 - same, width)) same++;
  return { from, oldEnd: oldCount - same, newEnd: newCount - same };
}

function sameTask(a: KeyValues, i: number, b: KeyValues, j: number, width: number): boolean {
  for (let k = 0; k < width; k++) if (a[i * width + k] !== b[j * width + k]) return false;
  return true;
}

type Made = Pick<PairDecision, 'lists' | 'sorted'>;

function freshDecision<L, R>(rule: PairRule<L, R>, lefts: L[], rights: R[]): Made {
  const score = scorer(rule, rights);
  const lists = lefts.map(score);
  const sorted: Array<Candidate<number, number>> = [];
  lists.forEach((list, li) => {
    for (const [ri, value] of list) sorted.push({ left: li, right: ri, score: value });
  });
  return { lists, sorted: sorted.sort(bestFirst) };
}

/** A decision made from an earlier one: lists and candidates outside the changed stretches kept (renumbered), the rest scored. */
function patchedDecision<L, R>(rule: PairRule<L, R>, base: { decision: PairDecision; left: Stretch; right: Stretch }, lefts: L[], rights: R[]): Made {
  const { decision, left, right } = base;
  const rightsSame = noChange(right);
  // Scored against these rights (an index made of another version's would compare its attendees, other objects).
  let score: ((left: L) => Scored) | null = null;
  const added: Array<Candidate<number, number>> = [];
  const lists = new Array<Scored>(lefts.length);
  for (let li = 0; li < lefts.length; li++) {
    if (li >= left.from && li < left.newEnd) {
      const list = (score ??= scorer(rule, rights))(lefts[li]);
      for (const [ri, value] of list) added.push({ left: li, right: ri, score: value });
      lists[li] = list;
      continue;
    }
    const before = decision.lists[li < left.from ? li : li - left.newEnd + left.oldEnd];
    lists[li] = rightsSame ? before : patchedList(before, right, lefts[li], li, rights, rule, added);
  }
  const leftShift = left.newEnd - left.oldEnd;
  const rightShift = right.newEnd - right.oldEnd;
  const kept: Array<Candidate<number, number>> = [];
  for (const c of decision.sorted) {
    if ((c.left >= left.from && c.left < left.oldEnd) || (c.right >= right.from && c.right < right.oldEnd)) continue;
    const l = c.left >= left.oldEnd ? c.left + leftShift : c.left;
    const r = c.right >= right.oldEnd ? c.right + rightShift : c.right;
    kept.push(l === c.left && r === c.right ? c : { left: l, right: r, score: c.score });
  }
  return { lists, sorted: merged(kept, added.sort(bestFirst)) };
}

/** A left task's scored list against the rights before a change, made one against the rights after it: the changed ones scored (and added as candidates), the later ones renumbered. */
function patchedList<L, R>(before: Scored, change: Stretch, left: L, li: number, rights: R[], rule: PairRule<L, R>, added: Array<Candidate<number, number>>): Scored {
  const { from, oldEnd, newEnd } = change;
  const list: Scored = [];
  let k = 0;
  for (; k < before.length && before[k][0] < from; k++) list.push(before[k]);
  if (from < newEnd) {
    const terms = termsOf(rule.left.text(left));
    for (let ri = from; ri < newEnd; ri++) {
      const value = rule.pair(left, rights[ri], terms, termsOf(rule.right.text(rights[ri])));
      if (value === null) continue;
      list.push([ri, value]);
      added.push({ left: li, right: ri, score: value });
    }
  }
  for (; k < before.length; k++) if (before[k][0] >= oldEnd) list.push(oldEnd === newEnd ? before[k] : [before[k][0] + newEnd - oldEnd, before[k][1]]);
  return list;
}

/**
 * Candidates best first; among equal scores by left, then right index. This is the order the
 * stable sort of all candidates by score gives when they are listed left by left, each left's
 * rights ascending, so two sorted lists can be merged instead of sorting them all again.
 */
function bestFirst(a: Candidate<number, number>, b: Candidate<number, number>): number {
  return b.score - a.score || a.left - b.left || a.right - b.right;
}

function merged(a: Array<Candidate<number, number>>, b: Array<Candidate<number, number>>): Array<Candidate<number, number>> {
  if (!b.length) return a;
  const out = new Array<Candidate<number, number>>(a.length + b.length);
  let [i, j, n] = [0, 0, 0];
  while (i < a.length && j < b.length) out[n++] = bestFirst(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out;
}

const item: TaskOf<ActionItem> = { text: (i) => i.task, meeting: (i) => i.meeting, owner: (i) => i.owner };
const cue: TaskOf<StatementCue> = { text: (c) => c.task, meeting: (c) => c.statement.meeting, owner: (c) => c.owner };
/** Decisions have no owner: every index lookup of one agrees. */
const decision: TaskOf<Decision> = { text: (d) => d.text, meeting: (d) => d.meeting, owner: () => null };

/** A COMMITMENTS entry and an ACTION ITEMS entry are the same work: same meeting, both owned by the same person or both by nobody, the same task in other words. */
const twinRule: PairRule<ActionItem, ActionItem> = {
  purpose: 'twins',
  leftKey: itemKey,
  rightKey: itemKey,
  left: item,
  right: item,
  pair: (c, a, cTerms, aTerms) => {
    if (c.meeting !== a.meeting || !ownersAgree(c.owner, a.owner) || !!c.owner !== !!a.owner) return null;
    const score = termsScore(cTerms, aTerms);
    return score === null ? null : score + (sameDate(c.due, a.due) ? 0.2 : 0);
  },
  decide: assignSorted,
};

/** A spoken commitment or action item and a summary entry of the same meeting, owners agreeing, the same task in other words. */
const cueRule: PairRule<StatementCue, ActionItem> = {
  purpose: 'cues',
  leftKey: cueKey,
  rightKey: itemKey,
  left: cue,
  right: item,
  include: (i) => i.source === 'summary',
  pair: (c, i, cTerms, iTerms) => {
    if (i.source !== 'summary' || i.meeting !== c.statement.meeting || !ownersAgree(c.owner, i.owner)) return null;
    const score = termsScore(cTerms, iTerms) ?? promisedAlike(c, i);
    if (score === null) return null;
    const kindBonus = (c.kind === 'commitment') === (i.kind === 'commitment') ? 0.05 : 0;
    return score + (sameDate(c.due, i.due) ? 0.2 : 0) + kindBonus;
  },
  decide: recordingOrder,
};

/**
 * A promise that points at work named elsewhere (`Who can own that?` — `I can do it by end of
 * month`, which reads `Own that`) has no words a summary entry could repeat: its owner and its date
 * say which entry it is. It scores below any entry of shared words.
 */
function promisedAlike(c: StatementCue, i: ActionItem): number | null {
  return c.owner && i.owner && sameDate(c.due, i.due) && pointsElsewhere(c.task) ? 0.1 : null;
}

/** A spoken `Decision:` and a DECISIONS entry of the same meeting saying the same in other words. */
const decisionRule: PairRule<StatementCue, Decision> = {
  purpose: 'decisions',
  leftKey: spokenKey,
  rightKey: decisionKey,
  left: { ...cue, owner: () => null },
  right: decision,
  pair: (c, d, cTerms, dTerms) => (d.meeting !== c.statement.meeting ? null : termsScore(cTerms, dTerms)),
  decide: recordingOrder,
};

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
  const unrecorded = attach(cues, decidePairs(cueRule, cues, items), (ci, ii) => items[ii].mentions.push(cues[ci]));
  return recordPointingPromises(unrecorded, items);
}

/**
 * A promise that points at work named elsewhere (`Can you take it, Tom?` — `Sure, I will do it
 * today`), which no entry took by its words or its date, is recorded by its owner's entry where
 * the owner has exactly one entry (with its twin) that records nothing said and gives no other
 * date: that entry is the work the promise was about. With two or more, nothing says which.
 */
function recordPointingPromises(unrecorded: StatementCue[], items: ActionItem[]): StatementCue[] {
  if (!unrecorded.some((c) => c.owner && pointsElsewhere(c.task))) return unrecorded;
  const silent = items.filter((i) => i.owner && i.mentions.length === 0);
  return unrecorded.filter((cue) => {
    if (!cue.owner || !pointsElsewhere(cue.task)) return true;
    const owner = cue.owner;
    const candidates = silent.filter((i) => samePerson(owner, i.owner!) && (!cue.due?.date || !i.due?.date || cue.due.date === i.due.date));
    // An entry and its COMMITMENTS twin are one piece of work (they share their mentions later).
    const works = candidates.filter((i) => !i.linked.some((id) => candidates.some((other) => other.id === id && other.span.start < i.span.start)));
    if (works.length !== 1) return true;
    works[0].mentions.push(cue);
    return false;
  });
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
