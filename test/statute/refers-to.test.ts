import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { readPenalties } from '../../src/statute/read.js';
import { summarizeProvision } from '../../src/statute/summary.js';
import type { StatuteSource } from '../../src/verify/context.js';
import { verifyRuleSet } from '../../src/verify/index.js';
import { DATA } from '../helpers.js';

// 旅游法 (2018-10-26) Art. 95, verbatim: the second paragraph punishes 出租、出借许可证 “除依照前款规定处罚外，
// 并责令停业整顿” — the first paragraph's confiscation and fines apply, and the suspension besides.

const LAW = readFileSync(join(DATA, 'statute/refers/旅游法(2018-10-26)-第九十五条.md'), 'utf8');
const READING = readPenalties(LAW);
const SOURCE: StatuteSource = {
  find: (law) => (law.title === '中华人民共和国旅游法' && law.version === '2018-10-26' ? READING : undefined),
  versions: (title) => (title === '中华人民共和国旅游法' ? ['2018-10-26'] : []),
};

const INDEX = `id: t-lyf
region: { code: "000000", name: 全国 }
title: 测试
issuer: 测试
version: "1"
effective: { from: 2019-01-01 }
laws:
  lyf: { title: 中华人民共和国旅游法, version: 2018-10-26 }
`;

// The item \`cailiang statute import\` writes for 第九十五条第二款 (rules/cn-law-lyf).
const ITEMS = `facts:
  illegalGains: { type: money, label: "违法所得" }
circumstances:
  serious: { label: "情节严重", effect: neutral }
items:
  - code: LYF-95-2  # 第九十五条第二款
    name: "旅行社违反本法规定，未经许可经营本法第二十九条第一款第二项、第三项业务，或者出租、出借旅行社业务经营许可证，或者以其他方式非法转让旅行社业务经营许可"
    field: "文化旅游"
    violates: [{ law: lyf, article: 95, paragraph: 2, note: "条文未写明所违反的条款，以处罚条款为依据" }]
    penalizedBy: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }]
    statutory:
      cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }]
      branches:
        - id: serious--illegal-gains-from-0-under-100000
          label: "情节严重，违法所得不足100000元"
          when: { all: [{ fact: serious, operator: equal, value: true }, { fact: illegalGains, operator: lessThan, value: 100000 }] }
          kinds: [fine, confiscateGains, revokeLicence, suspendBusiness]
          fine: { amount: [10000, 100000] }
          responsibleFine: { amount: [2000, 20000] }
        - id: serious--illegal-gains-from-100000
          label: "情节严重，违法所得100000元以上"
          when: { all: [{ fact: serious, operator: equal, value: true }, { fact: illegalGains, operator: greaterThanInclusive, value: 100000 }] }
          kinds: [fine, confiscateGains, revokeLicence, suspendBusiness]
          fine: { multiple: { of: illegalGains, range: [1, 5] } }
          responsibleFine: { amount: [2000, 20000] }
        - id: not-serious--illegal-gains-from-0-under-100000
          label: "非情节严重，违法所得不足100000元"
          when: { all: [{ fact: serious, operator: equal, value: false }, { fact: illegalGains, operator: lessThan, value: 100000 }] }
          kinds: [fine, confiscateGains, suspendBusiness]
          fine: { amount: [10000, 100000] }
          responsibleFine: { amount: [2000, 20000] }
        - id: not-serious--illegal-gains-from-100000
          label: "非情节严重，违法所得100000元以上"
          when: { all: [{ fact: serious, operator: equal, value: false }, { fact: illegalGains, operator: greaterThanInclusive, value: 100000 }] }
          kinds: [fine, confiscateGains, suspendBusiness]
          fine: { multiple: { of: illegalGains, range: [1, 5] } }
          responsibleFine: { amount: [2000, 20000] }
    tiers:
      - { id: serious--illegal-gains-from-0-under-100000-lighter, label: 从轻, grade: lighter, branch: serious--illegal-gains-from-0-under-100000, share: [0, 0.3], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: serious--illegal-gains-from-0-under-100000-general, label: 一般, grade: general, branch: serious--illegal-gains-from-0-under-100000, share: [0.3, 0.7], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: serious--illegal-gains-from-0-under-100000-heavier, label: 从重, grade: heavier, branch: serious--illegal-gains-from-0-under-100000, share: [0.7, 1], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: serious--illegal-gains-from-100000-lighter, label: 从轻, grade: lighter, branch: serious--illegal-gains-from-100000, share: [0, 0.3], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: serious--illegal-gains-from-100000-general, label: 一般, grade: general, branch: serious--illegal-gains-from-100000, share: [0.3, 0.7], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: serious--illegal-gains-from-100000-heavier, label: 从重, grade: heavier, branch: serious--illegal-gains-from-100000, share: [0.7, 1], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: not-serious--illegal-gains-from-0-under-100000-lighter, label: 从轻, grade: lighter, branch: not-serious--illegal-gains-from-0-under-100000, share: [0, 0.3], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: not-serious--illegal-gains-from-0-under-100000-general, label: 一般, grade: general, branch: not-serious--illegal-gains-from-0-under-100000, share: [0.3, 0.7], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: not-serious--illegal-gains-from-0-under-100000-heavier, label: 从重, grade: heavier, branch: not-serious--illegal-gains-from-0-under-100000, share: [0.7, 1], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: not-serious--illegal-gains-from-100000-lighter, label: 从轻, grade: lighter, branch: not-serious--illegal-gains-from-100000, share: [0, 0.3], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: not-serious--illegal-gains-from-100000-general, label: 一般, grade: general, branch: not-serious--illegal-gains-from-100000, share: [0.3, 0.7], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
      - { id: not-serious--illegal-gains-from-100000-heavier, label: 从重, grade: heavier, branch: not-serious--illegal-gains-from-100000, share: [0.7, 1], cites: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }] }
`;

