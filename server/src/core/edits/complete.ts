import { doneMarks, markerSaysDone, statusCellSaysDone, statusSaysDone } from '../extract/entry';
import type { ActionItem, NotesModel, Span } from '../model';
import { boxIsChecked } from '../text/checkbox';
import { lineStartBefore } from '../text/lineIndex';
import { flattenLines, plainText } from '../text/plain';
import { type CompleteOptions, type TextEdit, cellText, insert, itemById, normalizeEdits, remove, replace, withTwins } from './textEdit';

/**
 * Marks a summary entry complete, and its linked twin: `[x]` (the box inserted where there was
 * none) and `✅ YYYY-MM-DD`; a table's Status cell becomes `Done`. Nothing else on the line changes.
 */
export function markComplete(model: NotesModel, itemId: string, options: CompleteOptions): TextEdit[] {
  const item = itemById(model, itemId);
  if (!item) return [];
  return normalizeEdits(withTwins(model, item).flatMap((i) => completeOne(model, i, options)));
}

/** Marks several items complete in one edit (the "all overdue items" source action). */
export function markAllComplete(model: NotesModel, itemIds: string[], options: CompleteOptions): TextEdit[] {
  return normalizeEdits(itemIds.flatMap((id) => markComplete(model, id, options)));
}

/** Reopens a done entry and its twin: removes exactly what completing writes, and strike-through or a done status. */
export function reopen(model: NotesModel, itemId: string): TextEdit[] {
  const item = itemById(model, itemId);
  if (!item) return [];
  return keepLinesApart(model.text, normalizeEdits(withTwins(model, item).flatMap((i) => reopenOne(model, i))));
}

function completeOne(model: NotesModel, item: ActionItem, options: CompleteOptions): TextEdit[] {
  const layout = item.layout;
  if (!layout || item.status === 'done') return [];
  const doneMarker = ` ✅ ${options.today}`;
  // A Status cell, or a Status field under the entry (`- **Status:** open`, under a heading or a list item), says it.
  if (layout.statusText && statusIsValue(layout)) {
    const word = layout.table && SAYS_NO.test(plainText(model.text.slice(layout.statusText.start, layout.statusText.end))) ? 'Yes' : 'Done';
    const value = options.writeDoneDate ? `${word} ✅ ${options.today}` : word;
    const status = replace(layout.statusText, layout.table ? cellText(model.text, layout.statusText, value) : value);
    // A box beside it is made to say the same (`- [ ] Task` with `- Status: open` under it); reopening unchecks it.
    return layout.checkbox ? [boxEdit(model.text, layout.checkbox, true), status] : [status];
  }
  // A table row without its task cell has nowhere to take a box: writing one at the row's start would shift its cells.
  if (layout.table && (layout.table.columns.task === null || !layout.table.cells[layout.table.columns.task])) return [];
  // A plain line right above a table rule (`|---|---|`) with pipes in it: a box or a date could give
  // it as many cells as the rule, and the two lines would become a table.
  if (layout.shape === 'line' && model.text.slice(layout.span.start, layout.span.end).includes('|') && aboveTableRule(model, layout.span.end)) return [];
  const edits: TextEdit[] = [];
  // `TODO fix…` → `DONE fix…`, as the outliner writes it: no date, which would end up on a
  // `DEADLINE:` line under the task, where the outliner no longer reads it.
  if (layout.statusIsMarker && layout.statusText) return [replace(layout.statusText, 'DONE')];
  if (layout.checkbox) edits.push(boxEdit(model.text, layout.checkbox, true));
  else edits.push(insert(layout.boxAt, '[x] '));
  if (options.writeDoneDate && !layout.doneMarker && !endsWithPipe(model.text, layout.doneAt)) edits.push(insert(layout.doneAt, doneMarker));
  return edits;
}

/** A table's `Done?` column says `No` and `Yes`: completing and reopening keep to its words. */
const SAYS_NO = /^\s*(?:no|n)\s*$/iu;
const SAYS_YES = /^\s*(?:yes|y)(?![\p{L}])/iu;

/**
 * Whether the entry's status is a value of its own (a table's Status cell, a Status field under the
 * entry): completing and reopening rewrite it. A row short of its Status cell has none: its status
 * was read from its words (`TODO: …`), which are not to be written over.
 */
function statusIsValue(layout: NonNullable<ActionItem['layout']>): boolean {
  const table = layout.table;
  if (table) return table.columns.status != null && table.cells[table.columns.status] !== undefined;
  return layout.statusIsField === true;
}

