import { freezeDisposition } from '../load/seal.js';
import { checkCase, checkOptions, checkRuleSet } from '../load/arguments.js';
import type { Condition, RuleSet } from '../load/model.js';
import type { Facts, Tri } from './conditions.js';
import { yuan } from './yuan.js';
import { assess, otherPenalty, selectClause, statutoryMax, type Assessment } from './assess.js';
import { PENALTY_TEXT } from '../report/labels.js';
import { channelFor } from './channel.js';
import { addTrace, has, lack, warn, type Ctx } from './context.js';
import { CaseFacts } from './facts.js';
import { durationText, governingDay } from './dates.js';
import { gradeFor } from './grade.js';
import { firstWithin, matchLists, type ListOutcome } from './lists.js';
import { mandatoryGround } from './mandatory.js';
import { checkLimitation } from './limitation.js';
import { measuresFor } from './measures.js';
import { itemPlan, KIND_TEXT, planOf, type ItemPlan } from './plan.js';
import { procedureFor } from './procedure.js';
import { contradictionsIn } from './contradictions.js';
import type {
  Case,
  CitedArticle,
  Disposition,
  EvaluateOptions,
  EvaluationWarning,
  UndeterminedReason,
  UndeterminedStep,
  NoPenaltyBasis,
  Outcome,
  PenaltyAssessment,
  Reading,
  RuleRef,
} from './types.js';

/** An output object built key by key, in its documented key order. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

/** The empty lists of a disposition, one frozen array for all (most dispositions have several). */
const NONE: readonly never[] = Object.freeze([]);

const ROLE_ORDER: readonly CitedArticle['role'][] = ['violates', 'penalizedBy', 'benchmark', 'list', 'ground', 'procedure'];

/**
 * Ordered, de-duplicated citations: violation basis, penalty basis, benchmark,
 * list, grounds, procedure; within a role in the order cited; the first of
 * equal texts kept. A dozen entries: one pass per role, no sort.
 */
function orderCitations(parts: readonly (readonly CitedArticle[])[]): CitedArticle[] {
  const out: CitedArticle[] = [];
  for (const role of ROLE_ORDER) {
    for (const part of parts) {
      for (let i = 0; i < part.length; i++) {
        const c = part[i]!;
        if (c.role === role && !hasText(out, c.text)) out.push(c);
      }
    }
  }
  return out;
}

function hasText(cites: readonly CitedArticle[], text: string): boolean {
  for (let i = 0; i < cites.length; i++) if (cites[i]!.text === text) return true;
  return false;
}

/** Evaluations whose governing item (Art. 29) the missing facts leave open. */
const concurrenceOpen = new WeakSet<Ctx>();

/** Art. 29: one act breaking several items is fined once, under the provision with the higher fine. */
function governingItem(ctx: Ctx, items: readonly ItemPlan[]): ItemPlan {
  if (items.length === 1) return items[0]!;
  const lacked = ctx.missing.length;
  let best = items[0]!;
  let bestMax = statutoryMax(ctx, best);
  for (let i = 1; i < items.length; i++) {
    const it = items[i]!;
    const m = statutoryMax(ctx, it);
    if (m > bestMax) {
      best = it;
      bestMax = m;
    }
  }
  // A maximum that needs a missing fact (a multiple of an unknown base): which fine is higher is not known.
  if (ctx.missing.length > lacked) {
    const lacking = ctx.missing.slice(lacked);
    warn(ctx, 'MISSING_FACTS', `同一个违法行为违反多个法律规范，哪一规定罚款数额高取决于 ${lacking.join('、')}，请补充`);
    addTrace(ctx, 'concurrence', 'missing', () => `同一个违法行为违反多个法律规范（${items.map((i) => i.code).join('、')}），哪一规定罚款数额高取决于 ${lacking.join('、')}，案件未提供`, ctx.plan.law.concurrence);
    concurrenceOpen.add(ctx);
    return best;
  }
  addTrace(
    ctx,
    'concurrence',
    'applied',
    () =>
      `同一个违法行为违反多个法律规范（${items.map((i) => i.code).join('、')}），按照罚款数额高的规定处罚：适用 ${best.code}` +
      (bestMax >= 0 ? `（法定罚款最高${yuan(bestMax)}）` : ''),
    ctx.plan.law.concurrence,
  );
  return best;
}

