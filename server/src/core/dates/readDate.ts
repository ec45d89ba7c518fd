import { Memo } from '../memo';
import { casualEnglish } from './chronoReader';
import {
  addDays,
  daysInMonth,
  endOfMonth,
  endOfQuarter,
  isoDate,
  nearestYear,
  nextDayOfMonth,
  nextMonthDayOnOrAfter,
  nextThanksgivingOnOrAfter,
  nextWeekdayOnOrAfter,
  parseIso,
  weekdayInWeekOf,
} from './calendar';

/** What a date expression at the start of a text means. */
export interface DateReading {
  /** ISO date, or null when the words name no day (vague) or there is no meeting date to count from. */
  date: string | null;
  vague: boolean;
  /** A date that cannot exist (`February 30`, `2025-13-01`). */
  invalid: boolean;
  /** How many characters of the text the expression takes. */
  length: number;
}

const END = String.raw`(?![\p{L}\p{N}])`;
const WEEKDAY_NAMES: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};
// Only abbreviations take a dot (`Fri.`), so that a sentence's full stop is never part of a date.
const WEEKDAY = String.raw`(sunday|monday|tuesday|wednesday|thursday|friday|saturday|(?:sun|mon|tues|tue|wed|thurs|thur|thu|fri|sat)\.?(?![\p{L}]))`;
const MONTH_NAMES: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![\p{L}]))`;

/** `Fri.` → `fri`: the key of a weekday or month name. */
const nameKey = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** The end of a working day, as teams write it (`EOD`, `COB`, British `EOP`, `close of play`), its words apart by `blank`. */
const dayEnd = (blank: string) => String.raw`eod|cob|eob|eop|end${blank}of${blank}(?:the${blank})?(?:day|business(?:${blank}day)?|play)|close${blank}of${blank}(?:business|play)`;
const DAY_END = dayEnd(String.raw`\s+`);

type Rule = { pattern: RegExp; resolve: (m: RegExpExecArray, meeting: string) => string | null };

const rule = (source: string, resolve: Rule['resolve']): Rule => ({ pattern: new RegExp(`^(?:${source})${END}`, 'iu'), resolve });

/** Phrases relative to the meeting day that chrono reads wrongly or not at all. */
const RELATIVE_RULES: Rule[] = [
  rule(String.raw`(?:the\s+)?day\s+after\s+tomorrow`, (_, d) => addDays(d, 2)),
  rule(String.raw`(?:(?:${DAY_END})\s+)?(?:tomorrow|tmrw|tmr)(?:\s+(?:morning|afternoon|evening|night|${DAY_END}))?`, (_, d) => addDays(d, 1)),
  // `EOD Friday`: the day's end on that day (before `EOD` alone is read as today's).
  rule(String.raw`(?:${DAY_END})\s+(?:on\s+)?${WEEKDAY}`, (m, d) =>
    nextWeekdayOnOrAfter(d, WEEKDAY_NAMES[nameKey(m[1])]),
  ),
  rule(String.raw`today|tonight|(?:the\s+)?(?:${DAY_END})`, (_, d) => d),
  // The middle of a week is its Wednesday (`mid next week`, `midweek`).
  rule(String.raw`mid[\s-]*next\s+week|(?:the\s+)?middle\s+of\s+next\s+week`, (_, d) => weekdayInWeekOf(addDays(d, 7), 3)),
  rule(String.raw`mid[\s-]*(?:this\s+)?week|(?:the\s+)?middle\s+of\s+(?:this\s+|the\s+)?week`, (_, d) => weekdayInWeekOf(d, 3)),
  rule(String.raw`late\s+next\s+week`, (_, d) => weekdayInWeekOf(addDays(d, 7), 5)),
  rule(String.raw`late\s+this\s+week`, (_, d) => weekdayInWeekOf(d, 5)),
  rule(String.raw`(?:the\s+)?end\s+of\s+next\s+week|next\s+week|(?:the\s+)?end\s+of\s+the\s+following\s+week`, (_, d) => weekdayInWeekOf(addDays(d, 7), 5)),
  rule(String.raw`early\s+next\s+week|(?:the\s+)?start\s+of\s+next\s+week|(?:the\s+)?beginning\s+of\s+next\s+week`, (_, d) => weekdayInWeekOf(addDays(d, 7), 1)),
  rule(String.raw`(?:the\s+)?end\s+of\s+(?:this\s+|the\s+)?week|eow|this\s+week|(?:the\s+)?week'?s\s+end`, (_, d) => weekdayInWeekOf(d, 5)),
  rule(String.raw`next\s+weekend`, (_, d) => addDays(nextWeekdayOnOrAfter(d, 0), 7)),
  rule(String.raw`(?:over\s+|during\s+)?(?:this\s+coming\s+|this\s+|the\s+|the\s+coming\s+)?weekend`, (_, d) => nextWeekdayOnOrAfter(d, 0)),
  rule(String.raw`(?:the\s+)?end\s+of\s+next\s+month|next\s+month`, (_, d) => endOfMonth(d, 1)),
  rule(String.raw`(?:the\s+)?end\s+of\s+(?:this\s+|the\s+)?month|eom|this\s+month`, (_, d) => endOfMonth(d)),
  rule(String.raw`(?:the\s+)?end\s+of\s+(?:this\s+|the\s+)?quarter|eoq|this\s+quarter`, (_, d) => endOfQuarter(d)),
  // `end of Q1`: that quarter's last day, in the year that puts it nearest the meeting (or the year written).
  rule(String.raw`(?:(?:the\s+)?end\s+of\s+q([1-4])|q([1-4])\s+end)(?:,?\s+(\d{4}))?`, (m, d) => {
    const month = Number(m[1] ?? m[2]) * 3;
    if (m[3]) return isoDate(Number(m[3]), month, daysInMonth(Number(m[3]), month));
    const year = Number(nearestYear(d, month, 28)!.slice(0, 4));
    return isoDate(year, month, daysInMonth(year, month));
  }),
  rule(String.raw`(?:the\s+)?end\s+of\s+(?:this\s+|the\s+)?year|eoy|this\s+year`, (_, d) => `${d.slice(0, 4)}-12-31`),
  rule(String.raw`next\s+${WEEKDAY}|${WEEKDAY}\s+(?:of\s+)?next\s+week`, (m, d) => weekdayInWeekOf(addDays(d, 7), WEEKDAY_NAMES[nameKey(m[1] ?? m[2])])),
  // Holidays teams plan around: the next one on or after the meeting (US Thanksgiving).
  rule(String.raw`(?:us\s+)?thanksgiving(?:\s+day)?`, (_, d) => nextThanksgivingOnOrAfter(d)),
  rule(String.raw`(?:christmas|xmas)\s+eve`, (_, d) => nextMonthDayOnOrAfter(d, 12, 24)),
  rule(String.raw`(?:christmas|xmas)(?:\s+day)?`, (_, d) => nextMonthDayOnOrAfter(d, 12, 25)),
  rule(String.raw`new\s+year'?s\s+eve|nye`, (_, d) => nextMonthDayOnOrAfter(d, 12, 31)),
  // (`the new year` is left out: `Plan for the new year` is no due date.)
  rule(String.raw`new\s+year'?s(?:\s+day)?`, (_, d) => nextMonthDayOnOrAfter(d, 1, 1)),
];

