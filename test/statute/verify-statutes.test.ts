import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { readPenalties } from '../../src/statute/read.js';
import { verifyRuleSet } from '../../src/verify/index.js';
import type { StatuteSource } from '../../src/verify/context.js';
import { DATA } from '../helpers.js';

// verify --statutes: a rule file checked against the text it cites. The law text is an excerpt of
// 食品安全法 (2021-04-29: Arts. 34, 35, 122–126) kept in test/data/statute; each case changes one
// figure of a correct rule file and names the code and the line it must be reported at (the
// statutory clause holding the figure: a branch, or the statutory model itself).

const LAW = readFileSync(join(DATA, 'statute/laws/食品安全法(2021-04-29).md'), 'utf8');
const READING = readPenalties(LAW);
const SOURCE: StatuteSource = {
  find: (law) => (law.title === '中华人民共和国食品安全法' && law.version === '2021-04-29' ? READING : undefined),
  versions: (title) => (title === '中华人民共和国食品安全法' ? ['2021-04-29'] : []),
};

const INDEX = `id: t-spaqf
region: { code: "000000", name: 全国 }
title: 测试
issuer: 测试
version: "1"
effective: { from: 2022-01-01 }
laws:
  spaqf: { title: 中华人民共和国食品安全法, version: 2021-04-29 }
`;

const ITEMS = `facts:
  goodsValue: { type: money, label: 货值金额 }
circumstances:
  serious: { label: 情节严重, effect: neutral }
  refusedCorrection: { label: 拒不改正, effect: neutral }
items:
  - code: A-122
    name: 未取得许可从事食品生产经营
    violates: [{ law: spaqf, article: 35, paragraph: 1 }]
    penalizedBy: [{ law: spaqf, article: 122, paragraph: 1 }]
    statutory:
      kinds: [confiscateGains, confiscateProperty, fine]
      branches:
        - id: under
          when: { all: [{ fact: goodsValue, operator: lessThan, value: 10000 }] }
          fine: { amount: [50000, 100000] }
        - id: over
          otherwise: true
          fine: { multiple: { of: goodsValue, range: [10, 20] } }
    tiers:
      - { id: u, grade: general, branch: under, share: [0, 1] }
      - { id: o, grade: general, branch: over, share: [0, 1] }
  - code: B-126
    name: 未按规定查验许可证
    violates: [{ law: spaqf, article: 126, paragraph: 1, item: 3 }]
    penalizedBy: [{ law: spaqf, article: 126, paragraph: 1, item: 3 }]
    statutory:
      kinds: [warning, fine, suspendBusiness, revokeLicence]
      fine: { amount: [5000, 50000] }
      fineOnlyIf: refusedCorrection
    tiers:
      - { id: g, grade: general, share: [0, 1] }
`;

