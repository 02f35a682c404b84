import fc from 'fast-check';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Condition, FactDef, Item, RuleSet } from '../../src/load/model.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import { BUILTIN_FACTS } from '../../src/schema/vocabulary.js';
import { dayOfIso, isoOfDay, party } from './arbitraries.js';

/** The project folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Bundled {
  readonly dir: string;
  readonly ruleSet?: RuleSet;
  readonly errors: readonly string[];
}

/** Every bundled rule set under rules/, loaded (or the errors that kept it from loading). */
export async function bundledRuleSets(): Promise<Bundled[]> {
  const out: Bundled[] = [];
  for (const dir of await findRuleSetDirs(join(ROOT, 'rules'))) {
    const r = await loadRuleSetDir(dir);
    out.push({
      dir: dir.slice(ROOT.length),
      ...(r.ruleSet ? { ruleSet: r.ruleSet } : {}),
      errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`),
    });
  }
  return out;
}

/** The facts a case about `item` may carry: rule-set facts and the item's own (built-ins aside). */
export function itemFacts(rs: RuleSet, item: Item): FactDef[] {
  const byName = new Map<string, FactDef>();
  for (const f of Object.values(rs.facts)) byName.set(f.name, f);
  for (const f of Object.values(item.facts)) byName.set(f.name, f);
  for (const f of BUILTIN_FACTS) byName.delete(f.name);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function leaves(c: Condition | undefined, out: { fact: string; value: unknown }[] = []): { fact: string; value: unknown }[] {
  if (!c) return out;
  if ('all' in c) for (const p of c.all) leaves(p, out);
  else if ('any' in c) for (const p of c.any) leaves(p, out);
  else if ('not' in c) leaves(c.not, out);
  else out.push({ fact: c.fact, value: c.value });
  return out;
}

/** The conditions that can decide a case about `item`: clauses, tiers, list entries naming it. */
export function itemConditions(rs: RuleSet, item: Item): { tiers: Condition[]; all: Condition[] } {
  const tiers = item.tiers.flatMap((t) => (t.when ? [t.when] : []));
  const all = [
    ...item.clauses.flatMap((c) => (c.when ? [c.when] : [])),
    ...tiers,
    ...rs.lists.filter((e) => e.items.includes(item.code)).flatMap((e) => [e.when, e.unless].filter((x): x is Condition => x !== undefined)),
  ];
  return { tiers, all };
}

/** Values conditions compare each fact with (internal units), sorted. */
export function thresholds(conds: readonly Condition[]): Map<string, number[]> {
  const out = new Map<string, Set<number>>();
  for (const c of conds)
    for (const l of leaves(c))
      for (const v of Array.isArray(l.value) ? l.value : [l.value])
        if (typeof v === 'number') (out.get(l.fact) ?? out.set(l.fact, new Set()).get(l.fact)!).add(v);
  return new Map([...out].map(([k, s]) => [k, [...s].sort((a, b) => a - b)]));
}

const NUMERIC = new Set(['money', 'count', 'number', 'ratio', 'duration']);

/**
 * Facts where more is worse: declared `aggravating: true`, or amounts the law
 * treats so (货值金额, 违法所得), or an area / volume a tier condition grades by.
 */
export function aggravatingFacts(facts: readonly FactDef[], tierConds: readonly Condition[]): FactDef[] {
  const inTiers = new Set(tierConds.flatMap((c) => leaves(c).map((l) => l.fact)));
  return facts.filter(
    (f) =>
      NUMERIC.has(f.type) &&
      (f.aggravating === true || f.name === 'goodsValue' || f.name === 'illegalGains' || (/area|volume/i.test(f.name) && inTiers.has(f.name))),
  );
}

/** Internal units (fen, minutes) to what a case file says (yuan, PT…M). */
export function toFile(def: FactDef, v: number): number | string {
  if (def.type === 'money') return Math.round(v) / 100;
  if (def.type === 'duration') return `PT${Math.max(0, Math.round(v))}M`;
  if (def.type === 'count') return Math.max(0, Math.round(v));
  if (def.type === 'ratio') return Math.min(1, Math.max(0, v));
  return v;
}

/** A value in internal units near the points the conditions use, or anywhere below twice the largest. */
export function internalValue(def: FactDef, points: readonly number[]): fc.Arbitrary<number> {
  const unit = def.type === 'money' ? 100 : def.type === 'duration' ? 60 : def.type === 'ratio' ? 0.1 : 1;
  const small = def.type === 'money' ? 1 : def.type === 'duration' ? 1 : def.type === 'ratio' ? 0.01 : def.type === 'count' ? 1 : 0.01;
  const top = Math.max(10 * unit, ...points.map((p) => p * 2));
  const near = points.length
    ? fc.tuple(fc.constantFrom(...points), fc.constantFrom(-unit, -small, 0, 0, small, unit)).map(([p, d]) => p + d)
    : fc.constant(0);
  const any = def.type === 'ratio' ? fc.integer({ min: 0, max: 100 }).map((n) => n / 100) : fc.integer({ min: 0, max: Math.ceil(top) });
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 2, arbitrary: any }).map((v) => {
    const c = Math.max(0, v);
    return def.type === 'ratio' ? Math.min(1, Math.round(c * 100) / 100) : def.type === 'number' ? Math.round(c * 100) / 100 : Math.round(c);
  });
}

/** A larger value: the next thresholds above, or a step up. */
export function larger(def: FactDef, points: readonly number[], v: number): fc.Arbitrary<number> {
  const unit = def.type === 'money' ? 100 : def.type === 'duration' ? 60 : def.type === 'ratio' ? 0.1 : 1;
  const small = def.type === 'money' || def.type === 'duration' || def.type === 'count' ? 1 : 0.01;
  const above = points.filter((p) => p > v).flatMap((p) => [p, p + small]);
  const steps = [v + small, v + unit, v + 10 * unit, v * 2 + small, ...above];
  const cap = def.type === 'ratio' ? 1 : Infinity;
  const ok = [...new Set(steps.map((s) => (def.type === 'number' || def.type === 'ratio' ? Math.round(s * 100) / 100 : Math.round(s))))].filter(
    (s) => s > v && s <= cap,
  );
  return ok.length ? fc.constantFrom(...ok) : fc.constant(v);
}

/** A value of any declared fact, in file units. */
export function fileValue(def: FactDef, points: readonly number[]): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(def.values ?? ['x']));
    case 'date':
      return fc.integer({ min: dayOfIso('2016-01-01'), max: dayOfIso('2026-12-31') }).map(isoOfDay);
    default:
      return internalValue(def, points).map((v) => toFile(def, v));
  }
}

/** An act date inside the rule set's validity. */
export function actIn(rs: RuleSet): fc.Arbitrary<number> {
  const from = dayOfIso(rs.effective.from);
  const to = rs.effective.to ? dayOfIso(rs.effective.to) : from + 5 * 365;
  return fc.integer({ min: from, max: Math.max(from, to) });
}

export { party };
