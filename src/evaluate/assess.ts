import type { FineModel, Item, PenaltyClause, PenaltyKind, Tier } from '../load/model.js';
import { fineText, formatYuan, tierRangeText } from '../report/format.js';
import { absentFacts } from './conditions.js';
import { addTrace, cited, warn, type Ctx } from './context.js';
import type { GradeResult } from './grade.js';
import type { DispositionGrade, FenRange, Penalty, PenaltyAssessment, RuleRef } from './types.js';

const GRADE_TEXT: Record<DispositionGrade, string> = { reduced: '减轻', lighter: '从轻', general: '一般', heavier: '从重' };

/** Picks the statutory clause (branch) whose condition the facts meet. */
export function selectClause(ctx: Ctx, item: Item): PenaltyClause | undefined {
  if (item.clauses.length === 1) return item.clauses[0];
  const conditional = item.clauses.filter((cl) => cl.when);
  const results = conditional.map((cl) => ({ cl, r: ctx.test(cl.when!) }));
  const hits = results.filter((x) => x.r === true);
  const unknown = results.filter((x) => x.r === undefined);
  const cites = item.penalizedBy.map((c) => cited(ctx.rs, c, 'penalizedBy'));
  if (unknown.length > 0 && hits.length === 0) {
    const lacking = [...new Set(unknown.flatMap((x) => absentFacts(x.cl.when!, ctx.facts)))];
    for (const f of lacking) ctx.missing.add(f);
    warn(ctx, 'MISSING_FACTS', `事项 ${item.code} 的法定处罚幅度取决于 ${lacking.join('、')}，请补充`);
    addTrace(ctx, 'clause', 'missing', () => `法定处罚幅度取决于 ${lacking.join('、')}，案件未提供`, cites, { item: item.code });
    return undefined;
  }
  const chosen = hits[0]?.cl ?? item.clauses.find((cl) => cl.otherwise);
  if (!chosen) {
    warn(ctx, 'NO_CLAUSE', `事项 ${item.code} 没有与案件事实相符的法定处罚条款`);
    addTrace(ctx, 'clause', 'missing', () => '没有与案件事实相符的法定处罚条款', cites, { item: item.code });
    return undefined;
  }
  addTrace(ctx, 'clause', 'applied', () => `适用法定处罚条款「${chosen.label ?? chosen.id}」${chosen.fine ? `：罚款${fineText(chosen.fine)}` : ''}`, chosen.cites.length ? chosen.cites.map((c) => cited(ctx.rs, c, 'penalizedBy')) : cites, { item: item.code });
  return chosen;
}

function tierRef(ctx: Ctx, item: Item, t: Tier): RuleRef {
  return { kind: 'tier', ruleSet: ctx.rs.id, item: item.code, id: t.id, ...(t.label ? { label: t.label } : {}) };
}

function tierName(t: Tier): string {
  return t.label ?? (t.grade ? GRADE_TEXT[t.grade] : t.id);
}

/**
 * Picks the tier: by facts (`when`) under the item's hit policy, or by the
 * grade the circumstances give. A tier is never guessed: missing facts and
 * conflicts are reported instead.
 */
