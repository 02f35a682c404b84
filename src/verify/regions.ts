import type { Condition, FactType, LeafCondition, ScalarValue } from '../load/model.js';

/**
 * Conditions as regions of the fact space, for overlap, gap and masking checks.
 *
 * A condition is a boolean formula over per-fact comparisons. It is turned into
 * a disjunction of boxes (disjunctive normal form): a box constrains each fact
 * it mentions to one interval (numbers, money, dates, durations) or one set of
 * values (enums, booleans); facts it does not mention may take any value of
 * their domain. `not` is pushed down to the leaves, whose complement is again
 * an interval pair or a set. Values are in internal units (fen, day numbers,
 * minutes), exactly as the engine compares them.
 *
 * The normal form can blow up (`any` inside `all` multiplies); past
 * {@link MAX_BOXES} the analysis stops with {@link TooComplex} instead of
 * guessing.
 */

export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

export type Constraint =
  | { readonly kind: 'num'; readonly ivl: Interval }
  | { readonly kind: 'set'; readonly values: readonly ScalarValue[] };

/** The values a fact can take, by its declared type. */
export interface Domain {
  readonly fact: string;
  readonly type: FactType;
  /** Integer-valued (money in fen, counts, day numbers, minutes): bounds are kept closed. */
  readonly integer: boolean;
  readonly all: Constraint;
}

/** Facts constrained by a box; a fact not in the map may take any value of its domain. */
export type Box = ReadonlyMap<string, Constraint>;
/** A union of boxes; empty means "never". */
export type Region = readonly Box[];

/** Most boxes a region may hold before the analysis gives up. */
export const MAX_BOXES = 2000;

/** Thrown when a region grows past {@link MAX_BOXES}; caught by the checks, never reaches users. */
export class TooComplex extends Error {
  constructor() {
    super(`more than ${MAX_BOXES} boxes`);
  }
}

const EVERYTHING: Region = [new Map()];

/** The region where every fact may take any value. */
export function universe(): Region {
  return EVERYTHING;
}

/** The domain of a fact of a given type; enum and boolean domains list their values. */
export function domainOf(fact: string, type: FactType, values?: readonly string[]): Domain {
  const num = (lo: number, hi: number, integer: boolean): Domain => ({
    fact,
    type,
    integer,
    all: { kind: 'num', ivl: { lo, hi, loOpen: false, hiOpen: false } },
  });
  switch (type) {
    case 'money':
    case 'count':
    case 'duration':
      return num(0, Infinity, true);
    case 'date':
      return num(-Infinity, Infinity, true);
    case 'ratio':
      return num(0, 1, false);
    case 'number':
      return num(-Infinity, Infinity, false);
    case 'boolean':
      return { fact, type, integer: false, all: { kind: 'set', values: [true, false] } };
    case 'enum':
      return { fact, type, integer: false, all: { kind: 'set', values: [...(values ?? [])] } };
  }
}

// ── intervals ─────────────────────────────────────────────────────────────

function normalize(ivl: Interval, integer: boolean): Interval {
  if (!integer) return ivl;
  const lo = Number.isFinite(ivl.lo) ? (ivl.loOpen ? Math.floor(ivl.lo) + 1 : Math.ceil(ivl.lo)) : ivl.lo;
  const hi = Number.isFinite(ivl.hi) ? (ivl.hiOpen ? Math.ceil(ivl.hi) - 1 : Math.floor(ivl.hi)) : ivl.hi;
  return { lo, hi, loOpen: false, hiOpen: false };
}

function ivlEmpty(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen || !Number.isFinite(i.lo)));
}

function ivlIntersect(a: Interval, b: Interval): Interval {
  const lo = a.lo > b.lo ? a.lo : b.lo;
  const hi = a.hi < b.hi ? a.hi : b.hi;
  const loOpen = a.lo === b.lo ? a.loOpen || b.loOpen : a.lo > b.lo ? a.loOpen : b.loOpen;
  const hiOpen = a.hi === b.hi ? a.hiOpen || b.hiOpen : a.hi < b.hi ? a.hiOpen : b.hiOpen;
  return { lo, hi, loOpen, hiOpen };
}

