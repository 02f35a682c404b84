import fc from 'fast-check';
import { stringify } from 'yaml';
import type { SourceInput } from '../../src/load/source.js';
import { BUILTIN_EXCLUSIONS } from '../../src/schema/vocabulary.js';

/**
 * fast-check generators for the property tests: random rule sets written as
 * YAML files (items with range / upTo / multiple / byParty fines, statutory
 * branches, tiers by grade and by facts, list entries, policies with and
 * without a 减轻 floor) and random cases for them. Everything is built from
 * fast-check combinators, so a failing property shrinks to a small rule set
 * and case.
 */

// ── calendar days, without Date (no time zone can leak in) ───────────────

import { dayNumber as dayOfIso, isoOfDay } from '../../src/load/units.js';

export { dayOfIso, isoOfDay };

/** `iso` plus whole years, the way 行政处罚法 Art. 36 counts: 2024-02-29 + 2 years = 2026-02-28. */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

// ── vocabulary of generated rule sets ────────────────────────────────────

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Rule-set facts every generated rule set declares, with values worth testing around. */
export const GEN_FACTS = {
  goodsValue: { decl: { type: 'money', label: '货值金额', aggravating: true }, points: [0, 500, 2000, 10000, 50000] },
  illegalGains: { decl: { type: 'money', label: '违法所得', aggravating: true }, points: [0, 1000, 10000] },
  area: { decl: { type: 'number', unit: 'm²', label: '面积', aggravating: true }, points: [0, 5, 20, 100] },
  days: { decl: 'count', points: [0, 3, 10, 30] },
  share: { decl: 'ratio', points: [0, 0.1, 0.5, 1] },
} as const;
export type NumericFact = keyof typeof GEN_FACTS;
const NUMERIC_FACTS = Object.keys(GEN_FACTS) as NumericFact[];
const MONEY_FACTS = ['goodsValue', 'illegalGains'] as const;
const STAGES = ['production', 'sale', 'catering'] as const;
const DURATIONS = ['PT4H', 'P1D', 'P3D', 'P10D'] as const;

/** Circumstances a generated rule set may declare, with their effect on the grade. */
export const GEN_CIRCUMSTANCES = {
  repeatOffence: { label: '一年内再次违法', effect: 'aggravating' },
  apologised: { label: '主动赔礼道歉', effect: 'mitigating-optional' },
  compensated: { label: '主动赔偿损失', effect: 'mitigating' },
  noted: { label: '已记录在案', effect: 'neutral' },
} as const;

/** Built-in circumstances (src/schema/vocabulary.ts), for cases. */
export const BUILTIN_CIRCUMSTANCE_NAMES = [
  'minorViolation', 'correctedInTime', 'harmNone', 'harmMinor', 'harmSerious', 'noFaultProven', 'eliminatedHarm',
  'coerced', 'confessedUnknown', 'meritorious', 'otherMandatoryMitigation', 'lifeHealthOrFinancial',
  'refusedToCorrect', 'intentional', 'incident', 'obstructed', 'concealedEvidence', 'emergency', 'cooperated',
  'secondaryRole',
] as const;

/** Circumstances that by themselves make a penalty impossible; cases pick them rarely. */
const EXEMPTING = new Set(['noFaultProven', 'minorViolation', 'harmNone']);

/**
 * The circumstances without contradictions (src/schema/vocabulary.ts
 * BUILTIN_EXCLUSIONS): `forced` are kept, and of `base` each one that
 * contradicts a circumstance kept before it is dropped.
 */
export function consistent(base: readonly string[], forced: readonly string[] = []): string[] {
  const kept = [...forced];
  const clash = (a: string, b: string) => BUILTIN_EXCLUSIONS.some((e) => e.of.length === 2 && e.of.includes(a) && e.of.includes(b) && a !== b);
  for (const c of base) if (!kept.includes(c) && !kept.some((k) => clash(k, c))) kept.push(c);
  return kept;
}

