import type { Tier } from '../../load/model.js';
import type { Check } from '../context.js';

/**
 * TIER_GRADE_DUPLICATE — two tiers of the same grade competing in one branch,
 * where tiers are chosen by grade: the engine takes the first, the second is
 * never used. Reported at the second.
 */
export const tierGradeDuplicate: Check = {
  code: 'TIER_GRADE_DUPLICATE',
  why: 'Two 从轻 bands for one provision leave it to file order which one applies; the benchmark must say which.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      const seen = new Set<string>();
      for (const cl of item.clauses) {
        const candidates = a.candidates(cl);
        if (candidates.length < 2 || candidates.some((t) => t.when)) continue;
        const first = new Map<string, Tier>();
        for (const t of candidates) {
          if (t.grade === undefined) continue;
          const prior = first.get(t.grade);
          if (!prior) {
            first.set(t.grade, t);
            continue;
          }
          if (seen.has(t.id)) continue;
          seen.add(t.id);
          ctx.report(
            'TIER_GRADE_DUPLICATE',
            t.at,
            { tier: t.id, grade: t.grade, other: prior.id, item: item.code, branchText: a.branchText(t.branch || prior.branch ? cl : undefined) },
            item.code,
          );
        }
      }
    }
  },
};