/** Tried after chrono, so that `Friday, February 2` or `March 4` is read as the date it names. */
const FALLBACK_RULES: Rule[] = [
  rule(String.raw`(?:(?:${DAY_END})\s+)?(?:(?:this|on|coming|this\s+coming)\s+)?${WEEKDAY}(?:\s+(?:${DAY_END}|cop|morning|afternoon|evening|night))?`, (m, d) =>
    nextWeekdayOnOrAfter(d, WEEKDAY_NAMES[nameKey(m[1])]),
  ),
  // `28.11.`: day and month as German-speaking teams write them, the year nearest the meeting (`28.11` alone may be a number).
  rule(String.raw`(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.`, (m, d) => nearestYear(d, Number(m[2]), Number(m[1]))!),
  // `the 15th` (chrono reads no month in it): that day this month, or next month once it is past.
  rule(String.raw`the\s+(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)`, (m, d) => nextDayOfMonth(d, Number(m[1]))),
  rule(String.raw`(?:(?:the\s+)?end\s+of\s+)?${MONTH}`, (m, d) => {
    const month = MONTH_NAMES[nameKey(m[1])];
    const year = Number(nearestYear(d, month, 1)!.slice(0, 4));
    return isoDate(year, month, daysInMonth(year, month));
  }),
];

/** Words that give a due date without naming a day. */
const VAGUE = new RegExp(
  String.raw`^(?:asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+possible|tbd|tbc|tba|to\s+be\s+(?:decided|determined|confirmed|defined)|soon|sooner|later|eventually|someday|some\s+day|sometime|at\s+some\s+point|ongoing|when\s+(?:possible|ready|we\s+can|there\s+is\s+time)|n/a|none|unknown|\?+|` +
    String.raw`(?:early|mid|late)[\s-]+${MONTH}|(?:the\s+)?(?:next|this|end\s+of\s+(?:the\s+)?)\s*(?:sprint|release|iteration|cycle|meeting|sync|standup|retro|quarter)|eos|q[1-4]|h[12])${END}`,
  'iu',
);

