import type { DueDate, Span } from '../model';
import { trimEndChars } from '../text/plain';
import { isMonthOnly, readDate, readDueValue } from './readDate';

/** A due date found in a text, and the part of the text to cut to leave only the task. */
export interface FoundDue {
  due: DueDate;
  cut: Span;
}

const FIELD_LABEL = String.raw`(?:due(?:\s+date)?|deadline|eta|target(?:\s+date)?|by\s+when)`;
/** `- Due: Tomorrow`, `, due: Friday`, `due:: 2025-03-12`, `📅 2025-03-12`. */
// `(?<!\s)`: the same leftmost match, without retrying from every blank of a long run of them.
const FIELD = new RegExp(String.raw`(?<!\s)(\s*[-–—|,;]\s*|\s+|^)(?:${FIELD_LABEL}\s*(?:::?|=)\s*|📅\s*)`, 'giu');
/** `(due: 2025-03-12)`, `(due Friday)`, `[due:: 2025-03-12]`. */
const BRACKETED = new RegExp(String.raw`(?<!\s)(\s*)([(\[])\s*(?:${FIELD_LABEL}\s*(?:::?|=)?\s*|📅\s*)`, 'giu');
/** Where an unbracketed field value ends. */
const VALUE_END = /(?<!\s)(?:\s+[-–—|]\s+|\s*;|\s*✅|\s*\((?!\s*\d)|\s*\[|\s+@(?=\p{L})|\s*(?:->|=>|→))|$/u;

const PREPOSITIONS = /(?:^|\s)(by|before|until|till|til|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|due(?:\s+(?:by|on|before))?|eta)\s+/giu;
// `@November 30, 2026`, `@Tomorrow`: a date mention as Notion writes one.
const BARE_START = /(?:^|\s)@?(?=(?:asap|tbd|tbc|today|tonight|tomorrow|tmrw|this|next|over|during|end|eow|eod|cob|eop|close|w\/c|week|the|early|mid|late|later|within|sun|mon|tue|wed|thu|fri|sat|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)[\p{L}\p{N}]*|in\s+(?:a|an|one|two|three|four|five|six|\d+|a\s+couple\s+of|a\s+few)\s)/giu;
/** What makes the date after it a repetition: `every Tuesday`, `each other Friday`. */
const RECURRING = /(?:^|\s)(?:every|each)(?:\s+other)?\s*$/iu;
/** What makes the date after it a start, not a due date: `starting Monday`, `from next week`, `as of the 15th`. */
const STARTING = /(?:^|\s)(?:starting|beginning|from|as\s+of|effective|commencing)(?:\s+on)?\s*$/iu;
/** Vague values that close a clause bare: words that say nothing else, and a period of work (`… next sprint`). */
const VAGUE_WORD = /^(?:asap|tbd|tbc|(?:the\s+)?(?:next|this|end\s+of\s+(?:the\s+)?)\s*(?:sprint|release|iteration|cycle|quarter))$/iu;
const AT_END = /^[\s.,;:!?)\]]*$|^\s*(?:\(|[-–—]\s|->|=>|→)|^\s+@\p{L}/u;

/** A labelled due date: `Due: X` or `(due X)`. The label makes any value a due date, even `TBD`. */
export function findDueField(text: string, base: number, meetingDate: string | null): FoundDue | null {
  BRACKETED.lastIndex = 0;
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const close = text.indexOf(bracketed[2] === '(' ? ')' : ']', bracketed.index + bracketed[0].length);
    const valueStart = bracketed.index + bracketed[0].length;
    const valueEnd = close < 0 ? text.length : close;
    const found = dueFromValue(text, valueStart, valueEnd, base, meetingDate);
    if (found) return { due: found, cut: { start: base + bracketed.index, end: base + (close < 0 ? text.length : close + 1) } };
  }
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(text); m; m = FIELD.exec(text)) {
    const valueStart = m.index + m[0].length;
    const end = VALUE_END.exec(text.slice(valueStart))!;
    const valueEnd = valueStart + end.index;
    const found = dueFromValue(text, valueStart, valueEnd, base, meetingDate);
    if (found) return { due: found, cut: { start: base + m.index, end: base + valueEnd } };
  }
  return null;
}

