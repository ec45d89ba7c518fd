import { Memo } from '../memo';
import type { Statement } from '../model';
import { type Roster, looksLikeName } from './people';

/** The head of a transcript line: `[05:00] Tom Bradley: `, `**Priya:** `, `Mike: ` (an attendee). */
export interface StatementHead {
  time: string | null;
  /** Offsets within the line; null for cue-only lines such as `Decision: we ship`. */
  speaker: { written: string; start: number; end: number } | null;
  /** Where the spoken text starts within the line. */
  textStart: number;
}

// The name starts with no blank, and blanks before the colon go with it: runs of blanks are read
// one way only (with two ways to split them, a long run took quadratic time).
const TIMESTAMP = /^(\s*)(?:\*\*|__)?[[(]?(\d{1,2}:\d{2}(?::\d{2})?)[\])]?(?:\*\*|__)?\s*(?:[-–—]\s*)?(?:\*\*|__)?(?:([^\s:][^:\n]{0,59}?)(?:\*\*|__)?\s*)?:(?:\*\*|__)?[ \t]*/u;
/** `Ben Okafor [00:08:10]: …`, `**Ben** (08:10) …`: the stamp after the name, as some exports write it. */
const STAMP_AFTER = /^(\s*)(?:\*\*|__)?([\p{L}@][^:\n[\]()*_]{0,59}?)(?:\*\*|__)?\s*[[(](\d{1,2}:\d{2}(?::\d{2})?)[\])](?:\*\*|__)?\s*(?::(?:\*\*|__)?[ \t]*)?(?=\S)/u;
/**
 * `Ana Souza  0:05` alone on its line, the words on the lines under it (Otter's and Teams' text
 * exports); `**Ana Souza** 10:32 AM` as a chat's messages are copied.
 */
const NAME_THEN_TIME = /^(\s*)(?:\*\*|__)?([\p{L}@][^:\n[\]()*_\d]{0,59}?)(?:\*\*|__)?\s+(\d{1,2}:\d{2}(?::\d{2})?)([ \t]*[AaPp]\.?[Mm]\.?)?\s*$/u;
/** `[Ana Souza] 10:02:15` alone on its line, the words on the lines under it (Zoom's saved transcript). */
const BRACKETED_NAME_THEN_TIME = /^(\s*)\[([\p{L}@][^\]\n:]{0,59}?)\][ \t]+(\d{1,2}:\d{2}(?::\d{2})?)\s*$/u;
/** `<v Ana Souza>I'll send the deck.</v>`: a WebVTT caption's voice (`<v.loud Ana>` with classes), as Teams writes captions. */
const VOICE = /^<v(?:\.[\w-]+)*[ \t]+([^<>\n]{0,60}?)[ \t]*>[ \t]*/u;
const BOLD_SPEAKER = /^(\s*)(?:\*\*|__)([^*_:\n]{1,60}?)(?:\s*:\s*(?:\*\*|__)|(?:\*\*|__)\s*:)[ \t]*(?=\S)/u;
const PLAIN_SPEAKER = /^(\s*)([\p{L}@][^:\n]{0,59}?)\s*:[ \t]+(?=\S)/u;
const CUE_LINE = /^\s*(?:decision|decided|action\s+(?:items?|points?)(?:\s+for\s+[^:\n]{1,40}|\s*\([^():\n]{1,40}\))?|todo|follow[\s-]?up)\s*:\s*\S/iu;
/** `AI: …`, `AI(@bjones): …`, `AI @bjones …`, `AP for me: …` (in capitals: `ai` is a word too). */
const AI_LINE = /^\s*A[IP](?:\s*\([^():\n]{1,40}\)\s*:|\s+for\s+[^:\n]{1,40}:|\s*:|\s+@[\p{L}\p{N}])\s*\S/u;

/** Zoom's saved chat: `10:02:15 From Maya Chen to Everyone: …`, `From Maya Chen : …`, `… to Leo Park (Direct Message): …`. */
const CHAT_SENDER = /^from\s+(.+?)(?:\s+to\s+[^:()]+?)?(?:\s*\([^()]*\))?$/iu;

const BRACKETED_STAMP = /^\s*(?:\*\*|__)?(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\(\d{1,2}:\d{2}(?::\d{2})?\))/;

/** Whether a `[MM:SS]` or `[HH:MM:SS]` stamp is a time at all (`[5:99]` is not). */
function validTime(time: string): boolean {
  const parts = time.split(':').map(Number);
  return parts.slice(1).every((p) => p <= 59) && (parts.length === 2 || parts[0] <= 99);
}

const heads = new Memo<StatementHead | null>();

export function readStatementHead(line: string, roster: Roster): StatementHead | null {
  const head = heads.get(() => readHead(line, roster), line, roster.key);
  return head && { ...head, speaker: head.speaker && { ...head.speaker } };
}

