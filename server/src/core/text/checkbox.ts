/**
 * A box opening a plain line: `[ ]`/`[x]`, or a ballot box as rich-text editors copy their
 * checklists (`☐` open, `☑`/`☒` checked: Google Docs, Word), with the blanks after it.
 */
export const LINE_BOX = /^(?:\[[ xX]\]|[☐☑☒])[ \t]+/u;

/** Whether a box as written (`[x]`, `☑`…) is checked. */
export function boxIsChecked(box: string): boolean {
  return /^(?:\[[xX]\]|[☑☒])/u.test(box);
}