/** What may follow "before" or "until" without being a date: a milestone, so a vague due. */
const MILESTONE = new RegExp(
  String.raw`^(?:(?:we|they|it|you|i)\s+(?:go|goes|ship|ships|launch|launches|release|releases|deploy|deploys|move|moves|roll\s+out|cut\s+over|hand\s+off|start|begin)\s+(?:to\s+|it\s+to\s+)?)?(?:the\s+|our\s+)?` +
    String.raw`(?:production|prod|launch|release|go[\s-]live|ga|general\s+availability|demo|rollout|roll-out|deployment|deploy|cutover|migration|code\s+freeze|freeze|beta|offsite|kickoff|kick-off|holidays|planning|sprint\s+planning|review|handover|hand-off|launch\s+day|(?:release\s+)?train|next\s+(?:sprint|release|meeting|sync|standup|quarter|train|release\s+train|retro|demo)|end\s+of\s+(?:the\s+)?(?:sprint|quarter))${END}`,
  'iu',
);

const PREPOSITION = /^(?:by|before|until|till|til|due|eta|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before)\s+/iu;

/**
 * No date expression is longer than this (`no later than the end of the following week`), so the
 * readers only ever look at this much of a text: callers try many starting points in long lines,
 * and chrono would otherwise search the whole rest of the line from each of them.
 */
const DATE_WINDOW = 120;

/** The start of `text` that can hold a date expression, cut at a word boundary. */
function dateWindow(text: string): string {
  if (text.length <= DATE_WINDOW) return text;
  const head = text.slice(0, DATE_WINDOW);
  if (!/[\p{L}\p{N}]/u.test(text[DATE_WINDOW])) return head;
  const lastSpace = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'));
  return lastSpace > 0 ? head.slice(0, lastSpace) : head;
}

/**
 * Reads the date expression at the start of `text` (`Tomorrow`, `February 3rd for Phase 1`,
 * `before production`), counting relative words from the meeting date. Null when the text does
 * not start with a date or vague-date expression.
 */
export function readDate(whole: string, meetingDate: string | null): DateReading | null {
  const text = dateWindow(whole);
  const prefix = PREPOSITION.exec(text);
  if (prefix) {
    const rest = readDate(text.slice(prefix[0].length), meetingDate);
    if (rest) return { ...rest, length: prefix[0].length + rest.length };
    const milestone = MILESTONE.exec(text.slice(prefix[0].length));
    return milestone ? { date: null, vague: true, invalid: false, length: prefix[0].length + milestone[0].length } : null;
  }
  const modified = readLaterOrWithin(text, meetingDate) ?? readWeekOf(text, meetingDate);
  if (modified) return modified;
  const reading =
    readIso(text) ??
    readByRules(RELATIVE_RULES, text, meetingDate) ??
    readImpossible(text) ??
    readWithChrono(text, meetingDate) ??
    readByRules(FALLBACK_RULES, text, meetingDate) ??
    readVague(text);
  if (reading) return reading.vague ? reading : withTimeOfDay(text, reading);
  return readTimeThenDate(text, meetingDate);
}

/** A time of day after a date (`Friday 5pm`, `Mar 19th EOD`, `Monday at noon`): part of the due, not of the task. */
const TIME_AFTER = new RegExp(
  String.raw`^,?[ \t]*(?:(?:at|by|@)[ \t]+)?(?:\d{1,2}(?::\d{2})?[ \t]*[ap]\.?m\.?|\d{1,2}:\d{2}|noon|midnight|cop|${dayEnd('[ \\t]+')}|(?:in[ \t]+the[ \t]+)?(?:morning|afternoon|evening))(?![\p{L}\p{N}])`,
  'iu',
);
/** A time before a date (`3pm Friday`, `noon on Monday`, `end of day Friday`). */
const TIME_BEFORE = /^(?:\d{1,2}(?::\d{2})?[ \t]*[ap]\.?m\.?|noon|midnight|end[ \t]+of[ \t]+(?:the[ \t]+)?day)(?:[ \t]+on)?[ \t]+(?=\S)/iu;
/** A time zone after a time (`5pm PT`, `EOD CET`): in capitals, as `et` or `pt` may be words. */
const TIME_ZONE = /^[ \t]+(?:UTC|GMT|[PMCE][SD]?T|CES?T|IST|BST|AES?T)(?![\p{L}\p{N}])/u;
/** What a date or time read so far ends with when a time zone may follow it. */
const ENDS_WITH_TIME = /(?:\d|[ap]\.?m\.?|noon|midnight|eod|cob|eob|eop|cop|day|business|play)$/iu;

