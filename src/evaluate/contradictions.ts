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
  const listed = c.circumstances;
  if (listed.length === 0) return out;
  let facts: CaseFacts | undefined;
  for (let i = 0; i < ex.length; i++) {
    const e = ex[i]!;
    if (!allListed(e.of, listed)) continue;
    if (e.when) {
      facts ??= new CaseFacts(c, ...circumstancesOf(rs));
      if (runTest(compiledTest(e.when), facts) !== true) continue;
      const used = conditionFacts(e.when).filter((f) => Object.prototype.hasOwnProperty.call(c.facts, f));
      out.push({ circumstances: e.of, facts: used, reason: e.reason });
    } else out.push({ circumstances: e.of, facts: [], reason: e.reason });
  }
  return out;
}

function allListed(names: readonly string[], listed: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) if (!listed.includes(names[i]!)) return false;
  return true;
}

const circumstanceSets = new WeakMap<RuleSet, [readonly string[], ReadonlySet<string>]>();

/** The rule set's circumstance names, as a list and a set, once per rule set (not for every case that needs them). */
function circumstancesOf(rs: RuleSet): [readonly string[], ReadonlySet<string>] {
  let v = circumstanceSets.get(rs);
  if (!v) {
    const names = Object.keys(rs.circumstances);
    v = [names, new Set(names)];
    circumstanceSets.set(rs, v);
  }
  return v;
}
