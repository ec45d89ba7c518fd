import { dueFromValue } from '../dates/findDue';
import type { HeadingStyle } from '../model';
import type { TextLine } from '../parse/blocks';
import { type EntryContext, statusCellSaysDone } from './entry';
import type { EntryDraft } from './walk';

// An entry written as a heading with its fields on the lines under it, as wiki-style notes write
// action items:
//
//   ### Migrate the release pipeline
//   - **Owner:** Maya
//   - **Due:** Nov 19
//
// or `Owner: Leo · Due: Friday · Status: open` on one line. Only lines made of fields are fields.

const NAMES = String.raw`owner|assignee|assigned\s+to|dri|due(?:\s+date)?|deadline|eta|target\s+date|status`;
const COLON = String.raw`\s*(?::(?:\*\*|__)?|(?:\*\*|__)\s*:)[ \t]*`;
/** A field's label, the name captured. */
const LABEL = String.raw`(?:\*\*|__)?(${NAMES})${COLON}`;
/** A field's label opening a line. */
const FIRST = new RegExp(`^${LABEL}(?=\\S)`, 'iu');
/** A field's label after a separator (`·`, `|`, `;`, `•`, or a comma) on the same line. */
// (`(?<![ \t])`: the same leftmost match, without retrying from every blank of a long run of them.)
const NEXT = new RegExp(String.raw`(?<![ \t])[ \t]*(?:[·•|;]|,(?=[ \t]*(?:\*\*|__)?(?:${NAMES})${COLON}))[ \t]*${LABEL}(?=\S)`, 'giu');

export interface Field {
  label: string;
  /** The value, within the line's text. */
  start: number;
  end: number;
}

/** The fields a line is made of, or null when it is not only fields (`Owner: Leo · Due: Friday`). */
export function fieldsOfLine(text: string): Field[] | null {
  const first = FIRST.exec(text);
  if (!first) return null;
  const fields: Field[] = [];
  let label = first[1];
  let start = first[0].length;
  NEXT.lastIndex = start;
  for (let next = NEXT.exec(text); next; next = NEXT.exec(text)) {
    fields.push({ label, start, end: next.index });
    label = next[1];
    start = next.index + next[0].length;
  }
  fields.push({ label, start, end: text.trimEnd().length });
  return fields;
}

/** Gives a heading's entry the owner, due date and status of a line of fields under it. */
export function readFieldLine(entry: EntryDraft, line: TextLine, fields: Field[], ctx: EntryContext): void {
  for (const field of fields) {
    const label = field.label.toLowerCase();
    const raw = line.text.slice(field.start, field.end);
    const value = raw.trim().replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
    if (!value) continue;
    const valueStart = line.start + field.start + raw.indexOf(value);
    if (label === 'status') {
      if (entry.layout.statusText) continue;
      entry.layout.statusText = { start: valueStart, end: valueStart + value.length };
      entry.layout.statusIsField = true;
      if (statusCellSaysDone(value)) entry.parsed.done = true;
      const doneOn = /✅\s*(\d{4}-\d{2}-\d{2})/u.exec(value);
      if (doneOn) entry.parsed.doneDate = doneOn[1];
    } else if (/^(?:due|deadline|eta|target)/.test(label)) {
      if (!entry.parsed.due && ctx.withOwner) entry.parsed.due = dueFromValue(line.text, field.start, field.end, line.start, ctx.meetingDate);
    } else if (!entry.parsed.owner && ctx.withOwner && /^@?[\p{L}][\p{L}\p{M}'’.\-]*(?:\s+[\p{L}][\p{L}\p{M}'’.\-]*){0,3}$/u.test(value)) {
      // One person, as a name or a handle (`Raj`, `@lena`, `Raj Patel`), not a sentence.
      entry.parsed.owner = { written: value, span: { start: valueStart, end: valueStart + value.length } };
    }
  }
}

const HEADING_PREFIX = /^ {0,3}#{1,6}[ \t]+$/;
const FIELD_LINE = new RegExp(String.raw`^([ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\*\*|__)?)(${NAMES})(\s*(?::(?:\*\*|__)?|(?:\*\*|__)\s*:)[ \t]*)`, 'iu');
const SEPARATOR = /(?<![ \t])[ \t]*(?:[·•|;]|,)[ \t]*(?=\S)/u;

/** How an entry read from a heading (`span` its words, its fields up to `after`) is written, so that a new one is written alike; null for any other entry. */
export function headingStyleOf(span: { start: number; end: number }, after: number, text: string): HeadingStyle | null {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const prefix = text.slice(lineStart, span.start);
  if (!HEADING_PREFIX.test(prefix)) return null;
  const lines = text.slice(span.end, after).split(/\r\n|\r|\n/).filter((line) => /\S/.test(line));
  const first = lines[0] && FIELD_LINE.exec(lines[0]);
  if (!first) return null;
  const fields = lines.flatMap((line) => fieldsOfLine(line.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, '')) ?? []);
  const second = fieldsOfLine(lines[0].slice(first[1].length));
  const separator = second && second.length > 1 ? SEPARATOR.exec(lines[0].slice(second[0].end))?.[0] ?? ' · ' : null;
  return {
    prefix: prefix.replace(/^ +/, ''),
    fieldStart: first[1].replace(/\d{1,9}([.)])/, '1$1'),
    fieldEnd: first[3].replace(/\s*$/, ' '),
    separator,
    capital: /^\p{Lu}/u.test(first[2]),
    status: fields.some((f) => f.label.toLowerCase() === 'status'),
  };
}

/** A new entry written as a heading with its fields, as `style` writes them (a status when it has neither owner nor date: a heading alone is no entry). */
export function headingEntryText(style: HeadingStyle, owner: string | null, task: string, due: string | null, eol: string): string {
  const label = (name: string) => (style.capital ? name : name.toLowerCase());
  const fields: string[] = [];
  if (owner) fields.push(`${label('Owner')}${style.fieldEnd}${owner}`);
  if (due) fields.push(`${label('Due')}${style.fieldEnd}${due}`);
  if (style.status || !fields.length) fields.push(`${label('Status')}${style.fieldEnd}Open`);
  const body = style.separator !== null ? style.fieldStart + fields.join(style.separator) : fields.map((f) => style.fieldStart + f).join(eol);
  return `${style.prefix}${task}${eol}${body}`;
}

/** A field added to an entry written as a heading (`span` its words, its fields up to `after`), as its fields are written; null for any other entry. */
export function newField(text: string, span: { start: number; end: number }, after: number, name: 'Owner' | 'Due', value: string, eol: string): { at: number; text: string } | null {
  const style = headingStyleOf(span, after, text);
  if (!style) return null;
  const label = style.capital ? name : name.toLowerCase();
  return { at: after, text: style.separator !== null ? `${style.separator}${label}${style.fieldEnd}${value}` : `${eol}${style.fieldStart}${label}${style.fieldEnd}${value}` };
}
