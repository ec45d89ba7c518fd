import { strict as assert } from 'node:assert';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ItemListingMirror } from '../../client/src/logic/listing';
import { type CompactActionItemsResult, expandListing } from '../../server/src/listingWire';
import type { ActionItemsResult } from '../../server/src/protocol';
import { ROOT } from '../helpers/notes';
import { TestClient } from './testClient';

// The tree asks for the workspace's items after every change; it gets only the files that changed.
describe('language server: the action items listing, by revisions', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient;
  const weekly = (name: string) => pathToFileURL(join(dir, 'platform weekly', name)).toString();
  const first = () => weekly('2025-10-06-platform-weekly.md');
  const second = () => weekly('2025-10-13-platform-weekly.md');
  const latest = () => weekly('2025-10-20-platform-weekly.md');
  const standupPath = () => join(dir, 'standup-2025-11-03.txt');
  const standup = () => pathToFileURL(standupPath()).toString();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-listing-'));
    cpSync(join(ROOT, 'examples', 'platform-weekly'), join(dir, 'platform weekly'), { recursive: true });
    copyFileSync(join(ROOT, 'examples', 'standup-2025-11-03.txt'), standupPath());
    client = await TestClient.start({ pull: true, folder: pathToFileURL(dir).toString(), today: '2025-10-22' });
    await client.until(() => client.progressEnded > 0, 'the index');
  });
  afterEach(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The client's copy after a changes-only answer must equal a whole listing asked for at the same time. */
  const assertSameAsWhole = async (mirror: ItemListingMirror, changes: ActionItemsResult) => {
    const whole = await client.listItems({});
    assert.equal(whole.changedUris, undefined);
    assert.equal(mirror.apply(changes), true);
    assert.deepEqual(mirror.whole().items, whole.items);
  };

  it('answers a revision with the files changed since: an edited file alone, or every file of an edited series', async () => {
    const mirror = new ItemListingMirror();
    const whole = await client.listItems(mirror.params());
    assert.equal(whole.changedUris, undefined);
    assert.deepEqual([...new Set(whole.items.map((i) => i.uri))], [first(), second(), latest(), standup()]);
    mirror.apply(whole);

    const unchanged = await client.listItems(mirror.params());
    assert.deepEqual(unchanged.changedUris, []);
    assert.deepEqual(unchanged.items, []);
    assert.equal(unchanged.revision, whole.revision);

    // An edit of the stand-up (no series): its items only, with the new version.
    const text = readFileSync(standupPath(), 'utf8');
    client.open(standup(), text);
    const version = client.edit(standup(), { start: { line: 11, character: 9 }, end: { line: 11, character: 12 } }, 'find');
    const afterEdit = await client.listItems(mirror.params());
    assert.deepEqual(afterEdit.changedUris, [standup()]);
    assert.ok(afterEdit.items.length > 0 && afterEdit.items.every((i) => i.uri === standup() && i.version === version));
    assert.ok(afterEdit.items.some((i) => i.owner === 'Tomás Ruiz' && i.task === 'Find the top crash in 4.2'));
    assert.notEqual(afterEdit.revision, whole.revision);
    await assertSameAsWhole(mirror, afterEdit);

    // An edit of the series' latest meeting changes what the earlier meetings' items say of it.
    client.open(latest(), readFileSync(join(dir, 'platform weekly', '2025-10-20-platform-weekly.md'), 'utf8'));
    client.edit(latest(), { start: { line: 10, character: 3 }, end: { line: 10, character: 4 } }, 'x');
    const afterSeriesEdit = await client.listItems(mirror.params());
    assert.deepEqual(afterSeriesEdit.changedUris, [first(), second(), latest()]);
    assert.deepEqual(afterSeriesEdit.items.find((i) => i.uri === first() && i.task === 'Investigate the remote cache hit rate')?.series?.carriedTo, {
      uri: latest(),
      date: '2025-10-20',
      status: 'done',
    });
    await assertSameAsWhole(mirror, afterSeriesEdit);
  });

  it('lists a file that went away among the changes, with no items', async () => {
    const mirror = new ItemListingMirror();
    mirror.apply(await client.listItems(mirror.params()));
    unlinkSync(standupPath());
    client.fileChanged(standup(), 3);
    let changes = await client.listItems(mirror.params());
    for (const deadline = Date.now() + 10000; !changes.changedUris?.length && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      changes = await client.listItems(mirror.params());
    }
    assert.deepEqual(changes.changedUris, [standup()]);
    assert.deepEqual(changes.items, []);
    await assertSameAsWhole(mirror, changes);
    mirror.apply(await client.listItems(mirror.params()));
    assert.ok(!mirror.whole().items.some((i) => i.uri === standup()));
  });

  it('answers in parts of whole files when asked for at most `limit` items, changes behind the part sent with the next', async () => {
    const whole = await client.listItems({});
    const mirror = new ItemListingMirror();
    let answer = await client.listItems({ limit: 1 });
    assert.equal(answer.more, true);
    assert.equal(answer.changedUris, undefined);
    assert.deepEqual(answer.items, whole.items.filter((i) => i.uri === first()));
    mirror.apply(answer);
    // The first file changes while the rest is still to come.
    client.open(first(), readFileSync(join(dir, 'platform weekly', '2025-10-06-platform-weekly.md'), 'utf8'));
    const parts: string[][] = [];
    do {
      answer = await client.listItems({ since: answer.revision, limit: 1 });
      parts.push(answer.changedUris!);
      mirror.apply(answer);
    } while (answer.more);
    assert.deepEqual(parts, [[first(), second()], [latest()], [standup()]]);
    mirror.apply({ ...answer, items: [], changedUris: [] });
    assert.deepEqual(mirror.whole().items, (await client.listItems({})).items);
  });

  it('sends the parts one after another as partial results when given a token, the last as the answer', async () => {
    const whole = await client.listItems({});
    const mirror = new ItemListingMirror();
    const parts: ActionItemsResult[] = [];
    const answer = await client.listItemsInParts({ limit: 1 }, (part) => parts.push(part));
    // Four files: three parts sent ahead (each says more follows), in file order, then the answer.
    assert.deepEqual(
      parts.map((p) => [p.more, [...new Set(p.items.map((i) => i.uri))]]),
      [
        [true, [first()]],
        [true, [second()]],
        [true, [latest()]],
      ],
    );
    assert.equal(answer.more, undefined);
    assert.deepEqual(answer.changedUris, [standup()]);
    for (const part of [...parts, answer]) assert.equal(mirror.apply(part), true);
    assert.deepEqual(mirror.whole().items, whole.items);
    // Without a limit, or with a token of another type, there is one answer.
    const one: ActionItemsResult[] = [];
    assert.deepEqual((await client.listItemsInParts({}, (part) => one.push(part))).items, whole.items);
    assert.equal((await client.listItems({ limit: 1, partialResultToken: { bad: 1 } } as never)).more, true);
    assert.equal(one.length, 0);
  });

  it('answers a compact listing when asked: the same items, grouped by file as rows', async () => {
    const whole = await client.listItems({});
    const compact = (await client.connection.sendRequest('meetingNotes/actionItems', { compact: true })) as CompactActionItemsResult;
    assert.equal('items' in compact, false);
    assert.deepEqual(
      compact.files.map((f) => f.uri),
      [first(), second(), latest(), standup()],
    );
    assert.deepEqual(expandListing(compact), whole);
    assert.ok(JSON.stringify(compact).length < JSON.stringify(whole).length / 2, 'less than half the JSON');
  });

  it('answers a revision it does not know (another server run, a malformed one) with the whole listing', async () => {
    const whole = await client.listItems({});
    for (const since of ['0l2x3y.1', 'garbage', `${whole.revision}0`, 5, null, { revision: whole.revision }]) {
      const answer = await client.listItems({ since } as never);
      assert.equal(answer.changedUris, undefined, String(since));
      assert.deepEqual(answer.items, whole.items, String(since));
    }
    for (const limit of ['3', -1, 0, null]) {
      const answer = await client.listItems({ limit } as never);
      assert.equal(answer.more, undefined, String(limit));
      assert.deepEqual(answer.items, whole.items, String(limit));
    }
  });
});
