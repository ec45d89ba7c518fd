import type { NotesDigest } from '../core/digest';
import { Hash53 } from '../core/text/hash';
import type { Series, SeriesIndex } from '../core/series';
import type { ActionItemsResult } from '../protocol';
import { fileItems, itemSeries } from './features/items';
import type { WorkspaceFile } from './store';

/** What a file's items were listed from: while it is all the same, so are the items. */
interface ListedFile {
  digest: NotesDigest;
  version: number | null;
  /** The series the file has meetings in (series not rebuilt since are the same objects)… */
  series: Series[];
  /** …and a hash of what they say of its items, compared when they were rebuilt (most often for another file). */
  seriesFacts: number;
  /** The listing revision in which the file's items last changed. */
  changedAt: number;
}

/**
 * Where a client stands: it has every file's items as of revision `low`, and those of the files up
 * to `cursor` (in URI order) as of `high`, when an answer stopped part way (`more`). A whole listing
 * starts from low = -1: nothing.
 */
interface Position {
  low: number;
  high: number;
  cursor: string;
}

let listings = 0;

/** Files that left the listing are remembered this long, so that a client's old revision can still be answered. */
const REMOVED_LIMIT = 20_000;

type Listed = Pick<ActionItemsResult, 'items' | 'revision' | 'changedUris' | 'more'>;

/**
 * The workspace's action items as revisions, so that a client holding one gets only the files that
 * changed since, in parts of a bounded size. Ten thousand notes files hold some 40,000 items
 * (26 MB of JSON); the tree asks again after every change, and sending them all each time cost
 * the server half a second and ~60 MB for one keystroke or one indexed batch.
 */
export class ItemListing {
  /** Tells this listing's revisions from another's (a restarted server starts again at 0). */
  private readonly instance = `${process.pid.toString(36)}${Date.now().toString(36)}${(++listings).toString(36)}`;
  private revision = 0;
  private readonly listed = new Map<string, ListedFile>();
  private readonly removed = new Map<string, number>();
  /** Revisions before this cannot be answered with changes (removals were forgotten). */
  private horizon = 0;

  /**
   * The items of `files` (sorted by URI) a client needs: all of them, or with `since` (a revision
   * of this listing) those of the files changed since; with `limit`, about that many items at most.
   */
  list(files: readonly WorkspaceFile[], series: SeriesIndex, since?: string, limit = Infinity): Listed {
    // The same list and series as at the last update (the store's own list: no file changed): the
    // same revision. A listing's later parts came to ~5 ms each of comparing 10,000 files.
    if (files !== this.updatedFrom.files || series !== this.updatedFrom.series) this.update(files, series);
    this.updatedFrom = { files, series };
    const from = this.positionOf(since);
    const at = from ?? { low: -1, high: -1, cursor: '' };
    const sent: WorkspaceFile[] = [];
    let count = 0;
    let cursor = at.cursor;
    let more = false;
    for (const file of files) {
      const ahead = file.uri > at.cursor;
      if (this.listed.get(file.uri)!.changedAt <= (ahead ? at.low : at.high)) continue;
      if (ahead) {
        // Changes behind the cursor always go; the rest up to the limit, in whole files, and at
        // least one file a part, so that a listing gets to its end while a file keeps changing.
        if (cursor !== at.cursor && count + file.digest.items.length > limit) {
          more = true;
          break;
        }
        cursor = file.uri;
      }
      sent.push(file);
      count += file.digest.items.length;
    }
    const items = sent.flatMap((file) => fileItems(file, series));
    const revision = more ? `${this.instance}.${at.low}.${this.revision}.${cursor}` : `${this.instance}.${this.revision}`;
    if (!from) return { items, revision, ...(more ? { more } : {}) };
    const gone = [...this.removed].filter(([uri, removedAt]) => {
      const ahead = uri > at.cursor;
      return removedAt > (ahead ? at.low : at.high) && (!ahead || (at.low >= 0 && (!more || uri <= cursor)));
    });
    return { items, revision, changedUris: [...sent.map((f) => f.uri), ...gone.map(([uri]) => uri)], ...(more ? { more } : {}) };
  }

  /** The files and series of the last update. */
  private updatedFrom: { files: readonly WorkspaceFile[] | null; series: SeriesIndex | null } = { files: null, series: null };

  /** Records which files changed since the last listing (a new model or version, other series findings, gone). */
  private update(files: readonly WorkspaceFile[], index: SeriesIndex): void {
    const next = this.revision + 1;
    let changed = false;
    const present = new Set<string>();
    for (const file of files) {
      const { uri, digest, version } = file;
      present.add(uri);
      const series = index.seriesOf(uri);
      const known = this.listed.get(uri);
      if (known && known.digest === digest && known.version === version) {
        if (sameSeries(known.series, series)) continue;
        known.series = series;
        const facts = seriesFacts(file, index);
        if (facts === known.seriesFacts) continue;
        known.seriesFacts = facts;
        known.changedAt = next;
      } else {
        this.listed.set(uri, { digest, version, series, seriesFacts: seriesFacts(file, index), changedAt: next });
        this.removed.delete(uri);
      }
      changed = true;
    }
    for (const uri of this.listed.keys()) {
      if (present.has(uri)) continue;
      this.listed.delete(uri);
      this.removed.set(uri, next);
      changed = true;
    }
    if (!changed) return;
    this.revision = next;
    if (this.removed.size > REMOVED_LIMIT) {
      this.removed.clear();
      this.horizon = next;
    }
  }

  /** Where a client's `since` says it stands, or null when it must get the whole listing. */
  private positionOf(since: string | undefined): Position | null {
    const match = since ? /^([0-9a-z]+)\.(-1|\d+)(?:\.(\d+)\.(.+))?$/s.exec(since) : null;
    if (!match || match[1] !== this.instance) return null;
    const low = Number(match[2]);
    const high = match[3] === undefined ? low : Number(match[3]);
    const known = (revision: number) => revision >= this.horizon && revision <= this.revision;
    if (!known(high) || (low !== -1 && !known(low)) || low > high) return null;
    return { low, high, cursor: match[4] ?? '' };
  }
}

function sameSeries(a: Series[], b: Series[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** What the series say of a file's items, as a hash to compare (fed field by field: as JSON, ~6 MB for 10,000 files). */
function seriesFacts({ uri, digest }: WorkspaceFile, index: SeriesIndex): number {
  if (!index.seriesOf(uri).length) return 0;
  const hash = new Hash53();
  for (const item of digest.items) {
    const facts = itemSeries(index, uri, item.id);
    if (!facts) hash.add('');
    else {
      const { id, title, waited, carriedTo, dropped } = facts;
      hash.add(id).add(title).add(String(waited)).add(carriedTo ? `${carriedTo.uri} ${carriedTo.date} ${carriedTo.status}` : '-').add(dropped ? 'dropped' : '');
    }
  }
  return hash.value();
}
