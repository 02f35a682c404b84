import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { loadCase } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';
import { parseFast } from '../../src/load/fast-yaml.js';
import { parseSource } from '../../src/load/source.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import {
  checkCase,
  checkCli,
  checkFixture,
  checkRuleFiles,
  corpus,
  guarded,
  HOSTILE,
  readFolder,
  removeDir,
  ROOT,
  tempDir,
  type Problem,
} from './harness.js';

// Hostile input never crashes and never lies: every committed hostile rule set
// (test/hostile/rules/<name>/) and case (test/hostile/cases/) is refused with
// diagnostics — no exception, prototypes untouched; so are
// inputs too large to commit (made here) and odd objects given to the API.
// Inputs that once failed live in test/hostile/regressions/ and must keep
// passing. test/hostile/make-corpus.ts writes the corpus.

const MINI_DIR = join(ROOT, 'test/data/mini');
const mini = loadRuleSet(readFolder(MINI_DIR)).ruleSet!;
const samr = (await loadRuleSetDir(join(ROOT, 'rules/cn-samr-food'))).ruleSet;
const catalog: RuleSet[] = [mini, ...(samr ? [samr] : [])];
/** Every bundled rule set that loads, with the mini one: fuzz regressions are mutated bundled cases. */
const bundled: RuleSet[] = [mini];
for (const dir of await findRuleSetDirs(join(ROOT, 'rules'))) {
  const r = await loadRuleSetDir(dir);
  if (r.ruleSet) bundled.push(r.ruleSet);
}
const MINI_INDEX = readFileSync(join(MINI_DIR, 'index.yaml'), 'utf8');
const MINI_FOOD = readFileSync(join(MINI_DIR, 'food.yaml'), 'utf8');
const GOOD_CASE = `id: hostile-1
item: T-1
party: { kind: organization }
dates: { act: 2025-03-01, discovered: 2025-03-10, decision: 2025-04-01 }
facts: { goodsValue: 4000, days: 3 }
`;

const committed = corpus(HOSTILE);
const regressions = corpus(join(HOSTILE, 'regressions'));
const rel = (p: string) => relative(ROOT, p);

/** A topic file next to the mini index. */
const withFood = (food: string | Uint8Array) => [
  { path: 'hostile/index.yaml', text: MINI_INDEX },
  { path: 'hostile/food.yaml', text: food },
];

