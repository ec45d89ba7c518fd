import { parseArgs } from 'node:util';
import { addDays, localToday, parseIso } from '../core/dates/calendar';
import type { DiagnosticCode, Severity } from '../core/model';
import { DEFAULT_CARRIED_OVER_AFTER, DIAGNOSTIC_CODES } from '../core/rules';

export class UsageError extends Error {}

export const SEVERITY_ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];

export interface CommonOptions {
  paths: string[];
  today: string;
  json: boolean;
  color: boolean;
  dueSoonDays: number;
  /** `carried-over` from this many meetings of a series after an item was recorded. */
  carriedOverAfter: number;
  severities: Partial<Record<DiagnosticCode, Severity | 'off'>>;
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

export type ExportFormat = 'ics' | 'csv' | 'md';

export interface ExportOptions extends CommonOptions {
  command: 'export';
  format: ExportFormat;
  /** Write here instead of stdout. */
  out: string | null;
  /** The digest lists work done on or after this date (default: a week before today). */
  since: string;
  owner: string | null;
}

export type Options = CheckOptions | ListOptions | ExportOptions | { command: 'help' } | { command: 'version' };

const COMMANDS = ['check', 'list', 'export'] as const;
type Command = (typeof COMMANDS)[number];

/** The options that only some commands take. */
const ONLY_FOR: Record<string, Command[]> = {
  'fail-on': ['check'],
  json: ['check', 'list'],
  status: ['list'],
  overdue: ['list'],
  owner: ['list', 'export'],
  format: ['export'],
  out: ['export'],
  since: ['export'],
};

const SEVERITY_NAMES: Record<string, Severity> = { error: 'error', warning: 'warning', warn: 'warning', information: 'information', info: 'information', hint: 'hint' };

/** Reads the command line; throws UsageError with a message a person can act on. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env, isTTY = false): Options {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command '${command}' (expected 'check', 'list' or 'export')`);

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
        'carried-over-after': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        since: { type: 'string' },
        severity: { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        owner: { type: 'string' },
        status: { type: 'string' },
        overdue: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  for (const [option, commands] of Object.entries(ONLY_FOR)) {
    if (values[option as keyof typeof values] !== undefined && !commands.includes(command as Command)) {
      throw new UsageError(`--${option} is an option of ${commands.map((c) => `'${c}'`).join(' and ')}, not '${command}'`);
    }
  }

  const today = isoOption('--today', values.today) ?? localToday();
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
  const carriedOverAfter = values['carried-over-after'] === undefined ? DEFAULT_CARRIED_OVER_AFTER : Number(values['carried-over-after']);
  if (!Number.isInteger(carriedOverAfter) || carriedOverAfter < 1 || carriedOverAfter > 100) {
    throw new UsageError(`--carried-over-after needs a whole number of meetings from 1 to 100, not '${values['carried-over-after']}'`);
  }
  const color = values['no-color'] ? false : values.color ? true : isTTY && !env.NO_COLOR && env.TERM !== 'dumb';
  const common: CommonOptions = { paths: positionals.length ? positionals : ['.'], today, json: values.json ?? false, color, dueSoonDays, carriedOverAfter, severities };

  if (command === 'check') {
    const failOnText = values['fail-on'] ?? 'error';
    const failOn = failOnText === 'none' ? 'none' : SEVERITY_NAMES[failOnText];
    if (!failOn) throw new UsageError(`--fail-on needs one of error, warning, information, hint, none; not '${failOnText}'`);
    return { command, ...common, failOn };
  }
  if (command === 'export') {
    const format = values.format;
    if (format !== 'ics' && format !== 'csv' && format !== 'md') {
      throw new UsageError(format === undefined ? `export needs --format ics, csv or md` : `--format needs ics, csv or md; not '${format}'`);
    }
    if (values.out !== undefined && !values.out.trim()) throw new UsageError('--out needs a file name');
    const since = isoOption('--since', values.since) ?? addDays(today, -7);
    return { command: 'export', ...common, format, out: values.out ?? null, since, owner: values.owner ?? null };
  }
  const status = values.status ?? 'all';
  if (status !== 'open' && status !== 'done' && status !== 'all') throw new UsageError(`--status needs open, done or all; not '${status}'`);
  return { command: 'list', ...common, owner: values.owner ?? null, status, overdue: values.overdue ?? false };
}

/** A `YYYY-MM-DD` option's value, checked; undefined when the option is absent. */
function isoOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parseIso(value)) throw new UsageError(`${name} needs a date as YYYY-MM-DD, not '${value}'`);
  return value;
}

export const USAGE = `Usage:
  meeting-notes check [PATH...] [options]   report problems in meeting notes, as a compiler does
  meeting-notes list [PATH...] [options]    print a table of the action items
  meeting-notes export --format ics|csv|md [PATH...] [options]
                                            the open items' due dates as a calendar, the items
                                            as a spreadsheet, or a digest by owner

A PATH is a notes file or a folder, searched for .md and .txt notes (skipping node_modules,
.git and what .gitignore ignores). Without a PATH, the current folder. The notes are read
together: the meetings of one series (same title in a folder, or a running log) are followed in
date order.

Options:
  --today YYYY-MM-DD       judge overdue and due-soon against this date (default: today)
  --json                   print the JSON report (check) or the items as JSON (list)
  --due-soon-days N        'due-soon' covers the next N days (default 3)
  --severity CODE=LEVEL    change a diagnostic's level, or turn it off (repeatable)
  --carried-over-after N   'carried-over' for work open N meetings after it was recorded (default 2)
  --no-color / --color     colour the output (default: when printing to a terminal)
check:
  --fail-on LEVEL          exit 1 when a diagnostic at or above LEVEL is reported:
                           error (default), warning, information, hint, none
list:
  --owner NAME             only this owner's items (a first name or @handle is enough)
  --status open|done|all   only open or done items (default all)
  --overdue                only open items past their due date
export:
  --format ics|csv|md      ics: one all-day event per open item with a due date (iCalendar);
                           csv: every item, one row each; md: a digest by owner
  --out FILE, -o FILE      write to FILE instead of printing
  --since YYYY-MM-DD       md: list work done since this day (default: a week before --today)
  --owner NAME             only this owner's items

Exit status: 0 fine; 1 a diagnostic at or above --fail-on; 2 bad arguments or an unreadable path.`;
