import type { Condition, LeafCondition, ScalarValue } from '../load/model.js';
import { intern } from './intern.js';

/** Fact values of one case, internal units; absent facts are undefined. */
export type Facts = Readonly<Record<string, ScalarValue | undefined>>;

/**
 * Where a compiled condition reads facts: a {@link Facts} record, or the case
 * under evaluation read in place (see CaseFacts), which saves copying every
 * fact and circumstance of every case into a new object.
 */
export interface FactSource {
  get(name: string): ScalarValue | undefined;
}

/** true, false, or undefined when a fact it needs is absent. */
export type Tri = boolean | undefined;

export type CompiledCondition = (facts: Facts) => Tri;

/** A record as a fact source. */
class RecordFacts implements FactSource {
  constructor(private readonly facts: Facts) {}
  get(name: string): ScalarValue | undefined {
    return this.facts[name];
  }
}

/**
 * Compiles a json-rules-engine condition into a synchronous closure with the
 * same semantics when every fact is present. An absent fact makes its leaf
 * unknown (Kleene logic), so a decision is never guessed from missing facts:
 * all = false if any part is false; any = true if any part is true.
 */
export function compileCondition(c: Condition): CompiledCondition {
  const t = toNode(c);
  return (f) => runTest(t, new RecordFacts(f));
}

// Node kinds: the connectives, then the comparisons.
const Op = {
  All: 0,
  Any: 1,
  Not: 2,
  Equal: 3,
  NotEqual: 4,
  LessThan: 5,
  LessThanInclusive: 6,
  GreaterThan: 7,
  GreaterThanInclusive: 8,
  In: 9,
  NotIn: 10,
} as const;
type Op = (typeof Op)[keyof typeof Op];

const LEAF_OPS: Readonly<Record<LeafCondition['operator'], Op>> = {
  equal: Op.Equal,
  notEqual: Op.NotEqual,
  lessThan: Op.LessThan,
  lessThanInclusive: Op.LessThanInclusive,
  greaterThan: Op.GreaterThan,
  greaterThanInclusive: Op.GreaterThanInclusive,
  in: Op.In,
  notIn: Op.NotIn,
};

/**
 * A condition as a tree of nodes of one shape, run by one function: a
 * province's conditions are tens of thousands of small trees, and one
 * interpreter stays fast where a closure per node makes every call site
 * megamorphic. Evaluation is bound by memory reads (each case meets other
 * items), so the trees are kept small: `all`/`any` of one part is that part,
 * and a band on one fact (5,000 ≤ x < 20,000: `all` of two comparisons of
 * the same fact) is one node with two comparisons.
 */
class Node {
  constructor(
    readonly op: Op,
    readonly parts: readonly Node[],
    readonly fact: string,
    readonly value: ScalarValue | readonly ScalarValue[] | undefined,
    /** The values of `in` / `notIn`: the list itself when short, else a set. */
    readonly set: Values | undefined,
    /** A second comparison of the same fact (Op.Equal… or -1 for none), required as well. */
    readonly op2: Op | -1 = -1,
    readonly value2: ScalarValue | readonly ScalarValue[] | undefined = undefined,
    readonly set2: Values | undefined = undefined,
  ) {}
}

type Values = ReadonlySet<ScalarValue> | readonly ScalarValue[];

/** Leaves share one empty list of parts (a province has 100,000 leaves). */
const LEAF: readonly Node[] = [];

/** A compiled condition: run it with {@link runTest}. */
export type Test = Node;

function setOf(op: Op, value: LeafCondition['value']): Values | undefined {
  if (op !== Op.In && op !== Op.NotIn) return undefined;
  const list = value as readonly ScalarValue[];
  // A few values are found as fast in the list, which costs no memory (includes and
  // Set.has compare alike: SameValueZero).
  return list.length <= 8 ? list : new Set(list);
}

function has(values: Values, v: ScalarValue): boolean {
  return Array.isArray(values) ? (values as readonly ScalarValue[]).includes(v) : (values as ReadonlySet<ScalarValue>).has(v);
}

function toNode(c: Condition): Node {
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    const parts = all ? c.all : c.any;
    // Kleene all/any of one part is the part.
    if (parts.length === 1) return toNode(parts[0]!);
    const [a, b] = parts;
    // Both comparisons read the same fact: both unknown or both known, so one read decides.
    if (all && parts.length === 2 && isLeaf(a!) && isLeaf(b!) && a.fact === b.fact) {
      const op = LEAF_OPS[a.operator];
      const op2 = LEAF_OPS[b.operator];
      return new Node(op, LEAF, intern(a.fact), a.value, setOf(op, a.value), op2, b.value, setOf(op2, b.value));
    }
    return new Node(all ? Op.All : Op.Any, parts.map(toNode), '', undefined, undefined);
  }
  if ('not' in c) return new Node(Op.Not, [toNode(c.not)], '', undefined, undefined);
  const op = LEAF_OPS[c.operator];
  return new Node(op, LEAF, intern(c.fact), c.value, setOf(op, c.value));
}

function isLeaf(c: Condition): c is LeafCondition {
  return !('all' in c || 'any' in c || 'not' in c);
}

/** Runs a compiled condition on some facts. */
export function runTest(n: Test, f: FactSource): Tri {
  switch (n.op) {
    case Op.All: {
      let unknown = false;
      for (let i = 0; i < n.parts.length; i++) {
        const r = runTest(n.parts[i]!, f);
        if (r === false) return false;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
    case Op.Any: {
      let unknown = false;
      for (let i = 0; i < n.parts.length; i++) {
        const r = runTest(n.parts[i]!, f);
        if (r === true) return true;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    case Op.Not: {
      const r = runTest(n.parts[0]!, f);
      return r === undefined ? undefined : !r;
    }
  }
  const v = f.get(n.fact);
  if (v === undefined) return undefined;
  if (!compare(n.op, n.value, n.set, v)) return false;
  return n.op2 === -1 || compare(n.op2, n.value2, n.set2, v);
}

/** One comparison of a present fact value. */
function compare(op: Op, value: ScalarValue | readonly ScalarValue[] | undefined, set: Values | undefined, v: ScalarValue): boolean {
  switch (op) {
    case Op.Equal:
      return v === value;
    case Op.NotEqual:
      return v !== value;
    case Op.LessThan:
      return (v as number) < (value as number);
    case Op.LessThanInclusive:
      return (v as number) <= (value as number);
    case Op.GreaterThan:
      return (v as number) > (value as number);
    case Op.GreaterThanInclusive:
      return (v as number) >= (value as number);
    case Op.In:
      return has(set!, v);
    default:
      return !has(set!, v);
  }
}

const tests = new WeakMap<Condition, Test>();

/** Compiles once per condition object and reuses the result. */
export function compiledTest(c: Condition): Test {
  let t = tests.get(c);
  if (!t) {
    t = toNode(c);
    tests.set(c, t);
  }
  return t;
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
  return absentIn(c, new RecordFacts(facts));
}

/** {@link absentFacts} on a {@link FactSource}. */
export function absentIn(c: Condition, facts: FactSource): string[] {
  return conditionFacts(c).filter((name) => facts.get(name) === undefined);
}

/** {@link compileCondition}, compiled once per condition object. */
export function compiled(c: Condition): CompiledCondition {
  const t = compiledTest(c);
  return (f) => runTest(t, new RecordFacts(f));
}
