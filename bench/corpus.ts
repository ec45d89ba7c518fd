// Deterministic benchmark corpora: meeting notes in the shapes of examples/ (transcript + summary,
// markdown checklists, running logs), plus ordinary docs that are not notes, from a seeded PRNG so
// every run measures the same bytes. Written under bench/corpus/ (gitignored), regenerated only
// when the generator's revision changes.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REVISION = 3;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  ['Mike Johnson', 'Engineering Lead'], ['David Kim', 'Backend Engineer'], ['Rachel Torres', 'QA Lead'], ['Tom Bradley', 'DevOps'],
  ['Alex Rivera', 'Data Scientist'], ['Priya Shah', 'SRE'], ['Jonas Weber', 'Build Infra'], ['Wei Zhang', 'Product'],
  ['Marta Silva', 'Backend'], ['Sara Lind', 'Mobile'], ['Tomás Ruiz', 'Mobile'], ['Mei Chen', 'Release Manager'],
  ['Olu Adeyemi', 'Security'], ['Hana Sato', 'Frontend'], ['Lukas Novak', 'Platform'], ['Amara Okafor', 'Design'],
];
const VERBS = ['migrate', 'review', 'document', 'benchmark', 'deploy', 'roll back', 'audit', 'draft', 'test', 'upgrade', 'split', 'profile', 'rewrite', 'monitor', 'clean up'];
const OBJECTS = [
  'the Redis connection pool', 'the WebSocket gateway', 'the SSO endpoints', 'the job queue', 'the billing export', 'the search index',
  'the staging certificates', 'the alert thresholds', 'the deploy scripts', 'the cache client', 'the mobile release notes', 'the PII scrubber',
  'the API rate limiter', 'the capacity plan', 'the onboarding runbook', 'the nightly integration suite', 'the metrics dashboard', 'the feature flags',
];
const DUES = ['by Friday', 'by tomorrow', 'by end of week', 'by next Monday', 'by February 3', 'by March 12', 'before production', 'by 2025-03-14', 'over the weekend', 'by Wednesday'];
const SUMMARY_DUES = ['Friday', 'Tomorrow', 'End of week', 'next Monday', 'February 3', 'March 12', 'Before production', '2025-03-14', 'ASAP', 'Wednesday'];
const DECISION_ENDINGS = [' before the next release', ' this quarter', '', ' starting next sprint', ' for phase one', ' and revisit in March', ' as the default'];
const CHATTER = [
  'We saw about 15% higher latency on cache reads compared to the old system.',
  "That seems high. Can we explore alternatives before we commit to the cost?",
  'From the QA side, a hybrid approach doubles our test matrix.',
  'The numbers from last week look better, but the tail latency is still noisy.',
  "I haven't seen any failures in my test runs, so it may be load related.",
  'Good point. The vendor said the fix ships in their next minor release.',
  'We already agreed on the rollout plan in the product sync, so let us not reopen it.',
  'The dashboards show the error budget at 40% for the month.',
  'Customers on the enterprise plan asked about this twice in the last sprint.',
  'That would reduce infrastructure needs significantly, at least for phase one.',
];

