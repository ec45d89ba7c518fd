import { strict as assert } from 'node:assert';
import { dirname, join } from 'node:path';
import * as chrono from 'chrono-node';
import { casualEnglish, mayHoldDuration } from '../../server/src/core/dates/chronoReader';
import { findDuePhrase } from '../../server/src/core/dates/findDue';
import { dateFromFileName, splitTitleDate } from '../../server/src/core/dates/meetingDate';
import { readDate, readDueValue } from '../../server/src/core/dates/readDate';

// Meeting on Monday 2024-01-29 unless a row says otherwise. `vague` means a due date that names no day;
// `none` means the words are not a date at all.
const MONDAY = '2024-01-29';
const TABLE: Array<[phrase: string, expected: string, meeting?: string]> = [
  ['Tomorrow', '2024-01-30'],
  ['today', '2024-01-29'],
  ['tonight', '2024-01-29'],
  ['EOD', '2024-01-29'],
  ['day after tomorrow', '2024-01-31'],
  ['February 3', '2024-02-03'],
  ['February 3rd', '2024-02-03'],
  ['Feb 3rd', '2024-02-03'],
  ['Nov 7', '2023-11-07'],
  ['3 March 2025', '2025-03-03'],
  ['2025-03-12', '2025-03-12'],
  ['March 4, 2025', '2025-03-04'],
  ['Monday, March 10th 2025', '2025-03-10'],
  ['Friday, February 2', '2024-02-02'],
  // Day and month with a closing stop, as German-speaking teams write them.
  ['2.2.', '2024-02-02'],
  ['28.11.', '2023-11-28'],
  // A month and day with no year: the year nearest the meeting.
  ['December 18', '2024-12-18', '2025-01-08'],
  ['December 18', '2023-12-18'],
  ['Jan 2', '2025-01-02', '2024-12-20'],
  // A bare weekday: the next one on or after the meeting day.
  ['Friday', '2024-02-02'],
  ['friday', '2024-02-02'],
  ['Monday', '2024-01-29'],
  ['Wednesday', '2024-01-31'],
  ['Fri', '2024-02-02'],
  ['this Friday', '2024-02-02'],
  ['on Thursday', '2024-02-01'],
  ['Sunday', '2024-02-04'],
  ['Friday', '2024-02-09', '2024-02-03'],
  // `next <weekday>`: that weekday in the following week.
  ['next Monday', '2024-02-05'],
  ['next Friday', '2024-02-09'],
  ['Friday next week', '2024-02-09'],
  ['next Monday', '2024-02-05', '2024-02-02'],
  ['End of week', '2024-02-02'],
  ['end of this week', '2024-02-02'],
  ['EOW', '2024-02-02'],
  ['this week', '2024-02-02'],
  ['end of week', '2024-02-02', '2024-02-02'],
  ['this weekend', '2024-02-04'],
  ['over the weekend', '2024-02-04'],
  ['the weekend', '2024-02-04'],
  ['next week', '2024-02-09'],
  ['end of next week', '2024-02-09'],
  ['end of month', '2024-01-31'],
  ['end of the month', '2024-02-29', '2024-02-10'],
  ['end of next month', '2024-02-29'],
  ['in two weeks', '2024-02-12'],
  ['in 2 weeks', '2024-02-12'],
  ['in 3 days', '2024-02-01'],
  ['end of quarter', '2024-03-31'],
  ['end of year', '2024-12-31'],
  ['February', '2024-02-29'],
  ['end of March', '2024-03-31'],
  ['EOD Friday', '2024-02-02'],
  ['COB on Wednesday', '2024-01-31'],
  ['end of day Thursday', '2024-02-01'],
  // The day's end as British teams write it, on a day or alone.
  ['EOP Friday', '2024-02-02'],
  ['close of play', '2024-01-29'],
  ['close of business tomorrow', '2024-01-30'],
  ['Tuesday COP', '2024-01-30'],
  // `w/c 5 Feb` (week commencing): that week's Friday, as `next week` is.
  ['w/c 5 Feb', '2024-02-09'],
  ['week commencing 5 February', '2024-02-09'],
  ['the week of Feb 5', '2024-02-09'],
  // Holidays (US Thanksgiving), the next on or after the meeting.
  ['Thanksgiving', '2024-11-28'],
  ['Thanksgiving', '2025-11-27', '2024-11-29'],
  ['Christmas', '2024-12-25'],
  ['Christmas Eve', '2024-12-24'],
  ["New Year's Eve", '2024-12-31'],
  ["New Year's Day", '2025-01-01'],
  ['the new year', 'none'],
  // `the 15th`: that day of this month, or of the next month when it is past.
  ['the 15th', '2024-02-15'],
  ['the 31st', '2024-01-31'],
  ['the 2nd', '2024-02-02'],
  ['the 30th', '2024-03-30', '2024-01-31'],
  ['end of Q1', '2024-03-31'],
  ['the end of Q4', '2023-12-31'],
  ['end of Q3 2025', '2025-09-30'],
  ['Q2 end', '2024-06-30'],
  ['Before production', 'vague'],
  ['before we go to production', 'vague'],
  ['ASAP', 'vague'],
  ['TBD', 'vague'],
  ['next sprint', 'vague'],
  ['mid-March', 'vague'],
  ['Q3', 'vague'],
  ['February 30', 'vague'],
  ['2025-13-01', 'vague'],
  // A time of day goes with its date, before or after it (and a time zone after a time).
  ['Friday 5pm', '2024-02-02'],
  ['Friday at noon', '2024-02-02'],
  ['Feb 9th EOD', '2024-02-09'],
  ['Friday EOD PT', '2024-02-02'],
  ['Friday, 10:30 a.m. CET', '2024-02-02'],
  ['Thursday end of day', '2024-02-01'],
  ['tomorrow in the afternoon', '2024-01-30'],
  ['3pm Friday', '2024-02-02'],
  ['noon on Wednesday', '2024-01-31'],
  // Parts of a day or week, and how soon.
  ['the end of the day', MONDAY],
  ['later today', MONDAY],
  ['later this week', '2024-02-02'],
  ['mid next week', '2024-02-07'],
  ['midweek', '2024-01-31'],
  ['late next week', '2024-02-09'],
  ['within two weeks', '2024-02-12'],
  ['later', 'vague'],
  ['17:30', 'none'],
  ['5pm', 'none'],
  ['noon', 'none'],
  ['3 days of work', 'none'],
  ['the team', 'none'],
  ['Sarah', 'none'],
  ['3rd party', 'none'],
  ['the 45th', 'none'],
];

