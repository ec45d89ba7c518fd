import { localToday } from '../core/dates/calendar';

/**
 * The day overdue items are judged against. `MEETING_NOTES_TODAY` (or the `today`
 * initialization option) pins it, for tests and demos; otherwise it is the local date.
 */
export class Clock {
  private pinned: string | null;

  constructor(pinned?: unknown) {
    const value = typeof pinned === 'string' ? pinned : process.env.MEETING_NOTES_TODAY;
    this.pinned = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  }

  today(): string {
    return this.pinned ?? localToday();
  }

  /** Calls back when the date changes (at midnight, or after the machine wakes), so findings stay true. */
  onNewDay(callback: () => void): { dispose(): void } {
    let last = this.today();
    const timer = setInterval(() => {
      const now = this.today();
      if (now !== last) {
        last = now;
        callback();
      }
    }, 60_000);
    timer.unref();
    return { dispose: () => clearInterval(timer) };
  }
}
