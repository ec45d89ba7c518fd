import type { Diagnostic } from 'vscode-languageserver';
import { judge } from '../../core/rules';
import type { SeriesIndex } from '../../core/series';
import type { NotesSettings } from '../../protocol';
import { toDiagnostics } from '../convert';
import type { NotesFile } from '../store';

/**
 * The diagnostics of one notes file; nothing for files that do not look like meeting notes. With
 * the workspace's series, its items are judged with the rest of their series (else the file alone).
 * Those that read as in `previous` (the last report, in order) are its objects.
 */
export function documentDiagnostics(file: NotesFile, settings: NotesSettings, today: string, series?: SeriesIndex, previous?: readonly Diagnostic[]): Diagnostic[] {
  if (!file.model.looksLikeNotes) return [];
  const findings = judge(file.model, {
    today,
    dueSoonDays: settings.dueSoonDays,
    severities: settings.severity,
    carriedOverAfter: settings.carriedOverAfter,
    series: series ? { index: series, file: file.uri } : undefined,
  });
  return toDiagnostics(file.model, findings, previous);
}
