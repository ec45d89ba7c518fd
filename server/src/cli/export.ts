import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportItems, toCsv, toDigest, toICalendar } from '../core/export';
import type { SeriesIndex } from '../core/series';
import type { AnalyzedFile } from './analyzeFiles';
import type { ExportOptions } from './args';
import { ownerNameMatches } from './list';
import type { CliIo } from './main';

/** `export`: the items as iCalendar, CSV or a Markdown digest, to --out or stdout. Returns the exit status. */
export function runExport(files: AnalyzedFile[], series: SeriesIndex, options: ExportOptions, io: CliIo): number {
  const items = exportItems(
    files.map((f) => ({ path: f.path, model: f.model })),
    series,
  ).filter((item) => !options.owner || (item.owner !== null && ownerNameMatches(item.owner, options.owner)));
  const text =
    options.format === 'ics'
      ? toICalendar(items, { today: options.today })
      : options.format === 'csv'
        ? toCsv(items, { today: options.today })
        : toDigest(items, { today: options.today, since: options.since, fileCount: files.length });
  if (!options.out) {
    if (io.write) io.write(text);
    else io.out(text.replace(/\r?\n$/, ''));
    return 0;
  }
  try {
    writeFileSync(resolve(io.cwd, options.out), text);
  } catch (error) {
    io.err(`meeting-notes: cannot write '${options.out}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
    return 2;
  }
  const what = options.format === 'ics' ? `${items.filter((i) => i.status === 'open' && i.due?.date).length} events` : options.format === 'csv' ? `${items.length} rows` : 'the digest';
  io.err(`meeting-notes: wrote ${what} to ${options.out}`);
  return 0;
}