/**
 * Turns a case into a recommended disposition, step by step as 行政处罚法
 * reads: limitation (Art. 36), mandatory no penalty (Arts. 30, 31, 33), lists
 * and 首违不罚 (Art. 33(1)), mitigation (Arts. 30, 32), tier and amount, one
 * act under several items (Art. 29), measures (Arts. 28, 33(3)), procedure
 * (Arts. 51, 57, 58, 63) and the 721 channel. Pure and deterministic.
 *
 * @example
 * const { case: c } = loadCase({ path: 'case.yaml', text }, ruleSet);
 * const d = evaluate(ruleSet, c!);
 * d.outcome;                    // 'penalty'
 * d.penalties[0].recommended;   // 6_500_000 (fen)
 */
/**
 * Options used inside the library. `lawDay`: the day whose law texts the
 * disposition applies, for the law-version warnings; under Art. 37 the text in
 * force at the decision is applied, though it was not in force at the act.
 */
export interface InternalOptions extends EvaluateOptions {
  readonly lawDay?: string;
  /** No version of the benchmark in force at the act: judge on the rule set's statutory model alone. */
  readonly statuteOnly?: boolean;
  /** The benchmark(s) over this statutory layer with no version in force at the act (the layer answers instead). */
  readonly benchmarkGap?: string;
  /** The reading of an unknown age being evaluated: no further readings of it. */
  readonly ageKnown?: boolean;
  /** See {@link UNFROZEN}. */
  readonly [UNFROZEN]?: true;
}

/**
 * An option the package does not export: the disposition is left unfrozen, for a caller that reduces
 * it at once and never hands it out (`cailiang batch` keeps only the tally's record of it).
 */
export const UNFROZEN: unique symbol = Symbol('unfrozen');

export function evaluate(ruleSet: RuleSet, c: Case, options: EvaluateOptions = {}): Disposition {
  return evaluateInternal(ruleSet, c, options);
}

/** {@link evaluate} with the library's own options (lawDay, statuteOnly, ageKnown): not exported from the package. */
export function evaluateInternal(ruleSet: RuleSet, c: Case, options: InternalOptions = {}): Disposition {
  checkRuleSet('evaluate', ruleSet);
  checkCase('evaluate', c);
  checkOptions('evaluate', options);
  // Read-only: parts are shared with other dispositions of the rule set, so an edit throws rather than spreads.
  const d = evaluateWith(ruleSet, c, options);
  return options[UNFROZEN] === true ? d : freezeDisposition(d);
}

/**
 * {@link evaluate} with the condition test supplied (e.g. answers computed by
 * json-rules-engine); `test` may return undefined to fall back to the
 * compiled evaluator.
 */
export function evaluateWith(
  ruleSet: RuleSet,
  c: Case,
  options: InternalOptions = {},
  test?: (cond: Condition, facts: Facts) => Tri,
): Disposition {
  return run(ruleSet, c, options, test, undefined) as Disposition;
}

/**
 * {@link evaluateWith}; with `readingIf`, only the reading of the case (outcome, basis, grade, tier,
 * penalties) under that heading: what the reading of an unknown age takes of the evaluation at 16,
 * without the steps after the penalty (measures, procedure, citations) that it does not show.
 */
