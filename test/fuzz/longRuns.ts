// Long runs of one character (blanks, dashes, commas, words…) put into each shape of notes line at
// each of its blanks: reading must take linear time. A pattern with two ways to split a run (`\s*`
// after `\s*`) takes quadratic time, which a 200 KB line turns into minutes. Measured by scaling,
// not by a bound: the same text with a run twice as long must take about twice as long, not four
// times, whatever the machine's speed.
import { analyzeNotes } from '../../server/src/core/analyze';

const HEAD = '# Sync — 2025-03-10\nAttendees: Tom Bradley, Priya Shah\n\n';

/** Lines of every shape the reader knows: transcript heads and cues, entries, fields, tables, attendees. */
const LINES = [
  '[00:10] Tom Bradley: I will do it by Friday, and I will ship it (Wed).',
  '[05:00] Mike Johnson: Action item for me: test the pool by tomorrow.',
  '**Priya:** I can have the notes ready by Wednesday.',
  'Tom Bradley [00:08:10]: Sure, will do. Let me take that.',
  "Priya Shah: Yep, I'll dig into it this week and report back at the next retro.",
  'Tom Bradley  00:08',
  '**Tom Bradley** 10:32 AM',
  '☐ @Tom Bradley - ship it by Friday @priya',
  '- TODO Tom: ship it [owner:: Tom] DEADLINE: <2025-03-14 Fri> @March 14, 2025',
  '  - AI(@tom): ship it by Friday; AI @tom file it',
  'Priya Shah: Can you take the load test, Tom, please?',
  'Decision: we ship on Monday',
  '- [ ] Tom: task - Due: Friday',
  '- [x] Mike: done ✅ 2024-01-30',
  '- [ ] @tom investigate (due: 2025-03-12) - Status: done',
  '- Tom — migrate the jobs → Priya, end of Q1 (by EOD Friday) ASAP',
  '- Tom to ship it by the 15th, due tomorrow',
  '- Wei to split the epic - next sprint',
  '~~Tom: x~~ (done)',
  '- Owner: Tom',
  '| Owner | Task | Due | Status |',
  '| Tom | Ship it | Friday | ✅ done |',
  'Attendees: Tom Bradley (SRE), Mike Johnson and Priya',
  'Date: January 29, 2024',
  'ACTION ITEMS:',
  '### 👩 Tom Bradley:',
  "## Tom's action items",
  '## Action items for Tom (SRE)',
  '**Tom**',
  'Tom:',
  '<v Tom Bradley>I will file it today, and then scope it next sprint and report back.</v>',
  '00:00:01.000 --> 00:00:05.000',
  'AP for me: chase the vendor by Friday 5pm PT, then noon on Monday',
  '- [ ] PROJ-123 Tom: fix it by 3pm Friday',
];
const RUNS = [' ', '\t', '-', ',', '|', '(', '.', 'a ', ' - ', 'by ', 'I will ', '✅ '];

export interface LongRunCase {
  name: string;
  /** The text with a run of about `length` characters. */
  text: (length: number) => string;
}

/** Every line, with each run at each of its blanks (and at its end), in a summary section and in a transcript. */
export function longRunCases(): LongRunCase[] {
  const cases: LongRunCase[] = [];
  for (const line of LINES) {
    const spots = [...line.matchAll(/ /g)].map((m) => m.index!).concat(line.length);
    for (const run of RUNS) {
      for (const at of spots) {
        for (const section of ['## Action items\n\n', '']) {
          cases.push({
            name: `${JSON.stringify(line.slice(0, at))} + ${JSON.stringify(run)}… + ${JSON.stringify(line.slice(at))}${section ? ' (summary)' : ''}`,
            text: (length) => `${HEAD}${section}${line.slice(0, at)}${run.repeat(Math.ceil(length / run.length))}${line.slice(at)}\n`,
          });
        }
      }
    }
  }
  return cases;
}

/**
 * The cases whose time grows faster than their length: doubling the run more than triples the time
 * (above a floor of noise). A case that looks so once is timed again, the best of three, so that a
 * collection or a compilation in one run is not taken for it.
 */
export function superlinearRuns(cases: LongRunCase[], length = 20_000): Array<{ name: string; ms: number; doubledMs: number }> {
  const time = (text: string, tries = 1) => {
    let best = Infinity;
    for (let i = 0; i < tries; i++) {
      const started = performance.now();
      analyzeNotes(text, { fileName: 'notes.md' });
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const superlinear = (ms: number, doubledMs: number) => doubledMs > 100 && doubledMs > 3 * ms;
  const slow: Array<{ name: string; ms: number; doubledMs: number }> = [];
  for (const c of cases) {
    if (!superlinear(time(c.text(length)), time(c.text(2 * length)))) continue;
    const [ms, doubledMs] = [time(c.text(length), 3), time(c.text(2 * length), 3)];
    if (superlinear(ms, doubledMs)) slow.push({ name: c.name, ms, doubledMs });
  }
  return slow;
}