// ── small helpers ────────────────────────────────────────────────────────

const sortedPair = <T extends number>(a: fc.Arbitrary<T>) => fc.tuple(a, a).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [T, T]);

/** Yuan amounts: round statutory figures, arbitrary whole yuan, and amounts with fen. */
export const yuan: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 50, 200, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000, 50000, 100000, 200000, 1000000) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100) },
);
const factor = fc.oneof(fc.constantFrom(0, 0.5, 1, 2, 3, 5, 10, 20, 30), fc.integer({ min: 0, max: 400 }).map((n) => n / 10));
const share = fc.oneof(fc.constantFrom(0, 0.1, 0.3, 0.5, 0.7, 1), fc.integer({ min: 0, max: 100 }).map((n) => n / 100));

/** A value of a numeric fact in file units, near the points conditions use. */
export function factValue(name: NumericFact): fc.Arbitrary<number> {
  const points = GEN_FACTS[name].points as readonly number[];
  const near = fc.tuple(fc.constantFrom(...points), fc.constantFrom(-1, -0.01, 0, 0, 0.01, 1)).map(([p, d]) => p + d);
  let arb: fc.Arbitrary<number>;
  switch (name) {
    case 'goodsValue':
    case 'illegalGains':
      arb = fc.oneof(near.filter((v) => v >= 0).map((v) => Math.round(v * 100) / 100), fc.integer({ min: 0, max: 200_000 }));
      break;
    case 'area':
      arb = fc.oneof(near.filter((v) => v >= 0).map((v) => Math.round(v * 100) / 100), fc.integer({ min: 0, max: 500 }));
      break;
    case 'days':
      arb = fc.oneof(near.map((v) => Math.max(0, Math.round(v))), fc.integer({ min: 0, max: 60 }));
      break;
    case 'share':
      arb = fc.oneof(fc.constantFrom(0, 0.1, 0.5, 1), fc.integer({ min: 0, max: 100 }).map((n) => n / 100));
      break;
  }
  return arb;
}

// ── conditions (file syntax, file units) ─────────────────────────────────

const COMPARISONS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;

const numericLeaf: fc.Arbitrary<Json> = fc.constantFrom(...NUMERIC_FACTS).chain((fact) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ fact: fc.constant(fact), operator: fc.constantFrom(...COMPARISONS), value: factValue(fact) }) },
    { weight: 1, arbitrary: fc.record({ fact: fc.constant(fact), operator: fc.constantFrom('in', 'notIn'), value: fc.array(factValue(fact), { minLength: 1, maxLength: 3 }) }) },
  ),
);
const enumLeaf: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ fact: fc.constant('stage'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom(...STAGES) }),
  fc.record({ fact: fc.constant('stage'), operator: fc.constantFrom('in', 'notIn'), value: fc.subarray([...STAGES], { minLength: 1 }) }),
  fc.record({ fact: fc.constant('partyKind'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom('person', 'organization') }),
);
const durationLeaf: fc.Arbitrary<Json> = fc.record({ fact: fc.constant('overdue'), operator: fc.constantFrom(...COMPARISONS), value: fc.constantFrom(...DURATIONS) });
const booleanLeaf: fc.Arbitrary<Json> = fc.record({
  fact: fc.constantFrom('correctedInTime', 'harmMinor', 'intentional', 'bulk', 'incident'),
  operator: fc.constantFrom('equal', 'notEqual'),
  value: fc.boolean(),
});

/** A json-rules-engine condition over the generated facts. */
export const condition: fc.Arbitrary<Json> = fc.letrec<{ c: Json }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: numericLeaf },
    { weight: 1, arbitrary: enumLeaf },
    { weight: 1, arbitrary: durationLeaf },
    { weight: 1, arbitrary: booleanLeaf },
    { weight: 1, arbitrary: fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ not: tie('c') }) },
  ),
})).c;

