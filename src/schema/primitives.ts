import * as z from 'zod';

/**
 * Building blocks of the rule-set language. Refinements carry a diagnostic
 * code in `params.code` so the loader can report them with their own code.
 */

/** Largest money amount accepted, in yuan (1 trillion): far above any fine, safe in fen. */
export const MONEY_LIMIT_YUAN = 1e12;

/** True when `s` is a real calendar date written YYYY-MM-DD (years 1900–2999). */
export function isIsoDate(s: string): boolean {
  // YYYY-MM-DD (ASCII digits) read by character codes: no match array, no substrings (cases give several dates each).
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || mo < 0 || d < 0) return false;
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const days = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : MONTH_DAYS[mo - 1]!;
  return d <= days;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ASCII digits s[from, to) as a number, or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A calendar date, YYYY-MM-DD. Kept as a string; no time zone is involved anywhere. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'invalid date', params: { code: 'INVALID_DATE' } })
  .meta({ description: 'Calendar date YYYY-MM-DD', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const DURATION_RE = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?)?$/;

/** Parsed ISO 8601 duration (whole units only). */
export interface DurationParts {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/** Parses `P2Y`, `P6M`, `P30D`, `PT4H`…; undefined when not a valid duration. */
export function parseDuration(s: string): DurationParts | undefined {
  const m = DURATION_RE.exec(s);
  if (!m) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6) };
}

/** An ISO 8601 duration such as P2Y or PT4H. */
export const Duration = z
  .string()
  .refine((s) => parseDuration(s) !== undefined, { message: 'invalid duration', params: { code: 'INVALID_DURATION', detail: '' } })
  .meta({ description: 'ISO 8601 duration, e.g. P2Y, P6M, P30D, PT4H', pattern: '^P' });

/**
 * A period of the law (limitation, 首违 window, list look-back, staleness): whole
 * days, weeks, months or years, longer than zero. These windows are counted on
 * the calendar by day, so hours and minutes (PT17520H) are refused rather than
 * silently counted as 0 days, and so is a period of no length (P0D).
 */
export const Period = z
  .string()
  .superRefine((s, ctx) => {
    const p = parseDuration(s);
    if (!p) ctx.addIssue({ code: 'custom', message: 'invalid duration', params: { code: 'INVALID_DURATION', detail: '' } });
    else if (p.hours !== 0 || p.minutes !== 0) ctx.addIssue({ code: 'custom', message: 'not in days', params: { code: 'PERIOD_NOT_IN_DAYS' } });
    else if (p.years + p.months + p.weeks + p.days === 0) ctx.addIssue({ code: 'custom', message: 'empty', params: { code: 'PERIOD_EMPTY' } });
  })
  .meta({ description: 'ISO 8601 period in whole days, weeks, months or years, longer than zero: P2Y, P6M, P30D', pattern: '^P(?!.*T)' });

/** Money in yuan as written in files (at most 2 decimals, not negative). */
export const Money = z
  .number()
  .superRefine((v, ctx) => {
    if (v < 0) ctx.addIssue({ code: 'custom', message: 'negative', params: { code: 'MONEY_NEGATIVE', value: v } });
    else if (v > MONEY_LIMIT_YUAN)
      ctx.addIssue({ code: 'custom', message: 'too large', params: { code: 'MONEY_TOO_LARGE', value: v, limit: MONEY_LIMIT_YUAN } });
    // Exact for doubles: n / 100 is the double nearest the decimal n/100, so a 2-decimal amount round-trips.
    else if (Math.round(v * 100) / 100 !== v)
      ctx.addIssue({ code: 'custom', message: 'precision', params: { code: 'MONEY_PRECISION', value: v } });
  })
  .meta({ description: 'Amount in yuan (元), at most 2 decimals' });

/** [min, max] in yuan. */
export const MoneyRange = z
  .tuple([Money, Money])
  .superRefine(([a, b], ctx) => {
    if (a > b) ctx.addIssue({ code: 'custom', message: 'inverted', params: { code: 'RANGE_INVERTED', min: a, max: b } });
  })
  .meta({ description: '[min, max] in yuan (元), both inclusive' });

/** A share of a range, 0..1. */
export const Ratio = z.number().min(0).max(1);

/** [from, to] as shares 0..1 of the statutory range. */
export const ShareRange = z.tuple([Ratio, Ratio]).superRefine(([a, b], ctx) => {
  if (a > b) ctx.addIssue({ code: 'custom', message: 'inverted', params: { code: 'RANGE_INVERTED', min: a, max: b } });
});

/** [from, to] multiples (倍) of a base amount. */
export const MultipleRange = z
  .tuple([z.number().min(0).max(1000), z.number().min(0).max(1000)])
  .superRefine(([a, b], ctx) => {
    if (a > b) ctx.addIssue({ code: 'custom', message: 'inverted', params: { code: 'RANGE_INVERTED', min: a, max: b } });
  });

/** Stable identifiers: item codes, list ids, tier ids, law keys. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'letters, digits, ".", "_" or "-", starting with a letter or digit');

/** Fact and circumstance names: identifiers usable as json-rules-engine facts. */
export const Name = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a name like goodsValue (letters, digits, _)');

/** Control characters and bidirectional overrides: never in text a report prints (see report/printable.ts). */
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The same, and line ends and tabs: for values printed inside one line (ids, versions). */
export const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function noControl(re: RegExp) {
  return (s: string, ctx: z.RefinementCtx) => {
    const m = re.exec(s);
    if (m) {
      const cp = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      ctx.addIssue({ code: 'custom', message: 'control character', params: { code: 'TEXT_CONTROL_CHARACTER', char: `U+${cp}`, index: m.index + 1 } });
    }
  };
}

/** Short free text (titles, labels): line ends allowed, other control characters and bidi overrides not. */
export const Text = z.string().min(1).max(2000).superRefine(noControl(CONTROL_IN_TEXT));

/** A value printed inside one line (a case id, a version): no control character at all. */
export function lineText(max: number) {
  return z.string().min(1).max(max).superRefine(noControl(CONTROL_IN_LINE));
}

/** Mark on any entry whose figure could not be checked against the published text. */
export const Unverified = z
  .string()
  .min(1)
  .max(2000)
  .meta({ description: 'What could not be verified against the published source, and why' });