/** The due date of a labelled value, `text[start, end)` (the label makes any value a due date, even `TBD`). */
export function dueFromValue(text: string, start: number, end: number, base: number, meetingDate: string | null): DueDate | null {
  const raw = text.slice(start, end);
  let value = trimEndChars(raw.trim(), /[.,;]/);
  if (!value) return null;
  let valueStart = start + (raw.length - raw.trimStart().length);
  // `DEADLINE: <2026-11-27 Fri>`: an outliner's (org-mode's) timestamp, read without its brackets.
  const stamp = /^<(\d{4}-\d{2}-\d{2})(?:\s+\p{L}{2,3})?(?:\s+\d{1,2}:\d{2})?>$/u.exec(value);
  if (stamp) {
    value = stamp[1];
    valueStart += 1;
  }
  const reading = readDueValue(value, meetingDate);
  const shown = reading.date && reading.length < value.length ? value.slice(0, reading.length).trim() : value;
  return {
    text: oneLine(shown),
    date: reading.date,
    vague: reading.vague,
    ...(reading.invalid ? { invalid: true } : {}),
    span: { start: base + valueStart, end: base + valueStart + shown.length },
  };
}

/**
 * A due date in running words: `by February 3rd`, `before production`, `until Friday`, and, where
 * `allowBare`, a phrase closing the clause such as `over the weekend` or `tomorrow`.
 * `atEnd` requires the date to close the clause (summary entries), not sit in its middle.
 */
export function findDuePhrase(
  text: string,
  base: number,
  meetingDate: string | null,
  options: { atEnd: boolean; allowBare: boolean },
): FoundDue | null {
  const found = findDueAt(text, base, meetingDate, options);
  if (!found) return null;
  // The cut takes every blank before the phrase: the words left read the same whatever the blanks
  // were (a line ended by `\r\n` is two blanks in the reading, by `\n` one).
  let start = found.cut.start - base;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  return start + base === found.cut.start ? found : { due: found.due, cut: { start: start + base, end: found.cut.end } };
}

function findDueAt(text: string, base: number, meetingDate: string | null, options: { atEnd: boolean; allowBare: boolean }): FoundDue | null {
  const matches = [...text.matchAll(PREPOSITIONS)];
  for (const m of matches.reverse()) {
    const prepStart = m.index! + (m[0].length - m[0].trimStart().length);
    const reading = readDate(text.slice(prepStart), meetingDate);
    if (!reading) continue;
    const expressionEnd = prepStart + reading.length;
    if (options.atEnd && !AT_END.test(text.slice(expressionEnd))) continue;
    const preposition = m[1].toLowerCase();
    // `before production` keeps its preposition: `production` alone would say something else.
    const keepPreposition = reading.vague && preposition !== 'by' && preposition !== 'eta' && !preposition.startsWith('due');
    const textStart = keepPreposition ? prepStart : m.index! + m[0].length;
    return {
      due: {
        text: oneLine(text.slice(textStart, expressionEnd).trim()),
        date: reading.date,
        vague: reading.vague,
        ...(reading.invalid ? { invalid: true } : {}),
        span: { start: base + textStart, end: base + expressionEnd },
      },
      cut: { start: base + m.index!, end: base + expressionEnd },
    };
  }
  if (!options.allowBare) return null;
  // A closing value in brackets (`add a second consumer (Wed)`, `file the PR (by Friday)`) or set
  // off by a dash (`talk to the vendor — ASAP`, `rotate keys - next sprint`).
  const closing = options.atEnd ? (dueOfWhole(bracketedValue(text), base, meetingDate) ?? dueOfWhole(dashedValue(text), base, meetingDate)) : null;
  if (closing) return closing;
  for (const m of text.matchAll(BARE_START)) {
    const start = m.index! + m[0].length;
    if (start === 0 && options.atEnd) continue; // the whole clause would be a date
    const reading = readDate(text.slice(start), meetingDate);
    if (!reading) continue;
    const before = text.slice(Math.max(0, m.index! - 16), m.index! + (m[0].length - m[0].trimStart().length));
    if (RECURRING.test(before) || STARTING.test(before)) continue; // `every Tuesday`, `starting Monday`: when it repeats or starts, not when it is due
    const expression = text.slice(start, start + reading.length);
    // Of vague values, only the words that say nothing else close a clause bare (`… with finance ASAP`).
    if (reading.vague && !VAGUE_WORD.test(expression)) continue;
    if (isMonthOnly(expression) || !AT_END.test(text.slice(start + reading.length))) continue;
    // `for next Tuesday`, `on Friday`, `first thing Monday`: the little words belong to the date, not to the task.
    const lead = /(?:^|\s)(?:for|on|at|first\s+thing(?:\s+on)?)\s+$/iu.exec(text.slice(0, start));
    return {
      due: { text: oneLine(expression.trim()), date: reading.date, vague: reading.vague, span: { start: base + start, end: base + start + reading.length } },
      cut: { start: base + (lead ? lead.index : m.index!), end: base + start + reading.length },
    };
  }
  return null;
}

