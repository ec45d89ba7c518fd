// What the product may touch: no network, no child processes, no code evaluated from text; the
// command line reads only inside the paths it is given; odd path names work.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { confinedNodeArgs, networkAttempts } from '../helpers/confined';
import { ROOT, SAMPLE_PATH } from '../helpers/notes';

const CLI = join(ROOT, 'dist', 'cli.js');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('security and privacy', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'meeting-notes-security-')));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('product code imports no network or process module and evaluates no code', () => {
    const forbidden = [
      /(?:from|import)\s+['"](?:node:)?(?:child_process|net|http|https|http2|dgram|tls|dns|vm|inspector|cluster)['"]/,
      /require\(\s*['"](?:node:)?(?:child_process|net|http|https|http2|dgram|tls|dns|vm)['"]\s*\)/,
      /\beval\s*\(/,
      /\bnew\s+Function\s*\(/,
      /\bfetch\s*\(/,
      /\bimport\s*\(\s*[^'"\s]/, // a dynamic import of a computed name
    ];
    const files = [...sourceFiles(join(ROOT, 'server', 'src')), ...sourceFiles(join(ROOT, 'client', 'src'))];
    assert.ok(files.length > 50);
    // The server's loader uses `vm` for V8's code cache, on one file only: the server bundle next to it.
    const LOADER = join(ROOT, 'server', 'src', 'launch.ts');
    const offences = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const patterns = file === LOADER ? forbidden.map((p) => new RegExp(p.source.replace('|vm|', '|'))) : forbidden;
      return patterns.filter((pattern) => pattern.test(text)).map((pattern) => `${relative(ROOT, file)}: ${pattern}`);
    });
    assert.deepEqual(offences, []);
    const loader = readFileSync(LOADER, 'utf8');
    assert.match(loader, /const MAIN = join\(__dirname, 'serverMain\.js'\);/);
    assert.deepEqual(loader.match(/new Script\([^)]*\)/g), ['new Script(Module.wrap(source)'], 'one script, compiled from…');
    assert.deepEqual(loader.match(/const source = [^;]*;/g), ["const source = readFileSync(MAIN, 'utf8');"], '…the bundle file, nothing else');
  });

  describe('the command line', () => {
    let notes: string;
    let outside: string;
    before(() => {
      notes = join(dir, 'team notes');
      outside = join(dir, 'elsewhere');
      mkdirSync(join(notes, 'réunions 会议'), { recursive: true });
      mkdirSync(outside);
      copyFileSync(SAMPLE_PATH, join(notes, 'réunions 会议', '2024-01-29 architecture review ✓.txt'));
      copyFileSync(join(ROOT, 'examples', 'design-review-search.md'), join(outside, 'private.md'));
      symlinkSync(join(outside, 'private.md'), join(notes, 'link to a file outside.md'));
      symlinkSync(outside, join(notes, 'link to a folder outside'));
      symlinkSync(join(notes, 'réunions 会议', '2024-01-29 architecture review ✓.txt'), join(notes, 'same file again.txt'));
      symlinkSync(notes, join(notes, 'réunions 会议', 'loop'));
    });

    const confined = (args: string[], readable: string[], cwd = dir) => {
      const log = join(dir, `network-${Math.random().toString(36).slice(2)}.log`);
      const result = spawnSync(process.execPath, [...confinedNodeArgs(readable), CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORBID_NETWORK_LOG: log }, timeout: 30000 });
      return { code: result.status, out: result.stdout, err: result.stderr, network: networkAttempts(log) };
    };

    it('reads only inside the folder it is given, each file once, through links and loops, allowed to read nothing else', () => {
      const { code, out, err, network } = confined(['check', 'team notes', '--json', '--today', '2024-02-01'], [notes]);
      assert.equal(err, '');
      assert.equal(code, 0);
      assert.deepEqual(network, []);
      const report = JSON.parse(out);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['team notes/réunions 会议/2024-01-29 architecture review ✓.txt']);
      assert.equal(report.files[0].actionItems.length, 13);
    });

    it('reads a file outside when it is named on the command line (through a link)', () => {
      const { code, out } = confined(['list', join(notes, 'link to a file outside.md'), '--json'], [notes, outside]);
      assert.equal(code, 0);
      assert.ok(JSON.parse(out).items.some((i: { task: string }) => i.task === 'Schedule the leadership review'));
    });

    it('prints paths with spaces and non-ASCII letters as given, in text and in JSON', () => {
      const text = confined(['check', 'team notes/réunions 会议', '--today', '2024-02-01'], [notes]);
      assert.equal(text.code, 0);
      assert.match(text.out, /^team notes\/réunions 会议\/2024-01-29 architecture review ✓\.txt:108:58: warning overdue /m);
      const list = confined(['list', 'réunions 会议', '--owner', 'Tom', '--json'], [notes], notes);
      assert.ok(JSON.parse(list.out).items.every((i: { path?: string; file?: string }) => JSON.stringify(i).includes('réunions 会议/2024-01-29 architecture review ✓.txt')));
    });

    it('never runs anything found in notes, and reaches no network, whatever the notes say', () => {
      const hostile = join(dir, 'hostile');
      mkdirSync(hostile);
      writeFileSync(
        join(hostile, '2025-03-10-sync.md'),
        [
          '---',
          'title: !!js/function "function () { require(\'child_process\').execSync(\'touch pwned\') }"',
          'date: 2025-03-10',
          'attendees: &a [Tom, *a, *a]',
          '---',
          '# Sync',
          '[00:01] Tom: I will run `rm -rf /` and $(touch pwned) by Friday.',
          '',
          '<script>require("child_process").execSync("touch pwned")</script>',
          '',
          '<img src="http://example.invalid/track.png">',
          '',
          '## Action items',
          '- [ ] Tom: fetch https://example.invalid/x - Due: Friday',
        ].join('\n'),
      );
      const { code, out, err, network } = confined(['check', '.', '--json', '--today', '2025-03-12'], [hostile], hostile);
      assert.equal(code, 0);
      assert.equal(err, '');
      assert.deepEqual(network, []);
      assert.deepEqual(readdirSync(hostile), ['2025-03-10-sync.md']);
      const [file] = JSON.parse(out).files;
      assert.equal(file.meetings[0].title, "function () { require('child_process').execSync('touch pwned') }", 'a YAML tag is text');
      assert.deepEqual(
        file.actionItems.map((i: { task: string }) => i.task),
        ['Run rm -rf / and $(touch pwned)', 'Fetch https://example.invalid/x'],
      );
    });
  });
});