/** Conditions that split a numeric fact at sorted thresholds: [<t0], [t0, t1), …, [≥ tn]; with overlaps and gaps now and then. */
function thresholdConditions(fact: NumericFact, count: number): fc.Arbitrary<Json[]> {
  return fc
    .tuple(
      fc.uniqueArray(factValue(fact), { minLength: count - 1, maxLength: count - 1 }),
      fc.constantFrom('exact', 'exact', 'exact', 'overlap', 'gap'),
    )
    .map(([ts, flaw]) => {
      const t = [...ts].sort((a, b) => a - b);
      const lower = (v: number): Json => ({ fact, operator: flaw === 'gap' ? 'greaterThan' : 'greaterThanInclusive', value: v });
      const upper = (v: number): Json => ({ fact, operator: flaw === 'overlap' ? 'lessThanInclusive' : 'lessThan', value: v });
      const out: Json[] = [];
      for (let i = 0; i < count; i++) {
        const parts: Json[] = [];
        if (i > 0) parts.push(lower(t[i - 1]!));
        if (i < count - 1) parts.push(upper(t[i]!));
        if (parts.length === 0) parts.push({ fact, operator: 'greaterThanInclusive', value: 0 });
        out.push(parts.length === 1 ? parts[0]! : { all: parts });
      }
      return out;
    });
}

// ── fines, branches, tiers ──────────────────────────────────────────────

const simpleFine: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: sortedPair(yuan).map((amount) => ({ amount })) },
  { weight: 1, arbitrary: yuan.map((upTo) => ({ upTo })) },
  { weight: 2, arbitrary: fc.record({ multiple: fc.record({ of: fc.constantFrom(...MONEY_FACTS), range: sortedPair(factor) }) }) },
  { weight: 1, arbitrary: fc.record({ multiple: fc.record({ of: fc.constantFrom(...MONEY_FACTS), upTo: factor }) }) },
);
/** A statutory fine model: range, upTo, multiple, or separate person / organization models. */
export const fine: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: simpleFine },
  { weight: 1, arbitrary: fc.record({ person: simpleFine, organization: simpleFine }) },
);

const KINDS = ['warning', 'fine', 'confiscateGains', 'revokeLicence'] as const;
const kinds = fc.subarray([...KINDS], { minLength: 1 }).map((k) => (k.includes('fine') || k.length > 2 ? k : ['fine', ...k]));
/** A statutory clause's kinds: it always has a fine here, and a clause whose kinds leave its fine out is a load error (POLICY_CONTRADICTS). */
const clauseKinds = kinds.map((k) => (k.includes('fine') ? k : ['fine', ...k]));

const penaltyFields = fc.record(
  {
    kinds: clauseKinds,
    fine,
    optional: fc.constant(true),
    responsibleFine: fine,
    fineOnlyIf: fc.constantFrom('refusedToCorrect', 'repeatOffence'),
  },
  { requiredKeys: ['kinds', 'fine'] },
);

type TierMode = { mode: 'grade'; grades: string[] } | { mode: 'facts'; fact: NumericFact; count: number; random: boolean };

const tierRange: fc.Arbitrary<Record<string, Json>> = fc.oneof(
  { weight: 4, arbitrary: sortedPair(share).map((s) => ({ share: s })) },
  { weight: 2, arbitrary: sortedPair(yuan).map((a) => ({ amount: a })) },
  { weight: 1, arbitrary: sortedPair(factor).map((m) => ({ multiple: m })) },
  { weight: 1, arbitrary: fc.constant({}) },
);

const tierMode: fc.Arbitrary<TierMode> = fc.oneof(
  fc.subarray(['lighter', 'general', 'heavier'], { minLength: 1 }).map((grades) => ({ mode: 'grade' as const, grades })),
  fc.record({ mode: fc.constant('facts' as const), fact: fc.constantFrom(...NUMERIC_FACTS), count: fc.integer({ min: 1, max: 4 }), random: fc.boolean() }),
);

