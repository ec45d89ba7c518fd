import type { ActionItemsParams, ActionItemsResult, WorkspaceActionItem } from '../../../server/src/protocol';

/** Items per answer: a large workspace's listing comes in parts, so that the server answers other requests in between. */
const PART_ITEMS = 5000;

/**
 * The client's copy of the server's workspace listing, kept up to date with the changed files
 * only (`since`), so that a refresh after one edit does not carry every item of the workspace.
 */
export class ItemListingMirror {
  private byFile = new Map<string, WorkspaceActionItem[]>();
  private revision: string | undefined;
  /** The last answer's other fields (the date, the skipped files, whether indexing is complete). */
  private last: Omit<ActionItemsResult, 'items' | 'changedUris' | 'more'> = { today: '', skipped: [], complete: false };

  /** What to ask the server for. */
  params(): ActionItemsParams {
    return this.revision ? { since: this.revision, limit: PART_ITEMS } : { limit: PART_ITEMS };
  }

  /**
   * Takes in an answer (whole or changes). False for changes that came after a reset (asked for
   * before it): ask again. With `more` on the answer, the rest is still to be asked for.
   */
  apply(result: ActionItemsResult): boolean {
    if (result.changedUris && this.revision === undefined) return false;
    const byFile = result.changedUris ? this.byFile : new Map<string, WorkspaceActionItem[]>();
    for (const uri of result.changedUris ?? []) byFile.delete(uri);
    for (const item of result.items) {
      const items = byFile.get(item.uri);
      if (items) items.push(item);
      else byFile.set(item.uri, [item]);
    }
    this.byFile = byFile;
    this.revision = result.revision;
    const { items: _items, changedUris: _changes, more: _more, ...rest } = result;
    this.last = rest;
    return true;
  }

  /** The whole listing as last applied, files in URI order as the server sends them. */
  whole(): ActionItemsResult {
    const uris = [...this.byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { ...this.last, items: uris.flatMap((uri) => this.byFile.get(uri)!) };
  }

  /** Forgets the listing (the server restarted): the next answer is a whole one. */
  reset(): void {
    this.byFile = new Map();
    this.revision = undefined;
  }
}
