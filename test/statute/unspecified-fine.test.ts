import { describe, expect, it } from 'vitest';
import { auditCase } from '../../src/report/audit.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { loadCase } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { readPenalties } from '../../src/statute/read.js';
import { statutoryLayer } from '../../src/statute/layer.js';
import { verifyRuleSet } from '../../src/verify/verifyRuleSet.js';

// 建筑法 (2019-04-23) Art. 65(1)–(2), verbatim: 处以罚款 with no amount (the amounts are set by
// 建设工程质量管理条例, not by the law itself).
const TEXT = `# 中华人民共和国建筑法

2019年4月23日 第十三届全国人民代表大会常务委员会第十次会议《关于修改<中华人民共和国建筑法>等八部法律的决定》第二次修正

<!-- INFO END -->

## 第七章 法律责任

第六十五条 发包单位将工程发包给不具有相应资质条件的承包单位的，或者违反本法规定将建筑工程肢解发包的，责令改正，处以罚款。

超越本单位资质等级承揽工程的，责令停止违法行为，处以罚款，可以责令停业整顿，降低资质等级；情节严重的，吊销资质证书；有违法所得的，予以没收。
`;

const layer = statutoryLayer(readPenalties(TEXT), {
  id: 'cn-law-test-jzf',
  lawKey: 'jzf',
  prefix: 'JZF',
  version: '2019-04-23',
  source: '经济法/建筑法(2019-04-23).md',
  region: { code: '100000', name: '全国' },
  field: '建筑',
});
const files = [...layer.files].filter(([n]) => n.endsWith('.yaml')).map(([n, text]) => ({ path: `layer/${n}`, text }));
const loaded = loadRuleSet(files);
const dates = { act: '2024-05-01', discovered: '2024-05-02', decision: '2024-06-01' };

/** The layer with one tier of the item replaced (a benchmark's own decision on the amount). */
function withTier(tier: string): ReturnType<typeof loadRuleSet> {
  const items = layer.files.get('items.yaml')!.replace(/      - \{ id: general, label: 一般, grade: general, cites: \[\{ law: jzf, article: 65, paragraph: 1 \}\] \}/, tier);
  return loadRuleSet(files.map((f) => (f.path.endsWith('items.yaml') ? { ...f, text: items } : f)));
}

describe('处以罚款 with no amount in the statute (建筑法 Art. 65)', () => {
  it('the law is read as a fine it sets no amount for, and the layer writes it so, with no shares of a range it does not have', () => {
    const items = layer.files.get('items.yaml')!;
    expect(items).toMatch(/code: JZF-65-1[\s\S]*?fine: \{ unspecified: true \}/);
    expect(items).not.toMatch(/id: lighter[^\n]*article: 65, paragraph: 1 \}/);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(verifyRuleSet(loaded.ruleSet!).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the officer is told to impose a fine and set its amount under the rules that fix it: no figure is made up', () => {
    const rs = loaded.ruleSet!;
    const c = loadCase({ path: 'case.yaml', value: { id: 'c1', item: 'JZF-65-1', party: { kind: 'organization' }, dates } }, rs);
    const d = evaluate(rs, c.case!);
    expect(d.outcome).toBe('penalty');
    const fine = d.penalties.find((p) => p.kind === 'fine')!;
    expect(fine.statutory).toBeUndefined();
    expect(fine.range).toBeUndefined();
    expect(fine.recommended).toBeUndefined();
    expect(d.warnings.map((w) => w.code)).toContain('FINE_AMOUNT_NOT_SET');
    // Not 简易程序: the amount is not known to be within 3,000 yuan.
    expect(d.procedure.simple).toBe(false);
  });

  it('a benchmark tier of 10,000 to 50,000 yuan gives the range and the recommendation, with nothing statutory to clamp to', () => {
    const r = withTier('      - { id: general, label: 一般, grade: general, amount: [10000, 50000], cites: [{ law: jzf, article: 65, paragraph: 1 }] }');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const rs = r.ruleSet!;
    expect(verifyRuleSet(rs).filter((d) => d.severity === 'error')).toEqual([]);
    const c = loadCase({ path: 'case.yaml', value: { id: 'c2', item: 'JZF-65-1', party: { kind: 'organization' }, dates } }, rs);
    const d = evaluate(rs, c.case!);
    const fine = d.penalties.find((p) => p.kind === 'fine')!;
    expect(fine.statutory).toBeUndefined();
    expect(fine.range).toEqual({ min: 1_000_000, max: 5_000_000 });
    expect(fine.recommended).toBe(3_000_000);
    // An officer's 60,000 yuan is outside the tier, and said so; nothing is called above a statutory maximum.
    const flags = auditCase({ line: 1, disposition: d, ruleSet: rs, case: c.case!, decision: { outcome: 'penalty', fine: 6_000_000, kinds: ['fine'] } });
    expect(flags.map((f) => f.code)).toContain('FINE_OUTSIDE_TIER');
    expect(flags.map((f) => f.code)).not.toContain('FINE_ABOVE_STATUTORY_MAX');
  });

  it('a tier written as a share of the statutory range is an error: there is no range to take a share of', () => {
    const r = withTier('      - { id: general, label: 一般, grade: general, share: [0.3, 0.7], cites: [{ law: jzf, article: 65, paragraph: 1 }] }');
    const v = verifyRuleSet(r.ruleSet!);
    expect(v.map((d) => d.code)).toContain('TIER_RANGE_KIND');
  });
});
