import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { renderDispositionMarkdown } from '../../src/report/disposition-markdown.js';
import { checkCatalog } from '../../src/load/catalog.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';

// 行政处罚法 Art. 37: the rule in force at the act applies, unless the rule in
// force at the decision is lighter or no longer treats the act as a violation.
// Test data only: two versions of one invented rule set.

function version(v: string, from: string, to: string | null, items: string, extra = ''): RuleSet {
  const index = `id: test-ver
region: { code: "000000", name: 测试 }
title: 版本测试 ${v}
issuer: 测试
version: "${v}"
effective: { from: ${from}, to: ${to ?? 'null'} }
laws:
  tl: { title: 测试条例, version: ${from}${to ? `, repealed: ${to === '2024-12-31' ? '2025-01-01' : to}` : ''} }
  xzcff: { title: 中华人民共和国行政处罚法, version: 2021-01-22, articles: 86 }
facts:
  gains: money
${extra}`;
  const r = loadRuleSet([
    { path: `v${v}/index.yaml`, text: index },
    { path: `v${v}/items.yaml`, text: items },
  ]);
  if (!r.ruleSet) throw new Error(JSON.stringify(r.diagnostics));
  return r.ruleSet;
}

// Each code names other conduct, as a catalogue's items do (Art. 37 compares items by code and name).
const CONDUCT: Record<string, string> = { A: '未按规定公示收费标准', B: '擅自改变车辆用途', C: '拒绝接受监督检查' };
const item = (code: string, min: number, max: number) => `  - code: ${code}
    name: ${CONDUCT[code] ?? `测试事项 ${code}`}
    violates: [{ law: tl, article: 1 }]
    penalizedBy: [{ law: tl, article: 9 }]
    statutory: { kinds: [fine], fine: { amount: [${min}, ${max}] } }
    tiers:
      - { id: l, grade: lighter, share: [0, 0.3] }
      - { id: g, grade: general, share: [0.3, 0.7] }
      - { id: h, grade: heavier, share: [0.7, 1] }
`;

const caseOf = (c: Record<string, unknown>) => ({
  value: { id: 'v-1', item: 'A', party: { kind: 'organization' }, facts: { gains: 0 }, ...c },
});

