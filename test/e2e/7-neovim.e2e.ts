import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/notes';
import { expectedProblems } from './support/expected';
import { SAMPLE, originalText } from './support/hooks';
import { E2E_TODAY } from './support/session';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

interface NeovimRun {
  error?: string;
  diagnostics: Array<{ line: number; column: number; severity: number; code: string }>;
  lenses: string[];
  after: [string, string];
  lineCount: number;
  hover: string | null;
}

describe('7. Another LSP editor: Neovim over stdio', () => {
  it('shows the same problems, offers the lenses, marks an item complete and hovers a date', function () {
    const dir = mkdtempSync(join(tmpdir(), 'meeting-notes-nvim-'));
    try {
      const notes = join(dir, SAMPLE);
      copyFileSync(join(ROOT, 'examples', SAMPLE), notes);
      const out = join(dir, 'out.json');
      execFileSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'neovim', 'drive.lua')}`], {
        env: { ...process.env, NOTES: notes, SERVER: join(ROOT, 'dist', 'server.js'), TODAY: E2E_TODAY, OUT: out },
        timeout: 90_000,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const run = JSON.parse(readFileSync(out, 'utf8')) as NeovimRun;
      assert.equal(run.error, undefined, run.error);

      const expected = expectedProblems(originalText(SAMPLE), SAMPLE).map((p) => ({ line: p.line, column: p.column, severity: SEVERITY[p.severity], code: p.code }));
      const byPlace = (a: { line: number; column: number; code: string }, b: typeof a) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
      assert.deepEqual(run.diagnostics.sort(byPlace), expected.sort(byPlace));

      assert.deepEqual(run.lenses, ['Mark complete', 'Tom Bradley · due Sat, Feb 3 · 2 days overdue']);
      assert.deepEqual(run.after, [
        `4. [x] Tom: WebSocket infrastructure ready - Due: February 3 ✅ ${E2E_TODAY}`,
        `- [x] Tom: WebSocket infrastructure by February 3 ✅ ${E2E_TODAY}`,
      ]);
      assert.equal(run.lineCount, originalText(SAMPLE).replace(/\n$/, '').split('\n').length, 'no line added or lost');
      assert.match(run.hover ?? '', /Tue(sday)?,? (Jan(uary)? 30|2024-01-30)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
