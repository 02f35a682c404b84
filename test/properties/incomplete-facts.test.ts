import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import type { Disposition } from '../../src/evaluate/types.js';
import { loadCase } from '../../src/load/loadCase.js';
import type { RuleSet } from '../../src/load/model.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import { BUILTIN_EXCLUSIONS } from '../../src/schema/vocabulary.js';
import { actDay, caseFor, caseSpec, consistent, dayOfIso, isoOfDay, ruleSetSpec, yuan, type CaseSpec } from './arbitraries.js';
import { loadGenerated, loadGeneratedCase } from './generated.js';
import { runs } from './settings.js';

// Unknown is not "no", and contradictions are not facts: properties over random
// rule sets and cases, and over the two bundled texts of 道路运输条例 for Art. 37.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const versions: RuleSet[] = [];
for (const dir of await findRuleSetDirs(join(ROOT, 'rules'))) {
if (!dir.includes('cn-road-transport')) continue;
const r = await loadRuleSetDir(dir);
if (r.ruleSet) versions.push(r.ruleSet);
}

/** The steps of a disposition that could not be decided (trace status missing). */
const missingSteps = (d: Disposition) => d.trace.filter((t) => t.status === 'missing').map((t) => `${t.step}: ${t.message}`);

describe('invariant: never a confident answer on incomplete or contradictory facts', () => {
  it('no penalty outcome while any step is undetermined (random rule sets and cases, some without discovery or decision dates)', () => {
    let undecided = 0;
    fc.assert(
      fc.property(ruleSetSpec, caseSpec, (spec, cs0) => {
        const cs = { ...cs0, circumstances: consistent(cs0.circumstances) };
        const rs = loadGenerated(spec);
        const d = evaluate(rs, loadGeneratedCase(cs, spec, rs));
        const missing = missingSteps(d);
        if (missing.length > 0) undecided++;
        if (d.outcome === 'penalty') {
          expect(missing).toEqual([]);
          expect(d.undetermined).toBeUndefined();
          expect(d.missingFacts).toEqual([]);
        }
        if (d.outcome === 'undetermined') expect(d.undetermined?.length).toBeGreaterThan(0);
        else expect(d.undetermined).toBeUndefined();
      }),
      runs(20261203, 300),
    );
    // Not vacuous: many cases leave a step open.
    expect(undecided).toBeGreaterThan(30);
  }, 600_000);

  it('no mandatory no penalty (应当不予处罚) on a case whose circumstances contradict each other, whatever else it holds', () => {
    const pair = fc.constantFrom(...BUILTIN_EXCLUSIONS.filter((e) => e.of.length === 2));
    fc.assert(
      fc.property(ruleSetSpec, caseSpec, pair, fc.integer({ min: 0, max: 17 }), (spec, cs0, ex, age) => {
        // Even with a child under 14 or a time-barred act beside the contradiction.
        const cs: CaseSpec = { ...cs0, party: age < 14 ? { kind: 'person', age } : cs0.party, circumstances: [...new Set([...cs0.circumstances, ...ex.of])] };
        const rs = loadGenerated(spec);
        const r = evaluateInCatalog([rs], { path: 'case.yaml', value: caseFor(cs, spec) });
        const d = r.disposition!;
        expect(r.diagnostics.filter((x) => x.code === 'CASE_FACTS_CONTRADICT').length).toBeGreaterThanOrEqual(2);
        expect(d.outcome).toBe('undetermined');
        expect(d.mandatory).toBe(false);
        expect(d.penalties).toEqual([]);
        expect(d.undetermined?.[0]?.reason).toBe('contradiction');
      }),
      runs(20261204, 200),
    );
  }, 600_000);

  it('removing a fact or a date never makes an undetermined case determined', () => {
    let undetermined = 0;
    fc.assert(
      fc.property(ruleSetSpec, caseSpec, fc.nat(), (spec, cs0, pick) => {
        const cs = { ...cs0, circumstances: consistent(cs0.circumstances) };
        const rs = loadGenerated(spec);
        const d = evaluate(rs, loadGeneratedCase(cs, spec, rs));
        if (d.outcome !== 'undetermined') return;
        undetermined++;
        const keys = [...Object.keys(cs.facts).map((k) => `fact:${k}`), ...(cs.discovered !== undefined ? ['discovered'] : []), ...(cs.decision !== undefined ? ['decision'] : [])];
        if (keys.length === 0) return;
        const key = keys[pick % keys.length]!;
        let less: CaseSpec;
        if (key === 'discovered') less = { ...cs, discovered: undefined, decision: undefined };
        else if (key === 'decision') less = { ...cs, decision: undefined };
        else {
          const facts = { ...cs.facts };
          delete facts[key.slice(5)];
          less = { ...cs, facts };
        }
        const d2 = evaluate(rs, loadGeneratedCase(less, spec, rs));
        expect([key, d2.outcome]).toEqual([key, 'undetermined']);
      }),
      runs(20261205, 300),
    );
    expect(undetermined).toBeGreaterThan(30);
  }, 600_000);
});