function withTimeOfDay(text: string, reading: DateReading): DateReading {
  let length = reading.length;
  const time = TIME_AFTER.exec(text.slice(length));
  if (time) length += time[0].length;
  if (ENDS_WITH_TIME.test(text.slice(0, length))) length += TIME_ZONE.exec(text.slice(length))?.[0].length ?? 0;
  return length === reading.length ? reading : { ...reading, length };
}

/** `w/c 24 Nov`, `the week of Feb 5` (the week commencing): that week's Friday, as `next week` is. */
const WEEK_OF = /^(?:w\/c|w\.c\.|week[ \t]+commencing|(?:the[ \t]+)?week[ \t]+of)[ \t]+(?=\S)/iu;

function readWeekOf(text: string, meetingDate: string | null): DateReading | null {
  const week = WEEK_OF.exec(text);
  const day = week && readDate(text.slice(week[0].length), meetingDate);
  if (!week || !day || day.vague || day.invalid) return null;
  return { ...day, date: day.date && weekdayInWeekOf(day.date, 5), length: week[0].length + day.length };
}

/** `later today`, `later this week`: the date itself. */
const LATER = /^later[ \t]+(?=\S)/iu;
/** `within two weeks`: as `in two weeks`. */
const WITHIN = /^within[ \t]+(?=\S)/iu;

/** `later today` (before `later` alone is read as vague), `within two weeks`. */
function readLaterOrWithin(text: string, meetingDate: string | null): DateReading | null {
  const first = text.charCodeAt(0) | 0x20; // lower case
  if (first !== 0x6c && first !== 0x77) return null; // `l`, `w`: most texts start otherwise, and this is tried at every word
  const later = LATER.exec(text);
  if (later) return dateAfter(later[0].length, text.slice(later[0].length), meetingDate);
  const within = WITHIN.exec(text);
  return within ? dateAfter(within[0].length - 3, `in ${text.slice(within[0].length)}`, meetingDate) : null;
}

function readTimeThenDate(text: string, meetingDate: string | null): DateReading | null {
  const time = TIME_BEFORE.exec(text);
  return time ? dateAfter(time[0].length, text.slice(time[0].length), meetingDate) : null;
}

/** The date `rest` names (not a vague one), read as `words` more characters long: the words before it are its own. */
function dateAfter(words: number, rest: string, meetingDate: string | null): DateReading | null {
  const reading = readDate(rest, meetingDate);
  return reading && !reading.vague ? { ...reading, length: words + reading.length } : null;
}

/** A due-field value (`Due: Before production`): the whole value is the due, a date or not. */
export function readDueValue(text: string, meetingDate: string | null): DateReading {
  // `Due: 28.11.` reaches here without its closing stop: labelled a due date, it is day and month.
  const dayMonth = /^\d{1,2}\.\d{1,2}$/.test(text) ? readDate(`${text}.`, meetingDate) : null;
  if (dayMonth?.date) return { ...dayMonth, length: text.length };
  const reading = readDate(text, meetingDate);
  if (reading && reading.length >= text.trimEnd().length - 1) return reading;
  if (reading?.date) return reading; // `Friday (pending review)`: the date, then a remark
  return { date: null, vague: true, invalid: reading?.invalid ?? false, length: text.trimEnd().length };
}

function readIso(text: string): DateReading | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(text);
  if (!m) return null;
  const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return { date, vague: date === null, invalid: date === null, length: m[0].length };
}

function readByRules(rules: Rule[], text: string, meetingDate: string | null): DateReading | null {
  for (const { pattern, resolve } of rules) {
    const m = pattern.exec(text);
    if (m) return { date: meetingDate ? resolve(m, meetingDate) : null, vague: false, invalid: false, length: m[0].length };
  }
  return null;
}

const MONTH_DAY = new RegExp(String.raw`^${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?${END}`, 'iu');
const HAS_MONTH = new RegExp(MONTH, 'iu');
const MONTH_ONLY = new RegExp(String.raw`^(?:(?:the\s+)?end\s+of\s+)?${MONTH}$`, 'iu');

/** `February 30`, `Feb 31st`: looks like a date, is none. chrono silently skips these. */
function readImpossible(text: string): DateReading | null {
  const m = MONTH_DAY.exec(text);
  if (!m) return null;
  const month = MONTH_NAMES[nameKey(m[1])];
  const day = Number(m[2]);
  const year = m[3] ? Number(m[3]) : 2024; // a leap year, so February 29 stays possible
  return day >= 1 && day <= daysInMonth(year, month) ? null : { date: null, vague: true, invalid: true, length: m[0].length };
}

