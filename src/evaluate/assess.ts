import type { Condition, FineModel, PenaltyKind } from '../load/model.js';
import { fineText, tierRangeText } from '../report/format.js';
import { modelFor } from '../load/lookup.js';
import { yuan } from './yuan.js';
import { absentIn } from './conditions.js';
import { addTrace, lack, test, warn, type Ctx } from './context.js';
import type { GradeResult } from './grade.js';
import { GRADE_TEXT, type ClausePlan, type ItemPlan, type TierPlan } from './plan.js';
import type { DispositionGrade, FenRange, Penalty, PenaltyAssessment } from './types.js';

/** An output object built key by key, in its documented key order. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

/** A penalty assessment, and whether it is complete (a tier was found where the item has tiers, every fine computed). */
export interface Assessment {
  readonly assessment: PenaltyAssessment;
  readonly complete: boolean;
}

/** The facts that some conditions lack, each once, in order of first appearance. */
function lackingFacts(ctx: Ctx, conds: readonly Condition[]): string[] {
  const out: string[] = [];
  for (const c of conds) for (const f of absentIn(c, ctx.facts)) if (!out.includes(f)) out.push(f);
  return out;
}

/** Picks the statutory clause (branch) whose condition the facts meet. */
export function selectClause(ctx: Ctx, plan: ItemPlan, record = true): ClausePlan | undefined {
  const { code, clauses } = plan;
  if (clauses.length === 1) return clauses[0];
  let hit: ClausePlan | undefined;
  let unknown: ClausePlan[] | undefined;
  for (const cl of clauses) {
    if (!cl.when) continue;
    const r = test(ctx, cl.when, cl.test);
    if (r === true) hit ??= cl;
    else if (r === undefined) (unknown ??= []).push(cl);
  }
  const cites = plan.penalizedBy;
  // Quietly (for an item the act also breaks, Art. 29): the clause only, nothing cited or asked for.
  if (!record) return hit ?? (unknown ? undefined : plan.otherwise);
  if (unknown && !hit) {
    const lacking = lackingFacts(ctx, unknown.map((u) => u.when!));
    for (const f of lacking) lack(ctx, f);
    warn(ctx, 'MISSING_FACTS', `事项 ${code} 的法定处罚幅度取决于 ${lacking.join('、')}，请补充`);
    addTrace(ctx, 'clause', 'missing', () => `法定处罚幅度取决于 ${lacking.join('、')}，案件未提供`, cites, code);
    return undefined;
  }
  const chosen = hit ?? plan.otherwise;
  if (!chosen) {
    warn(ctx, 'NO_CLAUSE', `事项 ${code} 没有与案件事实相符的法定处罚条款`);
    addTrace(ctx, 'clause', 'missing', () => '没有与案件事实相符的法定处罚条款', cites, code);
    return undefined;
  }
  const cl = chosen.clause;
  addTrace(ctx, 'clause', 'applied', () => `适用法定处罚条款「${cl.label ?? cl.id}」${cl.fine ? `：罚款${fineText(cl.fine)}` : ''}`, chosen.appliedCites, code);
  return chosen;
}

/**
 * Picks the tier: by facts (`when`) under the item's hit policy, or by the
 * grade the circumstances give. A tier is never guessed: missing facts and
 * conflicts are reported instead.
 */
