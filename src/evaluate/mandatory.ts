import { addTrace, ageText, has, type Ctx } from './context.js';
import type { CitedArticle, NoPenaltyBasis } from './types.js';

export interface Ground {
  readonly basis: NoPenaltyBasis;
  readonly cites: readonly CitedArticle[];
}

/**
 * Statutory grounds on which no penalty shall be given (应当不予处罚), checked
 * on every case whether or not the item is on a list:
 * under 14 (Art. 30), unable to recognise or control one's conduct (Art. 31),
 * no fault proven (Art. 33(2)), minor + corrected in time + no harm (Art. 33(1)
 * first sentence).
 */
export function mandatoryGround(ctx: Ctx): Ground | undefined {
  const { c } = ctx;
  const law = ctx.plan.law;
  const person = c.party.kind === 'person';
  if (person && c.party.age !== undefined && c.party.age < 14) {
    const cites = law.under14;
    addTrace(ctx, 'mandatory', 'applied', () => `当事人不满十四周岁（${ageText(c)}），不予行政处罚，责令监护人加以管教`, cites);
    return { basis: 'under-14', cites };
  }
  if (person && c.party.capacity === 'none') {
    const cites = law.incapacity;
    addTrace(ctx, 'mandatory', 'applied', () => '精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为，不予行政处罚，责令监护人严加看管和治疗', cites);
    return { basis: 'incapacity', cites };
  }
  if (has(ctx, 'noFaultProven')) {
    const cites = law.noFault;
    addTrace(ctx, 'mandatory', 'applied', () => '当事人有证据足以证明没有主观过错，不予行政处罚', cites);
    return { basis: 'no-fault', cites };
  }
  const minor = has(ctx, 'minorViolation');
  const corrected = has(ctx, 'correctedInTime');
  const noHarm = has(ctx, 'harmNone');
  const cites = law.minor;
  if (minor && corrected && noHarm) {
    addTrace(ctx, 'mandatory', 'applied', () => '违法行为轻微并及时改正，没有造成危害后果，不予行政处罚（轻微不罚）', cites);
    return { basis: 'minor', cites };
  }
  addTrace(
    ctx,
    'mandatory',
    'not-applied',
    () => {
      const lacking = [!minor && '违法行为轻微', !corrected && '及时改正', !noHarm && '没有造成危害后果'].filter(Boolean).join('、');
      const age = person && c.party.age === undefined ? '；未提供当事人年龄，以下为已满十八周岁时的结论' : '';
      return `未见应当不予处罚的法定情形（轻微不罚尚缺：${lacking}）${age}`;
    },
    cites,
  );
  return undefined;
}