interface Ctx {
  next: () => number;
}
const pick = <T>(c: Ctx, list: readonly T[]): T => list[Math.floor(c.next() * list.length)];
const first = (name: string) => name.split(' ')[0];
const two = (n: number) => String(n).padStart(2, '0');
/** `[MM:SS]`, or `[HH:MM:SS]` past the first hour (as transcription tools write them). */
const stamp = (seconds: number) =>
  seconds < 3600 ? `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}` : `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
const task = (c: Ctx) => `${pick(c, VERBS)} ${pick(c, OBJECTS)}`;
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** A long transcript with its summary, like the sample; grows until `bytes`. */
export function transcriptNotes(bytes: number, seed: number): string {
  const c: Ctx = { next: random(seed) };
  const people = PEOPLE.slice(0, 5 + Math.floor(c.next() * 5));
  const lines = [
    'Engineering Architecture Review - January 29, 2024',
    `Attendees: ${people.map(([n, r]) => `${n} (${r})`).join(', ')}`,
    '',
  ];
  const actions: string[] = [];
  const commitments: string[] = [];
  const decisions: string[] = [];
  let size = lines.join('\n').length;
  let seconds = 0;
  const summaryShare = 0.06; // the summary grows with the transcript
  while (size < bytes * (1 - summaryShare)) {
    const [speaker] = pick(c, people);
    const roll = c.next();
    let said: string;
    if (roll < 0.08) {
      const t = task(c);
      const due = pick(c, DUES);
      said = `${pick(c, CHATTER)} I commit to ${t} ${due}.`;
      if (c.next() < 0.8) {
        commitments.push(`${first(speaker)}: ${cap(t)} ${due}`);
        actions.push(`${first(speaker)}: ${cap(t)} - Due: ${pick(c, SUMMARY_DUES)}`);
      }
    } else if (roll < 0.13) {
      const t = task(c);
      said = `Action item for me: ${t} ${pick(c, DUES)}.`;
      if (c.next() < 0.8) actions.push(`${first(speaker)}: ${cap(t)} - Due: ${pick(c, SUMMARY_DUES)}`);
    } else if (roll < 0.16) {
      const d = `We'll ${task(c)}${pick(c, DECISION_ENDINGS)}`;
      said = `Let me think about this... Decision: ${d}.`;
      if (c.next() < 0.8) decisions.push(cap(d.replace(/^We'll /, '')));
    } else {
      said = `${pick(c, CHATTER)} ${pick(c, CHATTER)}`;
    }
    const line = `[${stamp(seconds)}] ${speaker}: ${said}`;
    lines.push(line, '');
    size += line.length + 2;
    seconds += 30;
  }
  lines.push('DECISIONS:', ...decisions.map((d, i) => `${i + 1}. ${d}`), '', 'ACTION ITEMS:', ...actions.map((a, i) => `${i + 1}. ${a}`), '', 'COMMITMENTS:', ...commitments.map((a) => `- ${a}`), '');
  lines.push(`[${stamp(seconds)}] ${people[0][0]}: Good session. Let's reconvene next Monday to track progress.`, '');
  return lines.join('\n');
}

/**
 * A running log: one file, one `## date` heading per weekly meeting, each a transcript of about
 * `meetingBytes` with its own summary (as transcriptNotes writes them); grows until `bytes`.
 */
export function runningLogNotes(bytes: number, meetingBytes: number, seed: number): string {
  const lines = ['# Platform weekly', '', `Attendees: ${PEOPLE.map(([n, r]) => `${n} (${r})`).join(', ')}`, ''];
  let size = 0;
  for (let week = 0; size < bytes; week++) {
    const day = new Date(Date.UTC(2024, 0, 1 + 7 * week)).toISOString().slice(0, 10);
    // The meeting's lines without the transcript's own title and attendees (the log's apply).
    const meeting = [`## ${day}`, '', ...transcriptNotes(meetingBytes, seed + week).split('\n').slice(3)];
    lines.push(...meeting);
    size += meeting.join('\n').length;
  }
  return lines.join('\n');
}

/** A markdown meeting with front matter and a checklist, like examples/2025-03-10-platform-sync.md. */
function checklistNotes(c: Ctx, date: string): string {
  const people = Array.from({ length: 3 + Math.floor(c.next() * 4) }, () => pick(c, PEOPLE));
  const unique = [...new Map(people.map((p) => [p[0], p])).values()];
  const items = Array.from({ length: 3 + Math.floor(c.next() * 6) }, () => {
    const owner = c.next() < 0.9 ? `${first(pick(c, unique)[0])}: ` : '';
    const done = c.next() < 0.3;
    return `- [${done ? 'x' : ' '}] ${owner}${task(c)} - Due: ${pick(c, SUMMARY_DUES)}${done ? ` ✅ ${date}` : ''}`;
  });
  return [
    '---',
    `title: ${cap(pick(c, OBJECTS).replace(/^the /, ''))} sync`,
    `date: ${date}`,
    'attendees:',
    ...unique.map(([n, r]) => `  - ${n} (${r})`),
    '---',
    '',
    `# ${cap(pick(c, OBJECTS).replace(/^the /, ''))} sync`,
    '',
    '## Discussion',
    '',
    ...Array.from({ length: 2 + Math.floor(c.next() * 4) }, () => `- ${pick(c, CHATTER)}`),
    '',
    '```text',
    '- [ ] Example of a task in a code block, never tracked',
    '```',
    '',
    '## Decisions',
    '',
    `- ${cap(task(c))} in the next release`,
    '',
    '## Action items',
    '',
    ...items,
    '',
  ].join('\n');
}

/** A short plain-text standup, like examples/standup-2025-11-03.txt. */
function standupNotes(c: Ctx, date: string): string {
  const people = [pick(c, PEOPLE), pick(c, PEOPLE), pick(c, PEOPLE)].filter((p, i, all) => all.findIndex((q) => q[0] === p[0]) === i);
  return [
    'Mobile standup',
    `Date: ${date}`,
    `Present: ${people.map(([n]) => n).join(', ')}`,
    '',
    ...people.map(([n]) => (c.next() < 0.5 ? `${n}: I'll ${task(c)} ${pick(c, DUES)}.` : `${n}: ${pick(c, CHATTER)}`)),
    '',
    'Action items:',
    ...people.map(([n]) => `- ${first(n)}: ${task(c)} (due: ${pick(c, SUMMARY_DUES).toLowerCase()})`),
    '',
  ].join('\n');
}

