import type { RuleSet } from './model.js';

/**
 * The rule set for a case (given as its raw value): the one it names, else the
 * one holding its items; among versions of one id, the version in force on the
 * act date (the end date for a continuing act). Undefined when none or several fit.
 */
export function pickRuleSet(ruleSets: readonly RuleSet[], value: unknown): RuleSet | undefined {
  const v = (value ?? {}) as { ruleSet?: unknown; item?: unknown; items?: unknown; dates?: { act?: unknown; actEnd?: unknown } };
  const items = Array.isArray(v.items) ? v.items : [v.item];
  let pool =
    typeof v.ruleSet === 'string'
      ? ruleSets.filter((r) => r.id === v.ruleSet)
      : ruleSets.filter((r) => items.every((code) => r.items.some((i) => i.code === code)));
  const day = typeof v.dates?.actEnd === 'string' ? v.dates.actEnd : typeof v.dates?.act === 'string' ? v.dates.act : undefined;
  if (pool.length > 1 && day) {
    const inForce = pool.filter((r) => r.effective.from <= day && (r.effective.to === null || day <= r.effective.to));
    if (inForce.length > 0) pool = inForce;
  }
  return pool.length === 1 ? pool[0] : undefined;
}
