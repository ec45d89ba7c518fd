// Turning bits of markdown source into the words a reader sees.
import { Memo } from '../memo';

const plainTexts = new Memo<string>();

/**
 * Drops inline markup (`**`, `~~`, backticks, link targets) and collapses whitespace. Links and
 * emphasis are looked for over at most 1000 characters, so that a long line of unclosed markup
 * is read in linear time.
 */
export function plainText(source: string): string {
  return plainTexts.get(() => readPlainText(source), source);
}

/** What any of the replacements below needs: without it, and with plain single spaces, the text is already plain. */
const MARKUP = /[[*_~`\\]/;
const UNUSUAL_SPACE = /\s\s|[^\S ]|^\s|\s$/;

function readPlainText(source: string): string {
  if (!MARKUP.test(source) && !UNUSUAL_SPACE.test(source)) return source; // most lines of notes
  return withoutMarkup(source);
}

/** The replacements themselves (exported for the test that checks the shortcut above against them). */
export function withoutMarkup(source: string): string {
  return source
    .replace(/!?\[([^\]]{0,1000})\]\([^)]{0,1000}\)/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]{0,1000}?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// The same few names are compared in every file (attendees, speakers, owners): remembered in the
// index workers too, which remember nothing else (reading 10,000 files in one thread: 5.1–5.2 s, not 5.4–5.5).
const normalizedNames = new Memo<string>(true);

/** For comparing names: case, accents, invisible characters, `@` and `.`/`_`/`-` separators do not matter. */
export function normalizeName(name: string): string {
  return normalizedNames.get(() => readNormalizedName(name), name);
}

function readNormalizedName(name: string): string {
  return withoutAccents(name, /[\p{M}\p{Cf}]/gu)
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[._\-\s]+/g, ' ')
    .trim();
}

/**
 * The text decomposed (NFKD) without the characters `drop` matches (marks, …). ASCII text is its
 * own decomposition and holds no marks or format characters: it is returned as it is (the test
 * costs a quarter of decomposing and dropping, ~0.05 against ~0.2 µs for a name).
 */
export function withoutAccents(text: string, drop: RegExp): string {
  return ASCII.test(text) ? text : text.normalize('NFKD').replace(drop, '');
}

const ASCII = /^[\x00-\x7f]*$/;

/** Same length as the input, with line breaks turned into spaces, so offsets still map 1:1. */
export function flattenLines(source: string): string {
  if (source.indexOf('\n') === -1 && source.indexOf('\r') === -1) return source; // most statements: one line
  return source.replace(/[\r\n]/g, ' ');
}

/**
 * A flat copy of a string. V8 keeps a slice as a view into the string it was cut from: a statement's
 * text kept (in the model, or as the key of a remembered result) would keep the whole version of
 * the document it was cut from alive, one more at every keystroke.
 */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}

/** Upper-cases the first letter, for task labels taken from the middle of a sentence. */
export function capitalize(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Trims `text` and tells where the trimmed part starts within it. */
export function trimmed(text: string, base: number): { text: string; start: number; end: number } {
  const lead = text.length - text.trimStart().length;
  const value = text.trim();
  return { text: value, start: base + lead, end: base + lead + value.length };
}

/**
 * `text` without the characters matching `char` (a one-character pattern) at its end. Linear,
 * unlike `/[…]+$/`, which retries from every character of a long run that does not reach the end.
 */
export function trimEndChars(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without the characters matching `char` at its start. */
export function trimStartChars(text: string, char: RegExp): string {
  let start = 0;
  while (start < text.length && char.test(text[start])) start++;
  return text.slice(start);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Where `word` first stands in `text` with no letter or digit right before or after it, or -1.
 * What `(?<![\p{L}\p{N}])word(?![\p{L}\p{N}])` finds, without compiling a pattern per word (a
 * pattern with Unicode classes is costly to compile, and V8 lets compiled ones go at its collections).
 */
export function wholeWordIndex(text: string, word: string): number {
  if (!word) return -1;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isLetterOrDigit(codePointBefore(text, at)) && !isLetterOrDigit(text.codePointAt(at + word.length))) return at;
  }
  return -1;
}

function codePointBefore(text: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = text.charCodeAt(at - 1);
  const high = at > 1 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(at - 2) : low;
}

function isLetterOrDigit(codePoint: number | undefined): boolean {
  return codePoint !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
}
