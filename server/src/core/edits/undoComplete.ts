import type { EntryLayout, NotesModel, Span } from '../model';
import { type TextEdit, itemById, normalizeEdits, withTwins } from './textEdit';

/**
 * What completing an item wrote into each entry (the item and its twins), relative to the start of
 * the entry, and what was there before: enough to reopen it to the very same bytes, whatever else
 * changed in the document meanwhile.
 */
export type CompletionUndo = Map<string, Array<{ at: number; written: string; original: string }>>;

/** What completing or reopening an entry may write in: its text, and the fields under it (a heading's, a list item's) when a Status field says how it stands. */
export function completionExtent(layout: EntryLayout): Span {
  return { start: layout.span.start, end: layout.statusIsField ? Math.max(layout.span.end, layout.after) : layout.span.end };
}

/** The undo of `edits`, which complete `itemId` in `model`. */
export function undoOfCompletion(model: NotesModel, itemId: string, edits: TextEdit[]): CompletionUndo {
  const undo: CompletionUndo = new Map();
  const item = itemById(model, itemId);
  if (!item) return undo;
  for (const entry of withTwins(model, item)) {
    if (!entry.layout) continue;
    const { start, end } = completionExtent(entry.layout);
    const own = normalizeEdits(edits.filter((e) => e.span.start >= start && e.span.end <= end));
    let shift = 0; // by this entry's own earlier edits; edits elsewhere move the entry as a whole
    const changes = own.map((e) => {
      const at = e.span.start + shift - start;
      shift += e.newText.length - (e.span.end - e.span.start);
      return { at, written: e.newText, original: model.text.slice(e.span.start, e.span.end) };
    });
    if (changes.length) undo.set(entry.id, changes);
  }
  return undo;
}

/**
 * The edits that reopen `itemId` to exactly what it was before completing, when every entry still
 * holds what completing wrote; null when anything differs (then reopening is worked out from the text).
 */
export function exactReopen(model: NotesModel, itemId: string, undo: CompletionUndo): TextEdit[] | null {
  const item = itemById(model, itemId);
  if (!item || item.status !== 'done') return null;
  // Only the entries completing changed (a twin that was already done stays done), and all of them.
  const entries = withTwins(model, item).filter((e) => undo.has(e.id));
  if (!entries.length || entries.length !== undo.size || entries.some((e) => !e.layout || e.status !== 'done')) return null;
  const edits: TextEdit[] = [];
  for (const entry of entries) {
    const anchor = entry.layout!.span.start;
    for (const change of undo.get(entry.id)!) {
      const start = anchor + change.at;
      if (model.text.slice(start, start + change.written.length) !== change.written) return null;
      edits.push({ span: { start, end: start + change.written.length }, newText: change.original });
    }
  }
  return normalizeEdits(edits);
}
