import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { SourceInput } from '../../src/load/source.js';
import { miniFiles, withFile } from '../helpers.js';

/**
 * Bad rule files and the diagnostic each must produce: code, file, line and
 * column (ESLint RuleTester style). Every case also must not throw.
 */

const ITEM = (extra = '', statutory = '{ kinds: [fine], fine: { amount: [2000, 5000] } }') => `items:
  - code: A-1
    name: 测试
    violates: [{ law: spaqf, article: 34 }]
    penalizedBy: [{ law: spaqf, article: 124 }]
    statutory: ${statutory}
    tiers:
      - { id: t1, grade: general }
${extra}`;

const LIST = (entry: string) =>
  ITEM() +
  `lists:
  - id: E-1
    kind: exempt
    basis: minor
    items: [A-1]
${entry}    cites: [{ law: xzcff, article: 33, paragraph: 1 }]
    source: { document: 测试 }
`;

const TIER_WHEN = (cond: string) =>
  ITEM().replace('      - { id: t1, grade: general }', `      - id: t1\n        grade: general\n        when: ${cond}`);

interface Case {
  name: string;
  /** Files replacing the mini rule set's (by name), or a full list. */
  files: Record<string, string | Uint8Array> | SourceInput[];
  expect: { code: string; file?: string; line: number; column: number };
}

const F = 'test/data/mini/food.yaml';
const I = 'test/data/mini/index.yaml';

const billion = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
items: *h
`;

const CASES: Case[] = [
  { name: 'tab used for indentation', files: { 'food.yaml': 'items:\n\t- code: x\n' }, expect: { code: 'YAML_TAB_INDENT', line: 2, column: 1 } },
  {
    name: 'duplicate key in one mapping',
    files: { 'food.yaml': ITEM().replace('    name: 测试\n', '    name: 测试\n    name: 又一个\n') },
    expect: { code: 'YAML_DUPLICATE_KEY', line: 4, column: 5 },
  },
  { name: 'unclosed flow sequence', files: { 'food.yaml': 'items: [\n  { code: x\n' }, expect: { code: 'YAML_SYNTAX', line: 3, column: 1 } },
  { name: 'js/function tag', files: { 'food.yaml': 'items: !!js/function "function(){}"\n' }, expect: { code: 'YAML_UNKNOWN_TAG', line: 1, column: 8 } },
  { name: 'custom local tag', files: { 'food.yaml': 'items:\n  - !include other.yaml\n' }, expect: { code: 'YAML_UNKNOWN_TAG', line: 2, column: 5 } },
  { name: 'billion-laughs alias bomb', files: { 'food.yaml': billion }, expect: { code: 'YAML_ALIAS_LIMIT', line: 6, column: 8 } },
  {
    name: '10,000-deep flow nesting',
    files: { 'food.yaml': 'items: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n' },
    expect: { code: 'YAML_TOO_DEEP', line: 1, column: 72 },
  },
  {
    name: '100-deep block mappings',
    files: { 'food.yaml': Array.from({ length: 100 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n' },
    expect: { code: 'YAML_TOO_DEEP', line: 66, column: 66 },
  },
  { name: '__proto__ key', files: { 'food.yaml': 'items: []\n__proto__: { polluted: true }\n' }, expect: { code: 'FORBIDDEN_KEY', line: 2, column: 1 } },
  {
    name: 'constructor key inside an item',
    files: { 'food.yaml': ITEM().replace('    name: 测试\n', '    name: 测试\n    constructor: x\n') },
    expect: { code: 'FORBIDDEN_KEY', line: 4, column: 5 },
  },
  {
    name: 'non-UTF-8 bytes (GBK text)',
    files: { 'food.yaml': Uint8Array.from([...Buffer.from('items:\n  - code: A\n    name: '), 0xb2, 0xe2, 0xca, 0xd4, 0x0a]) },
    expect: { code: 'FILE_NOT_UTF8', line: 3, column: 11 },
  },
  {
    name: '50 MB file',
    files: { 'food.yaml': '# ' + 'x'.repeat(50 * 1024 * 1024) + '\n' },
    expect: { code: 'FILE_TOO_LARGE', line: 1, column: 1 },
  },
  { name: 'two YAML documents in one file', files: { 'food.yaml': 'items: []\n---\nlists: []\n' }, expect: { code: 'YAML_MULTIPLE_DOCUMENTS', line: 2, column: 1 } },
  {
    name: 'item without name',
    files: { 'food.yaml': ITEM().replace('    name: 测试\n', '') },
    expect: { code: 'SCHEMA_REQUIRED', line: 2, column: 5 },
  },
  {
    name: 'misspelt key',
    files: { 'food.yaml': ITEM().replace('    name: 测试\n', '    name: 测试\n    nmae: 测试\n') },
    expect: { code: 'SCHEMA_UNKNOWN_KEY', line: 4, column: 5 },
  },
  {
    name: 'article written as text',
    files: { 'food.yaml': ITEM().replace('article: 34 }', 'article: 三十四 }') },
    expect: { code: 'SCHEMA_TYPE', line: 4, column: 39 },
  },
  {
    name: 'tiers as a mapping',
    files: { 'food.yaml': ITEM().replace('    tiers:\n      - { id: t1, grade: general }', '    tiers: { id: t1 }') },
    expect: { code: 'SCHEMA_TYPE', line: 7, column: 12 },
  },
  {
    name: 'unknown grade',
    files: { 'food.yaml': ITEM().replace('grade: general', 'grade: medium') },
    expect: { code: 'SCHEMA_VALUE', line: 8, column: 26 },
  },
  {
    name: 'effective date 2025-02-30',
    files: { 'index.yaml': '' },
    expect: { code: 'INVALID_DATE', file: I, line: 8, column: 20 },
  },
  {
    name: 'look-back window not a duration',
    files: { 'food.yaml': LIST('    lookBack: { window: 2Y }\n') },
    expect: { code: 'INVALID_DURATION', line: 14, column: 25 },
  },
  {
    name: 'negative fine',
    files: { 'food.yaml': ITEM('', '{ kinds: [fine], fine: { amount: [-100, 5000] } }') },
    expect: { code: 'MONEY_NEGATIVE', line: 6, column: 50 },
  },
  {
    name: 'fine with three decimals',
    files: { 'food.yaml': ITEM('', '{ kinds: [fine], fine: { amount: [100.555, 5000] } }') },
    expect: { code: 'MONEY_PRECISION', line: 6, column: 50 },
  },
  {
    name: 'range minimum above maximum',
    files: { 'food.yaml': ITEM('', '{ kinds: [fine], fine: { amount: [5000, 2000] } }') },
    expect: { code: 'RANGE_INVERTED', line: 6, column: 49 },
  },
  {
    name: 'fine amount NaN',
    files: { 'food.yaml': ITEM('', '{ kinds: [fine], fine: { upTo: .nan } }') },
    expect: { code: 'SCHEMA_TYPE', line: 6, column: 47 },
  },
  {
    name: 'fine amount infinite',
    files: { 'food.yaml': ITEM('', '{ kinds: [fine], fine: { upTo: .inf } }') },
    expect: { code: 'SCHEMA_TYPE', line: 6, column: 47 },
  },
  {
    name: 'fine amount astronomically large',
    files: { 'food.yaml': ITEM('', '{ kinds: [fine], fine: { upTo: 1e300 } }') },
    expect: { code: 'MONEY_TOO_LARGE', line: 6, column: 47 },
  },
  {
    name: 'duplicate item code',
    files: { 'food.yaml': ITEM() + ITEM().replace('items:\n', '') },
    expect: { code: 'DUPLICATE_ITEM', line: 9, column: 11 },
  },
  {
    name: 'duplicate list entry id',
    files: {
      'food.yaml':
        LIST('') +
        `  - id: E-1
    kind: exempt
    basis: minor
    items: [A-1]
    cites: [{ law: xzcff, article: 33 }]
    source: { document: 测试 }
