import { NOT_DONE_VERBS, PAST_VERB_PART } from './doneReports';
import type { Roster } from './people';

// Lines of written notes (not speech) that say what a person will do or has done, in the third
// person: read as that person's promise or report.

/** A person as notes write one: a handle, or up to three capitalised words. */
const PERSON = String.raw`(?:@[\p{L}\p{N}][\p{L}\p{N}._-]*|\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2})`;
/** Their role after the name, as attendee lists write it (`Alice Moreau (PM) will …`): no part of the name. */
const ROLE = String.raw`(?:\s*\([^()\n]{1,40}\))?`;
/** Two people together (`Bob and Carol`, `Ana & Wei`, `Maya/Leo`), as an entry's owner may be. */
const TOGETHER_PART = String.raw`\s+(?:and|&)\s+|\s*[/+]\s*`;
const TOGETHER = new RegExp(TOGETHER_PART, 'u');
/**
 * A promise as written notes record it, in the third person: `Carol will update the runbook by
 * Friday`, `Alice to draft the RFC`, `Bob agreed to …`, `Dave said he'd …`, `@wei is going to …`,
 * `Bob and Carol will …`.
 * The person opens the sentence; the work starts with a word in lower case. The cue words end
 * before the blank after them, as a first-person cue's do, so that what follows is read the same.
 */
const NOTED_PROMISE = new RegExp(
  String.raw`^(?:\*\*|__)?(${PERSON}(?:(?:${TOGETHER_PART})${PERSON})?)(?:\*\*|__)?${ROLE}` +
    String.raw`\s+(?:will|(?:is|are|['’](?:s|re))\s+(?:going\s+to|gonna)|to|(?:ha(?:s|ve)\s+)?(?:agreed|committed|promised|volunteered|offered|plans?)\s+to|said\s+(?:he|she|they)\s*(?:['’]d|would|will|['’]ll))` +
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
 * notes name: an attendee, or a full name where they list none (`The team will …` names no one);
 * two people together, when both are.
 */
export function notedPromise(text: string, roster: Roster): NotedPromise | null {
  const m = NOTED_PROMISE.exec(text);
  if (!m || !m[1].split(TOGETHER).every((name) => roster.namesPerson(name))) return null;
  const start = m[0].indexOf(m[1]);
  return { cue: m[0], person: { written: m[1], start, end: start + m[1].length } };
}

/**
 * `Raj merged the cache fix`, `Lena has finished the retries`: a line of written notes reporting a
 * person's work done, read as that person's words from the verb on (as `Raj: merged the cache fix`).
 * The person is one the notes name; a verb of work begun or of talk makes no report.
 */
const NOTED_REPORT = new RegExp(
  String.raw`^((?:\*\*|__)?(${PERSON})(?:\*\*|__)?${ROLE}\s+(?:ha(?:s|ve)\s+)?(?:(?:also|already|finally|just)\s+)?)(${PAST_VERB_PART})(?=\s)`,
  'u',
);

/** The writer speaking for themselves (`…; I'll follow up`): such a line is not the person's words. */
const WRITER_SPEAKS = /(?<![\p{L}])I(?:\s*['’](?:ll|m|ve|d)|\s+(?:will|am|have|can|need|should|shall))(?![\p{L}])/u;

export function notedReport(line: string, roster: Roster): { written: string; start: number; textStart: number } | null {
  const m = NOTED_REPORT.exec(line);
  if (!m || NOT_DONE_VERBS.has(m[3].toLowerCase()) || WRITER_SPEAKS.test(line) || !roster.namesPerson(m[2])) return null;
  return { written: m[2], start: m[1].indexOf(m[2]), textStart: m[1].length };
}
