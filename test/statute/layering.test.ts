import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { loadRuleSetDir } from '../../src/node/loadRuleSetDir.js';

// A regional benchmark over the statutory layer it extends (cn-samr-food over cn-law-spaqf): a case
// whose item is in both is judged by the benchmark while it is in force, and by the layer before it,
// with a warning that no benchmark applied.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const layer = (await loadRuleSetDir(join(ROOT, 'rules/cn-law-spaqf'))).ruleSet!;
const benchmark = (await loadRuleSetDir(join(ROOT, 'rules/cn-samr-food'))).ruleSet!;

const value = (act: string) => ({
  id: 't',
  item: 'SPAQF-125-1-1',
  party: { kind: 'organization' },
  dates: { act, discovered: act, decision: act },
  facts: { goodsValue: 4000 },
});

describe('a benchmark over the statutory layer it extends', () => {
  it('an act in 2025, while cn-samr-food is in force, is judged by the benchmark', () => {
    const r = evaluateInCatalog([layer, benchmark], { path: 'case.yaml', value: value('2025-06-01') });
    expect(r.disposition?.ruleSet.id).toBe('cn-samr-food');
    expect(r.disposition?.warnings.map((w) => w.code)).not.toContain('NO_BENCHMARK');
  });

  it('an act in 2024, before the benchmark began, is judged by the layer (食品安全法 Art. 125(1): 5000–50000 yuan), with a warning that no benchmark applied', () => {
    const r = evaluateInCatalog([layer, benchmark], { path: 'case.yaml', value: value('2024-06-01') });
    expect(r.disposition?.ruleSet.id).toBe('cn-law-spaqf');
    expect(r.disposition?.outcome).toBe('penalty');
    const fine = r.disposition!.penalties.find((p) => p.kind === 'fine')!;
    expect(fine.statutory).toEqual({ min: 500_000, max: 5_000_000 });
    const w = r.disposition!.warnings.find((x) => x.code === 'NO_BENCHMARK');
    expect(w?.message).toContain('cn-samr-food');
  });
});
