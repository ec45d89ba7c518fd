import { strict as assert } from 'node:assert';
import { compactListing, expandListing } from '../../server/src/listingWire';
import type { ActionItemsResult, WorkspaceActionItem } from '../../server/src/protocol';

// The Action Items listing as VS Code's client asks for it: grouped by file, items as rows.
describe('compact listing', () => {
  const weekly = 'file:///notes/weekly/2025-10-13.md';
  const log = 'file:///notes/log.md';
  const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
  const series = { id: 'file:///notes/weekly|platform weekly', title: 'Platform weekly', waited: 1, carriedTo: { uri: 'file:///notes/weekly/2025-10-20.md', date: '2025-10-20', status: 'done' as const }, dropped: false };
  const items: WorkspaceActionItem[] = [
    { id: 'a1', uri: weekly, range: range(9, 2, 48), owner: 'Priya Shah', task: 'Publish the on-call handbook', due: { text: 'Friday', date: '2025-10-17', vague: false }, status: 'open', kind: 'action', source: 'summary', meeting: { title: 'Platform weekly', date: '2025-10-13', index: 0 }, linked: ['c1'], version: null, series },
    { id: 'c1', uri: weekly, range: range(14, 2, 40), owner: 'Priya Shah', task: 'Publish the handbook', due: null, status: 'done', kind: 'commitment', source: 'summary', meeting: { title: 'Platform weekly', date: '2025-10-13', index: 0 }, linked: ['a1'], version: null, series: { ...series, waited: 0, carriedTo: null, dropped: true } },
    { id: 't1', uri: weekly, range: range(3, 0, 61), owner: null, task: 'rotate the staging keys', due: { text: 'ASAP', date: null, vague: true }, status: 'open', kind: 'commitment', source: 'transcript', meeting: { title: 'Platform weekly', date: '2025-10-13', index: 0 }, linked: [], version: null, series: null },
    // A running log's item in its third meeting only, in an open document (a version).
    { id: 'l1', uri: log, range: range(40, 2, 30), owner: 'Wei Chen', task: 'Split the epic', due: { text: 'Wednesday', date: '2025-03-12', vague: false }, status: 'open', kind: 'action', source: 'summary', meeting: { title: 'Sprint review — March 10, 2025', date: '2025-03-10', index: 2 }, linked: [], version: 7, series: { id: 'file:///notes/log.md#sprint review', title: 'Sprint review', waited: 2, carriedTo: null, dropped: false } },
  ];
  const listing: ActionItemsResult = { today: '2025-10-22', items, skipped: [{ uri: 'file:///notes/big.md', reason: '6.1 MB is over the 5 MB limit' }], complete: true, revision: 'r.4', changedUris: [weekly, log, 'file:///notes/gone.md'], more: true };

  it('reads back as the very listing it was made from', () => {
    assert.deepEqual(expandListing(compactListing(listing)), listing);
    assert.deepEqual(expandListing(compactListing({ ...listing, items: [] })), { ...listing, items: [] });
  });

  it("writes each file's uri, meetings and series once, and an item as a row", () => {
    const compact = compactListing(listing);
    assert.deepEqual(
      compact.files.map((f) => [f.uri, f.version, f.meetings, f.series, f.items.length]),
      [
        [weekly, null, [['Platform weekly', '2025-10-13']], [[series.id, series.title]], 3],
        [log, 7, [null, null, ['Sprint review — March 10, 2025', '2025-03-10']], [['file:///notes/log.md#sprint review', 'Sprint review']], 1],
      ],
    );
    assert.deepEqual(compact.files[0].items, [
      ['a1', 9, 2, 9, 48, 'Priya Shah', 'Publish the on-call handbook', 'Friday', '2025-10-17', 0, 0, 0, 0, 0, ['c1'], [0, 1, ['file:///notes/weekly/2025-10-20.md', '2025-10-20', 1], 0]],
      ['c1', 14, 2, 14, 40, 'Priya Shah', 'Publish the handbook', null, null, 0, 1, 1, 0, 0, ['a1'], [0, 0, null, 1]],
      ['t1', 3, 0, 3, 61, null, 'rotate the staging keys', 'ASAP', null, 1, 0, 1, 1, 0],
    ]);
    assert.deepEqual(Object.keys(compact).sort(), ['changedUris', 'complete', 'files', 'more', 'revision', 'skipped', 'today']);
  });

  it('groups the items of a file that are apart, keeping their order within it', () => {
    const apart = { ...listing, items: [items[0], items[3], items[1]] };
    assert.deepEqual(
      expandListing(compactListing(apart)).items.map((i) => i.id),
      ['a1', 'c1', 'l1'],
    );
  });

  it('passes a listing sent as items through unchanged', () => {
    assert.equal(expandListing(listing), listing);
  });
});