function run(
  ruleSet: RuleSet,
  c: Case,
  options: InternalOptions,
  test: ((cond: Condition, facts: Facts) => Tri) | undefined,
  readingIf: string | undefined,
): Disposition | Reading {
  const plan = planOf(ruleSet);
  const facts = new CaseFacts(c, plan.circumstanceNames, plan.circumstances);
  const ctx: Ctx = {
    rs: ruleSet,
    plan,
    c,
    facts,
    statuteOnly: options.statuteOnly === true,
    answer: test,
    traceOn: options.trace !== false,
    trace: [],
    warnings: [],
    missing: [],
    undetermined: [],
    applied: [],
  };
  const items: ItemPlan[] = [];
  for (const code of c.items) {
    const p = itemPlan(plan, code);
    if (p) items.push(p);
  }
  if (items.length === 0) throw new Error(`case ${c.id} names no item of rule set ${ruleSet.id}; load it with loadCase first`);
  const governing = governingItem(ctx, items);
  const code = governing.code;
  const concurrent: string[] = [];
  for (const p of items) if (p !== governing) concurrent.push(p.code);

  let outcome: Outcome = 'penalty';
  let basis: NoPenaltyBasis | undefined;
  let mandatory = true;
  let otherwise: PenaltyAssessment | undefined;
  const appliedLists: RuleRef[] = [];
  let lists: readonly ListOutcome[] = [];

  // Facts that exclude each other: nothing is decided on them (a data error to correct first).
  for (const x of contradictionsIn(ruleSet, c)) {
    outcome = 'undetermined';
    const sides = [...x.circumstances.map((n) => `「${ruleSet.circumstances[n]?.label ?? n}」`), ...x.facts.map((f) => `事实 ${f}`)].join('与');
    const message = `案件事实相互矛盾：${sides}不能同时成立（${x.reason}）`;
    warn(ctx, 'FACTS_CONTRADICT', `${message}；请核实案件事实，矛盾消除前不给出处罚建议`);
    ctx.undetermined.push({ reason: 'contradiction', step: 'facts', message });
    addTrace(ctx, 'facts', 'missing', () => `${message}，不作推测，暂不给出处罚建议`);
  }

  const limitation = outcome === 'penalty' ? checkLimitation(ctx, options.asOf) : undefined;
  if (limitation?.state === 'barred') {
    outcome = 'none';
    basis = 'time-barred';
  }
  if (outcome === 'penalty') {
    const g = mandatoryGround(ctx);
    if (g) {
      outcome = 'none';
      basis = g.basis;
    }
  }
  if (options.benchmarkGap !== undefined) {
    const message = `违法行为发生时裁量基准 ${options.benchmarkGap} 没有施行的版本：依法定层 ${ruleSet.id}（据法律文本生成，阶次为推导的 30%/40%/30% 划分，不是地方基准）得出结论`;
    warn(ctx, 'NO_BENCHMARK', message);
    addTrace(ctx, 'version', 'info', () => message);
  }
  if (ctx.statuteOnly) {
    const message = `违法行为发生时本裁量基准（${ruleSet.id}）没有施行的版本：仅依法律规定的处罚幅度和法定情节（第三十条至第三十三条）得出结论，不适用裁量阶次和清单，罚款数额由执法人员在法定幅度内裁量`;
    warn(ctx, 'NO_BENCHMARK', message);
    addTrace(ctx, 'version', 'info', () => message);
  }
  if (outcome === 'penalty') {
    lists = ctx.statuteOnly ? [] : matchLists(ctx, governing);
    let exempt: ListOutcome | undefined;
    let redLine = false;
    for (const l of lists) {
      if (l.entry.kind !== 'exempt') continue;
      if (l.result === 'match') {
        exempt = l;
        break;
      }
      if (l.result === 'red-line') redLine = true;
    }
    if (exempt) {
      outcome = 'none';
      basis = exempt.entry.basis ?? 'other';
      mandatory = !exempt.entry.discretionary;
      appliedLists.push(exempt.ref);
    } else if (redLine) {
      addTrace(ctx, 'first-offence', 'not-applied', () => '本事项清单的排除情形成立，不再按首违不罚的法定条件考虑', undefined, code);
    } else {
      const firstOffence = statutoryFirstOffence(ctx, governing);
      if (firstOffence) {
        outcome = 'none';
        basis = 'first-offence';
        mandatory = false;
      }
    }
  }

  // The penalty itself, or (for 可以不予处罚) the penalty that would otherwise apply.
  let assessed: Assessment | undefined;
  if (outcome === 'penalty' || !mandatory) {
    if (outcome === 'none') addTrace(ctx, 'clause', 'info', () => '以下为不适用不予处罚时应当给予的处罚，供执法人员裁量参考', undefined, code);
    const clause = selectClause(ctx, governing);
    if (clause) {
      // A circumstance that chose the clause (拒不改正的，处…) is not aggravation as well.
      const g = gradeFor(ctx, lists, code, clause.used);
      for (const l of lists) if (l.result === 'match' && l.entry.kind !== 'exempt') appliedLists.push(l.ref);
      assessed = assess(ctx, governing, clause, g);
    }
    if (assessed && concurrent.length > 0) assessed = withConcurrentKinds(ctx, assessed, items.filter((i) => i !== governing));
    const complete = assessed !== undefined && assessed.complete;
    if (outcome === 'penalty' && !complete) outcome = 'undetermined';
    // An exemption the facts may meet is never ruled out by guessing the missing facts.
    let exemptionOpen = false;
    for (const l of lists) {
      if (l.result !== 'unknown' || l.entry.kind !== 'exempt' || outcome !== 'penalty') continue;
      const message = `可能适用清单「${l.entry.title ?? l.entry.id}」（${l.entry.discretionary ? '可以' : '应当'}不予处罚），缺少事实，暂不能给出处罚建议`;
      warn(ctx, 'MISSING_FACTS', message);
      ctx.undetermined.push({ reason: 'exemption-open', step: 'lists', message });
      exemptionOpen = true;
    }
    if (exemptionOpen) outcome = 'undetermined';
    if (concurrenceOpen.has(ctx) && outcome === 'penalty') outcome = 'undetermined';
    // A 减轻 / 从轻 / 从重 entry the missing facts leave open: the grade, and so the amount, is not known.
    if (outcome === 'penalty') {
      for (const l of lists) {
        if (l.result !== 'unknown' || l.entry.kind === 'exempt') continue;
        warn(ctx, 'MISSING_FACTS', `可能适用清单「${l.entry.title ?? l.entry.id}」（${KIND_TEXT[l.entry.kind]}），缺少事实，处罚幅度暂不能确定`);
        outcome = 'undetermined';
      }
    }
    if (complete && assessed!.assessment.penalties.length === 0 && (outcome === 'penalty' || !mandatory)) {
      // 责令改正，拒不改正的，处…: without a refusal the provision gives no penalty at all.
      outcome = 'none';
      basis = 'correction-only';
      mandatory = true;
      // The law gives no penalty at all here, so no exemption list is the basis.
      appliedLists.splice(0, appliedLists.length, ...appliedLists.filter((r) => !lists.some((l) => l.ref === r && l.entry.kind === 'exempt')));
      addTrace(ctx, 'clause', 'applied', () => '法律规定先责令改正，拒不改正的才给予处罚；当事人未拒不改正，不予行政处罚，责令改正', undefined, code);
    }
    // Beside 可以不予处罚, or an exemption the missing facts may still meet: the penalty otherwise due.
    // Never a guessed tier: an incomplete assessment is not shown as the penalty otherwise due.
    if (complete && ((outcome === 'none' && !mandatory) || exemptionOpen)) otherwise = assessed!.assessment;
  }

  let readings: Reading[] | undefined;
  // A person of unknown age (Art. 30): decided only when under 14, 14–17 and adult all give the same.
  const contradicted = ctx.undetermined.some((u) => u.reason === 'contradiction');
  if (c.party.kind === 'person' && c.party.age === undefined && options.ageKnown !== true && !contradicted) {
    if (outcome === 'none' && mandatory) {
      addTrace(ctx, 'mandatory', 'info', () => '未提供当事人年龄，但无论是否已满十四周岁、十八周岁，均应当不予行政处罚', ctx.plan.law.under14);
    } else {
      const message = '未提供当事人的年龄或出生日期：不满十四周岁的不予处罚，已满十四周岁不满十八周岁的应当从轻或者减轻（行政处罚法第三十条），结论不同';
      if (outcome !== 'undetermined' && limitation?.state !== 'unknown') {
        const minor = run(ruleSet, { ...c, party: { ...c.party, age: 16 } }, { ...options, trace: false, ageKnown: true }, test, '已满十四周岁不满十八周岁') as Reading;
        const a = assessed?.assessment;
        const adult: Building<Reading> = { if: '已满十八周岁', outcome, mandatory: outcome === 'none' ? mandatory : (a?.gradeMandatory ?? false), penalties: [] };
        if (basis !== undefined) adult.basis = basis;
        if (outcome === 'penalty' && a) {
          adult.grade = a.grade;
          if (a.tier) adult.tier = a.tier;
          adult.penalties = a.penalties;
        }
        readings = [{ if: '不满十四周岁', outcome: 'none', basis: 'under-14', mandatory: true, penalties: [] }, minor, adult];
      }
      lack(ctx, 'party.birthDate');
      ctx.undetermined.unshift({ reason: 'missing-facts', step: 'mandatory', needs: ['party.birthDate'], message });
      warn(ctx, 'AGE_MISSING', `${message}；请补充当事人的出生日期（party.birthDate）`);
      addTrace(ctx, 'mandatory', 'missing', () => `${message}，不作推测`, ctx.plan.law.under14);
      outcome = 'undetermined';
      basis = undefined;
      mandatory = true;
      otherwise = undefined;
    }
  }

  // Without a discovery date: decided only when both readings (in time, time-barred) give the same.
  if (limitation?.state === 'unknown') {
    const last = limitation.lastDay!;
    const message = `未提供发现日期：在 ${last} 前（含当日）发现的，依下列结论；在其后发现的，超过追责时效，不再给予行政处罚`;
    if (outcome === 'none' && mandatory) {
      addTrace(ctx, 'limitation', 'info', () => '无论是否超过追责时效，均应当不予行政处罚', ctx.plan.law.limitation);
    } else {
      if (outcome !== 'undetermined') {
        const a = assessed?.assessment;
        const inTime: Building<Reading> = { if: `在 ${last} 前（含当日）发现：未超过追责时效`, outcome, mandatory: outcome === 'none' ? mandatory : (a?.gradeMandatory ?? false), penalties: [] };
        if (basis !== undefined) inTime.basis = basis;
        if (outcome === 'penalty' && a) {
          inTime.grade = a.grade;
          if (a.tier) inTime.tier = a.tier;
          inTime.penalties = a.penalties;
        }
        readings = [inTime, { if: `在 ${last} 后发现：超过追责时效`, outcome: 'none', basis: 'time-barred', mandatory: true, penalties: [] }];
      }
      ctx.undetermined.unshift({ reason: 'missing-date', step: 'limitation', needs: ['dates.discovered'], message });
      outcome = 'undetermined';
      basis = undefined;
      mandatory = true;
      otherwise = undefined;
      addTrace(ctx, 'limitation', 'missing', () => `${message}；两种情形结论不同，请补充发现日期`, ctx.plan.law.limitation);
    }
  }

  const assessment = assessed?.assessment;
  const penalties = outcome === 'penalty' && assessment ? assessment.penalties : [];
  if (readingIf !== undefined) {
    // What the disposition would show: its mandatory, grade and tier as built below.
    const r: Building<Reading> = {
      if: readingIf,
      outcome,
      mandatory: outcome === 'none' ? mandatory : outcome === 'undetermined' ? false : (assessment?.gradeMandatory ?? false),
      penalties,
    };
    if (basis !== undefined) r.basis = basis;
    if (outcome === 'penalty' && assessment && assessment.grade !== undefined) r.grade = assessment.grade;
    if (outcome !== 'none' && assessment?.tier) r.tier = assessment.tier;
    return r;
  }
  const measures = measuresFor(ctx, outcome, basis);
  const procedure = procedureFor(ctx, outcome, assessment?.grade, penalties);
  const channel = channelFor(ctx, outcome, penalties, basis);
  const missingFacts = ctx.missing.length > 0 ? [...ctx.missing].sort() : [];
  if (missingFacts.length > 0 && !ctx.warnings.some((w) => w.code === 'MISSING_FACTS')) warn(ctx, 'MISSING_FACTS', `请补充：${missingFacts.join('、')}`);

  lawVersionWarnings(ctx, governing, options.lawDay ?? governingDay(c.dates, options.asOf));
  const measureCites: CitedArticle[] = [];
  for (const m of measures) for (const x of m.cites) measureCites.push(x);
  // Art. 29: the other items are violated too (违法依据), but penalise only what is imposed under them.
  const concurrentViolates: CitedArticle[] = [];
  for (const p of items) if (p !== governing) for (const x of p.fixedCites) if (x.role === 'violates') concurrentViolates.push(x);
  const citations = orderCitations([governing.fixedCites, concurrentViolates, ctx.applied, measureCites]);

  // The documented key order; optional keys only when they have a value.
  const d: Building<Disposition> = {
    reportVersion: 1,
    caseId: c.id,
    ruleSet: plan.ref,
  } as Disposition;
  if (ctx.statuteOnly) d.statuteOnly = true;
  d.outcome = outcome;
  if (basis !== undefined) d.basis = basis;
  if (outcome === 'undetermined') d.undetermined = undeterminedSteps(ctx, missingFacts);
  if (readings) d.readings = readings;
  d.mandatory = outcome === 'none' ? mandatory : outcome === 'undetermined' ? false : (assessment?.gradeMandatory ?? false);
  if (outcome === 'penalty' && assessment) d.grade = assessment.grade;
  d.item = code;
  d.concurrent = concurrent.length > 0 ? concurrent : NONE;
  if (outcome !== 'none' && assessment?.clause) d.clause = assessment.clause;
  if (outcome !== 'none' && assessment?.tier) d.tier = assessment.tier;
  d.penalties = penalties;
  if (otherwise) d.otherwise = otherwise;
  d.measures = measures;
  d.channel = channel;
  d.procedure = procedure;
  d.lists = appliedLists.length > 0 ? appliedLists : NONE;
  d.citations = citations;
  d.trace = ctx.trace.length > 0 ? ctx.trace : NONE;
  d.missingFacts = missingFacts.length > 0 ? missingFacts : NONE;
  d.warnings = ctx.warnings.length > 0 ? ctx.warnings : NONE;
  return d;
}