/** Tiers for one statutory branch (or for the whole item when `branch` is undefined). */
function tiersFor(prefix: string, branch: string | undefined): fc.Arbitrary<Json[]> {
  return tierMode.chain((m) => {
    const n = m.mode === 'grade' ? m.grades.length : m.count;
    const conds: fc.Arbitrary<Json[] | undefined> =
      m.mode === 'grade'
        ? fc.constant(undefined)
        : m.random
          ? fc.array(condition, { minLength: n, maxLength: n })
          : thresholdConditions(m.fact, n);
    return fc
      .tuple(
        conds,
        fc.array(tierRange, { minLength: n, maxLength: n }),
        fc.array(fc.option(fc.constantFrom('lighter', 'general', 'heavier'), { nil: undefined }), { minLength: n, maxLength: n }),
        fc.array(fc.option(sortedPair(yuan), { nil: undefined, freq: 4 }), { minLength: n, maxLength: n }),
        fc.array(fc.option(kinds, { nil: undefined, freq: 6 }), { minLength: n, maxLength: n }),
      )
      .map(([when, ranges, grades, responsible, tierKinds]) =>
        ranges.map((range, i) => {
          const grade = m.mode === 'grade' ? m.grades[i] : grades[i];
          const t: Record<string, Json> = { id: `${prefix}${i}` };
          if (grade !== undefined) t.grade = grade;
          if (when) t.when = when[i]!;
          if (branch !== undefined) t.branch = branch;
          Object.assign(t, range);
          if (responsible[i]) t.responsibleAmount = responsible[i]!;
          if (tierKinds[i]) t.kinds = tierKinds[i]!;
          return t;
        }),
      );
  });
}

const statutoryAndTiers: fc.Arbitrary<{ statutory: Json; tiers: Json[] }> = fc.oneof(
  // One clause.
  fc.tuple(penaltyFields, tiersFor('t', undefined)).map(([statutory, tiers]) => ({ statutory, tiers })),
  // Branches (货值不足1万 / 1万以上 …), each with its own tiers or shared ones.
  fc
    .tuple(
      fc.integer({ min: 2, max: 3 }),
      fc.boolean(),
      fc.boolean(),
      fc.array(fc.record({ kinds: clauseKinds, fine }, { requiredKeys: ['kinds', 'fine'] }), { minLength: 3, maxLength: 3 }),
      fc.array(condition, { minLength: 3, maxLength: 3 }),
      thresholdConditions('goodsValue', 3),
    )
    .chain(([n, byThreshold, otherwise, fields, random, split]) => {
      const branches: Json[] = [];
      for (let i = 0; i < n; i++) {
        const b: Record<string, Json> = { id: `b${i}`, ...(fields[i] as Record<string, Json>) };
        if (i === n - 1 && otherwise) b.otherwise = true;
        else b.when = byThreshold ? split[i]! : random[i]!;
        branches.push(b);
      }
      const perBranch = fc.tuple(...branches.map((_, i) => tiersFor(`b${i}t`, `b${i}`))).map((ts) => ts.flat());
      return fc.oneof(perBranch, tiersFor('t', undefined)).map((tiers) => ({ statutory: { branches }, tiers }));
    }),
);