export function selectTier(ctx: Ctx, item: Item, clause: PenaltyClause, grade: DispositionGrade): Tier | undefined {
  const candidates = item.tiers.filter((t) => t.branch === undefined || t.branch === clause.id);
  const byFacts = candidates.filter((t) => t.when);
  let pool = candidates;
  if (byFacts.length > 0) {
    const results = byFacts.map((t) => ({ t, r: ctx.test(t.when!) }));
    const hits = results.filter((x) => x.r === true).map((x) => x.t);
    const unknown = results.filter((x) => x.r === undefined);
    const policy = item.hitPolicy;
    if (unknown.length > 0 && (hits.length === 0 || policy === 'unique' || unknown.some((u) => byFacts.indexOf(u.t) < byFacts.indexOf(hits[0]!)))) {
      const lacking = [...new Set(unknown.flatMap((x) => absentFacts(x.t.when!, ctx.facts)))];
      for (const f of lacking) ctx.missing.add(f);
      warn(ctx, 'MISSING_FACTS', `事项 ${item.code} 的裁量阶次取决于 ${lacking.join('、')}，请补充`);
      addTrace(ctx, 'tier', 'missing', () => `裁量阶次取决于 ${lacking.join('、')}，案件未提供，不作推测`, [], { item: item.code });
      return undefined;
    }
    if (hits.length > 1 && policy === 'unique') {
      warn(ctx, 'TIER_CONFLICT', `事项 ${item.code} 有多个阶次同时适用（${hits.map((t) => t.id).join('、')}），裁量基准存在重叠，请核查`);
      addTrace(ctx, 'tier', 'missing', () => `多个阶次同时适用：${hits.map(tierName).join('、')}；基准重叠，无法确定`, [], { item: item.code });
      return undefined;
    }
    if (hits.length === 0) {
      const fb = item.fallback ? item.tiers.find((t) => t.id === item.fallback) : undefined;
      if (fb) {
        addTrace(ctx, 'tier', 'applied', () => `无阶次条件满足，适用兜底阶次「${tierName(fb)}」`, fb.cites.map((c) => cited(ctx.rs, c, 'benchmark')), { item: item.code, ref: tierRef(ctx, item, fb) });
        return fb;
      }
      warn(ctx, 'NO_TIER', `事项 ${item.code} 没有与案件事实相符的裁量阶次（基准存在空档）`);
      addTrace(ctx, 'tier', 'missing', () => '没有与案件事实相符的裁量阶次', [], { item: item.code });
      return undefined;
    }
    pool = hits;
  }
  const wanted = grade === 'reduced' ? 'lighter' : grade;
  const chosen = pool.length === 1 ? pool[0]! : (pool.find((t) => t.grade === wanted) ?? (byFacts.length > 0 ? pool[0] : undefined));
  if (!chosen) {
    warn(ctx, 'NO_TIER', `事项 ${item.code} 没有「${GRADE_TEXT[grade]}」阶次`);
    addTrace(ctx, 'tier', 'missing', () => `没有与「${GRADE_TEXT[grade]}」相应的裁量阶次`, [], { item: item.code });
    return undefined;
  }
  addTrace(
    ctx,
    'tier',
    'applied',
    () => `适用裁量阶次「${tierName(chosen)}」${chosen.range ? `（${tierRangeText(chosen.range)}）` : ''}${chosen.when ? '：案件事实符合该阶次条件' : `：按${GRADE_TEXT[grade]}情节确定`}${chosen.description ? `——${chosen.description}` : ''}`,
    chosen.cites.map((c) => cited(ctx.rs, c, 'benchmark')),
    { item: item.code, ref: tierRef(ctx, item, chosen) },
  );
  return chosen;
}

/** The statutory fine range for this party and these facts, in fen. */
export function statutoryRange(ctx: Ctx, fine: FineModel): { range?: FenRange; base?: { fact: string; value: number } } {
  switch (fine.kind) {
    case 'range':
      return { range: { min: fine.min, max: fine.max } };
    case 'upTo':
      return { range: { min: 0, max: fine.max } };
    case 'multiple': {
      const base = ctx.facts[fine.of];
      if (typeof base !== 'number') {
        ctx.missing.add(fine.of);
        return {};
      }
      return { range: { min: Math.round(base * fine.min), max: Math.round(base * fine.max) }, base: { fact: fine.of, value: base } };
    }
    case 'byParty':
      return statutoryRange(ctx, ctx.c.party.kind === 'person' ? fine.person : fine.organization);
  }
}

function band(r: FenRange, from: number, to: number): FenRange {
  const span = r.max - r.min;
  return { min: Math.round(r.min + span * from), max: Math.round(r.min + span * to) };
}

/** Recommended point of a range by policy, rounded, and kept inside the range. */
export function pointIn(ctx: Ctx, r: FenRange): number {
  const { point, rounding } = ctx.rs.policy;
  const raw = point === 'floor' ? r.min : point === 'ceiling' ? r.max : (r.min + r.max) / 2;
  let v = rounding > 0 ? Math.round(raw / rounding) * rounding : Math.round(raw);
  if (v < r.min) v = rounding > 0 ? Math.ceil(r.min / rounding) * rounding : r.min;
  if (v > r.max) v = rounding > 0 ? Math.floor(r.max / rounding) * rounding : r.max;
  // A range narrower than the rounding unit keeps its own bounds.
  if (v < r.min || v > r.max) v = Math.round(raw);
  return v;
}

