import { Memo } from '../memo';
import type { SectionKind } from '../model';
import type { Unit } from '../parse/blocks';
import { opensListLine } from '../text/checkbox';
import { plainText } from '../text/plain';
import { parseInvitedLine } from './people';

export type HeaderKind = SectionKind | 'attendees';

const HEADER_NAMES: Array<[HeaderKind, RegExp]> = [
  ['decisions', /^(?:(?:key|final|main|major|technical|product|new|other)\s+)?decisions?(?:\s+(?:made|taken|reached|log|record))?$|^decided$|^what\s+we\s+decided$/],
  ['commitments', /^(?:(?:key|new|open)\s+)?commitments?(?:\s+made)?$/],
  [
    'actions',
    /\baction\s+(?:items?|points?)\b|^(?:(?:new|open|our|suggested|proposed|agreed)\s+)?(?:actions?|next\s+steps?|to\s*-?\s*dos?|todos?|follow[\s-]*ups?|tasks?|action\s*items?|ais|assignments|owners\s+and\s+tasks|tasks\s+and\s+owners|who\s+does\s+what|(?:follow[\s-]*up|next)\s+(?:tasks?|items?|actions?)|to\s*-?\s*do\s+list)$/,
  ],
  ['attendees', /^(?:attendees|attendance|participants|present|people|who\s+was\s+there|in\s+attendance)$/],
];

/** What a person's own list of work is called: `Maya's items`, `Tasks for Leo`. */
const WORK_LIST = String.raw`(?:action\s+items?|items|tasks|to\s*-?\s*dos?|todos?|actions|follow[\s-]*ups?|next\s+steps)`;
const PERSON = String.raw`@?[\p{L}][\p{L}\p{M}.'’-]*?(?:\s+[\p{L}][\p{L}\p{M}.'’-]*?){0,2}`;
/** `Maya's items`, `Leo’s action items`, `Action items for Maya`, `Tasks (Leo)`, `To-dos: Sam Okoro`: whose they are. */
const OWNED_LIST = [
  new RegExp(String.raw`^(${PERSON})['’]s?\s+(?:open\s+|new\s+)?${WORK_LIST}$`, 'iu'),
  new RegExp(String.raw`^(?:open\s+|new\s+)?${WORK_LIST}\s*(?:for\s+|[-–—:]\s*|\(\s*)(${PERSON})\s*\)?$`, 'iu'),
];

/**
 * The person a section's heading says its work is for (`## Maya's items`), as written, or null.
 * Its entries that name no owner are that person's.
 */
export function listOwner(text: string): string | null {
  if (!WORK_WORD.test(text)) return null; // most headings name no list of work
  return listOwners.get(() => readListOwner(text), text);
}

const listOwners = new Memo<string | null>();
const WORK_WORD = /item|task|to\s*-?\s*do|action|follow|next\s+step/i;

function readListOwner(text: string): string | null {
  const words = plainText(text).replace(/^[\p{N}.)\s]+(?=\p{L})/u, '').replace(/\s*:\s*$/, '').trim();
  if (words.length > 80) return null;
  for (const pattern of OWNED_LIST) {
    const m = pattern.exec(words);
    // `team's items`: a person's name starts with a capital (a handle, with `@`); the reader checks it names one.
    if (m && /^@|^\p{Lu}/u.test(m[1])) return m[1];
  }
  return null;
}

/** Lowercase words of a header, without markup, numbering, emoji or trailing punctuation. */
function headerWords(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/^[\p{N}.)\s]+(?=\p{L})/u, '')
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}'\s/-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The kind of section a heading text names, if any: `Action Items`, `Key decisions`, `Next steps`. */
export function headerKind(text: string): HeaderKind | null {
  const words = headerWords(text);
  if (!words || words.length > 60) return null;
  for (const [kind, pattern] of HEADER_NAMES) if (pattern.test(words)) return kind;
  return listOwner(text) ? 'actions' : null;
}

/**
 * A line that starts a section on its own: `ACTION ITEMS:`, `**Next steps:**`, `**Decisions**`.
 * Returns null for lines with content after the colon (`Decision: we ship`).
 */
export function headerLineKind(line: string): HeaderKind | null {
  return headerLines.get(() => readHeaderLine(line), line);
}

const headerLines = new Memo<HeaderKind | null>();

function readHeaderLine(line: string): HeaderKind | null {
  const text = line.trim();
  const colon = /^(?:\*\*|__)?([^:*_]{2,60}?)(?:\s*:\s*(?:\*\*|__)?|(?:\*\*|__)\s*:)$/.exec(text);
  const bold = /^(?:\*\*|__)([^*_:]{2,60}?)(?:\*\*|__)$/.exec(text);
  const name = colon?.[1] ?? bold?.[1];
  return name ? headerKind(name) : null;
}

/** The title of another part of the notes on a line of its own (`Transcript`, `Summary`, `Keywords`, as Otter exports them). */
const PART_TITLE = /^(?:\*\*|__)?(?:transcript|summary|overview|outline|keywords|(?:meeting\s+)?notes|discussion|agenda|highlights|key\s+points|details|chapters|questions)(?:\*\*|__)?\s*:?$/i;

/** Whether a line only names another part of the notes: it ends a section written as plain lines. */
export function isPartTitle(line: string): boolean {
  return PART_TITLE.test(line.trim());
}

const metadataLines = new Memo<boolean>();

/** An `Attendees:`, `Invited …` or `Date:` line (metadata, not speech), remembered per line text. */
export function isMetadataLine(line: string): boolean {
  return metadataLines.get(() => attendeeLine(line) !== null || dateLine(line) !== null || parseInvitedLine(line, 0) !== null, line);
}

/**
 * A section name alone on a line with no colon (`Next steps`, `ACTION ITEMS`), which starts a
 * section only when a list or table follows it directly: the caller checks that.
 */
export function bareHeaderLineKind(line: string): HeaderKind | null {
  const header = headerLineKind(line);
  if (header) return header;
  const text = line.trim();
  return text && text.length <= 40 && !/[.?!,;:]$/.test(text) ? headerKind(text) : null;
}

/** Whether a one-line paragraph is directly followed by a list, a table or lines opened by a box or a bullet, as a bare header line is. */
export function startsList(paragraph: Unit, next: Unit | undefined): boolean {
  if (paragraph.type !== 'paragraph' || paragraph.lines.length !== 1 || next?.block !== paragraph.block + 1) return false;
  return next.type === 'item' || next.type === 'table' || (next.type === 'paragraph' && opensListLine(next.lines[0]?.text ?? ''));
}

/** `Attendees: a, b` (also bold, or `Participants`, `Present`): where the list of names starts. */
export function attendeeLine(line: string): number | null {
  const m = /^(?:\*\*|__)?(?:attendees|participants|present|attendance|in\s+attendance)(?:\s*:\s*(?:\*\*|__)?|(?:\*\*|__)\s*:)\s*(?=\S)/i.exec(line);
  return m ? m[0].length : null;
}

/** `Date: January 29, 2024` (also bold, `When:`, `Meeting date:`, Notion's `Created:`): where the date starts. */
export function dateLine(line: string): number | null {
  const m = /^(?:\*\*|__)?(?:date|meeting\s+date|when|held\s+on|created(?:\s+(?:on|at|time))?)(?:\s*:\s*(?:\*\*|__)?|(?:\*\*|__)\s*:)\s*(?=\S)/i.exec(line);
  return m ? m[0].length : null;
}
