import { itemByCode, listsForItem } from '../load/lookup.js';
import type { Circumstance, Condition, Item, ListEntry, PenaltyClause, PenaltyKind, RuleSet, Tier } from '../load/model.js';
import { compiledTest, conditionFacts, type Test } from './conditions.js';
import { intern } from './intern.js';
import { citedAll, xzcff } from './context.js';
import type { CitedArticle, Disposition, DispositionGrade, Measure, RuleRef } from './types.js';

/**
 * Everything an evaluation needs of a rule set that does not depend on the
 * case: resolved citations, compiled conditions, sorted list entries, refs and
 * labels. Built lazily (items on first use) and kept in WeakMaps keyed by the
 * rule set, so the model objects stay plain readonly data.
 *
 * The citations, refs and measures here are shared by every disposition that
 * uses them, like the memoised citations before them: dispositions are
 * readonly data and nothing mutates them.
 */
export interface RuleSetPlan {
  readonly rs: RuleSet;
  /** The rule set as a disposition names it (id, version, hash, title), frozen: shared by every disposition. */
  readonly ref: Disposition['ruleSet'];
  /** The 行政处罚法 articles the engine steps cite. */
  readonly law: EngineCites;
  /** Names of the rule set's circumstances (all of them are boolean facts). */
  readonly circumstanceNames: readonly string[];
  readonly circumstances: ReadonlySet<string>;
  /** Laws with an `effective` or `repealed` date, sorted by key: the only ones a citation can be flagged for. */
  readonly datedLaws: readonly string[];
  readonly measures: { readonly [K in Measure['kind']]: Measure };
  /** Item plans by code, built on first use. */
  readonly items: Map<string, ItemPlan>;
  /** Circumstance citations as grounds, by name, built on first use. */
  readonly groundCites: Map<string, readonly CitedArticle[]>;
}

export interface EngineCites {
  readonly concurrence: readonly CitedArticle[];
  readonly under14: readonly CitedArticle[];
  readonly incapacity: readonly CitedArticle[];
  readonly minor: readonly CitedArticle[];
  readonly noFault: readonly CitedArticle[];
  readonly firstOffence: readonly CitedArticle[];
  readonly limitation: readonly CitedArticle[];
  readonly minorAge: CitedArticle;
  readonly partialCapacity: CitedArticle;
  readonly mitigation: readonly CitedArticle[];
  readonly simpleProcedure: readonly CitedArticle[];
  readonly hearing: readonly CitedArticle[];
  readonly legalReview: readonly CitedArticle[];
  readonly collective: readonly CitedArticle[];
}

// Conditions are kept beside their compiled form (`when`, `test`), and the
// fields the steps read are copied from the model: the steps read the plan,
// not the model objects, as every object read is a likely cache miss (a batch
// meets thousands of items). Every plan of a kind has every field (undefined
// when absent), so that property reads see one shape.

export interface TierPlan {
  readonly tier: Tier;
  readonly when: Condition | undefined;
  readonly test: Test | undefined;
  readonly ref: RuleRef;
  /** The tier's citations as benchmark. */
  readonly cites: readonly CitedArticle[];
  /** Label, grade text or id, for messages. */
  readonly name: string;
  /** The tier's penalty kinds, interned (see intern), when it sets its own. */
  readonly kinds: readonly PenaltyKind[] | undefined;
  readonly grade: Tier['grade'];
  readonly range: Tier['range'];
  readonly responsibleAmount: Tier['responsibleAmount'];
}

export interface ClausePlan {
  readonly clause: PenaltyClause;
  readonly id: string;
  readonly when: Condition | undefined;
  readonly test: Test | undefined;
  /** Cited when the clause is chosen: its own citations, else the item's penalty basis. */
  readonly appliedCites: readonly CitedArticle[];
  /** The clause's own citations as penalty basis. */
  readonly ownCites: readonly CitedArticle[];
  /** Circumstances and facts that chose the clause: not aggravation as well (undefined: none). */
  readonly used: ReadonlySet<string> | undefined;
  /** The clause's penalty kinds, interned. */
  readonly kinds: readonly PenaltyKind[];
  readonly fine: PenaltyClause['fine'];
  readonly responsibleFine: PenaltyClause['responsibleFine'];
  readonly fineOnlyIf: string | undefined;
  readonly optional: boolean;
  /** Tiers of this branch (or of every branch), in rule-set order. */
  readonly tiers: readonly TierPlan[];
  /** Those of them chosen by facts. */
  readonly byFacts: readonly TierPlan[];
}

