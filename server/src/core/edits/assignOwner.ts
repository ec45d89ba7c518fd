import type { NotesModel } from '../model';
import { type TextEdit, cellText, insert, itemById, replace } from './textEdit';

/**
 * Makes `name` the owner of a summary entry: the written owner is replaced (an `@handle` stays a
 * handle), or `Name: ` is written before the task (the Owner cell in a table).
 */
export function assignOwner(model: NotesModel, itemId: string, name: string): TextEdit[] {
  const item = itemById(model, itemId);
  const layout = item?.layout;
  if (!item || !layout || !name.trim()) return [];
  if (item.owner) {
    const handle = model.text.slice(item.owner.span.start, item.owner.span.end).startsWith('@');
    return [replace(item.owner.span, handle ? `@${name.split(/\s+/)[0]}` : name)];
  }
  if (layout.table) {
    const ownerColumn = layout.table.columns.owner;
    if (ownerColumn != null && layout.table.cells[ownerColumn]) {
      const cell = layout.table.cells[ownerColumn];
      return [replace(cell, cellText(model.text, cell, name))];
    }
  }
  return [insert(layout.ownerAt, `${name}: `)];
}
