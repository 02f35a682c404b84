import { yuan } from './yuan.js';
import { compiled } from './conditions.js';
import { addTrace, factsRecord, warn, type Ctx } from './context.js';
import type { Facts } from './conditions.js';
import type { DispositionGrade, Outcome, Penalty, Procedure } from './types.js';

const HEARING_KINDS = new Set(['lowerQualification', 'revokeLicence', 'suspendBusiness', 'close', 'restrictPractice']);

function amountOf(p: Penalty): number | undefined {
  return p.recommended ?? p.range?.max;
}

/**
 * Procedure flags. 简易程序 (Art. 51): a warning, or a fine of at most 200 yuan
 * for a citizen / 3,000 yuan for an organisation, and nothing else. 听证 (Art.
 * 63): a fine or confiscation at or above the region's 较大数额, or a heavy
 * kind (吊销、责令停产停业、责令关闭、限制从业、降低资质等级). 法制审核 (Art. 58) and
 * 集体讨论 (Art. 57) where the rule set declares when they apply.
 */
export function procedureFor(ctx: Ctx, outcome: Outcome, grade: DispositionGrade | undefined, penalties: readonly Penalty[]): Procedure {
  const { rs, c } = ctx;
  const law = ctx.plan.law;
  const kind = c.party.kind;
  if (outcome !== 'penalty') {
    addTrace(ctx, 'procedure', 'info', () => (outcome === 'none' ? '不予行政处罚，无需处罚程序；依法责令改正并进行教育' : '处罚内容尚未确定，程序待定'));
    return { simple: false, hearing: false, legalReview: false, collective: false };
  }
  let fine: Penalty | undefined;
  let onlyWarningOrFine = true;
  let confiscation = false;
  for (const p of penalties) {
    if (p.kind === 'fine' && p.target === 'party') fine ??= p;
    if (!((p.kind === 'warning' || p.kind === 'fine') && p.target === 'party')) onlyWarningOrFine = false;
    if (p.kind === 'confiscateGains') confiscation = true;
  }
  const limit = rs.policy.simpleProcedure[kind];
  const fineAmount = fine ? fine.recommended : 0;
  const simple = onlyWarningOrFine && fineAmount !== undefined && fineAmount <= limit;
  addTrace(
    ctx,
    'procedure',
    simple ? 'applied' : 'not-applied',
    () =>
      simple
        ? `可以适用简易程序当场作出处罚决定（${fine ? `罚款${yuan(fineAmount!)}` : '警告'}，不超过${kind === 'person' ? '公民' : '法人或者其他组织'}${yuan(limit)}）`
        : `不适用简易程序（简易程序限于警告或者${kind === 'person' ? '对公民' : '对法人或者其他组织'}${yuan(limit)}以下罚款），适用普通程序`,
    law.simpleProcedure,
  );

  let hearing = false;
  const reasons: string[] = [];
  const threshold = rs.policy.hearing?.[kind];
  for (const p of penalties) {
    if (HEARING_KINDS.has(p.kind)) {
      hearing = true;
      reasons.push('拟作出较重的处罚种类');
    }
  }
  if (threshold === undefined) {
    if (fine || confiscation)
      warn(ctx, 'HEARING_THRESHOLD_UNSET', '本基准未设定听证“较大数额”标准，请按本地区规定判断是否告知听证权利（行政处罚法第六十三条）');
  } else {
    for (const p of penalties) {
      if (p.target !== 'party' || (p.kind !== 'fine' && p.kind !== 'confiscateGains')) continue;
      const amount = amountOf(p);
      // 处以罚款 with no amount set: whether it reaches 较大数额 is for when the amount is set.
      if (amount === undefined && p.kind === 'fine' && !hearing)
        warn(ctx, 'HEARING_UNDETERMINED', '罚款数额未定，数额确定后请按本基准听证“较大数额”标准判断是否告知听证权利（行政处罚法第六十三条）');
      if (amount !== undefined && amount >= threshold) {
        hearing = true;
        if (ctx.traceOn) reasons.push(`${p.kind === 'fine' ? '罚款' : '没收违法所得'}${yuan(amount)}达到较大数额标准${yuan(threshold)}`);
      }
    }
  }
  addTrace(
    ctx,
    'procedure',
    hearing ? 'applied' : 'not-applied',
    () => (hearing ? `应当告知当事人有要求听证的权利：${[...new Set(reasons)].join('；')}` : threshold === undefined ? '听证较大数额标准未设定，是否告知听证权利请按本地区规定判断' : `未达到听证标准（较大数额${yuan(threshold)}）`),
    law.hearing,
  );

  const derived = (): Facts => {
    // A copy by assignment: spreading the case's facts is slow (see caseFacts).
    const facts = factsRecord(ctx);
    const f: Record<string, Facts[string]> = {};
    for (const k of Object.keys(facts)) f[k] = facts[k];
    f.recommendedFine = fine?.recommended;
    f.fineMax = fine?.statutory?.max;
    f.grade = grade;
    return f;
  };
  const legalReview = rs.policy.legalReview ? compiled(rs.policy.legalReview)(derived()) === true : false;
  const collective = rs.policy.collective ? compiled(rs.policy.collective)(derived()) === true : false;
  if (rs.policy.legalReview)
    addTrace(ctx, 'procedure', legalReview ? 'applied' : 'not-applied', () => (legalReview ? '按本基准规定，作出决定前应当进行法制审核' : '未达到本基准规定的法制审核条件'), law.legalReview);
  if (rs.policy.collective)
    addTrace(ctx, 'procedure', collective ? 'applied' : 'not-applied', () => (collective ? '按本基准规定，应当由行政机关负责人集体讨论决定' : '未达到本基准规定的集体讨论条件'), law.collective);
  return { simple, hearing, legalReview, collective };
}
