import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/evaluate/conditions.js';
import { CODES } from '../../src/diagnostics/index.js';
import type { Condition, ScalarValue } from '../../src/load/model.js';
import { CHECKS, VERIFY_CODES } from '../../src/verify/index.js';
import { domainOf, intersect, regionOf, subtract, type Domains, type Region } from '../../src/verify/regions.js';
import { readFileSync } from 'node:fs';

/**
 * The region algebra agrees with the engine: a case lies in the region of a
 * condition exactly when the engine's compiled condition says true, for
 * random conditions (all / any / not, every operator, inclusive and exclusive
 * bounds) and random cases on and around the boundaries.
 */

const DOMAINS: Record<string, ReturnType<typeof domainOf>> = {
  x: domainOf('x', 'money'),
  r: domainOf('r', 'ratio'),
  n: domainOf('n', 'count'),
  e: domainOf('e', 'enum', ['a', 'b', 'c']),
  b: domainOf('b', 'boolean'),
};
const domains: Domains = (f) => DOMAINS[f];

const X = [0, 99, 100, 101, 500, 999, 1000, 1001];
const R = [0, 0.25, 0.3, 0.5, 0.7, 1];
const N = [0, 1, 2, 3, 4, 5];
const E = ['a', 'b', 'c'];
const ORDER = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;

const leaf = (fact: string, values: readonly ScalarValue[], ops: readonly string[]) =>
  fc.oneof(
    fc.record({ fact: fc.constant(fact), operator: fc.constantFrom(...ops), value: fc.constantFrom(...values) }),
    fc.record({ fact: fc.constant(fact), operator: fc.constantFrom('in', 'notIn'), value: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }) }),
  );

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf('x', X, ORDER),
    leaf('r', R, ORDER),
    leaf('n', N, ORDER),
    leaf('e', E, ['equal', 'notEqual']),
    fc.record({ fact: fc.constant('b'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }),
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ) as fc.Arbitrary<Condition>,
})).c;

const point = fc.record({ x: fc.constantFrom(...X), r: fc.constantFrom(...R), n: fc.constantFrom(...N), e: fc.constantFrom(...E), b: fc.boolean() });
type Point = { x: number; r: number; n: number; e: string; b: boolean };

function inRegion(region: Region, p: Point): boolean {
  return region.some((box) =>
    [...box].every(([fact, c]) => {
      const v = p[fact as keyof Point];
      if (c.kind === 'set') return c.values.includes(v);
      const { lo, hi, loOpen, hiOpen } = c.ivl;
      const n = v as number;
      return (loOpen ? n > lo : n >= lo) && (hiOpen ? n < hi : n <= hi);
    }),
  );
}

describe('regions of conditions', () => {
  it('hold exactly where the engine says true', () => {
    fc.assert(
      fc.property(condition, fc.array(point, { minLength: 1, maxLength: 20 }), (c, points) => {
        const region = regionOf(c, domains);
        const engine = compileCondition(c);
        for (const p of points) expect(inRegion(region, p), JSON.stringify({ c, p })).toBe(engine(p) === true);
      }),
      { numRuns: 400 },
    );
  });

  it('intersect and subtract are ∧ and ∧¬', () => {
    fc.assert(
      fc.property(condition, condition, fc.array(point, { minLength: 1, maxLength: 20 }), (a, b, points) => {
        const ra = regionOf(a, domains);
        const rb = regionOf(b, domains);
        const both = intersect(ra, rb, domains);
        const diff = subtract(ra, rb, domains);
        for (const p of points) {
          expect(inRegion(both, p)).toBe(inRegion(ra, p) && inRegion(rb, p));
          expect(inRegion(diff, p)).toBe(inRegion(ra, p) && !inRegion(rb, p));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps whole fen: lessThan 10000 yuan and greaterThan 9999.99 yuan do not meet', () => {
    const lt = regionOf({ fact: 'x', operator: 'lessThan', value: 1_000_000 }, domains);
    const gt = regionOf({ fact: 'x', operator: 'greaterThan', value: 999_999 }, domains);
    expect(intersect(lt, gt, domains)).toEqual([]);
  });
});

describe('codes of the semantic checks', () => {
  const docs = readFileSync(new URL('../../docs/verify.md', import.meta.url), 'utf8');
  it('each has a message, a hint, a documented reason and a section in docs/verify.md', () => {
    for (const code of VERIFY_CODES) {
      const info = CODES[code] as { message: string; hint?: string };
      expect(info.message.length, code).toBeGreaterThan(0);
      expect(info.hint?.length ?? 0, code).toBeGreaterThan(0);
      expect(docs, code).toContain(`\`${code}\``);
    }
    for (const check of CHECKS) expect(check.why.length, check.code).toBeGreaterThan(20);
  });
});
