import type { Roster } from './people';

/**
 * A promise as written notes record it, in the third person: `Carol will update the runbook by
 * Friday`, `Alice to draft the RFC`, `Bob agreed to …`, `Dave said he'd …`, `@wei is going to …`.
 * The person opens the sentence; the work starts with a word in lower case. The cue words end
 * before the blank after them, as a first-person cue's do, so that what follows is read the same.
 */
const NOTED_PROMISE = new RegExp(
  String.raw`^(?:\*\*|__)?(@[\p{L}\p{N}][\p{L}\p{N}._-]*|\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2})(?:\*\*|__)?` +
    String.raw`\s+(?:will|(?:is|['’]s)\s+(?:going\s+to|gonna)|to|(?:has\s+)?(?:agreed|committed|promised|volunteered|offered|plans?)\s+to|said\s+(?:he|she|they)\s*(?:['’]d|would|will|['’]ll))` +
    String.raw`(?=\s+\p{Ll})`,
  'u',
);

export interface NotedPromise {
  /** The cue: the person and the words that make it a promise (`Carol agreed to`). */
  cue: string;
  /** The person as written, and where in the text. */
  person: { written: string; start: number; end: number };
}

/**
 * The promise a sentence of written notes (not speech) opens with, when the person is one the
 * notes name: an attendee, or a full name where they list none (`The team will …` names no one).
 */
export function notedPromise(text: string, roster: Roster): NotedPromise | null {
  const m = NOTED_PROMISE.exec(text);
  if (!m || !roster.namesPerson(m[1])) return null;
  const start = m[0].indexOf(m[1]);
  return { cue: m[0], person: { written: m[1], start, end: start + m[1].length } };
}