describe('invariant: Art. 37 never yields a heavier result than either version alone', () => {

  /** Lighter first, in the order of Art. 37: no penalty, then a lower statutory maximum, then a lower recommendation. */
  const weight = (d: Disposition): [number, number, number] => {
    if (d.outcome === 'none') return [0, 0, 0];
    const f = d.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
    return [1, f?.statutory?.max ?? 0, f?.recommended ?? 0];
  };
  const heavier = (a: Disposition, b: Disposition) => {
    const [x, y] = [weight(a), weight(b)];
    return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
  };

  it('random road-transport cases acted under the 2022 text and decided under the 2023 text (道路运输条例 Arts. 63, 64)', () => {
    expect(versions.map((v) => v.version).sort()).toEqual(['2022.1', '2023.1']);
    const CHANGE = dayOfIso('2023-07-20');
    let compared = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('DLYS-63-FREIGHT', 'DLYS-63-PASSENGER', 'DLYS-63-DANGEROUS', 'DLYS-64'),
        fc.integer({ min: dayOfIso('2022-05-01'), max: CHANGE - 1 }),
        fc.integer({ min: 0, max: 400 }),
        fc.option(yuan, { nil: undefined }),
        fc.subarray(['intentional', 'eliminatedHarm', 'cooperated', 'refusedToCorrect', 'harmMinor']),
        fc.constantFrom<'person' | 'organization'>('person', 'organization'),
        (item, act, after, gains, circumstances, kind) => {
          const decision = Math.max(act + 1, CHANGE) + after;
          const value = {
            id: 'art37',
            item,
            party: kind === 'person' ? { kind, age: 40 } : { kind },
            dates: { act: isoOfDay(act), discovered: isoOfDay(act), decision: isoOfDay(decision) },
            ...(gains !== undefined ? { facts: { illegalGains: gains } } : {}),
            // Circumstances both texts know (serious is a clause of the 2023 text only).
            circumstances: consistent(circumstances).filter((x) => versions.every((v) => v.circumstances[x])),
          };
          const chosen = evaluateInCatalog(versions, { value }).disposition!;
          const alone = versions.map((v) => {
            const c = loadCase({ value: { ...value, circumstances: value.circumstances.filter((x) => v.circumstances[x]) } }, v).case;
            return c ? evaluate(v, c) : undefined;
          });
          if (chosen.outcome === 'undetermined' || alone.some((d) => !d || d.outcome === 'undetermined')) return;
          compared++;
          for (const d of alone) expect(heavier(chosen, d!)).toBe(false);
        },
      ),
      runs(20261206, 300),
    );
    expect(compared).toBeGreaterThan(100);
  }, 600_000);

  it('an act on any day before the change, decided the day before it: the act-date version alone', () => {
    fc.assert(
      fc.property(actDay, (day) => {
        const act = Math.min(Math.max(day, dayOfIso('2022-05-01')), dayOfIso('2023-07-18'));
        const d = evaluateInCatalog(versions, { value: { id: 'x', item: 'DLYS-64', party: { kind: 'organization' }, dates: { act: isoOfDay(act), discovered: isoOfDay(act), decision: '2023-07-19' } } }).disposition!;
        expect(d.ruleSet.version).toBe('2022.1');
        expect(d.timeRule).toBeUndefined();
      }),
      runs(20261207, 50),
    );
  });
});
