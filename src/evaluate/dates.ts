import { add, format } from 'date-fns';
import { parseDuration } from '../schema/primitives.js';

/**
 * Calendar arithmetic on YYYY-MM-DD strings. Dates are built from their
 * components at local midnight and read back by components, so the result is
 * the same calendar day in every time zone.
 */
function toDate(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
}

/** `iso` plus an ISO 8601 duration (P2Y, P6M, P30D); 2024-02-29 + P1Y = 2025-02-28. */
export function addDuration(iso: string, duration: string): string {
  const p = parseDuration(duration);
  if (!p) return iso;
  const d = add(toDate(iso), { years: p.years, months: p.months, weeks: p.weeks, days: p.days });
  return format(d, 'yyyy-MM-dd');
}

/** `iso` minus an ISO 8601 duration. */
export function subtractDuration(iso: string, duration: string): string {
  const p = parseDuration(duration);
  if (!p) return iso;
  const d = add(toDate(iso), { years: -p.years, months: -p.months, weeks: -p.weeks, days: -p.days });
  return format(d, 'yyyy-MM-dd');
}

/** Human form of a duration: P2Y → 2年, P6M → 6个月, P30D → 30日. */
export function durationText(duration: string): string {
  const p = parseDuration(duration);
  if (!p) return duration;
  const parts: string[] = [];
  if (p.years) parts.push(`${p.years}年`);
  if (p.months) parts.push(`${p.months}个月`);
  if (p.weeks) parts.push(`${p.weeks}周`);
  if (p.days) parts.push(`${p.days}日`);
  if (p.hours) parts.push(`${p.hours}小时`);
  if (p.minutes) parts.push(`${p.minutes}分钟`);
  return parts.join('') || duration;
}
