import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import type { Disposition } from '../../src/evaluate/types.js';
import { addYears, caseFor, caseSpec, consistent, dayOfIso, isoOfDay, ruleSetSpec, type CaseSpec, type RuleSetSpec } from './arbitraries.js';
import { loadGenerated } from './generated.js';
import { runs } from './settings.js';

// 应当不予处罚 is not the officer's choice: a child under 14 (行政处罚法 Art. 30),
// a person unable to recognise or control their conduct (Art. 31), no fault
// proven (Art. 33(2)), a minor violation corrected in time without harm
// (Art. 33(1) first sentence), and an act discovered after the limitation
// period (Art. 36) give outcome none with mandatory true, whatever the rule
// set's lists, tiers and the case's other circumstances say.

type Ground = 'time-barred' | 'under-14' | 'incapacity' | 'no-fault' | 'minor';
const XZCFF = '《中华人民共和国行政处罚法》';
const CITES: Record<Ground, string> = {
  'time-barred': `${XZCFF}第三十六条第一款`,
  'under-14': `${XZCFF}第三十条`,
  incapacity: `${XZCFF}第三十一条`,
  'no-fault': `${XZCFF}第三十三条第二款`,
  minor: `${XZCFF}第三十三条第一款第一句`,
};

/** The longest limitation period the rule set may apply (Art. 36: general or extended), in years. */
function longestPeriod(spec: RuleSetSpec): number {
  const lim = (spec.index.policy as { limitation?: { general: string; extended: string } }).limitation ?? { general: 'P2Y', extended: 'P5Y' };
  return Math.max(Number(lim.general.slice(1, -1)), Number(lim.extended.slice(1, -1)));
}

/** The case with the ground forced in; other grounds of the case are kept (the first in the law's order wins). */
function force(cs0: CaseSpec, ground: Ground, spec: RuleSetSpec, age: number, extraDays: number): CaseSpec {
  // Facts that contradict each other give no outcome at all (see contradictions.test.ts): consistent cases only.
  const forced = ground === 'no-fault' ? ['noFaultProven'] : ground === 'minor' ? ['minorViolation', 'correctedInTime', 'harmNone'] : [];
  const cs = { ...cs0, circumstances: consistent(cs0.circumstances, forced) };
  const start = cs.actEnd ?? cs.act;
  // Discovered within a year (every generated limitation period is longer) unless time-barred is the point.
  const inTime = { ...cs, discovered: start + (extraDays % 200), decision: start + (extraDays % 200) + 10 };
  switch (ground) {
    case 'time-barred': {
      const discovered = dayOfIso(addYears(isoOfDay(start), longestPeriod(spec))) + 1 + extraDays;
      return { ...cs, discovered, decision: discovered + 5 };
    }
    case 'under-14':
      return { ...inTime, party: { ...cs.party, kind: 'person', age } };
    case 'incapacity':
      return { ...inTime, party: { kind: 'person', ...(cs.party.age !== undefined && cs.party.age >= 14 ? { age: cs.party.age } : {}), capacity: 'none' } };
    case 'no-fault':
      return inTime;
    case 'minor':
      return inTime;
  }
}

/** The ground the law applies first, for the case as forced. */
function expected(cs: CaseSpec, ground: Ground): Ground {
  if (ground === 'time-barred') return 'time-barred';
  const person = cs.party.kind === 'person';
  if (person && cs.party.age !== undefined && cs.party.age < 14) return 'under-14';
  if (person && cs.party.capacity === 'none') return 'incapacity';
  const has = (x: string) => cs.circumstances.includes(x);
  if (has('noFaultProven')) return 'no-fault';
  if (has('minorViolation') && has('correctedInTime') && has('harmNone')) return 'minor';
  return ground;
}

function problems(d: Disposition | undefined, want: Ground): string[] {
  if (!d) return ['no disposition'];
  const out: string[] = [];
  if (d.outcome !== 'none') out.push(`outcome ${d.outcome}`);
  if (d.mandatory !== true) out.push('mandatory false (可以) instead of 应当');
  if (d.basis !== want) out.push(`basis ${d.basis}, want ${want}`);
  if (d.penalties.length > 0) out.push(`penalties: ${d.penalties.map((p) => p.kind).join(', ')}`);
  if (d.otherwise) out.push('a penalty that would otherwise apply, for a mandatory exemption');
  if (d.grade !== undefined) out.push(`grade ${d.grade}`);
  if (!d.citations.some((c) => c.text === CITES[want])) out.push(`${CITES[want]} not cited`);
  return out;
}

describe('invariant: a mandatory exemption always gives outcome none, mandatory', () => {
  it('Art. 30 under 14, Art. 31 incapacity, Art. 33(1) first sentence, Art. 33(2), Art. 36 time-barred: outcome none, mandatory true, the right basis and article (random rule sets and cases)', () => {
    const grounds = fc.constantFrom<Ground>('time-barred', 'under-14', 'incapacity', 'no-fault', 'minor');
    fc.assert(
      fc.property(ruleSetSpec, caseSpec, grounds, fc.integer({ min: 0, max: 13 }), fc.nat(3000), (spec, cs0, ground, age, extra) => {
        const rs = loadGenerated(spec);
        const cs = force(cs0, ground, spec, age, extra);
        const r = evaluateInCatalog([rs], { path: 'case.yaml', value: caseFor(cs, spec) });
        expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
        expect(problems(r.disposition, expected(cs, ground))).toEqual([]);
      }),
      runs(20261125, 300),
    );
  }, 600_000);

  it('the day the limitation period ends is still in time (Art. 36: 2024-02-29 + 2 years ends on 2026-02-28)', () => {
    fc.assert(
      fc.property(ruleSetSpec, caseSpec, (spec, cs1) => {
        const cs0 = { ...cs1, circumstances: consistent(cs1.circumstances) };
        const rs = loadGenerated(spec);
        const lim = (spec.index.policy as { limitation?: { general: string } }).limitation?.general ?? 'P2Y';
        const years = Number(lim.slice(1, -1));
        const start = cs0.actEnd ?? cs0.act;
        const lastDay = dayOfIso(addYears(isoOfDay(start), years));
        const cs: CaseSpec = { ...cs0, discovered: lastDay, decision: lastDay };
        const r = evaluateInCatalog([rs], { path: 'case.yaml', value: caseFor(cs, spec) });
        // A list entry may still exempt the case; the statutory limitation step itself must not apply.
        expect(r.disposition?.trace.find((t) => t.step === 'limitation')?.status).toBe('not-applied');
        const plus: CaseSpec = { ...cs0, circumstances: cs0.circumstances.filter((x) => x !== 'lifeHealthOrFinancial'), discovered: lastDay + 1, decision: lastDay + 1 };
        const late = evaluateInCatalog([rs], { path: 'case.yaml', value: caseFor(plus, spec) });
        expect(late.disposition?.trace.find((t) => t.step === 'limitation')?.status).toBe('applied');
        expect(late.disposition?.basis).toBe('time-barred');
        expect(late.disposition?.mandatory).toBe(true);
      }),
      runs(20261126, 200),
    );
  }, 600_000);
});