function readHead(line: string, roster: Roster): StatementHead | null {
  const named = (written: string) => roster.resolve(written).attendee !== null || looksLikeName(written);
  const stamped = TIMESTAMP.exec(line);
  if (stamped) {
    const written = senderOf((stamped[3] ?? '').trim(), named);
    const valid = validTime(stamped[2]);
    // A stamp in brackets that is no time (`[10:75] Tom: …`, a slip) still starts Tom's statement,
    // without a time: read as text, it would join his words to the statement before.
    const slip = !valid && BRACKETED_STAMP.test(line) && named(written);
    if (valid || slip) {
      if (!/\p{L}/u.test(written)) return null; // `[00:10] : hi` has no speaker
      return spokenBy(line, written, stamped[1].length + stamped[2].length, valid ? stamped[2] : null, stamped[0].length);
    }
  }
  const after = STAMP_AFTER.exec(line);
  if (after && validTime(after[3]) && named(after[2].trim())) return spokenBy(line, after[2].trim(), after[1].length, after[3], after[0].length);
  const alone = NAME_THEN_TIME.exec(line);
  if (alone && validTime(alone[3])) {
    const written = alone[2].trim();
    // An attendee, or, where the notes name none, a full name (`Standup 9:30` is no speaker).
    const time = alone[4] ? `${alone[3]} ${alone[4].trim().replace(/\./g, '').toUpperCase()}` : alone[3];
    if (roster.namesPerson(written)) return spokenBy(line, written, alone[1].length, time, line.length);
  }
  const bracketed = BRACKETED_NAME_THEN_TIME.exec(line);
  if (bracketed && validTime(bracketed[3]) && named(bracketed[2].trim())) return spokenBy(line, bracketed[2].trim(), bracketed[1].length + 1, bracketed[3], line.length);
  const bold = BOLD_SPEAKER.exec(line);
  if (bold && named(bold[2].trim())) return spokenBy(line, bold[2].trim(), bold[1].length, null, bold[0].length);
  const plain = PLAIN_SPEAKER.exec(line);
  if (plain && roster.known && roster.resolve(plain[2]).attendee && !/\s{2,}/.test(plain[2])) return spokenBy(line, plain[2], plain[1].length, null, plain[0].length);
  if (CUE_LINE.test(line) || AI_LINE.test(line)) return { time: null, speaker: null, textStart: line.length - line.trimStart().length };
  return null;
}

/**
 * `Maya Chen: I'll send…` right under a caption's timing line (SRT, Zoom's captions): a full name is
 * the speaker even where the notes list no attendees (elsewhere `Name:` is a speaker only when an attendee).
 */
export function captionSpeakerHead(line: string): StatementHead | null {
  const plain = PLAIN_SPEAKER.exec(line);
  const written = plain?.[2].trim();
  if (!plain || !written || !/\s/.test(written) || !looksLikeName(written)) return null;
  return spokenBy(line, written, plain[1].length, null, plain[0].length);
}

/** Whether a statement is a line of written notes (`Carol will …`, `Decision: …`), not speech: no one said it, no time was kept. */
export function isWritten(statement: Pick<Statement, 'speaker' | 'time'>): boolean {
  return !statement.speaker && !statement.time;
}

/** Who sent a chat message (`From Maya Chen to Everyone`: Maya Chen), when a person is named so; else `written`. */
function senderOf(written: string, named: (name: string) => boolean): string {
  const sender = CHAT_SENDER.exec(written)?.[1];
  return sender && named(sender) ? sender : written;
}

/**
 * The speaker of a caption's voice opening `raw`, a line as written, with where the name is in it.
 * (The reading of a line blanks the tag, as it does all inline HTML, so that nothing else reads it.)
 */
export function captionVoice(raw: string): { written: string; start: number; end: number; textStart: number } | null {
  const voice = VOICE.exec(raw);
  if (!voice || !/\p{L}/u.test(voice[1])) return null;
  const start = raw.indexOf(voice[1], 2);
  return { written: voice[1], start, end: start + voice[1].length, textStart: voice[0].length };
}

/** The head of a line spoken by `written`, found in it from offset `from`. */
function spokenBy(line: string, written: string, from: number, time: string | null, textStart: number): StatementHead {
  const start = line.indexOf(written, from);
  return { time, speaker: { written, start, end: start + written.length }, textStart };
}

export interface Sentence {
  text: string;
  start: number;
}

/** Splits spoken text into sentences; `e.g. this` and `3.5` do not end one, `this... Decision:` does. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  // Only from the start of a run of stops: the same matches, without rescanning long runs (`……`).
  const end = /(?<![.!?…])(?:[.!?…]+(?=\s+(?![\s\p{Ll}\d]))|[.!?…]+$)/gu;
  let start = 0;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const stop = m.index + m[0].length;
    pushTrimmed(sentences, text.slice(start, stop), start);
    start = stop;
  }
  pushTrimmed(sentences, text.slice(start), start);
  return sentences;
}

/**
 * No sentence is read as longer than this many characters (blanks not counted, so that line endings
 * do not matter): speech without full stops (some transcription tools write none) is cut between
 * words, so that reading a statement stays linear in its length however it is written.
 */
export const MAX_SENTENCE_LENGTH = 1000;

function pushTrimmed(sentences: Sentence[], raw: string, start: number): void {
  let lead = raw.length - raw.trimStart().length;
  let value = raw.trim();
  while (value.length > MAX_SENTENCE_LENGTH) {
    const limit = indexAfterVisible(value, MAX_SENTENCE_LENGTH);
    if (limit >= value.length) break;
    let blank = limit;
    while (blank > 0 && !/\s/.test(value[blank])) blank--;
    const cut = blank > indexAfterVisible(value, MAX_SENTENCE_LENGTH / 2) ? blank : limit;
    sentences.push({ text: value.slice(0, cut).trimEnd(), start: start + lead });
    const rest = value.slice(cut);
    lead += cut + (rest.length - rest.trimStart().length);
    value = rest.trimStart();
  }
  if (value) sentences.push({ text: value, start: start + lead });
}

/** The index in `text` right after its `count`-th character that is not a blank. */
function indexAfterVisible(text: string, count: number): number {
  let seen = 0;
  let i = 0;
  for (; i < text.length && seen < count; i++) if (!/\s/.test(text[i])) seen++;
  return i;
}
