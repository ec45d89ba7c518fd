import { strict as assert } from 'node:assert';
import { applyEdits, carryOver } from '../../server/src/core/edits';
import type { NotesModel } from '../../server/src/core/model';
import { diagnose } from '../../server/src/core/rules';
import { type RememberedWork, buildSeries, buildSeriesSteps, rememberWork, seriesCounts, seriesTitleKey } from '../../server/src/core/series';
import { random } from '../../bench/corpus';
import { analyze, lineOf, notes } from '../helpers/notes';

type Files = Record<string, string>;

function read(files: Files): Array<{ file: string; model: NotesModel }> {
  return Object.entries(files).map(([file, text]) => ({ file, model: analyze(text, file) }));
}

/** The findings of every file when read together, as `file:line code`. */
function findings(files: Files, today: string, codes?: string[], carriedOverAfter?: number): string[] {
  const sources = read(files);
  const index = buildSeries(sources);
  return sources.flatMap(({ file, model }) =>
    diagnose(model, { today, series: { index, file }, carriedOverAfter })
      .filter((d) => !codes || codes.includes(d.code))
      .map((d) => `${file}:${lineOf(model, d.span.start)} ${d.code}`),
  );
}

function threads(files: Files): string[] {
  const index = buildSeries(read(files));
  return index.series.flatMap((s) => s.threads.map((t) => t.entries.map((e) => `${e.meeting.date} ${e.status}`).join(' → ')));
}

const weekly = (date: string, ...body: string[]) => notes(`# Platform weekly — ${date}`, 'Attendees: Priya Shah, Jonas Weber, Wei Zhang', '', ...body);

