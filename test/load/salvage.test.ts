import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';

// verify reports everything it can in one run: when a file fails the schema,
// the parts of it that pass alone still go through the reference checks, so an
// out-of-range article next to a misspelt key shows up now, not on the next run.

const INDEX = `id: cn-xx-demo
region: { code: "430000", name: 示例省 }
title: 示例
issuer: 示例局
version: "1"
effective: { from: 2024-01-01 }
laws:
  spaqf: { title: 中华人民共和国食品安全法, version: 2021-04-29, articles: 154 }
`;

const ITEM_OK = (code: string, article: number) => `  - code: ${code}
    name: 甲
    field: 食品安全
    violates: [{ law: spaqf, article: ${article} }]
    penalizedBy: [{ law: spaqf, article: 124 }]
    statutory: { kinds: [fine], fine: { amount: [5000, 50000] } }
    tiers:
      - { id: t, label: 一般, grade: general, share: [0, 1], cites: [{ law: nolaw, article: 1 }] }
`;

const TOPIC = `facts:
  goodsValue: { type: money }
  badFact: { type: mony }
items:
  - code: A-2
    name: 乙
    field: 食品安全
    wrongKey: 1
${ITEM_OK('A-1', 999)}lists:
  - id: l1
    kind: exempt
    basis: minor
    title: x
    items: [A-2, A-9]
    when: { all: [{ fact: badFact, operator: equal, value: 1 }, { fact: zzz, operator: equal, value: 1 }] }
    cites: [{ law: spaqf, article: 1 }]
    source: { document: 示例, date: 2024-01-01 }
`;

const load = (topic: string, index = INDEX) =>
  loadRuleSet([
    { path: 'rules/demo/index.yaml', text: index },
    { path: 'rules/demo/food.yaml', text: topic },
  ]);
const lines = (r: ReturnType<typeof load>) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);

describe('a rule file with schema errors', () => {
  it('also gets the reference checks of its parts that pass the schema, at their own lines', () => {
    const r = load(TOPIC);
    expect(r.ruleSet).toBeUndefined();
    const got = lines(r);
    // Schema errors, as before.
    expect(got).toContain('3:12 SCHEMA_VALUE');
    expect(got).toContain('8:5 SCHEMA_UNKNOWN_KEY');
    // And, in the same run, the item written second (the first failed the schema): its article and tier citation.
    expect(got).toContain('12:39 ARTICLE_OUT_OF_RANGE');
    expect(got).toContain('16:75 UNKNOWN_LAW');
    // The list entry: a fact and an item that exist nowhere.
    expect(got).toContain('22:18 UNKNOWN_ITEM');
    expect(r.diagnostics.find((d) => d.code === 'UNKNOWN_ITEM')?.message).toBe('unknown item "A-9"');
    expect(r.diagnostics.filter((d) => d.code === 'UNKNOWN_FACT').map((d) => d.message)).toEqual(['fact "zzz" is not declared']);
  });

  it('does not report the parts left out as missing (the item and fact with schema errors)', () => {
    const messages = load(TOPIC).diagnostics.map((d) => d.message);
    expect(messages).not.toContain('unknown item "A-2"');
    expect(messages).not.toContain('fact "badFact" is not declared');
  });

  it('an index.yaml whose own fields pass gets its items checked too; one whose own fields fail stops there', () => {
    const index = INDEX + 'items:\n' + ITEM_OK('B-1', 500) + '  - { code: B-2 }\n';
    const r = load('facts: {}\n', index);
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['ARTICLE_OUT_OF_RANGE', 'UNKNOWN_LAW', 'SCHEMA_REQUIRED']));
    const broken = load(TOPIC, index.replace('version: "1"\n', ''));
    expect(broken.diagnostics.map((d) => d.code)).not.toContain('ARTICLE_OUT_OF_RANGE');
    expect(broken.diagnostics.map((d) => d.code)).toContain('SCHEMA_REQUIRED');
  });

  it('a clean rule set loads as before', () => {
    const r = load(`facts:\n  goodsValue: { type: money }\nitems:\n${ITEM_OK('A-1', 34).replace('nolaw', 'spaqf')}`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ruleSet?.items.map((i) => i.code)).toEqual(['A-1']);
  });
});