function ivlContains(outer: Interval, inner: Interval): boolean {
  const loOk = outer.lo < inner.lo || (outer.lo === inner.lo && (!outer.loOpen || inner.loOpen));
  const hiOk = outer.hi > inner.hi || (outer.hi === inner.hi && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}

// ── constraints ───────────────────────────────────────────────────────────

function intersectC(a: Constraint, b: Constraint, d: Domain): Constraint | undefined {
  if (a.kind === 'num' && b.kind === 'num') {
    const ivl = normalize(ivlIntersect(a.ivl, b.ivl), d.integer);
    return ivlEmpty(ivl) ? undefined : { kind: 'num', ivl };
  }
  if (a.kind === 'set' && b.kind === 'set') {
    const values = a.values.filter((v) => b.values.includes(v));
    return values.length === 0 ? undefined : { kind: 'set', values };
  }
  return undefined;
}

/** True when `inner` ⊆ `outer`. */
function containsC(outer: Constraint, inner: Constraint): boolean {
  if (outer.kind === 'num' && inner.kind === 'num') return ivlContains(outer.ivl, inner.ivl);
  if (outer.kind === 'set' && inner.kind === 'set') return inner.values.every((v) => outer.values.includes(v));
  return false;
}

/** The domain minus the constraint: up to two intervals, or one set. */
function complementC(c: Constraint, d: Domain): Constraint[] {
  if (c.kind === 'set') {
    const all = d.all.kind === 'set' ? d.all.values : [];
    const values = all.filter((v) => !c.values.includes(v));
    return values.length === 0 ? [] : [{ kind: 'set', values }];
  }
  if (d.all.kind !== 'num') return [];
  const dom = d.all.ivl;
  const pieces: Interval[] = [
    { lo: dom.lo, loOpen: dom.loOpen, hi: c.ivl.lo, hiOpen: !c.ivl.loOpen },
    { lo: c.ivl.hi, loOpen: !c.ivl.hiOpen, hi: dom.hi, hiOpen: dom.hiOpen },
  ];
  const out: Constraint[] = [];
  for (const p of pieces) {
    if (!Number.isFinite(p.hi) && p.hi < 0) continue;
    if (!Number.isFinite(p.lo) && p.lo > 0) continue;
    const ivl = normalize(ivlIntersect(p, dom), d.integer);
    if (!ivlEmpty(ivl)) out.push({ kind: 'num', ivl });
  }
  return out;
}

function isWhole(c: Constraint, d: Domain): boolean {
  return containsC(c, d.all);
}

// ── boxes and regions ─────────────────────────────────────────────────────

/** Looks up the domain of a fact; undefined for a fact the rule set does not declare. */
export type Domains = (fact: string) => Domain | undefined;

function domain(domains: Domains, fact: string): Domain {
  const d = domains(fact);
  if (!d) throw new TooComplex();
  return d;
}

function intersectBox(a: Box, b: Box, domains: Domains): Box | undefined {
  operations++;
  const out = new Map(a);
  for (const [fact, c] of b) {
    const prior = out.get(fact);
    if (!prior) {
      out.set(fact, c);
      continue;
    }
    const both = intersectC(prior, c, domain(domains, fact));
    if (!both) return undefined;
    out.set(fact, both);
  }
  return out;
}

/** True when box `inner` ⊆ box `outer`. */
function containsBox(outer: Box, inner: Box, domains: Domains): boolean {
  operations++;
  for (const [fact, c] of outer) {
    const i = inner.get(fact) ?? domain(domains, fact).all;
    if (!containsC(c, i)) return false;
  }
  return true;
}

let operations = 0;

/**
 * Box operations done so far in this process (intersections, containment
 * tests, subtractions of boxes): the cost of the checks in a unit that does
 * not depend on the machine, for tests that bound how a check grows.
 */
export function boxOperations(): number {
  return operations;
}

function check(n: number): void {
  if (n > MAX_BOXES) throw new TooComplex();
}

/** Drops boxes contained in another one (and duplicates). */
function simplify(r: Box[], domains: Domains): Box[] {
  if (r.length < 2 || r.length > 400) return r;
  const keep: Box[] = [];
  for (let i = 0; i < r.length; i++) {
    const b = r[i]!;
    let covered = false;
    for (let j = 0; j < r.length && !covered; j++) {
      if (i === j) continue;
      const o = r[j]!;
      // Of two equal boxes keep the first.
      if (containsBox(o, b, domains) && (j < i || !containsBox(b, o, domains))) covered = true;
    }
    if (!covered) keep.push(b);
  }
  return keep;
}

/** a ∩ b. */
export function intersect(a: Region, b: Region, domains: Domains): Region {
  const out: Box[] = [];
  for (const x of a)
    for (const y of b) {
      const z = intersectBox(x, y, domains);
      if (z) {
        out.push(z);
        check(out.length);
      }
    }
  return simplify(out, domains);
}

/**
 * The union of many regions at once, as a chain of {@link union} calls gives
 * it while it stays small (boxes inside others dropped, up to 400 boxes), and
 * as a plain list beyond: without the chain's cost (each step compares every
 * box with every other) and without its limit of {@link MAX_BOXES}, for
 * regions that are only subtracted afterwards (the point set is the same).
 */
export function unionAll(regions: readonly Region[], domains: Domains): Region {
  const out: Box[] = [];
  for (const r of regions) for (const b of r) out.push(b);
  return simplify(out, domains);
}

/**
 * The pairs [i, j] of regions (i < j) that may intersect, ordered by j then
 * i: all pairs that do, and only those whose boxes overlap along one fact.
 * A sweep along the numeric fact most boxes constrain (tiers by goods value
 * are intervals one after another), so that n regions one beside another cost
 * about n steps, not n²; regions that do not constrain that fact meet every
 * other. Undefined regions (too complex) take part in no pair.
 */
export function overlapCandidates(regions: readonly (Region | undefined)[], domains: Domains): [number, number][] {
  const counts = new Map<string, number>();
  for (const r of regions) for (const b of r ?? []) for (const [fact, c] of b) if (c.kind === 'num') counts.set(fact, (counts.get(fact) ?? 0) + 1);
  let fact: string | undefined;
  for (const [f, n] of [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (fact === undefined || n > counts.get(fact)!) fact = f;
  const spans: { at: number; lo: number; hi: number }[] = [];
  regions.forEach((r, at) => {
    for (const b of r ?? []) {
      const c = fact === undefined ? undefined : b.get(fact);
      const ivl = c && c.kind === 'num' ? c.ivl : undefined;
      spans.push({ at, lo: ivl ? ivl.lo : -Infinity, hi: ivl ? ivl.hi : Infinity });
    }
  });
  spans.sort((x, y) => x.lo - y.lo || x.at - y.at);
  const pairs = new Set<number>();
  const n = regions.length;
  let active: { at: number; lo: number; hi: number }[] = [];
  for (const s of spans) {
    // Closed comparison: a span ending where this one starts may share the point.
    active = active.filter((o) => o.hi >= s.lo);
    for (const o of active) {
      operations++;
      if (o.at !== s.at) pairs.add(Math.min(o.at, s.at) + n * Math.max(o.at, s.at));
    }
    active.push(s);
  }
  return [...pairs].sort((x, y) => x - y).map((k) => [k % n, Math.floor(k / n)]);
}

/** a ∪ b. */
export function union(a: Region, b: Region, domains: Domains): Region {
  const out = [...a, ...b];
  check(out.length);
  return simplify(out, domains);
}

/** Box a minus box b, as disjoint boxes. */
function subtractBox(a: Box, b: Box, domains: Domains): Box[] {
  operations++;
  if (!intersectBox(a, b, domains)) return [a];
  const out: Box[] = [];
  let cur = new Map(a);
  for (const [fact, c] of b) {
    const d = domain(domains, fact);
    if (isWhole(c, d)) continue;
    const mine = cur.get(fact) ?? d.all;
    for (const piece of complementC(c, d)) {
      const part = intersectC(mine, piece, d);
      if (part) out.push(new Map(cur).set(fact, part));
    }
    const inside = intersectC(mine, c, d);
    if (!inside) return out;
    cur = new Map(cur).set(fact, inside);
  }
  return out;
}

/** a minus b. */
export function subtract(a: Region, b: Region, domains: Domains): Region {
  let cur: Box[] = [...a];
  for (const y of b) {
    const next: Box[] = [];
    for (const x of cur) {
      next.push(...subtractBox(x, y, domains));
      check(next.length);
    }
    cur = next;
    if (cur.length === 0) break;
  }
  return simplify(cur, domains);
}

/** The region where a condition holds (every fact present). */
export function regionOf(c: Condition, domains: Domains, negate = false): Region {
  if ('all' in c || 'any' in c) {
    const parts = 'all' in c ? c.all : c.any;
    const conjunction = 'all' in c !== negate;
    if (conjunction) {
      let acc: Region = universe();
      for (const p of parts) {
        acc = intersect(acc, regionOf(p, domains, negate), domains);
        if (acc.length === 0) break;
      }
      return acc;
    }
    let acc: Region = [];
    for (const p of parts) acc = union(acc, regionOf(p, domains, negate), domains);
    return acc;
  }
  if ('not' in c) return regionOf(c.not, domains, !negate);
  return leafRegion(c, domains, negate);
}

const NEGATED = {
  equal: 'notEqual',
  notEqual: 'equal',
  lessThan: 'greaterThanInclusive',
  greaterThanInclusive: 'lessThan',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  in: 'notIn',
  notIn: 'in',
} as const;

function leafRegion(leaf: LeafCondition, domains: Domains, negate: boolean): Region {
  const d = domain(domains, leaf.fact);
  const op = negate ? NEGATED[leaf.operator] : leaf.operator;
  const box = (c: Constraint): Box => new Map([[leaf.fact, c]]);
  const within = (cs: readonly Constraint[]): Region =>
    cs.flatMap((c) => {
      const r = intersectC(d.all, c, d);
      return r ? [box(r)] : [];
    });
  if (d.all.kind === 'set') {
    // Enums and booleans only take equal / notEqual / in / notIn (a load error otherwise).
    if (op !== 'equal' && op !== 'in' && op !== 'notEqual' && op !== 'notIn') throw new TooComplex();
    const listed = Array.isArray(leaf.value) ? (leaf.value as ScalarValue[]) : [leaf.value as ScalarValue];
    const positive = op === 'equal' || op === 'in';
    const values = d.all.values.filter((v) => listed.includes(v) === positive);
    return values.length === 0 ? [] : [box({ kind: 'set', values })];
  }
  const num = (lo: number, hi: number, loOpen: boolean, hiOpen: boolean): Constraint => ({
    kind: 'num',
    ivl: { lo, hi, loOpen, hiOpen },
  });
  const point = (v: number) => num(v, v, false, false);
  const v = leaf.value as number;
  switch (op) {
    case 'equal':
      return within([point(v)]);
    case 'notEqual':
      return within(complementC(point(v), d));
    case 'lessThan':
      return within([num(-Infinity, v, false, true)]);
    case 'lessThanInclusive':
      return within([num(-Infinity, v, false, false)]);
    case 'greaterThan':
      return within([num(v, Infinity, true, false)]);
    case 'greaterThanInclusive':
      return within([num(v, Infinity, false, false)]);
    case 'in': {
      const values = [...new Set(leaf.value as number[])].sort((a, b) => a - b);
      check(values.length);
      return within(values.map(point));
    }
    case 'notIn': {
      let r: Region = [box(d.all)];
      for (const x of new Set(leaf.value as number[])) r = subtract(r, [box(point(x))], domains);
      return r;
    }
  }
}

// ── points ────────────────────────────────────────────────────────────────

/** A value inside a constraint: the lowest closed bound when there is one. */
export function sampleOf(c: Constraint, d: Domain): ScalarValue {
  if (c.kind === 'set') return c.values[0]!;
  const { lo, hi, loOpen, hiOpen } = c.ivl;
  if (Number.isFinite(lo)) {
    if (!loOpen) return lo;
    if (Number.isFinite(hi)) return (lo + hi) / 2;
    return lo + 1;
  }
  if (Number.isFinite(hi)) return hiOpen ? hi - 1 : hi;
  return 0;
}

/** The constrained facts of a box (those not free over their whole domain), by name. */
export function constrainedFacts(b: Box, domains: Domains): [string, Constraint, Domain][] {
  return [...b.entries()]
    .map(([fact, c]) => [fact, c, domain(domains, fact)] as [string, Constraint, Domain])
    .filter(([, c, d]) => !isWhole(c, d))
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

/** A point of a box: a value for each constrained fact. */
export function sampleBox(b: Box, domains: Domains): [string, ScalarValue, Domain][] {
  return constrainedFacts(b, domains).map(([fact, c, d]) => [fact, sampleOf(c, d), d]);
}

/** Boxes ordered by their sample points (lowest first), so messages name the first gap or overlap. */
export function orderBoxes(r: Region, domains: Domains): Box[] {
  const key = (b: Box) => sampleBox(b, domains);
  return [...r].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      const [fa, va] = ka[i]!;
      const [fb, vb] = kb[i]!;
      if (fa !== fb) return fa < fb ? -1 : 1;
      if (va !== vb) {
        if (typeof va === 'number' && typeof vb === 'number') return va - vb;
        return String(va) < String(vb) ? -1 : 1;
      }
    }
    return ka.length - kb.length;
  });
}
