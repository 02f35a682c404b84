import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCaseShape } from '../../src/load/caseShape.js';
import { loadCaseAt } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';
import { parseSource, SourceFile } from '../../src/load/source.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import { Case as CaseSchema } from '../../src/schema/case.js';
import { filesUnder, readDir } from '../helpers.js';
import { runs } from '../properties/settings.js';

// loadCase checks the common, well-formed case by hand (parseCaseShape) and
// runs zod only when that declines. The hand check must accept nothing zod
// refuses and give the same data, so loadCase gives the same result, byte for
// byte, on either path: every case in the repository, then random ones.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));


/** Every case value in the repository: fixtures' `case:`, sample NDJSON lines, hostile cases. */
function repositoryCases(): { where: string; file: SourceFile; base: readonly PropertyKey[] }[] {
  const out: { where: string; file: SourceFile; base: readonly PropertyKey[] }[] = [];
  for (const path of filesUnder(join(ROOT, 'fixtures'), /\.ya?ml$/)) {
    const p = parseSource({ path, text: readFileSync(path, 'utf8') });
    if (p.file) out.push({ where: relative(ROOT, path), file: p.file, base: ['case'] });
  }
  for (const path of filesUnder(join(ROOT, 'fixtures'), /\.ndjson$/)) {
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          return; // a broken line on purpose: batch reports it before loadCase
        }
        out.push({ where: `${relative(ROOT, path)}:${i + 1}`, file: SourceFile.fromValue(path, value), base: [] });
      });
  }
  for (const path of filesUnder(join(ROOT, 'test/hostile'), /\.(ya?ml|json)$/).filter((p) => !p.includes('/rules/'))) {
    const p = parseSource({ path, text: readFileSync(path, 'utf8') });
    if (p.file) out.push({ where: relative(ROOT, path), file: p.file, base: [] });
  }
  return out;
}

const mini = loadRuleSet(readDir(join(ROOT, 'test/data/mini'))).ruleSet!;
const ruleSets: RuleSet[] = [mini];
for (const dir of await findRuleSetDirs(join(ROOT, 'rules'))) {
  const r = await loadRuleSetDir(dir);
  if (r.ruleSet) ruleSets.push(r.ruleSet);
}

const viaZod = (): undefined => undefined;

/** parseCaseShape agrees with zod on `value`; true when it took the value. */
function agrees(value: unknown): boolean {
  const fast = parseCaseShape(value);
  if (fast === undefined) return false;
  const slow = CaseSchema.safeParse(value);
  expect(slow.success).toBe(true);
  // toEqual: absent and undefined keys are alike, as loadCase reads fields by name.
  expect(fast).toEqual(slow.data);
  return true;
}

/** loadCaseAt gives the same JSON on the fast path and on the zod path. */
function sameLoad(file: SourceFile, base: readonly PropertyKey[], rs: RuleSet): void {
  expect(JSON.stringify(loadCaseAt(file, base, rs))).toBe(JSON.stringify(loadCaseAt(file, base, rs, viaZod)));
}

