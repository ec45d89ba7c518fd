import type { Severity } from '../core/model';

/** ANSI colours, or none. */
export function painter(enabled: boolean) {
  const wrap = (code: string) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severity: Record<Severity, (t: string) => string> = {
    error: wrap('31'),
    warning: wrap('33'),
    information: wrap('36'),
    hint: wrap('2'),
  };
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), severity };
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
