import { strict as assert } from 'node:assert';
import { dueBucket, isOverdue, relativeDue } from '../../client/src/logic/dueLabels';
import { groupItems, ownersOf, startsExpanded, visibleItems } from '../../client/src/logic/grouping';
import { ItemListingMirror } from '../../client/src/logic/listing';
import { ListingRefresher, REFRESH_DELAY_MS } from '../../client/src/logic/refresher';
import { itemState, itemsAsMarkdown, rowDescription, rowTooltip } from '../../client/src/logic/rows';
import type { ActionItemsParams, ActionItemsResult, WorkspaceActionItem } from '../../server/src/protocol';

const TODAY = '2024-02-01'; // a Thursday
type ItemFields = Omit<Partial<WorkspaceActionItem>, 'due'> & { due?: string | null };
let n = 0;
function item(fields: ItemFields): WorkspaceActionItem {
  const { due, ...rest } = fields;
  n++;
  return {
    id: `i${n}`,
    uri: 'file:///notes/architecture-review-2024-01-29.txt',
    range: { start: { line: n, character: 0 }, end: { line: n, character: 10 } },
    owner: 'Tom Bradley',
    task: `Task ${n}`,
    due: due === null || due === undefined ? null : /^\d{4}/.test(due) ? { text: due, date: due, vague: false } : { text: due, date: null, vague: true },
    status: 'open',
    kind: 'action',
    source: 'summary',
    meeting: { title: 'Architecture review', date: '2024-01-29', index: 0 },
    linked: [],
    version: null,
    ...rest,
  };
}

