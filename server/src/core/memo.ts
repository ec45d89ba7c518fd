// Results of the pure, costly steps of reading notes (an entry's parts, a statement's cues, a
// task's terms), remembered by their inputs. A long transcript that is edited is read again on
// every change; almost all of its statements are the same as before, so they are looked up, not
// recomputed. Results are stored as computed at offset 0 and shifted by the caller.

const LIMIT = 50_000;

/** When off (tests that compare against a plain computation), nothing is remembered. */
export const memoSettings = { enabled: true };

type Key = string | boolean | null;
type Level<V> = Map<Key, Level<V> | V>;

/**
 * Values by their inputs, as nested maps (one level per input) rather than one joined key: the
 * inputs are mostly the same string objects from one version of a document to the next, whose
 * hashes the engine keeps, while a joined key would be a new string to hash on every lookup.
 */
export class Memo<V> {
  private root: Level<V> = new Map();
  private size = 0;

  /** The value for these inputs (the last is usually the text), computing it the first time. */
  get(compute: () => V, ...keys: Key[]): V {
    if (!memoSettings.enabled) return compute();
    let level = this.root;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = level.get(keys[i]) as Level<V> | undefined;
      if (!next) level.set(keys[i], (next = new Map()));
      level = next;
    }
    const last = keys[keys.length - 1];
    const known = level.get(last); // values are never undefined: one lookup for a hit
    if (known !== undefined) return known as V;
    const value = compute();
    // Bounded: when full, start over (cheaper than LRU bookkeeping on every hit).
    if (++this.size > LIMIT) {
      this.root = new Map();
      this.size = 0;
      return value;
    }
    level.set(last, value);
    return value;
  }
}
