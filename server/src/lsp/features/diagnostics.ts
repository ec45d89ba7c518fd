import type { Diagnostic } from 'vscode-languageserver';
import { diagnose } from '../../core/rules';
import type { SeriesIndex } from '../../core/series';
import type { NotesSettings } from '../../protocol';
import { toDiagnostic } from '../convert';
import type { NotesFile } from '../store';

/**
 * The diagnostics of one notes file; nothing for files that do not look like meeting notes. With
 * the workspace's series, its items are judged with the rest of their series (else the file alone).
 */
export function documentDiagnostics(file: NotesFile, settings: NotesSettings, today: string, series?: SeriesIndex): Diagnostic[] {
  if (!file.model.looksLikeNotes) return [];
  return diagnose(file.model, {
    today,
    dueSoonDays: settings.dueSoonDays,
    severities: settings.severity,
    carriedOverAfter: settings.carriedOverAfter,
    series: series ? { index: series, file: file.uri } : undefined,
  }).map((d) => toDiagnostic(file.model, d));
}
