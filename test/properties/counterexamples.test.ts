import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadCase } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';

// Smallest counterexamples the property tests found, kept as plain tests so
// they stay fixed whatever the generators become.

const INDEX = `id: repro
region: { code: "000000", name: 测试 }
title: 复现
issuer: 测试
version: "1"
effective: { from: 2020-01-01 }
laws:
  tl: { title: 测试法, version: 2020-01-01 }
  xzcff: { title: 中华人民共和国行政处罚法, version: 2021-01-22 }
`;

describe('counterexamples found by the property tests', () => {
  it('减轻 with a tier above a "1,000 yuan or less" statute still recommends at most 1,000 yuan (bounds property, seed 1433776528)', () => {
    const items = `items:
  - code: A
    name: 测试
    violates: [{ law: tl, article: 1 }]
    penalizedBy: [{ law: tl, article: 2 }]
    statutory: { kinds: [fine], fine: { upTo: 1000 } }
    tiers:
      - { id: t, grade: lighter, amount: [2000, 3000] }
lists:
  - { id: R, kind: reduced, items: [A], cites: [{ law: xzcff, article: 32 }], source: { document: 测试 } }
`;
    const { ruleSet } = loadRuleSet([{ path: 'r/index.yaml', text: INDEX + items }]);
    const { case: c } = loadCase({ value: { id: 'c', item: 'A', party: { kind: 'organization' }, dates: { act: '2024-01-01', discovered: '2024-01-02' } } }, ruleSet!);
    const d = evaluate(ruleSet!, c!);
    expect(d.grade).toBe('reduced');
    const fine = d.penalties.find((p) => p.kind === 'fine')!;
    // Was: range { min: 200000, max: 100000 } (inverted) and 150,000 fen recommended.
    expect(fine.range!.min).toBeLessThanOrEqual(fine.range!.max);
    expect(fine.recommended).toBeLessThanOrEqual(100_000);
  });

  it('a money amount above 2^27 yuan with fen, e.g. 134,217,728.02 yuan, is accepted in cases and rule files, and 3 decimals are still refused (monotonicity property on cn-sx-safety projectInvestment)', () => {
    const items = `facts:
  investment: money
items:
  - code: A
    name: 测试
    violates: [{ law: tl, article: 1 }]
    penalizedBy: [{ law: tl, article: 2 }]
    statutory: { kinds: [fine], fine: { amount: [134217728.02, 139931515.3] } }
    tiers:
      - { id: t, when: { fact: investment, operator: greaterThan, value: 134217728.02 } }
`;
    const r = loadRuleSet([{ path: 'r/index.yaml', text: INDEX + items }]);
    expect(r.diagnostics).toEqual([]);
    const at = (investment: number) =>
      loadCase({ value: { id: 'c', item: 'A', party: { kind: 'organization' }, dates: { act: '2024-01-01' }, facts: { investment } } }, r.ruleSet!);
    expect(at(139931515.3).diagnostics).toEqual([]);
    expect(at(134217728.02).diagnostics).toEqual([]);
    expect(at(999999999999.99).diagnostics).toEqual([]);
    expect(at(134217728.025).diagnostics.map((d) => d.code)).toEqual(['MONEY_PRECISION']);
    expect(at(0.001).diagnostics.map((d) => d.code)).toEqual(['MONEY_PRECISION']);
  });
});
