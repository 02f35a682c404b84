import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Disposition, Penalty } from '../../src/evaluate/types.js';
import { loadCase } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';
import { DATA, readDir, withFile } from '../helpers.js';

// Fine computation, written from the statute and the SAMR split (国市监法规〔2022〕2号:
// 从轻 = lowest 30% of the range, 从重 = highest 30%, 一般 = 30%–70%; law-facts.md §3.2, §9)
// and from the rule file test/data/law (test data only). Expected values are in yuan in
// the tables and compared in fen (yuan × 100), the unit of every amount in a Disposition.

const FILES = readDir(join(DATA, 'law'));
const RS = loadRuleSet(FILES).ruleSet!;
const INDEX = FILES.find((f) => f.path.endsWith('/index.yaml'))!.text as string;

/** The rule set with its index.yaml changed by `edit`. */
function withIndex(edit: (text: string) => string): RuleSet {
  const r = loadRuleSet(withFile(FILES, 'index.yaml', edit(INDEX)));
  if (!r.ruleSet) throw new Error(JSON.stringify(r.diagnostics));
  return r.ruleSet;
}

interface CaseInput {
  item: string;
  party?: { kind: 'person' | 'organization'; age?: number };
  facts?: Record<string, number>;
  circumstances?: string[];
}

function run(input: CaseInput, rs: RuleSet = RS): Disposition {
  const value = {
    id: 'amount-1',
    item: input.item,
    party: input.party ?? { kind: 'organization' },
    dates: { act: '2025-03-01', discovered: '2025-03-10' },
    ...(input.facts ? { facts: input.facts } : {}),
    ...(input.circumstances ? { circumstances: input.circumstances } : {}),
  };
  const { case: c, diagnostics } = loadCase({ path: 'case.yaml', value }, rs);
  if (!c) throw new Error(`case did not load: ${JSON.stringify(diagnostics)}`);
  return evaluate(rs, c);
}

const fen = (yuan: number) => Math.round(yuan * 100);
const fine = (d: Disposition): Penalty => {
  const p = d.penalties.find((x) => x.kind === 'fine' && x.target === 'party');
  if (!p) throw new Error(`no fine: ${d.outcome} ${JSON.stringify(d.warnings)}`);
  return p;
};
const warningCodes = (d: Disposition) => d.warnings.map((w) => w.code);

// Circumstances that move the grade: Art. 32(1) (应当从轻) and an aggravating one (从重).
const LIGHTER = ['eliminatedHarm'];
const HEAVIER = ['intentional'];
const GENERAL: string[] = [];

describe('RANGE: 五千元以上五万元以下, tiers chosen by grade on the 30/40/30 split', () => {
  // Span 45,000: 30% = 13,500 → 18,500; 70% = 31,500 → 36,500. Midpoints rounded to 100 yuan
  // (half up): 11,750 → 11,800; 27,500; 43,250 → 43,300.
  it.each<[string, string[], string, string, number, number, number]>([
    ['从轻', LIGHTER, 'lighter', 'light', 5000, 18500, 11800],
    ['一般', GENERAL, 'general', 'mid', 18500, 36500, 27500],
    ['从重', HEAVIER, 'heavier', 'heavy', 36500, 50000, 43300],
  ])('%s: range %#', (_, circumstances, grade, tier, min, max, recommended) => {
    const d = run({ item: 'RANGE', circumstances });
    expect(d.outcome).toBe('penalty');
    expect(d.grade).toBe(grade);
    expect(d.tier?.id).toBe(tier);
    const f = fine(d);
    expect(f.statutory).toEqual({ min: fen(5000), max: fen(50000) });
    expect(f.range).toEqual({ min: fen(min), max: fen(max) });
    expect(f.recommended).toBe(fen(recommended));
  });

  it('an optional mitigation (cooperated) weighed against an aggravating one → 一般', () => {
    const d = run({ item: 'RANGE', circumstances: ['cooperated', 'intentional'] });
    expect(d.grade).toBe('general');
    expect(fine(d).recommended).toBe(fen(27500));
  });

  it.each<['floor' | 'ceiling', number]>([
    ['floor', 18500],
    ['ceiling', 36500],
  ])('policy point %s picks that end of the 一般 band (%i yuan)', (point, yuan) => {
    const rs = withIndex((t) => t.replace('  rounding: 100\n', `  rounding: 100\n  point: ${point}\n`));
    expect(fine(run({ item: 'RANGE' }, rs)).recommended).toBe(fen(yuan));
  });
});