describe('versions and Art. 37', () => {
  const v1 = version('1', '2024-01-01', '2024-12-31', 'items:\n' + item('A', 1000, 5000) + item('B', 1000, 5000));

  it('rejects two versions of one id in force on the same day', () => {
    const overlapping = version('2', '2024-06-01', null, 'items:\n' + item('A', 1000, 5000));
    const d = checkCatalog([v1, overlapping]);
    expect(d.map((x) => [x.code, x.file, x.line])).toEqual([['CATALOG_OVERLAP', 'v2/index.yaml', 6]]);
    expect(d[0]!.message).toContain('overlapping version 1');
  });

  it('a case whose act falls outside every version is judged on the statute alone, with a warning at the act date', () => {
    const r = evaluateInCatalog([v1], caseOf({ dates: { act: '2023-12-31', discovered: '2024-01-05' } }));
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['CASE_NO_VERSION', 'warning']]);
    const d = r.disposition!;
    expect(d.statuteOnly).toBe(true);
    expect(d.ruleSet.version).toBe('1');
    expect(d.tier).toBeUndefined();
    expect(d.penalties[0]).toMatchObject({ kind: 'fine', statutory: { min: 100_000, max: 500_000 }, range: { min: 100_000, max: 500_000 } });
    expect(d.penalties[0]!.recommended).toBeUndefined();
    expect(d.warnings.map((w) => w.code)).toContain('NO_BENCHMARK');
  });

  it('on the statute alone, the statutory grounds still apply: a child under 14 (Art. 30), the time bar (Art. 36), 14–17 mitigation', () => {
    const under14 = evaluateInCatalog([v1], caseOf({ party: { kind: 'person', age: 13 }, dates: { act: '2023-12-31', discovered: '2024-01-05' } })).disposition!;
    expect(under14).toMatchObject({ outcome: 'none', basis: 'under-14', mandatory: true, statuteOnly: true });
    const barred = evaluateInCatalog([v1], caseOf({ dates: { act: '2021-01-01', discovered: '2023-12-01' } })).disposition!;
    expect(barred).toMatchObject({ outcome: 'none', basis: 'time-barred', statuteOnly: true });
    const minor = evaluateInCatalog([v1], caseOf({ party: { kind: 'person', age: 16 }, dates: { act: '2025-03-01', discovered: '2025-03-02' } })).disposition!;
    expect(minor).toMatchObject({ outcome: 'penalty', grade: 'lighter', mandatory: true, statuteOnly: true });
  });

  it('judges the act under the version in force that day when the decision falls in the same version', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 100, 500));
    const r = evaluateInCatalog([v2, v1], caseOf({ dates: { act: '2024-12-31', discovered: '2024-12-31', decision: '2024-12-31' } }));
    expect(r.disposition!.ruleSet.version).toBe('1');
    expect(r.disposition!.timeRule).toBeUndefined();
  });

  it('applies the later version when its statutory maximum is lower (new rule lighter)', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 100, 500));
    const r = evaluateInCatalog([v1, v2], caseOf({ dates: { act: '2024-12-31', discovered: '2024-12-31', decision: '2025-01-01' } }));
    const d = r.disposition!;
    expect(d.ruleSet.version).toBe('2');
    expect(d.timeRule).toMatchObject({ applied: 'decision', atAct: { version: '1', statutoryMax: 500_000 }, atDecision: { version: '2', statutoryMax: 50_000 } });
    expect(d.trace[0]!.step).toBe('version');
    expect(d.citations.map((c) => c.text)).toContain('《中华人民共和国行政处罚法》第三十七条');
  });

  it('keeps the old version when the later one is heavier (从旧)', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 2000, 8000));
    const d = evaluateInCatalog([v1, v2], caseOf({ dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    expect(d.ruleSet.version).toBe('1');
    expect(d.timeRule).toMatchObject({ applied: 'act' });
    expect(d.penalties[0]!.recommended).toBe(300_000);
  });

  it('keeps the old version when both are equally heavy', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 1000, 5000));
    const d = evaluateInCatalog([v1, v2], caseOf({ dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    expect(d.timeRule?.applied).toBe('act');
  });

  it('gives no penalty when the later version no longer treats the act as a violation', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 1000, 5000));
    const d = evaluateInCatalog([v1, v2], caseOf({ item: 'B', dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    expect(d).toMatchObject({ outcome: 'none', basis: 'no-longer-illegal', mandatory: true, penalties: [] });
    expect(d.timeRule?.applied).toBe('decision');
  });

  it('returns, for conduct no longer illegal, the case with the version it was read under, so that the item is still named and can be evaluated again', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 1000, 5000));
    const r = evaluateInCatalog([v1, v2], caseOf({ item: 'B', dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } }));
    // The version applied is the disposition's; the pairing returned is the one the case was loaded under.
    expect(r.disposition!.ruleSet.version).toBe('2');
    expect(r.ruleSet!.version).toBe('1');
    expect(r.case!.items.every((code) => r.ruleSet!.items.some((i) => i.code === code))).toBe(true);
    expect(r.ruleSet!.items.find((i) => i.code === 'B')?.name).toBe(CONDUCT.B);
    // evaluate takes the pairing: under the act's version alone the conduct was a violation.
    expect(evaluate(r.ruleSet!, r.case!).outcome).toBe('penalty');
    // The report names the conduct, and the version applied (2), not the one the case was read under.
    const md = renderDispositionMarkdown(r.disposition!, r.ruleSet!, r.case!);
    expect(md).toContain(`违法行为：B ${CONDUCT.B}`);
    expect(md).toContain('（test-ver 版本 2）');
    expect(md).not.toContain('（test-ver 版本 1）');
  });

  it('does not compare an item with other conduct filed under the same code in the later version (a renumbered text)', () => {
    // Version 2 renumbers: its A is other conduct, the old A's conduct is now C.
    const renamed = item('A', 100, 500).replace(CONDUCT.A!, '另一违法行为');
    const v2 = version('2', '2025-01-01', null, 'items:\n' + renamed + item('C', 100, 500).replace(CONDUCT.C!, CONDUCT.A!));
    const d = evaluateInCatalog([v1, v2], caseOf({ dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    // Without the check: A under version 2 (max 500 < 5,000) would be applied as lighter.
    expect(d.outcome).toBe('undetermined');
    expect(d.ruleSet.version).toBe('1');
    expect(d.undetermined?.map((u) => u.reason)).toEqual(['versions']);
    expect(d.undetermined?.[0]!.message).toContain('另一违法行为');
    expect(d.readings?.map((r) => [r.version, r.outcome])).toEqual([['1', 'penalty']]);
    expect(d.penalties).toEqual([]);
    expect(d.warnings.map((w) => w.code)).toContain('VERSIONS_NOT_COMPARED');
  });

  it('does not call conduct no longer illegal when its code is gone but an item of the same name is there (renumbered)', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 1000, 5000) + item('C', 100, 500).replace(CONDUCT.C!, CONDUCT.B!));
    const d = evaluateInCatalog([v1, v2], caseOf({ item: 'B', dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    expect(d.outcome).toBe('undetermined');
    expect(d.basis).toBeUndefined();
    expect(d.undetermined?.map((u) => u.reason)).toEqual(['versions']);
    expect(d.undetermined?.[0]!.message).toContain('同名事项 C');
    // Without a decision date the same holds for each later version: no reading under version 2.
    const open = evaluateInCatalog([v1, v2], caseOf({ item: 'B', dates: { act: '2024-06-01', discovered: '2024-06-02' } })).disposition!;
    expect(open.outcome).toBe('undetermined');
    expect(open.readings?.map((r) => [r.version, r.outcome])).toEqual([['1', 'penalty']]);
  });

  it('does not call conduct no longer illegal when its code is gone and a later item reworded holds its words (道路运输条例 2023: 强行招揽旅客、货物 folded into a longer item)', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 1000, 5000) + item('C', 100, 500).replace(CONDUCT.C!, `客运经营者${CONDUCT.B!}，或者货运经营者拒绝检查`));
    const d = evaluateInCatalog([v1, v2], caseOf({ item: 'B', dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    expect(d.outcome).toBe('undetermined');
    expect(d.undetermined?.map((u) => u.reason)).toEqual(['versions']);
    expect(d.undetermined?.[0]!.message).toContain('相近事项 C');
  });

  it('conduct no longer illegal (Art. 37) is not ordered corrected, cites no penalty article and no procedure, and keeps nothing of the old result', () => {
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 1000, 5000));
    const d = evaluateInCatalog([v1, v2], caseOf({ item: 'B', dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    expect(d.measures).toEqual([]);
    expect(d.citations.map((c) => c.text)).toEqual(['《中华人民共和国行政处罚法》第三十七条']);
    expect(d.procedure).toEqual({ simple: false, hearing: false, legalReview: false, collective: false });
    expect(d.lists).toEqual([]);
    expect(d.warnings).toEqual([]);
    expect(d.missingFacts).toEqual([]);
    expect(d.trace.every((t) => t.step === 'version')).toBe(true);
    expect(d.channel).toBe('service');
  });

  it('applies the later version when it gives no penalty (an exemption list was added)', () => {
    const lists = `lists:
  - id: E1
    kind: exempt
    basis: minor
    items: [A]
    when: { all: [{ fact: gains, operator: equal, value: 0 }] }
    cites: [{ law: xzcff, article: 33, paragraph: 1 }]
    source: { document: 测试清单 }
`;
    const v2 = version('2', '2025-01-01', null, 'items:\n' + item('A', 1000, 5000) + lists);
    const d = evaluateInCatalog([v1, v2], caseOf({ dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    expect(d).toMatchObject({ outcome: 'none', basis: 'minor' });
    expect(d.timeRule).toMatchObject({ applied: 'decision', atAct: { outcome: 'penalty' }, atDecision: { outcome: 'none' } });
  });

  it('gives no recommendation (reason versions), the old result shown as a reading, when the later version cannot read the case', () => {
    // Version 2 does not declare the fact `gains` the case gives.
    const noGains = loadRuleSet([
      { path: 'v2/index.yaml', text: `id: test-ver\nregion: { code: "000000", name: 测试 }\ntitle: t\nissuer: t\nversion: "2"\neffective: { from: 2025-01-01 }\nlaws:\n  tl: { title: 测试条例, version: 2025-01-01 }\n` },
      { path: 'v2/items.yaml', text: 'items:\n' + item('A', 100, 500) },
    ]).ruleSet!;
    const d = evaluateInCatalog([v1, noGains], caseOf({ dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' } })).disposition!;
    expect(d.ruleSet.version).toBe('1');
    expect(d.outcome).toBe('undetermined');
    expect(d.undetermined?.map((u) => u.reason)).toEqual(['versions']);
    expect(d.readings?.map((r) => [r.version, r.outcome])).toEqual([['1', 'penalty']]);
    expect(d.warnings.map((w) => w.code)).toContain('VERSIONS_NOT_COMPARED');
  });

  it('flags a citation to a law text repealed before the act', () => {
    const open = version('9', '2024-01-01', null, 'items:\n' + item('A', 1000, 5000), '');
    const repealed = { ...open, laws: { ...open.laws, tl: { ...open.laws.tl!, repealed: '2024-03-01' } } };
    const d = evaluateInCatalog([repealed], caseOf({ dates: { act: '2024-06-01', discovered: '2024-06-02' } })).disposition!;
    expect(d.warnings.map((w) => w.code)).toContain('LAW_REPEALED');
  });
});

// A regional benchmark over a statutory layer: an act before the benchmark's first version is
// judged by the layer. Test data only: an invented layer (two versions) and benchmark.
describe('a case written with the benchmark’s facts, judged by the layer below it', () => {
  const rs = (index: string, items: string): RuleSet => {
    const r = loadRuleSet([
      { path: 'x/index.yaml', text: index },
      { path: 'x/items.yaml', text: items },
    ]);
    if (!r.ruleSet) throw new Error(JSON.stringify(r.diagnostics));
    return r.ruleSet;
  };
  const laws = `laws:
  tl: { title: 测试条例, version: 2020-01-01 }
  xzcff: { title: 中华人民共和国行政处罚法, version: 2021-01-22, articles: 86 }
`;
  const layerItem = (max: number) => `items:
  - code: A
    name: ${CONDUCT.A}
    violates: [{ law: tl, article: 1 }]
    penalizedBy: [{ law: tl, article: 9 }]
    statutory: { kinds: [fine], fine: { amount: [1000, ${max}] } }
    tiers:
      - { id: l, grade: lighter, share: [0, 0.3] }
      - { id: g, grade: general, share: [0.3, 0.7] }
      - { id: h, grade: heavier, share: [0.7, 1] }
`;
  const layer = (v: string, from: string, to: string | null, max: number) =>
    rs(`id: test-layer\nlayer: statutory\nregion: { code: "000000", name: 全国 }\ntitle: 测试法定层 ${v}\nissuer: 测试\nversion: "${v}"\neffective: { from: ${from}, to: ${to ?? 'null'} }\n${laws}`, layerItem(max));
  const bench = rs(
    `id: test-bench\nextends: test-layer\nregion: { code: "430000", name: 测试省 }\ntitle: 测试基准\nissuer: 测试\nversion: "2026"\neffective: { from: 2026-01-01, to: null }\n${laws}`,
    `facts:\n  stage: { type: enum, values: [sale, catering] }\ncircumstances:\n  sourceKept: { label: 留存进货凭证, effect: mitigating-optional }\n${layerItem(5000)}`,
  );
  const layer1 = layer('2020', '2020-01-01', '2024-12-31', 5000);
  const layer2 = layer('2025', '2025-01-01', null, 3000);
  const run = (c: Record<string, unknown>) =>
    evaluateInCatalog([layer1, layer2, bench], { value: { id: 'b-1', item: 'A', party: { kind: 'organization' }, dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2024-07-01' }, ...c } });

  it('judges by the layer and notes each fact and circumstance of the benchmark it leaves out, instead of refusing the case', () => {
    const r = run({ facts: { stage: 'sale' }, circumstances: ['sourceKept'] });
    expect(r.disposition?.ruleSet.id).toBe('test-layer');
    expect(r.disposition?.outcome).toBe('penalty');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['CASE_BENCHMARK_FACT_IGNORED', 'warning'],
      ['CASE_BENCHMARK_FACT_IGNORED', 'warning'],
    ]);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/fact "stage" is declared by benchmark "test-bench"[^\n]*"test-layer"/);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toContain('circumstance "sourceKept"');
    // Left out: the benchmark's optional mitigation does not lower the layer's grade.
    expect(r.disposition?.grade).toBe('general');
  });

  it('still refuses a value the benchmark itself would refuse, and a fact no one declares', () => {
    const bad = run({ facts: { stage: 'wholesale' } });
    expect(bad.disposition).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.code)).not.toContain('CASE_BENCHMARK_FACT_IGNORED');
    const unknown = run({ facts: { nobodysFact: 1 } });
    expect(unknown.disposition).toBeUndefined();
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_FACT']);
  });

  it('reads the benchmark’s facts the same way under the later layer version Art. 37 compares with', () => {
    const r = run({ dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2025-02-01' }, facts: { stage: 'sale' } });
    expect(r.disposition?.timeRule?.applied).toBe('decision');
    expect(r.disposition?.ruleSet.version).toBe('2025');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CASE_BENCHMARK_FACT_IGNORED']);
  });

  it('keeps refusing the benchmark’s facts when the case is under no benchmark at all (the layer alone is loaded)', () => {
    const r = evaluateInCatalog([layer1], { value: { id: 'b-2', item: 'A', party: { kind: 'organization' }, dates: { act: '2024-06-01', discovered: '2024-06-02', decision: '2024-07-01' }, facts: { stage: 'sale' } } });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_FACT']);
  });
});
