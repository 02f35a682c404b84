import type { Check } from '../context.js';
import { amountText } from '../text.js';

const RANK = { lighter: 0, general: 1, heavier: 2 } as const;

/**
 * TIER_SHARE_ORDER — graded tiers of one branch whose shares of the statutory
 * range do not rise with the grade (从轻 ≤ 一般 ≤ 从重 at both ends). Reported
 * at the higher-graded tier.
 */
export const tierShareOrder: Check = {
  code: 'TIER_SHARE_ORDER',
  why: 'A 从重 band below the 一般 band inverts 过罚相当 (行政处罚法 Art. 5); with the SAMR split the shares are [0, 0.3], [0.3, 0.7], [0.7, 1].',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      const seen = new Set<string>();
      for (const cl of item.clauses) {
        const tiers = a.candidates(cl).filter((t) => t.grade !== undefined && t.range?.kind === 'share');
        for (const lo of tiers)
          for (const hi of tiers) {
            if (RANK[lo.grade!] >= RANK[hi.grade!]) continue;
            const x = lo.range as { from: number; to: number };
            const y = hi.range as { from: number; to: number };
            if (x.from <= y.from && x.to <= y.to) continue;
            const key = `${lo.id}\u0000${hi.id}`;
            if (seen.has(key)) continue;
            seen.add(key);
            ctx.report(
              'TIER_SHARE_ORDER',
              hi.at,
              {
                tier: hi.id,
                grade: hi.grade!,
                range: amountText(y.from, y.to, 'share').replace('share ', ''),
                other: lo.id,
                otherGrade: lo.grade!,
                otherRange: amountText(x.from, x.to, 'share').replace('share ', ''),
                item: item.code,
                branchText: a.branchText(lo.branch || hi.branch ? cl : undefined),
              },
              item.code,
            );
          }
      }
    }
  },
};
