import { loadCase } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { FineModel, RuleSet } from '../../src/load/model.js';
import type { Case, Disposition, FenRange } from '../../src/evaluate/types.js';
import { caseFor, ruleSetFiles, type CaseSpec, type RuleSetSpec } from './arbitraries.js';

/** Loads a generated rule set; a generated rule set that does not load is a bug (in the generator or the loader). */
export function loadGenerated(spec: RuleSetSpec): RuleSet {
  const files = ruleSetFiles(spec);
  const r = loadRuleSet(files);
  if (!r.ruleSet) {
    const problems = r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n');
    throw new Error(`generated rule set did not load:\n${problems}\n--- ${files[1]!.path}\n${files[1]!.text}`);
  }
  return r.ruleSet;
}

/** Loads a generated case for a generated rule set. */
export function loadGeneratedCase(cs: CaseSpec, spec: RuleSetSpec, rs: RuleSet, value = caseFor(cs, spec)): Case {
  const r = loadCase({ path: 'case.yaml', value }, rs);
  if (!r.case) throw new Error(`generated case did not load: ${JSON.stringify(r.diagnostics)}\n${JSON.stringify(value)}`);
  return r.case;
}

/**
 * The statutory fine range (fen) for a party and facts, computed here from
 * the rule set's model rather than taken from the engine: the oracle of the
 * bounds property.
 */
export function statutoryOracle(model: FineModel, party: Case['party']['kind'], facts: Case['facts']): FenRange | undefined {
  switch (model.kind) {
    case 'range':
      return { min: model.min, max: model.max };
    case 'upTo':
      return { min: 0, max: model.max };
    case 'multiple': {
      const base = facts[model.of];
      if (typeof base !== 'number') return undefined;
      return { min: Math.round(base * model.min), max: Math.round(base * model.max) };
    }
    case 'byParty':
      return statutoryOracle(party === 'person' ? model.person : model.organization, party, facts);
  }
}

/** A 减轻 ground in the trace: the mitigation step applied and says 减轻. */
export function reducedGroundInTrace(d: Disposition): boolean {
  return d.trace.some((t) => t.step === 'mitigation' && t.status === 'applied' && t.message.includes('减轻'));
}
