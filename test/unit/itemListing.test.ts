import { strict as assert } from 'node:assert';
import { ItemListingMirror } from '../../client/src/logic/listing';
import { analyzeNotes } from '../../server/src/core/analyze';
import { buildSeries } from '../../server/src/core/series';
import { ItemListing } from '../../server/src/lsp/itemListing';
import { storedDigest, storedJson } from '../../server/src/index/stored';
import type { WorkspaceFile } from '../../server/src/lsp/store';
import type { ActionItemsResult } from '../../server/src/protocol';
import { random } from '../../bench/corpus';

// The listing by revisions and parts, against the plain whole listing, over random histories: a
// client that applies every answer always holds what a whole listing would give it.
describe('item listing by revisions', () => {
  const OWNERS = ['Priya', 'Jonas', 'Wei'];

  /** A weekly meeting (a series per folder) with a few entries. */
  function notesText(folder: number, week: number, entries: number, salt: number): string {
    const lines = [`# Platform weekly — 2025-10-${String(6 + 7 * week).padStart(2, '0')}`, 'Attendees: Priya Shah, Jonas Weber, Wei Zhang', '', '## Action items', ''];
    for (let i = 0; i < entries; i++) lines.push(`- [${(i + salt) % 3 ? ' ' : 'x'}] ${OWNERS[(i + salt) % 3]}: task ${(i * 7 + salt) % 5} of folder ${folder} - Due: 2025-11-0${1 + (i % 9)}`);
    return lines.join('\n');
  }

  it('gives a client that applies every answer (whole, changes, parts) what a whole listing gives', () => {
    const next = random(7);
    const pick = (n: number) => Math.floor(next() * n);
    const files = new Map<string, WorkspaceFile>();
    // Open documents come with their models, the others as the index keeps them: their digests.
    const setFile = (uri: string) => {
      const [folder, week] = uri.match(/\d+/g)!.map(Number);
      const model = analyzeNotes(notesText(folder, week, pick(6), pick(100)), { fileName: uri });
      const open = next() < 0.3;
      files.set(uri, { uri, version: open ? pick(50) : null, digest: open ? model : storedDigest(storedJson(model)) });
    };
    const uriOf = (folder: number, week: number) => `file:///notes/f${folder}/w${week}.md`;
    for (let folder = 0; folder < 4; folder++) for (let week = 0; week < 3; week++) setFile(uriOf(folder, week));

    const listing = new ItemListing();
    const sorted = () => [...files.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const index = () => buildSeries(sorted().map((f) => ({ file: f.uri, model: f.digest })));
    const mirror = new ItemListingMirror();
    let since: string | undefined;
    let checked = 0;
    // As the server asks: the store's same list and the same series until a file changes.
    let now = sorted();
    let nowIndex = index();
    for (let step = 0; step < 1500; step++) {
      const roll = next();
      if (roll < 0.25) setFile(uriOf(pick(5), pick(4))); // a change, or a new file
      else if (roll < 0.35 && files.size > 1) files.delete([...files.keys()][pick(files.size)]);
      else if (roll < 0.4) {
        nowIndex = index(); // the series worked out again, the files as they were (a scan's end)
        continue;
      } else {
        const answer = { today: '2025-10-22', skipped: [], complete: true, ...listing.list(now, nowIndex, since, 1 + pick(12)) } as ActionItemsResult;
        assert.equal(mirror.apply(answer), true);
        const held = mirror.whole();
        since = answer.revision;
        if (answer.more) continue;
        const whole = new ItemListing().list(sorted(), nowIndex).items; // from scratch, leaving the one under test as it was
        assert.deepEqual(held.items, whole, `step ${step}`);
        checked++;
        continue;
      }
      now = sorted();
      if (next() < 0.5) nowIndex = index(); // or, as while a workspace is indexed, the series last worked out
    }
    assert.ok(checked > 100, `only ${checked} complete listings checked`);
  });

  it('starts again from the whole listing for a revision of another run or a forgotten one', () => {
    const model = analyzeNotes(notesText(0, 0, 2, 1), { fileName: 'a.md' });
    const files: WorkspaceFile[] = [{ uri: 'file:///a.md', version: null, digest: model }];
    const series = buildSeries([]);
    const first = new ItemListing().list(files, series);
    const other = new ItemListing();
    const answer = other.list(files, series, first.revision);
    assert.equal(answer.changedUris, undefined);
    assert.equal(answer.items.length, 2);
    assert.deepEqual(other.list(files, series, answer.revision), { items: [], revision: answer.revision, changedUris: [] });
  });
});
