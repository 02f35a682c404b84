/**
 * Numbers as law texts write them: Chinese numerals (一百二十四, 二十万, 一千五百,
 * 两万, 〇), Arabic digits (3000, 1.5), and the two mixed (1万, 5千). Amounts are
 * read exactly or not at all: a text that is not a whole number in one of
 * these forms gives undefined, never a guess.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** Characters a Chinese or mixed numeral is made of (for scanning). */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿0-9０-９.．';

function fullWidthToAscii(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** A section below 万: 一千五百, 二十, 十五, 三百零五. */
function readSection(s: string): number | undefined {
  if (s === '') return 0;
  if (/^[0-9]+(\.[0-9]+)?$/.test(s)) return Number(s);
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && d !== 0 && digit !== 0) return undefined; // 二三: not a numeral
      digit = d;
      continue;
    }
    const u = SMALL_UNITS[ch];
    if (u === undefined || u >= lastUnit) return undefined;
    // 十 alone (十五) means 一十.
    total += (digit ?? (u === 10 && total === 0 ? 1 : NaN)) * u;
    if (Number.isNaN(total)) return undefined;
    digit = undefined;
    lastUnit = u;
  }
  if (digit !== undefined) total += digit;
  return total;
}

/**
 * The value of a numeral: 一百二十四 → 124, 二十万 → 200000, 1万 → 10000,
 * 1.5万 → 15000, 三千 → 3000, 零点五 is not read. Undefined when it is not one.
 */
export function parseNumeral(raw: string): number | undefined {
  const s = fullWidthToAscii(raw.trim());
  if (s === '') return undefined;
  if (/^[0-9]+(\.[0-9]+)?$/.test(s)) return Number(s);
  let total = 0;
  let rest = s;
  for (const [ch, unit] of [
    ['亿', BIG_UNITS.亿!],
    ['万', BIG_UNITS.万!],
  ] as const) {
    const i = rest.indexOf(ch);
    if (i < 0) continue;
    const head = rest.slice(0, i);
    const v = head === '' ? undefined : readSection(head) ?? (ch === '亿' ? undefined : parseNumeral(head));
    if (v === undefined) return undefined;
    total += v * unit;
    rest = rest.slice(i + 1);
  }
  // 一万五: the tail after a big unit without its own unit is a digit of the next lower place.
  if (/^[一二两三四五六七八九]$/.test(rest) && total > 0 && total % 10_000 === 0) return total + DIGITS[rest]! * 1000;
  const tail = readSection(rest);
  if (tail === undefined) return undefined;
  total += tail;
  // Exact to the fen: amounts such as 0.5万 are exact, 1.234567万 is not an amount.
  return Number.isFinite(total) ? Math.round(total * 100) / 100 : undefined;
}

/** 第一百二十四条 → 124; 第（五）项 / （五） → 5. */
export function parseOrdinal(raw: string): number | undefined {
  const n = parseNumeral(raw);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * A multiple as texts write one, as a factor of the base: 十倍 → 10, 等值 → 1,
 * 百分之四十 → 0.4, 30% → 0.3, 千分之五 → 0.005, 三分之一 → 1/3 (rounded to
 * 1e-9), 一倍 → 1. Undefined when the text is not one.
 */
export function parseFactor(raw: string): number | undefined {
  const s = fullWidthToAscii(raw.trim()).replace(/％/g, '%');
  if (s === '等值') return 1;
  let m = /^(.+)倍$/.exec(s);
  if (m) return parseNumeral(m[1]!);
  m = /^([0-9]+(?:\.[0-9]+)?)%$/.exec(s);
  if (m) return round9(Number(m[1]) / 100);
  m = /^([0-9]+(?:\.[0-9]+)?)‰$/.exec(s);
  if (m) return round9(Number(m[1]) / 1000);
  m = /^(百|千|万)分之(.+)$/.exec(s);
  if (m) {
    const v = parseNumeral(m[2]!);
    const d = m[1] === '百' ? 100 : m[1] === '千' ? 1000 : 10_000;
    return v === undefined ? undefined : round9(v / d);
  }
  m = /^(.+)分之(.+)$/.exec(s);
  if (m) {
    const d = parseNumeral(m[1]!);
    const v = parseNumeral(m[2]!);
    return d === undefined || v === undefined || d === 0 ? undefined : round9(v / d);
  }
  return undefined;
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** 五万元 → 50000; 3000元 → 3000; 一百万元 → 1000000. Undefined when not an amount in 元. */
export function parseYuan(raw: string): number | undefined {
  const m = /^(.+?)(?:人民币)?元$/.exec(raw.trim().replace(/^人民币/, ''));
  return m ? parseNumeral(m[1]!) : undefined;
}
