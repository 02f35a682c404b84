import type { Exclusion, RuleSet } from '../load/model.js';
import { BUILTIN_EXCLUSIONS } from '../schema/vocabulary.js';
import { compiledTest, conditionFacts, runTest } from './conditions.js';
import { CaseFacts } from './facts.js';
import type { Case } from './types.js';

/** Two sides of one case that cannot both hold. */
export interface Contradiction {
  /** The circumstances involved (one or two), as the exclusion names them. */
  readonly circumstances: readonly string[];
  /** With a fact condition: the facts it reads that the case gives. */
  readonly facts: readonly string[];
  readonly reason: string;
}

const all = new WeakMap<RuleSet, readonly Exclusion[]>();

/** The built-in exclusions whose circumstances the rule set knows, then the rule set's own. */
export function exclusionsOf(rs: RuleSet): readonly Exclusion[] {
  let ex = all.get(rs);
  if (!ex) {
    ex = [...BUILTIN_EXCLUSIONS.filter((e) => e.of.every((n) => rs.circumstances[n] !== undefined)), ...(rs.exclusions ?? [])];
    all.set(rs, ex);
  }
  return ex;
}

/**
 * The contradictions a case holds: both circumstances of an exclusion listed,
 * or its one circumstance listed and its fact condition true on the case's
 * facts (a condition the case's facts leave open is no contradiction). In the
 * order of the exclusions (built-in first).
 */
export function contradictionsIn(rs: RuleSet, c: Case): Contradiction[] {
  const out: Contradiction[] = [];
  const ex = exclusionsOf(rs);
  if (c.circumstances.length === 0) return out;
  let facts: CaseFacts | undefined;
  for (const e of ex) {
    if (!e.of.every((n) => c.circumstances.includes(n))) continue;
    if (e.when) {
      facts ??= new CaseFacts(c, Object.keys(rs.circumstances), new Set(Object.keys(rs.circumstances)));
      if (runTest(compiledTest(e.when), facts) !== true) continue;
      const used = conditionFacts(e.when).filter((f) => Object.prototype.hasOwnProperty.call(c.facts, f));
      out.push({ circumstances: e.of, facts: used, reason: e.reason });
    } else out.push({ circumstances: e.of, facts: [], reason: e.reason });
  }
  return out;
}