const item = (code: string): fc.Arbitrary<Json> =>
  fc
    .tuple(
      statutoryAndTiers,
      fc.integer({ min: 1, max: 200 }),
      fc.option(fc.constantFrom('unique', 'priority'), { nil: undefined }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([{ statutory, tiers }, article, hitPolicy, withFallback, itemFact]) => {
      const it: Record<string, Json> = {
        code,
        name: `生成的事项 ${code}`,
        violates: [{ law: 'tl', article }],
        penalizedBy: [{ law: 'tl', article: Math.min(200, article + 1) }],
      };
      if (itemFact) it.facts = { bulk: { type: 'boolean', label: '散装' } };
      it.statutory = statutory;
      if (hitPolicy) it.hitPolicy = hitPolicy;
      if (withFallback && tiers.length > 1) it.fallback = (tiers[tiers.length - 1] as { id: string }).id;
      it.tiers = tiers;
      return it;
    });

// ── list entries ─────────────────────────────────────────────────────────

function listEntry(id: string, codes: string[]): fc.Arbitrary<Json> {
  return fc
    .record(
      {
        kind: fc.constantFrom('exempt', 'lighter', 'reduced', 'heavier'),
        basis: fc.constantFrom('first-offence', 'minor', 'no-fault', 'time-barred', 'other'),
        items: fc.subarray(codes, { minLength: 1 }),
        when: condition,
        unless: condition,
        lookBack: fc.record({ window: fc.constantFrom('P1Y', 'P2Y', 'P6M'), scope: fc.constantFrom('item', 'entry') }, { requiredKeys: ['window'] }),
        discretionary: fc.boolean(),
      },
      { requiredKeys: ['kind', 'basis', 'items'] },
    )
    .map((e) => {
      const out: Record<string, Json> = { id, kind: e.kind };
      if (e.kind === 'exempt') out.basis = e.basis;
      out.items = e.items;
      if (e.when !== undefined) out.when = e.when;
      if (e.unless !== undefined) out.unless = e.unless;
      if (e.lookBack !== undefined) out.lookBack = e.lookBack as Json;
      if (e.discretionary !== undefined) out.discretionary = e.discretionary;
      out.cites = [{ law: 'xzcff', article: e.kind === 'exempt' ? 33 : 32, ...(e.kind === 'exempt' ? { paragraph: 1 } : {}) }];
      out.source = { document: '生成的清单', entry: Number(id.replace(/\D/g, '')) + 1 };
      return out;
    });
}

// ── policy and the whole rule set ────────────────────────────────────────

export const policy: fc.Arbitrary<Json> = fc.record(
  {
    split: sortedPair(share),
    point: fc.constantFrom('midpoint', 'floor', 'ceiling'),
    rounding: fc.constantFrom(0, 0.01, 1, 10, 100, 1000),
    reducedFloor: fc.option(fc.constantFrom(0, 100, 500, 1000, 5000), { nil: null }),
    firstOffenceWindow: fc.constantFrom('P1Y', 'P2Y', 'P6M'),
    hearing: fc.option(fc.record({ person: yuan, organization: yuan }), { nil: null }),
    limitation: fc.record({ general: fc.constantFrom('P1Y', 'P2Y', 'P3Y'), extended: fc.constantFrom('P5Y', 'P4Y') }),
    legalReview: condition,
  },
  { requiredKeys: [] },
);

/** A generated rule set, as the contents of its files. */
export interface RuleSetSpec {
  readonly index: Record<string, Json>;
  readonly topic: { facts: Record<string, Json>; circumstances?: Record<string, Json>; items: Json[]; lists?: Json[] };
}

export const ruleSetSpec: fc.Arbitrary<RuleSetSpec> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => {
    const codes = Array.from({ length: n }, (_, i) => `G-${i + 1}`);
    return fc.tuple(
      policy,
      fc.tuple(...codes.map(item)),
      fc.integer({ min: 0, max: 3 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => listEntry(`L-${i}`, codes)))),
      fc.subarray(Object.keys(GEN_CIRCUMSTANCES)),
    );
  })
  .map(([pol, items, lists, circs]) => {
    const facts: Record<string, Json> = {};
    for (const [name, f] of Object.entries(GEN_FACTS)) facts[name] = f.decl as Json;
    facts.stage = { type: 'enum', values: [...STAGES] };
    facts.overdue = 'duration';
    facts.bulk = { type: 'boolean', label: '散装' };
    const circumstances: Record<string, Json> = {};
    // A declared circumstance that fineOnlyIf may name must exist.
    for (const c of new Set(['repeatOffence', ...circs])) circumstances[c] = GEN_CIRCUMSTANCES[c as keyof typeof GEN_CIRCUMSTANCES];
    return {
      index: {
        id: 'gen-rules',
        region: { code: '000000', name: '测试' },
        title: '生成的裁量基准',
        issuer: '测试',
        document: null,
        version: '1',
        effective: { from: '2015-01-01', to: null },
        laws: {
          tl: { title: '测试法', version: '2015-01-01', articles: 200 },
          xzcff: { title: '中华人民共和国行政处罚法', version: '2021-01-22', articles: 86 },
        },
        policy: pol,
      },
      topic: { facts, circumstances, items, ...(lists.length ? { lists } : {}) },
    };
  });

