import { describe, expect, it } from 'vitest';
import { readPenalties } from '../../src/statute/read.js';
import type { PenaltyProvision, Sanction } from '../../src/statute/types.js';

// Paragraphs that put a sanction on a party they name (对旅行社, 对公证员, 对接收单位或者个人), verbatim
// from the published texts: 公证法 (2017-09-01) Art. 41, 旅行社条例 (2020-11-29) Art. 57, 上海市动物防疫条例
// Art. 45(2), 化妆品卫生监督条例 (2019-03-02) Art. 28.

function law(title: string, ...articles: string[]): string {
  return `# ${title}\n\n## 第一章 法律责任\n\n${articles.join('\n\n')}\n`;
}

function sanctions(p: PenaltyProvision): Sanction[] {
  return p.groups.flatMap((g) => g.sanctions.flatMap((x) => ('anyOf' in x ? x.anyOf : [x])));
}

function only(text: string, article: number, paragraph = 1): PenaltyProvision {
  const p = readPenalties(text).provisions.find((x) => x.ref.article === article && x.ref.paragraph === paragraph);
  if (!p) throw new Error(`no provision ${article}(${paragraph})`);
  return p;
}

describe('a sanction on a party the clause names', () => {
  it('旅行社委派的导游人员…的，对旅行社处二万元以上十万元以下的罚款: the travel agency the act opens with is the party fined', () => {
    const p = only(
      law(
        '旅行社条例',
        '第五十七条 违反本条例的规定，旅行社委派的导游人员未持有国家规定的导游证或者委派的领队人员不具备规定的领队条件的，由旅游行政管理部门责令改正，对旅行社处2万元以上10万元以下的罚款。',
      ),
      57,
    );
    expect(p.status).toBe('read');
    expect(sanctions(p).map((s) => [s.kind, s.target, s.targetText, s.fine])).toEqual([['fine', 'party', undefined, { kind: 'range', min: 20000, max: 100000 }]]);
  });

  it('the notary the clause names is the one fined and the one whose practice is stopped (公证法第四十一条)', () => {
    const p = only(
      law(
        '中华人民共和国公证法',
        '第四十一条 公证机构及其公证员有下列行为之一的，由省、自治区、直辖市或者设区的市人民政府司法行政部门给予警告；情节严重的，对公证机构处一万元以上五万元以下罚款，对公证员处一千元以上五千元以下罚款，并可以给予三个月以上六个月以下停止执业的处罚；有违法所得的，没收违法所得：\n\n（一）以诋毁其他公证机构、公证员或者支付回扣、佣金等不正当手段争揽公证业务的；\n\n（二）违反规定的收费标准收取公证费的。',
      ),
      41,
    );
    expect(p.status).toBe('read');
    const serious = p.groups.find((g) => g.when.some((w) => w.kind === 'circumstance' && w.name === 'serious'))!;
    const on = serious.sanctions.flatMap((x) => ('anyOf' in x ? x.anyOf : [x])).map((s) => `${s.kind}@${s.target === 'named' ? s.targetText : s.target}${s.mandatory ? '' : '?'}`);
    expect(on).toEqual(['fine@party', 'fine@公证员', 'restrictPractice@公证员?']);
  });

  it('对接收单位或者个人予以警告，并处罚款: the fine falls on the same party as the warning', () => {
    const p = only(
      law(
        '上海市动物防疫条例',
        '第四十五条 违反本条例第三十七条规定，未经本市指定的道口运载动物、动物产品进入本市的，由动物卫生监督机构对承运人处一千元以上一万元以下罚款。\n\n违反本条例第三十七条规定，接收未经指定道口检查签章运入本市的动物、动物产品的，由动物卫生监督机构对接收单位或者个人予以警告，并处一万元以上十万元以下罚款。',
      ),
      45,
      2,
    );
    expect(p.status).toBe('read');
    expect(sanctions(p).map((s) => `${s.kind}@${s.targetText}`)).toEqual(['warning@接收单位或者个人', 'fine@接收单位或者个人']);
  });

  it('对生产企业…，对经营单位…: two parties with sanctions of their own need review, not one party with all of them', () => {
    const p = only(
      law(
        '化妆品卫生监督条例',
        '第二十八条 对违反本条例其他有关规定的，处以警告，责令限期改进；情节严重的，对生产企业，可以责令该企业停产或者吊销化妆品生产许可证，对经营单位，可以责令其停止经营，没收违法所得，并且可以处违法所得二到三倍的罚款。',
      ),
      28,
    );
    expect(p.status).toBe('review');
    expect(p.problems.map((x) => x.reason).join('\n')).toMatch(/several parties the clause names \(生产企业、经营单位\)/);
  });
});
