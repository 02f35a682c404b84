import type { PenaltyClause, Tier } from '../../load/model.js';
import type { Check } from '../context.js';
import { intersect, subtract, unionAll } from '../regions.js';

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
      // Per clause and grade: the tiers competing there (file order), which of them may meet (a sweep
      // along one fact, once), and the first too complex to analyse. Each tier then looks at its
      // earlier neighbours only: near-linear in the tiers instead of every earlier tier for each.
      const groups = new Map<string, { tiers: Tier[]; at: Map<Tier, number>; near: Map<number, number[]>; firstUnknown: number }>();
      const group = (cl: PenaltyClause, grade: string | undefined) => {
        const key = `${cl.id}\u0000${grade ?? ''}`;
        let g = groups.get(key);
        if (!g) {
          const tiers = a.candidates(cl).filter((e) => e.when && (grade === undefined || e.grade === grade));
          const regions = tiers.map((e) => a.tierRegion(e));
          const near = new Map<number, number[]>();
          for (const [i, j] of a.mayOverlap(regions)) {
            const list = near.get(j);
            if (list) list.push(i);
            else near.set(j, [i]);
          }
          const firstUnknown = regions.findIndex((r) => r === undefined);
          g = { tiers, at: new Map(tiers.map((e, i) => [e, i])), near, firstUnknown: firstUnknown < 0 ? Infinity : firstUnknown };
          groups.set(key, g);
        }
        return g;
      };
      const position = new Map(item.tiers.map((e, i) => [e, i]));
      const indexOf = (e: Tier) => position.get(e)!;
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
          const g = group(cl, t.grade);
          const k = g.at.get(t)!;
          if (g.firstUnknown < k) {
            live = true;
            break;
          }
          const earlier = (g.near.get(k) ?? []).map((i) => g.tiers[i]!);
          const rest = a.attempt(`the tiers of item ${item.code}`, item.at, () => {
            for (const e of earlier) if (intersect(a.tierRegion(e)!, mine, a.domains).length > 0) covering.add(e);
            return subtract(mine, unionAll(earlier.map((e) => a.tierRegion(e)!), a.domains), a.domains);
          });
          if (!rest || rest.length > 0) {
            live = true;
            break;
          }
        }
        if (live || !open) continue;
        const cover = [...covering].sort((x, y) => indexOf(x) - indexOf(y)).map((e) => `"${e.id}"`);
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
