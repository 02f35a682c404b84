/**
 * Rule sets of extreme shapes for the limits the bench measures (issue 15,
 * class 9): one item with many tiers chosen by facts, and one file holding
 * many small items. Deterministic; the figures are derived from the statute
 * range of the mini rule set (test/data/mini), not from any published table.
 */

const INDEX = `id: bench-shape
region: { code: "000000", name: 测试 }
title: 测试用裁量基准（规模测试）
issuer: 测试
document: null
version: "1"
effective: { from: 2024-01-01, to: null }
reviewed: 2025-01-01
laws:
  spaqf: { title: 中华人民共和国食品安全法, version: 2021-04-29, articles: 154 }
  xzcff: { title: 中华人民共和国行政处罚法, version: 2021-01-22, articles: 86 }
policy:
  rounding: 100
  hearing: { person: 10000, organization: 100000 }
facts:
  goodsValue: { type: money, label: 货值金额 }
`;

/** One item whose statutory fine is 50,000–100,000 yuan, with `n` tiers by goods value in steps of 1 yuan. */
export function manyTiers(n: number): { path: string; text: string }[] {
  const lines = [
    'items:',
    '  - code: T-1',
    '    name: 测试事项',
    '    violates: [{ law: spaqf, article: 34, item: 10 }]',
    '    penalizedBy: [{ law: spaqf, article: 124, paragraph: 1, item: 5 }]',
    '    statutory:',
    '      kinds: [fine]',
    '      fine: { amount: [50000, 100000] }',
    '    tiers:',
  ];
  for (let i = 0; i < n; i++) {
    const lo = i;
    const cond =
      i === n - 1
        ? `{ fact: goodsValue, operator: greaterThanInclusive, value: ${lo} }`
        : `{ all: [{ fact: goodsValue, operator: greaterThanInclusive, value: ${lo} }, { fact: goodsValue, operator: lessThan, value: ${lo + 1} }] }`;
    const a = 50000 + Math.floor((50000 * i) / n);
    lines.push(`      - { id: t${i}, when: ${cond}, amount: [${a}, ${a}], cites: [{ law: spaqf, article: 124, paragraph: 1 }] }`);
  }
  return [
    { path: 'shape/index.yaml', text: INDEX },
    { path: 'shape/food.yaml', text: lines.join('\n') + '\n' },
  ];
}

/** `n` small items in one file, one line each (about 190 bytes: 150,000 make a 28 MB file). */
export function manyItems(n: number): { path: string; text: string }[] {
  const lines = ['items:'];
  for (let i = 0; i < n; i++)
    lines.push(`  - {code: I${i}, name: 事项, violates: [{law: s, article: 34}], penalizedBy: [{law: s, article: 124}], statutory: {kinds: [fine], fine: {upTo: 1000}}, tiers: [{id: g, grade: general}]}`);
  return [
    { path: 'shape/index.yaml', text: INDEX.replace('  spaqf: {', '  s: {') },
    { path: 'shape/items.yaml', text: lines.join('\n') + '\n' },
  ];
}
