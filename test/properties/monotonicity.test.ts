import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Disposition, PenaltyAssessment } from '../../src/evaluate/types.js';
import { loadCase } from '../../src/load/loadCase.js';
import type { FactDef, Item, RuleSet } from '../../src/load/model.js';
import { isoOfDay } from './arbitraries.js';
import { actIn, aggravatingFacts, bundledRuleSets, fileValue, internalValue, itemConditions, itemFacts, larger, party, thresholds, toFile } from './bundled.js';
import { runs } from './settings.js';

// DESIGN.md, Invariants: more of an aggravating fact never lowers the tier.
// For every item of every bundled rule set: a random case, and the same case
// with one aggravating fact increased (declared `aggravating: true`, 货值金额 /
// 违法所得, or an area or volume a tier grades by). The second case may not get
// a lighter outcome, a lower grade or tier, or a lower recommended fine.

const GRADE_RANK = { reduced: 0, lighter: 1, general: 2, heavier: 3 } as const;

/** none (应当) < none (可以) < penalty; undetermined is not ranked. */
function outcomeRank(d: Disposition): number | undefined {
  if (d.outcome === 'none') return d.mandatory ? 0 : 1;
  return d.outcome === 'penalty' ? 2 : undefined;
}

/** The penalty given, or the one that would otherwise apply (可以不予处罚). */
function assessment(d: Disposition): Pick<PenaltyAssessment, 'grade' | 'tier' | 'penalties'> | undefined {
  if (d.outcome === 'penalty') return { grade: d.grade!, ...(d.tier ? { tier: d.tier } : {}), penalties: d.penalties };
  return d.otherwise;
}

function summary(d: Disposition): string {
  const a = assessment(d);
  const f = a?.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  return `${d.outcome}${d.basis ? `/${d.basis}` : ''}${d.mandatory ? '' : ' (可以)'} grade ${a?.grade ?? '-'} tier ${a?.tier?.id ?? '-'} fine ${f?.range ? `${f.range.min}–${f.range.max}` : '-'} recommended ${f?.recommended ?? '-'} (fen)`;
}

/** Every way `after` is lighter than `before`. */
function lighter(rs: RuleSet, item: Item, before: Disposition, after: Disposition): string[] {
  const out: string[] = [];
  const r0 = outcomeRank(before);
  const r1 = outcomeRank(after);
  if (r0 !== undefined && r1 !== undefined && r1 < r0) out.push('a lighter outcome');
  const a0 = assessment(before);
  const a1 = assessment(after);
  if (!a0 || !a1) return out;
  if (GRADE_RANK[a1.grade] < GRADE_RANK[a0.grade]) out.push(`a lower grade (${a0.grade} → ${a1.grade})`);
  const g0 = item.tiers.find((t) => t.id === a0.tier?.id)?.grade;
  const g1 = item.tiers.find((t) => t.id === a1.tier?.id)?.grade;
  if (g0 && g1 && GRADE_RANK[g1] < GRADE_RANK[g0]) out.push(`a lower tier (${a0.tier!.id} ${g0} → ${a1.tier!.id} ${g1})`);
  const f0 = a0.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  const f1 = a1.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  if (f0?.recommended !== undefined && f1?.recommended !== undefined && f1.recommended < f0.recommended)
    out.push(`a lower recommended fine (${f0.recommended} → ${f1.recommended} fen)`);
  // A range that only widens (lower minimum, higher maximum) is not lower; one whose top drops, or that moves down, is.
  if (f0?.range && f1?.range && (f1.range.max < f0.range.max || (f1.range.min < f0.range.min && f1.range.max <= f0.range.max)))
    out.push(`a lower fine range (${f0.range.min}–${f0.range.max} → ${f1.range.min}–${f1.range.max} fen)`);
  void rs;
  return out;
}

interface Pair {
  readonly value: Record<string, unknown>;
  readonly fact: FactDef;
  readonly from: unknown;
  readonly to: unknown;
}

/** Random cases about `item`, each with one aggravating fact and a larger value for it. */
function pairs(rs: RuleSet, item: Item, bumpable: readonly FactDef[], points: Map<string, number[]>): fc.Arbitrary<Pair> {
  const facts = itemFacts(rs, item);
  const circumstances = Object.keys(rs.circumstances).filter((c) => c !== 'noFaultProven');
  const others = rs.items.map((i) => i.code);
  return fc
    .record({
      party,
      act: actIn(rs),
      discovered: fc.integer({ min: 0, max: 300 }),
      values: fc.tuple(...facts.map((f) => fc.option(fileValue(f, points.get(f.name) ?? []), { nil: undefined, freq: 8 }))),
      circumstances: fc.subarray(circumstances, { maxLength: 4 }),
      history: fc.array(fc.record({ item: fc.constantFrom(...others), daysBefore: fc.integer({ min: 1, max: 1200 }) }), { maxLength: 2 }),
      bump: fc.constantFrom(...bumpable).chain((f) =>
        internalValue(f, points.get(f.name) ?? []).chain((v) => larger(f, points.get(f.name) ?? [], v).map((w) => ({ f, v, w }))),
      ),
    })
    .filter(({ bump }) => bump.w > bump.v)
    .map((r) => {
      const factValues: Record<string, unknown> = {};
      facts.forEach((f, i) => {
        if (r.values[i] !== undefined) factValues[f.name] = r.values[i];
      });
      const from = toFile(r.bump.f, r.bump.v);
      const to = toFile(r.bump.f, r.bump.w);
      const value = {
        id: 'mono',
        item: item.code,
        party: r.party,
        dates: { act: isoOfDay(r.act), discovered: isoOfDay(r.act + r.discovered) },
        facts: { ...factValues, [r.bump.f.name]: from },
        circumstances: r.circumstances,
        history: r.history.map((h) => ({ item: h.item, date: isoOfDay(r.act - h.daysBefore) })),
      };
      return { value, fact: r.bump.f, from, to };
    });
}