export function selectTier(ctx: Ctx, plan: ItemPlan, clause: ClausePlan, grade: DispositionGrade): TierPlan | undefined {
  const { code } = plan;
  const byFacts = clause.byFacts;
  let pool = clause.tiers;
  if (byFacts.length > 0) {
    const hits: TierPlan[] = [];
    let unknown: TierPlan[] | undefined;
    // An unknown tier listed before the first hit would win under `priority` if its facts were known.
    let unknownFirst = false;
    for (const t of byFacts) {
      const r = test(ctx, t.when!, t.test);
      if (r === true) hits.push(t);
      else if (r === undefined) {
        (unknown ??= []).push(t);
        if (hits.length === 0) unknownFirst = true;
      }
    }
    if (unknown && (hits.length === 0 || plan.unique || unknownFirst)) {
      const lacking = lackingFacts(ctx, unknown.map((u) => u.when!));
      for (const f of lacking) lack(ctx, f);
      warn(ctx, 'MISSING_FACTS', `事项 ${code} 的裁量阶次取决于 ${lacking.join('、')}，请补充`);
      addTrace(ctx, 'tier', 'missing', () => `裁量阶次取决于 ${lacking.join('、')}，案件未提供，不作推测`, undefined, code);
      return undefined;
    }
    if (hits.length > 1 && plan.unique) {
      warn(ctx, 'TIER_CONFLICT', `事项 ${code} 有多个阶次同时适用（${hits.map((t) => t.tier.id).join('、')}），裁量基准存在重叠，请核查`);
      addTrace(ctx, 'tier', 'missing', () => `多个阶次同时适用：${hits.map((t) => t.name).join('、')}；基准重叠，无法确定`, undefined, code);
      return undefined;
    }
    if (hits.length === 0) {
      const fb = plan.fallback;
      if (fb) {
        addTrace(ctx, 'tier', 'applied', () => `无阶次条件满足，适用兜底阶次「${fb.name}」`, fb.cites, code, fb.ref);
        return fb;
      }
      warn(ctx, 'NO_TIER', `事项 ${code} 没有与案件事实相符的裁量阶次（基准存在空档）`);
      addTrace(ctx, 'tier', 'missing', () => '没有与案件事实相符的裁量阶次', undefined, code);
      return undefined;
    }
    pool = hits;
  }
  const wanted = grade === 'reduced' ? 'lighter' : grade;
  const chosen = pool.length === 1 ? pool[0]! : (pool.find((t) => t.grade === wanted) ?? (byFacts.length > 0 ? pool[0] : undefined));
  if (!chosen) {
    warn(ctx, 'NO_TIER', `事项 ${code} 没有「${GRADE_TEXT[grade]}」阶次`);
    addTrace(ctx, 'tier', 'missing', () => `没有与「${GRADE_TEXT[grade]}」相应的裁量阶次`, undefined, code);
    return undefined;
  }
  addTrace(
    ctx,
    'tier',
    'applied',
    () => {
      const t = chosen.tier;
      return `适用裁量阶次「${chosen.name}」${t.range ? `（${tierRangeText(t.range)}）` : ''}${t.when ? '：案件事实符合该阶次条件' : `：按${GRADE_TEXT[grade]}情节确定`}${t.description ? `——${t.description}` : ''}`;
    },
    chosen.cites,
    code,
    chosen.ref,
  );
  return chosen;
}

/** （以货值金额=3万元计） / （货值金额=3万元，不足10万元按10万元计）. */
function baseText(base: { fact: string; value: number; countedAs?: number; cap?: number } | undefined): string {
  if (!base) return '';
  const cap = base.cap !== undefined ? `，罚款最高不超过${yuan(base.cap)}` : '';
  return base.countedAs !== undefined
    ? `（${base.fact}=${yuan(base.value)}，不足${yuan(base.countedAs)}按${yuan(base.countedAs)}计${cap}）`
    : `（以${base.fact}=${yuan(base.value)}计${cap}）`;
}

/** The statutory fine range for this party and these facts, in fen. */
export function statutoryRange(
  ctx: Ctx,
  fine: FineModel,
): { range?: FenRange; base?: { fact: string; value: number; countedAs?: number; cap?: number }; perUnit?: { fact: string; value: number; unit?: string; min: number; max: number } } {
  switch (fine.kind) {
    case 'range':
      return { range: { min: fine.min, max: fine.max } };
    case 'upTo':
      return { range: { min: 0, max: fine.max } };
    case 'multiple': {
      const base = ctx.facts.get(fine.of);
      if (typeof base !== 'number') {
        lack(ctx, fine.of);
        return {};
      }
      // 不足十万元的，按十万元计算: the factors apply to the floor when the base is below it.
      const floored = fine.floor !== undefined && base < fine.floor;
      const counted = floored ? fine.floor! : base;
      const range = { min: Math.round(counted * fine.min), max: Math.round(counted * fine.max) };
      // 但最高不超过十万元: the fine never above the ceiling, however large the base.
      const capped = fine.cap !== undefined && range.max > fine.cap;
      return {
        range: capped ? { min: Math.min(range.min, fine.cap!), max: fine.cap! } : range,
        base: { fact: fine.of, value: base, ...(floored ? { countedAs: fine.floor! } : {}), ...(capped ? { cap: fine.cap! } : {}) },
      };
    }
    case 'perUnit': {
      // 每平方米…元: the units times the amounts per unit (fen); the units are not a money base.
      const units = ctx.facts.get(fine.of);
      if (typeof units !== 'number') {
        lack(ctx, fine.of);
        return {};
      }
      return { range: { min: Math.round(units * fine.min), max: Math.round(units * fine.max) }, perUnit: { fact: fine.of, value: units, ...(fine.unit !== undefined ? { unit: fine.unit } : {}), min: fine.min, max: fine.max } };
    }
    case 'unspecified':
      return {};
    case 'byParty':
      return statutoryRange(ctx, ctx.c.party.kind === 'person' ? fine.person : fine.organization);
  }
}

