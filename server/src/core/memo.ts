// Results of the pure, costly steps of reading notes (an entry's parts, a statement's cues, a
// task's terms), remembered by their input text. A long transcript that is edited is read again
// on every change; almost all of its statements are the same as before, so they are looked up,
// not recomputed. Results are stored as computed at offset 0 and shifted by the caller.

const LIMIT = 50_000;

/** When off (tests that compare against a plain computation), nothing is remembered. */
export const memoSettings = { enabled: true };

/**
 * Values by a context (meeting date, attendees: few distinct ones) and a text. Two levels, so the
 * texts, which are mostly the same string objects from one version to the next, are hashed once.
 */
export class Memo<V> {
  private scopes = new Map<string, Map<string, V>>();
  private size = 0;

  get(text: string, compute: () => V, scope = ''): V {
    if (!memoSettings.enabled) return compute();
    let values = this.scopes.get(scope);
    if (!values) {
      values = new Map();
      this.scopes.set(scope, values);
    }
    let value = values.get(text);
    if (value === undefined) {
      value = compute();
      // Bounded: when full, start over (cheaper than LRU bookkeeping on every hit).
      if (++this.size > LIMIT) {
        this.scopes = new Map([[scope, (values = new Map())]]);
        this.size = 1;
      }
      values.set(text, value);
    }
    return value;
  }
}
