import type { Tier } from '../../load/model.js';
import type { Check } from '../context.js';
import { intersect, subtract, union, type Region } from '../regions.js';

/**
 * TIER_MASKED — under hit policy `priority`, a tier every case of which an
 * earlier tier takes. Among several matching tiers the engine takes the first
 * whose grade is the case's grade, else the first listed; so a graded tier is
 * masked when earlier tiers of the same grade cover it, an ungraded one when
 * any earlier tiers do. The fallback tier is exempt (it serves the gaps).
 */
export const tierMasked: Check = {
  code: 'TIER_MASKED',
  why: 'A tier that can never be chosen is dead text in a published benchmark: its author believes it applies, and readers of the rule file will too.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      if (item.hitPolicy !== 'priority') continue;
      const a = ctx.analysis(item);
      for (const t of item.tiers) {
        if (!t.when || t.id === item.fallback) continue;
        let live = false;
        let open = false;
        const covering = new Set<Tier>();
        for (const cl of a.clausesOf(t)) {
          const mine = a.applicable(t, cl);
          if (!mine) {
            live = true;
            break;
          }
          if (mine.length === 0) continue;
          open = true;
          const earlier = a
            .candidates(cl)
            .filter((e) => e.when)
            .filter((e) => item.tiers.indexOf(e) < item.tiers.indexOf(t))
            .filter((e) => t.grade === undefined || e.grade === t.grade);
          const regions = earlier.map((e) => a.tierRegion(e));
          if (regions.some((r) => r === undefined)) {
            live = true;
            break;
          }
          const rest = a.attempt(`the tiers of item ${item.code}`, item.at, () => {
            let covered: Region = [];
            earlier.forEach((e, i) => {
              const r = regions[i]!;
              if (intersect(r, mine, a.domains).length > 0) covering.add(e);
              covered = union(covered, r, a.domains);
            });
            return subtract(mine, covered, a.domains);
          });
          if (!rest || rest.length > 0) {
            live = true;
            break;
          }
        }
        if (live || !open) continue;
        const cover = [...covering].sort((x, y) => item.tiers.indexOf(x) - item.tiers.indexOf(y)).map((e) => `"${e.id}"`);
        ctx.report(
          'TIER_MASKED',
          t.at,
          { tier: t.id, item: item.code, cover: `${cover.length > 1 ? 'tiers' : 'tier'} ${cover.join(', ')}` },
          item.code,
        );
      }
    }
  },
};
