import type { Span } from '../model';

// Spans moved by an edit's length: as a copy (what the previous version keeps must not change), or
// where they are (what only the newest version holds).

/** A copy of `span`, `d` characters further on. */
export const moveSpan = (span: Span, d: number): Span => ({ start: span.start + d, end: span.end + d });

/** Moves `span` itself `d` characters further on. */
export function shiftSpan(span: Span, d: number): void {
  span.start += d;
  span.end += d;
}
