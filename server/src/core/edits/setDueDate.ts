import { dueIsLabelled } from '../dates/findDue';
import { newField } from '../extract/fields';
import type { NotesModel } from '../model';
import { type TextEdit, cellText, eolOf, insert, itemById, replace } from './textEdit';

/**
 * Sets a summary entry's due date to an ISO date: the written date is replaced
 * (`Due: Tomorrow` → `Due: 2024-01-30`, `before production` → `by 2024-03-01`), or one is added in
 * the form the section uses (`- Due: …`, `by …`, the Due column).
 */
export function setDueDate(model: NotesModel, itemId: string, date: string): TextEdit[] {
  const item = itemById(model, itemId);
  const layout = item?.layout;
  if (!item || !layout) return [];
  if (item.due) {
    // `before production` → `by 2024-03-01`; a labelled `Due: Before production` → `Due: 2024-03-01`.
    const preposition = /^(?:before|until|till|no later than)\b/i.test(item.due.text) && !dueIsLabelled(model.text, item.due.span.start);
    return [replace(item.due.span, preposition ? `by ${date}` : date)];
  }
  if (layout.table) {
    const dueColumn = layout.table.columns.due;
    if (dueColumn != null && layout.table.cells[dueColumn]) {
      const cell = layout.table.cells[dueColumn];
      return [replace(cell, cellText(model.text, cell, date))];
    }
  }
  // An entry written as a heading gets a field under it, as its others are written.
  const field = newField(model.text, layout.span, layout.after, 'Due', date, eolOf(model.text));
  if (field) return [insert(field.at, field.text)];
  return [insert(layout.dueAt, layout.dueStyle === 'by' ? ` by ${date}` : ` - Due: ${date}`)];
}
