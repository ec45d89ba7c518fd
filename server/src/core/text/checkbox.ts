/**
 * A box opening a plain line: `[ ]`/`[x]`, or a ballot box as rich-text editors copy their
 * checklists (`☐` open, `☑`/`☒` checked: Google Docs, Word), with the blanks after it.
 */
export const LINE_BOX = /^(?:\[[ xX]\]|[☐☑☒])[ \t]+/u;

/**
 * A bullet opening a plain line, as list items come out of rich-text editors and transcription
 * tools in plain text (`• Maya to send the deck`, `◦ …`, `▪ …`), with the blanks after it.
 */
export const LINE_BULLET = /^[•◦▪▫‣⁃●○∙][ \t]+/u;

/** Whether a plain line opens with a box or a bullet, as the lines of a list of work written without markdown do. */
export function opensListLine(text: string): boolean {
  return LINE_BOX.test(text) || LINE_BULLET.test(text);
}

/** Whether a box as written (`[x]`, `☑`…) is checked. */
export function boxIsChecked(box: string): boolean {
  return /^(?:\[[xX]\]|[☑☒])/u.test(box);
}