function reopenOne(model: NotesModel, item: ActionItem): TextEdit[] {
  const layout = item.layout;
  if (!layout || item.status === 'open') return [];
  const { text } = model;
  const edits: TextEdit[] = [];
  // A status that says open (`- TODO`, `Blocked`) stays: a done mark made the entry done. A table's
  // Status cell, or a Status field under the entry, is read as the reader reads it (`✅` alone says done there).
  const statusValue = statusIsValue(layout);
  const status = layout.statusText && text.slice(layout.statusText.start, layout.statusText.end);
  const doneStatus = status && (statusValue ? statusCellSaysDone(plainText(status)) : statusSaysDone(status)) ? layout.statusText : null;
  if (statusValue && doneStatus) {
    const word = layout.table && SAYS_YES.test(plainText(status ?? '')) ? 'No' : 'Open';
    edits.push(replace(doneStatus, layout.table ? cellText(text, doneStatus, word) : word));
  } else if (layout.statusIsMarker && layout.statusText) {
    if (markerSaysDone(status ?? '')) edits.push(replace(layout.statusText, 'TODO'));
  } else if (doneStatus) {
    edits.push(removeWithinLines(text, doneStatus)); // `- Done`, `(done)`: the words that made it done
  }
  if (layout.checkbox && boxIsChecked(text.slice(layout.checkbox.start, layout.checkbox.end))) {
    // A box we inserted (plain list, with our done date) goes; a task list keeps its `[ ]`, and so
    // does a task-list item outside any section (the box is what makes it an item), and a ballot box.
    const inserted = !layout.boxMakesEntry && text[layout.checkbox.start] === '[' && (layout.shape === 'table' || (!layout.inTaskList && layout.doneMarker !== null));
    edits.push(inserted ? remove(layout.checkbox) : boxEdit(text, layout.checkbox, false));
  }
  if (layout.doneMarker) {
    // Every done mark of the entry: one left behind would keep it done.
    let marks = layout.shape === 'table' ? [layout.doneMarker] : doneMarks(flattenLines(text.slice(layout.span.start, layout.span.end)), text.slice(layout.span.start, layout.span.end)).map((m) => ({ start: layout.span.start + m.start, end: layout.span.start + m.end }));
    // The reading's mark where none was found in the text as written (a mark found there covers it:
    // the reading's may take blanked inline HTML before it for blanks, `<b></b> ✅`).
    const marker = layout.doneMarker;
    if (!marks.some((m) => m.start < marker.end && marker.start < m.end)) marks.push(marker);
    // A checked ballot box (`☑`) is a done mark too, but it is the box, unchecked above.
    const box = layout.checkbox;
    if (box) marks = marks.filter((m) => m.end <= box.start || m.start >= box.end);
    for (const mark of marks) edits.push(...removeMark(text, mark));
  }
  if (layout.strike) edits.push(remove(layout.strike[0]), remove(layout.strike[1]));
  return normalizeEdits(edits).filter((e, i, all) => i === 0 || all[i - 1].span.end <= e.span.start);
}

/**
 * The edit that checks or unchecks an entry's box (its span may include the blanks after it): the
 * mark inside `[ ]`, or the ballot box itself (`☐` ↔ `☑`).
 */
function boxEdit(text: string, box: Span, checked: boolean): TextEdit {
  if (text[box.start] === '[') return replace({ start: box.start + 1, end: box.start + 2 }, checked ? 'x' : ' ');
  return replace({ start: box.start, end: box.start + 1 }, checked ? '☑' : '☐');
}

const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Whether the line after the one that `at` is on is a table's delimiter row. */
function aboveTableRule(model: NotesModel, at: number): boolean {
  const next = model.lines.positionAt(at).line + 1;
  return next < model.lines.lineCount && TABLE_RULE.test(model.text.slice(model.lines.lineStart(next), model.lines.lineEnd(next)));
}

/**
 * Whether the text before `at` on its line ends with `|`: a mark written after it would add a
 * table cell, and lines with as many cells as a delimiter row below them become a table.
 */
function endsWithPipe(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '|';
}

/** Removes a span, but never a line break at its edges: reopening must not join two lines. */
function removeWithinLines(text: string, span: Span): TextEdit {
  let { start, end } = span;
  start = Math.max(start, lineStartBefore(text, end));
  return remove({ start, end: Math.max(start, end) });
}

/**
 * Removes a done mark (its span has the blanks around it, which may run over a line break): on each
 * line it is on, its characters and the blanks beside them there, keeping one blank between the
 * words it stood between (`keys ✅ - TODO` → `keys - TODO`), and never a line break.
 */
function removeMark(text: string, span: Span): TextEdit[] {
  const edits: TextEdit[] = [];
  let at = span.start;
  while (at < span.end) {
    let lineEnd = at;
    while (lineEnd < span.end && !isBreak(text[lineEnd])) lineEnd++;
    let start = at;
    let end = lineEnd;
    while (start < end && isBlank(text[start])) start++;
    while (end > start && isBlank(text[end - 1])) end--;
    if (start < end) {
      const before = start > at; // blanks before it on this line, within the mark
      const textFollows = lineEnd < text.length && !isBreak(text[lineEnd]) && lineEnd === span.end;
      edits.push(remove({ start: before ? at : start, end: before && textFollows ? end : lineEnd }));
    }
    at = lineEnd;
    while (at < span.end && isBreak(text[at])) at++;
  }
  return edits;
}

const isBreak = (char: string | undefined) => char === '\n' || char === '\r';
const isBlank = (char: string | undefined) => char !== undefined && !isBreak(char) && /\s/.test(char);

/**
 * Removals (sorted, apart) that would empty a line between a lone `\r` and a `\n` leave a space
 * there instead: emptied, the two breaks would read as one `\r\n`, and the lines after it would move up.
 */
function keepLinesApart(text: string, edits: TextEdit[]): TextEdit[] {
  return edits.map((edit, i) => {
    if (edit.newText !== '' || text[edit.span.end] !== '\n') return edit;
    let from = edit.span.start;
    for (let j = i - 1; j >= 0 && edits[j].span.end === from && edits[j].newText === ''; j--) from = edits[j].span.start;
    const emptied = from < edit.span.end && from > 0 && text[from - 1] === '\r';
    return emptied ? replace(edit.span, ' ') : edit;
  });
}
