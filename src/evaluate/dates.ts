// One function of date-fns, imported by its own path (bundled into dist/):
// the package's index would load all of its ~300 modules.
import { add } from 'date-fns/add';
import { parseDuration } from '../schema/primitives.js';

/**
 * Calendar arithmetic on YYYY-MM-DD strings. Dates are built from their
 * components at local midnight and read back by components, so the result is
 * the same calendar day in every time zone.
 */
function toDate(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
}

// Batches meet the same act dates and windows again and again: remember results,
// by direction and duration, then by date (no key strings to build per call).
const memo = [new Map<string, Map<string, string>>(), new Map<string, Map<string, string>>()] as const;
const MEMO_LIMIT = 50_000;
let memoSize = 0;

function shift(iso: string, duration: string, sign: 1 | -1): string {
  const byDuration = memo[sign > 0 ? 0 : 1];
  let byDate = byDuration.get(duration);
  const hit = byDate?.get(iso);
  if (hit !== undefined) return hit;
  const p = parseDuration(duration);
  let out = iso;
  if (p) {
    const d = add(toDate(iso), { years: sign * p.years, months: sign * p.months, weeks: sign * p.weeks, days: sign * p.days });
    // A period too long for the calendar (P99999999999Y: an invalid Date, and a throw in format) reaches
    // past every date a case can have: clamp to the ends of four-digit years, which compare correctly.
    const y = d.getFullYear();
    out = Number.isNaN(y) ? (sign > 0 ? '9999-12-31' : '0000-01-01') : y > 9999 ? '9999-12-31' : y < 1 ? '0000-01-01' : `${String(y).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  if (memoSize >= MEMO_LIMIT) {
    memo[0].clear();
    memo[1].clear();
    memoSize = 0;
    byDate = undefined;
  }
  if (!byDate) {
    byDate = new Map();
    byDuration.set(duration, byDate);
  }
  byDate.set(iso, out);
  memoSize++;
  return out;
}

/** `iso` plus an ISO 8601 duration (P2Y, P6M, P30D); 2024-02-29 + P1Y = 2025-02-28. */
export function addDuration(iso: string, duration: string): string {
  return shift(iso, duration, 1);
}

/** `iso` minus an ISO 8601 duration. */
export function subtractDuration(iso: string, duration: string): string {
  return shift(iso, duration, -1);
}

const durationTexts = new Map<string, string>();

/** Human form of a duration: P2Y → 2年, P6M → 6个月, P30D → 30日. */
export function durationText(duration: string): string {
  let t = durationTexts.get(duration);
  if (t === undefined) {
    t = describeDuration(duration);
    // Rule sets use a handful of periods; a bound all the same.
    if (durationTexts.size >= 1000) durationTexts.clear();
    durationTexts.set(duration, t);
  }
  return t;
}

function describeDuration(duration: string): string {
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

/**
 * The day whose version of the rules governs the act: the act date, the end of
 * a continuing act, or, while the act goes on, the latest day it is known to
 * go on (the decision, the caller's asOf, the discovery, else the act date).
 */
export function governingDay(dates: { readonly act: string; readonly actEnd?: string; readonly ongoing?: true; readonly discovered?: string; readonly decision?: string }, asOf?: string): string {
  if (dates.ongoing) return dates.decision ?? asOf ?? dates.discovered ?? dates.act;
  return dates.actEnd ?? dates.act;
}

/**
 * Full years of age (周岁) on `day` of a person born on `birth`. A person
 * reaches an age on the day after the birthday, so on the 14th birthday itself
 * the person is still 13 (不满十四周岁): the reading of 最高人民法院《关于审理未成年人
 * 刑事案件具体应用法律若干问题的解释》（法释〔2006〕1号）第二条 for 刑法第十七条 ("按照公历的
 * 年、月、日计算，从周岁生日的第二天起算"), applied to 行政处罚法 Art. 30, which has no
 * rule of its own. Unverified: that text was read only on secondary pages, not in
 * the published document. Born on 29 February: the birthday in a common year is
 * 28 February (as addDuration counts), so the age is reached on 1 March.
 */
export function ageOn(birth: string, day: string): number {
  let years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  if (years <= 0) return 0;
  if (addDuration(birth, `P${years}Y`) >= day) years--;
  return years < 0 ? 0 : years;
}
