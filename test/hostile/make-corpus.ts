// Writes the committed hostile corpus: test/hostile/rules/<name>/ (rule-set
// folders made from test/data/mini) and test/hostile/cases/<name>.yaml. Every
// input must be refused (diagnostics, no rule set / no disposition); the script
// says which are not. Run: npx tsx test/hostile/make-corpus.ts
// Inputs too large to commit (50 MB, 100,000s of problems) are made by
// hostile.test.ts itself.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';
import { loadRuleSetDir } from '../../src/node/index.js';
import { HOSTILE, readFolder, ROOT } from './harness.js';
import { Rng } from './mutate.js';

const MINI = join(ROOT, 'test/data/mini');
const INDEX = readFileSync(join(MINI, 'index.yaml'), 'utf8');
const FOOD = readFileSync(join(MINI, 'food.yaml'), 'utf8');

type Text = string | Uint8Array;
const rules: Record<string, { index?: Text; food?: Text; extra?: Record<string, Text> }> = {};
const cases: Record<string, Text> = {};

const sub = (text: string, from: string | RegExp, to: string) => {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`no match for ${String(from)}`);
  return out;
};
const food = (from: string | RegExp, to: string) => sub(FOOD, from, to);
const index = (from: string | RegExp, to: string) => sub(INDEX, from, to);
const rng = new Rng(20261122);
const bytes = (n: number) => Uint8Array.from({ length: n }, () => rng.int(256));
const billion = (depth: number) =>
  ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: depth - 1 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(',')}]`)].join('\n');

// ── deleted lines ────────────────────────────────────────────────────────
const foodLines = FOOD.split('\n');
for (const [name, at] of [['code', 'code: T-1'], ['name', 'name: 测试事项'], ['violates', 'violates:'], ['statutory', 'statutory:'], ['tiers', 'tiers:'], ['list-kind', 'kind: exempt'], ['branch-when', "when: { all: [{ fact: goodsValue, operator: lessThan"]] as const) {
  const i = foodLines.findIndex((l) => l.includes(at));
  rules[`deleted-line-${name}`] = { food: [...foodLines.slice(0, i), ...foodLines.slice(i + 1)].join('\n') };
}
const indexLines = INDEX.split('\n');
for (const key of ['id:', 'laws:', 'effective:', 'region:']) {
  const i = indexLines.findIndex((l) => l.startsWith(key));
  rules[`deleted-index-line-${key.slice(0, -1)}`] = { index: [...indexLines.slice(0, i), ...indexLines.slice(i + 1)].join('\n') };
}

// ── swapped types ────────────────────────────────────────────────────────
Object.assign(rules, {
  'swapped-items-mapping': { food: food('items:\n  - code: T-1', 'items:\n  code: T-1') },
  'swapped-name-list': { food: food('name: 测试事项', 'name: [测试, 事项]') },
  'swapped-amount-string': { food: food('amount: [50000, 100000]', 'amount: "50000-100000"') },
  'swapped-amount-scalars': { food: food('amount: [50000, 100000]', 'amount: 50000') },
  'swapped-article-bool': { food: food('article: 34', 'article: true') },
  'swapped-when-list': { food: food("when: { all: [{ fact: goodsValue, operator: lessThan, value: 10000 }] }", 'when: [goodsValue, lessThan, 10000]') },
  'swapped-tiers-string': { food: food(/tiers:\n(\s+- .*\n)+/, 'tiers: light\n') },
  'swapped-kinds-number': { food: food('kinds: [fine, confiscateGains]', 'kinds: 3') },
  'swapped-condition-value-list': { food: food('operator: lessThanInclusive, value: 500', 'operator: lessThanInclusive, value: [500]') },
  'swapped-share-strings': { food: food('share: [0, 0.3]', 'share: ["0", "30%"]') },
  'swapped-policy-list': { index: index('policy:\n  rounding: 100', 'policy:\n  - rounding: 100') },
  'swapped-laws-list': { index: index(/laws:\n/, 'laws:\n  - x\n') },
  'swapped-effective-string': { index: index('effective: { from: 2024-01-01, to: null }', 'effective: 2024-01-01') },
  'swapped-version-number-list': { index: index('version: "1"', 'version: [1]') },
  'swapped-region-code-number': { index: index('code: "000000"', 'code: 0') },
  'swapped-facts-list': { index: index('facts:\n  goodsValue: { type: money, label: 货值金额 }', 'facts:\n  - goodsValue') },
  'swapped-fact-type-unknown': { index: index('type: money', 'type: currency') },
  'swapped-whole-file-scalar': { food: '42\n' },
  'swapped-whole-file-list': { food: '- items\n- lists\n' },
  'swapped-index-scalar': { index: '"index"\n' },
});

// ── truncated files ─────────────────────────────────────────────────────
for (const share of [0.1, 0.25, 0.5, 0.75, 0.9]) rules[`truncated-food-${share * 100}pct`] = { food: FOOD.slice(0, Math.floor(FOOD.length * share)) };
for (const share of [0.3, 0.6]) rules[`truncated-index-${share * 100}pct`] = { index: INDEX.slice(0, Math.floor(INDEX.length * share)) };
rules['truncated-mid-utf8'] = { food: new TextEncoder().encode(FOOD).slice(0, new TextEncoder().encode(FOOD.slice(0, FOOD.indexOf('测试事项') + 1)).length - 1) };

// ── random bytes ─────────────────────────────────────────────────────────
Object.assign(rules, {
  'random-bytes-food': { food: bytes(2048) },
  'random-bytes-index': { index: bytes(512) },
  'random-bytes-in-food': { food: Uint8Array.from([...new TextEncoder().encode(FOOD.slice(0, 200)), ...bytes(64), ...new TextEncoder().encode(FOOD.slice(200))]) },
  'nul-bytes': { food: FOOD.replace('测试事项', '测试\u0000事项').replace('code: T-1', 'code: T-\u00001') },
  'utf16-file': { food: Uint8Array.from([0xff, 0xfe, ...[...FOOD].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]) },
  'gbk-file': { food: Uint8Array.from([...new TextEncoder().encode('items:\n  - code: A\n    name: '), 0xb2, 0xe2, 0xca, 0xd4, 0x0a]) },
  'lone-surrogate-escape': { food: food('name: 测试事项', 'name: "\\uD800"').replace('code: T-1', 'code: "T-1\\uDFFF"') },
  'control-characters': { food: food('name: 测试事项', 'name: "\\x07\\x1b[31m\\r"').replace('code: T-1', 'code: "\\x1b[2J"') },
});

// ── huge numbers, NaN, Infinity ─────────────────────────────────────────
Object.assign(rules, {
  'huge-amount': { food: food('amount: [50000, 100000]', 'amount: [1e300, 1e308]') },
  'huge-article': { food: food('article: 34', 'article: 1e20') },
  'huge-unsafe-integer': { food: food('amount: [50000, 100000]', 'amount: [9007199254740993, 9007199254740995]') },
  'huge-bigint-literal': { food: food('amount: [50000, 100000]', 'amount: [50000, 123456789012345678901234567890]') },
  'huge-multiple': { food: food('range: [10, 20]', 'range: [10, 1e300]') },
  'huge-share': { food: food('share: [0, 0.3]', 'share: [0, 1e10]') },
  'huge-rounding': { index: index('rounding: 100', 'rounding: 1e15') },
  'huge-condition-value': { food: food('value: 10000 }', 'value: 1e300 }') },
  'nan-amount': { food: food('amount: [50000, 100000]', 'amount: [.nan, 100000]') },
  'nan-share': { food: food('share: [0, 0.3]', 'share: [.NaN, 0.3]') },
  'nan-condition-value': { food: food('value: 10000 }', 'value: .nan }') },
  'infinity-upto': { food: food('amount: [50000, 100000]', 'upTo: .inf') },
  'infinity-multiple': { food: food('range: [10, 20]', 'range: [-.inf, .inf]') },
  'infinity-article': { food: food('article: 34', 'article: .inf') },
  'infinity-split': { index: index('rounding: 100', 'rounding: 100\n  split: [-.inf, .inf]') },
});

// ── dates ────────────────────────────────────────────────────────────────
for (const d of ['2025-02-30', '0000-01-01', '9999-12-31', '2023-02-29', '2025-13-01', '2025-1-1', '2025-01-01T00:00:00Z', '20250101', '1899-12-31'])
  rules[`date-effective-${d.replace(/[^0-9a-z]/gi, '')}`] = { index: index('from: 2024-01-01', `from: ${d}`) };
rules['date-law-version-0000'] = { index: index('version: 2021-04-29', 'version: 0000-01-01') };
rules['date-effective-inverted'] = { index: index('effective: { from: 2024-01-01, to: null }', 'effective: { from: 2024-01-01, to: 2023-01-01 }\nfoo: 1') };

// ── negative amounts ─────────────────────────────────────────────────────
Object.assign(rules, {
  'negative-amount': { food: food('amount: [50000, 100000]', 'amount: [-100, 5000]') },
  'negative-upto': { food: food('amount: [50000, 100000]', 'upTo: -1') },
  'negative-reduced-floor': { index: index('rounding: 100', 'rounding: 100\n  reducedFloor: -5') },
  'negative-rounding': { index: index('rounding: 100', 'rounding: -100') },
  'negative-condition-money': { food: food('value: 500 }', 'value: -1 }') },
  'negative-multiple': { food: food('range: [10, 20]', 'range: [-10, 20]') },
  'negative-share': { food: food('share: [0, 0.3]', 'share: [-0.3, 0]') },
  'negative-article': { food: food('article: 34', 'article: -34') },
});

// ── deep nesting ─────────────────────────────────────────────────────────
Object.assign(rules, {
  'deep-flow-10000': { food: 'items: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n' },
  'deep-flow-maps-10000': { food: 'items: ' + '{a: '.repeat(10000) + '1' + '}'.repeat(10000) + '\n' },
  'deep-not-10000': { food: food("when: { all: [{ fact: goodsValue, operator: lessThan, value: 10000 }] }", 'when: ' + '{ not: '.repeat(10000) + '{ fact: goodsValue, operator: lessThan, value: 10000 }' + ' }'.repeat(10000)) },
  'deep-block-200': { food: Array.from({ length: 200 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n' },
  'deep-block-list-200': { food: Array.from({ length: 200 }, (_, i) => ' '.repeat(2 * i) + '-').join('\n') + ' 1\n' },
  'deep-condition-65': { food: food("when: { all: [{ fact: goodsValue, operator: lessThan, value: 10000 }] }", 'when: ' + '{ all: [ '.repeat(65) + '{ fact: goodsValue, operator: lessThan, value: 10000 }' + ' ] }'.repeat(65)) },
});

// ── aliases ──────────────────────────────────────────────────────────────
Object.assign(rules, {
  'alias-billion-laughs': { food: billion(9) + '\nitems: *a8\n' },
  'alias-quadratic': { food: `a: &a ["${'x'.repeat(1000)}"]\nitems: [${Array(2000).fill('*a').join(', ')}]\n` },
  'alias-self-reference': { food: 'items: &a [*a]\n' },
  'alias-undefined': { food: 'items: *nothing\n' },
  'alias-merge-key': { food: food('    name: 测试事项', '    <<: { name: 测试事项 }') },
  'alias-in-index': { index: INDEX + billion(8) + '\n' },
});

// ── __proto__ and friends ───────────────────────────────────────────────
Object.assign(rules, {
  'proto-top': { food: FOOD + '__proto__: { polluted: true }\n' },
  'proto-quoted': { food: FOOD + '"__proto__": { polluted: true }\n' },
  'proto-in-facts': { index: index('facts:\n', 'facts:\n  __proto__: { type: money, polluted: true }\n') },
  'proto-in-condition': { food: food('{ fact: goodsValue, operator: lessThan, value: 10000 }', '{ fact: goodsValue, operator: lessThan, value: 10000, __proto__: { polluted: true } }') },
  'proto-constructor-prototype': { food: FOOD + 'constructor: { prototype: { polluted: true } }\n' },
  'proto-as-fact-name': { food: food('{ fact: goodsValue, operator: lessThanInclusive, value: 500 }', '{ fact: __proto__, operator: lessThanInclusive, value: 500 }') },
  'proto-as-value': { food: food('code: T-1', 'code: __proto__') },
  'proto-complex-key': { food: FOOD + '? __proto__\n: { polluted: true }\n' },
  'proto-in-laws': { index: index('laws:\n', 'laws:\n  __proto__: { title: x, version: 2020-01-01 }\n') },
  'proto-valuelabels': { index: index('goodsValue: { type: money, label: 货值金额 }', 'stage: { type: enum, values: [a], valueLabels: { __proto__: x } }') },
  'toString-as-fact': { food: food('{ fact: goodsValue, operator: lessThanInclusive, value: 500 }', '{ fact: toString, operator: equal, value: true }') },
  'hasOwnProperty-circumstance': { food: food('{ fact: correctedInTime, operator: equal, value: true }', '{ fact: hasOwnProperty, operator: equal, value: true }') },
});

// ── YAML oddities ────────────────────────────────────────────────────────
Object.assign(rules, {
  'yaml-tab-indent': { food: FOOD.replace(/\n {4}name/, '\n\t\tname') },
  'yaml-duplicate-key': { food: food('    name: 测试事项\n', '    name: 测试事项\n    name: 另一个\n') },
  'yaml-number-string-key-collision': { index: index('laws:\n', 'laws:\n  1: { title: 甲, version: 2020-01-01 }\n  "1": { title: 乙, version: 2020-01-01 }\n  bad: 1\n') },
  'yaml-two-documents': { food: FOOD + '---\nitems: []\n' },
  'yaml-js-function': { food: 'items: !!js/function "function () { return process.exit(1) }"\n' },
  'yaml-js-regexp': { food: 'items: !!js/regexp /x/\n' },
  'yaml-binary': { food: food('name: 测试事项', 'name: !!binary aGVsbG8=') },
  'yaml-set': { food: food('kinds: [fine, confiscateGains]', 'kinds: !!set { fine, confiscateGains }') },
  'yaml-omap': { food: 'items: !!omap [ a: 1 ]\n' },
  'yaml-timestamp': { index: index('from: 2024-01-01', 'from: !!timestamp 2024-01-01') },
  'yaml-include': { food: 'items:\n  - !include other.yaml\n' },
  'yaml-directive-1-1': { food: '%YAML 1.1\n---\n' + FOOD.replace('kind: exempt', 'kind: yes') },
  'yaml-tag-directive': { food: '%TAG !e! tag:evil.example,2000:\n---\nitems: !e!thing x\n' },
  'yaml-complex-key': { food: '? [a, b]\n: c\n' },
  'yaml-unclosed-quote': { food: food('name: 测试事项', 'name: "测试事项') },
  'yaml-unclosed-flow': { food: food('kinds: [fine, confiscateGains]', 'kinds: [fine, confiscateGains') },
  'yaml-bad-indent': { food: FOOD.replace('    name: 测试事项', '      name: 测试事项') },
  'yaml-empty-index': { index: '' },
  'yaml-comments-only-index': { index: '# nothing here\n# at all\n' },
  'yaml-null-index': { index: '~\n' },
  'yaml-block-scalar-junk': { food: food('name: 测试事项', 'name: |\n  a\n b') },
  'yaml-long-line': { food: food('name: 测试事项', 'name: ' + 'x'.repeat(100_000)) },
  'yaml-many-problems': { food: 'items: [' + Array(5000).fill('1').join(', ') + ']\n' },
  'no-index': { index: undefined as unknown as string },
  'two-indexes': { extra: { 'index.yml': INDEX } },
});

// ── references and semantics ────────────────────────────────────────────
Object.assign(rules, {
  'unknown-operator': { food: food('operator: lessThan, value: 10000', 'operator: between, value: 10000') },
  'jsonpath-in-condition': { food: food('{ fact: goodsValue, operator: lessThan, value: 10000 }', '{ fact: goodsValue, path: "$..x", operator: lessThan, value: 10000 }') },
  'empty-any': { food: food("when: { all: [{ fact: goodsValue, operator: lessThan, value: 10000 }] }", 'when: { any: [] }') },
  'condition-all-and-any': { food: food("when: { all: [{ fact: goodsValue, operator: lessThan, value: 10000 }] }", 'when: { all: [{ fact: goodsValue, operator: lessThan, value: 10000 }], any: [] }') },
  'tier-unknown-branch': { food: food('branch: small, share: [0, 0.3]', 'branch: tiny, share: [0, 0.3]') },
  'list-unknown-item': { food: food('items: [T-1]', 'items: [T-2]') },
  'multiple-of-count': { food: food('of: goodsValue', 'of: days') },
  'multiple-of-unknown': { food: food('of: goodsValue', 'of: gains') },
  'duplicate-tier': { food: food("{ id: mid, grade: general", "{ id: light, grade: general") },
  'duplicate-branch': { food: food('id: large', 'id: small') },
  'inverted-range': { food: food('amount: [50000, 100000]', 'amount: [100000, 50000]') },
  'unknown-law': { food: food('law: spaqf, article: 34', 'law: nolaw, article: 34') },
  'article-out-of-range': { food: food('article: 34', 'article: 999') },
  'fact-redeclared': { food: food('      days: count', '      goodsValue: count') },
  'unknown-circumstance-fineonlyif': { food: food('kinds: [fine, confiscateGains]', 'kinds: [fine, confiscateGains]\n      fineOnlyIf: refusedToCorect') },
  'branch-when-and-otherwise': { food: food('          otherwise: true', '          otherwise: true\n          when: { fact: goodsValue, operator: greaterThan, value: 1 }') },
  'lookback-not-duration': { food: food('window: P2Y', 'window: 2 years') },
  'lookback-negative': { food: food('window: P2Y', 'window: P-2Y') },
});

// ── cases ────────────────────────────────────────────────────────────────
const CASE = `id: hostile-1
item: T-1
party: { kind: organization }
dates: { act: 2025-03-01, discovered: 2025-03-10, decision: 2025-04-01 }
facts: { goodsValue: 4000, days: 3 }
circumstances: [harmSerious]
history: [{ item: T-1, date: 2022-05-01 }]
`;
const c = (from: string | RegExp, to: string) => sub(CASE, from, to);
const caseLines = CASE.split('\n');
for (let i = 0; i < 4; i++) cases[`mini-deleted-line-${i + 1}`] = [...caseLines.slice(0, i), ...caseLines.slice(i + 1)].join('\n');
Object.assign(cases, {
  'mini-swapped-party-string': c('party: { kind: organization }', 'party: organization'),
  'mini-swapped-dates-list': c('dates: { act: 2025-03-01, discovered: 2025-03-10, decision: 2025-04-01 }', 'dates: [2025-03-01, 2025-03-10]'),
  'mini-swapped-facts-list': c('facts: { goodsValue: 4000, days: 3 }', 'facts: [goodsValue, 4000]'),
  'mini-swapped-item-number': c('item: T-1', 'item: 1'),
  'mini-swapped-items-empty': c('item: T-1', 'items: []'),
  'mini-swapped-circumstances-map': c('circumstances: [harmSerious]', 'circumstances: { harmSerious: true }'),
  'mini-swapped-history-string': c('history: [{ item: T-1, date: 2022-05-01 }]', 'history: 2022-05-01'),
  'mini-swapped-money-string': c('goodsValue: 4000', 'goodsValue: "4000元"'),
  'mini-swapped-count-float': c('days: 3', 'days: 3.5'),
  'mini-swapped-age-float': c('party: { kind: organization }', 'party: { kind: person, age: 14.5 }'),
  'mini-truncated-half': CASE.slice(0, CASE.length / 2),
  'mini-truncated-in-flow': CASE.slice(0, CASE.indexOf('discovered')),
  'mini-random-bytes': bytes(1024),
  'mini-nul-bytes': c('id: hostile-1', 'id: "hostile\\u0000-1"') + '\u0000\n',
  'mini-huge-money': c('goodsValue: 4000', 'goodsValue: 1e300'),
  'mini-huge-age': c('party: { kind: organization }', 'party: { kind: person, age: 1e20 }'),
  'mini-huge-count': c('days: 3', 'days: 9007199254740993'),
  'mini-huge-id': c('id: hostile-1', 'id: ' + '9'.repeat(400)),
  'mini-nan-money': c('goodsValue: 4000', 'goodsValue: .nan'),
  'mini-infinity-money': c('goodsValue: 4000', 'goodsValue: .inf'),
  'mini-infinity-count': c('days: 3', 'days: -.inf'),
  'mini-date-feb-30': c('act: 2025-03-01', 'act: 2025-02-30'),
  'mini-date-0000': c('act: 2025-03-01', 'act: 0000-01-01'),
  'mini-date-9999': c('decision: 2025-04-01', 'decision: 9999-12-31') + 'unknownKey: 1\n',
  'mini-date-discovered-before-act': c('discovered: 2025-03-10', 'discovered: 2025-02-10'),
  'mini-date-number': c('act: 2025-03-01', 'act: 20250301'),
  'mini-date-timestamp': c('act: 2025-03-01', 'act: 2025-03-01T00:00:00+14:00'),
  'mini-date-history-invalid': c('date: 2022-05-01', 'date: 2022-02-29'),
  'mini-negative-money': c('goodsValue: 4000', 'goodsValue: -4000'),
  'mini-negative-age': c('party: { kind: organization }', 'party: { kind: person, age: -1 }'),
  'mini-negative-count': c('days: 3', 'days: -3'),
  'mini-money-three-decimals': c('goodsValue: 4000', 'goodsValue: 4000.005'),
  'mini-deep-flow-10000': c('facts: { goodsValue: 4000, days: 3 }', 'facts: ' + '['.repeat(10000) + ']'.repeat(10000)),
  'mini-deep-facts-100': c('facts: { goodsValue: 4000, days: 3 }', 'facts: ' + '{a: '.repeat(100) + '1' + '}'.repeat(100)),
  'mini-alias-bomb': billion(9) + '\n' + CASE,
  'mini-proto-top': CASE + '__proto__: { polluted: true }\n',
  'mini-proto-facts': c('facts: { goodsValue: 4000, days: 3 }', 'facts: { goodsValue: 4000, __proto__: { polluted: true } }'),
  'mini-constructor-fact': c('facts: { goodsValue: 4000, days: 3 }', 'facts: { goodsValue: 4000, constructor: 1 }'),
  'mini-proto-circumstance': c('circumstances: [harmSerious]', 'circumstances: [__proto__, toString, hasOwnProperty]'),
  'mini-toString-fact': c('facts: { goodsValue: 4000, days: 3 }', 'facts: { goodsValue: 4000, toString: 1, valueOf: 2 }'),
  'mini-unknown-item': c('item: T-1', 'item: T-2'),
  'mini-unknown-fact': c('days: 3', 'dayz: 3'),
  'mini-unknown-circumstance': c('harmSerious', 'harmSevere'),
  'mini-item-and-items': c('item: T-1', 'item: T-1\nitems: [T-1]'),
  'mini-unknown-ruleset': c('id: hostile-1', 'id: hostile-1\nruleSet: no-such-rules'),
  'mini-json-syntax-error': '{"id": "x", "item": "T-1", "party": {"kind": "organization"},, }',
  'mini-empty': '',
  'mini-list': '- id: x\n- item: T-1\n',
  'mini-scalar': 'hello\n',
  'mini-two-documents': CASE + '---\n' + CASE,
  'mini-tab-indent': 'id: x\nparty:\n\tkind: person\n',
  'mini-duplicate-key': CASE + 'id: again\n',
  'mini-js-tag': c('id: hostile-1', 'id: !!js/function "f(){}"'),
  'mini-utf16': Uint8Array.from([0xff, 0xfe, ...[...CASE].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]),
  'food-unknown-stage': readFileSync(join(ROOT, 'fixtures/cn-samr-food/age-14-unlicensed-sale-lighter.yaml'), 'utf8')
    .replace(/^(?!case:|  ).*\n/gm, '')
    .replace(/^case:\n/m, '')
    .replace(/^ {2}/gm, '')
    .replace('businessStage: sale', 'businessStage: wholesale'),
});

// ── write and check ─────────────────────────────────────────────────────
for (const sub of ['rules', 'cases']) rmSync(join(HOSTILE, sub), { recursive: true, force: true });
const mini = loadRuleSet(readFolder(MINI)).ruleSet!;
const food2 = (await loadRuleSetDir(join(ROOT, 'rules/cn-samr-food'))).ruleSet;
const catalog: RuleSet[] = [mini, ...(food2 ? [food2] : [])];
let accepted = 0;
for (const [name, r] of Object.entries(rules)) {
  const dir = join(HOSTILE, 'rules', name);
  mkdirSync(dir, { recursive: true });
  if (!('index' in r) || r.index !== undefined) writeFileSync(join(dir, 'index.yaml'), r.index ?? INDEX);
  writeFileSync(join(dir, 'food.yaml'), r.food ?? FOOD);
  for (const [n, t] of Object.entries(r.extra ?? {})) writeFileSync(join(dir, n), t);
  if (loadRuleSet(readFolder(dir)).ruleSet) {
    accepted++;
    console.log(`accepted (not hostile enough): rules/${name}`);
  }
}
mkdirSync(join(HOSTILE, 'cases'), { recursive: true });
for (const [name, text] of Object.entries(cases)) {
  const path = join(HOSTILE, 'cases', `${name}.yaml`);
  writeFileSync(path, text);
  if (evaluateInCatalog(catalog, { path, text: new Uint8Array(readFileSync(path)) }).disposition) {
    accepted++;
    console.log(`accepted (not hostile enough): cases/${name}`);
  }
}
console.log(`${Object.keys(rules).length} rule sets, ${Object.keys(cases).length} cases, ${accepted} accepted`);
