import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/evaluate/conditions.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Disposition, Penalty, PenaltyAssessment } from '../../src/evaluate/types.js';
import type { Case } from '../../src/evaluate/types.js';
import type { RuleSet } from '../../src/load/model.js';
import { caseSpec, consistent, ruleSetSpec } from './arbitraries.js';
import { loadGenerated, loadGeneratedCase, reducedGroundInTrace, statutoryOracle } from './generated.js';
import { runs } from './settings.js';

// DESIGN.md, Invariants: a fine is never above the statutory maximum; below the
// minimum only with a 减轻 ground; none for `none`. 行政处罚法 Art. 76 forbids a
// benchmark to leave the statutory range; Art. 32 allows going below the
// minimum only for 减轻. Checked on random rule sets and random cases, against
// statutory ranges computed here from the rule set, not read from the result.

/** Every broken promise about the fines of one assessment (the penalty, or what would otherwise apply). */
function fineProblems(rs: RuleSet, c: Case, d: Disposition, a: Pick<PenaltyAssessment, 'clause' | 'grade' | 'penalties'>, where: string): string[] {
  const problems: string[] = [];
  const item = rs.items.find((i) => i.code === d.item)!;
  const fines = a.penalties.filter((p): p is Penalty & { statutory: NonNullable<Penalty['statutory']> } => p.kind === 'fine');
  if (fines.length === 0) return problems;
  const clause = item.clauses.find((cl) => cl.id === a.clause);
  if (!clause) return [`${where}: fines without a statutory clause (${a.clause})`];
  // The clause applied is the one the facts meet (or the otherwise-branch when none does).
  const facts = { ...c.facts, partyKind: c.party.kind, ...(c.party.age !== undefined ? { partyAge: c.party.age } : {}) } as Record<string, string | number | boolean>;
  for (const name of Object.keys(rs.circumstances)) facts[name] = c.circumstances.includes(name);
  if (item.clauses.length > 1) {
    if (clause.when && compileCondition(clause.when)(facts) !== true) problems.push(`${where}: clause ${clause.id} applied though its condition does not hold`);
    if (clause.otherwise && item.clauses.some((o) => o.when && compileCondition(o.when)(facts) !== false))
      problems.push(`${where}: otherwise-clause ${clause.id} applied though another clause may hold`);
  }
  for (const p of fines) {
    const model = p.target === 'party' ? clause.fine : clause.responsibleFine;
    if (!model) {
      problems.push(`${where}: a ${p.target} fine the clause does not provide`);
      continue;
    }
    const s = statutoryOracle(model, c.party.kind, c.facts);
    if (!s) {
      problems.push(`${where}: a ${p.target} fine although its base fact is missing`);
      continue;
    }
    const tag = `${where} ${p.target} fine`;
    if (p.statutory?.min !== s.min || p.statutory?.max !== s.max)
      problems.push(`${tag}: statutory range reported as ${JSON.stringify(p.statutory)}, the statute gives ${JSON.stringify(s)}`);
    if (!p.range) {
      problems.push(`${tag}: no range`);
      continue;
    }
    if (p.range.min > p.range.max) problems.push(`${tag}: inverted range ${JSON.stringify(p.range)}`);
    if (p.range.max > s.max) problems.push(`${tag}: range ${JSON.stringify(p.range)} above the statutory maximum ${s.max}`);
    if (p.recommended !== undefined) {
      if (!Number.isSafeInteger(p.recommended) || p.recommended < 0) problems.push(`${tag}: recommended ${p.recommended} is not a whole number of fen ≥ 0`);
      if (p.recommended > s.max) problems.push(`${tag}: recommended ${p.recommended} above the statutory maximum ${s.max}`);
      if (p.recommended < p.range.min || p.recommended > p.range.max) problems.push(`${tag}: recommended ${p.recommended} outside its own range ${JSON.stringify(p.range)}`);
    }
    const below = p.range.min < s.min || (p.recommended !== undefined && p.recommended < s.min);
    if (below && a.grade !== 'reduced') problems.push(`${tag}: below the statutory minimum ${s.min} with grade ${a.grade}`);
    if (below && !reducedGroundInTrace(d)) problems.push(`${tag}: below the statutory minimum ${s.min} without a 减轻 ground in the trace`);
    if (a.grade !== 'reduced' && p.recommended === undefined) problems.push(`${tag}: no recommended amount though the grade is ${a.grade}`);
  }
  return problems;
}

function problemsOf(rs: RuleSet, c: Case, d: Disposition): string[] {
  const problems: string[] = [];
  if (d.outcome !== 'penalty' && d.penalties.length > 0) problems.push(`outcome ${d.outcome} with penalties ${d.penalties.map((p) => p.kind).join(', ')}`);
  if (d.outcome === 'none') {
    if (!d.measures.some((m) => m.kind === 'educate')) problems.push('no penalty without 教育 (Art. 33(3))');
    if (d.mandatory && d.otherwise) problems.push('应当不予处罚 with a penalty that would otherwise apply');
    if (d.grade !== undefined) problems.push(`outcome none with grade ${d.grade}`);
  }
  if (d.outcome === 'penalty') {
    if (d.penalties.length === 0) problems.push('outcome penalty without any penalty');
    problems.push(...fineProblems(rs, c, d, { clause: d.clause, grade: d.grade!, penalties: d.penalties }, 'penalty'));
  }
  if (d.otherwise) problems.push(...fineProblems(rs, c, d, d.otherwise, 'otherwise'));
  if (d.grade === 'reduced' && !reducedGroundInTrace(d)) problems.push('grade reduced without a 减轻 ground in the trace');
  return problems;
}

describe('invariant: fines stay inside the statute (Art. 76) unless 减轻, and none means no penalty', () => {
  it('no recommended fine above the statutory maximum; below the minimum only for grade reduced with a 减轻 ground; no penalty when the outcome is none (random rule sets and cases)', () => {
    fc.assert(
      fc.property(ruleSetSpec, caseSpec, (spec, cs) => {
        const rs = loadGenerated(spec);
        const c = loadGeneratedCase(cs, spec, rs);
        const d = evaluate(rs, c);
        expect(problemsOf(rs, c, d)).toEqual([]);
      }),
      runs(20261123, 400),
    );
    // 400 generated rule sets loaded and evaluated: seconds on a shared machine.
  }, 600_000);

  it('the same holds for cases made to be penalised: no exempting circumstance, adults, discovered in time', () => {
    const penalised = caseSpec.map((cs) => ({
      ...cs,
      party: cs.party.kind === 'person' ? { kind: 'person' as const, age: Math.max(18, cs.party.age ?? 30) } : cs.party,
      discovered: cs.actEnd ?? cs.act,
      circumstances: consistent(cs.circumstances.filter((x) => !['noFaultProven', 'minorViolation', 'correctedInTime'].includes(x))),
    }));
    let penalties = 0;
    fc.assert(
      fc.property(ruleSetSpec, penalised, (spec, cs) => {
        const rs = loadGenerated(spec);
        const c = loadGeneratedCase(cs, spec, rs);
        const d = evaluate(rs, c);
        if (d.outcome === 'penalty') penalties++;
        expect(problemsOf(rs, c, d)).toEqual([]);
      }),
      runs(20261124, 400),
    );
    // The property must not pass vacuously.
    expect(penalties).toBeGreaterThan(100);
  }, 600_000);
});