const WARNING_REASON: Partial<Record<EvaluationWarning['code'], UndeterminedReason>> = {
  NO_TIER: 'benchmark-gap',
  NO_CLAUSE: 'benchmark-gap',
  TIER_CONFLICT: 'benchmark-gap',
};

/**
 * The steps an undetermined outcome rests on: those recorded (contradictions,
 * dates), the gaps the warnings report, and the facts the case lacks.
 */
function undeterminedSteps(ctx: Ctx, missingFacts: readonly string[]): UndeterminedStep[] {
  const out = [...ctx.undetermined];
  for (const w of ctx.warnings) {
    const reason = WARNING_REASON[w.code];
    if (reason) out.push({ reason, step: w.code === 'NO_CLAUSE' ? 'clause' : 'tier', message: w.message });
  }
  const facts = missingFacts.filter((f) => !f.startsWith('dates.') && !f.startsWith('party.'));
  if (facts.length > 0 && !out.some((u) => u.reason === 'contradiction'))
    out.push({ reason: 'missing-facts', step: 'facts', needs: facts, message: `缺少事实：${facts.join('、')}` });
  return out;
}

/**
 * A citation to a law text not in force on the act date is flagged: repealed
 * before the act, or not yet in force (the rule set must cite the version the
 * act falls under).
 */
