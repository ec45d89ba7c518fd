import { DIAGNOSTIC_CODES } from '../core/rules';
import { DEFAULT_SETTINGS, type NotesSettings } from '../protocol';

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** Settings as sent by any client (possibly partial, possibly wrong) made whole and valid. */
export function normalizeSettings(raw: unknown): NotesSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severity: NotesSettings['severity'] = {};
  if (value.severity && typeof value.severity === 'object') {
    for (const [code, level] of Object.entries(value.severity as Record<string, unknown>)) {
      if ((DIAGNOSTIC_CODES as readonly string[]).includes(code) && typeof level === 'string' && LEVELS.has(level)) {
        severity[code] = level as NonNullable<NotesSettings['severity'][string]>;
      }
    }
  }
  const number = (v: unknown, fallback: number, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
  return {
    files: typeof value.files === 'string' && value.files.trim() ? value.files.trim() : DEFAULT_SETTINGS.files,
    severity,
    dueSoonDays: Math.round(number(value.dueSoonDays, DEFAULT_SETTINGS.dueSoonDays, 0, 365)),
    carriedOverAfter: Math.round(number(value.carriedOverAfter, DEFAULT_SETTINGS.carriedOverAfter, 1, 100)),
    writeDoneDate: typeof value.writeDoneDate === 'boolean' ? value.writeDoneDate : DEFAULT_SETTINGS.writeDoneDate,
    maxFileSize: number(value.maxFileSize, DEFAULT_SETTINGS.maxFileSize, 0.001, 1024),
  };
}

/** `files.exclude` (glob → true/false) as the list of globs that are on. */
export function excludeGlobs(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