/** A file that is not meeting notes: a README or design doc, which the index must skip cheaply. */
function ordinaryDoc(c: Ctx): string {
  return [
    `# ${cap(pick(c, OBJECTS).replace(/^the /, ''))}`,
    '',
    'This document describes how the component works and how to run it locally.',
    '',
    '## Usage',
    '',
    '```sh',
    'npm install && npm test',
    '```',
    '',
    ...Array.from({ length: 3 + Math.floor(c.next() * 20) }, () => `${pick(c, CHATTER)} ${pick(c, CHATTER)}\n`),
  ].join('\n');
}

function isoDate(c: Ctx): string {
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(c.next() * 700) * 86400000);
  return day.toISOString().slice(0, 10);
}

/** The files of a workspace: relative path → text. Mostly notes, some docs, in team folders. */
export function* workspaceFiles(count: number, seed: number): Generator<[string, string]> {
  const c: Ctx = { next: random(seed) };
  for (let i = 0; i < count; i++) {
    const team = `team-${String(i % 40).padStart(2, '0')}`;
    const date = isoDate(c);
    const roll = c.next();
    if (roll < 0.15) yield [`${team}/docs/doc-${i}.md`, ordinaryDoc(c)];
    else if (roll < 0.45) yield [`${team}/notes/${date}-sync-${i}.md`, checklistNotes(c, date)];
    else if (roll < 0.75) yield [`${team}/standups/standup-${date}-${i}.txt`, standupNotes(c, date)];
    else yield [`${team}/reviews/review-${i}.txt`, transcriptNotes(2000 + Math.floor(c.next() * 6000), Math.floor(c.next() * 1e9))];
  }
}

export interface Corpus {
  root: string;
  singles: Array<{ label: string; path: string; bytes: number }>;
  /** A running log of about 1 MB (40 weekly meetings in one file). */
  log: { label: string; path: string; bytes: number };
  workspaces: Array<{ label: string; dir: string; files: number; bytes: number }>;
}

export const SINGLE_SIZES: Array<[string, number]> = [['8 KB', 8 * 1024], ['100 KB', 100 * 1024], ['1 MB', 1024 * 1024]];
export const WORKSPACE_SIZES: Array<[string, number]> = [['1,000 files', 1000], ['10,000 files', 10000]];

/** Writes the corpora under `root` unless this revision is already there; returns where they are. */
export function ensureCorpus(root: string): Corpus {
  const stampFile = join(root, 'REVISION');
  const fresh = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === String(REVISION);
  if (!fresh) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'single'), { recursive: true });
  }
  const singles = SINGLE_SIZES.map(([label, bytes], i) => {
    const path = join(root, 'single', `transcript-${label.replace(/\s/g, '').toLowerCase()}.txt`);
    if (!fresh) writeFileSync(path, transcriptNotes(bytes, 1000 + i));
    return { label, path, bytes: Buffer.byteLength(readFileSync(path)) };
  });
  const logPath = join(root, 'single', 'running-log-1mb.md');
  // Written when missing too: added after the others, which need not be written again for it.
  if (!fresh || !existsSync(logPath)) writeFileSync(logPath, runningLogNotes(1024 * 1024, 26 * 1024, 2000));
  const log = { label: '1 MB log', path: logPath, bytes: Buffer.byteLength(readFileSync(logPath)) };
  const workspaces = WORKSPACE_SIZES.map(([label, files]) => {
    const dir = join(root, `workspace-${files}`);
    let bytes = 0;
    for (const [rel, text] of workspaceFiles(files, files)) {
      if (!fresh) {
        mkdirSync(join(dir, rel, '..'), { recursive: true });
        writeFileSync(join(dir, rel), text);
      }
      bytes += Buffer.byteLength(text);
    }
    // Each workspace is its own repository (as a team's notes repo is): this repo's .gitignore,
    // which ignores bench/corpus/, does not apply inside it, for the index, the CLI and ripgrep alike.
    mkdirSync(join(dir, '.git'), { recursive: true });
    return { label, dir, files, bytes };
  });
  if (!fresh) writeFileSync(stampFile, String(REVISION));
  return { root, singles, log, workspaces };
}