/**
 * 处以罚款 with no amount: the statute bounds nothing. A tier amount of the
 * benchmark is the range (by grade as for any tier chosen by facts); without
 * one, the fine is imposed and the officer sets the amount under the rules
 * that fix it — never a figure made up here.
 */
function unspecifiedFine(
  ctx: Ctx,
  code: string,
  tp: TierPlan | undefined,
  grade: DispositionGrade,
  target: 'party' | 'responsible',
  optional: boolean,
): Penalty {
  const who = target === 'responsible' ? '对直接负责的主管人员和其他直接责任人员' : '';
  const amount = target === 'responsible' ? tp?.responsibleAmount : tp?.range?.kind === 'amount' ? tp.range : undefined;
  if (!amount || ctx.statuteOnly || grade === 'reduced') {
    warn(ctx, 'FINE_AMOUNT_NOT_SET', `事项 ${code} 的罚款，法律条文未规定数额，由执法人员依照规定数额的规章、裁量基准确定`);
    addTrace(ctx, 'amount', 'info', () => `${who}罚款：法律条文未规定数额${grade === 'reduced' ? '（减轻处罚无法定最低额可比）' : ''}；不推荐具体数额，由执法人员依照有关规定确定`, undefined, code);
    const p: Building<Penalty> = { kind: 'fine', target, note: '法律条文未规定罚款数额，由执法人员依照有关规定确定' };
    if (optional) p.optional = optional;
    return p;
  }
  const [lo, hi] = ctx.rs.policy.split;
  let range: FenRange = { min: amount.min, max: amount.max };
  let adjust = '';
  if (tp!.when && (grade === 'lighter' || grade === 'heavier')) {
    range = grade === 'lighter' ? band(range, 0, lo) : band(range, hi, 1);
    adjust = grade === 'lighter' ? `的较低${Math.round(lo * 100)}%（从轻）` : `的较高${Math.round((1 - hi) * 100)}%（从重）`;
  }
  const recommended = pointIn(ctx, range);
  const name = tp!.name;
  addTrace(
    ctx,
    'amount',
    'applied',
    () =>
      `${who}罚款：法律条文未规定数额；阶次「${name}」幅度${adjust}为${yuan(range.min)}至${yuan(range.max)}；` +
      recommendationText(ctx, recommended, optional),
    undefined,
    code,
  );
  const p: Building<Penalty> = { kind: 'fine', target, range, recommended, note: '法律条文未规定罚款数额，幅度为裁量基准所定' };
  if (optional) p.optional = optional;
  return p;
}