/** The files of a generated rule set (index.yaml and one topic file). */
export function ruleSetFiles(spec: RuleSetSpec, dir = 'gen'): SourceInput[] {
  return [
    { path: `${dir}/index.yaml`, text: stringify(spec.index) },
    { path: `${dir}/topic.yaml`, text: stringify(spec.topic) },
  ];
}

// ── cases ────────────────────────────────────────────────────────────────

/** A case independent of any rule set: item indexes are taken modulo the rule set's items. */
export interface CaseSpec {
  readonly item: number;
  readonly second?: number;
  readonly party: { kind: 'person' | 'organization'; age?: number; capacity?: 'full' | 'partial' | 'none' };
  readonly act: number;
  readonly actEnd?: number;
  readonly discovered?: number;
  readonly decision?: number;
  readonly facts: Record<string, Json>;
  readonly circumstances: string[];
  readonly history: { item: number; daysBefore: number }[];
}

const DAY_2016 = dayOfIso('2016-01-01');
const DAY_2027 = dayOfIso('2027-01-01');
const LEAP_DAYS = ['2016-02-29', '2020-02-29', '2024-02-29', '2023-03-01', '2024-12-31', '2025-01-01'].map(dayOfIso);

/** An act day: any day 2016–2026, with leap days and year ends favoured. */
export const actDay = fc.oneof(fc.integer({ min: DAY_2016, max: DAY_2027 - 1 }), fc.constantFrom(...LEAP_DAYS));
/** Days between two events, favouring the one- and two-year marks and the five-year mark of Art. 36. */
const gap = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 181, 182, 183, 364, 365, 366, 729, 730, 731, 732, 1095, 1096, 1460, 1461, 1826, 1827) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2500 }) },
);

export const party = fc.oneof(
  fc.record({ kind: fc.constant('organization' as const) }),
  fc.record(
    {
      kind: fc.constant('person' as const),
      age: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(13, 14, 17, 18) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) },
        { weight: 3, arbitrary: fc.integer({ min: 18, max: 80 }) },
      ),
      capacity: fc.constantFrom('full' as const, 'full' as const, 'full' as const, 'partial' as const, 'none' as const),
    },
    { requiredKeys: ['kind'] },
  ),
);

const caseFacts: fc.Arbitrary<Record<string, Json>> = fc
  .tuple(
    fc.record({
    goodsValue: factValue('goodsValue'),
    illegalGains: factValue('illegalGains'),
    area: factValue('area'),
    days: factValue('days'),
    share: factValue('share'),
    stage: fc.constantFrom(...STAGES),
    overdue: fc.oneof(fc.constantFrom(...DURATIONS), fc.integer({ min: 0, max: 300 }).map((h) => `PT${h}H`)),
      bulk: fc.boolean(),
    }),
    fc.subarray(['goodsValue', 'illegalGains', 'area', 'days', 'share', 'stage', 'overdue', 'bulk'], { maxLength: 3 }),
  )
  .map(([all, absent]) => {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(all)) if (!absent.includes(k)) out[k] = v;
    return out;
  });

/** Circumstances of a case: few, with the exempting ones rarer. */
const circumstances = fc
  .subarray([...BUILTIN_CIRCUMSTANCE_NAMES, ...Object.keys(GEN_CIRCUMSTANCES)], { maxLength: 5 })
  .chain((cs) => fc.boolean().map((keep) => (keep ? cs : cs.filter((c) => !EXEMPTING.has(c)))));

