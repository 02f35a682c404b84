import { dictOf } from './dict.js';
import type { FactDef, Item, RuleSet } from './model.js';

/**
 * The one door every rule set passes before anyone uses it: fresh from the
 * loader, read back from the cache (JSON) or copied into a worker thread
 * (structured clone), which all give plain objects again.
 *
 * - Maps keyed by names from the files (laws, facts, circumstances, an item's
 *   facts, enum value labels) become null-prototype objects, so a name such
 *   as `valueOf` is never taken for a method of Object.prototype.
 * - Everything is frozen: plans are built once per rule set and kept, so an
 *   edit after loading would be silently ignored; it throws instead (in
 *   strict mode, which all of cailiang and every ES module runs in).
 */
export function sealRuleSet(rs: RuleSet): RuleSet {
  if (Object.isFrozen(rs)) return rs;
  const w = rs as { -readonly [K in keyof RuleSet]: RuleSet[K] };
  w.laws = dictOf(rs.laws);
  w.facts = factDict(rs.facts);
  w.circumstances = dictOf(rs.circumstances);
  for (const item of rs.items) (item as { -readonly [K in keyof Item]: Item[K] }).facts = factDict(item.facts);
  return deepFreeze(rs);
}

function factDict(facts: Readonly<Record<string, FactDef>>): Record<string, FactDef> {
  const out = dictOf(facts);
  for (const k of Object.keys(out)) {
    const f = out[k]!;
    if (f.valueLabels !== undefined) out[k] = { ...f, valueLabels: dictOf(f.valueLabels) };
  }
  return out;
}

/** Freezes `value` and everything reachable from it (iteratively: a deep rule set must not overflow the stack). */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
    } else {
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === 'object') stack.push(x);
      }
    }
  }
  return value;
}

/**
 * Freezes a disposition where an edit could do harm: the disposition, its
 * lists and records, and what they hold two levels down (penalties and their
 * ranges, citations, measures, list references: the parts shared with other
 * dispositions of the rule set). Trace entries belong to this disposition
 * alone; their list is frozen, the entries are not (freezing them costs more
 * than building them).
 */
export function freezeDisposition<T extends object>(d: T): T {
  if (Object.isFrozen(d)) return d;
  Object.freeze(d);
  for (const k of Object.keys(d)) {
    const v = (d as Record<string, unknown>)[k];
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (k === 'trace') continue;
    for (const x of Array.isArray(v) ? v : Object.values(v)) {
      if (x === null || typeof x !== 'object' || Object.isFrozen(x)) continue;
      Object.freeze(x);
      for (const y of Array.isArray(x) ? x : Object.values(x)) if (y !== null && typeof y === 'object' && !Object.isFrozen(y)) Object.freeze(y);
    }
  }
  return d;
}