/** How the recommended amount was taken from its range: 按中间值取整到100元，建议3,000元（…“可以”并处罚款）. */
function recommendationText(ctx: Ctx, recommended: number, optional: boolean): string {
  const { point, rounding } = ctx.rs.policy;
  return `按${point === 'floor' ? '下限' : point === 'ceiling' ? '上限' : '中间值'}取整到${yuan(rounding)}，建议${yuan(recommended)}${optional ? '（法律规定“可以”并处罚款）' : ''}`;
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
  code: string,
  fine: FineModel,
  tp: TierPlan | undefined,
  grade: DispositionGrade,
  target: 'party' | 'responsible',
  optional: boolean,
): Penalty | undefined {
  if (modelFor(fine, ctx.c.party.kind).kind === 'unspecified') return unspecifiedFine(ctx, code, tp, grade, target, optional);
  const stat = statutoryRange(ctx, fine);
  if (!stat.range) {
    const needed = fine.kind === 'multiple' || fine.kind === 'perUnit' ? fine.of : (stat.base?.fact ?? '');
    warn(ctx, 'MISSING_FACTS', `事项 ${code} 的罚款以 ${needed} 为${fine.kind === 'perUnit' ? '计罚单位数' : '基数'}，请补充`);
    addTrace(ctx, 'amount', 'missing', () => `罚款以${needed || '基数'}计算，案件未提供`, undefined, code);
    return undefined;
  }
  const s = stat.range;
  const base = stat.base;
  // 每台一千元 × 3台: how the statutory range was counted.
  const per = stat.perUnit;
  const counted = (): string => (per ? `（每${per.unit ?? '单位'}${per.min === per.max ? yuan(per.min) : `${yuan(per.min)}至${yuan(per.max)}`}×${per.fact}=${per.value}${per.unit ?? ''}）` : '');
  if (ctx.statuteOnly && grade !== 'reduced') {
    // No benchmark in force: the statutory range itself, the amount for the officer to set.
    addTrace(ctx, 'amount', 'info', () => `${target === 'responsible' ? '对直接负责的主管人员和其他直接责任人员' : ''}罚款：法定幅度${yuan(s.min)}至${yuan(s.max)}${baseText(base)}${counted()}；无施行的裁量基准，不推荐具体数额，由执法人员结合${GRADE_TEXT[grade]}情节在法定幅度内确定`, undefined, code);
    const p: Building<Penalty> = { kind: 'fine', target, statutory: s, range: s };
    if (optional) p.optional = optional;
    if (base) p.base = base;
    p.note = '无施行的裁量基准，由执法人员在法定幅度内确定';
    return p;
  }
  const [lo, hi] = ctx.rs.policy.split;
  let range: FenRange;
  let how: () => string;
  if (grade === 'reduced' && s.min > 0) {
    const floor = ctx.rs.policy.reducedFloor;
    if (floor === null) {
      warn(ctx, 'REDUCED_NO_FLOOR', `减轻处罚：本基准未设定减轻下限，罚款数额由执法人员在法定最低额${yuan(s.min)}以下确定`);
      addTrace(ctx, 'amount', 'info', () => `减轻处罚：罚款应低于法定最低额${yuan(s.min)}；本基准未设定下限，不推荐具体数额，由执法人员确定`, undefined, code);
      // 减轻 is below the statutory minimum: at most one fen less.
      const p: Building<Penalty> = { kind: 'fine', target, statutory: s, range: { min: 0, max: s.min - 1 } };
      if (optional) p.optional = optional;
      if (base) p.base = base;
      p.note = '减轻处罚，数额由执法人员确定';
      return p;
    }
    range = { min: Math.min(floor, s.min - 1), max: s.min - 1 };
    how = () => `减轻处罚：低于法定最低额${yuan(s.min)}，不低于本基准下限${yuan(floor)}`;
  } else if (
    (target === 'party' && tp?.range) ||
    (target === 'responsible' && (tp?.responsibleAmount || tp?.range?.kind === 'share'))
  ) {
    // Responsible persons follow the tier's responsibleAmount, or a share of their own
    // statutory range; the party's absolute amounts never carry over to them.
    const ra = target === 'responsible' ? tp.responsibleAmount : undefined;
    const tr = ra ? { kind: 'amount' as const, min: ra.min, max: ra.max } : tp.range!;
    if (tr.kind === 'share') range = band(s, tr.from, tr.to);
    else if (tr.kind === 'amount') range = { min: tr.min, max: tr.max };
    else if (base) range = { min: Math.round((base.countedAs ?? base.value) * tr.min), max: Math.round((base.countedAs ?? base.value) * tr.max) };
    else range = s;
    let adjust = '';
    if (tp.when && (grade === 'lighter' || grade === 'reduced')) {
      range = band(range, 0, lo);
      // 减轻 of a fine with no minimum (…以下罚款) cannot go below it: the lower band, still called 减轻.
      adjust = `的较低${Math.round(lo * 100)}%（${grade === 'reduced' ? '减轻：法定最低额为零，不能更低' : '从轻'}）`;
    } else if (tp.when && grade === 'heavier') {
      range = band(range, hi, 1);
      adjust = `的较高${Math.round((1 - hi) * 100)}%（从重）`;
    }
    const name = tp.name;
    how = () => `阶次「${name}」幅度${adjust}`;
  } else {
    range = grade === 'lighter' || grade === 'reduced' ? band(s, 0, lo) : grade === 'heavier' ? band(s, hi, 1) : band(s, lo, hi);
    how = () => (grade === 'reduced' ? '减轻处罚（法定最低额为零，不能更低）：法定幅度的较低区间' : `法定幅度的${GRADE_TEXT[grade]}区间`);
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
      `${target === 'responsible' ? '对直接负责的主管人员和其他直接责任人员' : ''}罚款：法定幅度${yuan(s.min)}至${yuan(s.max)}` +
      `${baseText(base)}${counted()}；${how()}为${yuan(clamped.min)}至${yuan(clamped.max)}；` +
      recommendationText(ctx, recommended, optional),
    undefined,
    code,
  );
  const p: Building<Penalty> = { kind: 'fine', target, statutory: s, range: clamped, recommended };
  if (optional) p.optional = optional;
  if (base) p.base = base;
  return p;
}

