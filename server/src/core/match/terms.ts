import { stemmer } from 'stemmer';
import { Memo, memoSettings } from '../memo';
import { withoutAccents } from '../text/plain';

/** Words that say nothing about which piece of work is meant. */
const STOP_WORDS = new Set(
  (
    'a an the to for of on in at by with and or but nor so as than then from into onto over under up out off about after ' +
    'before until till via per be is are was were been being am it its this that these those there here i me my mine we us ' +
    'our you your he him his she her they them their will would can could should shall may might must do does did done ' +
    'doing have has had having get gets got getting make makes made making go going gone take takes took taking ' +
    'commit commits committed promise plan all any some each every more most also just now only still too very really ' +
    'ill im ive id well lets let sure ok okay yes yeah need needs new today tomorrow tonight week weekend weeks month ' +
    'monday tuesday wednesday thursday friday saturday sunday end eow eod due asap not no'
  ).split(' '),
);

/** The stems of the meaningful words of a task: `Test Redis connection pool optimizations` → test, redi, connect, pool, optim. */
export function termsOf(text: string): Set<string> {
  if (!memoSettings.enabled) return recentTerms(text);
  return terms.get(() => readTerms(text), text); // shared: callers only read it
}

const terms = new Memo<Set<string>>();

/**
 * Without remembered results (index workers), a file's tasks are still scored by three rules (twins,
 * spoken cues, decisions): the terms of the last few hundred texts are kept for them.
 */
function recentTerms(text: string): Set<string> {
  let found = recent.get(text);
  if (found) return found;
  if (recent.size >= RECENT_TEXTS) recent.clear();
  recent.set(text, (found = readTerms(text)));
  return found;
}

const recent = new Map<string, Set<string>>();
const RECENT_TEXTS = 256;

function readTerms(text: string): Set<string> {
  const terms = new Set<string>();
  // A hyphenated compound is one word here (`load-test`: `load`), so that it counts once: as two it made
  // `Share the load-test dashboard` the same work as `Load-test the retries` (two shared of four).
  const words = (withoutAccents(text.toLowerCase(), /\p{M}/gu).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:-[\p{L}\p{N}]+)*/gu) ?? []).map((raw) => compoundHead(raw.replace(/['’]/g, '')));
  for (const word of words) {
    if (STOP_WORDS.has(word) || word.length < 2) continue;
    terms.add(/^\d/.test(word) || word.length <= 3 ? word : stemmer(word));
  }
  // A task of stop words only (`Take that`, unanswered) is still the same work as the same words:
  // its words together are its one term, or the entry recorded from it would never match it.
  if (!terms.size && words.length) terms.add(`=${words.join(' ')}`);
  return terms;
}

/** A compound's first part that says something (`load-test` → `load`, `on-call` → `call`), else the word as it is. */
function compoundHead(word: string): string {
  if (!word.includes('-')) return word;
  const parts = word.split('-');
  return parts.find((part) => part.length >= 2 && !STOP_WORDS.has(part)) ?? parts[0];
}

/**
 * A task that names no work but points at work named elsewhere (`Own that`, `Take care of it`, `Have
 * it done`): said after a request or a promise, its words are not the words of the work.
 */
export function pointsElsewhere(task: string): boolean {
  return POINTS_ELSEWHERE.test(task);
}

const POINTS_ELSEWHERE = /^(?:[\p{L}]+(?:\s+(?:up|on|over|care\s+of))?\s+)?(?:it|that|this|them|these|those)(?:\s+(?:one|done|ready|finished|out|up|on|over|in|merged|shipped))?(?:\s+(?:to|for|over\s+to)\s+(?:you|him|her|them|us|everyone|\p{Lu}[\p{L}'’-]*))?$/iu;

export interface Similarity {
  shared: number;
  /** Shared terms over the smaller set: a short entry is "recorded" by a longer sentence. */
  overlap: number;
  score: number;
}

export function similarity(a: Set<string>, b: Set<string>): Similarity {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const smaller = Math.min(a.size, b.size);
  const overlap = smaller ? shared / smaller : 0;
  const jaccard = a.size + b.size - shared ? shared / (a.size + b.size - shared) : 0;
  return { shared, overlap, score: overlap + 0.25 * jaccard };
}

/** Two tasks are the same work when enough of the smaller one's words are in the other. */
export function sameWork(s: Similarity, smallerSize: number): boolean {
  if (s.shared >= 2) return s.overlap >= 0.5;
  return s.shared === 1 && smallerSize === 1;
}
