import type { Check } from '../context.js';
import { partiesOf, resolveTier } from '../ranges.js';
import { amountText } from '../text.js';

/**
 * TIER_GRADE_INVERTED — a 从轻 (lighter) tier whose range starts or ends above
 * that of a 从重 (heavier) tier competing in the same branch, compared in yuan
 * (or in multiples). Pairs of shares are TIER_SHARE_ORDER's.
 */
export const tierGradeInverted: Check = {
  code: 'TIER_GRADE_INVERTED',
  why: 'A lighter band reaching above a heavier one punishes mitigation (过罚相当, 行政处罚法 Art. 5); usually two bounds or two grades were swapped.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      const seen = new Set<string>();
      for (const cl of item.clauses) {
        const tiers = a.candidates(cl).filter((t) => t.range);
        for (const light of tiers.filter((t) => t.grade === 'lighter'))
          for (const heavy of tiers.filter((t) => t.grade === 'heavier')) {
            if (light.range!.kind === 'share' && heavy.range!.kind === 'share') continue;
            const key = `${light.id}\u0000${heavy.id}`;
            if (seen.has(key)) continue;
            for (const party of partiesOf(cl.fine)) {
              const x = resolveTier(light, cl, party);
              const y = resolveTier(heavy, cl, party);
              if (!x || !y || x.unit !== y.unit) continue;
              if (x.min <= y.min && x.max <= y.max) continue;
              seen.add(key);
              ctx.report(
                'TIER_GRADE_INVERTED',
                light.at,
                {
                  tier: light.id,
                  range: amountText(x.min, x.max, x.unit),
                  other: heavy.id,
                  otherRange: amountText(y.min, y.max, y.unit),
                  item: item.code,
                  branchText: a.branchText(light.branch || heavy.branch ? cl : undefined),
                },
                item.code,
              );
              break;
            }
          }
      }
    }
  },
};
