// Calendar arithmetic on ISO dates (`YYYY-MM-DD`), done in UTC so that no time zone moves a day.

const DAY_MS = 86_400_000;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIso(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isoDate(year, month, day) ? { year, month, day } : null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days by their ISO text: a long document's rules ask about the same few hundred dates at every edit. */
const utcTimes = new Map<string, number>();
const labels = new Map<string, string>();
const KEPT_DATES = 10_000;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= KEPT_DATES) map.clear();
  map.set(key, value);
  return value;
}

function toUtc(iso: string): number {
  const known = utcTimes.get(iso);
  if (known !== undefined) return known;
  const d = parseIso(iso);
  if (!d) throw new Error(`not an ISO date: ${iso}`);
  return remember(utcTimes, iso, Date.UTC(d.year, d.month - 1, d.day));
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? '';
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(toUtc(iso)).getUTCDay();
}

/** The Monday of the (Monday-to-Sunday) week that contains the date. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekdayOf(iso) + 6) % 7));
}

/** The given weekday (0 = Sunday) in the Monday-to-Sunday week that contains the date. */
export function weekdayInWeekOf(iso: string, weekday: number): string {
  return addDays(mondayOf(iso), (weekday + 6) % 7);
}

/** The first given weekday on or after the date. */
export function nextWeekdayOnOrAfter(iso: string, weekday: number): string {
  return addDays(iso, (weekday - weekdayOf(iso) + 7) % 7);
}

/** The first `month`/`day` on or after the date (a holiday: `Christmas` in a December 28 meeting is next year's). */
export function nextMonthDayOnOrAfter(iso: string, month: number, day: number): string {
  const year = parseIso(iso)!.year;
  const thisYear = isoDate(year, month, day)!;
  return thisYear >= iso ? thisYear : isoDate(year + 1, month, day)!;
}

/** The first US Thanksgiving (November's fourth Thursday) on or after the date. */
export function nextThanksgivingOnOrAfter(iso: string): string {
  const year = parseIso(iso)!.year;
  const fourthThursday = (y: number) => addDays(nextWeekdayOnOrAfter(isoDate(y, 11, 1)!, 4), 21);
  const thisYear = fourthThursday(year);
  return thisYear >= iso ? thisYear : fourthThursday(year + 1);
}

export function endOfMonth(iso: string, monthsAhead = 0): string {
  const d = parseIso(iso)!;
  const monthIndex = d.month - 1 + monthsAhead;
  const year = d.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return isoDate(year, month, daysInMonth(year, month))!;
}

export function endOfQuarter(iso: string): string {
  const d = parseIso(iso)!;
  const lastMonth = Math.ceil(d.month / 3) * 3;
  return isoDate(d.year, lastMonth, daysInMonth(d.year, lastMonth))!;
}

/** The first day numbered `day` on or after `iso` (`the 15th`): in its month, or the next month that has that day. */
export function nextDayOfMonth(iso: string, day: number): string | null {
  if (day < 1 || day > 31) return null;
  const d = parseIso(iso)!;
  for (let ahead = 0; ahead < 12; ahead++) {
    const monthIndex = d.month - 1 + ahead;
    const candidate = isoDate(d.year + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, day);
    if (candidate && candidate >= iso) return candidate;
  }
  return null;
}

/** Of the same month and day in the year before, of and after the reference, the one nearest to it. */
export function nearestYear(reference: string, month: number, day: number): string | null {
  const ref = parseIso(reference)!;
  let best: string | null = null;
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    const candidate = isoDate(year, month, day);
    if (candidate && (best === null || Math.abs(daysBetween(reference, candidate)) < Math.abs(daysBetween(reference, best)))) {
      best = candidate;
    }
  }
  return best;
}

/** `Sat, Feb 3` style label used in messages. */
export function shortLabel(iso: string): string {
  const known = labels.get(iso);
  if (known !== undefined) return known;
  const d = parseIso(iso)!;
  const weekday = WEEKDAYS[weekdayOf(iso)];
  const month = MONTH_ABBREVIATIONS[d.month - 1]; // not toLocaleString: it costs a fraction of a millisecond per call
  return remember(labels, iso, `${weekday[0].toUpperCase()}${weekday.slice(1, 3)}, ${month} ${d.day}`);
}

/** `in 2 days`, `today`, `3 days overdue`-style distance (without the word overdue). */
export function relativeDays(today: string, iso: string): string {
  const days = daysBetween(today, iso);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The local calendar date of a moment (the user's "today"). */
export function localToday(now = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}