describe('parseCaseShape: the fast path of loadCase', () => {
  const cases = repositoryCases();

  it('finds the repository cases', () => {
    expect(cases.length).toBeGreaterThan(500);
  });

  it('agrees with zod on every case in the repository, and takes every well-formed fixture and sample', () => {
    let taken = 0;
    for (const { where, file, base } of cases) {
      let value: unknown = file.value;
      for (const k of base) value = (value as Record<PropertyKey, unknown> | null)?.[k as string];
      const ok = agrees(value);
      if (ok) taken++;
      // Plain YAML and JSON that zod accepts should not need zod.
      if (!where.startsWith('test/') && CaseSchema.safeParse(value).success) expect(ok, where).toBe(true);
    }
    expect(taken).toBeGreaterThan(500);
  });

  it('gives loadCase the same results as the zod path, on every case in the repository and every benchmark rule set (statutory layers: on the cases about their items)', () => {
    for (const { file, base } of cases) {
      let value: unknown = file.value;
      for (const k of base) value = (value as Record<PropertyKey, unknown> | null)?.[k as string];
      const item = (value as { item?: unknown } | null)?.item;
      for (const rs of ruleSets)
        if (rs.layer !== 'statutory' || rs.items.some((i) => i.code === item)) sameLoad(file, base, rs);
    }
  });

  it('declines odd objects that zod would judge differently', () => {
    const good = { id: 'x', item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01' } };
    expect(agrees(good)).toBe(true);
    const withSymbol = { ...good, facts: { goodsValue: 1, [Symbol('s')]: 1 } };
    const nullProto = Object.assign(Object.create(null) as object, good);
    class Party {
      kind = 'organization';
    }
    for (const v of [
      { ...good, facts: JSON.parse('{"__proto__": 1}') as unknown },
      withSymbol,
      { ...good, party: new Party() },
      { ...good, facts: new Map() },
      { ...good, id: -0 },
      { ...good, id: 2 ** 53 },
      { ...good, facts: { goodsValue: Number.NaN } },
      { ...good, facts: { goodsValue: Number.POSITIVE_INFINITY } },
      { ...good, items: [] },
      { ...good, items: ['T-1'] },
      { ...good, dates: { act: '2025-02-29' } },
      { ...good, dates: { act: '2025-03-01', actEnd: null } },
      { ...good, dates: { act: '2025-03-01', actEnd: undefined } },
      { ...good, party: { kind: 'person', age: 150 } },
      { ...good, party: { kind: 'person', age: 151 } },
      { ...good, party: { kind: 'person', age: 1.5 } },
      { ...good, id: 'x'.repeat(200) },
      { ...good, id: 'x'.repeat(201) },
      { ...good, history: [{ item: 'T-1', date: '2024-01-01', note: '' }] },
      { ...good, history: [{ item: 'T-1', date: '2024-01-01', extra: 1 }] },
      nullProto,
      [good],
      null,
      'case',
    ]) {
      agrees(v);
      sameLoad(SourceFile.fromValue('<case>', v), [], mini);
    }
  });
});

// Random cases: mostly well-formed, each part sometimes wrong in a way zod cares about.
const name = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('goodsValue', 'days', 'stage', 'harmMinor', 'correctedInTime', 'constructor', 'toString', 'a', 'Z9_', 'x'.repeat(64)) },
  { weight: 1, arbitrary: fc.constantFrom('9a', '_a', '', 'a-b', '__proto__', 'x'.repeat(65)) },
);
const dateString = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('2025-03-01', '2024-02-29', '2025-02-29', '1899-12-31', '1900-01-01', '2999-12-31', '3000-01-01', '2025-13-01', '2025-00-10', '2025-3-1', '2025-03-01 ', '20250301') },
  { weight: 9, arbitrary: fc.date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(3010, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
);
const scalar = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(-0, 0, 0.01, 1e12, 1e13, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
  fc.boolean(),
  fc.string({ maxLength: 5 }),
  fc.constantFrom('sale', 'production', 'x'.repeat(200), 'x'.repeat(201)),
);
const odd = fc.constantFrom<unknown>(null, undefined, [], {}, 1, 'x', true);
/** An unknown key, now and then (strict objects refuse it). */
const sometimesExtra = <T extends object>(a: fc.Arbitrary<T>) =>
  fc.tuple(a, fc.integer({ min: 0, max: 19 })).map(([o, r]) => (r === 0 ? { ...o, extra: 1 } : o));
const maybe = <T>(a: fc.Arbitrary<T>, wrong: fc.Arbitrary<unknown> = odd) => fc.oneof({ weight: 30, arbitrary: a }, { weight: 1, arbitrary: wrong });
const itemCode = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('T-1', 'T-2', 'UNKNOWN-9', 'a.b_c-1', 'x'.repeat(80)) },
  { weight: 1, arbitrary: fc.constantFrom('-bad', '', 'x'.repeat(81)) },
);
const party = sometimesExtra(fc.record(
  {
    kind: maybe(fc.constantFrom('person', 'organization'), fc.constantFrom('other', 1)),
    name: maybe(fc.constantFrom('张三', 'x'), fc.constantFrom('', 'x'.repeat(2001))),
    age: maybe(fc.integer({ min: 0, max: 150 }), fc.constantFrom(-1, 151, 1.5, '16', -0)),
    capacity: maybe(fc.constantFrom('full', 'partial', 'none'), fc.constant('some')),
  },
  { requiredKeys: ['kind'] },
));
const dates = sometimesExtra(fc.record(
  {
    act: maybe(dateString),
    actEnd: fc.oneof(dateString, fc.constant(null)),
    discovered: maybe(dateString),
    decision: maybe(dateString),
  },
  { requiredKeys: ['act'] },
));
const caseValue = sometimesExtra(fc
  .record(
    {
      id: maybe(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.integer()), fc.constantFrom<unknown>('', 'x'.repeat(200), 'x'.repeat(201), 1.5, -0, 2 ** 53, true)),
      ruleSet: maybe(fc.constantFrom('test-mini', 'other'), fc.constant('bad id')),
      item: maybe(itemCode),
      items: maybe(fc.array(itemCode, { minLength: 1, maxLength: 3 })),
      party: maybe(party),
      dates: maybe(dates),
      facts: maybe(fc.dictionary(name, maybe(scalar), { maxKeys: 5 })),
      circumstances: maybe(fc.array(name, { maxLength: 4 })),
      history: maybe(fc.array(sometimesExtra(fc.record({ item: maybe(itemCode), date: maybe(dateString), note: maybe(fc.constant('x'), fc.constant('')) }, { requiredKeys: ['item', 'date'] })), { maxLength: 3 })),
      note: maybe(fc.constantFrom('备注', ''), fc.constant('x'.repeat(2001))),
    },
    { requiredKeys: ['id', 'item', 'items', 'party', 'dates'] },
  ))
  // Mostly one of item and items, as a case must have.
  .chain((v) => fc.integer({ min: 0, max: 9 }).map((r) => {
    const { item, items, ...rest } = v;
    return r === 0 ? v : r === 1 ? rest : r < 6 ? { ...rest, item } : { ...rest, items };
  }))
  .chain((v) => fc.boolean().map((nullProto) => (nullProto ? Object.assign(Object.create(null) as object, v) : v)));

describe('parseCaseShape on random cases', () => {
  it('accepts only what zod accepts, with the same data, and loadCase gives the same results', () => {
    let taken = 0;
    fc.assert(
      fc.property(caseValue, (v) => {
        if (agrees(v)) taken++;
        sameLoad(SourceFile.fromValue('<case>', v), [], mini);
      }),
      runs(8101, 3000),
    );
    // The property must reach the fast path often enough to mean something.
    expect(taken).toBeGreaterThan(150);
  });
});
