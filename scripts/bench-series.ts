// Times the meeting-series analysis on a generated series: `npx tsx scripts/bench-series.ts [MEETINGS]`.
import type { NotesModel } from '../server/src/core/model';
// The worst case on purpose: nothing is ever marked done, so open work piles up meeting after meeting;
// each meeting re-lists the last 12 items and adds 5 new ones of 5 words from ~600.
import { analyzeNotes } from '../server/src/core/analyze';
import { type SeriesSource, buildSeries } from '../server/src/core/series';

const meetings = Number(process.argv[2] ?? 150);
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'do', 'gu', 'fe', 'hi', 'ja', 'bo', 'cu', 'wy', 'xe', 'qa', 'ro', 'le', 'mu', 'ni'];
const words = syllables.flatMap((a) => syllables.map((b) => `${a}${b}ter`));
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const task = () => Array.from({ length: 5 }, () => words[Math.floor(random() * words.length)]).join(' ');
const owners = ['Priya', 'Jonas', 'Marta', 'Wei', 'Ana'];

const listed: string[] = [];
const sources: Array<SeriesSource & { model: NotesModel }> = [];
let day = Date.UTC(2020, 0, 6);
for (let m = 0; m < meetings; m++, day += 7 * 86_400_000) {
  const date = new Date(day).toISOString().slice(0, 10);
  const lines = [`# Platform weekly — ${date}`, 'Attendees: Priya Shah, Jonas Weber, Marta Silva, Wei Zhang, Ana Costa', '', "## Status of last week's action items"];
  for (const entry of listed.slice(-12)) lines.push(`- [ ] ${entry}`);
  lines.push('', '## New action items');
  for (let i = 0; i < 5; i++) {
    const entry = `${owners[(m + i) % 5]}: ${task()}`;
    listed.push(entry);
    lines.push(`- [ ] ${entry}`);
  }
  sources.push({ file: `notes/${date}.md`, model: analyzeNotes(lines.join('\n'), { fileName: `${date}.md` }) });
}
const items = sources.reduce((n, s) => n + s.model.items.length, 0);

const time = (run: () => unknown) => {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `median ${times[3].toFixed(1)} ms, best ${times[0].toFixed(1)} ms`;
};

let index = buildSeries(sources);
console.log(`${meetings} meetings, ${items} entries, ${index.series[0].threads.length} pieces of work`);
console.log(`full build:                            ${time(() => buildSeries(sources))}`);
// An editor's keystroke: one file has a new model, the previous index is reused for the rest.
const last = sources.length - 1;
console.log(`rebuild after one file changed:        ${time(() => {
  sources[last] = { file: sources[last].file, model: analyzeNotes(sources[last].model.text, { fileName: sources[last].file }) };
  index = buildSeries(sources, index);
})}`);
console.log(`rebuild with nothing changed:          ${time(() => (index = buildSeries(sources, index)))}`);
