import { addTrace, ageText, warn, type Ctx } from './context.js';
import type { ListOutcome } from './lists.js';
import { groundCites } from './plan.js';
import type { CitedArticle, DispositionGrade } from './types.js';

export interface GradeResult {
  readonly grade: DispositionGrade;
  /** 应当 (true) or 可以 (false). */
  readonly mandatory: boolean;
  readonly cites: readonly CitedArticle[];
}

/**
 * The band the circumstances call for.
 * 应当从轻或者减轻: aged 14–17 (Art. 30), the grounds of Art. 32.
 * 可以从轻或者减轻: partial capacity (Art. 31), optional grounds the rule set declares.
 * 从重: aggravating circumstances and heavier list entries.
 * A reduced (减轻) list entry gives 减轻. When mitigation and aggravation meet, a
 * mandatory mitigation still applies; an optional one is weighed to 一般.
 * `exclude` holds circumstances already used to choose the statutory clause
 * (e.g. refusedToCorrect in 拒不改正的，处… or 逾期未改正的，处…), which must not
 * count again as aggravation.
 */
export function gradeFor(ctx: Ctx, lists: readonly ListOutcome[], item: string, exclude?: ReadonlySet<string>): GradeResult {
  const { c, rs } = ctx;
  const law = ctx.plan.law;
  const mandatoryGrounds: string[] = [];
  const optionalGrounds: string[] = [];
  const aggravating: string[] = [];
  const cites: CitedArticle[] = [];
  if (c.party.kind === 'person' && c.party.age !== undefined && c.party.age >= 14 && c.party.age < 18) {
    mandatoryGrounds.push(`已满十四周岁不满十八周岁（${ageText(c)}）`);
    cites.push(law.minorAge);
  }
  if (c.party.kind === 'person' && c.party.capacity === 'partial') {
    optionalGrounds.push('尚未完全丧失辨认或者控制自己行为能力');
    cites.push(law.partialCapacity);
  }
  for (const name of c.circumstances) {
    if (exclude?.has(name)) continue;
    const circ = rs.circumstances[name]!;
    if (circ.effect === 'mitigating') mandatoryGrounds.push(circ.label);
    else if (circ.effect === 'mitigating-optional') optionalGrounds.push(circ.label);
    else if (circ.effect === 'aggravating') aggravating.push(circ.label);
    else continue;
    for (const ci of groundCites(ctx.plan, circ)) cites.push(ci);
  }
  let reduced: ListOutcome | undefined;
  for (const l of lists) {
    if (l.result !== 'match') continue;
    if (l.entry.kind === 'reduced') reduced ??= l;
    else if (l.entry.kind === 'lighter') (l.entry.discretionary ? optionalGrounds : mandatoryGrounds).push(`清单「${l.entry.title ?? l.entry.id}」`);
  }
  for (const l of lists) if (l.result === 'match' && l.entry.kind === 'heavier') aggravating.push(`清单「${l.entry.title ?? l.entry.id}」`);

  let grade: DispositionGrade;
  let mandatory = false;
  if (reduced) {
    grade = 'reduced';
    mandatory = !reduced.entry.discretionary;
    // Art. 32 grounds still stand beside the list entry: they are part of the basis.
    const also = mandatoryGrounds.length > 0 ? `；另有应当从轻或者减轻处罚的情形：${mandatoryGrounds.join('、')}` : '';
    addTrace(ctx, 'mitigation', 'applied', () => `适用减轻处罚清单「${reduced.entry.title ?? reduced.entry.id}」，${mandatory ? '应当' : '可以'}减轻处罚（在法定最低限以下）${also}`, [...reduced.cites, ...cites], item, reduced.ref);
    return { grade, mandatory, cites };
  }
  if (mandatoryGrounds.length > 0) {
    grade = 'lighter';
    mandatory = true;
    if (aggravating.length > 0)
      warn(ctx, 'GROUNDS_CONFLICT', `应当从轻或者减轻的情形（${mandatoryGrounds.join('、')}）与从重情节（${aggravating.join('、')}）并存：依法仍应从轻或者减轻`);
    addTrace(ctx, 'mitigation', 'applied', () => `有应当从轻或者减轻处罚的情形：${mandatoryGrounds.join('、')}；建议从轻处罚（亦可依法减轻）${aggravating.length ? `；另有从重情节：${aggravating.join('、')}` : ''}`, cites.length ? cites : law.mitigation, item);
  } else if (optionalGrounds.length > 0 && aggravating.length > 0) {
    grade = 'general';
    warn(ctx, 'GROUNDS_CONFLICT', `可以从轻的情形（${optionalGrounds.join('、')}）与从重情节（${aggravating.join('、')}）并存，综合考量后按一般处罚`);
    addTrace(ctx, 'mitigation', 'applied', () => `可以从轻的情形（${optionalGrounds.join('、')}）与从重情节（${aggravating.join('、')}）并存，综合考量按一般处罚`, cites, item);
  } else if (optionalGrounds.length > 0) {
    grade = 'lighter';
    warn(ctx, 'OPTIONAL_MITIGATION', `从轻处罚属于可以而非应当（${optionalGrounds.join('、')}），由执法人员裁量`);
    addTrace(ctx, 'mitigation', 'applied', () => `有可以从轻或者减轻处罚的情形：${optionalGrounds.join('、')}；建议从轻处罚`, cites, item);
  } else if (aggravating.length > 0) {
    grade = 'heavier';
    // Art. 49: violations of emergency measures are punished more heavily (从重, not 可以).
    mandatory = c.circumstances.includes('emergency') && !exclude?.has('emergency');
    addTrace(ctx, 'mitigation', 'applied', () => `有从重处罚情节：${aggravating.join('、')}；建议从重处罚`, cites, item);
  } else {
    grade = 'general';
    addTrace(ctx, 'mitigation', 'not-applied', () => '未见从轻、减轻或者从重情节，按一般处罚', undefined, item);
  }
  return { grade, mandatory, cites };
}
