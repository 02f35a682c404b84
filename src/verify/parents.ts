import { inForce, versionsOf } from '../load/catalog.js';
import type { RuleSetHeader } from '../load/loadRuleSet.js';
import type { RuleSet } from '../load/model.js';

/**
 * The chain of rule sets a rule set `extends`, nearest first, looked up among
 * `available` (e.g. every rule set under the folders being verified). Of
 * several versions of a parent, the one in force when the child comes into
 * force is taken (else the latest before it, else the earliest). The chain
 * stops at an unknown id, and after the first id met twice (a cycle, which
 * PARENT_CYCLE then reports).
 *
 * @example
 * const parents = resolveParents(city, all);   // [province, national]
 * verifyRuleSet(city, { parents });
 */
export function resolveParents(ruleSet: RuleSet, available: readonly RuleSet[]): RuleSet[] {
  return parentChain(ruleSet, available);
}

/** {@link resolveParents} over headers as well as rule sets (the gate looks up chains among index headers). */
export function parentChain<R extends RuleSetHeader>(ruleSet: RuleSetHeader, available: readonly R[]): R[] {
  const chain: R[] = [];
  const seen = new Set([ruleSet.id]);
  let cur: RuleSetHeader = ruleSet;
  while (cur.extends !== undefined) {
    const versions = versionsOf(available, cur.extends);
    if (versions.length === 0) break;
    const day = cur.effective.from;
    const parent = inForce(versions, day) ?? [...versions].reverse().find((v) => v.effective.from <= day) ?? versions[0]!;
    chain.push(parent);
    if (seen.has(parent.id)) break;
    seen.add(parent.id);
    cur = parent;
  }
  return chain;
}

/**
 * The cycle a chain of parents ({@link resolveParents}) makes back to the rule
 * set, as PARENT_CYCLE reports it (the chain of ids); undefined when the chain does not come back.
 */
export function extendsCycle(ruleSet: Pick<RuleSetHeader, 'id'>, parents: readonly Pick<RuleSetHeader, 'id'>[]): string | undefined {
  const back = parents.findIndex((p) => p.id === ruleSet.id);
  if (back < 0) return undefined;
  return [ruleSet.id, ...parents.slice(0, back + 1).map((p) => p.id)].join(' → ');
}