describe('meeting series', () => {
  describe('which notes make a series', () => {
    it('files of one folder with the same title, in date order whatever the file order', () => {
      const index = buildSeries(
        read({
          'notes/b.md': weekly('2025-10-13', '- [ ] Jonas: x'),
          'notes/a.md': weekly('2025-10-20', '- [ ] Jonas: x'),
          'notes/c.md': notes('# Platform Weekly #12', 'Date: 2025-10-06', '- [ ] Jonas: x'),
          'notes/other.md': notes('# Retro — 2025-10-07', '- [ ] Jonas: x'),
          'elsewhere/d.md': weekly('2025-10-27', '- [ ] Jonas: x'),
        }),
      );
      assert.deepEqual(
        index.series.map((s) => `${s.title}: ${s.meetings.map((m) => `${m.date} ${m.file}`).join(', ')}`),
        ['Platform weekly: 2025-10-06 notes/c.md, 2025-10-13 notes/b.md, 2025-10-20 notes/a.md'],
      );
    });

    it('a running log file on its own, even alone', () => {
      const index = buildSeries(read({ 'log.md': notes('# Infra log', '', '## 2025-10-06', '- [ ] Jonas: x', '', '## 2025-10-13', '- [ ] Jonas: x') }));
      assert.deepEqual(index.series.map((s) => `${s.id} ${s.title} ${s.meetings.length}`), ['log:log.md Infra log 2']);
    });

    it('leaves out meetings without a date, and a title that is only numbers', () => {
      const index = buildSeries(read({ 'a.md': '# Platform weekly\n\n- [ ] Jonas: x', 'b.md': weekly('2025-10-13', '- [ ] Jonas: x'), 'c.md': '# 2025-10-14\n\n- [ ] x', 'd.md': '# 2025-10-21\n\n- [ ] x' }));
      assert.deepEqual(index.series, []);
    });

    it('reuses a series none of whose files changed when given the previous index, and rebuilds the one that changed', () => {
      const sources = read({
        'weekly/a.md': weekly('2025-10-06', '- [ ] Jonas: rotate the certificates'),
        'weekly/b.md': weekly('2025-10-13', '- [ ] Jonas: rotate the certificates'),
        'retro/a.md': notes('# Retro — 2025-10-06', '- [ ] Ana: fix the flaky test'),
        'retro/b.md': notes('# Retro — 2025-10-20', '- [ ] Ana: fix the flaky test'),
      });
      const first = buildSeries(sources);
      const edited = sources.map((s) => (s.file === 'retro/b.md' ? { file: s.file, model: analyze(notes('# Retro — 2025-10-20', '- [x] Ana: fix the flaky test'), s.file) } : s));
      const second = buildSeries(edited, first);
      assert.equal(second.series.find((s) => s.title === 'Platform weekly'), first.series.find((s) => s.title === 'Platform weekly'));
      assert.notEqual(second.series.find((s) => s.title === 'Retro'), first.series.find((s) => s.title === 'Retro'));
      assert.equal(second.item('retro/b.md', edited[3].model.items[0].id)?.entry.status, 'done');
      assert.equal(second.item('weekly/b.md', sources[1].model.items[0].id)?.waited, 1);
    });

    it('compares titles without case, accents, punctuation or numbers', () => {
      assert.equal(seriesTitleKey('Café Ops Weekly #12 (Q4)'), 'cafe ops weekly');
      assert.equal(seriesTitleKey('cafe ops — weekly'), 'cafe ops weekly');
    });
  });

  describe('following work from meeting to meeting', () => {
    it('links the same work in other words and a first name for the full one; different owners or tasks start new work', () => {
      assert.deepEqual(
        threads({
          'a.md': weekly('2025-10-06', '## Action items', '- [ ] Jonas Weber: investigate the remote cache hit rate', '- [ ] Priya: review the alert thresholds', '- [ ] Wei: collect roadmap asks'),
          'b.md': weekly('2025-10-13', '## Action items', '- [ ] Jonas: investigate remote cache hit rates further', '- [ ] Wei: review the alert thresholds', '- [ ] Plan the offsite'),
        }),
        ['2025-10-06 open → 2025-10-13 open', '2025-10-06 open', '2025-10-06 open', '2025-10-13 open', '2025-10-13 open'],
      );
    });

    it('does not continue done work: the same words later are new work', () => {
      assert.deepEqual(
        threads({
          'a.md': weekly('2025-10-06', '- [x] Jonas: rotate the staging certificates ✅ 2025-10-06'),
          'b.md': weekly('2025-10-13', '- [ ] Jonas: rotate the staging certificates'),
        }),
        ['2025-10-06 done', '2025-10-13 open'],
      );
    });

    it('an earlier item done in a later meeting is no longer overdue; one still open is judged on its latest entry only', () => {
      const files = {
        'a.md': weekly('2025-10-06', '## Action items', '- Jonas: rotate the staging certificates - Due: Friday', '- Priya: check the alert thresholds - Due: next Monday'),
        'b.md': weekly('2025-10-13', '## Status of last week’s action items', '- [x] Jonas: rotate the staging certificates ✅ 2025-10-09', '- [ ] Priya: check the alert thresholds - Due: 2025-10-14'),
      };
      assert.deepEqual(findings(files, '2025-10-20', ['overdue', 'due-soon']), ['b.md:6 overdue']);
      // Read alone, the first file still reports both.
      const [first] = read(files);
      assert.deepEqual(diagnose(first.model, { today: '2025-10-20' }).filter((d) => d.code === 'overdue').length, 2);
    });

    it('treats an ACTION ITEMS entry and its COMMITMENTS twin as one piece of work', () => {
      const files = {
        'a.md': weekly('2025-10-06', '## Action items', '- Jonas: migrate the build cache - Due: 2025-10-10', '## Commitments', '- Jonas: migrate the build cache by 2025-10-10'),
        'b.md': weekly('2025-10-13', '## Previous action items', '- [ ] Jonas: migrate the build cache'),
        'c.md': weekly('2025-10-20', '## Previous action items', '- [ ] Jonas: migrate the build cache'),
      };
      assert.deepEqual(threads(files), ['2025-10-06 open → 2025-10-13 open → 2025-10-20 open']);
      assert.deepEqual(findings(files, '2025-10-21', ['overdue', 'carried-over', 'dropped-item']), ['c.md:5 carried-over']);
    });
  });

  describe('carried-over', () => {
    const files = {
      'a.md': weekly('2025-10-06', '- [ ] Jonas: investigate the cache hit rate'),
      'b.md': weekly('2025-10-13', '- [ ] Jonas: investigate the cache hit rate'),
      'c.md': weekly('2025-10-20', '- [ ] Jonas: investigate the cache hit rate'),
    };

    it('on the latest entry of work still open two meetings after it was recorded, saying how long it has waited', () => {
      const sources = read(files);
      const index = buildSeries(sources);
      const [diagnostic] = diagnose(sources[2].model, { today: '2025-10-21', series: { index, file: 'c.md' } }).filter((d) => d.code === 'carried-over');
      assert.equal(diagnostic.severity, 'information');
      assert.equal(diagnostic.message, '"Investigate the cache hit rate" (Jonas Weber) has waited 2 meetings of Platform weekly: recorded Mon, Oct 6 (2025-10-06) and still open');
      assert.deepEqual(findings(files, '2025-10-21', ['carried-over']), ['c.md:4 carried-over']);
    });

    it('from a number of meetings that can be changed, and never on done work', () => {
      // Only the latest entry: b.md's entry is carried on by c.md's.
      assert.deepEqual(findings(files, '2025-10-21', ['carried-over'], 1), ['c.md:4 carried-over']);
      assert.deepEqual(findings({ ...files, 'c.md': weekly('2025-10-20', '- [x] Jonas: investigate the cache hit rate') }, '2025-10-21', ['carried-over'], 1), []);
      assert.deepEqual(findings({ 'a.md': files['a.md'], 'b.md': files['b.md'] }, '2025-10-21', ['carried-over'], 1), ['b.md:4 carried-over']);
    });
  });

  describe('dropped-item', () => {
    it('an open item left out of the next meeting’s status list (a section that reviews earlier items)', () => {
      const files = {
        'a.md': weekly('2025-10-06', '## Action items', '- [ ] Jonas: investigate the cache hit rate', '- [ ] Wei: collect the roadmap asks from support', '- [x] Priya: publish the handbook'),
        'b.md': weekly('2025-10-13', "## Status of last week's action items", '- [ ] Jonas: investigate the cache hit rate', '## New action items', '- [ ] Priya: plan the game day'),
      };
      assert.deepEqual(findings(files, '2025-10-14', ['dropped-item']), ['a.md:6 dropped-item']);
      const sources = read(files);
      const index = buildSeries(sources);
      const [dropped] = diagnose(sources[0].model, { today: '2025-10-14', series: { index, file: 'a.md' } }).filter((d) => d.code === 'dropped-item');
      assert.equal(dropped.severity, 'warning');
      assert.equal(dropped.message, '"Collect the roadmap asks from support" (Wei Zhang) is still open here but the status list of the next meeting, Platform weekly on Mon, Oct 13 (2025-10-13, b.md), leaves it out: carry it over, or mark it done');
      assert.deepEqual(dropped.data, { itemId: sources[0].model.items[1].id, carryTo: { file: 'b.md', meeting: 0 } });
    });

    it('a meeting that carries on two earlier items has a status list, even under a plain heading', () => {
      const files = {
        'a.md': weekly('2025-10-06', '- [ ] Jonas: investigate the cache hit rate', '- [ ] Priya: review the alert thresholds', '- [ ] Wei: collect the roadmap asks'),
        'b.md': weekly('2025-10-13', '## Action items', '- [ ] Jonas: investigate the cache hit rate', '- [x] Priya: review the alert thresholds'),
      };
      assert.deepEqual(findings(files, '2025-10-14', ['dropped-item']), ['a.md:6 dropped-item']);
    });

    it('not when the next meeting only lists new work (no status list), nor for done items', () => {
      const files = {
        'a.md': weekly('2025-10-06', '- [ ] Jonas: investigate the cache hit rate', '- [ ] Wei: collect the roadmap asks', '- [x] Priya: publish the handbook'),
        'b.md': weekly('2025-10-13', '## Action items', '- [ ] Jonas: investigate the cache hit rate', '- [ ] Priya: plan the game day'),
      };
      assert.deepEqual(findings(files, '2025-10-14', ['dropped-item']), []);
    });

    it('judged by the first later meeting that has a status list; carrying it over later clears it', () => {
      const files = {
        'a.md': weekly('2025-10-06', '- [ ] Wei: collect the roadmap asks'),
        'b.md': weekly('2025-10-13', '- [ ] Priya: plan the game day'),
        'c.md': weekly('2025-10-20', '## Previous action items', '- [ ] Priya: plan the game day'),
      };
      assert.deepEqual(findings(files, '2025-10-21', ['dropped-item']), ['a.md:4 dropped-item']);
      assert.deepEqual(findings({ ...files, 'c.md': files['c.md'] + '\n- [ ] Wei: collect the roadmap asks' }, '2025-10-21', ['dropped-item']), []);
    });

    it('in a running log, within the file', () => {
      const log = notes(
        '# Infra log',
        'Attendees: Priya Shah, Jonas Weber',
        '',
        '## 2025-10-06',
        '- [ ] Jonas: rotate the certificates',
        '- [ ] Priya: check the alert thresholds',
        '',
        '## 2025-10-13',
        '### Status of last week’s action items',
        '- [x] Jonas: rotate the certificates',
      );
      const model = analyze(log, 'log.md');
      assert.deepEqual(diagnose(model, { today: '2025-10-14' }).filter((d) => d.code === 'dropped-item').map((d) => lineOf(model, d.span.start)), [6]);
    });
  });

  describe('carrying a dropped item into the latest meeting', () => {
    const first = weekly('2025-10-06', '## Action items', '- [ ] Jonas: investigate the cache hit rate - Due: Friday', '- [ ] Wei: collect the roadmap asks from support - Due: next Wednesday');
    const carry = (target: string, meeting = 0) => {
      const [source, latest] = read({ 'a.md': first, 'b.md': target });
      const dropped = source.model.items[1];
      return applyEdits(target, carryOver(latest.model, meeting, dropped));
    };

    it('into the review of earlier items, written like its entries, the due date as a date; then it is no longer dropped', () => {
      const second = weekly('2025-10-13', '## Status of last week’s action items', '- [ ] Jonas: investigate the cache hit rate - Due: 2025-10-17', '', '## New action items', '- [ ] Priya: plan the game day');
      const carried = carry(second);
      assert.equal(
        carried,
        weekly('2025-10-13', '## Status of last week’s action items', '- [ ] Jonas: investigate the cache hit rate - Due: 2025-10-17', '- [ ] Wei: Collect the roadmap asks from support - Due: 2025-10-15', '', '## New action items', '- [ ] Priya: plan the game day'),
      );
      assert.deepEqual(findings({ 'a.md': first, 'b.md': second }, '2025-10-14', ['dropped-item']), ['a.md:6 dropped-item']);
      assert.deepEqual(findings({ 'a.md': first, 'b.md': carried }, '2025-10-14', ['dropped-item']), []);
    });

    it('into a new Action Items section when the meeting has none, keeping CRLF line ends; the full name where a first name is shared', () => {
      const bare = notes('# Platform weekly — 2025-10-20', 'Attendees: Wei Zhang, Wei Chen', '', '[00:10] Wei Chen: Hello.', '').replace(/\n/g, '\r\n');
      assert.equal(carry(bare), notes('# Platform weekly — 2025-10-20', 'Attendees: Wei Zhang, Wei Chen', '', '[00:10] Wei Chen: Hello.', '', '## Action Items', '', '- Wei Zhang: Collect the roadmap asks from support - Due: 2025-10-15', '').replace(/\n/g, '\r\n'));
    });

    it('never carries done work, nor into a meeting that is not there', () => {
      const [source, latest] = read({ 'a.md': first.replace('- [ ] Wei', '- [x] Wei'), 'b.md': weekly('2025-10-13', '- [ ] Priya: x') });
      assert.deepEqual(carryOver(latest.model, 0, source.model.items[1]), []);
      assert.deepEqual(carryOver(latest.model, 5, source.model.items[0]), []);
    });
  });

  describe('rebuilt after a change', () => {
    /** Everything the index says, as text: each file's series, and each item's place in its series. */
    const said = (sources: Array<{ file: string; model: NotesModel }>, index: ReturnType<typeof buildSeries>) => [
      `series: ${index.series.map((s) => `${s.id} "${s.title}"`).join(', ')}`,
      ...sources.flatMap(({ file, model }) => [
        `${file}: ${index.seriesOf(file).map((s) => `${s.id} (${s.meetings.map((m) => `${m.date}${m.hasStatusList ? ' status' : ''}`).join(', ')})`).join('; ')}`,
        ...model.items.map((item) => {
          const info = index.item(file, item.id);
          return info ? `  ${item.id} ${info.series.id} waited ${info.waited} next ${info.next?.itemId ?? '-'} previous ${info.previous?.itemId ?? '-'} omitted ${info.omittedIn?.date ?? '-'}` : `  ${item.id} -`;
        }),
      ]),
    ];

    // Without stamps, remembered work is checked by what following it reads; with them (closed
    // files' content hashes: here the text itself, but for one file, as an open document's), by those.
    for (const stamped of [false, true]) {
    it(`says the same as a build from scratch, over random edits of a workspace with folder series and a log${stamped ? ' (files stamped with their content)' : ''}`, () => {
      const next = random(11);
      const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
      const tasks = ['collect the Q4 roadmap asks', 'investigate the cache hit rate', 'publish the on-call handbook', 'split the integration suite'];
      const owners = ['Priya', 'Jonas', 'Wei'];
      const entry = () => `- [${next() < 0.3 ? 'x' : ' '}] ${pick(owners)}: ${pick(tasks)} - Due: 2025-11-0${1 + Math.floor(next() * 9)}`;
      const meeting = (date: string) => weekly(date, '## Action items', '', ...Array.from({ length: 1 + Math.floor(next() * 3) }, entry));
      const text = (file: string) =>
        file.endsWith('log.md')
          ? notes('# Infra log', '', '## 2025-10-06', entry(), '', '## 2025-10-13', entry(), '', '## 2025-10-20', entry())
          : meeting(`2025-10-${String(6 + 7 * Number(/w(\d)/.exec(file)![1])).padStart(2, '0')}`);
      const files = ['a/w0.md', 'a/w1.md', 'a/w2.md', 'b/w0.md', 'b/w1.md', 'a/log.md'];
      const texts = new Map(files.map((file) => [file, text(file)]));
      const source = (file: string) => ({ file, model: analyze(texts.get(file)!, file), ...(stamped && file !== 'b/w1.md' ? { stamp: texts.get(file)! } : {}) });
      let sources = files.map(source);
      let index = buildSeries(sources);
      let reused = 0;
      let remembers = 0;
      const updated = seriesCounts.updated;
      const resumed = seriesCounts.resumed;
      for (let step = 0; step < 80; step++) {
        const changed = pick(files);
        // Written anew; a line of prose added (a new model whose summary reads the same); a box ticked or cleared; a section titled as a review or not;
        // the meeting moved to another series (another title; a log's meeting added or removed); its date moved.
        const was = texts.get(changed)!;
        const roll = next();
        const log = changed.endsWith('log.md');
        texts.set(
          changed,
          roll < 0.35
            ? text(changed)
            : roll < 0.6
              ? `${was}\n${pick(['We looked at the dashboards.', 'Priya: the cache is warm now.', ''])}\n`
              : roll < 0.75
                ? was.replace(/\[( |x)\]/, (_, box: string) => (box === 'x' ? '[ ]' : '[x]'))
                : roll < 0.85
                  ? was.includes('## Action items') ? was.replace('## Action items', '## Previous action items') : was.replace('## Previous action items', '## Action items')
                  : roll < 0.93
                    ? log
                      ? was.includes('## 2025-10-27') ? was.slice(0, was.indexOf('\n## 2025-10-27')) : `${was}\n\n## 2025-10-27\n${entry()}\n`
                      : was.includes('# Platform weekly') ? was.replace('# Platform weekly', '# Design review') : was.replace('# Design review', '# Platform weekly')
                    : was.replace(/2025-10-(\d\d)/, (_, day: string) => `2025-10-${String(((Number(day) + 2) % 28) + 1).padStart(2, '0')}`),
        );
        // What the last run would have kept (through JSON, as the index cache keeps it).
        const remembered: RememberedWork = new Map(JSON.parse(JSON.stringify([...rememberWork(index, sources)])));
        sources = sources.map((s) => (s.file === changed ? source(s.file) : s));
        const before = new Set(index.series);
        index = buildSeries(sources, index);
        if (index.seriesOf(changed).some((s) => before.has(s))) reused++;
        const fresh = said(sources, buildSeries(sources));
        assert.deepEqual(said(sources, index), fresh, `step ${step}, ${changed} changed`);
        const fromMemory = buildSeries(sources, undefined, remembered);
        assert.deepEqual(said(sources, fromMemory), fresh, `step ${step}, ${changed} changed, from remembered work`);
        const work = rememberWork(fromMemory, sources);
        remembers += [...work].filter(([id, kept]) => remembered.get(id)?.read === kept.read).length;
        // Work is keyed by the stamps where every file of the series has one.
        for (const s of fromMemory.series) assert.equal(work.get(s.id)!.read.startsWith('s:'), stamped && s.meetings.every((m) => m.file !== 'b/w1.md'), s.id);
      }
      assert.ok(reused >= 10, `series of a changed file reused ${reused} times`);
      // Most steps keep the changed file's meetings in their series: those are worked in from the previous index.
      assert.ok(seriesCounts.updated - updated >= 40, `${seriesCounts.updated - updated} of 80 indexes made from the previous one`);
      assert.ok(remembers >= 80, `series taken from remembered work ${remembers} times`);
      // A series followed again after a change goes on from the first meeting that reads otherwise the next time.
      assert.ok(seriesCounts.resumed - resumed >= 5, `${seriesCounts.resumed - resumed} series followed on from a later meeting`);
    });
    }

    it('is worked out a meeting at a time, so that a server answers requests while a long series is followed', () => {
      const days = ['2025-10-06', '2025-10-13', '2025-10-20', '2025-10-27', '2025-11-03', '2025-11-10'];
      const log = notes('# Infra log', ...days.flatMap((day) => ['', `## ${day}`, '', '- [ ] Jonas: rotate the certificates']));
      const steps = buildSeriesSteps([{ file: 'log.md', model: analyze(log, 'log.md') }]);
      let yields = 0;
      let result = steps.next();
      for (; !result.done; result = steps.next()) yields++;
      assert.ok(yields >= days.length, `${yields} steps for ${days.length} meetings`);
      assert.deepEqual(result.value.series[0].threads.map((t) => t.entries.length), [days.length]);
    });

    it('follows the work on from the meeting typed in, from the first keystroke on, as a build from scratch does', () => {
      const days = ['2025-10-06', '2025-10-13', '2025-10-20', '2025-10-27', '2025-11-03'];
      const log = (last: string) =>
        notes('# Infra log', ...days.flatMap((day, i) => ['', `## ${day}`, '', '### Action items', '', '- [ ] Jonas: rotate the certificates', `- [${i % 2 ? 'x' : ' '}] Priya: publish the on-call handbook`, ...(i === days.length - 1 ? [`- [ ] Wei: ${last}`] : [])]));
      const threads = (index: ReturnType<typeof buildSeries>) => index.series[0].threads.map((t) => t.entries.map((e) => `${e.meeting.date} ${e.itemId} ${e.status}`).join(' → '));
      const build = (text: string, previous?: ReturnType<typeof buildSeries>, remembered?: RememberedWork) => buildSeries([{ file: 'log.md', model: analyze(text, 'log.md') }], previous, remembered);
      let index = build(log('review the alerts'));
      const resumed = seriesCounts.resumed;
      for (const typed of ['review the alert', 'review the aler', 'rotate the certificates again', 'rotate the certificates']) {
        index = build(log(typed), index);
        assert.deepEqual(threads(index), threads(build(log(typed))), typed);
      }
      assert.equal(seriesCounts.resumed - resumed, 4, 'every keystroke follows the last meeting only');
      // A series taken from the work remembered by an earlier run (a warm start) goes on from its meeting too.
      const remembered = new Map(JSON.parse(JSON.stringify([...rememberWork(index, [{ file: 'log.md', model: analyze(log('rotate the certificates'), 'log.md') }])]))) as RememberedWork;
      const warm = build(log('rotate the certificates'), undefined, remembered);
      const typed = build(log('publish the alerts'), warm);
      assert.equal(seriesCounts.resumed - resumed, 5);
      assert.deepEqual(threads(typed), threads(build(log('publish the alerts'))));
    });

    it('goes on with work reworded along the way, matching its first wording too', () => {
      const log = (third: string) =>
        notes('# Infra log', '', '## 2025-10-06', '', '- [ ] Jonas: renew the staging cluster TLS certificates', '', '## 2025-10-13', '', '- [ ] Jonas: renew TLS certificates', '', '## 2025-10-20', '', `- [ ] Jonas: ${third}`);
      const build = (text: string, previous?: ReturnType<typeof buildSeries>) => buildSeries([{ file: 'log.md', model: analyze(text, 'log.md') }], previous);
      const entries = (index: ReturnType<typeof buildSeries>) => index.series[0].threads.map((t) => t.entries.length);
      const first = build(log('rotate the staging cluster certificates'));
      assert.deepEqual(entries(first), [3], 'the third wording is the first one\'s work, not the second one\'s');
      const resumed = seriesCounts.resumed;
      const typed = build(log('rotate the staging cluster certificate'), first);
      assert.equal(seriesCounts.resumed - resumed, 1);
      assert.deepEqual(entries(typed), [3]);
    });

    it('reuses the series of a running log after a keystroke in its transcript (the first one too), not after one in its action items', () => {
      const log = (said: string, task: string) =>
        notes('# Infra log', '', '## 2025-10-06', '', `[00:10] Priya: ${said}`, '', '### Action items', '', '- [ ] Jonas: rotate the certificates', '', '## 2025-10-13', '', '### Action items', '', `- [ ] Jonas: ${task}`);
      const build = (text: string, previous?: ReturnType<typeof buildSeries>) => buildSeries([{ file: 'log.md', model: analyze(text, 'log.md') }], previous);
      const first = build(log('We looked at the dashboards.', 'rotate the certificates'));
      const index = build(log('We looked at the dashboard.', 'rotate the certificates'), first);
      assert.equal(index.series[0], first.series[0], 'a first build is reused too');
      const typed = build(log('We looked at the dashboar.', 'rotate the certificates'), index);
      assert.equal(typed.series[0], index.series[0]);
      assert.equal(typed.series[0].threads.length, 1, 'the certificates are one piece of work');
      const reworded = build(log('We looked at the dashboar.', 'rotate the staging keys'), typed);
      assert.notEqual(reworded.series[0], typed.series[0]);
      assert.equal(reworded.series[0].threads.length, 2);
    });
  });
});
