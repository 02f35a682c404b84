import type { Check } from '../context.js';
import { intersect, orderBoxes } from '../regions.js';
import { boxText, pointText } from '../text.js';

/**
 * TIER_OVERLAP — under hit policy `unique`, two tiers whose conditions can hold
 * for the same case. The engine then refuses to pick one (裁量基准存在重叠), so
 * the case gets no recommendation. Reported at the later tier, with a case
 * that matches both; tiers of different statutory branches never compete.
 */
export const tierOverlap: Check = {
  code: 'TIER_OVERLAP',
  why: 'Under hitPolicy unique two matching tiers are a conflict the engine will not resolve by order (Catala: exceptions are declared, not hidden in ordering); "1万元以下" and "1万元以上" are both inclusive, so 10000 falls in both.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      if (item.hitPolicy !== 'unique') continue;
      const a = ctx.analysis(item);
      const seen = new Set<string>();
      for (const cl of item.clauses) {
        const tiers = a.candidates(cl).filter((t) => t.when);
        if (tiers.length < 2) continue;
        const regions = tiers.map((t) => a.applicable(t, cl));
        // Only pairs whose regions may meet are intersected (a sweep along one fact): near-linear in the tiers.
        for (const [i, j] of a.mayOverlap(regions)) {
          const ti = tiers[i]!;
          const tj = tiers[j]!;
          const key = `${ti.id}\u0000${tj.id}`;
          if (seen.has(key)) continue;
          const ri = regions[i];
          const rj = regions[j];
          if (!ri || !rj) continue;
          const both = a.attempt(`the tiers of item ${item.code}`, item.at, () => intersect(ri, rj, a.domains));
          if (!both || both.length === 0) continue;
          seen.add(key);
          const box = orderBoxes(both, a.domains)[0]!;
          const example = pointText(box, a.domains, a.units);
          const region = boxText(box, a.domains, a.units);
          const overlapText = region === example.replace(/, /g, ' and ') ? '' : ` (they overlap where ${region})`;
          ctx.report(
            'TIER_OVERLAP',
            tj.at,
            { example, tier: ti.id, other: tj.id, item: item.code, branchText: a.branchText(ti.branch || tj.branch ? cl : undefined), overlapText },
            item.code,
          );
        }
      }
    }
  },
};