function lawVersionWarnings(ctx: Ctx, plan: ItemPlan, day: string): void {
  // Only laws with an effective or repealed date can be flagged: in key order, those cited.
  const dated = ctx.plan.datedLaws;
  if (dated.length === 0) return;
  for (const key of dated) {
    if (!plan.fixedDated.includes(key) && !citesLaw(ctx.applied, key)) continue;
    const law = ctx.rs.laws[key]!;
    if (law.repealed !== undefined && day >= law.repealed)
      warn(ctx, 'LAW_REPEALED', `所引《${law.title}》（${law.version}文本）已于 ${law.repealed} 失效，违法行为发生于 ${day}；请核对应适用的版本`);
    if (law.effective !== undefined && day < law.effective)
      warn(ctx, 'LAW_NOT_IN_FORCE', `所引《${law.title}》（${law.version}文本）自 ${law.effective} 起施行，违法行为发生时（${day}）尚未施行；请核对应适用的版本`);
  }
}

function citesLaw(cites: readonly CitedArticle[], law: string): boolean {
  for (let i = 0; i < cites.length; i++) if (cites[i]!.law === law) return true;
  return false;
}

/**
 * Art. 29 bars a second fine, not other kinds: penalties other than fines that
 * the other provisions impose (e.g. 吊销许可证件) are kept beside the governing one.
 */
