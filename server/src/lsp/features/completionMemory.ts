import { type CompletionUndo, type TextEdit, exactReopen, reopen, undoOfCompletion } from '../../core/edits';
import type { NotesModel } from '../../core/model';

/** How many documents' completions are remembered (the least recently completed are forgotten). */
const MAX_DOCUMENTS = 200;

/**
 * What each completion the server computed wrote, so that Reopen gives back the very same bytes
 * (a box written by completing goes, a box that was there is unticked, a status cell gets its old
 * words back). Recording a completion that is never applied is harmless: an undo is only used
 * while the entry holds exactly what that completion writes.
 */
export class CompletionMemory {
  private readonly byUri = new Map<string, Map<string, CompletionUndo>>();

  /** Notes the completion `edits` of `itemIds` (all of them computed on `model`). */
  remember(uri: string, model: NotesModel, itemIds: string[], edits: TextEdit[]): void {
    let items = this.byUri.get(uri);
    if (items) this.byUri.delete(uri); // re-inserted last: the most recent
    items ??= new Map();
    for (const itemId of itemIds) {
      const undo = undoOfCompletion(model, itemId, edits);
      for (const id of undo.keys()) items.set(id, undo);
    }
    this.byUri.set(uri, items);
    if (this.byUri.size > MAX_DOCUMENTS) this.byUri.delete(this.byUri.keys().next().value!);
  }

  /** The edits that reopen an item: the exact undo of its completion when it applies, else worked out from the text. */
  reopen(uri: string, model: NotesModel, itemId: string): TextEdit[] {
    const undo = this.byUri.get(uri)?.get(itemId);
    return (undo && exactReopen(model, itemId, undo)) ?? reopen(model, itemId);
  }
}
