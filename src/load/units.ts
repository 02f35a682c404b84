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

/**
 * Minutes in a duration fact value such as PT4H or P2D. Years and months have
 * no fixed length, so they are not allowed for duration facts (undefined).
 */
export function durationMinutes(s: string): number | undefined {
  const p = parseDuration(s);
  if (!p || p.years !== 0 || p.months !== 0) return undefined;
  return ((p.weeks * 7 + p.days) * 24 + p.hours) * 60 + p.minutes;
}
