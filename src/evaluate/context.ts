import type { Citation, Condition, RuleSet } from '../load/model.js';
import { articleText } from '../report/format.js';
import { compiledTest, runTest, type Facts, type FactSource, type Test, type Tri } from './conditions.js';
import { intern } from './intern.js';
import { caseFacts } from './facts.js';
import type { RuleSetPlan } from './plan.js';
import type { Case, CitedArticle, EvaluationWarning, RuleRef, TraceEntry, UndeterminedStep } from './types.js';

/** 行政处罚法, the law every step of the engine rests on. */
export const XZCFF = 'xzcff';
const XZCFF_TITLE = '中华人民共和国行政处罚法';

/** State shared by the steps of one evaluation. */
export interface Ctx {
  readonly rs: RuleSet;
  /** What the steps need of the rule set that does not depend on the case, computed once. */
  readonly plan: RuleSetPlan;
  readonly c: Case;
  /** The case's facts as conditions read them. */
  readonly facts: FactSource;
  /** No benchmark in force at the act: the statute alone (no tiers, no lists, no recommended amount). */
  readonly statuteOnly: boolean;
  readonly traceOn: boolean;
  readonly trace: TraceEntry[];
  readonly warnings: EvaluationWarning[];
  /** Facts the case lacks, each once (see {@link lack}). */
  readonly missing: string[];
  /** Steps that could not be decided for a reason the warnings do not carry (contradictions, dates). */
  readonly undetermined: UndeterminedStep[];
  /** Citations of the steps that applied, in order (kept even when the trace is off). */
  readonly applied: CitedArticle[];
  /** Answers supplied from outside (e.g. json-rules-engine); undefined falls back to the compiled closure. */
  readonly answer: ((cond: Condition, facts: Facts) => Tri) | undefined;
}

/**
 * Tests a rule-set condition on this case's facts. `compiled` is the
 * condition compiled, when the caller already holds it (from the plan), which
 * saves the cache lookup.
 */
export function test(ctx: Ctx, cond: Condition, compiled?: Test): Tri {
  if (ctx.answer) {
    const r = ctx.answer(cond, factsRecord(ctx));
    if (r !== undefined) return r;
  }
  return runTest(compiled ?? compiledTest(cond), ctx.facts);
}

const records = new WeakMap<Ctx, Facts>();

/** The case's facts as one record ({@link caseFacts}), built on first use in this evaluation. */
export function factsRecord(ctx: Ctx): Facts {
  let f = records.get(ctx);
  if (!f) {
    f = caseFacts(ctx.rs, ctx.c, ctx.plan.circumstanceNames);
    records.set(ctx, f);
  }
  return f;
}

const citeCache = new WeakMap<RuleSet, Map<string, CitedArticle>>();

/** A citation resolved against the rule set's laws; memoised, as reports cite the same articles again and again. */
export function cited(rs: RuleSet, c: Citation, role: CitedArticle['role']): CitedArticle {
  let cache = citeCache.get(rs);
  if (!cache) {
    cache = new Map();
    citeCache.set(rs, cache);
  }
  const key = `${c.law}|${c.article}|${c.paragraph ?? ''}|${c.item ?? ''}|${c.sentence ?? ''}|${role}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = resolveCitation(rs, c, role);
    cache.set(key, hit);
  }
  return hit;
}

/** Citations in one role, e.g. an item's `violates` list (an array of exactly their number: plans keep many). */
export function citedAll(rs: RuleSet, cs: readonly Citation[], role: CitedArticle['role']): CitedArticle[] {
  return cs.map((c) => cited(rs, c, role));
}

function resolveCitation(rs: RuleSet, c: Citation, role: CitedArticle['role']): CitedArticle {
  const law = rs.laws[c.law];
  const lawTitle = law ? law.title : c.law === XZCFF ? XZCFF_TITLE : c.law;
  // Interned: the engine compares laws and texts of citations for every case.
  return {
    law: intern(c.law),
    lawTitle,
    article: c.article,
    ...(c.paragraph !== undefined ? { paragraph: c.paragraph } : {}),
    ...(c.item !== undefined ? { item: c.item } : {}),
    ...(c.sentence !== undefined ? { sentence: c.sentence } : {}),
    text: intern(`《${lawTitle}》${articleText(c)}`),
    role,
  };
}

/** A 行政处罚法 article cited by an engine step. */
export function xzcff(
  rs: RuleSet,
  article: number,
  paragraph?: number,
  extra: { item?: number; sentence?: number } = {},
  role: CitedArticle['role'] = 'ground',
): CitedArticle {
  return cited(rs, { law: XZCFF, article, ...(paragraph !== undefined ? { paragraph } : {}), ...extra }, role);
}

const NO_CITES: readonly CitedArticle[] = [];

/**
 * Records one step. The citations of an applied step are kept whether or not
 * the trace is on (they become the disposition's citations); the message is a
 * closure so that a batch with the trace off never builds the text.
 */
export function addTrace(
  ctx: Ctx,
  step: TraceEntry['step'],
  status: TraceEntry['status'],
  message: () => string,
  cites: readonly CitedArticle[] = NO_CITES,
  item?: string,
  ref?: RuleRef,
): void {
  if (status === 'applied') for (const c of cites) ctx.applied.push(c);
  if (!ctx.traceOn) return;
  // Key order as documented: step, status, item?, message, cites, ref?. A copy of the
  // citations: the plan's arrays are shared by every disposition.
  const text = message();
  const own = cites.slice();
  if (item === undefined) ctx.trace.push(ref ? { step, status, message: text, cites: own, ref } : { step, status, message: text, cites: own });
  else ctx.trace.push(ref ? { step, status, item, message: text, cites: own, ref } : { step, status, item, message: text, cites: own });
}

/** Notes a fact the case lacks (reported sorted, under 需补充的事实). */
export function lack(ctx: Ctx, fact: string): void {
  if (!ctx.missing.includes(fact)) ctx.missing.push(fact);
}

export function warn(ctx: Ctx, code: EvaluationWarning['code'], message: string): void {
  for (const w of ctx.warnings) if (w.code === code && w.message === message) return;
  ctx.warnings.push({ code, message });
}

export { caseFacts };

export function has(ctx: Ctx, circumstance: string): boolean {
  return ctx.c.circumstances.includes(circumstance);
}

/** The party's age as the trace states it: 13周岁, or with the birth date it was computed from. */
export function ageText(c: Case): string {
  const p = c.party;
  return p.birthDate ? `${p.birthDate}出生，行为时${p.age}周岁，周岁自生日的第二天起算` : `${p.age}周岁`;
}