/**
 * The recommended fine: the tier's range (absolute, a share of the statutory
 * range, or multiples of the base), adjusted by grade when the tier was chosen
 * by facts (从轻 lower share, 从重 upper share), 减轻 below the statutory minimum
 * only down to the rule set's floor, then the policy point, rounded and clamped
 * to the statutory range.
 */
function fineFor(
  ctx: Ctx,
  item: Item,
  fine: FineModel,
  tier: Tier | undefined,
  grade: DispositionGrade,
  target: 'party' | 'responsible',
  optional: boolean,
): Penalty | undefined {
  const stat = statutoryRange(ctx, fine);
  if (!stat.range) {
    warn(ctx, 'MISSING_FACTS', `事项 ${item.code} 的罚款以 ${stat.base?.fact ?? (fine.kind === 'multiple' ? fine.of : '')} 为基数，请补充`);
    addTrace(ctx, 'amount', 'missing', () => `罚款以${fine.kind === 'multiple' ? fine.of : '基数'}计算，案件未提供`, [], { item: item.code });
    return undefined;
  }
  const s = stat.range;
  const [lo, hi] = ctx.rs.policy.split;
  let range: FenRange;
  let how: string;
  if (grade === 'reduced' && s.min > 0) {
    const floor = ctx.rs.policy.reducedFloor;
    if (floor === null) {
      warn(ctx, 'REDUCED_NO_FLOOR', `减轻处罚：本基准未设定减轻下限，罚款数额由执法人员在法定最低额${formatYuan(s.min)}以下确定`);
      addTrace(ctx, 'amount', 'info', () => `减轻处罚：罚款应低于法定最低额${formatYuan(s.min)}；本基准未设定下限，不推荐具体数额，由执法人员确定`, [], { item: item.code });
      return { kind: 'fine', target, statutory: s, range: { min: 0, max: s.min }, ...(optional ? { optional } : {}), ...(stat.base ? { base: stat.base } : {}), note: '减轻处罚，数额由执法人员确定' };
    }
    range = { min: Math.min(floor, s.min), max: s.min };
    how = `减轻处罚：法定最低额${formatYuan(s.min)}以下，不低于本基准下限${formatYuan(floor)}`;
  } else if (
    (target === 'party' && tier?.range) ||
    (target === 'responsible' && (tier?.responsibleAmount || tier?.range?.kind === 'share'))
  ) {
    // Responsible persons follow the tier's responsibleAmount, or a share of their own
    // statutory range; the party's absolute amounts never carry over to them.
    const tr = target === 'responsible' && tier.responsibleAmount ? { kind: 'amount' as const, ...tier.responsibleAmount } : tier.range!;
    if (tr.kind === 'share') range = band(s, tr.from, tr.to);
    else if (tr.kind === 'amount') range = { min: tr.min, max: tr.max };
    else if (stat.base) range = { min: Math.round(stat.base.value * tr.min), max: Math.round(stat.base.value * tr.max) };
    else range = s;
    how = `阶次「${tierName(tier)}」幅度`;
    if (tier.when && (grade === 'lighter' || grade === 'reduced')) {
      range = band(range, 0, lo);
      how += `的较低${Math.round(lo * 100)}%（从轻）`;
    } else if (tier.when && grade === 'heavier') {
      range = band(range, hi, 1);
      how += `的较高${Math.round((1 - hi) * 100)}%（从重）`;
    }
  } else {
    range = grade === 'lighter' || grade === 'reduced' ? band(s, 0, lo) : grade === 'heavier' ? band(s, hi, 1) : band(s, lo, hi);
    how = `法定幅度的${GRADE_TEXT[grade === 'reduced' ? 'lighter' : grade]}区间`;
  }
  // Never outside the statute (行政处罚法 Art. 76), except below it for 减轻.
  const clamped: FenRange =
    grade === 'reduced'
      ? { min: Math.min(Math.max(0, range.min), s.max), max: Math.max(0, Math.min(range.max, s.max)) }
      : { min: Math.min(Math.max(range.min, s.min), s.max), max: Math.max(Math.min(range.max, s.max), s.min) };
  const recommended = pointIn(ctx, clamped);
  addTrace(
    ctx,
    'amount',
    'applied',
    () =>
      `${target === 'responsible' ? '对直接负责的主管人员和其他直接责任人员' : ''}罚款：法定幅度${formatYuan(s.min)}至${formatYuan(s.max)}` +
      `${stat.base ? `（以${stat.base.fact}=${formatYuan(stat.base.value)}计）` : ''}；${how}为${formatYuan(clamped.min)}至${formatYuan(clamped.max)}；` +
      `按${ctx.rs.policy.point === 'floor' ? '下限' : ctx.rs.policy.point === 'ceiling' ? '上限' : '中间值'}取整到${formatYuan(ctx.rs.policy.rounding)}，建议${formatYuan(recommended)}` +
      (optional ? '（法律规定“可以”并处罚款）' : ''),
    [],
    { item: item.code },
  );
  return {
    kind: 'fine',
    target,
    statutory: s,
    range: clamped,
    recommended,
    ...(optional ? { optional } : {}),
    ...(stat.base ? { base: stat.base } : {}),
  };
}