function withConcurrentKinds(ctx: Ctx, a: Assessment, others: readonly ItemPlan[]): Assessment {
  const penalties = [...a.assessment.penalties];
  for (const other of others) {
    const clause = selectClause(ctx, other, false);
    if (!clause) continue;
    const code = other.code;
    for (const kind of clause.kinds) {
      if (kind === 'fine' || penalties.some((p) => p.kind === kind && p.target === 'party')) continue;
      if (kind === 'confiscateGains' && ctx.facts.get('illegalGains') === 0) continue;
      penalties.push(otherPenalty(ctx, kind, `依 ${code}`));
      // Imposed under the other provision: its penalty article is a basis of this penalty.
      addTrace(ctx, 'concurrence', 'applied', () => `依 ${code} 同时给予${PENALTY_TEXT[kind]}（第二十九条只禁止给予两次以上罚款）`, [...ctx.plan.law.concurrence, ...clause.appliedCites], code);
    }
  }
  return { assessment: { ...a.assessment, penalties }, complete: a.complete };
}

/**
 * 行政处罚法 Art. 33(1) second sentence applies even when no list names the
 * item: first violation (no same-kind violation in the rule set's window),
 * harm minor, corrected in time → 可以不予处罚.
 */
function statutoryFirstOffence(ctx: Ctx, plan: ItemPlan): boolean {
  const code = plan.code;
  const window = ctx.rs.policy.firstOffenceWindow;
  const first = firstWithin(ctx, window, [code]);
  const harmLight = has(ctx, 'harmMinor') || has(ctx, 'harmNone');
  const corrected = has(ctx, 'correctedInTime');
  const cites = ctx.plan.law.firstOffence;
  if (first && harmLight && corrected) {
    addTrace(ctx, 'first-offence', 'applied', () => `初次违法（${durationText(window)}内无同类违法记录）、危害后果轻微并及时改正，可以不予行政处罚（首违不罚）`, cites, code);
    return true;
  }
  addTrace(
    ctx,
    'first-offence',
    'not-applied',
    () => {
      const lacking = [!first && `初次违法（${durationText(window)}内有同类违法记录）`, !harmLight && '危害后果轻微', !corrected && '及时改正'].filter(Boolean);
      return `不符合首违不罚的法定条件（尚缺：${lacking.join('、')}）`;
    },
    cites,
    code,
  );
  return false;
}
