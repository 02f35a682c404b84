import type { Condition, LeafCondition, ScalarValue } from '../load/model.js';

/** Fact values of one case, internal units; absent facts are undefined. */
export type Facts = Readonly<Record<string, ScalarValue | undefined>>;

/** true, false, or undefined when a fact it needs is absent. */
export type Tri = boolean | undefined;

export type CompiledCondition = (facts: Facts) => Tri;

/**
 * Compiles a json-rules-engine condition into a synchronous closure with the
 * same semantics when every fact is present. An absent fact makes its leaf
 * unknown (Kleene logic), so a decision is never guessed from missing facts:
 * all = false if any part is false; any = true if any part is true.
 */
export function compileCondition(c: Condition): CompiledCondition {
  if ('all' in c) {
    const parts = c.all.map(compileCondition);
    return (f) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(f);
        if (r === false) return false;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compileCondition);
    return (f) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(f);
        if (r === true) return true;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (f) => {
      const r = inner(f);
      return r === undefined ? undefined : !r;
    };
  }
  return compileLeaf(c);
}

function compileLeaf(c: LeafCondition): CompiledCondition {
  const { fact, value } = c;
  switch (c.operator) {
    case 'equal':
      return (f) => (f[fact] === undefined ? undefined : f[fact] === value);
    case 'notEqual':
      return (f) => (f[fact] === undefined ? undefined : f[fact] !== value);
    case 'lessThan':
      return (f) => (f[fact] === undefined ? undefined : (f[fact] as number) < (value as number));
    case 'lessThanInclusive':
      return (f) => (f[fact] === undefined ? undefined : (f[fact] as number) <= (value as number));
    case 'greaterThan':
      return (f) => (f[fact] === undefined ? undefined : (f[fact] as number) > (value as number));
    case 'greaterThanInclusive':
      return (f) => (f[fact] === undefined ? undefined : (f[fact] as number) >= (value as number));
    case 'in': {
      const set = new Set(value as readonly ScalarValue[]);
      return (f) => (f[fact] === undefined ? undefined : set.has(f[fact]!));
    }
    case 'notIn': {
      const set = new Set(value as readonly ScalarValue[]);
      return (f) => (f[fact] === undefined ? undefined : !set.has(f[fact]!));
    }
  }
}

/** The facts a condition mentions, in order of first appearance. */
export function conditionFacts(c: Condition, out: string[] = []): string[] {
  if ('all' in c) for (const p of c.all) conditionFacts(p, out);
  else if ('any' in c) for (const p of c.any) conditionFacts(p, out);
  else if ('not' in c) conditionFacts(c.not, out);
  else if (!out.includes(c.fact)) out.push(c.fact);
  return out;
}

/** The facts a condition mentions that the case lacks. */
export function absentFacts(c: Condition, facts: Facts): string[] {
  return conditionFacts(c).filter((name) => facts[name] === undefined);
}

const cache = new WeakMap<Condition, CompiledCondition>();

/** Compiles once per condition object and reuses the closure. */
export function compiled(c: Condition): CompiledCondition {
  let fn = cache.get(c);
  if (!fn) {
    fn = compileCondition(c);
    cache.set(c, fn);
  }
  return fn;
}
