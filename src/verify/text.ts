import type { FineModel, ScalarValue } from '../load/model.js';
import { isoOfDay } from '../load/units.js';
import { constrainedFacts, orderBoxes, sampleBox, type Box, type Constraint, type Domain, type Domains, type Region } from './regions.js';

/**
 * Wording of values in verify messages: money in yuan (as rule files write
 * it), dates as YYYY-MM-DD, durations in ISO 8601, in plain ASCII so CI logs
 * stay readable.
 */

/** Fen as yuan without grouping: 1000000 → "10000", 499999 → "4999.99". */
export function yuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = Math.abs(Math.round(fen - whole * 100));
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** Minutes as an ISO 8601 duration: 240 → PT4H, 2880 → P2D. */
export function isoMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const time = `${hours ? `${hours}H` : ''}${mins ? `${mins}M` : ''}`;
  if (!days && !time) return 'PT0M';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

function trim(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** A fact value in the unit rule files use. */
export function valueText(v: ScalarValue, d: Domain): string {
  if (typeof v !== 'number') return String(v);
  switch (d.type) {
    case 'money':
      return yuan(v);
    case 'date':
      return isoOfDay(v);
    case 'duration':
      return isoMinutes(v);
    default:
      return trim(v);
  }
}

function unitOf(d: Domain, unit?: string): string {
  if (d.type === 'money') return ' yuan';
  return unit ? ` ${unit}` : '';
}

/** `goodsValue < 5000 yuan`, `goodsValue in [5000, 8000) yuan`, `stage in {sale, catering}`. */
export function constraintText(fact: string, c: Constraint, d: Domain, unit?: string): string {
  if (c.kind === 'set') return c.values.length === 1 ? `${fact} = ${String(c.values[0])}` : `${fact} in {${c.values.join(', ')}}`;
  const u = unitOf(d, unit);
  if (c.ivl.lo === c.ivl.hi && !c.ivl.loOpen && !c.ivl.hiOpen) return `${fact} = ${valueText(c.ivl.lo, d)}${u}`;
  let { lo, hi } = c.ivl;
  let { loOpen, hiOpen } = c.ivl;
  // Money is held in whole fen: "< 8000 yuan" reads better than "≤ 7999.99 yuan".
  if (d.type === 'money') {
    if (Number.isFinite(hi) && hi % 100 !== 0 && (hi + 1) % 100 === 0) {
      hi += 1;
      hiOpen = true;
    }
    if (Number.isFinite(lo) && lo % 100 !== 0 && (lo - 1) % 100 === 0) {
      lo -= 1;
      loOpen = true;
    }
  }
  const dom = d.all.kind === 'num' ? d.all.ivl : undefined;
  const hasLo = Number.isFinite(lo) && !(dom && lo === dom.lo && !loOpen);
  const hasHi = Number.isFinite(hi) && !(dom && hi === dom.hi && !hiOpen);
  const t = (x: number) => valueText(x, d);
  if (hasLo && hasHi) return `${fact} in ${loOpen ? '(' : '['}${t(lo)}, ${t(hi)}${hiOpen ? ')' : ']'}${u}`;
  if (hasLo) return `${fact} ${loOpen ? '>' : '≥'} ${t(lo)}${u}`;
  if (hasHi) return `${fact} ${hiOpen ? '<' : '≤'} ${t(hi)}${u}`;
  return `any ${fact}`;
}

export type Units = (fact: string) => string | undefined;

/** The constraints of a box, joined by "and"; "any case" when it constrains nothing. */
export function boxText(b: Box, domains: Domains, units: Units = () => undefined): string {
  const parts = constrainedFacts(b, domains).map(([f, c, d]) => constraintText(f, c, d, units(f)));
  return parts.length === 0 ? 'any case' : parts.join(' and ');
}

/** A point of a box: `goodsValue = 10000 yuan, harmSerious = true`; "any case" when it constrains nothing. */
export function pointText(b: Box, domains: Domains, units: Units = () => undefined): string {
  const parts = sampleBox(b, domains).map(([f, v, d]) => `${f} = ${valueText(v, d)}${unitOf(d, units(f))}`);
  return parts.length === 0 ? 'any case' : parts.join(', ');
}

/** The first box of a region (lowest values first). */
export function firstBox(r: Region, domains: Domains): Box | undefined {
  return orderBoxes(r, domains)[0];
}

/** 50000–100000 yuan, 10–20×, share 0–0.3. */
export function amountText(min: number, max: number, unit: 'fen' | 'factor' | 'share' | 'perUnit'): string {
  if (unit === 'fen') return `${yuan(min)}–${yuan(max)} yuan`;
  if (unit === 'perUnit') return `${yuan(min)}–${yuan(max)} yuan per unit`;
  if (unit === 'factor') return `${trim(min)}–${trim(max)}×`;
  return `share ${trim(min)}–${trim(max)}`;
}

/** A statutory fine model in words: 50000–100000 yuan, up to 2000 yuan, 10–20× goodsValue. */
export function fineModelText(f: FineModel): string {
  switch (f.kind) {
    case 'range':
      return amountText(f.min, f.max, 'fen');
    case 'upTo':
      return amountText(0, f.max, 'fen');
    case 'multiple':
      return f.min === 0 ? `up to ${trim(f.max)}× ${f.of}` : `${trim(f.min)}–${trim(f.max)}× ${f.of}`;
    case 'perUnit':
      return f.min === 0 ? `up to ${yuan(f.max)} yuan per unit of ${f.of}` : `${yuan(f.min)}–${yuan(f.max)} yuan per unit of ${f.of}`;
    case 'unspecified':
      return 'no amount set (处以罚款)';
    case 'byParty':
      return `${fineModelText(f.person)} (person), ${fineModelText(f.organization)} (organization)`;
  }
}
