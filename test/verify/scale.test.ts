import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { boxOperations } from '../../src/verify/regions.js';
import { runVerify } from '../../src/verify/verifyRuleSet.js';
import { manyTiers } from '../bench/shapes.js';

// verify grows near-linearly with the tiers of an item (issue 15, class 9: one
// item with 10,001 tiers once took 42 s, every tier compared with every other).
// Measured by counting box operations (intersections, containment tests,
// subtractions), not by timing: twice the tiers must cost about twice the
// operations (a quadratic check would cost four times as many). The time of
// 10,001 tiers is in the bench.

type Files = { path: string; text: string }[];

function ruleSetOf(files: Files) {
  const r = loadRuleSet(files);
  if (!r.ruleSet) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return r.ruleSet;
}

/** Box operations and findings of one verify run. */
function verifyCost(files: Files): { ops: number; codes: string[] } {
  const rs = ruleSetOf(files);
  const before = boxOperations();
  const r = runVerify(rs, { asOf: '2025-06-01' });
  return { ops: boxOperations() - before, codes: r.diagnostics.map((d) => d.code) };
}

const priority = (files: Files): Files => [files[0]!, { ...files[1]!, text: files[1]!.text.replace('    tiers:\n', '    hitPolicy: priority\n    tiers:\n') }];

describe('verify of one item with many tiers is near-linear (counted in box operations)', () => {
  it.each([
    ['hit policy unique (overlaps, gaps, bounds)', (n: number) => manyTiers(n)],
    ['hit policy priority (masked tiers too)', (n: number) => priority(manyTiers(n))],
  ])('%s: 1,000 → 2,000 → 4,000 tiers, each doubling at most 2.5 × the operations, and no finding', (_, make) => {
    const costs = [1000, 2000, 4000].map((n) => verifyCost(make(n)));
    for (const c of costs) expect(c.codes).toEqual([]);
    const [a, b, c] = costs.map((x) => x.ops) as [number, number, number];
    expect(a).toBeGreaterThan(1000);
    expect(b / a, `${a} → ${b} operations`).toBeLessThan(2.5);
    expect(c / b, `${b} → ${c} operations`).toBeLessThan(2.5);
  });

  it('still finds what it should among 4,000 tiers: one overlap, one gap, one masked tier, each where it was made', () => {
    const files = manyTiers(4000);
    const food = files[1]!.text;
    // Tier t2000 reaches into t2001's value; t3000 is gone, leaving 3,000 yuan uncovered.
    const overlapping = food.replace('value: 2000 }, { fact: goodsValue, operator: lessThan, value: 2001 }', 'value: 2000 }, { fact: goodsValue, operator: lessThan, value: 2002 }');
    const gap = overlapping.replace(/\n {6}- \{ id: t3000,[^\n]*/, '');
    const r = runVerify(ruleSetOf([files[0]!, { ...files[1]!, text: gap }]), { asOf: '2025-06-01' });
    expect(r.diagnostics.map((d) => [d.code, d.message.match(/"t\d+"/g)?.join(' ') ?? d.message.match(/goodsValue [^)]*/)?.[0]])).toEqual([
      ['TIER_GAP', 'goodsValue in [3000, 3001'],
      ['TIER_OVERLAP', '"t2000" "t2001"'],
    ]);
    // Under priority, a copy of t1500 listed after it is masked by it (and by nothing else).
    const line = food.split('\n').find((l) => l.includes('{ id: t1500,'))!;
    const masked = food.replace(line, `${line}\n${line.replace('id: t1500,', 'id: t1500b,')}`);
    const m = runVerify(ruleSetOf(priority([files[0]!, { ...files[1]!, text: masked }])), { asOf: '2025-06-01' });
    expect(m.diagnostics.map((d) => [d.code, d.message.match(/"t\d+b?"/g)?.join(' ')])).toEqual([['TIER_MASKED', '"t1500b" "t1500"']]);
  });
});
