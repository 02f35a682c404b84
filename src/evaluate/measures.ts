import { xzcff, type Ctx } from './context.js';
import type { Measure, NoPenaltyBasis, Outcome } from './types.js';

/**
 * Measures that are not penalties: 责令改正 always (Art. 28(1)); 教育 whenever
 * no penalty is given (Art. 33(3)); the guardian's duties for a child under 14
 * (Art. 30) or a person without capacity (Art. 31).
 */
export function measuresFor(ctx: Ctx, outcome: Outcome, basis: NoPenaltyBasis | undefined): Measure[] {
  const { rs } = ctx;
  const out: Measure[] = [{ kind: 'correct', text: '责令当事人改正或者限期改正违法行为', cites: [xzcff(rs, 28, 1, {}, 'procedure')] }];
  if (basis === 'under-14') out.push({ kind: 'guardianDiscipline', text: '责令监护人加以管教', cites: [xzcff(rs, 30, undefined, {}, 'procedure')] });
  if (basis === 'incapacity') out.push({ kind: 'guardianCare', text: '责令监护人严加看管和治疗', cites: [xzcff(rs, 31, undefined, {}, 'procedure')] });
  if (outcome === 'none') out.push({ kind: 'educate', text: '对当事人进行教育', cites: [xzcff(rs, 33, 3, {}, 'procedure')] });
  return out;
}
