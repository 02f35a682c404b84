import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { RuleSetHeader } from '../load/loadRuleSet.js';
import type { RuleSet } from '../load/model.js';
import { tierOutsideStatutory } from './checks/tierOutsideStatutory.js';
import { extendsCycle, parentChain } from './parents.js';
import { ignoreRuleFor, runChecks } from './run.js';

/**
 * The errors of `verify` that also stop `evaluate`, `batch` and `audit` (one
 * validation gate): a tier reaching outside the statutory range, above the
 * statutory maximum among them (行政处罚法 Art. 76: the engine would clamp, and
 * recommend something other than the rule set says), and an `extends` chain
 * that comes back to the rule set. The same diagnostics as verify, at the same
 * places, and subject to the rule set's own `ignore:` entries as there. The
 * other checks of verify (overlaps, gaps, coverage, validity) either need more
 * than the rule set (fixtures, a date, the statute texts) or are met case by
 * case by the evaluation itself (two tiers matching is undetermined).
 *
 * `available` holds the rule sets (or headers) the `extends` chain is looked up in.
 */
export const GATE_CODES = ['TIER_OUTSIDE_STATUTORY', 'PARENT_CYCLE'] as const;

export function gateRuleSet(ruleSet: RuleSet, available: readonly RuleSetHeader[]): Diagnostic[] {
  const out = runChecks(ruleSet, {}, [tierOutsideStatutory]).diagnostics.filter((d) => d.severity === 'error');
  const chain = extendsCycle(ruleSet, parentChain(ruleSet, available));
  if (chain !== undefined && !ignoreRuleFor(ruleSet, 'PARENT_CYCLE', [])) out.push(diagnostic('PARENT_CYCLE', ruleSet.at.extends ?? ruleSet.at.index, { chain }));
  return sortDiagnostics(out);
}