function check(items: string): { code: string; line: number }[] {
  const r = loadRuleSet([
    { path: 'index.yaml', text: INDEX },
    { path: 'items.yaml', text: items },
  ]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return verifyRuleSet(r.ruleSet!, { statutes: SOURCE })
    .filter((d) => d.code.startsWith('STATUTE_'))
    .map((d) => ({ code: d.code, line: d.line }));
}

describe('除依照前款规定处罚外: the penalty of the paragraph referred to applies as well', () => {
  it('renting out a travel-agency licence is fined as unlicensed business is, and the agency is suspended besides', () => {
    const p = READING.provisions.find((x) => x.ref.article === 95 && x.ref.paragraph === 2)!;
    expect(p.status).toBe('read');
    expect(p.refersTo).toEqual({ article: 95, paragraph: 1 });
    const summary = summarizeProvision(p);
    expect(summary).toContain('fine 10000-100000');
    expect(summary).toContain('违法所得>=100000: fine 违法所得×1-5');
    expect(summary).toContain('suspendBusiness');
    expect(summary).toContain('serious: revokeLicence');
  });

  it('the imported item cites both paragraphs and verifies clean against the text', () => {
    expect(ITEMS).toContain('penalizedBy: [{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }]');
    expect(check(ITEMS)).toEqual([]);
  });

  it('an item for the second paragraph with the first paragraph\'s fine mistyped (1000 for 一万元) is told the range is wrong', () => {
    const items = ITEMS.replaceAll('fine: { amount: [10000, 100000] }', 'fine: { amount: [1000, 100000] }');
    expect(items).not.toBe(ITEMS);
    expect(check(items).map((x) => x.code)).toContain('STATUTE_RANGE_MISMATCH');
  });

  it('an item citing the first paragraph alone with the suspension of the second is told the kind is not set there', () => {
    const items = ITEMS.replaceAll('[{ law: lyf, article: 95, paragraph: 2 }, { law: lyf, article: 95, paragraph: 1 }]', '[{ law: lyf, article: 95, paragraph: 1 }]');
    expect(items).not.toBe(ITEMS);
    expect(check(items).map((x) => x.code)).toContain('STATUTE_KIND_EXTRA');
  });
});
