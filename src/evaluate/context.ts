import type { Citation, Condition, RuleSet } from '../load/model.js';
import { articleText } from '../report/format.js';
import type { Facts, Tri } from './conditions.js';
import type { Case, CitedArticle, EvaluationWarning, RuleRef, TraceEntry } from './types.js';

/** 行政处罚法, the law every step of the engine rests on. */
export const XZCFF = 'xzcff';
const XZCFF_TITLE = '中华人民共和国行政处罚法';

/** State shared by the steps of one evaluation. */
export interface Ctx {
  readonly rs: RuleSet;
  readonly c: Case;
  readonly facts: Facts;
  readonly traceOn: boolean;
  readonly trace: TraceEntry[];
  readonly warnings: EvaluationWarning[];
  readonly missing: Set<string>;
  /** Citations of the steps that applied, in order (kept even when the trace is off). */
  readonly applied: CitedArticle[];
  /** Tests a rule-set condition on this case's facts. */
  readonly test: (c: Condition) => Tri;
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

function resolveCitation(rs: RuleSet, c: Citation, role: CitedArticle['role']): CitedArticle {
  const law = rs.laws[c.law];
  const lawTitle = law ? law.title : c.law === XZCFF ? XZCFF_TITLE : c.law;
  return {
    law: c.law,
    lawTitle,
    article: c.article,
    ...(c.paragraph !== undefined ? { paragraph: c.paragraph } : {}),
    ...(c.item !== undefined ? { item: c.item } : {}),
    ...(c.sentence !== undefined ? { sentence: c.sentence } : {}),
    text: `《${lawTitle}》${articleText(c)}`,
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

export function addTrace(
  ctx: Ctx,
  step: TraceEntry['step'],
  status: TraceEntry['status'],
  message: () => string,
  cites: readonly CitedArticle[] = [],
  extra: { item?: string; ref?: RuleRef } = {},
): void {
  if (status === 'applied') ctx.applied.push(...cites);
  if (!ctx.traceOn) return;
  ctx.trace.push({
    step,
    status,
    ...(extra.item !== undefined ? { item: extra.item } : {}),
    message: message(),
    cites,
    ...(extra.ref ? { ref: extra.ref } : {}),
  });
}

export function warn(ctx: Ctx, code: EvaluationWarning['code'], message: string): void {
  if (!ctx.warnings.some((w) => w.code === code && w.message === message)) ctx.warnings.push({ code, message });
}

/** The case's facts as conditions see them: declared facts, party facts and circumstances. */
const templates = new WeakMap<RuleSet, Record<string, boolean>>();

export function caseFacts(rs: RuleSet, c: Case): Facts {
  let template = templates.get(rs);
  if (!template) {
    // Every circumstance is a boolean fact, false unless the case lists it.
    template = {};
    for (const name of Object.keys(rs.circumstances)) template[name] = false;
    templates.set(rs, template);
  }
  const f: Record<string, string | number | boolean> = { ...template, ...c.facts, partyKind: c.party.kind };
  if (c.party.age !== undefined) f.partyAge = c.party.age;
  for (const name of c.circumstances) f[name] = true;
  return f;
}

export function has(ctx: Ctx, circumstance: string): boolean {
  return ctx.c.circumstances.includes(circumstance);
}
