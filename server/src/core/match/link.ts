import type { ActionItem, Decision, DueDate, PersonRef, StatementCue } from '../model';
import { normalizeName } from '../text/plain';
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
  const usedLeft = new Set<L>();
  const usedRight = new Set<R>();
  const chosen: Array<Candidate<L, R>> = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (usedLeft.has(c.left) || usedRight.has(c.right)) continue;
    usedLeft.add(c.left);
    usedRight.add(c.right);
    chosen.push(c);
  }
  return chosen;
}

/** The score of two tasks if they are the same work, else null. */
export function workScore(a: string, b: string): number | null {
  const x = termsOf(a);
  const y = termsOf(b);
  const s = similarity(x, y);
  return sameWork(s, Math.min(x.size, y.size)) ? s.score : null;
}

/** Links each COMMITMENTS entry to the ACTION ITEMS entry for the same work (same owner, same task in other words). */
export function linkTwins(items: ActionItem[]): void {
  const commitments = items.filter((i) => i.kind === 'commitment');
  const actions = items.filter((i) => i.kind === 'action');
  const candidates: Array<Candidate<ActionItem, ActionItem>> = [];
  for (const c of commitments) {
    for (const a of actions) {
      if (c.meeting !== a.meeting || !ownersAgree(c.owner, a.owner) || !!c.owner !== !!a.owner) continue;
      const score = workScore(c.task, a.task);
      if (score !== null) candidates.push({ left: c, right: a, score: score + (sameDate(c.due, a.due) ? 0.2 : 0) });
    }
  }
  for (const { left, right } of assignOneToOne(candidates)) {
    left.linked.push(right.id);
    right.linked.push(left.id);
  }
}

/**
 * Ties each spoken commitment or action item to the summary entry that records it. Returns the cues
 * that no entry records. Each entry first takes its best cue; a cue said twice may then join too.
 */
export function recordCues(cues: StatementCue[], items: ActionItem[]): StatementCue[] {
  const candidates: Array<Candidate<StatementCue, ActionItem>> = [];
  for (const cue of cues) {
    for (const item of items) {
      if (item.source !== 'summary' || item.meeting !== cue.statement.meeting || !ownersAgree(cue.owner, item.owner)) continue;
      const score = workScore(cue.task, item.task);
      if (score === null) continue;
      const kindBonus = (cue.kind === 'commitment') === (item.kind === 'commitment') ? 0.05 : 0;
      candidates.push({ left: cue, right: item, score: score + (sameDate(cue.due, item.due) ? 0.2 : 0) + kindBonus });
    }
  }
  return attach(cues, candidates, (item, cue) => item.mentions.push(cue));
}

/** Ties each spoken `Decision:` to the DECISIONS entry that records it; returns the unrecorded ones. */
export function recordDecisions(cues: StatementCue[], decisions: Decision[]): StatementCue[] {
  const candidates: Array<Candidate<StatementCue, Decision>> = [];
  for (const cue of cues) {
    for (const decision of decisions) {
      if (decision.meeting !== cue.statement.meeting) continue;
      const score = workScore(cue.task, decision.text);
      if (score !== null) candidates.push({ left: cue, right: decision, score });
    }
  }
  return attach(cues, candidates, (decision, cue) => decision.mentions.push(cue));
}

function attach<R>(cues: StatementCue[], candidates: Array<Candidate<StatementCue, R>>, record: (right: R, cue: StatementCue) => void): StatementCue[] {
  const recorded = new Set<StatementCue>();
  for (const { left, right } of assignOneToOne(candidates)) {
    record(right, left);
    recorded.add(left);
  }
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (recorded.has(c.left)) continue;
    record(c.right, c.left);
    recorded.add(c.left);
  }
  return cues.filter((c) => !recorded.has(c));
}