describe('BRANCH: 货值金额不足一万元 → 五万元以上十万元以下；一万元以上 → 货值金额十倍以上二十倍以下', () => {
  it.each<[number, string, string[], string, number, number, number, number, number]>([
    // goods value 20,000: statute 200,000–400,000; tiers 10–13×, 13–17×, 17–20×.
    [20000, '10k-plus', LIGHTER, 'plus-light', 200000, 400000, 200000, 260000, 230000],
    [20000, '10k-plus', GENERAL, 'plus-mid', 200000, 400000, 260000, 340000, 300000],
    [20000, '10k-plus', HEAVIER, 'plus-heavy', 200000, 400000, 340000, 400000, 370000],
    // the branch boundary: 9,999.99 is 不足一万元, 10,000 is 一万元以上.
    [9999.99, 'under-10k', LIGHTER, 'under-light', 50000, 100000, 50000, 65000, 57500],
    [9999.99, 'under-10k', GENERAL, 'under-mid', 50000, 100000, 65000, 85000, 75000],
    [9999.99, 'under-10k', HEAVIER, 'under-heavy', 50000, 100000, 85000, 100000, 92500],
    [10000, '10k-plus', GENERAL, 'plus-mid', 100000, 200000, 130000, 170000, 150000],
    [0.01, 'under-10k', GENERAL, 'under-mid', 50000, 100000, 65000, 85000, 75000],
    // 12,345.67 × 13 = 160,493.71; × 17 = 209,876.39; midpoint 185,185.05 → 185,200.
    [12345.67, '10k-plus', GENERAL, 'plus-mid', 123456.7, 246913.4, 160493.71, 209876.39, 185200],
  ])('goods value %s yuan → clause %s, %j → tier %s', (goodsValue, clause, circumstances, tier, smin, smax, min, max, recommended) => {
    const d = run({ item: 'BRANCH', facts: { goodsValue }, circumstances });
    expect(d.outcome).toBe('penalty');
    expect(d.clause).toBe(clause);
    expect(d.tier?.id).toBe(tier);
    const f = fine(d);
    expect(f.statutory).toEqual({ min: fen(smin), max: fen(smax) });
    expect(f.range).toEqual({ min: fen(min), max: fen(max) });
    expect(f.recommended).toBe(fen(recommended));
    if (clause === '10k-plus') expect(f.base).toEqual({ fact: 'goodsValue', value: fen(goodsValue) });
  });
});

describe('FACTS: tiers chosen by area (≤5 → 500–1,500; 5–10 → 1,500–2,000; >10 → 2,000–3,000), grade moves within the tier', () => {
  it.each<[number, string[], string, number, number, number]>([
    [3, GENERAL, 'small', 500, 1500, 1000],
    [3, LIGHTER, 'small', 500, 800, 700], // lowest 30% of the tier; 650 → 700
    [3, HEAVIER, 'small', 1200, 1500, 1400], // highest 30%; 1,350 → 1,400
    [5, GENERAL, 'small', 500, 1500, 1000], // 5 m² is still 5 平方米以下
    [5.01, GENERAL, 'medium', 1500, 2000, 1800], // 1,750 → 1,800
    [7, LIGHTER, 'medium', 1500, 1650, 1600], // 1,575 → 1,600
    [7, HEAVIER, 'medium', 1850, 2000, 1900], // 1,925 → 1,900
    [10, GENERAL, 'medium', 1500, 2000, 1800],
    [10.5, GENERAL, 'large', 2000, 3000, 2500],
    [12, LIGHTER, 'large', 2000, 2300, 2200], // 2,150 → 2,200
    [12, HEAVIER, 'large', 2700, 3000, 2900], // 2,850 → 2,900
  ])('area %s m², %j → tier %s, %i–%i yuan, recommended %i', (area, circumstances, tier, min, max, recommended) => {
    const d = run({ item: 'FACTS', facts: { area }, circumstances });
    expect(d.outcome).toBe('penalty');
    expect(d.tier?.id).toBe(tier);
    const f = fine(d);
    expect(f.statutory).toEqual({ min: fen(500), max: fen(3000) });
    expect(f.range).toEqual({ min: fen(min), max: fen(max) });
    expect(f.recommended).toBe(fen(recommended));
  });

  it('area missing → the tier is not guessed: undetermined, area reported missing, no penalty listed', () => {
    const d = run({ item: 'FACTS' });
    expect(d.outcome).toBe('undetermined');
    expect(d.missingFacts).toEqual(['area']);
    expect(warningCodes(d)).toContain('MISSING_FACTS');
    expect(d.penalties).toEqual([]);
    expect(d.procedure).toEqual({ simple: false, hearing: false, legalReview: false, collective: false });
  });
});

