import type { Diagnostic } from 'vscode-languageserver';
import { diagnose } from '../../core/rules';
import type { NotesSettings } from '../../protocol';
import { toDiagnostic } from '../convert';
import type { NotesFile } from '../store';

/** The diagnostics of one notes file; nothing for files that do not look like meeting notes. */
export function documentDiagnostics(file: NotesFile, settings: NotesSettings, today: string): Diagnostic[] {
  if (!file.model.looksLikeNotes) return [];
  return diagnose(file.model, { today, dueSoonDays: settings.dueSoonDays, severities: settings.severity }).map((d) => toDiagnostic(file.model, d));
}
