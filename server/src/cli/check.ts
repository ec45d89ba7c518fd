import type { Severity } from '../core/model';
import { reportFile, reportSeries } from '../core/report';
import type { SeriesIndex } from '../core/series';
import type { AnalyzedFile } from './analyzeFiles';
import { type CheckOptions, SEVERITY_ORDER } from './args';
import { painter, plural } from './style';

/** `check`: findings as a compiler prints them, or the JSON report. Returns the exit status. */
export function runCheck(files: AnalyzedFile[], skipped: Array<{ path: string; reason: string }>, options: CheckOptions, out: (text: string) => void, series?: SeriesIndex): number {
  if (options.json) {
    const models = new Map(files.map((f) => [f.path, f.model]));
    const report = { files: files.map((f) => reportFile(f.path, f.model, f.diagnostics)), skipped, series: series ? reportSeries(series, (path) => models.get(path)) : [] };
    out(JSON.stringify(report, null, 2));
  } else {
    out(formatFindings(files, options));
  }
  return failed(files, options.failOn) ? 1 : 0;
}

function failed(files: AnalyzedFile[], failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  const threshold = SEVERITY_ORDER.indexOf(failOn);
  return files.some((f) => f.diagnostics.some((d) => SEVERITY_ORDER.indexOf(d.severity) >= threshold));
}

export function formatFindings(files: AnalyzedFile[], options: CheckOptions): string {
  const paint = painter(options.color);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let items = 0;
  let overdue = 0;
  for (const file of files) {
    items += file.model.items.length;
    overdue += file.diagnostics.filter((d) => d.code === 'overdue').length;
    for (const d of file.diagnostics) {
      counts[d.severity]++;
      const at = file.model.lines.positionAt(d.span.start);
      lines.push(`${paint.bold(`${file.path}:${at.line + 1}:${at.character + 1}:`)} ${paint.severity[d.severity](d.severity)} ${paint.dim(d.code)} ${d.message}`);
    }
  }
  const problems = SEVERITY_ORDER.slice()
    .reverse()
    .filter((s) => counts[s])
    .map((s) => (s === 'information' ? `${counts[s]} information` : plural(counts[s], s)));
  const total = problems.length ? `${plural(Object.values(counts).reduce((a, b) => a + b, 0), 'problem')} (${problems.join(', ')})` : 'no problems';
  const summary = `${plural(files.length, 'file')}, ${plural(items, 'action item')}${overdue ? ` (${overdue} overdue)` : ''}, ${total}`;
  return [...lines, ...(lines.length ? [''] : []), summary].join('\n');
}