`,
    },
    expect: { code: 'DUPLICATE_LIST_ENTRY', line: 16, column: 9 },
  },
  {
    name: 'list entry for an unknown item',
    files: { 'food.yaml': LIST('').replace('items: [A-1]', 'items: [A-2]') },
    expect: { code: 'UNKNOWN_ITEM', line: 13, column: 13 },
  },
  {
    name: 'citation to an undeclared law',
    files: { 'food.yaml': ITEM().replace('[{ law: spaqf, article: 124 }]', '[{ law: cpzlf, article: 49 }]') },
    expect: { code: 'UNKNOWN_LAW', line: 5, column: 26 },
  },
  {
    name: 'article beyond the law’s article count',
    files: { 'food.yaml': ITEM().replace('article: 124 }', 'article: 999 }') },
    expect: { code: 'ARTICLE_OUT_OF_RANGE', line: 5, column: 42 },
  },
  {
    name: 'condition on an undeclared fact',
    files: { 'food.yaml': TIER_WHEN('{ all: [{ fact: goodValue, operator: lessThan, value: 100 }] }') },
    expect: { code: 'UNKNOWN_FACT', line: 10, column: 31 },
  },
  {
    name: 'unknown operator',
    files: { 'food.yaml': TIER_WHEN('{ all: [{ fact: goodsValue, operator: between, value: 100 }] }') },
    expect: { code: 'UNKNOWN_OPERATOR', line: 10, column: 53 },
  },
  {
    name: 'money fact compared with text',
    files: { 'food.yaml': TIER_WHEN('{ all: [{ fact: goodsValue, operator: lessThan, value: many }] }') },
    expect: { code: 'FACT_TYPE_MISMATCH', line: 10, column: 70 },
  },
  {
    name: 'ordering operator on a boolean circumstance',
    files: { 'food.yaml': TIER_WHEN('{ all: [{ fact: correctedInTime, operator: lessThan, value: true }] }') },
    expect: { code: 'OPERATOR_TYPE_MISMATCH', line: 10, column: 58 },
  },
  {
    name: 'JSONPath path in a condition',
    files: { 'food.yaml': TIER_WHEN('{ all: [{ fact: goodsValue, path: "$.a", operator: equal, value: 1 }] }') },
    expect: { code: 'CONDITION_PATH', line: 10, column: 43 },
  },
  {
    name: 'condition value with three decimals',
    files: { 'food.yaml': TIER_WHEN('{ all: [{ fact: goodsValue, operator: lessThan, value: 10000.001 }] }') },
    expect: { code: 'MONEY_PRECISION', line: 10, column: 70 },
  },
  {
    name: 'empty all',
    files: { 'food.yaml': TIER_WHEN('{ all: [] }') },
    expect: { code: 'CONDITION_INVALID', line: 10, column: 22 },
  },
  {
    name: 'tier refining an unknown branch',
    files: { 'food.yaml': ITEM().replace('{ id: t1, grade: general }', '{ id: t1, grade: general, branch: big }') },
    expect: { code: 'UNKNOWN_BRANCH', line: 8, column: 43 },
  },
  {
    name: 'fine conditional on an unknown circumstance',
    files: { 'food.yaml': ITEM('', '{ kinds: [fine], fineOnlyIf: refused, fine: { upTo: 2000 } }') },
    expect: { code: 'UNKNOWN_CIRCUMSTANCE', line: 6, column: 45 },
  },
  {
    name: 'multiple of a count fact',
    files: {
      'food.yaml': ITEM('', '{ kinds: [fine], fine: { multiple: { of: days, range: [1, 3] } } }').replace(
        '    statutory:',
        '    facts: { days: count }\n    statutory:',
      ),
    },
    expect: { code: 'FACT_NOT_MONEY', line: 7, column: 57 },
  },
  {
    name: 'fine per unit of a money fact',
    files: { 'food.yaml': ITEM('', '{ kinds: [fine], fine: { perUnit: { of: goodsValue, range: [200, 500] } } }') },
    expect: { code: 'FACT_NOT_COUNT', line: 6, column: 56 },
  },
  {
    name: 'item fact redeclared with another type',
    files: { 'food.yaml': ITEM().replace('    statutory:', '    facts: { goodsValue: count }\n    statutory:') },
    expect: { code: 'DUPLICATE_FACT', line: 6, column: 14 },
  },
  {
    name: 'enum value not declared',
    files: {
      'food.yaml': TIER_WHEN('{ all: [{ fact: stage, operator: equal, value: retail }] }').replace(
        '    statutory:',
        '    facts: { stage: { type: enum, values: [production, catering] } }\n    statutory:',
      ),
    },
    expect: { code: 'FACT_TYPE_MISMATCH', line: 11, column: 62 },
  },
  {
    name: 'identity key in a topic file',
    files: { 'food.yaml': 'id: other\n' + ITEM() },
    expect: { code: 'RULESET_MISPLACED_KEY', line: 1, column: 1 },
  },
  { name: 'no files at all', files: [], expect: { code: 'RULESET_EMPTY', file: '.', line: 1, column: 1 } },
  {
    name: 'no index.yaml',
    files: [{ path: 'rules/x/food.yaml', text: ITEM() }],
    expect: { code: 'RULESET_NO_INDEX', file: 'rules/x/index.yaml', line: 1, column: 1 },
  },
];

function inputs(c: Case): SourceInput[] {
  if (Array.isArray(c.files)) return c.files;
  let files = miniFiles();
  for (const [name, text] of Object.entries(c.files)) {
    if (name === 'index.yaml' && text === '') {
      const idx = files.find((f) => f.path.endsWith('index.yaml'))!;
      files = withFile(files, name, (idx.text as string).replace('from: 2024-01-01', 'from: 2025-02-30'));
    } else files = withFile(files, name, text as string);
  }
  return files;
}

describe('bad rule files yield a positioned diagnostic', () => {
  it('has at least 30 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(30));
  for (const c of CASES) {
    it(c.name, () => {
      const result = loadRuleSet(inputs(c));
      expect(result.ruleSet).toBeUndefined();
      const got = result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);
      expect(got, got.join(' | ')).toContain(
        `${c.expect.code} ${c.expect.file ?? F}:${c.expect.line}:${c.expect.column}`,
      );
      for (const d of result.diagnostics) {
        expect(d.message.length).toBeGreaterThan(0);
        expect(d.message).not.toMatch(/\{\w+\}/);
      }
    });
  }
  it('never pollutes Object.prototype', () => {
    loadRuleSet(withFile(miniFiles(), 'food.yaml', 'items: []\n__proto__: { polluted: true }\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