describe('rounding and clamps', () => {
  it('a range narrower than the rounding unit keeps its own bounds: 120–180 yuan → 150, not 100 or 200', () => {
    const f = fine(run({ item: 'NARROW' }));
    expect(f.range).toEqual({ min: fen(120), max: fen(180) });
    expect(f.recommended).toBe(fen(150));
  });

  it.each<[number]>([[200.01], [3000.01], [12345.67], [0.01]])('a one-point range (goods value × [1, 1] = %s yuan) is recommended exactly', (goodsValue) => {
    const f = fine(run({ item: 'EXACT', facts: { goodsValue } }));
    expect(f.range).toEqual({ min: fen(goodsValue), max: fen(goodsValue) });
    expect(f.recommended).toBe(fen(goodsValue));
  });

  // A benchmark tier that reaches outside the statute is cut back to it (行政处罚法第七十六条:
  // no change of the statutory range). Added as its own topic file for this test only.
  const CLAMP = `items:
  - code: CLAMP
    name: 测试事项：阶次超出法定幅度
    violates: [{ law: testlaw, article: 11 }]
    penalizedBy: [{ law: testlaw, article: 61 }]
    facts:
      area: { type: number }
    statutory:
      kinds: [fine]
      fine: { amount: [1000, 2000] }
    tiers:
      - { id: low, when: { all: [{ fact: area, operator: lessThanInclusive, value: 10 }] }, amount: [800, 1500] }
      - { id: high, when: { all: [{ fact: area, operator: greaterThan, value: 10 }] }, amount: [1500, 2500] }
`;
  const clampRs = loadRuleSet(withFile(FILES, 'clamp.yaml', CLAMP)).ruleSet!;

  it.each<[number, number, number, number]>([
    [5, 1000, 1500, 1300], // tier 800–1,500 cut to 1,000–1,500; 1,250 → 1,300
    [20, 1500, 2000, 1800], // tier 1,500–2,500 cut to 1,500–2,000; 1,750 → 1,800
  ])('area %s: a tier outside the statute is clamped to %i–%i yuan, recommended %i', (area, min, max, recommended) => {
    const f = fine(run({ item: 'CLAMP', facts: { area } }, clampRs));
    expect(f.statutory).toEqual({ min: fen(1000), max: fen(2000) });
    expect(f.range).toEqual({ min: fen(min), max: fen(max) });
    expect(f.recommended).toBe(fen(recommended));
  });
});

describe('减轻 (below the statutory minimum): only on a ground, and only down to a floor the region sets', () => {
  it('without a list ground → no 减轻 (一般, 27,500 yuan)', () => {
    const d = run({ item: 'REDUCED' });
    expect(d.grade).toBe('general');
    expect(fine(d).recommended).toBe(fen(27500));
  });

  it('on a 减轻 list, no floor set (reducedFloor null): no amount recommended, range from 0 to below the statutory minimum, flagged', () => {
    const d = run({ item: 'REDUCED', circumstances: ['remediedVoluntarily'] });
    expect(d.outcome).toBe('penalty');
    expect(d.grade).toBe('reduced');
    expect(d.mandatory).toBe(false); // a list entry's 减轻 is 可以 unless it says otherwise
    expect(d.lists.map((l) => l.id)).toEqual(['test-reduced-1']);
    const f = fine(d);
    expect(f.statutory).toEqual({ min: fen(5000), max: fen(50000) });
    expect(f.recommended).toBeUndefined();
    // 减轻 is "below the statutory minimum" (law-facts.md §减轻: 江苏 3.0, 沪城管规〔2025〕2号): the top is one fen less.
    expect(f.range).toEqual({ min: 0, max: fen(5000) - 1 });
    expect(warningCodes(d)).toContain('REDUCED_NO_FLOOR');
    expect(d.procedure.simple).toBe(false);
  });

  it('with a floor of 1,000 yuan: range 1,000 to just below 5,000, recommended 3,000, no warning', () => {
    const rs = withIndex((t) => t.replace('reducedFloor: null', 'reducedFloor: 1000'));
    expect(rs.policy.reducedFloor).toBe(fen(1000));
    const d = run({ item: 'REDUCED', circumstances: ['remediedVoluntarily'] }, rs);
    expect(d.grade).toBe('reduced');
    const f = fine(d);
    expect(f.range).toEqual({ min: fen(1000), max: fen(5000) - 1 });
    expect(f.recommended).toBe(fen(3000));
    expect(warningCodes(d)).not.toContain('REDUCED_NO_FLOOR');
  });
});

describe('missing base facts: the fine is never computed from a guess', () => {
  it('EXACT (goods value × 1) without goodsValue → undetermined, goodsValue missing', () => {
    const d = run({ item: 'EXACT' });
    expect(d.outcome).toBe('undetermined');
    expect(d.missingFacts).toContain('goodsValue');
    expect(d.penalties).toEqual([]);
  });

  it('BRANCH without goodsValue (it decides the clause) → undetermined, goodsValue missing', () => {
    const d = run({ item: 'BRANCH' });
    expect(d.outcome).toBe('undetermined');
    expect(d.missingFacts).toEqual(['goodsValue']);
    expect(warningCodes(d)).toContain('MISSING_FACTS');
    expect(d.penalties).toEqual([]);
  });
});
