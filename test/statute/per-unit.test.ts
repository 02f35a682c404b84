import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadCase } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { readPenalties } from '../../src/statute/read.js';
import { statutoryLayer } from '../../src/statute/layer.js';

// 上海市绿化条例 (2018-12-20) Art. 44(2), verbatim: a fine per square metre of the green space taken.
const TEXT = `# 上海市绿化条例

2018年12月20日 上海市第十五届人民代表大会常务委员会第八次会议修正

<!-- INFO END -->

## 第六章 法律责任

第四十四条 违反本条例第三十一条规定，未经许可临时使用绿地的，由市或者区绿化管理部门责令限期改正，按临时使用绿地每日每平方米十元以上三十元以下处以罚款。

违反本条例第三十二条规定，未经许可占用绿地的，由市或者区绿化管理部门责令限期改正，按占用绿地面积每平方米五百元以上二千元以下处以罚款。
`;

const layer = statutoryLayer(readPenalties(TEXT), {
  id: 'cn-sh-law-test-lh',
  lawKey: 'shlh',
  prefix: 'SHLH',
  version: '2018-12-20',
  source: 'DLC/上海地方法规/地方性法规/上海/上海市绿化条例(2018-12-20).md',
  region: { code: '310000', name: '上海市' },
  field: '绿化',
});
const loaded = loadRuleSet([...layer.files].filter(([n]) => n.endsWith('.yaml')).map(([n, text]) => ({ path: `layer/${n}`, text })));

describe('a fine per unit (每平方米…元), from the statute to the recommendation', () => {
  it('the layer models 每平方米五百元以上二千元以下 as a fine per unit of the area taken, in 平方米', () => {
    const items = layer.files.get('items.yaml')!;
    expect(items).toMatch(/perUnit: \{ of: units\w+, range: \[500, 2000\] \}/);
    expect(items).toMatch(/units\w+: \{ type: number, unit: "平方米", label: "占用绿地面积" \}/);
    // 每日每平方米 (a fine per day and per square metre) is not in the language: that paragraph is left for review.
    expect(layer.review.some((r) => r.ref.paragraph === 1)).toBe(true);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('占用绿地 12.5 平方米: the statutory range is 6,250 to 25,000 yuan', () => {
    const rs = loaded.ruleSet!;
    const item = rs.items.find((i) => i.code === 'SHLH-44-2')!;
    const fact = item.clauses[0]!.fine!;
    expect(fact.kind).toBe('perUnit');
    const of = (fact as { of: string }).of;
    const c = loadCase(
      {
        path: 'case.yaml',
        value: { id: 'c1', item: 'SHLH-44-2', party: { kind: 'organization' }, dates: { act: '2024-05-01', discovered: '2024-05-02', decision: '2024-06-01' }, facts: { [of]: 12.5 } },
      },
      rs,
    );
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const d = evaluate(rs, c.case!);
    const fine = d.penalties.find((p) => p.kind === 'fine')!;
    expect(fine.statutory).toEqual({ min: 625_000, max: 2_500_000 });
    // The derived 一般 tier (30%–70% of the range: 11,875 to 19,375 yuan), its middle (15,625) rounded
    // to the default rounding of 100 yuan: 15,600 yuan.
    expect(fine.range).toEqual({ min: 1_187_500, max: 1_937_500 });
    expect(fine.recommended).toBe(1_560_000);
  });

  it('without the area the fine is undetermined, not zero', () => {
    const rs = loaded.ruleSet!;
    const c = loadCase({ path: 'case.yaml', value: { id: 'c2', item: 'SHLH-44-2', party: { kind: 'organization' }, dates: { act: '2024-05-01', discovered: '2024-05-02', decision: '2024-06-01' } } }, rs);
    const d = evaluate(rs, c.case!);
    expect(d.penalties.find((p) => p.kind === 'fine')?.recommended).toBeUndefined();
    expect(d.warnings.map((w) => w.code)).toContain('MISSING_FACTS');
  });
});
