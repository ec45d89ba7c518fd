import { parseArgs } from 'node:util';
import { localToday, parseIso } from '../core/dates/calendar';
import type { DiagnosticCode, Severity } from '../core/model';
import { DIAGNOSTIC_CODES } from '../core/rules';

export class UsageError extends Error {}

export const SEVERITY_ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];

export interface CommonOptions {
  paths: string[];
  today: string;
  json: boolean;
  color: boolean;
  dueSoonDays: number;
  severities: Partial<Record<DiagnosticCode, Severity | 'off'>>;
  /** Folder of the analysis cache (`--cache DIR`), or null. */
  cache: string | null;
}

export interface CheckOptions extends CommonOptions {
  command: 'check';
  failOn: Severity | 'none';
}

export interface ListOptions extends CommonOptions {
  command: 'list';
  owner: string | null;
  status: 'open' | 'done' | 'all';
  overdue: boolean;
}

export type Options = CheckOptions | ListOptions | { command: 'help' } | { command: 'version' };

const SEVERITY_NAMES: Record<string, Severity> = { error: 'error', warning: 'warning', warn: 'warning', information: 'information', info: 'information', hint: 'hint' };

/** Reads the command line; throws UsageError with a message a person can act on. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env, isTTY = false): Options {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (command !== 'check' && command !== 'list') throw new UsageError(`unknown command '${command}' (expected 'check' or 'list')`);

  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        today: { type: 'string' },
        'fail-on': { type: 'string' },
        'due-soon-days': { type: 'string' },
        severity: { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        owner: { type: 'string' },
        status: { type: 'string' },
        overdue: { type: 'boolean' },
        cache: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const listOnly = ['owner', 'status', 'overdue'].filter((k) => values[k as keyof typeof values] !== undefined);
  if (command === 'check' && listOnly.length) throw new UsageError(`--${listOnly[0]} is an option of 'list', not 'check'`);
  if (command === 'list' && values['fail-on'] !== undefined) throw new UsageError(`--fail-on is an option of 'check', not 'list'`);

  const today = values.today ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !parseIso(today)) throw new UsageError(`--today needs a date as YYYY-MM-DD, not '${today}'`);
  const dueSoonDays = values['due-soon-days'] === undefined ? 3 : Number(values['due-soon-days']);
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0 || dueSoonDays > 365) {
    throw new UsageError(`--due-soon-days needs a whole number of days from 0 to 365, not '${values['due-soon-days']}'`);
  }
  const severities: CommonOptions['severities'] = {};
  for (const setting of values.severity ?? []) {
    const m = /^([a-z-]+)=([a-z]+)$/.exec(setting);
    const code = m?.[1] as DiagnosticCode | undefined;
    const level = m?.[2] === 'off' ? 'off' : SEVERITY_NAMES[m?.[2] ?? ''];
    if (!code || !DIAGNOSTIC_CODES.includes(code) || !level) {
      throw new UsageError(`--severity needs CODE=LEVEL with a code among ${DIAGNOSTIC_CODES.join(', ')} and a level among error, warning, information, hint, off; not '${setting}'`);
    }
    severities[code] = level;
  }
  const color = values['no-color'] ? false : values.color ? true : isTTY && !env.NO_COLOR && env.TERM !== 'dumb';
  if (values.cache !== undefined && !values.cache.trim()) throw new UsageError('--cache needs a folder');
  const cache = values.cache ?? null;
  const common: CommonOptions = { paths: positionals.length ? positionals : ['.'], today, json: values.json ?? false, color, dueSoonDays, severities, cache };

  if (command === 'check') {
    const failOnText = values['fail-on'] ?? 'error';
    const failOn = failOnText === 'none' ? 'none' : SEVERITY_NAMES[failOnText];
    if (!failOn) throw new UsageError(`--fail-on needs one of error, warning, information, hint, none; not '${failOnText}'`);
    return { command, ...common, failOn };
  }
  const status = values.status ?? 'all';
  if (status !== 'open' && status !== 'done' && status !== 'all') throw new UsageError(`--status needs open, done or all; not '${status}'`);
  return { command, ...common, owner: values.owner ?? null, status, overdue: values.overdue ?? false };
}

export const USAGE = `Usage:
  meeting-notes check [PATH...] [options]   report problems in meeting notes, as a compiler does
  meeting-notes list [PATH...] [options]    print a table of the action items

A PATH is a notes file or a folder, searched for .md and .txt notes (skipping node_modules,
.git and what .gitignore ignores). Without a PATH, the current folder.

Options:
  --today YYYY-MM-DD       judge overdue and due-soon against this date (default: today)
  --json                   print the JSON report (check) or the items as JSON (list)
  --due-soon-days N        'due-soon' covers the next N days (default 3)
  --severity CODE=LEVEL    change a diagnostic's level, or turn it off (repeatable)
  --no-color / --color     colour the output (default: when printing to a terminal)
  --cache DIR              keep each file's analysis in DIR and reuse it while the file is
                           unchanged (same size and time, or same content)
check:
  --fail-on LEVEL          exit 1 when a diagnostic at or above LEVEL is reported:
                           error (default), warning, information, hint, none
list:
  --owner NAME             only this owner's items (a first name or @handle is enough)
  --status open|done|all   only open or done items (default all)
  --overdue                only open items past their due date

Exit status: 0 fine; 1 a diagnostic at or above --fail-on; 2 bad arguments or an unreadable path.`;
