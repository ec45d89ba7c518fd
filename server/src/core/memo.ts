// Results of the pure, costly steps of reading notes (an entry's parts, a statement's cues, a
// task's terms), remembered by their inputs. A long transcript that is edited is read again on
// every change; almost all of its statements are the same as before, so they are looked up, not
// recomputed. Results are stored as computed at offset 0 and shifted by the caller.

const LIMIT = 50_000;

/** When off (tests that compare against a plain computation), nothing is remembered. */
export const memoSettings = { enabled: true };

/**
 * Values by a text, within a context (the attendees and meeting date, or the empty string): two
 * map levels rather than one joined key, because the texts are mostly the same string objects
 * from one version of a document to the next, whose hashes the engine keeps, while a joined key
 * would be a new string to hash on every lookup.
 */
export class Memo<V> {
  private scopes = new Map<string | null, Map<string, V>>();
  private size = 0;

  /** `always`: remembered even where `memoSettings` is off (a cheap value asked for again in every file). */
  constructor(private readonly always = false) {}

  /** The value for `text` (in `scope`), computed the first time. */
  get(compute: () => V, text: string, scope: string | null = ''): V {
    if (!memoSettings.enabled && !this.always) return compute();
    let values = this.scopes.get(scope);
    if (!values) this.scopes.set(scope, (values = new Map()));
    const known = values.get(text); // values are never undefined: one lookup for a hit
    if (known !== undefined) return known;
    const value = compute();
    // Bounded: when full, start over (cheaper than LRU bookkeeping on every hit).
    if (++this.size > LIMIT) {
      this.scopes = new Map();
      this.size = 0;
      return value;
    }
    values.set(text, value);
    return value;
  }
}