describe('due dates', () => {
  for (const [phrase, expected, meeting = MONDAY] of TABLE) {
    it(`"${phrase}" said on ${meeting} → ${expected}`, () => {
      const reading = readDate(phrase, meeting);
      if (expected === 'none') {
        assert.equal(reading?.date ?? null, null);
        assert.ok(!reading?.vague, 'not even a vague date');
        return;
      }
      assert.ok(reading, 'read as a date');
      assert.equal(reading.length, phrase.length, 'the whole phrase is the date');
      if (expected === 'vague') {
        assert.equal(reading.date, null);
        assert.equal(reading.vague, true);
      } else {
        assert.equal(reading.date, expected);
        assert.equal(reading.vague, false);
      }
    });
  }

  it('leaves relative dates unresolved when the notes have no date', () => {
    assert.deepEqual(readDate('Tomorrow', null), { date: null, vague: false, invalid: false, length: 8 });
    assert.equal(readDate('March 4, 2025', null)?.date, '2025-03-04');
    assert.equal(readDate('March 4', null)?.date, null);
  });

  it('reads a labelled value as a due even when it is no date', () => {
    assert.deepEqual(readDueValue('Before production', MONDAY), { date: null, vague: true, invalid: false, length: 17 });
    assert.deepEqual(readDueValue('whenever Sam is back', MONDAY), { date: null, vague: true, invalid: false, length: 20 });
    assert.equal(readDueValue('Friday (pending review)', MONDAY).date, '2024-02-02');
    // A field's value reaches the reader without its closing stop (`Due: 2.2.`); a version is no date.
    assert.deepEqual(readDueValue('2.2', MONDAY), { date: '2024-02-02', vague: false, invalid: false, length: 3 });
    assert.equal(readDate('2.2 of the API', MONDAY), null);
  });

  describe('in running words', () => {
    const find = (text: string, atEnd = false) => findDuePhrase(text, 0, MONDAY, { atEnd, allowBare: true });

    it('takes `by <date>` even mid-sentence, without the words after it', () => {
      const found = find('having it ready by February 3rd for Phase 1');
      assert.equal(found?.due.text, 'February 3rd');
      assert.equal(found?.due.date, '2024-02-03');
    });

    it('takes the words that say how soon or when in the day with the date, leaving the task whole', () => {
      for (const [text, due, date] of [
        ['send it by the end of the day', 'the end of the day', MONDAY],
        ['send it later today', 'later today', MONDAY],
        ['send it early next week', 'early next week', '2024-02-05'],
        ['send it mid next week', 'mid next week', '2024-02-07'],
        ['send it within two weeks', 'within two weeks', '2024-02-12'],
        ['send it by Friday 5pm', 'Friday 5pm', '2024-02-02'],
      ]) {
        const found = find(text);
        assert.deepEqual([found?.due.text, found?.due.date, found && (text.slice(0, found.cut.start) + text.slice(found.cut.end)).trim()], [due, date, 'send it'], text);
      }
    });

    it('reads no due date in a repetition (`every Tuesday`)', () => {
      assert.equal(find('book a pairing slot every Tuesday', true), null);
      assert.equal(find('run the report each other Friday', true), null);
      assert.equal(find('review every PR by Friday', true)?.due.date, '2024-02-02');
    });

    it('reads no due date in a start (`starting Monday`, `from next week`)', () => {
      assert.equal(find('set up a rota for standup notes starting Monday', true), null);
      assert.equal(find('take the pager from next week', true), null);
      assert.equal(find('switch to the new runners as of the 15th', true), null);
      assert.equal(find('set up the rota starting Monday by Friday', true)?.due.date, '2024-02-02');
    });

    it('keeps the preposition of a vague milestone', () => {
      assert.equal(find('implementing cost optimization before we go to production.')?.due.text, 'before we go to production');
    });

    it('ends a date at its last character: chrono\'s reading may take the blanks before a backtick', () => {
      for (const eol of ['\n', '\r\n', ' ']) {
        const text = `I will fix the flaky test by February 3rd${eol}\`a\` then`;
        const found = findDuePhrase(text, 0, MONDAY, { atEnd: false, allowBare: false });
        assert.deepEqual(found && { text: found.due.text, date: found.due.date, due: text.slice(found.due.span.start, found.due.span.end), cut: text.slice(found.cut.start, found.cut.end) }, { text: 'February 3rd', date: '2024-02-03', due: 'February 3rd', cut: ' by February 3rd' }, JSON.stringify(eol));
      }
    });

    it('reads a number after a written date as its year only when that is the meeting\'s year or next to it', () => {
      assert.deepEqual(readDate('3rd March 10 people', MONDAY), { date: '2024-03-03', vague: false, invalid: false, length: 9 });
      assert.deepEqual(readDate('March 3rd, 10', MONDAY), { date: '2024-03-03', vague: false, invalid: false, length: 9 });
      assert.deepEqual(readDate('3 Mar 25', MONDAY), { date: '2025-03-03', vague: false, invalid: false, length: 8 });
      assert.deepEqual(readDate('3/12/23', MONDAY), { date: '2023-03-12', vague: false, invalid: false, length: 7 });
    });

    it('reads the same date whatever blanks follow it (chrono reads `3rd March` and five blanks as `March`)', () => {
      for (const blanks of ['', ' ', '     ', '              ', '\t\t\t\t\t']) {
        const found = find(`ship it by 3rd March${blanks}`, true);
        assert.deepEqual([found?.due.text, found?.due.date], ['3rd March', '2024-03-03'], JSON.stringify(blanks));
        assert.equal(readDate(`3rd March${blanks || ' '}then more`, MONDAY)?.length, 9, JSON.stringify(blanks));
      }
    });

    it('takes a closing relative phrase without a preposition', () => {
      assert.equal(find("run cleanup over the weekend.")?.due.date, '2024-02-04');
      assert.equal(find('send the notes tomorrow')?.due.date, '2024-01-30');
    });

    it('never reads a timestamp, a duration or a weekday in a name as a due date', () => {
      assert.equal(find('[17:30] we talked'), null);
      assert.equal(find('about 3 days of work'), null);
      assert.equal(find('review the Monday report with Sam'), null);
      assert.equal(find('written by Sarah'), null);
    });
  });

  describe('in titles and file names', () => {
    it('splits a title from its date', () => {
      assert.deepEqual(splitTitleDate('Engineering Architecture Review - January 29, 2024', null), { title: 'Engineering Architecture Review', date: '2024-01-29' });
      assert.deepEqual(splitTitleDate('Infra sync — 2025-09-15', null), { title: 'Infra sync', date: '2025-09-15' });
      assert.deepEqual(splitTitleDate('Café Ops Weekly – 3 March 2025', null), { title: 'Café Ops Weekly', date: '2025-03-03' });
      assert.deepEqual(splitTitleDate('2025-10-06', null), { title: '', date: '2025-10-06' });
      assert.deepEqual(splitTitleDate('Sprint review - March 4, 2025', null), { title: 'Sprint review', date: '2025-03-04' });
      assert.deepEqual(splitTitleDate('Weekly sync (2025-03-10)', null), { title: 'Weekly sync', date: '2025-03-10' });
    });

    it('does not take relative words or numbers for a meeting date', () => {
      assert.equal(splitTitleDate('Retro in two weeks', null), null);
      assert.equal(splitTitleDate('Q3 planning', null), null);
      assert.equal(splitTitleDate('Release 2.4 review', null), null);
    });

    it('reads the date in a file name', () => {
      assert.equal(dateFromFileName('notes/2025-03-10-platform.md'), '2025-03-10');
      assert.equal(dateFromFileName('standup_20250310.txt'), '2025-03-10');
      assert.equal(dateFromFileName('2025-02-30-x.md'), null);
      assert.equal(dateFromFileName('README.md'), null);
    });
  });
});

