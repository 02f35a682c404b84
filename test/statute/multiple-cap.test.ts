import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadCase } from '../../src/load/loadCase.js';
import { readPenalties } from '../../src/statute/read.js';
import { summarizeProvision } from '../../src/statute/summary.js';
import { verifyRuleSet } from '../../src/verify/verifyRuleSet.js';
import { layerFixture } from './layer-fixture.js';

// 机动车登记规定 (公安部令第164号, 2021-12-17) Art. 81(3), verbatim: a multiple of the illegal gains
// with a ceiling on the fine (但最高不超过十万元).
const TEXT = `# 机动车登记规定

<!-- INFO END -->

## 第六章 法律责任

第八十一条 以欺骗、贿赂等不正当手段取得机动车登记的，由公安机关交通管理部门收缴机动车登记证书、号牌、行驶证，撤销机动车登记，处二千元以下罚款；申请人在三年内不得再次申请机动车登记。

以欺骗、贿赂等不正当手段办理补、换领机动车登记证书、号牌、行驶证和检验合格标志等业务的，由公安机关交通管理部门收缴机动车登记证书、号牌、行驶证和检验合格标志，未收缴的，公告作废，处二千元以下罚款。

组织、参与实施第八十条、本条前两款行为之一牟取经济利益的，由公安机关交通管理部门处违法所得三倍以上五倍以下罚款，但最高不超过十万元。
`;

// 重庆市司法鉴定条例 (2019-11-29) Art. 51, verbatim: the same ceiling worded 但罚款总额最高不得超过三万元.
const CQ = `# 重庆市司法鉴定条例

<!-- INFO END -->

## 第六章 法律责任

第五十一条 未经登记的机构或人员从事司法鉴定业务的，由市司法行政部门责令其停止鉴定活动，没收违法所得并处以违法所得一至三倍的罚款，但罚款总额最高不得超过三万元。
`;

const { reading: READING, layer, load, source: SOURCE } = layerFixture(TEXT, {
  id: 'cn-rule-test-jdcdj',
  lawKey: 'jdcdj',
  prefix: 'JDCDJ',
  version: '2021-12-17',
  source: '部门规章/公安部/机动车登记规定(2021-12-17).md',
  field: '道路交通',
  title: '机动车登记规定',
});
const dates = { act: '2025-03-03', discovered: '2025-03-10', decision: '2025-04-21' };
const CAPPED = 'fine: { multiple: { of: illegalGains, range: [3, 5], cap: 100000 } }';

function decide(illegalGains: number): ReturnType<typeof evaluate> {
  const rs = load().ruleSet!;
  const c = loadCase({ path: 'case.yaml', value: { id: 'c', item: 'JDCDJ-81-3', party: { kind: 'organization' }, dates, facts: { illegalGains } } }, rs);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return evaluate(rs, c.case!);
}

const statutoryFine = (illegalGains: number) => decide(illegalGains).penalties.find((p) => p.kind === 'fine')?.statutory;

describe('处违法所得三倍以上五倍以下罚款，但最高不超过十万元 (机动车登记规定 Art. 81(3))', () => {
  it('the paragraph is read as 3 to 5 times the gains, the fine at most 100,000 yuan', () => {
    const p = READING.provisions.find((x) => x.ref.article === 81 && x.ref.paragraph === 3)!;
    expect(p.status, summarizeProvision(p)).toBe('read');
    expect(summarizeProvision(p)).toContain('fine 违法所得×3-5 (fine at most 100000)');
    const fine = p.groups.flatMap((g) => g.sanctions).find((s) => 'kind' in s && s.kind === 'fine');
    expect(fine && 'fine' in fine ? fine.fine : undefined).toMatchObject({ kind: 'multiple', min: 3, max: 5, cap: 100000 });
  });

  it('但罚款总额最高不得超过三万元 after 没收违法所得并处以违法所得一至三倍的罚款 is the same ceiling', () => {
    const p = readPenalties(CQ).provisions[0]!;
    expect(p.status, summarizeProvision(p)).toBe('read');
    expect(summarizeProvision(p)).toContain('fine 违法所得×1-3 (fine at most 30000)');
  });

  it('a ceiling after a fine that is not a multiple is not read as one', () => {
    const p = readPenalties(TEXT.replace('处违法所得三倍以上五倍以下罚款，但最高不超过十万元', '处一万元以上五万元以下罚款，但最高不超过十万元')).provisions.find(
      (x) => x.ref.paragraph === 3,
    )!;
    expect(p.status).toBe('review');
  });

  it('the layer writes the ceiling into the multiple, and the rule set loads and verifies clean against the text', () => {
    expect(layer.files.get('items.yaml')).toContain(CAPPED);
    const r = load();
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(verifyRuleSet(r.ruleSet!, { statutes: SOURCE }).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('gains of 10,000 yuan are fined 30,000 to 50,000, under the ceiling', () => {
    expect(statutoryFine(10_000)).toEqual({ min: 3_000_000, max: 5_000_000 });
  });

  it('gains of 25,000 yuan are fined 75,000 to 100,000: five times would be 125,000', () => {
    expect(statutoryFine(25_000)).toEqual({ min: 7_500_000, max: 10_000_000 });
  });

  it('gains of 50,000 yuan are fined 100,000 exactly: even three times is over the ceiling', () => {
    expect(statutoryFine(50_000)).toEqual({ min: 10_000_000, max: 10_000_000 });
  });

  it('the trace says the ceiling cut the range, and the recommendation stays within it', () => {
    const d = decide(25_000);
    expect(d.trace.map((t) => t.message).join('\n')).toContain('最高不超过10万元');
    const fine = d.penalties.find((p) => p.kind === 'fine')!;
    expect(fine.recommended).toBeLessThanOrEqual(10_000_000);
    expect(fine.base).toEqual({ fact: 'illegalGains', value: 2_500_000, cap: 10_000_000 });
  });

  it('a rule file that leaves the ceiling out, or types 1万 for 十万, is told the multiple does not match the text', () => {
    for (const wrong of ['fine: { multiple: { of: illegalGains, range: [3, 5] } }', 'fine: { multiple: { of: illegalGains, range: [3, 5], cap: 10000 } }']) {
      const r = load(layer.files.get('items.yaml')!.replace(CAPPED, wrong));
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const codes = verifyRuleSet(r.ruleSet!, { statutes: SOURCE }).map((d) => d.code);
      expect(codes, wrong).toContain('STATUTE_MULTIPLE_MISMATCH');
    }
  });

  it('a ceiling below zero is refused with the file and line', () => {
    const r = load(layer.files.get('items.yaml')!.replace('cap: 100000', 'cap: -100000'));
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.file).toBe('layer/items.yaml');
    expect(errors[0]!.line).toBeGreaterThan(0);
  });
});
