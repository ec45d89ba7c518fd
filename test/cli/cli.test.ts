import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE_PATH } from '../helpers/notes';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('command line (dist/cli.js)', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is built by `npm install` / `npm run build`');
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('check', () => {
    it('prints findings as a compiler does, then a summary', () => {
      const { code, out } = run(['check', 'examples/architecture-review-2024-01-29.txt', '--today', '2024-02-01']);
      assert.equal(code, 0);
      const lines = out.trim().split('\n');
      assert.equal(lines[0], 'examples/architecture-review-2024-01-29.txt:96:64: warning uncaptured-commitment Tom Bradley committed to "Run cleanup" (over the weekend), but no summary entry records it');
      assert.ok(lines.includes('examples/architecture-review-2024-01-29.txt:108:58: warning overdue "Test Redis connection pool optimizations" (Mike Johnson) is overdue: it was due Tue, Jan 30 (2024-01-30), 2 days ago'));
      assert.equal(lines[lines.length - 1], '1 file, 13 action items (2 overdue), 10 problems (3 warnings, 7 information)');
    });

    it('prints the JSON report of docs/cli-json.md', () => {
      const { code, out } = run(['check', 'examples/architecture-review-2024-01-29.txt', '--json', '--today', '2024-02-01']);
      assert.equal(code, 0);
      const report = JSON.parse(out);
      const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', 'expected', 'architecture-review.report.json'), 'utf8'));
      assert.deepEqual(report, expected);
    });

    it('keeps the contract: field names, 1-based lines, ids that link', () => {
      const [file] = JSON.parse(run(['check', SAMPLE_PATH, '--json', '--today', '2024-02-01']).out).files;
      assert.deepEqual(Object.keys(file), ['path', 'meetings', 'actionItems', 'decisions', 'diagnostics']);
      const item = file.actionItems.find((i: { line: number }) => i.line === 108);
      assert.deepEqual({ ...item, id: typeof item.id }, {
        id: 'string', line: 108, owner: 'Mike Johnson', task: 'Test Redis connection pool optimizations',
        due: { text: 'Tomorrow', date: '2024-01-30', vague: false }, status: 'open', kind: 'action', source: 'summary',
        mentions: [34], linked: [], meeting: 0, doneDate: null,
      });
      const websocket = file.actionItems.find((i: { line: number }) => i.line === 111);
      const twin = file.actionItems.find((i: { id: string }) => i.id === websocket.linked[0]);
      assert.equal(twin.line, 118);
      const diagnostic = file.diagnostics.find((d: { code: string }) => d.code === 'overdue');
      assert.deepEqual(diagnostic, { line: 108, column: 58, endLine: 108, endColumn: 66, severity: 'warning', code: 'overdue', message: diagnostic.message });
    });

    it('exits 1 when a diagnostic reaches --fail-on', () => {
      assert.equal(run(['check', 'examples', '--today', '2024-02-01', '--fail-on', 'warning']).code, 1);
      assert.equal(run(['check', 'examples', '--today', '2024-02-01', '--fail-on', 'error']).code, 0);
      assert.equal(run(['check', 'examples', '--today', '2024-02-01', '--severity', 'overdue=error']).code, 1);
    });

    it('changes or turns off a code with --severity', () => {
      const { out } = run(['check', SAMPLE_PATH, '--json', '--today', '2024-02-01', '--severity', 'due-soon=off', '--severity', 'overdue=error']);
      const codes = JSON.parse(out).files[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);
      assert.ok(!codes.some((c: string) => c.startsWith('due-soon')));
      assert.ok(codes.includes('overdue:error'));
    });

    it('explains bad arguments and unreadable paths, exit 2', () => {
      for (const args of [['check', 'no/such/folder'], ['check', '--today', '2024-13-01'], ['check', '--fail-on', 'loud'], ['check', '--bogus'], ['frobnicate'], ['check', '--severity', 'overdue=loud']]) {
        const { code, err } = run(args);
        assert.equal(code, 2, args.join(' '));
        assert.match(err, /^meeting-notes: .+/, args.join(' '));
      }
      assert.match(run(['check', 'no/such/folder']).err, /cannot read 'no\/such\/folder': no such file or folder/);
    });

    it('skips binary, oversized and non-UTF-8 files with a note, and reads empty ones', () => {
      const folder = join(dir, 'bad input');
      mkdirSync(folder);
      writeFileSync(join(folder, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
      writeFileSync(join(folder, 'latin1.md'), Buffer.from('Caf\xe9 sync\n- [ ] Ana: r\xe9sum\xe9\n', 'latin1'));
      writeFileSync(join(folder, 'huge.md'), Buffer.alloc(6 * 1024 * 1024, 'a'));
      writeFileSync(join(folder, 'empty.md'), '');
      const { code, out, err } = run(['check', join(folder, 'binary.md'), join(folder, 'latin1.md'), join(folder, 'huge.md'), join(folder, 'empty.md')]);
      assert.equal(code, 0);
      assert.match(err, /skipped .*binary\.md: binary file/);
      assert.match(err, /skipped .*latin1\.md: not UTF-8 text/);
      assert.match(err, /skipped .*huge\.md: 6 MB is over the 5 MB limit/);
      assert.match(out, /^1 file, 0 action items, no problems$/m);
    });

    it('searches folders for notes, skipping node_modules, .git, ignored files and non-notes', () => {
      const repo = join(dir, 'répo notes');
      mkdirSync(join(repo, 'node_modules', 'pkg'), { recursive: true });
      mkdirSync(join(repo, '.git'));
      mkdirSync(join(repo, 'private'));
      mkdirSync(join(repo, 'meetings'));
      copyFileSync(SAMPLE_PATH, join(repo, 'meetings', 'architecture review.txt'));
      copyFileSync(SAMPLE_PATH, join(repo, 'node_modules', 'pkg', 'notes.md'));
      copyFileSync(SAMPLE_PATH, join(repo, 'private', 'secret.md'));
      writeFileSync(join(repo, '.gitignore'), 'private/\n');
      writeFileSync(join(repo, 'README.md'), '# Project\n\n## TODO\n\n- [ ] write docs\n');
      symlinkSync(repo, join(repo, 'meetings', 'loop'));
      symlinkSync(tmpdir(), join(repo, 'outside'));
      const { code, out } = run(['check', '.', '--json', '--today', '2024-02-01'], repo);
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(out).files.map((f: { path: string }) => f.path), ['meetings/architecture review.txt']);
      // A folder named on the command line is searched even when an outer .gitignore hides it
      // (as the editor's workspace folder can be); the outer rules still apply inside others.
      mkdirSync(join(repo, 'private', 'drafts'));
      copyFileSync(SAMPLE_PATH, join(repo, 'private', 'drafts', 'draft.md'));
      writeFileSync(join(repo, '.gitignore'), 'private/\n*.draft.txt\n');
      copyFileSync(SAMPLE_PATH, join(repo, 'meetings', 'old.draft.txt'));
      assert.deepEqual(JSON.parse(run(['check', 'private', '--json'], repo).out).files.map((f: { path: string }) => f.path), ['private/drafts/draft.md', 'private/secret.md']);
      assert.deepEqual(JSON.parse(run(['check', 'meetings', '--json'], repo).out).files.map((f: { path: string }) => f.path), ['meetings/architecture review.txt']);
      // Named on the command line, a file is read even when it does not look like notes.
      assert.deepEqual(JSON.parse(run(['check', 'README.md', '--json'], repo).out).files[0].actionItems.map((i: { task: string }) => i.task), ['Write docs']);
    });
  });

  describe('caption files', () => {
    it('reads .vtt and .srt files in a folder as transcripts, titled by their file names', () => {
      const calls = join(dir, 'calls');
      mkdirSync(calls);
      writeFileSync(join(calls, '2025-11-20-vendor-call.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Maya Chen>I will send the deck by Friday.</v>\n');
      writeFileSync(join(calls, '2025-11-20-sync.srt'), '1\n00:00:01,000 --> 00:00:05,000\nLeo Park: I will book the room tomorrow.\n');
      const report = JSON.parse(run(['check', '.', '--json', '--today', '2025-11-21'], calls).out);
      assert.deepEqual(
        report.files.map((f: { path: string; meetings: Array<{ title: string }>; actionItems: Array<{ owner: string; task: string; due: { date: string } | null }> }) => [f.path, f.meetings[0].title, f.actionItems.map((i) => `${i.owner}: ${i.task} (${i.due?.date})`)]),
        [
          ['2025-11-20-sync.srt', 'Sync', ['Leo Park: Book the room (2025-11-21)']],
          ['2025-11-20-vendor-call.vtt', 'Vendor call', ['Maya Chen: Send the deck (2025-11-21)']],
        ],
      );
    });
  });

  describe('--cache DIR', () => {
    it('gives the same report from its cache, notices changed files, and shrugs off a damaged cache', () => {
      const repo = join(dir, 'cached');
      const cache = join(dir, 'cache-dir');
      mkdirSync(join(repo, '.git'), { recursive: true });
      copyFileSync(SAMPLE_PATH, join(repo, 'review.txt'));
      writeFileSync(join(repo, '2025-03-10-sync.md'), '# Sync\n\nAttendees: Ana, Ben\n\n- [ ] Ana: ship it - Due: 2025-03-14\n');
      const check = () => run(['check', '.', '--json', '--today', '2024-02-01', '--cache', cache], repo);
      const first = check();
      assert.equal(first.code, 0);
      assert.ok(readdirSync(cache).some((f) => f.startsWith('models-')), 'the cache folder holds the results');
      const second = check();
      assert.equal(second.out, first.out);
      assert.equal(second.out, run(['check', '.', '--json', '--today', '2024-02-01'], repo).out);
      writeFileSync(join(repo, '2025-03-10-sync.md'), '# Sync\n\nAttendees: Ana, Ben\n\n- [ ] Ben: write the docs - Due: 2025-03-14\n');
      const changed = JSON.parse(check().out).files.find((f: { path: string }) => f.path === '2025-03-10-sync.md');
      assert.deepEqual(changed.actionItems.map((i: { task: string }) => i.task), ['Write the docs']);
      for (const file of readdirSync(cache)) writeFileSync(join(cache, file), '{ not json');
      const damaged = check();
      assert.equal(damaged.code, 0);
      assert.equal(JSON.parse(damaged.out).files.length, 2);
      assert.match(damaged.err, /damaged/);
      assert.match(run(['check', '--cache', '', '.'], repo).err, /--cache needs a folder/);
    });

    it('keeps the work followed through each meeting series next to the cache, and reads it back', () => {
      const repo = join(dir, 'series-cached');
      const cache = join(dir, 'series-cache-dir');
      mkdirSync(join(repo, '.git'), { recursive: true });
      for (const file of readdirSync(join(ROOT, 'examples', 'platform-weekly'))) copyFileSync(join(ROOT, 'examples', 'platform-weekly', file), join(repo, file));
      const check = () => run(['check', '.', '--json', '--today', '2025-10-27', '--cache', cache], repo);
      const plain = run(['check', '.', '--json', '--today', '2025-10-27'], repo).out;
      assert.match(plain, /carried-over/, 'the series say something');
      assert.equal(check().out, plain);
      const record = JSON.parse(readFileSync(join(cache, 'series.json'), 'utf8'));
      assert.deepEqual(record.work.map(([id]: [string]) => id), ['|platform weekly']); // the folder of the shown paths (relative), and the title
      assert.equal(check().out, plain, 'from the record');
      // Read back indeed: the same key with no work followed gives no series findings.
      writeFileSync(join(cache, 'series.json'), JSON.stringify({ ...record, work: record.work.map(([id, work]: [string, object]) => [id, { ...work, threads: [] }]) }));
      assert.doesNotMatch(check().out, /carried-over/);
      writeFileSync(join(cache, 'series.json'), '{ "analyzer": 1, "work": [[');
      assert.equal(check().out, plain, 'a damaged record is left aside');
      assert.deepEqual(JSON.parse(readFileSync(join(cache, 'series.json'), 'utf8')).work, record.work, 'and written again');
    });
  });

  describe('list', () => {
    it('prints a table of items, soonest due first', () => {
      const { code, out } = run(['list', SAMPLE_PATH, '--today', '2024-02-01', '--owner', 'Tom']);
      assert.equal(code, 0);
      const lines = out.trim().split('\n');
      assert.match(lines[0], /^OWNER\s+DUE\s+STATUS\s+TASK\s+WHERE$/);
      assert.deepEqual(lines.slice(1).map((l) => l.replace(/\s{2,}/g, ' | ').replace(/ \| \S*architecture-review-2024-01-29\.txt:/, ' | :')), [
        'Tom Bradley | 2024-02-03 | open | WebSocket infrastructure ready | :111',
        'Tom Bradley | 2024-02-03 | open | WebSocket infrastructure | :118',
        'Tom Bradley | 2024-02-04 | open | Run cleanup | :96',
        'Tom Bradley | 2024-02-05 | open | Job queue infrastructure deployed | :112',
        'Tom Bradley | 2024-02-05 | open | Job queue infrastructure | :119',
      ]);
    });

    it('filters overdue and done items', () => {
      const overdue = run(['list', 'examples/architecture-review-2024-01-29.txt', '--today', '2024-02-01', '--overdue']).out.trim().split('\n').slice(1);
      assert.deepEqual(overdue.map((l) => l.split(/\s{2,}/)[3]), ['Escalate TechCorp decision to Sarah', 'Test Redis connection pool optimizations']);
      const done = run(['list', 'examples', '--status', 'done', '--json']);
      assert.deepEqual(JSON.parse(done.out).items.map((i: { task: string }) => i.task), ['File the rollback PR', 'Add a memory alarm at 80% to cache nodes', 'Write the rollback runbook', 'Bump the cache client to 2.3 (superseded by the pin)', 'Rotate the staging certificates', 'Move the flaky integration suite to its own job', 'Write the runbook for certificate rotation', 'File the replica access ticket']);
      assert.equal(run(['list', SAMPLE_PATH, '--owner', 'Nobody']).out.trim(), 'No action items match.');
    });

    it('refuses options of the other command', () => {
      assert.equal(run(['list', '--fail-on', 'error']).code, 2);
      assert.equal(run(['check', '--owner', 'Tom']).code, 2);
    });

    it('lists a piece of work once per series: the entry of its latest meeting', () => {
      const rows = run(['list', 'examples/platform-weekly', '--today', '2025-10-22', '--owner', 'Jonas']).out.trim().split('\n').slice(1);
      assert.deepEqual(rows.map((l) => l.split(/\s{2,}/).slice(1).join(' | ')), ['2025-10-24 | open | Investigate the remote cache hit rate | examples/platform-weekly/2025-10-20-platform-weekly.md:11']);
    });
  });

  describe('meeting series', () => {
    it('judges the files given together: carried-over, dropped-item, and no overdue on work done later', () => {
      const { code, out } = run(['check', 'examples/platform-weekly', '--today', '2025-10-22', '--json']);
      assert.equal(code, 0);
      const report = JSON.parse(out);
      const findings = report.files.flatMap((f: { path: string; diagnostics: Array<{ line: number; code: string }> }) => f.diagnostics.map((d) => `${f.path.split('/').pop()}:${d.line} ${d.code}`));
      assert.deepEqual(findings, [
        '2025-10-06-platform-weekly.md:17 dropped-item',
        '2025-10-06-platform-weekly.md:17 overdue',
        '2025-10-20-platform-weekly.md:11 carried-over',
        '2025-10-20-platform-weekly.md:11 due-soon',
        '2025-10-20-platform-weekly.md:13 due-soon',
      ]);
      assert.deepEqual(report.series.map((s: { title: string; meetings: unknown[]; work: unknown[] }) => [s.title, s.meetings.length, s.work.length]), [['Platform weekly', 3, 6]]);
      assert.deepEqual(report.series[0].work[0].map((e: { path: string; line: number; status: string }) => `${e.path.split('/').pop()}:${e.line} ${e.status}`), [
        '2025-10-06-platform-weekly.md:14 open',
        '2025-10-13-platform-weekly.md:11 open',
        '2025-10-20-platform-weekly.md:11 open',
      ]);
      // One file alone is no series: its item is judged on its own.
      const alone = JSON.parse(run(['check', 'examples/platform-weekly/2025-10-06-platform-weekly.md', '--today', '2025-10-22', '--json']).out);
      assert.ok(!alone.files[0].diagnostics.some((d: { code: string }) => d.code === 'dropped-item'));
    });

    it('changes carried-over with --carried-over-after and --severity', () => {
      const codes = (args: string[]) =>
        JSON.parse(run(['check', 'examples/platform-weekly', '--today', '2025-10-22', '--json', ...args]).out).files.flatMap((f: { diagnostics: Array<{ code: string; severity: string; line: number }> }) =>
          f.diagnostics.filter((d) => d.code === 'carried-over' || d.code === 'dropped-item').map((d) => `${d.line} ${d.code} ${d.severity}`),
        );
      assert.deepEqual(codes(['--carried-over-after', '1']), ['17 dropped-item warning', '11 carried-over information', '13 carried-over information']);
      assert.deepEqual(codes(['--severity', 'dropped-item=error', '--severity', 'carried-over=off']), ['17 dropped-item error']);
      assert.equal(run(['check', '--carried-over-after', '0']).code, 2);
    });
  });

  describe('export', () => {
    it('writes an iCalendar file with --out, and says so on stderr', () => {
      const file = join(dir, 'items.ics');
      const { code, out, err } = run(['export', '--format', 'ics', 'examples/platform-weekly', '--today', '2025-10-22', '--out', file]);
      assert.equal(code, 0);
      assert.equal(out, '');
      assert.equal(err.trim(), `meeting-notes: wrote 4 events to ${file}`);
      const ics = readFileSync(file, 'utf8');
      assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
      assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 4);
      assert.match(ics, /SUMMARY:Jonas Weber: Investigate the remote cache hit rate\r\n/);
    });

    it('prints CSV and the digest on stdout, exactly', () => {
      const csv = run(['export', '--format', 'csv', 'examples/platform-weekly', '--today', '2025-10-22', '--owner', 'Priya']);
      assert.equal(csv.code, 0);
      assert.deepEqual(csv.out.replace(/^\ufeff/, '').split('\r\n').map((l) => l.split(',').slice(0, 5).join(',')), [
        'Owner,Task,Due,Due as written,Status',
        'Priya Shah,Publish the on-call handbook,2025-10-24,2025-10-24,open',
        'Priya Shah,Write the runbook for certificate rotation,,,done',
        '',
      ]);
      const md = run(['export', '--format', 'md', 'examples/platform-weekly', '--today', '2025-10-22', '--since', '2025-10-16']);
      assert.equal(md.code, 0);
      assert.match(md.out, /^# Action items digest — Wed, Oct 22, 2025\n\n1 overdue · 2 due this week \(to Sun, Oct 26\) · 1 done since Thu, Oct 16 \(2025-10-16\) · from 3 notes files\n/);
      assert.match(md.out, /\n## Wei Zhang\n\n### Overdue\n\n- \[ \] Collect the Q4 roadmap asks from support — was due Wed, Oct 15 \(7 days late\) · `examples\/platform-weekly\/2025-10-06-platform-weekly\.md:17`\n/);
    });

    it('explains a missing or unknown format, a bad --since, an unwritable --out and options of other commands, exit 2', () => {
      for (const [args, message] of [
        [['export'], /export needs --format ics, csv or md/],
        [['export', '--format', 'pdf'], /--format needs ics, csv or md; not 'pdf'/],
        [['export', '--format', 'md', '--since', 'yesterday'], /--since needs a date as YYYY-MM-DD, not 'yesterday'/],
        [['export', '--format', 'csv', '--json'], /--json is an option of 'check' and 'list', not 'export'/],
        [['check', '--format', 'csv'], /--format is an option of 'export', not 'check'/],
        [['export', '--format', 'ics', 'examples/platform-weekly', '--out', join(dir, 'no', 'such', 'x.ics')], /cannot write '.*x\.ics': no such folder/],
      ] as Array<[string[], RegExp]>) {
        const { code, err } = run(args);
        assert.equal(code, 2, args.join(' '));
        assert.match(err, message, args.join(' '));
      }
    });
  });
});