export interface ListPlan {
  readonly entry: ListEntry;
  readonly ref: RuleRef;
  readonly cites: readonly CitedArticle[];
  /** 不予处罚清单「title」（source）, for messages. */
  readonly label: string;
  readonly when: Condition | undefined;
  readonly whenTest: Test | undefined;
  readonly unless: Condition | undefined;
  readonly unlessTest: Test | undefined;
  /** Items whose prior violations count against the look-back window. */
  readonly sameKind: readonly string[];
}

export interface ItemPlan {
  readonly item: Item;
  readonly code: string;
  /** Hit policy `unique` (else `priority`). */
  readonly unique: boolean;
  readonly hasTiers: boolean;
  /** Violation basis, then penalty basis. */
  readonly fixedCites: readonly CitedArticle[];
  /** Laws of the fixed citations that have an effective or repealed date (see RuleSetPlan.datedLaws). */
  readonly fixedDated: readonly string[];
  readonly penalizedBy: readonly CitedArticle[];
  readonly clauses: readonly ClausePlan[];
  /** The first clause marked `otherwise`. */
  readonly otherwise: ClausePlan | undefined;
  /** The item's fallback tier (looked up among all its tiers). */
  readonly fallback: TierPlan | undefined;
  /** List entries naming the item: exempt first, then reduced, lighter, heavier; by id within a kind. */
  readonly lists: readonly ListPlan[];
}

// Shared by the many plans with nothing there.
const NONE: readonly never[] = [];

export const GRADE_TEXT: Record<DispositionGrade, string> = { reduced: '减轻', lighter: '从轻', general: '一般', heavier: '从重' };
const KIND_ORDER = { exempt: 0, reduced: 1, lighter: 2, heavier: 3 } as const;
export const KIND_TEXT = { exempt: '不予处罚', reduced: '减轻处罚', lighter: '从轻处罚', heavier: '从重处罚' } as const;

const plans = new WeakMap<RuleSet, RuleSetPlan>();

/** The rule set's plan, built on first use. */
export function planOf(rs: RuleSet): RuleSetPlan {
  let p = plans.get(rs);
  if (!p) {
    p = buildPlan(rs);
    plans.set(rs, p);
  }
  return p;
}

function buildPlan(rs: RuleSet): RuleSetPlan {
  const proc = (article: number, paragraph?: number) => xzcff(rs, article, paragraph, {}, 'procedure');
  const law: EngineCites = {
    concurrence: [xzcff(rs, 29)],
    under14: [xzcff(rs, 30)],
    incapacity: [xzcff(rs, 31)],
    noFault: [xzcff(rs, 33, 2)],
    minor: [xzcff(rs, 33, 1, { sentence: 1 })],
    firstOffence: [xzcff(rs, 33, 1, { sentence: 2 })],
    limitation: [xzcff(rs, 36, 1), xzcff(rs, 36, 2)],
    minorAge: xzcff(rs, 30),
    partialCapacity: xzcff(rs, 31),
    mitigation: [xzcff(rs, 32)],
    simpleProcedure: [proc(51)],
    hearing: [proc(63, 1)],
    legalReview: [proc(58, 1)],
    collective: [proc(57, 2)],
  };
  const datedLaws = Object.keys(rs.laws)
    .filter((k) => rs.laws[k]!.repealed !== undefined || rs.laws[k]!.effective !== undefined)
    .sort();
  return {
    rs,
    ref: Object.freeze({ id: rs.id, version: rs.version, hash: rs.hash, title: rs.title }),
    law,
    circumstanceNames: Object.keys(rs.circumstances),
    circumstances: new Set(Object.keys(rs.circumstances)),
    datedLaws,
    measures: {
      correct: { kind: 'correct', text: '责令当事人改正或者限期改正违法行为', cites: [proc(28, 1)] },
      guardianDiscipline: { kind: 'guardianDiscipline', text: '责令监护人加以管教', cites: [proc(30)] },
      guardianCare: { kind: 'guardianCare', text: '责令监护人严加看管和治疗', cites: [proc(31)] },
      educate: { kind: 'educate', text: '对当事人进行教育', cites: [proc(33, 3)] },
    },
    items: new Map(),
    groundCites: new Map(),
  };
}

/** The plan of the item with this code, or undefined when the rule set has no such item. */
export function itemPlan(plan: RuleSetPlan, code: string): ItemPlan | undefined {
  let p = plan.items.get(code);
  if (p === undefined) {
    const item = itemByCode(plan.rs, code);
    if (!item) return undefined;
    p = buildItemPlan(plan, item);
    plan.items.set(code, p);
  }
  return p;
}

