// Random meeting notes for property tests and the server fuzz: documents built from the shapes
// real notes use (titles, attendees, transcript lines with cues, summary sections with entries in
// every layout) mixed with markdown noise, broken lines and unicode, plus random mutations of the
// examples. Everything is drawn through fast-check, so a seed reproduces a case.
import { type Dirent, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../helpers/notes';

/** Every notes file under examples/, series folders included. */
export const EXAMPLES: Array<{ name: string; text: string }> = (readdirSync(join(ROOT, 'examples'), { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((entry) => entry.isFile() && /\.(?:md|txt)$/.test(entry.name))
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .sort()
  .map((path) => ({ name: path.slice(join(ROOT, 'examples').length + 1), text: readFileSync(path, 'utf8') }));

const NAMES = ['Tom Bradley', 'Mike Johnson', 'Ana', 'Priya Shah', 'Jonas Weber', 'Chloé', "Zoë O'Neil", '李雷', 'مريم', '🦄 Uni', 'Tom', 'Mike'];
const HANDLES = ['@jonas', '@ana', '@priya.shah', '@tom-b'];
const TASKS = [
  'fix the flaky test',
  'update the runbook for cache outages',
  'Test Redis connection pool optimizations',
  'ship v2 of the importer',
  'write the migration docs',
  'review the Bazel pin',
  'send the notes',
  'schedule the leadership review',
  'take that',
  'migrate the cron jobs to the\n  new scheduler',
];
const DUES = [
  'Friday', 'tomorrow', 'Tomorrow', 'February 3', 'February 3rd', '2025-03-12', 'next Monday', 'ASAP', 'before production', 'end of week',
  'EOW', 'in two weeks', 'next week', 'over the weekend', 'March', 'TBD', 'February 30', '2025-13-01', '99999-01-01', '31/31/2025', 'Fri.',
];
const DATES = ['2025-03-10', 'January 29, 2024', '3 March 2025', '2024-02-30', '1999-12-31', 'Feb 29 2024', '99999-01-01'];
const CUES = [
  'I will {task} by {due}',
  "I'll {task}",
  'I commit to {task} by {due}',
  "I'm going to {task} {due}",
  'Decision: we {task}',
  'Action item for me: {task} by {due}',
  'Action item for {name}: {task}',
  'Can someone {task}?',
  "I'll take that",
  'I can {task} by {due}',
  "I won't {task}",
  'If we have time, I will {task}',
  'We talked about {task}. I will do it by {due}. Thanks',
  'TODO: {task}',
  'Will {task} by {due}',
  '{name}, can you {task} by {due}?',
  'Sure thing.',
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const name = pick(NAMES);
const owner = fc.oneof(name, pick(HANDLES));
const task = pick(TASKS);
const due = pick(DUES);
const time = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([m, s]) => `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`);

/** Replaces `{task}`, `{due}`, `{name}` in a template. */
const filled = (template: fc.Arbitrary<string>) =>
  fc.tuple(template, task, due, name).map(([t, k, d, n]) => t.replaceAll('{task}', k).replaceAll('{due}', d).replaceAll('{name}', n));

/** Unicode that trips text handling: right-to-left text and marks, zero-width characters, emoji, combining marks. */
const TRICKY = ['\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066', '\ufeff', '👍🏽', '👨‍👩‍👧', 'é', 'e\u0301', '\u00a0', '\t', '\u2028', 'مريم', '🦄'];

const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.array(pick(TRICKY), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ unit: pick(['*', '_', '[', ']', '(', ')', '`', '~', '<', '>', '!', '-', '|', '#', ':', ' ', '\\', '✅', '@']), maxLength: 40 }),
);

/** A run of one small token repeated many times: what makes a pattern or a parser slow. */
const longRun = fc
  .tuple(pick(['Friday ', '12 ', '- ', '> ', '*_', '[a](', '<!-- ', '  ', 'by ', '✅ ', 'I can ', '.', 'a.', '`a', '|', '\t', 'Tom: ']), fc.integer({ min: 50, max: 3000 }))
  .map(([token, times]) => token.repeat(times));

const entry = fc.oneof(
  filled(fc.tuple(owner, pick(['- {o}: {task} - Due: {due}', '1. {o}: {task} by {due}', '- [ ] {o} {task} (due: {due})', '* {o} to {task}', '- {task}', '2) {o}: {task}'])).map(([o, t]) => t.replace('{o}', o))),
  filled(pick(['- [x] {task} ✅ 2025-03-10', '- ~~{task}~~ (moved)', '- {name}: {task} - Done', '- [ ] {task}', '{name} to {task} by {due}', '  - a detail about {task}'])),
  filled(pick(['☐ {name}: {task} by {due}', '☑ {task} ✅ 2025-03-10', '☒ @{name} - {task}', '- {name} will {task}', '- {name} agreed to {task} by {due}', '- {name} finished {task}', '- {task} by {due} → {name}', '- {task} - Due: {due} @jonas', '- {task} (owner: {name})'])),
  filled(pick(['  - AI(@jonas): {task} by {due}', '- AI: {name} to {task}', '- Action item (@ana): {task}', '  - AI @priya.shah {task}', '- {name} (@jonas)'])),
  filled(pick(['- TODO {name}: {task}\n  DEADLINE: <2025-03-14 Fri>', '- DONE {task}', '- LATER {task} @{due}', '- [ ] {task} [owner:: {name}] [due:: {due}]', '- [ ] {task} @{name}'])),
  filled(pick(['| {name} | {task} | {due} | Open |', '| {name} | {task} | {due} | Done |', '| {task} | {name} |'])),
);

const transcriptLine = fc.oneof(
  fc.tuple(time, name, filled(pick(CUES))).map(([t, n, c]) => `[${t}] ${n}: ${c}`),
  fc.tuple(name, filled(pick(CUES))).map(([n, c]) => `**${n}:** ${c}`),
  fc.tuple(name, filled(pick(CUES))).map(([n, c]) => `${n}: ${c}`),
  fc.tuple(name, time, pick(['', ' AM', ' pm']), filled(pick(CUES))).map(([n, t, m, c]) => `**${n}** ${t}${m}\n${c}`),
  pick(['[99:99:99] Tom: I will fix it', '[5:] Tom: x', '[] : I will', '[00:01]: I will do it', '[00:02] : I will do it by Friday', '**:** I will', '[00:03]', '[']),
);

const structure = fc.oneof(
  fc.tuple(pick(['Sync', 'Architecture Review', 'Retro', '']), pick(DATES)).map(([t, d]) => `# ${t} — ${d}`),
  pick(DATES).map((d) => `Date: ${d}`),
  fc.array(name, { minLength: 1, maxLength: 5 }).map((n) => `Attendees: ${n.join(', ')}`),
  pick(['## Attendees', 'ACTION ITEMS:', '## Action Items', 'DECISIONS:', '## Decisions', 'COMMITMENTS:', '## Next steps', 'TODO', '### Key decisions', '## 2025-03-10']),
  pick(['| Owner | Task | Due | Status |', '|---|---|---|---|', '| --- | :-- |']),
  pick(['```', '~~~', '> quoted', '<!-- comment -->', '<!--', '-->', '---', '    indented code', '***', '<div>', '[a]: http://x', '[^1]: note', '- - - -', '>>>> deep']),
);

const line = fc.oneof(
  { weight: 4, arbitrary: entry },
  { weight: 4, arbitrary: transcriptLine },
  { weight: 3, arbitrary: structure },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: junk },
  { weight: 1, arbitrary: fc.tuple(entry, junk).map(([e, j]) => e + j) },
);

const frontMatter = fc.tuple(pick(DATES), fc.array(name, { maxLength: 3 })).map(([d, n]) => `---\ntitle: Sync\ndate: ${d}\nattendees: [${n.join(', ')}]\n---`);

/** A notes document with `\n` line endings. */
export const notesText: fc.Arbitrary<string> = fc
  .tuple(fc.option(frontMatter, { freq: 5 }), fc.array(line, { maxLength: 40 }), fc.option(longRun, { freq: 12 }))
  .map(([front, lines, run]) => {
    const all = [...(front ? [front] : []), ...lines];
    if (run) all.splice(Math.floor(all.length / 2), 0, run);
    return all.join('\n');
  });

/** Mutations of a text: what typing, pasting and merging do to notes. */
const mutation = fc.oneof(
  fc.tuple(fc.constant('delete' as const), fc.nat(), fc.nat({ max: 200 })),
  fc.tuple(fc.constant('insert' as const), fc.nat(), fc.oneof(line, junk, fc.constantFrom('\n', '\r\n', '\r', '- ', '[x] ', '| ', ': '))),
  fc.tuple(fc.constant('duplicate' as const), fc.nat(), fc.nat({ max: 300 })),
  fc.tuple(fc.constant('eol' as const), fc.nat(), fc.constantFrom('\n', '\r\n', '\r')),
);

export function mutate(text: string, mutations: Array<[string, number, number | string]>): string {
  let out = text;
  for (const [kind, at, arg] of mutations) {
    const i = out.length ? at % (out.length + 1) : 0;
    if (kind === 'delete') out = out.slice(0, i) + out.slice(i + (arg as number));
    else if (kind === 'insert') out = out.slice(0, i) + (arg as string) + out.slice(i);
    else if (kind === 'duplicate') out = out.slice(0, i) + out.slice(i, i + (arg as number)) + out.slice(i);
    else if (kind === 'eol') out = out.replace(/\r\n|\r|\n/g, arg as string);
  }
  return out;
}

/** An example file with random mutations. */
export const mutatedExample: fc.Arbitrary<string> = fc
  .tuple(pick(EXAMPLES.map((e) => e.text)), fc.array(mutation, { maxLength: 8 }))
  .map(([text, mutations]) => mutate(text, mutations as Array<[string, number, number | string]>));

/** Any text the analysis may be given: generated notes, mutated examples, or random mixed line endings. */
export const anyNotes: fc.Arbitrary<string> = fc.oneof(
  notesText,
  mutatedExample,
  notesText.map((text) => `\ufeff${text}`),
  fc.tuple(notesText, fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 20 })).map(([text, eols]) => {
    let i = 0;
    return text.replace(/\n/g, () => eols[i++ % eols.length]);
  }),
);

