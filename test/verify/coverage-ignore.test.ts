import { describe, expect, it } from 'vitest';
import { runFixture } from '../../src/fixture/fixture.js';
import type { RuleSet } from '../../src/load/model.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { runVerify, verifyRuleSet } from '../../src/verify/index.js';
import { CITE, index, load, rules, runCases, T, type VerifyCase } from './build.js';

/** Fixture coverage (--fixtures) and deliberate exceptions (ignore: in index.yaml, options.ignore). */

const SAMR = [T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.7, 1]')];
const LIST = `lists:
  - id: E-1
    kind: exempt
    basis: minor
    items: [A-1]
    when: { all: [{ fact: goodsValue, operator: lessThanInclusive, value: 100 }] }
    cites: [{ law: xzcff, article: 33, paragraph: 1 }]
    source: { document: 测试清单 }
`;

function fixture(name: string, circumstances: string, goodsValue = 4000) {
  return (rs: RuleSet) =>
    runFixture(
      {
        path: `fixtures/t/${name}.yaml`,
        text: `name: ${name}
case:
  id: ${name}
  item: A-1
  party: { kind: organization }
  dates: { act: 2025-03-01, discovered: 2025-03-10 }
  facts: { goodsValue: ${goodsValue} }
  circumstances: [${circumstances}]
expect: {}
`,
      },
      [rs],
    );
}

const WIDE = `{ kinds: [fine], fine: { amount: [1000, 50000] }, ${CITE} }`;
const WIDE_TIERS = [T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.7, 1]')];

const CASES: VerifyCase[] = [
  {
    name: 'warns: tiers and the list entry no fixture reaches (one 一般 case)',
    rules: rules(SAMR, { lists: LIST }),
    options: (rs) => ({ fixtures: [fixture('general', '')(rs)] }),
    expect: [
      { code: 'TIER_NOT_EXERCISED', at: 'rules.yaml:8:9', message: 'no fixture exercises tier "light" of item A-1' },
      { code: 'TIER_NOT_EXERCISED', at: 'rules.yaml:10:9', message: 'no fixture exercises tier "heavy" of item A-1' },
      { code: 'LIST_ENTRY_NOT_EXERCISED', at: 'rules.yaml:12:5', message: 'no fixture exercises list entry "E-1"' },
    ],
  },
  {
    name: 'passes: every tier and list entry exercised',
    rules: rules(SAMR, { lists: LIST }),
    options: (rs) => ({
      fixtures: [fixture('general', '')(rs), fixture('lighter', 'eliminatedHarm')(rs), fixture('heavier', 'harmSerious')(rs), fixture('exempt', 'correctedInTime', 50)(rs)],
    }),
    expect: [],
  },
  {
    name: 'passes: a finding kept on purpose with ignore: and a reason',
    index: index('ignore:\n  - { code: FINE_RANGE_TOO_WIDE, reason: 法定幅度一千元至五万元，从轻档不能再窄 }\n'),
    rules: rules(WIDE_TIERS, { statutory: WIDE }),
    expect: [],
  },
  {
    name: 'warns: an ignore: entry for another item does not apply',
    index: index('ignore:\n  - { code: FINE_RANGE_TOO_WIDE, reason: 另一事项, item: B-1 }\n'),
    rules: rules(WIDE_TIERS, { statutory: WIDE }) + rules(SAMR).replace('items:\n', '').replace('code: A-1', 'code: B-1'),
    expect: [{ code: 'FINE_RANGE_TOO_WIDE', at: 'rules.yaml:8:9', message: 'tier "light" of item A-1 allows 1000–15700 yuan' }],
  },
  {
    name: 'fails: ignore: naming a code verify does not produce',
    index: index('ignore:\n  - { code: UNKNOWN_FACT, reason: 不想看 }\n'),
    rules: rules(SAMR),
    expect: [{ code: 'IGNORE_UNKNOWN_CODE', at: 'index.yaml:21:5', message: 'ignore names "UNKNOWN_FACT", which is not a code of a semantic check' }],
  },
  {
    name: 'passes: options.ignore drops a code (the CLI --ignore)',
    rules: rules(WIDE_TIERS, { statutory: WIDE }),
    options: { ignore: ['FINE_RANGE_TOO_WIDE'] },
    expect: [],
  },
];

runCases('verify: fixture coverage and ignores', CASES);

describe('ignore: in index.yaml', () => {
  it('counts what it drops, with the reason on record', () => {
    const rs = load(index('ignore:\n  - { code: FINE_RANGE_TOO_WIDE, reason: 法定幅度本身过宽 }\n'), rules(WIDE_TIERS, { statutory: WIDE }));
    const r = runVerify(rs);
    expect(r.diagnostics).toEqual([]);
    expect(r.ignored.map((i) => [i.diagnostic.code, i.reason])).toEqual([['FINE_RANGE_TOO_WIDE', '法定幅度本身过宽']]);
    expect(rs.ignore?.[0]).toMatchObject({ code: 'FINE_RANGE_TOO_WIDE', at: { line: 21, column: 5 } });
  });

  it('needs a reason, and names a known item', () => {
    const noReason = loadRuleSet([
      { path: 'rules/t/index.yaml', text: index('ignore:\n  - { code: FINE_RANGE_TOO_WIDE }\n') },
      { path: 'rules/t/rules.yaml', text: rules(SAMR) },
    ]);
    expect(noReason.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['SCHEMA_REQUIRED 21:5']);
    const badItem = loadRuleSet([
      { path: 'rules/t/index.yaml', text: index('ignore:\n  - { code: FINE_RANGE_TOO_WIDE, reason: x, item: Z-9 }\n') },
      { path: 'rules/t/rules.yaml', text: rules(SAMR) },
    ]);
    expect(badItem.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['UNKNOWN_ITEM 21:51']);
  });

  it('belongs in index.yaml, not in a topic file', () => {
    const r = loadRuleSet([
      { path: 'rules/t/index.yaml', text: index() },
      { path: 'rules/t/rules.yaml', text: rules(SAMR) + 'ignore: []\n' },
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['RULESET_MISPLACED_KEY']);
  });

  it('does not change the content hash of a rule set without it', () => {
    const a = load(index(), rules(SAMR));
    const b = load(index('ignore:\n  - { code: FINE_RANGE_TOO_WIDE, reason: x }\n'), rules(SAMR));
    expect(a.ignore).toBeUndefined();
    expect(b.hash).not.toBe(a.hash);
    expect(verifyRuleSet(a)).toEqual([]);
  });
});