/** The penalty for one item: clause, tier and amounts, for the grade given. */
export function assess(ctx: Ctx, item: Item, clause: PenaltyClause, g: GradeResult): PenaltyAssessment & { complete: boolean } {
  const tier = selectTier(ctx, item, clause, g.grade);
  const hasTierRules = item.tiers.length > 0;
  const penalties: Penalty[] = [];
  const fineApplies = clause.fineOnlyIf === undefined || ctx.c.circumstances.includes(clause.fineOnlyIf);
  if (clause.fineOnlyIf !== undefined) {
    const label = ctx.rs.circumstances[clause.fineOnlyIf]?.label ?? clause.fineOnlyIf;
    addTrace(ctx, 'amount', fineApplies ? 'applied' : 'not-applied', () => (fineApplies ? `当事人${label}，依法处以罚款` : `法律规定${label}的才处罚款；案件未见该情形，不处罚款`), clause.cites.map((c) => cited(ctx.rs, c, 'penalizedBy')), { item: item.code });
  }
  const kinds: PenaltyKind[] = (tier?.kinds ?? clause.kinds).filter((k) => k !== 'fine' || fineApplies);
  let complete = tier !== undefined || !hasTierRules;
  for (const kind of kinds) {
    if (kind === 'fine') {
      if (!clause.fine) continue;
      const f = fineFor(ctx, item, clause.fine, tier, g.grade, 'party', clause.optional);
      if (f) penalties.push(f);
      else complete = false;
    } else if (!(kind === 'confiscateGains' && ctx.facts.illegalGains === 0)) {
      // No 违法所得 means nothing to confiscate.
      penalties.push(otherPenalty(ctx, kind));
    }
  }
  if (clause.responsibleFine && fineApplies) {
    const f = fineFor(ctx, item, clause.responsibleFine, tier, g.grade, 'responsible', clause.optional);
    if (f) penalties.push(f);
  }
  return {
    item: item.code,
    grade: g.grade,
    gradeMandatory: g.mandatory,
    clause: clause.id,
    ...(tier ? { tier: tierRef(ctx, item, tier) } : {}),
    penalties,
    complete,
  };
}

/** A penalty other than a fine: confiscation of 违法所得 carries its amount when known. */
export function otherPenalty(ctx: Ctx, kind: PenaltyKind, note?: string): Penalty {
  if (kind === 'confiscateGains') {
    const gains = ctx.facts.illegalGains;
    return {
      kind,
      target: 'party',
      ...(typeof gains === 'number' ? { base: { fact: 'illegalGains', value: gains }, recommended: gains } : { note: '违法所得数额待查明' }),
      ...(note && typeof gains === 'number' ? { note } : {}),
    };
  }
  return { kind, target: 'party', ...(note ? { note } : {}) };
}

/** The highest fine the statute allows for an item on these facts (fen), for Art. 29. */
export function statutoryMax(ctx: Ctx, item: Item): number {
  let max = -1;
  for (const cl of item.clauses) {
    if (cl.when && ctx.test(cl.when) === false) continue;
    if (cl.otherwise && item.clauses.some((o) => o.when && ctx.test(o.when) === true)) continue;
    for (const f of [cl.fine, cl.responsibleFine]) {
      if (!f) continue;
      const r = statutoryRange(ctx, f).range;
      if (r && r.max > max) max = r.max;
    }
  }
  return max;
}
