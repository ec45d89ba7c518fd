import type { ActionItemsParams, ActionItemsResult } from '../../../server/src/protocol';
import { ItemListingMirror } from './listing';

/** What a refresh needs from its surroundings (the language client, the tree, a clock). */
export interface RefreshHost {
  /**
   * Asks the server; null when it is not running (nothing to show until it is). A listing in parts
   * may come as partial results: each part but the last goes to `part` as it arrives, in order, and
   * the answer is the last (a host without them answers with the first part, and is asked again).
   */
  ask(params: ActionItemsParams, part: (answer: ActionItemsResult) => void): Promise<ActionItemsResult | null>;
  /** The whole listing, once all of its parts are in. */
  show(whole: ActionItemsResult): void;
  failed(error: Error): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** How long after a reported change the tree asks for it: changes reported meanwhile come with it. */
export const REFRESH_DELAY_MS = 100;

/**
 * Keeps the tree's copy of the server's listing up to date. A change is asked for at most
 * REFRESH_DELAY_MS after it is reported, even while changes keep coming (a workspace being indexed
 * reports one every few milliseconds: waiting for a pause showed nothing until the end); one
 * refresh runs at a time, and changes reported during one are asked for the same delay after it.
 * A change that completes the listing (the server's scan is over) is asked for at once: no burst
 * follows it, and the tree says it is still reading the workspace until it is in.
 */
export class ListingRefresher {
  private readonly listing = new ItemListingMirror();
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  /** Changes reported while a refresh ran, and whether one of them completed the listing. */
  private pending = false;
  private pendingComplete = false;

  constructor(private readonly host: RefreshHost) {}

  /** The server reported changed items; `complete`: the change that completes its listing. */
  changed(complete = false): void {
    if (this.running) {
      this.pending = true;
      this.pendingComplete ||= complete;
    } else if (complete) void this.run();
    else if (this.timer === null) this.timer = this.host.setTimer(() => void this.run(), REFRESH_DELAY_MS);
  }

  /** Asks now (at start, or the Refresh button); after one running, when it is. */
  refresh(): Promise<void> {
    if (this.running) {
      this.pending = true;
      return this.running;
    }
    return this.run();
  }

  /** Forgets the listing (the server restarted): the next answer is a whole one. */
  reset(): void {
    this.listing.reset();
  }

  /** Resolves once the refresh running (and any it left pending) is done. */
  async idle(): Promise<void> {
    while (this.running || this.timer !== null) {
      if (this.timer !== null) {
        this.host.clearTimer(this.timer);
        this.timer = null;
        await this.run();
      } else await this.running;
    }
  }

  private run(): Promise<void> {
    if (this.timer !== null) this.host.clearTimer(this.timer);
    this.timer = null;
    this.pending = false;
    this.pendingComplete = false;
    this.running = this.askAll().finally(() => {
      this.running = null;
      if (this.pending) {
        const complete = this.pendingComplete;
        this.pending = false;
        this.pendingComplete = false;
        this.changed(complete);
      }
    });
    return this.running;
  }

  /** Asks for every part of what changed; shows the whole listing once it is in. */
  private async askAll(): Promise<void> {
    try {
      for (;;) {
        let usable = true;
        const answer = await this.host.ask(this.listing.params(), (part) => {
          usable &&= this.listing.apply(part);
        });
        if (!answer) return;
        if (!usable || !this.listing.apply(answer)) {
          this.pending = true; // changes asked for before a reset: ask again
          return;
        }
        // A listing in parts is shown once all of it is in (the tree would shrink to its first part).
        if (answer.more) continue;
        this.host.show(this.listing.whole());
        return;
      }
    } catch (error) {
      this.host.failed(error as Error);
    }
  }
}