export const caseSpec: fc.Arbitrary<CaseSpec> = fc
  .record({
    item: fc.nat(5),
    second: fc.option(fc.nat(5), { nil: undefined, freq: 5 }),
    party,
    act: actDay,
    actEnd: fc.option(gap, { nil: undefined, freq: 4 }),
    discovered: fc.option(
      fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 200 }) }, { weight: 1, arbitrary: gap }),
      { nil: undefined, freq: 8 },
    ),
    decision: fc.option(gap, { nil: undefined, freq: 2 }),
    facts: caseFacts,
    circumstances,
    history: fc.array(fc.record({ item: fc.nat(5), daysBefore: gap }), { maxLength: 3 }),
  })
  .map((r) => {
    const actEnd = r.actEnd === undefined ? undefined : r.act + r.actEnd;
    const discovered = r.discovered === undefined ? undefined : (actEnd ?? r.act) + r.discovered;
    const decision = r.decision === undefined || discovered === undefined ? undefined : discovered + r.decision;
    return {
      item: r.item,
      ...(r.second !== undefined ? { second: r.second } : {}),
      party: r.party,
      act: r.act,
      ...(actEnd !== undefined ? { actEnd } : {}),
      ...(discovered !== undefined ? { discovered } : {}),
      ...(decision !== undefined ? { decision } : {}),
      facts: r.facts,
      circumstances: r.circumstances,
      history: r.history,
    };
  });

/** Item codes of a generated rule set. */
export function itemCodes(spec: RuleSetSpec): string[] {
  return spec.topic.items.map((i) => (i as { code: string }).code);
}

/** The case as a plain object (money in yuan) for a generated rule set. */
export function caseFor(spec: CaseSpec, rs: RuleSetSpec): Record<string, Json> {
  return caseValue(spec, itemCodes(rs), Object.keys(rs.topic.circumstances ?? {}));
}

/** The case as a plain object (money in yuan), for loadCase / evaluateInCatalog. */
export function caseValue(spec: CaseSpec, codes: readonly string[], declared: readonly string[]): Record<string, Json> {
  const item = codes[spec.item % codes.length]!;
  const second = spec.second === undefined ? undefined : codes[spec.second % codes.length]!;
  const known = new Set<string>([...BUILTIN_CIRCUMSTANCE_NAMES, ...declared]);
  const dates: Record<string, Json> = { act: isoOfDay(spec.act) };
  if (spec.actEnd !== undefined) dates.actEnd = isoOfDay(spec.actEnd);
  if (spec.discovered !== undefined) dates.discovered = isoOfDay(spec.discovered);
  if (spec.decision !== undefined) dates.decision = isoOfDay(spec.decision);
  return {
    id: 'gen-case',
    ...(second !== undefined && second !== item ? { items: [item, second] } : { item }),
    party: spec.party as Json,
    dates,
    facts: spec.facts,
    circumstances: spec.circumstances.filter((c) => known.has(c)),
    history: spec.history.map((h) => ({ item: codes[h.item % codes.length]!, date: isoOfDay(spec.act - h.daysBefore) })),
  };
}

// ── shuffling (for determinism) ──────────────────────────────────────────

/** A deterministic permutation from a seed (mulberry32). */
export function permutation(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The same data with every mapping's keys in another order, and the lists
 * whose order carries no meaning (`unordered(path)` says which) shuffled.
 */
export function shuffleDeep(value: unknown, seed: number, unordered: (path: readonly string[]) => boolean, path: string[] = []): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v, i) => shuffleDeep(v, seed + i + 1, unordered, [...path, '[]']));
    if (!unordered(path)) return items;
    return permutation(items.length, seed).map((i) => items[i]);
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const out: Record<string, unknown> = {};
    for (const i of permutation(keys.length, seed * 31 + keys.length)) {
      const k = keys[i]!;
      out[k] = shuffleDeep((value as Record<string, unknown>)[k], seed + k.length * 7 + i, unordered, [...path, k]);
    }
    return out;
  }
  return value;
}