/**
 * Notes as people write them, with no noise: a heading with the meeting's date, attendees, a
 * transcript and summary sections of one layout each, blocks apart. What a quick fix must get
 * exactly right (the noisy generators above find what must merely not break).
 */
export const wellFormedNotes: fc.Arbitrary<string> = (() => {
  const person = pick(NAMES.filter((n) => /^\p{L}/u.test(n)));
  const oneLineTask = pick(TASKS.map((t) => t.replace(/\n\s*/g, ' ')));
  // Speakers are attendees: a line `Name: …` of someone else continues the statement before it.
  const speech = (people: string[]) =>
    fc.tuple(fc.option(time, { freq: 2 }), pick(people), pick(CUES), oneLineTask, due).map(([t, n, cue, k, d]) => `${t ? `[${t}] ` : ''}${n}: ${cue.replaceAll('{task}', k).replaceAll('{due}', d).replaceAll('{name}', n)}`);
  const entryRow = fc.tuple(person, oneLineTask, due);
  const LAYOUTS: Array<(rows: Array<[string, string, string]>) => string[]> = [
    (rows) => rows.map(([n, k, d]) => `- ${n}: ${k} - Due: ${d}`),
    (rows) => rows.map(([n, k, d], i) => `${i + 1}. ${n}: ${k} by ${d}`),
    (rows) => rows.map(([n, k, d]) => `- [ ] ${n}: ${k} (due: ${d})`),
    (rows) => rows.map(([n, k]) => `- ${n} to ${k}`),
    (rows) => ['| Owner | Task | Due | Status |', '|---|---|---|---|', ...rows.map(([n, k, d]) => `| ${n} | ${k} | ${d} | Open |`)],
  ];
  const section = fc.tuple(pick(['ACTION ITEMS:', '## Action Items', '## Next steps', 'COMMITMENTS:']), fc.nat(LAYOUTS.length - 1), fc.array(entryRow, { minLength: 1, maxLength: 4 }))
    .map(([title, layout, rows]) => [title, ...(title.startsWith('#') ? [''] : []), ...LAYOUTS[layout](rows)].join('\n'));
  const meeting = fc
    .tuple(pick(['Sync', 'Architecture Review', 'Retro']), pick(DATES.slice(0, 3)), fc.uniqueArray(person, { minLength: 1, maxLength: 4 }), fc.array(section, { maxLength: 2 }))
    .chain(([title, date, people, sections]) =>
      fc.array(speech(people), { minLength: 1, maxLength: 6 }).map((lines) => [`# ${title} — ${date}`, `Attendees: ${people.join(', ')}`, lines.join('\n'), ...sections].join('\n\n')),
    );
  return fc.array(meeting, { minLength: 1, maxLength: 2 }).map((meetings) => `${meetings.join('\n\n')}\n`);
})();

export { line as notesLine, junk as junkText };
