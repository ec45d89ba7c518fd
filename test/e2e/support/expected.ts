// What the tests expect, from the command line (dist/cli.js) run on the same text with the same
// "today": the editor must show exactly what `meeting-notes check` and `list` report.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/notes';
import { E2E_TODAY } from './session';

const CLI = join(ROOT, 'dist', 'cli.js');

export interface Problem {
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export interface ListedItem {
  path: string;
  line: number;
  owner: string | null;
  task: string;
  due: { text: string; date: string | null; vague: boolean } | null;
  status: 'open' | 'done';
  kind: 'action' | 'commitment';
  source: 'summary' | 'transcript';
}

function cli(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args, '--json', '--today', E2E_TODAY], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** `check --json` on `text`, saved under `fileName` (the name can carry the meeting date). */
export function expectedProblems(text: string, fileName: string): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-notes-e2e-expected-'));
  try {
    const file = join(dir, fileName);
    writeFileSync(file, text);
    const report = JSON.parse(cli(['check', file, '--fail-on', 'none'])) as { files: Array<{ diagnostics: Problem[] }> };
    return sortProblems((report.files[0]?.diagnostics ?? []).map(({ line, column, severity, code, message }) => ({ line, column, severity, code, message })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `list --json` on a folder: every item (`all`), the open ones, or the open ones past due. */
export function expectedItems(folder: string, which: 'all' | 'open' | 'overdue'): ListedItem[] {
  const filter = which === 'overdue' ? ['--overdue'] : ['--status', which];
  return (JSON.parse(cli(['list', folder, ...filter])) as { items: ListedItem[] }).items;
}

/** `list --json` on a copy of a folder with some files' text replaced (as an editor holds them, unsaved). */
export function expectedItemsWith(folder: string, texts: Record<string, string>, which: 'all' | 'open' | 'overdue'): ListedItem[] {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-notes-e2e-expected-'));
  try {
    cpSync(folder, dir, { recursive: true });
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
    return expectedItems(dir, which);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
