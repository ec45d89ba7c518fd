import { daysBetween } from '../core/dates/calendar';
import { Roster } from '../core/extract/people';
import type { ActionItem } from '../core/model';
import { reportItem } from '../core/report';
import type { SeriesIndex } from '../core/series';
import type { AnalyzedFile } from './analyzeFiles';
import type { ListOptions } from './args';
import { painter } from './style';

interface Row {
  file: AnalyzedFile;
  item: ActionItem;
}

/** `list`: a table of the action items (owner, due, status, task, where). Returns the exit status. */
export function runList(files: AnalyzedFile[], options: ListOptions, out: (text: string) => void, series?: SeriesIndex): number {
  const rows = selectRows(files, options, series);
  if (options.json) {
    out(JSON.stringify({ items: rows.map(({ file, item }) => ({ path: file.path, ...reportItem(item, (o) => file.model.lines.positionAt(o).line + 1) })) }, null, 2));
  } else {
    out(formatTable(rows, options));
  }
  return 0;
}

/** The items to list; an entry that a later meeting of its series carries on is left out (the later one stands for the work). */
export function selectRows(files: AnalyzedFile[], options: ListOptions, series?: SeriesIndex): Row[] {
  const rows: Row[] = [];
  for (const file of files) {
    for (const item of file.model.items) {
      if (series?.item(file.path, item.id)?.next) continue;
      if (options.status !== 'all' && item.status !== options.status) continue;
      if (options.overdue && !(item.status === 'open' && item.due?.date && item.due.date < options.today)) continue;
      if (options.owner && !(item.owner && ownerMatches(item, options.owner))) continue;
      rows.push({ file, item });
    }
  }
  // Soonest due first; undated and vague items last, each group in document order.
  return rows.sort((a, b) => (a.item.due?.date ?? '9999').localeCompare(b.item.due?.date ?? '9999') || a.file.path.localeCompare(b.file.path) || a.item.span.start - b.item.span.start);
}

function ownerMatches(item: ActionItem, query: string): boolean {
  return ownerNameMatches(item.owner!.name, query);
}

/** Whether `--owner` names this owner: `Tom`, `@tom` and `Tom Bradley` all name Tom Bradley. */
export function ownerNameMatches(name: string, query: string): boolean {
  return new Roster([{ name, role: null, span: null }]).resolve(query).attendee !== null;
}

function dueLabel(item: ActionItem, today: string): string {
  if (!item.due) return '—';
  if (!item.due.date) return item.due.vague ? `${item.due.text} (vague)` : item.due.text;
  if (item.status === 'open' && item.due.date < today) return `${item.due.date} (${daysBetween(item.due.date, today)}d late)`;
  return item.due.date;
}

export function formatTable(rows: Row[], options: ListOptions): string {
  if (!rows.length) return 'No action items match.';
  const paint = painter(options.color);
  const header = ['OWNER', 'DUE', 'STATUS', 'TASK', 'WHERE'];
  const cells = rows.map(({ file, item }) => [
    item.owner?.name ?? '—',
    dueLabel(item, options.today),
    item.status,
    item.task.length > 60 ? `${item.task.slice(0, 59)}…` : item.task,
    `${file.path}:${file.model.lines.positionAt(item.span.start).line + 1}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]].length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v + ' '.repeat(widths[i] - [...v].length))).join('  ');
  return [
    paint.bold(line(header)),
    ...cells.map((c, i) => {
      const late = rows[i].item.status === 'open' && rows[i].item.due?.date && rows[i].item.due!.date! < options.today;
      return late ? paint.red(line(c)) : rows[i].item.status === 'done' ? paint.dim(line(c)) : line(c);
    }),
  ].join('\n');
}