function run(rs: RuleSet, value: Record<string, unknown>): Disposition {
  const r = loadCase({ path: 'case.yaml', value }, rs);
  if (!r.case) throw new Error(`case did not load: ${r.diagnostics.map((d) => `${d.code} ${d.pointer} ${d.message}`).join('; ')}`);
  return evaluate(rs, r.case, { trace: false });
}

const bundled = await bundledRuleSets();

describe('invariant: more of an aggravating fact never gives a lighter result (every bundled rule set)', () => {
  it('finds the bundled rule sets', () => expect(bundled.length).toBeGreaterThan(0));
  for (const b of bundled) {
    it(`${b.dir}: increasing an aggravating fact never lowers the outcome, grade, tier, fine range or recommended fine`, () => {
      expect(b.errors, `${b.dir} does not load`).toEqual([]);
      const rs = b.ruleSet!;
      let compared = 0;
      let items = 0;
      rs.items.forEach((item, n) => {
        const conds = itemConditions(rs, item);
        const bumpable = aggravatingFacts(itemFacts(rs, item), conds.tiers);
        if (bumpable.length === 0) return;
        items++;
        const points = thresholds(conds.all);
        fc.assert(
          fc.property(pairs(rs, item, bumpable, points), ({ value, fact, from, to }) => {
            const before = run(rs, value);
            const after = run(rs, { ...value, facts: { ...(value.facts as object), [fact.name]: to } });
            if (before.outcome !== 'undetermined' && after.outcome !== 'undetermined') compared++;
            // A statutory layer mirrors the statute, whose own branches need not be monotone
            // (价格违法行为行政处罚规定 Art. 10: 有违法所得的，处违法所得五倍以下；没有违法所得的，处五万元以上):
            // there the invariant holds within one statutory clause.
            const clauseOf = (d: Disposition) => d.clause ?? d.otherwise?.clause;
            if (rs.layer === 'statutory' && clauseOf(before) !== clauseOf(after)) return;
            const worse = lighter(rs, item, before, after);
            if (worse.length > 0)
              throw new Error(
                `${rs.id} ${item.code}: ${fact.name} ${JSON.stringify(from)} → ${JSON.stringify(to)} gives ${worse.join(', ')}\n` +
                  `  before: ${summary(before)}\n  after:  ${summary(after)}\n  case: ${JSON.stringify(value)}`,
              );
          }),
          runs(20261127 + n, 60),
        );
      });
      // Not vacuous: items with aggravating facts were compared on determined outcomes.
      if (items > 0) expect(compared).toBeGreaterThan(0);
    }, 600_000);
  }
});

// Counterexamples the property found with other seeds on the bundled rule sets
// (reported, not fixed here: rules/ and src/evaluate/ belong to others). Each
// is `it.fails`: when the rule set or the engine is fixed, the test fails and
// should become an ordinary `it`.
const byDir = new Map(bundled.map((b) => [b.dir, b.ruleSet]));
function replay(dir: string, code: string, value: Record<string, unknown>, fact: string, to: unknown): string[] {
  const rs = byDir.get(dir);
  if (!rs) throw new Error(`${dir} did not load`);
  const item = rs.items.find((i) => i.code === code)!;
  const before = run(rs, value);
  const after = run(rs, { ...value, facts: { ...(value.facts as object), [fact]: to } });
  return lighter(rs, item, before, after);
}
const at = (item: string, act: string, facts: Record<string, unknown>, circumstances: string[], kind = 'organization') => ({
  id: 'mono',
  item,
  party: kind === 'person' ? { kind, age: 40 } : { kind },
  dates: { act, discovered: act },
  facts,
  circumstances,
  history: [],
});

describe('monotonicity counterexamples once found in bundled rule sets', () => {
  // The 山西 list entry requires exactly one exceeded factor, so 0 → 1 enters it: the
  // list as published, not an engine error. Kept as a known counterexample.
  it.fails('KNOWN (rule set): rules/cn-sx-eco DQ-99-1-2: exceededFactors 0 → 1 turns a penalty into 首违不罚 (the list entry requires exactly 1 factor; 0 falls outside it)', () => {
    const v = at('DQ-99-1-2', '2023-01-01', { exceedanceHours: 'PT180M', exceedanceRatio: 0, toxicPollutant: false, exceededFactors: 0 }, ['correctedInTime'], 'person');
    expect(replay('rules/cn-sx-eco', 'DQ-99-1-2', v, 'exceededFactors', 1)).toEqual([]);
  });
  it('rules/cn-sx-safety AQSCF-97-4: unrecordedShare 0.2 → 0.31 no longer lowers the fine that would otherwise apply (no tier above 30%: the otherwise-penalty is left out rather than taken from the statutory band)', () => {
    const v = at('AQSCF-97-4', '2021-11-10', { unrecordedShare: 0.2 }, ['correctedInTime', 'harmNone', 'cooperated'], 'person');
    expect(replay('rules/cn-sx-safety', 'AQSCF-97-4', v, 'unrecordedShare', 0.31)).toEqual([]);
  });
  it('rules/cn-sc-safety AQSCF-92-1: inaccuracyCount 0 → 1 no longer lowers the fine that would otherwise apply (no tier for 0: the otherwise-penalty is left out rather than taken from the statutory band)', () => {
    const v = at('AQSCF-92-1', '2024-01-01', { inaccuracyCount: 0 }, ['correctedInTime', 'harmMinor'], 'person');
    expect(replay('rules/cn-sc-safety', 'AQSCF-92-1', v, 'inaccuracyCount', 1)).toEqual([]);
  });
});
