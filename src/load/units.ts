import { parseDuration } from '../schema/primitives.js';

/** Yuan (as written in files, ≤ 2 decimals) to integer fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Days since 1970-01-01 for a valid YYYY-MM-DD (pure arithmetic, no time zone). */
export function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Days from civil, after Howard Hinnant's algorithm.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number (days since 1970-01-01) as YYYY-MM-DD. */
export function isoOfDay(days: number): string {
  // Civil from days, after Howard Hinnant's algorithm.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Minutes in a duration fact value such as PT4H or P2D. Years and months have
 * no fixed length, so they are not allowed for duration facts (undefined).
 */
export function durationMinutes(s: string): number | undefined {
  const p = parseDuration(s);
  if (!p || p.years !== 0 || p.months !== 0) return undefined;
  return ((p.weeks * 7 + p.days) * 24 + p.hours) * 60 + p.minutes;
}