/**
 * chrono is the slowest step of reading notes, and most texts handed to it start with no date.
 * Whether one does is a matter of the text alone (the reference day only changes which day a
 * date is), so those texts are remembered once for all; readings are remembered per reference day.
 */
const undated = new Set<string>();
const chronoReadings = new Map<string, DateReading>();
const CHRONO_MEMORY = 20_000;

/**
 * A run of blanks no date is written with: chrono reads `3rd March` followed by five blanks as
 * `March` and the blanks (from its 5th character), so the text it is given ends before one.
 */
const WIDE_BLANKS = /\s{4,}/;

function readWithChrono(whole: string, meetingDate: string | null): DateReading | null {
  const wide = WIDE_BLANKS.exec(whole);
  const text = wide ? whole.slice(0, wide.index) : whole;
  if (undated.has(text)) return null;
  const key = `${meetingDate}\u0000${text}`;
  const known = chronoReadings.get(key);
  if (known) return { ...known };
  const reading = readWithChronoNow(text, meetingDate);
  if (!reading) {
    if (undated.size >= CHRONO_MEMORY) undated.clear();
    undated.add(text);
  } else {
    if (chronoReadings.size >= CHRONO_MEMORY) chronoReadings.clear();
    chronoReadings.set(key, reading);
  }
  return reading && { ...reading };
}

/**
 * A two-digit number after a written date, which chrono takes for its year (`3 Mar 25`); kept as
 * the year only when it is that of the meeting or next to it.
 */
const SHORT_YEAR_AFTER_DATE = /(?<=[\p{L}\p{N}][.,]?)\s+'?\d{2}$/u;

function readWithChronoNow(text: string, meetingDate: string | null): DateReading | null {
  const reference = meetingDate ? parseIso(meetingDate)! : { year: 2000, month: 1, day: 1 };
  const [result] = casualEnglish.parse(text, new Date(reference.year, reference.month - 1, reference.day, 12));
  if (!result || result.index !== 0) return null;
  const start = result.start;
  // A time alone (`17:30`, `5pm`) or a bare weekday is never read here as a due date.
  if (!start.isCertain('day') || !start.isCertain('month')) return null;
  const month = start.get('month')!;
  const day = start.get('day')!;
  let date: string | null;
  if (start.isCertain('year')) {
    const yearWritten = /\d{4}/.test(result.text);
    const year = start.get('year')!;
    const shortYear = !yearWritten && SHORT_YEAR_AFTER_DATE.exec(result.text.trimEnd());
    if (shortYear && meetingDate && Math.abs(year - reference.year) > 1) {
      // `3rd March 10`, `March 3rd 10 people`: a number after the date, not its year (2010).
      return readWithChronoNow(text.slice(0, shortYear.index), meetingDate);
    }
    date = meetingDate || yearWritten ? isoDate(year, month, day) : null;
  } else {
    date = meetingDate ? nearestYear(meetingDate, month, day) : null;
  }
  // chrono's text may end with the blanks (a line break too) before a backtick: they are not the date's.
  return { date, vague: false, invalid: false, length: result.text.trimEnd().length };
}

function readVague(text: string): DateReading | null {
  const m = VAGUE.exec(text);
  return m ? { date: null, vague: true, invalid: false, length: m[0].length } : null;
}

const calendarDates = new Memo<DateReading | null>();

/** A calendar date written out (`January 29, 2024`, `2025-09-15`, `3 March 2025`), never a relative word. */
export function readCalendarDate(whole: string, reference: string | null): DateReading | null {
  const text = dateWindow(whole);
  if (!/\d/.test(text)) return null; // every calendar date has a day number; skips chrono for most text
  const reading = calendarDates.get(() => readCalendarDateNow(text, reference), text, reference);
  return reading && { ...reading };
}

function readCalendarDateNow(text: string, reference: string | null): DateReading | null {
  const iso = readIso(text);
  if (iso) return iso.date ? iso : null;
  const reading = readWithChrono(text, reference);
  if (!reading?.date) return null;
  const written = text.slice(0, reading.length);
  return HAS_MONTH.test(written) || /\d{1,4}[-/.]\d{1,2}/.test(written) ? reading : null;
}

/** `March`, `end of February`: a month without a day, which is only a due date when labelled as one. */
export function isMonthOnly(expression: string): boolean {
  return MONTH_ONLY.test(expression.trim());
}