/** The penalty for one item: clause, tier and amounts, for the grade given. */
export function assess(ctx: Ctx, plan: ItemPlan, cp: ClausePlan, g: GradeResult): Assessment {
  const { code } = plan;
  // On the statute alone there is no tier to choose.
  const tier = ctx.statuteOnly ? undefined : selectTier(ctx, plan, cp, g.grade);
  const hasTierRules = plan.hasTiers && !ctx.statuteOnly;
  const penalties: Penalty[] = [];
  const only = cp.fineOnlyIf;
  const fineApplies = only === undefined || ctx.c.circumstances.includes(only);
  if (only !== undefined) {
    const label = ctx.rs.circumstances[only]?.label ?? only;
    addTrace(ctx, 'amount', fineApplies ? 'applied' : 'not-applied', () => (fineApplies ? `当事人${label}，依法处以罚款` : `法律规定${label}的才处罚款；案件未见该情形，不处罚款`), cp.ownCites, code);
  }
  let complete = tier !== undefined || !hasTierRules;
  for (const kind of tier?.kinds ?? cp.kinds) {
    if (kind === 'fine') {
      if (!fineApplies || !cp.fine) continue;
      const f = fineFor(ctx, code, cp.fine, tier, g.grade, 'party', cp.optional);
      if (f) penalties.push(f);
      else complete = false;
    } else if (!(kind === 'confiscateGains' && ctx.facts.get('illegalGains') === 0)) {
      // No 违法所得 means nothing to confiscate.
      penalties.push(otherPenalty(ctx, kind));
    }
  }
  if (cp.responsibleFine && fineApplies) {
    const f = fineFor(ctx, code, cp.responsibleFine, tier, g.grade, 'responsible', cp.optional);
    if (f) penalties.push(f);
    else complete = false;
  }
  const assessment: PenaltyAssessment = tier
    ? { item: code, grade: g.grade, gradeMandatory: g.mandatory, clause: cp.id, tier: tier.ref, penalties }
    : { item: code, grade: g.grade, gradeMandatory: g.mandatory, clause: cp.id, penalties };
  return { assessment, complete };
}

/** A penalty other than a fine: confiscation of 违法所得 carries its amount when known. */
export function otherPenalty(ctx: Ctx, kind: PenaltyKind, note?: string): Penalty {
  if (kind === 'confiscateGains') {
    const gains = ctx.facts.get('illegalGains');
    if (typeof gains !== 'number') return { kind, target: 'party', note: '违法所得数额待查明' };
    const base = { fact: 'illegalGains', value: gains };
    return note ? { kind, target: 'party', base, recommended: gains, note } : { kind, target: 'party', base, recommended: gains };
  }
  return note ? { kind, target: 'party', note } : { kind, target: 'party' };
}

/** The highest fine the statute allows for an item on these facts (fen), for Art. 29. */
export function statutoryMax(ctx: Ctx, plan: ItemPlan): number {
  let max = -1;
  for (const cp of plan.clauses) {
    const cl = cp.clause;
    if (cp.when && test(ctx, cp.when, cp.test) === false) continue;
    if (cl.otherwise && plan.clauses.some((o) => o.when && test(ctx, o.when, o.test) === true)) continue;
    for (const f of [cl.fine, cl.responsibleFine]) {
      if (!f) continue;
      const r = statutoryRange(ctx, f).range;
      if (r && r.max > max) max = r.max;
    }
  }
  return max;
}
