import { itemByCode } from '../load/lookup.js';
import type { Condition, Item, RuleSet } from '../load/model.js';
import { compiled, conditionFacts, type Facts, type Tri } from './conditions.js';
import { formatYuan } from '../report/format.js';
import { assess, otherPenalty, selectClause, statutoryMax } from './assess.js';
import { PENALTY_TEXT } from '../report/labels.js';
import { channelFor } from './channel.js';
import { addTrace, caseFacts, cited, has, warn, xzcff, type Ctx } from './context.js';
import { durationText } from './dates.js';
import { gradeFor } from './grade.js';
import { firstWithin, matchLists, type ListOutcome } from './lists.js';
import { mandatoryGround } from './mandatory.js';
import { checkLimitation } from './limitation.js';
import { measuresFor } from './measures.js';
import { procedureFor } from './procedure.js';
import type {
  Case,
  CitedArticle,
  Disposition,
  EvaluateOptions,
  NoPenaltyBasis,
  Outcome,
  PenaltyAssessment,
  RuleRef,
} from './types.js';

const ROLE_ORDER: Record<CitedArticle['role'], number> = {
  violates: 0,
  penalizedBy: 1,
  benchmark: 2,
  list: 3,
  ground: 4,
  procedure: 5,
};

/** Ordered, de-duplicated citations: violation basis, penalty basis, benchmark, list, grounds, procedure. */
function orderCitations(all: readonly CitedArticle[]): CitedArticle[] {
  const seen = new Set<string>();
  const out: CitedArticle[] = [];
  const indexed = all.map((c, i) => ({ c, i }));
  indexed.sort((a, b) => ROLE_ORDER[a.c.role] - ROLE_ORDER[b.c.role] || a.i - b.i);
  for (const { c } of indexed) {
    if (seen.has(c.text)) continue;
    seen.add(c.text);
    out.push(c);
  }
  return out;
}