describe('the hostile corpus is refused with diagnostics, never an exception', () => {
  it('holds at least 100 rule sets and 50 cases', () => {
    expect(committed.rules.length).toBeGreaterThanOrEqual(100);
    expect(committed.cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(committed.rules.map((d) => [rel(d), d]))('%s: loadRuleSet refuses it with diagnostics', (_, dir) => {
    const problems: Problem[] = [];
    const rs = checkRuleFiles(readFolder(dir), [], problems);
    expect(problems).toEqual([]);
    expect(rs).toBeUndefined();
  });

  it.each(committed.cases.map((p) => [rel(p), p]))('%s: evaluateInCatalog and loadCase refuse it with diagnostics', (_, path) => {
    const problems: Problem[] = [];
    const text = new Uint8Array(readFileSync(path));
    expect(checkCase(catalog, { path: rel(path), text }, problems)).toBe(false);
    const loaded = guarded('loadCase', () => loadCase({ path: rel(path), text }, mini), problems);
    expect(problems).toEqual([]);
    expect(loaded?.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('inputs that once failed (test/hostile/regressions/) keep passing', () => {
  it('has regression inputs', () => expect(regressions.rules.length + regressions.cases.length).toBeGreaterThan(0));
  it.each(regressions.rules.map((d) => [rel(d), d]))('%s', (_, dir) => {
    const problems: Problem[] = [];
    // cases.json (when present): the cases the rule set failed with.
    const cases = existsSync(join(dir, 'cases.json'))
      ? (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as unknown[])
      : [{ id: 'r', item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01' } }];
    checkRuleFiles(readFolder(dir), cases, problems);
    expect(problems).toEqual([]);
  });
  it.each(regressions.cases.map((p) => [rel(p), p]))('%s', (_, path) => {
    const problems: Problem[] = [];
    checkCase(bundled, { path: rel(path), text: new Uint8Array(readFileSync(path)) }, problems);
    expect(problems).toEqual([]);
  });
  it.each(regressions.fixtures.map((p) => [rel(p), p]))('%s', (_, path) => {
    const problems: Problem[] = [];
    checkFixture(bundled, { path: rel(path), text: new Uint8Array(readFileSync(path)) }, problems);
    expect(problems).toEqual([]);
  });
});

describe('regressions found by the fuzz', () => {
  it('periods too long for the calendar (P99999999999999999999Y) no longer throw RangeError: Invalid time value; they reach past every date', () => {
    const huge = 'P99999999999999999999Y';
    const index = MINI_INDEX.replace('policy:\n', `policy:\n  firstOffenceWindow: ${huge}\n  limitation: { general: ${huge}, extended: ${huge} }\n`);
    const food = MINI_FOOD.replace('window: P2Y', `window: ${huge}`);
    const problems: Problem[] = [];
    const rs = checkRuleFiles([{ path: 'h/index.yaml', text: index }, { path: 'h/food.yaml', text: food }], [], problems);
    expect(rs).toBeDefined();
    const value = { id: 'h', item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01', discovered: '2025-03-10' }, facts: { goodsValue: 300 }, circumstances: ['correctedInTime', 'harmMinor'], history: [{ item: 'T-1', date: '1990-01-01' }] };
    const r = guarded('evaluateInCatalog', () => evaluateInCatalog([rs!], { path: 'h', value }), problems);
    expect(problems).toEqual([]);
    // Never time-barred; the 1990 violation lies inside the window, so not a first offence.
    expect(r?.disposition?.outcome).toBe('penalty');
  });
});

describe('inputs too large to commit', () => {
  const MB50 = 50 * 1024 * 1024;

  it('a 50 MB rule file (as a string and as bytes) is refused as too large, at once', () => {
    const problems: Problem[] = [];
    const big = '# ' + 'x'.repeat(MB50) + '\nitems: []\n';
    for (const text of [big, new TextEncoder().encode(big)]) {
      const r = guarded('loadRuleSet 50 MB', () => loadRuleSet(withFood(text)), problems);
      expect(r?.diagnostics.map((d) => d.code)).toContain('FILE_TOO_LARGE');
    }
    // 50 MB of multi-byte characters in fewer than 32 Mi UTF-16 units: measured in bytes.
    const wide = guarded('loadRuleSet 50 MB UTF-8', () => loadRuleSet(withFood('title: ' + '中'.repeat(MB50 / 3))), problems);
    expect(wide?.diagnostics.map((d) => d.code)).toContain('FILE_TOO_LARGE');
    expect(problems).toEqual([]);
  });

  it('a 50 MB case (text, and a string value given to the API) is refused', () => {
    const problems: Problem[] = [];
    const text = GOOD_CASE.replace('id: hostile-1', `id: "${'x'.repeat(MB50)}"`);
    const r = guarded('evaluateInCatalog 50 MB', () => evaluateInCatalog(catalog, { path: 'big.yaml', text }), problems);
    expect(r?.diagnostics.map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
    for (const value of [
      { id: 'x'.repeat(MB50), item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01' } },
      { id: 'x', item: 'T-1', party: { kind: 'organization' }, dates: { act: 'x'.repeat(MB50) } },
      { id: 'x', item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01' }, facts: { goodsValue: 'x'.repeat(MB50) } },
      { id: 'x', item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01' }, circumstances: ['x'.repeat(MB50)] },
    ]) {
      const v = guarded('evaluateInCatalog 50 MB value', () => evaluateInCatalog(catalog, { path: 'big', value }), problems);
      expect(v?.disposition).toBeUndefined();
      expect(v?.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  it('a 50 MB file on disk: cailiang evaluate and verify refuse it without reading it, exit 1 or 2', async () => {
    const dir = tempDir();
    try {
      const big = join(dir, 'case.yaml');
      writeFileSync(big, GOOD_CASE + '# ' + 'x'.repeat(MB50) + '\n');
      writeFileSync(join(dir, 'index.yaml'), MINI_INDEX);
      writeFileSync(join(dir, 'food.yaml'), '# ' + 'x'.repeat(MB50) + '\n');
      const problems: Problem[] = [];
      const e = await checkCli(['evaluate', big, '--rules', MINI_DIR], problems, [1, 2]);
      expect(e.err).toContain('FILE_TOO_LARGE');
      const v = await checkCli(['verify', dir], problems, [1, 2]);
      expect(v.out + v.err).toContain('FILE_TOO_LARGE');
      expect(problems).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });

  it('a 31 MB comment (under the 32 MiB limit) loads within the bound', () => {
    const problems: Problem[] = [];
    const r = guarded('loadRuleSet 31 MB comment', () => loadRuleSet(withFood('# ' + 'x'.repeat(31 * 1024 * 1024) + '\n' + MINI_FOOD)), problems);
    expect(r?.ruleSet).toBeDefined();
    expect(problems).toEqual([]);
  });

  it('regression: a file with 140,000 problems no longer overflows the call stack (RangeError from diagnostics.push(...list))', () => {
    const problems: Problem[] = [];
    const r = guarded('loadRuleSet 140k problems', () => loadRuleSet(withFood('items: [' + '1,'.repeat(140_000) + '1]\n')), problems);
    expect(r?.diagnostics.length).toBe(140_001);
    const dup = Array.from({ length: 140_000 }, (_, i) => `k${i % 2}: 1`).join('\n') + '\n';
    const c = guarded('loadCase 140k duplicate keys', () => loadCase({ path: 'dup.yaml', text: dup }, mini), problems);
    // A case file that size is refused outright; duplicate keys are reported at most MAX_REPORTED times.
    expect(c?.diagnostics.map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
    const dupSmall = Array.from({ length: 5_000 }, (_, i) => `k${i % 2}: 1`).join('\n') + '\n';
    const c2 = guarded('loadCase 5k duplicate keys', () => loadCase({ path: 'dup.yaml', text: dupSmall }, mini), problems);
    expect(c2?.diagnostics.length).toBe(200);
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('odd objects given to the API (loadCase / evaluateInCatalog with a value)', () => {
  const base = { id: 'x', item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01' } };
  let deep: unknown = 1;
  for (let i = 0; i < 10_000; i++) deep = { a: deep };
  let deepList: unknown = 1;
  for (let i = 0; i < 100_000; i++) deepList = [deepList];
  const cyclic: Record<string, unknown> = { ...base };
  cyclic.self = cyclic;
  const cyclicFacts: Record<string, unknown> = {};
  cyclicFacts.f = cyclicFacts;
  const values: Record<string, unknown> = {
    'facts nested 10,000 deep': { ...base, facts: deep },
    'a case nested 10,000 deep': deep,
    'circumstances nested 100,000 deep': { ...base, circumstances: deepList },
    'a cyclic case': cyclic,
    'cyclic facts': { ...base, facts: cyclicFacts },
    '__proto__ from JSON.parse': JSON.parse('{"id":"x","item":"T-1","party":{"kind":"organization"},"dates":{"act":"2025-03-01"},"__proto__":{"polluted":1},"facts":{"__proto__":{"polluted":2}}}'),
    'facts named constructor and toString': { ...base, facts: { constructor: 1, toString: 2, hasOwnProperty: 3 } },
    'circumstances named like Object.prototype': { ...base, circumstances: ['toString', 'constructor', '__proto__', 'valueOf'] },
    'a BigInt fact': { ...base, facts: { goodsValue: 10n } },
    'a function fact': { ...base, facts: { goodsValue: () => 1 } },
    'a symbol key': { ...base, [Symbol('x')]: 1 },
    'a Date for a date': { ...base, dates: { act: new Date(0) } },
    'a typed array for circumstances': { ...base, circumstances: new Uint8Array(10) },
    'NaN, Infinity and -0': { ...base, party: { kind: 'person', age: NaN }, facts: { goodsValue: Infinity, days: -0 } },
    'a 100,000-element list of circumstances': { ...base, circumstances: new Array(100_000).fill('harmSerious') },
    undefined: undefined,
    null: null,
    'a number': 42,
    'a list': [base],
  };
  it.each(Object.entries(values))('%s: diagnostics or a disposition, no exception, no pollution', (_, value) => {
    const problems: Problem[] = [];
    guarded('loadCase', () => loadCase({ value }, mini), problems);
    checkCase(catalog, { path: 'api', value }, problems);
    expect(problems).toEqual([]);
  });
});

// Costs that once grew out of bounds, checked by what the code does rather than
// by a clock (timings flip on a busy machine; the bench measures them).
describe('inputs under the size limits do work that does not grow with them', () => {
  const quotedText = (q: string) => withFood('items: ' + q + 'x'.repeat(2 * 1024 * 1024) + q + '\n').at(1)!.text as string;

  it('a 2 MiB one-line double-quoted string is read by the fast reader, as a plain one is (the full parser once took 10 × as long)', () => {
    for (const q of ['', '"']) {
      const fast = parseFast(quotedText(q), 64);
      expect(fast, `quote ${JSON.stringify(q)}`).toBeDefined();
      expect((fast!.value as { items: string }).items).toHaveLength(2 * 1024 * 1024);
    }
  });

  it('a case with a huge list is refused with one diagnostic whatever its length (lists are bounded before zod reports each element; once 1,000,000 bad elements took 14 s and 2.5 GB)', () => {
    const diagnosticsFor = (n: number) => evaluateInCatalog(catalog, { path: 'many.yaml', text: GOOD_CASE + 'circumstances: [' + '1,'.repeat(n) + '1]\n' }).diagnostics;
    for (const n of [2_000, 20_000, 120_000]) {
      expect(diagnosticsFor(n).map((d) => [d.code, d.line])).toEqual([['SCHEMA_VALUE', 6]]);
    }
  });
});

// Wrong but harmless to the process: documented with it.fails (the test turns
// red when the behaviour is fixed, and should then become an ordinary it).
describe('KNOWN (it.fails until fixed)', () => {
  it('the keys 1 and "1" in one mapping are reported as duplicates (they would collapse into one property)', () => {
    const r = parseSource({ path: 'a.yaml', text: 'laws:\n  1: { title: 甲 }\n  "1": { title: 乙 }\n' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['YAML_DUPLICATE_KEY']);
  });

  it('fixed (determinism): YAML_TOO_DEEP on 10,000-deep nesting points at the 65th level — nesting is now bounded before the parser (src/load/depth.ts), not where yaml’s composer overflowed the JS stack', () => {
    const r = parseSource({ path: 'deep.yaml', text: 'items: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n' });
    // "items: " is 7 columns; the 65th "[" is column 72 (the deepest level allowed is 64).
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['YAML_TOO_DEEP', 1, 72]]);
  });

  it.fails('KNOWN (usability): a diagnostic never repeats an unbounded user value — INVALID_DATE and CASE_NO_RULESET echo the whole value (a 50 MB date or item code gives a 50 MB message)', () => {
    const big = 'x'.repeat(100_000);
    const base = { id: 'x', item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01' } };
    for (const value of [{ ...base, dates: { act: big } }, { ...base, item: big }, { ...base, ruleSet: big }]) {
      const r = evaluateInCatalog(catalog, { path: 'big', value });
      for (const d of r.diagnostics) expect(d.message.length, d.code).toBeLessThan(1000);
    }
  });
});
