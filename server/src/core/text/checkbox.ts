import type { Span } from '../model';

/**
 * A box opening a plain line: `[ ]`/`[x]`, or a ballot box as rich-text editors copy their
 * checklists (`☐` open, `☑`/`☒` checked: Google Docs, Word), with the blanks after it.
 */
export const LINE_BOX = /^(?:\[[ xX]\]|[☐☑☒])[ \t]+/u;

/** Whether a box as written (`[x]`, `☑`…) is checked. */
export function boxIsChecked(box: string): boolean {
  return /^(?:\[[xX]\]|[☑☒])/u.test(box);
}

/**
 * The edit that checks or unchecks the box at `box` (its span may include the blanks after it):
 * the mark inside `[ ]`, or the ballot box itself (`☐` ↔ `☑`).
 */
export function boxStateEdit(text: string, box: Span, checked: boolean): { span: Span; text: string } {
  if (text[box.start] === '[') return { span: { start: box.start + 1, end: box.start + 2 }, text: checked ? 'x' : ' ' };
  return { span: { start: box.start, end: box.start + 1 }, text: checked ? '☑' : '☐' };
}