describe('client view logic', () => {
  it('puts each item in its due bucket: overdue, today, this week (to Sunday), later, no date, done', () => {
    const cases: Array<[ItemFields, string]> = [
      [{ due: '2024-01-31' }, 'overdue'],
      [{ due: '2024-02-01' }, 'today'],
      [{ due: '2024-02-04' }, 'this-week'],
      [{ due: '2024-02-05' }, 'later'],
      [{ due: 'ASAP' }, 'no-date'],
      [{ due: null }, 'no-date'],
      [{ due: '2024-01-01', status: 'done' }, 'done'],
    ];
    for (const [fields, bucket] of cases) assert.equal(dueBucket(item(fields), TODAY), bucket, JSON.stringify(fields));
  });

  it('says how far away the due date is', () => {
    assert.deepEqual(
      [item({ due: '2024-01-29' }), item({ due: '2024-01-31' }), item({ due: TODAY }), item({ due: '2024-02-02' }), item({ due: '2024-02-10' }), item({ due: 'before production' }), item({}), item({ status: 'done', due: '2024-01-01' })].map((i) => relativeDue(i, TODAY)),
      ['3 days overdue', '1 day overdue', 'due today', 'due tomorrow', 'in 9 days', 'before production', 'no due date', 'done'],
    );
  });

  it('groups by owner, alphabetically, with items without an owner last and soonest first within a group', () => {
    const items = [item({ owner: 'Tom Bradley', task: 'later', due: '2024-02-09' }), item({ owner: null, task: 'orphan' }), item({ owner: 'Alex Rivera', task: 'a' }), item({ owner: 'Tom Bradley', task: 'sooner', due: '2024-02-02' })];
    const groups = groupItems(items, { groupBy: 'owner', showDone: false, owner: null }, TODAY);
    assert.deepEqual(groups.map((g) => `${g.label}: ${g.items.map((i) => i.task).join(', ')}`), ['Alex Rivera: a', 'Tom Bradley: sooner, later', 'No owner: orphan']);
  });

  it('orders items due the same day by file, in the order the server lists files, then by line', () => {
    const at = (uri: string, line: number, task: string) => item({ uri, task, due: '2024-02-09', range: { start: { line, character: 0 }, end: { line, character: 9 } } });
    const items = [at('file:///notes/b.md', 4, 'b4'), at('file:///notes/B.md', 9, 'B9'), at('file:///notes/a.md', 7, 'a7'), at('file:///notes/b.md', 2, 'b2'), item({ task: 'undated', due: null })];
    const [group] = groupItems(items, { groupBy: 'owner', showDone: false, owner: null }, TODAY);
    assert.deepEqual(
      group.items.map((i) => i.task),
      ['B9', 'a7', 'b2', 'b4', 'undated'],
    );
  });

  it('starts a group expanded unless it holds more than 200 items', () => {
    const many = (count: number, owner: string) => Array.from({ length: count }, () => item({ owner }));
    const groups = groupItems([...many(200, 'Alex Rivera'), ...many(201, 'Tom Bradley')], { groupBy: 'owner', showDone: false, owner: null }, TODAY);
    assert.deepEqual(
      groups.map((g) => [g.label, g.items.length, startsExpanded(g)]),
      [
        ['Alex Rivera', 200, true],
        ['Tom Bradley', 201, false],
      ],
    );
  });

  it('groups by due date in a fixed order, leaving out empty groups and done items unless shown', () => {
    const items = [item({ due: '2024-02-20', task: 'far' }), item({ due: '2024-01-30', task: 'late' }), item({ due: '2024-01-01', task: 'finished', status: 'done' }), item({ due: 'TBD', task: 'vague' })];
    assert.deepEqual(groupItems(items, { groupBy: 'due', showDone: false, owner: null }, TODAY).map((g) => `${g.label}: ${g.items.map((i) => i.task).join(', ')}`), ['Overdue: late', 'Later: far', 'No date: vague']);
    assert.deepEqual(groupItems(items, { groupBy: 'due', showDone: true, owner: null }, TODAY).map((g) => g.label), ['Overdue', 'Later', 'No date', 'Done']);
  });

  it('groups by meeting, newest first, naming the file', () => {
    const items = [
      item({ meeting: { title: 'Old sync', date: '2023-12-01', index: 0 }, uri: 'file:///n/old.md' }),
      item({ meeting: { title: 'New sync', date: '2024-01-29', index: 1 }, uri: 'file:///n/log%20book.md' }),
    ];
    assert.deepEqual(groupItems(items, { groupBy: 'meeting', showDone: false, owner: null }, TODAY).map((g) => `${g.label} (${g.description})`), ['New sync (2024-01-29 · log book.md)', 'Old sync (2023-12-01 · old.md)']);
  });

  it('filters to one owner, and lists the owners to pick from', () => {
    const items = [item({ owner: 'Tom Bradley' }), item({ owner: 'Alex Rivera' }), item({ owner: null })];
    assert.deepEqual(visibleItems(items, { groupBy: 'owner', showDone: false, owner: 'Alex Rivera' }).map((i) => i.owner), ['Alex Rivera']);
    assert.deepEqual(visibleItems(items, { groupBy: 'owner', showDone: false, owner: 'No owner' }).map((i) => i.owner), [null]);
    assert.deepEqual(ownersOf(items), ['Alex Rivera', 'Tom Bradley', 'No owner']);
  });

  it('labels rows with owner, relative due, kind and state', () => {
    const overdue = item({ due: '2024-01-30', kind: 'commitment' });
    assert.equal(rowDescription(overdue, TODAY, 'due'), 'Tom Bradley · 2 days overdue · commitment');
    assert.equal(rowDescription(overdue, TODAY, 'owner'), '2 days overdue · commitment');
    assert.equal(rowDescription(item({ source: 'transcript', owner: null }), TODAY, 'meeting'), 'no owner · no due date · not in the summary');
    assert.deepEqual([itemState(overdue, TODAY), itemState(item({ due: '2024-03-01' }), TODAY), itemState(item({ status: 'done' }), TODAY), itemState(item({ source: 'transcript' }), TODAY)], ['overdue', 'open', 'done', 'unrecorded']);
    assert.match(rowTooltip(item({ task: 'Ship *it*', due: '2024-02-03' }), TODAY), /^\*\*Ship \\\*it\\\*\*\*\n\n- Owner: Tom Bradley\n- Due: Sat, Feb 3 \(2024-02-03\) — in 2 days/);
  });

  it('copies items as a Markdown task list', () => {
    const a = item({ task: 'WebSocket infrastructure ready', due: '2024-02-03' });
    const b = item({ task: 'Run cleanup', owner: null, status: 'done' });
    assert.equal(itemsAsMarkdown([a, b]), [
      `- [ ] Tom Bradley: WebSocket infrastructure ready (due 2024-02-03) — architecture-review-2024-01-29.txt:${a.range.start.line + 1}`,
      `- [x] Run cleanup — architecture-review-2024-01-29.txt:${b.range.start.line + 1}`,
    ].join('\n'));
  });

  describe('meeting series', () => {
    const series = (fields: Partial<NonNullable<WorkspaceActionItem['series']>> = {}) => ({
      id: 'file:///notes/platform|platform weekly',
      title: 'Platform weekly',
      waited: 0,
      carriedTo: null,
      dropped: false,
      ...fields,
    });
    const carried = { uri: 'file:///notes/platform/2025-10-20.md', date: '2025-10-20', status: 'open' as const };

    it('groups by series, by title, with the folder as description and items of no series last', () => {
      const items = [
        item({ task: 'retro item', series: series({ id: 'log:file:///notes/retro%20log.md', title: 'Retro' }) }),
        item({ task: 'standalone', series: null }),
        item({ task: 'weekly item', series: series(), due: '2024-02-02' }),
        item({ task: 'older weekly item', series: series({ waited: 2 }), due: '2024-01-31' }),
        item({ task: 'no series field (older server)' }),
      ];
      assert.deepEqual(
        groupItems(items, { groupBy: 'series', showDone: false, owner: null }, TODAY).map((g) => `${g.label} (${g.description ?? '-'}): ${g.items.map((i) => i.task).join(', ')}`),
        ['Platform weekly (platform): older weekly item, weekly item', 'Retro (retro log.md): retro item', 'Single meetings (-): standalone, no series field (older server)'],
      );
    });

    it('shows the work once: an entry carried on by a later meeting is hidden in every grouping and is never overdue', () => {
      const history = item({ task: 'investigate the cache', due: '2024-01-20', series: series({ carriedTo: carried }) });
      const current = item({ task: 'investigate the cache', due: '2024-02-09', series: series({ waited: 1 }) });
      for (const groupBy of ['owner', 'due', 'meeting', 'series'] as const) {
        assert.deepEqual(groupItems([history, current], { groupBy, showDone: true, owner: null }, TODAY).flatMap((g) => g.items), [current], groupBy);
      }
      assert.equal(isOverdue(history, TODAY), false);
      assert.equal(isOverdue(item({ due: '2024-01-20' }), TODAY), true);
    });

    it('says how long open work has waited, or that it was dropped', () => {
      assert.equal(rowDescription(item({ due: '2024-02-09', series: series({ waited: 2 }) }), TODAY, 'series'), 'Tom Bradley · in 8 days · waited 2 meetings');
      assert.equal(rowDescription(item({ due: '2024-02-09', series: series({ waited: 1, dropped: true }) }), TODAY, 'owner'), 'in 8 days · dropped from a later meeting');
      assert.equal(rowDescription(item({ status: 'done', series: series({ waited: 2 }) }), TODAY, 'owner'), 'done');
      assert.match(rowTooltip(item({ series: series({ waited: 3 }) }), TODAY), /\n- Series: Platform weekly — open for 3 meetings since it was recorded$/);
      assert.match(rowTooltip(item({ series: series({ carriedTo: { ...carried, status: 'done' } }) }), TODAY), /\n- Series: Platform weekly — carried on in the meeting of 2025-10-20 \(done there\)$/);
    });
  });

  describe('the listing the tree keeps', () => {
    const a = 'file:///notes/a.md';
    const b = 'file:///notes/b.md';
    const c = 'file:///notes/c.md';
    const answer = (items: WorkspaceActionItem[], revision: string, changedUris?: string[]) => ({ today: TODAY, items, skipped: [], complete: true, revision, changedUris });

    it('asks for the changes since the revision it holds, and applies them in file order', () => {
      const mirror = new ItemListingMirror();
      assert.deepEqual(mirror.params(), { limit: 5000 });
      const [a1, b1, c1] = [item({ uri: a }), item({ uri: b }), item({ uri: c })];
      assert.equal(mirror.apply(answer([a1, b1, c1], 'r.1')), true);
      assert.deepEqual(mirror.whole().items, [a1, b1, c1]);
      assert.deepEqual(mirror.params(), { since: 'r.1', limit: 5000 });
      // b changed (two items now), c went away, a is as it was.
      const [b2, b3] = [item({ uri: b }), item({ uri: b })];
      mirror.apply(answer([b2, b3], 'r.2', [b, c]));
      const whole = mirror.whole();
      assert.deepEqual(whole.items, [a1, b2, b3]);
      assert.equal('changedUris' in whole, false);
      assert.deepEqual(mirror.params(), { since: 'r.2', limit: 5000 });
      // A whole answer (the server restarted) replaces everything.
      mirror.apply(answer([c1], 's.1'));
      assert.deepEqual(mirror.whole().items, [c1]);
    });

    it('after a reset, asks for everything and refuses changes asked for before it', () => {
      const mirror = new ItemListingMirror();
      mirror.apply(answer([item({ uri: a })], 'r.1'));
      mirror.reset();
      assert.deepEqual(mirror.params(), { limit: 5000 });
      assert.equal(mirror.apply(answer([], 'r.2', [b])), false);
    });
  });
  describe('refreshing the tree', () => {
    /** A refresher on a fake clock, whose server answers when told to. */
    const harness = () => {
      let now = 0;
      const timers: Array<{ at: number; run: () => void }> = [];
      const asked: ActionItemsParams[] = [];
      const waiting: Array<(answer: ActionItemsResult) => void> = [];
      const shown: ActionItemsResult[] = [];
      /** The parts the server sends ahead of its answer (partial results), to the question out. */
      let sendPart: (part: ActionItemsResult) => void = () => assert.fail('no question out');
      const refresher = new ListingRefresher({
        ask: (params, part) => {
          asked.push(params);
          sendPart = part;
          return new Promise((resolve) => waiting.push(resolve));
        },
        show: (whole) => shown.push(whole),
        failed: (error) => assert.fail(error),
        setTimer: (run, ms) => {
          const timer = { at: now + ms, run };
          timers.push(timer);
          return timer;
        },
        clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
      });
      /** Moves the clock on, running the timers due. */
      const advance = (ms: number) => {
        now += ms;
        for (const timer of timers.filter((t) => t.at <= now)) {
          timers.splice(timers.indexOf(timer), 1);
          timer.run();
        }
      };
      /** The server answers the oldest question; the refresher's reaction follows. */
      const answer = async (result: ActionItemsResult) => {
        waiting.shift()!(result);
        await new Promise((resolve) => setImmediate(resolve));
      };
      return { refresher, asked, shown, advance, answer, timers, part: (part: ActionItemsResult) => sendPart(part) };
    };
    const listing = (items: WorkspaceActionItem[], revision: string, more = false, changedUris?: string[]): ActionItemsResult => ({
      today: TODAY,
      items,
      skipped: [],
      complete: !more,
      revision,
      ...(changedUris ? { changedUris } : {}),
      ...(more ? { more } : {}),
    });

    it('asks at most the delay after a change even while changes keep coming, one question at a time', async () => {
      const h = harness();
      // Changes reported every 30 ms (a workspace being indexed): the first is asked for 100 ms after it.
      for (let t = 0; t < 90; t += 30) {
        h.refresher.changed();
        h.advance(30);
      }
      assert.equal(h.asked.length, 0);
      h.advance(REFRESH_DELAY_MS - 90);
      assert.deepEqual(h.asked, [{ limit: 5000 }]);
      // More changes while the question is out: no second question until the answer is in…
      h.refresher.changed();
      h.advance(500);
      assert.equal(h.asked.length, 1);
      const first = item({ uri: 'file:///notes/a.md' });
      await h.answer(listing([first], 'r.1'));
      assert.deepEqual(h.shown.map((w) => w.items), [[first]]);
      // …then one, the delay after it, for the changes since the revision held.
      h.advance(REFRESH_DELAY_MS - 1);
      assert.equal(h.asked.length, 1);
      h.advance(1);
      assert.deepEqual(h.asked[1], { since: 'r.1', limit: 5000 });
      await h.answer(listing([], 'r.2', false, []));
      assert.equal(h.timers.length, 0); // nothing more to ask
    });

    it('asks at once for the change that completes the listing, also when it comes during a question', async () => {
      const h = harness();
      h.refresher.changed();
      h.refresher.changed(true);
      assert.deepEqual(h.asked, [{ limit: 5000 }]); // no delay, and the change waiting for its delay goes with it
      assert.equal(h.timers.length, 0);
      const first = item({ uri: 'file:///notes/a.md' });
      // The end of the scan reported while the question is out: asked for as soon as the answer is in.
      h.refresher.changed(true);
      await h.answer(listing([first], 'r.1'));
      assert.deepEqual(h.asked[1], { since: 'r.1', limit: 5000 });
      await h.answer(listing([], 'r.2', false, []));
      assert.equal(h.timers.length, 0);
      // An ordinary change after it waits for the delay again.
      h.refresher.changed();
      assert.equal(h.asked.length, 2);
      h.advance(REFRESH_DELAY_MS);
      assert.equal(h.asked.length, 3);
    });

    it('takes the parts sent ahead of an answer in order, with one question for all of them', async () => {
      const h = harness();
      const [a1, b1, c1] = ['a', 'b', 'c'].map((name) => item({ uri: `file:///notes/${name}.md` }));
      const done = h.refresher.refresh();
      h.part(listing([a1], 'r.-1.1.a', true));
      h.part(listing([b1], 'r.-1.1.b', true, ['file:///notes/b.md']));
      assert.equal(h.shown.length, 0);
      await h.answer(listing([c1], 'r.1', false, ['file:///notes/c.md']));
      await done;
      assert.equal(h.asked.length, 1);
      assert.deepEqual(h.shown.map((w) => w.items), [[a1, b1, c1]]);
      // A reset while parts come in: what follows them cannot be used, and everything is asked for again.
      h.refresher.changed(true);
      h.part(listing([a1], 'r.1.2.a', true, ['file:///notes/a.md']));
      h.refresher.reset();
      h.part(listing([b1], 'r.1.2.b', true, ['file:///notes/b.md']));
      await h.answer(listing([], 'r.2', false, []));
      assert.equal(h.shown.length, 1);
      h.advance(REFRESH_DELAY_MS);
      assert.deepEqual(h.asked[2], { limit: 5000 });
    });

    it('shows a listing in parts once all of it is in, and asks again for changes asked for before a reset', async () => {
      const h = harness();
      const [a1, b1] = [item({ uri: 'file:///notes/a.md' }), item({ uri: 'file:///notes/b.md' })];
      const done = h.refresher.refresh();
      await h.answer(listing([a1], 'r.1.1.a', true));
      assert.equal(h.shown.length, 0);
      assert.deepEqual(h.asked[1], { since: 'r.1.1.a', limit: 5000 });
      await h.answer(listing([b1], 'r.1', false, ['file:///notes/b.md']));
      await done;
      assert.deepEqual(h.shown.map((w) => w.items), [[a1, b1]]);
      assert.equal(h.shown[0].complete, true);

      // The server restarted while a question was out: its answer (changes) cannot be used.
      h.refresher.changed();
      h.advance(REFRESH_DELAY_MS);
      h.refresher.reset();
      await h.answer(listing([], 'r.2', false, []));
      assert.equal(h.shown.length, 1);
      h.advance(REFRESH_DELAY_MS);
      assert.deepEqual(h.asked[3], { limit: 5000 });
      await h.answer(listing([b1], 's.1'));
      assert.deepEqual(h.shown[1].items, [b1]);
    });
  });
});