/** Art. 29: one act breaking several items is fined once, under the provision with the higher fine. */
function governingItem(ctx: Ctx, items: readonly Item[]): Item {
  if (items.length === 1) return items[0]!;
  let best = items[0]!;
  let bestMax = statutoryMax(ctx, best);
  for (const it of items.slice(1)) {
    const m = statutoryMax(ctx, it);
    if (m > bestMax) {
      best = it;
      bestMax = m;
    }
  }
  addTrace(
    ctx,
    'concurrence',
    'applied',
    () =>
      `同一个违法行为违反多个法律规范（${items.map((i) => i.code).join('、')}），按照罚款数额高的规定处罚：适用 ${best.code}` +
      (bestMax >= 0 ? `（法定罚款最高${formatYuan(bestMax)}）` : ''),
    [xzcff(ctx.rs, 29)],
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
export function evaluate(ruleSet: RuleSet, c: Case, options: EvaluateOptions = {}): Disposition {
  return evaluateWith(ruleSet, c, options);
}

/**
 * {@link evaluate} with the condition test supplied (e.g. answers computed by
 * json-rules-engine); `test` may return undefined to fall back to the
 * compiled evaluator.
 */
export function evaluateWith(
  ruleSet: RuleSet,
  c: Case,
  options: EvaluateOptions = {},
  test?: (cond: Condition, facts: Facts) => Tri,
): Disposition {
  const facts = caseFacts(ruleSet, c);
  const ctx: Ctx = {
    rs: ruleSet,
    c,
    facts,
    test: (cond) => {
      const r = test?.(cond, facts);
      return r === undefined ? compiled(cond)(facts) : r;
    },
    traceOn: options.trace !== false,
    trace: [],
    warnings: [],
    missing: new Set(),
    applied: [],
  };
  const items = c.items.map((code) => itemByCode(ruleSet, code)).filter((i): i is Item => i !== undefined);
  if (items.length === 0) throw new Error(`case ${c.id} names no item of rule set ${ruleSet.id}; load it with loadCase first`);
  const item = governingItem(ctx, items);
  const concurrent = items.filter((i) => i !== item).map((i) => i.code);
  const fixed: CitedArticle[] = [
    ...item.violates.map((x) => cited(ruleSet, x, 'violates')),
    ...item.penalizedBy.map((x) => cited(ruleSet, x, 'penalizedBy')),
  ];

  let outcome: Outcome = 'penalty';
  let basis: NoPenaltyBasis | undefined;
  let mandatory = true;
  let otherwise: PenaltyAssessment | undefined;
  const appliedLists: RuleRef[] = [];
  let lists: ListOutcome[] = [];

  if (checkLimitation(ctx)) {
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
  if (outcome === 'penalty') {
    lists = matchLists(ctx, item.code);
    const exempt = lists.find((l) => l.result === 'match' && l.entry.kind === 'exempt');
    if (exempt) {
      outcome = 'none';
      basis = exempt.entry.basis ?? 'other';
      mandatory = !exempt.entry.discretionary;
      appliedLists.push(exempt.ref);
    } else if (lists.some((l) => l.result === 'red-line' && l.entry.kind === 'exempt')) {
      addTrace(ctx, 'first-offence', 'not-applied', () => '本事项清单的排除情形成立，不再按首违不罚的法定条件考虑', [], { item: item.code });
    } else {
      const firstOffence = statutoryFirstOffence(ctx, item);
      if (firstOffence) {
        outcome = 'none';
        basis = 'first-offence';
        mandatory = false;
      }
    }
  }

  // The penalty itself, or (for 可以不予处罚) the penalty that would otherwise apply.
  let assessment: (PenaltyAssessment & { complete: boolean }) | undefined;
  if (outcome === 'penalty' || !mandatory) {
    if (outcome === 'none') addTrace(ctx, 'clause', 'info', () => '以下为不适用不予处罚时应当给予的处罚，供执法人员裁量参考', [], { item: item.code });
    const clause = selectClause(ctx, item);
    if (clause) {
      // A circumstance that chose the clause (拒不改正的，处…) is not aggravation as well.
      const used = new Set<string>([...(clause.fineOnlyIf ? [clause.fineOnlyIf] : []), ...(clause.when ? conditionFacts(clause.when) : [])]);
      const g = gradeFor(ctx, lists, item.code, used);
      for (const l of lists) if (l.result === 'match' && l.entry.kind !== 'exempt') appliedLists.push(l.ref);
      assessment = assess(ctx, item, clause, g);
    }
    if (assessment && concurrent.length > 0) assessment = withConcurrentKinds(ctx, assessment, items.filter((i) => i !== item));
    if (outcome === 'penalty' && (!assessment || !assessment.complete)) outcome = 'undetermined';
    // An exemption the facts may meet is never ruled out by guessing the missing facts.
    let exemptionOpen = false;
    for (const l of lists) {
      if (l.result !== 'unknown' || l.entry.kind !== 'exempt' || outcome !== 'penalty') continue;
      warn(ctx, 'MISSING_FACTS', `可能适用清单「${l.entry.title ?? l.entry.id}」（${l.entry.discretionary ? '可以' : '应当'}不予处罚），缺少事实，暂不能给出处罚建议`);
      exemptionOpen = true;
    }
    if (exemptionOpen) outcome = 'undetermined';
    if (assessment && assessment.complete && assessment.penalties.length === 0 && (outcome === 'penalty' || !mandatory)) {
      // 责令改正，拒不改正的，处…: without a refusal the provision gives no penalty at all.
      outcome = 'none';
      basis = 'correction-only';
      mandatory = true;
      // The law gives no penalty at all here, so no exemption list is the basis.
      appliedLists.splice(0, appliedLists.length, ...appliedLists.filter((r) => !lists.some((l) => l.ref === r && l.entry.kind === 'exempt')));
      addTrace(ctx, 'clause', 'applied', () => '法律规定先责令改正，拒不改正的才给予处罚；当事人未拒不改正，不予行政处罚，责令改正', [], { item: item.code });
    }
    // Beside 可以不予处罚, or an exemption the missing facts may still meet: the penalty otherwise due.
    // Never a guessed tier: an incomplete assessment is not shown as the penalty otherwise due.
    if (assessment && assessment.complete && ((outcome === 'none' && !mandatory) || exemptionOpen)) {
      const { complete: _complete, ...rest } = assessment;
      otherwise = rest;
    }
  }

  const penalties = outcome === 'penalty' && assessment ? assessment.penalties : [];
  const measures = measuresFor(ctx, outcome, basis);
  const procedure = procedureFor(ctx, outcome, assessment?.grade, penalties);
  const channel = channelFor(ctx, outcome, penalties, basis);
  if (ctx.missing.size > 0 && !ctx.warnings.some((w) => w.code === 'MISSING_FACTS'))
    warn(ctx, 'MISSING_FACTS', `请补充：${[...ctx.missing].sort().join('、')}`);

  lawVersionWarnings(ctx, [...fixed, ...ctx.applied]);
  const citations = orderCitations([
    ...fixed,
    ...ctx.applied,
    ...measures.flatMap((m) => m.cites),
  ]);
  return {
    reportVersion: 1,
    caseId: c.id,
    ruleSet: { id: ruleSet.id, version: ruleSet.version, hash: ruleSet.hash, title: ruleSet.title },
    outcome,
    ...(basis !== undefined ? { basis } : {}),
    mandatory: outcome === 'none' ? mandatory : (assessment?.gradeMandatory ?? false),
    ...(outcome === 'penalty' && assessment ? { grade: assessment.grade } : {}),
    item: item.code,
    concurrent,
    ...(outcome !== 'none' && assessment?.clause ? { clause: assessment.clause } : {}),
    ...(outcome !== 'none' && assessment?.tier ? { tier: assessment.tier } : {}),
    penalties,
    ...(otherwise ? { otherwise } : {}),
    measures,
    channel,
    procedure,
    lists: appliedLists,
    citations,
    trace: ctx.trace,
    missingFacts: [...ctx.missing].sort(),
    warnings: ctx.warnings,
  };
}

/**
 * A citation to a law text not in force on the act date is flagged: repealed
 * before the act, or not yet in force (the rule set must cite the version the
 * act falls under).
 */
function lawVersionWarnings(ctx: Ctx, cites: readonly CitedArticle[]): void {
  const day = ctx.c.dates.actEnd ?? ctx.c.dates.act;
  for (const key of [...new Set(cites.map((c) => c.law))].sort()) {
    const law = ctx.rs.laws[key];
    if (!law) continue;
    if (law.repealed !== undefined && day >= law.repealed)
      warn(ctx, 'LAW_REPEALED', `所引《${law.title}》（${law.version}文本）已于 ${law.repealed} 失效，违法行为发生于 ${day}；请核对应适用的版本`);
    if (law.effective !== undefined && day < law.effective)
      warn(ctx, 'LAW_NOT_IN_FORCE', `所引《${law.title}》（${law.version}文本）自 ${law.effective} 起施行，违法行为发生时（${day}）尚未施行；请核对应适用的版本`);
  }
}

/**
 * Art. 29 bars a second fine, not other kinds: penalties other than fines that
 * the other provisions impose (e.g. 吊销许可证件) are kept beside the governing one.
 */
function withConcurrentKinds(
  ctx: Ctx,
  a: PenaltyAssessment & { complete: boolean },
  others: readonly Item[],
): PenaltyAssessment & { complete: boolean } {
  const penalties = [...a.penalties];
  for (const other of others) {
    const clause = selectClause(ctx, other);
    if (!clause) continue;
    for (const kind of clause.kinds) {
      if (kind === 'fine' || penalties.some((p) => p.kind === kind && p.target === 'party')) continue;
      if (kind === 'confiscateGains' && ctx.facts.illegalGains === 0) continue;
      penalties.push(otherPenalty(ctx, kind, `依 ${other.code}`));
      addTrace(ctx, 'concurrence', 'applied', () => `依 ${other.code} 同时给予${PENALTY_TEXT[kind]}（第二十九条只禁止给予两次以上罚款）`, [xzcff(ctx.rs, 29)], { item: other.code });
    }
  }
  return { ...a, penalties };
}

/**
 * 行政处罚法 Art. 33(1) second sentence applies even when no list names the
 * item: first violation (no same-kind violation in the rule set's window),
 * harm minor, corrected in time → 可以不予处罚.
 */
function statutoryFirstOffence(ctx: Ctx, item: Item): boolean {
  const window = ctx.rs.policy.firstOffenceWindow;
  const { first } = firstWithin(ctx, window, [item.code]);
  const harmLight = has(ctx, 'harmMinor') || has(ctx, 'harmNone');
  const corrected = has(ctx, 'correctedInTime');
  const cites = [xzcff(ctx.rs, 33, 1, { sentence: 2 })];
  if (first && harmLight && corrected) {
    addTrace(ctx, 'first-offence', 'applied', () => `初次违法（${durationText(window)}内无同类违法记录）、危害后果轻微并及时改正，可以不予行政处罚（首违不罚）`, cites, { item: item.code });
    return true;
  }
  const lacking = [!first && `初次违法（${durationText(window)}内有同类违法记录）`, !harmLight && '危害后果轻微', !corrected && '及时改正'].filter(Boolean);
  addTrace(ctx, 'first-offence', 'not-applied', () => `不符合首违不罚的法定条件（尚缺：${lacking.join('、')}）`, cites, { item: item.code });
  return false;
}