function check(items: string, index = INDEX): { code: string; line: number }[] {
  const r = loadRuleSet([
    { path: 'index.yaml', text: index },
    { path: 'items.yaml', text: items },
  ]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return verifyRuleSet(r.ruleSet!, { statutes: SOURCE })
    .filter((d) => d.code.startsWith('STATUTE_'))
    .map((d) => ({ code: d.code, line: d.line }));
}

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('verify --statutes: a rule file against the text it cites', () => {
  it('a rule file that says what 食品安全法 Arts. 122 and 126 say passes', () => {
    expect(check(ITEMS)).toEqual([
      // 126(1) also sets 责令停产停业 / 吊销 for 情节严重 — listed here; nothing is missing.
    ]);
  });

  const cases: { name: string; from: string; to: string; code: string; at: string }[] = [
    { name: 'a range typed 5万 for 50万 (五万元以上十万元以下 as 5000–100000) is a range mismatch', from: 'amount: [50000, 100000]', to: 'amount: [5000, 100000]', code: 'STATUTE_RANGE_MISMATCH', at: '- id: under' },
    { name: 'a maximum of 500000 for 二千 … 五万 is a range mismatch', from: 'amount: [5000, 50000]', to: 'amount: [5000, 500000]', code: 'STATUTE_RANGE_MISMATCH', at: 'kinds: [warning' },
    { name: 'multiples 5–10 for 十倍以上二十倍以下 are a multiple mismatch', from: 'range: [10, 20]', to: 'range: [5, 10]', code: 'STATUTE_MULTIPLE_MISMATCH', at: '- id: over' },
    { name: 'the right multiples of 违法所得 instead of 货值金额 are a base mismatch', from: "facts:\n  goodsValue: { type: money, label: 货值金额 }", to: "facts:\n  goodsValue: { type: money, label: 货值金额 }\n  illegalGains: { type: money, label: 违法所得 }", code: 'STATUTE_BASE_MISMATCH', at: '- id: over' },
    { name: 'a kind the article does not set (detention) is an extra kind', from: 'kinds: [confiscateGains, confiscateProperty, fine]', to: 'kinds: [confiscateGains, confiscateProperty, fine, detention]', code: 'STATUTE_KIND_EXTRA', at: '- id: under' },
    { name: 'leaving out 吊销许可证 that Art. 126 sets when serious is a missing kind', from: 'kinds: [warning, fine, suspendBusiness, revokeLicence]', to: 'kinds: [warning, fine, suspendBusiness]', code: 'STATUTE_KIND_MISSING', at: 'kinds: [warning' },
    { name: 'citing 第一百二十二条第三款, which the text does not have, is a missing article', from: 'penalizedBy: [{ law: spaqf, article: 122, paragraph: 1 }]', to: 'penalizedBy: [{ law: spaqf, article: 122, paragraph: 3 }]', code: 'STATUTE_ARTICLE_MISSING', at: '- code: A-122' },
    { name: 'citing 第一百二十六条第一款第（十四）项 (there are thirteen) is a missing article', from: 'violates: [{ law: spaqf, article: 126, paragraph: 1, item: 3 }]', to: 'violates: [{ law: spaqf, article: 126, paragraph: 1, item: 14 }]', code: 'STATUTE_ARTICLE_MISSING', at: '- code: B-126' },
    { name: 'citing Art. 34 (a duty, no penalty) as the penalty basis is a paragraph that sets no penalty', from: 'penalizedBy: [{ law: spaqf, article: 122, paragraph: 1 }]', to: 'penalizedBy: [{ law: spaqf, article: 34 }]', code: 'STATUTE_NO_PENALTY', at: '- code: A-122' },
  ];
  for (const c of cases)
    it(c.name, () => {
      let items = ITEMS.replace(c.from, c.to);
      if (c.code === 'STATUTE_BASE_MISMATCH') items = items.replace('of: goodsValue', 'of: illegalGains');
      expect(items).not.toBe(ITEMS);
      const found = check(items);
      expect(found, JSON.stringify(found)).toContainEqual({ code: c.code, line: lineOf(items, c.at) });
    });

  it('a law cited by a version the collection does not hold is reported at index.yaml, with the versions it has', () => {
    const r = loadRuleSet([
      { path: 'index.yaml', text: INDEX.replace('version: 2021-04-29', 'version: 2018-12-29') },
      { path: 'items.yaml', text: ITEMS },
    ]);
    const d = verifyRuleSet(r.ruleSet!, { statutes: SOURCE }).filter((x) => x.code === 'STATUTE_LAW_NOT_FOUND');
    expect(d).toHaveLength(1);
    expect(d[0]!.file).toBe('index.yaml');
    expect(d[0]!.message).toContain('2021-04-29');
  });

  it('without statutes the checks do not run', () => {
    const r = loadRuleSet([
      { path: 'index.yaml', text: INDEX },
      { path: 'items.yaml', text: ITEMS.replace('amount: [50000, 100000]', 'amount: [5000, 100000]') },
    ]);
    expect(verifyRuleSet(r.ruleSet!).filter((d) => d.code.startsWith('STATUTE_'))).toEqual([]);
  });
});
