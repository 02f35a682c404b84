import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadCase } from '../../src/load/loadCase.js';
import { summarizeProvision } from '../../src/statute/summary.js';
import { verifyRuleSet } from '../../src/verify/verifyRuleSet.js';
import { layerFixture } from './layer-fixture.js';

// 药品管理法 (2019-08-26) Art. 115, verbatim: a multiple of the goods' value with a floor on the base
// (货值金额不足十万元的，按十万元计算).
const TEXT = `# 中华人民共和国药品管理法

2019年8月26日 第十三届全国人民代表大会常务委员会第十二次会议第二次修订

<!-- INFO END -->

## 第十一章 法律责任

第一百一十五条 未取得药品生产许可证、药品经营许可证或者医疗机构制剂许可证生产、销售药品的，责令关闭，没收违法生产、销售的药品和违法所得，并处违法生产、销售的药品（包括已售出和未售出的药品，下同）货值金额十五倍以上三十倍以下的罚款；货值金额不足十万元的，按十万元计算。
`;

const { reading: READING, layer, load, source: SOURCE } = layerFixture(TEXT, {
  id: 'cn-law-test-ypglf',
  lawKey: 'ypglf',
  prefix: 'YPGLF',
  version: '2019-08-26',
  source: '行政法/药品管理法(2019-08-26).md',
  field: '药品',
  title: '中华人民共和国药品管理法',
});
const dates = { act: '2025-03-03', discovered: '2025-03-10', decision: '2025-04-21' };

function statutoryFine(goodsValue: number): { min: number; max: number } | undefined {
  const rs = load().ruleSet!;
  const c = loadCase({ path: 'case.yaml', value: { id: 'c', item: 'YPGLF-115-1', party: { kind: 'organization' }, dates, facts: { goodsValue } } }, rs);
  return evaluate(rs, c.case!).penalties.find((p) => p.kind === 'fine')?.statutory;
}

describe('货值金额不足十万元的，按十万元计算 (药品管理法 Art. 115)', () => {
  it('the law is read as 15 to 30 times the goods value, the value counted as at least 100,000 yuan', () => {
    const p = READING.provisions[0]!;
    expect(p.status).toBe('read');
    expect(summarizeProvision(p)).toContain('fine 货值金额×15-30');
    const fine = p.groups.flatMap((g) => g.sanctions).find((s) => 'kind' in s && s.kind === 'fine');
    expect(fine && 'fine' in fine ? fine.fine : undefined).toMatchObject({ kind: 'multiple', min: 15, max: 30, baseFloor: 100000 });
  });

  it('the layer writes the floor into the multiple, and the rule set loads and verifies clean against the text', () => {
    expect(layer.files.get('items.yaml')).toContain('fine: { multiple: { of: goodsValue, range: [15, 30], floor: 100000 } }');
    const r = load();
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(verifyRuleSet(r.ruleSet!, { statutes: SOURCE }).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('drugs worth 30,000 yuan are fined as if worth 100,000: 1.5 to 3 million yuan', () => {
    expect(statutoryFine(30_000)).toEqual({ min: 150_000_000, max: 300_000_000 });
  });

  it('drugs worth exactly 100,000 yuan or more are fined on their own value', () => {
    expect(statutoryFine(100_000)).toEqual({ min: 150_000_000, max: 300_000_000 });
    expect(statutoryFine(200_000)).toEqual({ min: 300_000_000, max: 600_000_000 });
  });

  it('the trace says the value was counted at the floor', () => {
    const rs = load().ruleSet!;
    const c = loadCase({ path: 'case.yaml', value: { id: 'c', item: 'YPGLF-115-1', party: { kind: 'organization' }, dates, facts: { goodsValue: 30_000 } } }, rs);
    const d = evaluate(rs, c.case!);
    expect(d.trace.map((t) => t.message).join('\n')).toContain('不足10万元按10万元计');
    expect(d.penalties.find((p) => p.kind === 'fine')?.base).toEqual({ fact: 'goodsValue', value: 3_000_000, countedAs: 10_000_000 });
  });

  it('a rule file that leaves the floor out, or types 1万 for 十万, is told the multiple does not match the text', () => {
    for (const wrong of ['fine: { multiple: { of: goodsValue, range: [15, 30] } }', 'fine: { multiple: { of: goodsValue, range: [15, 30], floor: 10000 } }']) {
      const items = layer.files.get('items.yaml')!.replace('fine: { multiple: { of: goodsValue, range: [15, 30], floor: 100000 } }', wrong);
      const r = load(items);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const codes = verifyRuleSet(r.ruleSet!, { statutes: SOURCE }).map((d) => d.code);
      expect(codes, wrong).toContain('STATUTE_MULTIPLE_MISMATCH');
    }
  });

  it('a floor below zero is refused with the file and line', () => {
    const items = layer.files.get('items.yaml')!.replace('floor: 100000', 'floor: -5');
    const r = load(items);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.file).toBe('layer/items.yaml');
    expect(errors[0]!.line).toBeGreaterThan(0);
  });
});
