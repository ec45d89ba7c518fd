import { strict as assert } from 'node:assert';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { exportItems, toCsv, toDigest, toICalendar } from '../../server/src/core/export';
import { fold } from '../../server/src/core/export/ics';
import { buildSeries } from '../../server/src/core/series';
import { analyze, notes } from '../helpers/notes';

type Files = Record<string, string>;

function itemsOf(files: Files) {
  const sources = Object.entries(files).map(([path, text]) => ({ path, model: analyze(text, path) }));
  return exportItems(sources, buildSeries(sources.map((s) => ({ file: s.path, model: s.model }))));
}

/** The calendar's events as ical.js reads them. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate, end: event.endDate, categories: component.getFirstPropertyValue('categories') };
  });
}

const weekly = (date: string, ...body: string[]) => notes(`# Platform weekly — ${date}`, 'Attendees: Priya Shah, Jonas Weber, Wei Zhang', '', ...body);

const SERIES: Files = {
  'notes/2025-10-06.md': weekly(
    '2025-10-06',
    '## Action items',
    '- [ ] Jonas: investigate the remote cache hit rate - Due: Friday',
    '- [ ] Priya: write the runbook; rotation, renewal and "break glass" steps - Due: 2025-10-15',
    '- [ ] Wei: collect the roadmap asks - Due: ASAP',
  ),
  'notes/2025-10-13.md': weekly(
    '2025-10-13',
    '## Status of last week’s action items',
    '- [ ] Jonas: investigate the remote cache hit rate - Due: 2025-10-17',
    '- [x] Priya: write the runbook; rotation, renewal and "break glass" steps ✅ 2025-10-14',
    '- [ ] Wei: collect the roadmap asks - Due: ASAP',
    '## New action items',
    '- [ ] @priya: =SUM(A1) sanity check of the on-call rota - Due: Thursday',
  ),
};

describe('exports', () => {
  describe('which items', () => {
    it('one row per piece of work as it stands now: entries carried on by a later meeting and commitment twins are left out', () => {
      const items = itemsOf({
        ...SERIES,
        'other/retro.md': notes('# Retro — 2025-10-10', 'Attendees: Ana Costa', '', '## Action items', '- Ana: fix the flaky test - Due: 2025-10-20', '## Commitments', '- Ana: fix the flaky test by 2025-10-20'),
      });
      assert.deepEqual(
        items.map((i) => `${i.path}:${i.line} ${i.owner} | ${i.task} | ${i.status} | waited ${i.waited} since ${i.firstRecorded}`),
        [
          'notes/2025-10-13.md:9 Priya Shah | =SUM(A1) sanity check of the on-call rota | open | waited 0 since 2025-10-13',
          'notes/2025-10-13.md:5 Jonas Weber | Investigate the remote cache hit rate | open | waited 1 since 2025-10-06',
          'other/retro.md:5 Ana Costa | Fix the flaky test | open | waited 0 since 2025-10-10',
          'notes/2025-10-13.md:6 Priya Shah | Write the runbook; rotation, renewal and "break glass" steps | done | waited 1 since 2025-10-06',
          'notes/2025-10-13.md:7 Wei Zhang | Collect the roadmap asks | open | waited 1 since 2025-10-06',
        ],
      );
    });
  });

  describe('iCalendar', () => {
    const ics = toICalendar(itemsOf(SERIES), { today: '2025-10-15' });

    it('is read by a real iCalendar parser: one all-day event per open item with a due date', () => {
      const found = events(ics);
      assert.deepEqual(
        found.map((e) => [e.summary, e.start.toString(), e.start.isDate, e.end.toString(), e.categories]),
        [
          ['Priya Shah: =SUM(A1) sanity check of the on-call rota', '2025-10-16', true, '2025-10-17', 'Action item'],
          ['Jonas Weber: Investigate the remote cache hit rate', '2025-10-17', true, '2025-10-18', 'Action item'],
        ],
      );
      assert.equal(
        found.find((e) => e.summary.startsWith('Jonas'))!.description,
        'Action item from Platform weekly (2025-10-13).\nDue: 2025-10-17.\nCarried over 1 meeting since 2025-10-06.\nnotes/2025-10-13.md:5',
      );
    });

    it('escapes text and folds long lines at 75 octets, never inside a character; lines end in CRLF', () => {
      const task = 'Write the runbook; rotation, renewal and "break glass" steps — ünïcödé 🚀 '.repeat(3).trim();
      const text = toICalendar(itemsOf({ 'a.md': notes('# Sync — 2025-10-06', '', '## Action items', `- [ ] Priya: ${task} - Due: 2025-10-20`) }), { today: '2025-10-15' });
      assert.ok(text.endsWith('\r\n'));
      assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `too long: ${line}`);
      assert.match(text, /SUMMARY:Priya: Write the runbook\\; rotation\\, renewal/);
      assert.equal(events(text)[0].summary, `Priya: ${task}`);
      // A four-byte character right at the limit moves to the next line whole.
      assert.deepEqual(fold(`SUMMARY:${'x'.repeat(66)}🚀🚀`).split('\r\n'), [`SUMMARY:${'x'.repeat(66)}`, ' 🚀🚀']);
    });

    it('keeps each event’s UID when the notes change: a new due date, another file, the next meeting carrying the work', () => {
      const uidOf = (files: Files, owner: string) => events(toICalendar(itemsOf(files), { today: '2025-10-15' })).find((e) => e.summary.startsWith(owner))!.uid;
      const first = { 'notes/2025-10-06.md': SERIES['notes/2025-10-06.md'] };
      const jonas = uidOf(first, 'Jonas');
      assert.equal(uidOf(SERIES, 'Jonas'), jonas, 'carried into the next meeting');
      assert.equal(uidOf({ 'moved/2025-10-06.md': first['notes/2025-10-06.md'] }, 'Jonas'), jonas, 'in another folder');
      assert.equal(uidOf({ 'notes/2025-10-06.md': first['notes/2025-10-06.md'].replace('Due: Friday', 'Due: 2025-10-31') }, 'Jonas'), jonas, 'with another due date');
      const uids = events(ics).map((e) => e.uid);
      assert.equal(new Set(uids).size, uids.length);
      assert.equal(toICalendar(itemsOf(SERIES), { today: '2025-10-15' }), ics, 'the same notes give the same file');
    });

    it('is a valid empty calendar when nothing is due', () => {
      const empty = toICalendar([], { today: '2025-10-15' });
      assert.equal(events(empty).length, 0);
      assert.equal(new ICAL.Component(ICAL.parse(empty)).getFirstPropertyValue('version'), '2.0');
    });
  });

  describe('CSV', () => {
    it('is read back by a CSV parser field for field: header row, quoting, a formula-looking cell made text', () => {
      const csv = toCsv(itemsOf(SERIES), { today: '2025-10-15' });
      assert.ok(csv.startsWith('\ufeffOwner,Task,'));
      assert.ok(!/[^\r]\n/.test(csv), 'rows end in CRLF');
      const rows: Array<Record<string, string>> = parseCsv(csv, { bom: true, columns: true });
      assert.deepEqual(
        rows.map((r) => [r.Owner, r.Task, r.Due, r['Due as written'], r.Status, r.Overdue, r['Done on'], r['Meetings waited'], r.File, r.Line]),
        [
          ['Priya Shah', "'=SUM(A1) sanity check of the on-call rota", '2025-10-16', 'Thursday', 'open', 'no', '', '0', 'notes/2025-10-13.md', '9'],
          ['Jonas Weber', 'Investigate the remote cache hit rate', '2025-10-17', '2025-10-17', 'open', 'no', '', '1', 'notes/2025-10-13.md', '5'],
          ['Priya Shah', 'Write the runbook; rotation, renewal and "break glass" steps', '', '', 'done', 'no', '2025-10-14', '1', 'notes/2025-10-13.md', '6'],
          ['Wei Zhang', 'Collect the roadmap asks', '', 'ASAP', 'open', 'no', '', '1', 'notes/2025-10-13.md', '7'],
        ],
      );
      assert.match(csv, /,"Write the runbook; rotation, renewal and ""break glass"" steps",/);
    });
  });

  describe('Markdown digest', () => {
    it('by owner: overdue, due this week, done since a date', () => {
      const digest = toDigest(itemsOf(SERIES), { today: '2025-10-17', since: '2025-10-13', fileCount: 2 });
      assert.equal(
        digest,
        [
          '# Action items digest — Fri, Oct 17, 2025',
          '',
          '1 overdue · 1 due this week (to Sun, Oct 19) · 1 done since Mon, Oct 13 (2025-10-13) · from 2 notes files',
          '',
          '## Jonas Weber',
          '',
          '### Due this week',
          '',
          '- [ ] Investigate the remote cache hit rate — due Fri, Oct 17 (today) · waited 1 meeting · `notes/2025-10-13.md:5`',
          '',
          '## Priya Shah',
          '',
          '### Overdue',
          '',
          '- [ ] =SUM(A1) sanity check of the on-call rota — was due Thu, Oct 16 (1 day late) · `notes/2025-10-13.md:9`',
          '',
          '### Done since 2025-10-13',
          '',
          '- [x] Write the runbook; rotation, renewal and "break glass" steps — done 2025-10-14 · `notes/2025-10-13.md:6`',
          '',
        ].join('\n'),
      );
    });

    it('says so when there is nothing to report, and escapes Markdown in tasks', () => {
      const items = itemsOf({ 'a.md': notes('# Sync — 2025-10-06', '', '## Action items', '- [ ] Priya: fix *all* the [links] in #ops | docs - Due: 2025-10-07') });
      assert.match(toDigest(items, { today: '2025-10-08', since: '2025-10-01', fileCount: 1 }), /- \[ \] Fix all the \\\[links\\\] in \\#ops \\\| docs — was due/);
      assert.match(toDigest([], { today: '2025-10-08', since: '2025-10-01', fileCount: 0 }), /\nNothing is overdue, due this week or done since 2025-10-01\.\n$/);
    });
  });
});
