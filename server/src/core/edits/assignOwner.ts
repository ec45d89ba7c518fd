import { newField } from '../extract/fields';
import type { NotesModel } from '../model';
import { ownerPart, ownerTakesVerb, taskAfterVerb } from './ownerText';
import { type TextEdit, cellText, eolOf, insert, itemById, replace } from './textEdit';

/**
 * Makes `name` the owner of a summary entry: the written owner is replaced (an `@handle` stays a
 * handle), or one is written as the section's other entries write theirs (`Name: ` before the task
 * where they say nothing else; the Owner cell in a table).
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
  // An entry written as a heading gets a field under it, as its others are written.
  const field = newField(model.text, layout.span, layout.after, 'Owner', name, eolOf(model.text));
  if (field) return [insert(field.at, field.text)];
  const form = layout.ownerForm;
  if (form.place === 'end') return [insert(layout.dueAt, ownerPart(form, name))];
  if (ownerTakesVerb(form)) {
    // `Tom to patch…`: the task's first letter goes to lower case in the same edit.
    const first = model.text.slice(layout.ownerAt, layout.ownerAt + 1);
    const lowered = taskAfterVerb(model.text.slice(layout.ownerAt, layout.dueAt));
    // (An entry of no words, `[x] ` alone, has no letter to lower: the owner is only inserted.)
    if (lowered && lowered[0] !== first) return [replace({ start: layout.ownerAt, end: layout.ownerAt + 1 }, ownerPart(form, name) + lowered[0])];
  }
  return [insert(layout.ownerAt, ownerPart(form, name))];
}
