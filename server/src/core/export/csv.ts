// CSV (RFC 4180) for spreadsheets: a header row, then one row per piece of work.
import { type ExportItem, isOverdue } from './items';

const COLUMNS: Array<[string, (item: ExportItem, today: string) => string | number | null]> = [
  ['Owner', (i) => i.owner],
  ['Task', (i) => i.task],
  ['Due', (i) => i.due?.date ?? null],
  ['Due as written', (i) => i.due?.text ?? null],
  ['Status', (i) => i.status],
  ['Overdue', (i, today) => (isOverdue(i, today) ? 'yes' : 'no')],
  ['Done on', (i) => i.doneOn],
  ['Kind', (i) => i.kind],
  ['Source', (i) => i.source],
  ['Meeting', (i) => i.meeting.title],
  ['Meeting date', (i) => i.meeting.date],
  ['First recorded', (i) => i.firstRecorded],
  ['Meetings waited', (i) => i.waited],
  ['File', (i) => i.path],
  ['Line', (i) => i.line],
  ['Id', (i) => i.id],
];

/**
 * Fields are quoted when they hold a comma, a quote or a line break (quotes doubled), rows end in
 * CRLF, and the text starts with a byte-order mark so that spreadsheet apps read UTF-8 names right.
 */
export function toCsv(items: ExportItem[], options: { today: string }): string {
  const rows = [COLUMNS.map(([name]) => name), ...items.map((item) => COLUMNS.map(([, value]) => cell(value(item, options.today))))];
  return '\ufeff' + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A cell that starts like a formula would be run by the spreadsheet: make it plain text.
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
