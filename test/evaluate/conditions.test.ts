import fc from 'fast-check';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/evaluate/conditions.js';
import type { Condition, LeafCondition } from '../../src/load/model.js';

// The compiled evaluator must agree with json-rules-engine on every condition
// when all facts are present, and answer "unknown" (never a guess) when not.

const numFacts = ['goodsValue', 'area', 'days'] as const;
const enumValues = ['production', 'sale', 'catering'];

const num = fc.integer({ min: -5, max: 25 }).map((n) => n * 1000);
const numLeaf: fc.Arbitrary<LeafCondition> = fc.record({
  fact: fc.constantFrom(...numFacts),
  operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive' as const),
  value: num,
}) as fc.Arbitrary<LeafCondition>;
const numListLeaf = fc.record({
  fact: fc.constantFrom(...numFacts),
  operator: fc.constantFrom('in', 'notIn' as const),
  value: fc.array(num, { minLength: 1, maxLength: 4 }),
}) as fc.Arbitrary<LeafCondition>;
const boolLeaf = fc.record({
  fact: fc.constantFrom('correctedInTime', 'incident'),
  operator: fc.constantFrom('equal', 'notEqual' as const),
  value: fc.boolean(),
}) as fc.Arbitrary<LeafCondition>;
const enumLeaf = fc.oneof(
  fc.record({ fact: fc.constant('stage'), operator: fc.constantFrom('equal', 'notEqual' as const), value: fc.constantFrom(...enumValues) }),
  fc.record({ fact: fc.constant('stage'), operator: fc.constantFrom('in', 'notIn' as const), value: fc.subarray(enumValues, { minLength: 1 }) }),
) as fc.Arbitrary<LeafCondition>;

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numLeaf,
    numListLeaf,
    boolLeaf,
    enumLeaf,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));

const facts = fc.record({
  goodsValue: num,
  area: num,
  days: num,
  correctedInTime: fc.boolean(),
  incident: fc.boolean(),
  stage: fc.constantFrom(...enumValues),
});

async function viaEngine(c: Condition, f: Record<string, unknown>): Promise<boolean> {
  const top = ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as unknown as TopLevelCondition;
  const engine = new Engine([{ conditions: top, event: { type: 'hit' } }], { allowUndefinedFacts: true });
  const { events } = await engine.run({ ...f });
  return events.length === 1;
}

describe('compiled conditions', () => {
  it('agree with json-rules-engine on random conditions and facts (fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(condition, facts, async (c, f) => {
        expect(compileCondition(c)(f)).toBe(await viaEngine(c, f));
      }),
      { seed: 20261122, numRuns: 400 },
    );
  });

  it('answer unknown when a needed fact is absent, and decide when it is not needed', () => {
    const c: Condition = {
      all: [
        { fact: 'goodsValue', operator: 'lessThan', value: 1_000_000 },
        { fact: 'correctedInTime', operator: 'equal', value: true },
      ],
    };
    const fn = compileCondition(c);
    expect(fn({ correctedInTime: true })).toBeUndefined();
    expect(fn({ correctedInTime: false })).toBe(false); // all: one false part decides
    expect(compileCondition({ any: c.all })({ correctedInTime: true })).toBe(true);
    expect(compileCondition({ not: c })({ correctedInTime: true })).toBeUndefined();
  });

  it('agree with a plain Kleene evaluator when facts are missing, bands on one fact included (fixed seed)', () => {
    // The compiled form merges `all` of two comparisons of one fact into one node and
    // drops `all`/`any` of one part: the answers must stay those of the plain reading.
    const band = fc
      .tuple(fc.constantFrom(...numFacts), numLeaf, numLeaf)
      .map(([fact, a, b]): Condition => ({ all: [{ ...a, fact }, { ...b, fact }] }));
    const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        numLeaf,
        numListLeaf,
        boolLeaf,
        enumLeaf,
        band,
        fc.record({ all: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ any: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tie('tree') }),
      ),
    }));
    const someFacts = fc.record(
      { goodsValue: num, area: num, days: num, correctedInTime: fc.boolean(), incident: fc.boolean(), stage: fc.constantFrom(...enumValues) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(tree, someFacts, (c, f) => {
        expect(compileCondition(c)(f)).toBe(kleene(c, f));
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });
});

/** The reading of a condition the engine documents, written out plainly. */
function kleene(c: Condition, f: Readonly<Record<string, unknown>>): boolean | undefined {
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    let unknown = false;
    for (const p of all ? c.all : c.any) {
      const r = kleene(p, f);
      if (r === !all) return r;
      if (r === undefined) unknown = true;
    }
    return unknown ? undefined : all;
  }
  if ('not' in c) {
    const r = kleene(c.not, f);
    return r === undefined ? undefined : !r;
  }
  const v = f[c.fact];
  if (v === undefined) return undefined;
  const x = c.value;
  switch (c.operator) {
    case 'equal':
      return v === x;
    case 'notEqual':
      return v !== x;
    case 'lessThan':
      return (v as number) < (x as number);
    case 'lessThanInclusive':
      return (v as number) <= (x as number);
    case 'greaterThan':
      return (v as number) > (x as number);
    case 'greaterThanInclusive':
      return (v as number) >= (x as number);
    case 'in':
      return (x as readonly unknown[]).includes(v);
    case 'notIn':
      return !(x as readonly unknown[]).includes(v);
  }
}
