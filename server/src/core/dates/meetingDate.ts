import { isoDate } from './calendar';
import { trimEndChars, trimStartChars } from '../text/plain';
import { readCalendarDate } from './readDate';

const SEPARATOR = /\s*[-–—|:,(]\s*|\s+/g;
/** What may close a title after its date: `(January 29, 2024).` */
const TRAILING = /[\s)\].,;:!]/;

/**
 * Splits a title line into its name and date: `Engineering Architecture Review - January 29, 2024`,
 * `Infra sync — 2025-09-15`, `2025-10-06`, `2025-10-06 · Planning`. Null when no date is written.
 */
export function splitTitleDate(line: string, reference: string | null): { title: string; date: string } | null {
  const text = line.trim();
  if (!/\d/.test(text)) return null;
  const whole = readCalendarDate(text, reference);
  if (whole?.date && !trimEndChars(text.slice(whole.length), TRAILING)) return { title: '', date: whole.date };
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
    if (m.index === 0) continue;
    const suffix = text.slice(m.index + m[0].length);
    const reading = readCalendarDate(suffix, reference);
    if (reading?.date && !trimEndChars(suffix.slice(reading.length), TRAILING)) {
      return { title: cleanTitle(text.slice(0, m.index)), date: reading.date };
    }
  }
  if (whole?.date) {
    const rest = text.slice(whole.length);
    if (/^\s*[-–—|:·•,]/.test(rest)) return { title: cleanTitle(rest), date: whole.date };
  }
  return null;
}

function cleanTitle(text: string): string {
  return trimEndChars(trimStartChars(text, /[\s\-–—|:·•,]/), /[\s\-–—|:·•,(]/);
}

/** `2025-03-10-platform.md`, `standup_20250310.txt` → `2025-03-10`. */
export function dateFromFileName(fileName: string): string | null {
  const base = fileName.replace(/^.*[\\/]/, '');
  const m = /(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(base);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
