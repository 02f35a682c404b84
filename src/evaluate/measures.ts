import type { Ctx } from './context.js';
import type { Measure, NoPenaltyBasis, Outcome } from './types.js';

/**
 * Measures that are not penalties: 责令改正 always (Art. 28(1)); 教育 whenever
 * no penalty is given (Art. 33(3)); the guardian's duties for a child under 14
 * (Art. 30) or a person without capacity (Art. 31).
 */
export function measuresFor(ctx: Ctx, outcome: Outcome, basis: NoPenaltyBasis | undefined): Measure[] {
  const m = ctx.plan.measures;
  const out: Measure[] = [m.correct];
  if (basis === 'under-14') out.push(m.guardianDiscipline);
  if (basis === 'incapacity') out.push(m.guardianCare);
  if (outcome === 'none') out.push(m.educate);
  return out;
}