/** The due date of a closing value (`ClosingValue`) when the value is wholly a date, vague or not, and not a month alone. */
function dueOfWhole(closing: ClosingValue | null, base: number, meetingDate: string | null): FoundDue | null {
  if (!closing) return null;
  const { valueStart, value } = closing;
  const reading = readDate(value, meetingDate);
  if (!reading || reading.length < value.length || isMonthOnly(value)) return null;
  return {
    due: { text: value, date: reading.date, vague: reading.vague, ...(reading.invalid ? { invalid: true } : {}), span: { start: base + valueStart, end: base + valueStart + value.length } },
    cut: { start: base + closing.start, end: base + closing.end },
  };
}

/**
 * A value closing a clause: where it starts and its text, and the part of the clause a due date
 * there cuts, from its separator or bracket (findDuePhrase takes the blanks before it too).
 */
interface ClosingValue {
  start: number;
  end: number;
  valueStart: number;
  value: string;
}

/** Whether the due date starting at `dueStart` follows a label (`Due: X`, `(due X`, `📅 X`) rather than `by`/`before`. */
export function dueIsLabelled(text: string, dueStart: number): boolean {
  return /(?:due(?:\s+date)?|deadline|eta|target(?:\s+date)?|by\s+when)\s*(?:::?|=)?\s*$|📅\s*$/iu.test(text.slice(Math.max(0, dueStart - 16), dueStart));
}

/** A due date as shown: a value wrapped over lines reads the same whatever the file's line endings. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const SEPARATORS = '-–—/|';

/**
 * The value closing a clause after a dash set off by blanks (`talk to the vendor — ASAP`), or a
 * slash or a bar (`fix the alerts / Friday`, `… | Friday` as columns typed in plain text): what
 * follows the last of them, without trailing blanks and stops. Found by scanning, in linear time
 * (the equivalent pattern, `/\s+[–—-]\s+([^\s–—-][^–—-]*?)[\s.!]*$/`, took minutes on long runs of blanks).
 */
function dashedValue(text: string): ClosingValue | null {
  // The last separator set off by blanks: not the dashes or slashes inside a date (`2026-12-04`, `12/5`).
  let dash = text.length - 1;
  while (dash > 0 && !(SEPARATORS.includes(text[dash]) && /\s/.test(text[dash - 1]) && /\s/.test(text[dash + 1] ?? ''))) dash--;
  if (dash <= 0) return null;
  let valueStart = dash + 1;
  while (valueStart < text.length && /\s/.test(text[valueStart])) valueStart++;
  let end = text.length;
  while (end > valueStart && /[\s.!]/.test(text[end - 1])) end--;
  if (end <= valueStart) return null;
  return { start: dash, end, valueStart, value: text.slice(valueStart, end) };
}

/**
 * The value of a closing group in brackets (`(Wed)`, `[by Mar 14]`), without a `by` before it: the
 * group is what a due date there cuts. Only a group after some words.
 */
function bracketedValue(text: string): ClosingValue | null {
  let end = text.length;
  while (end > 0 && /[\s.]/.test(text[end - 1])) end--;
  const close = text[end - 1];
  if (close !== ')' && close !== ']') return null;
  const open = text.lastIndexOf(close === ')' ? '(' : '[', end - 1);
  if (open <= 0 || !text.slice(0, open).trim()) return null;
  const inside = text.slice(open + 1, end - 1);
  const by = /^\s*(?:by\s+)?/iu.exec(inside)![0].length;
  const value = inside.slice(by).trim();
  if (!value || /[()[\]]/.test(value)) return null;
  return { start: open, end, valueStart: open + 1 + by, value };
}