/** A circumstance's citations as grounds. */
export function groundCites(plan: RuleSetPlan, circ: Circumstance): readonly CitedArticle[] {
  let cs = plan.groundCites.get(circ.name);
  if (!cs) {
    cs = citedAll(plan.rs, circ.cites, 'ground');
    plan.groundCites.set(circ.name, cs);
  }
  return cs;
}

export function tierName(t: Tier): string {
  return t.label ?? (t.grade ? GRADE_TEXT[t.grade] : t.id);
}

/** The reference to a list entry as applied to one item. */
export function listRef(rs: RuleSet, e: ListEntry, item: string): RuleRef {
  const src = `${e.source.document}${e.source.title ? `《${e.source.title}》` : ''}${e.source.entry !== undefined ? `第${e.source.entry}项` : ''}`;
  return { kind: 'list', ruleSet: rs.id, item, id: e.id, ...(e.title ? { label: e.title } : {}), source: src };
}

/** `prev` when it holds the same citations (an item's tiers mostly cite one article): plans keep one list. */
function reuse(prev: readonly CitedArticle[] | undefined, next: readonly CitedArticle[]): readonly CitedArticle[] {
  if (next.length === 0) return NONE;
  return prev && prev.length === next.length && prev.every((c, i) => c === next[i]) ? prev : next;
}

function buildItemPlan(plan: RuleSetPlan, item: Item): ItemPlan {
  const rs = plan.rs;
  const penalizedBy = citedAll(rs, item.penalizedBy, 'penalizedBy');
  let shared: readonly CitedArticle[] | undefined;
  const tiers = item.tiers.map(
    (t): TierPlan => ({
      tier: t,
      when: t.when,
      test: t.when ? compiledTest(t.when) : undefined,
      ref: t.label ? { kind: 'tier', ruleSet: rs.id, item: item.code, id: t.id, label: t.label } : { kind: 'tier', ruleSet: rs.id, item: item.code, id: t.id },
      cites: (shared = reuse(shared, citedAll(rs, t.cites, 'benchmark'))),
      name: tierName(t),
      kinds: t.kinds ? (t.kinds.map(intern) as PenaltyKind[]) : undefined,
      grade: t.grade,
      range: t.range,
      responsibleAmount: t.responsibleAmount,
    }),
  );
  const clauses = item.clauses.map((cl): ClausePlan => {
    const ownCites = citedAll(rs, cl.cites, 'penalizedBy');
    // slice: filter leaves room to grow, and a province keeps 10,000s of these lists.
    const candidates = tiers.filter((t) => t.tier.branch === undefined || t.tier.branch === cl.id).slice();
    const used = [...(cl.fineOnlyIf ? [cl.fineOnlyIf] : []), ...(cl.when ? conditionFacts(cl.when) : [])];
    return {
      clause: cl,
      id: cl.id,
      when: cl.when,
      test: cl.when ? compiledTest(cl.when) : undefined,
      appliedCites: ownCites.length ? ownCites : penalizedBy,
      ownCites,
      used: used.length ? new Set(used) : undefined,
      kinds: cl.kinds.map(intern) as PenaltyKind[],
      fine: cl.fine,
      responsibleFine: cl.responsibleFine,
      fineOnlyIf: cl.fineOnlyIf,
      optional: cl.optional,
      tiers: candidates,
      byFacts: candidates.filter((t) => t.when).slice(),
    };
  });
  const lists = [...listsForItem(rs, item.code)]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : 1))
    .map((e): ListPlan => {
      const ref = listRef(rs, e, item.code);
      return {
        entry: e,
        ref,
        cites: citedAll(rs, e.cites, 'list'),
        label: `${KIND_TEXT[e.kind]}清单「${e.title ?? e.id}」（${ref.source}）`,
        when: e.when,
        whenTest: e.when ? compiledTest(e.when) : undefined,
        unless: e.unless,
        unlessTest: e.unless ? compiledTest(e.unless) : undefined,
        sameKind: e.lookBack?.scope === 'entry' ? e.items : [item.code],
      };
    });
  const fixedCites = [...citedAll(rs, item.violates, 'violates'), ...penalizedBy];
  const fixedDated = plan.datedLaws.filter((law) => fixedCites.some((c) => c.law === law));
  return {
    item,
    code: item.code,
    unique: item.hitPolicy === 'unique',
    hasTiers: item.tiers.length > 0,
    fixedCites,
    fixedDated: fixedDated.length ? fixedDated : NONE,
    penalizedBy,
    clauses,
    otherwise: clauses.find((c) => c.clause.otherwise),
    fallback: item.fallback ? tiers.find((t) => t.tier.id === item.fallback) : undefined,
    lists: lists.length ? lists : NONE,
  };
}