describe('the date reader', () => {
  const DURATIONS = [
    '3 days ago',
    '2 weeks from now',
    'a week later',
    'half an hour before the demo',
    'a couple of days after launch',
    'ship it 10d ago',
    'two months later',
    'five weeks earlier',
    '1.5 hours later',
    'A FEW DAYS AGO',
  ];
  const OTHERS = [
    'in 3 days',
    'the day after tomorrow',
    'by Friday',
    'Due: Before production',
    'Due:c Before production',
    "We'll decide after the demo",
    'Clean up the runbook',
    'I will send the rollout notes',
    'the release after the freeze',
    'a handout later',
  ];
  const read = (reader: chrono.Chrono, text: string) =>
    reader.parse(text, new Date(Date.UTC(2024, 0, 29, 12))).map((r) => `${r.index} ${r.text} ${r.start.date().toISOString()}`);

  it('reads what chrono reads, with its duration parsers run only on texts that may hold a duration', () => {
    for (const text of [...DURATIONS, ...OTHERS]) assert.deepEqual(read(casualEnglish, text), read(chrono.casual, text), text);
    assert.ok(DURATIONS.every((text) => read(chrono.casual, text).length > 0), 'each duration is one chrono reads');
  });

  it('runs the duration parsers only where a number, a unit and an end word come in a row', () => {
    assert.deepEqual(DURATIONS.filter((text) => !mayHoldDuration(text)), []);
    assert.deepEqual(
      OTHERS.filter((text) => mayHoldDuration(text)),
      // `the day after`: the pattern's shape, though not a duration; `handout later`: `an`, `d`, `out`.
      ['the day after tomorrow', 'a handout later'],
    );
  });

  it('lets through every time unit chrono reads in a duration', () => {
    // chrono's own list of units (not among its package's exports, hence the path).
    const constants = require(join(dirname(require.resolve('chrono-node')), 'locales', 'en', 'constants.js')) as { TIME_UNIT_DICTIONARY: Record<string, string> };
    const units = Object.keys(constants.TIME_UNIT_DICTIONARY);
    assert.ok(units.length > 30, `${units.length} units`);
    for (const unit of units) {
      for (const text of [`2 ${unit} ago`, `a ${unit.toUpperCase()} later`, `the ${unit}from now`]) {
        assert.ok(mayHoldDuration(text), text);
        if (read(chrono.casual, text).length) assert.deepEqual(read(casualEnglish, text), read(chrono.casual, text), text);
      }
    }
  });
});
