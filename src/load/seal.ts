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
  compactAndFreeze(rs);
  return rs;
}

function factDict(facts: Readonly<Record<string, FactDef>>): Record<string, FactDef> {
  const out = dictOf(facts);
  for (const k of Object.keys(out)) {
    const f = out[k]!;
    if (f.valueLabels !== undefined) out[k] = { ...f, valueLabels: dictOf(f.valueLabels) };
  }
  return out;
}

/**
 * Strings of a held rule set, each held once and on its own, and everything
 * frozen, in one pass. A value the YAML readers cut out of a file's text
 * (`text.slice`) is, in V8, a view that keeps the whole text alive: for a
 * province's catalogue that is twice its YAML bytes (UTF-16) held for
 * nothing. And the same word (an operator, a law key, a label) comes from
 * every place it was written. Each distinct string is copied once (a JSON
 * round trip gives a string of its own; V8 copies those shorter than 13
 * characters anyway) and every occurrence points at that copy. Only values
 * are touched: property names are V8's own. An object is frozen once its
 * values are done, so being frozen is also what marks it as visited (shared
 * parts are walked once, with no set of every object on the side); the walk
 * is iterative, so a deep rule set does not overflow the stack.
 */
export function compactAndFreeze(root: object): void {
  const pool = new Map<string, string>();
  const own = (s: string): string => {
    let t = pool.get(s);
    if (t === undefined) {
      t = s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
      pool.set(t, t);
    }
    return t;
  };
  const stack: object[] = [root];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Object.isFrozen(v)) continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') v[i] = own(x);
        else if (x !== null && typeof x === 'object') stack.push(x);
      }
    } else {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        const x = o[k];
        if (typeof x === 'string') o[k] = own(x);
        else if (x !== null && typeof x === 'object') stack.push(x);
      }
    }
    Object.freeze(v);
  }
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
  const o = d as Record<string, unknown>;
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const v = o[keys[i]!];
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (keys[i] !== 'trace') freezeParts(v, true);
  }
  return d;
}

/** Freezes the values of `v` (and theirs, when `deeper`); arrays by index, with no list of values built. */
function freezeParts(v: object, deeper: boolean): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x === null || typeof x !== 'object' || Object.isFrozen(x)) continue;
      Object.freeze(x);
      if (deeper) freezeParts(x, false);
    }
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const x = o[keys[i]!];
    if (x === null || typeof x !== 'object' || Object.isFrozen(x)) continue;
    Object.freeze(x);
    if (deeper) freezeParts(x, false);
  }
}
