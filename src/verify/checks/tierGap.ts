import type { Check } from '../context.js';
import { orderBoxes, subtract, unionAll, type Box, type Domains, type Region } from '../regions.js';
import { boxText, pointText, type Units } from '../text.js';

/**
 * TIER_GAP — values of the declared fact domain (within a statutory branch)
 * where no tier applies, so the engine returns 不确定 (基准存在空档). Checked
 * for tiers chosen by facts unless the item names a `fallback`; a branch with
 * no tier at all is a gap whatever the choice, and a fallback does not reach it.
 */
export const tierGap: Check = {
  code: 'TIER_GAP',
  why: 'A benchmark that leaves values uncovered cannot recommend anything for them; gaps are usually a boundary written twice as exclusive (lessThan 5000 / greaterThan 5000) or a missing band.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      for (const cl of item.clauses) {
        const where = item.clauses.length > 1 ? cl.at : item.at;
        const cr = a.clauseRegion(cl);
        if (!cr || cr.length === 0) continue;
        const candidates = a.candidates(cl);
        let gap: Region | undefined;
        let hintDetail: string;
        if (candidates.length === 0) {
          gap = cr;
          hintDetail = `add tiers for branch "${cl.id}" (a fallback tier is only used among tiers chosen by facts)`;
        } else if (candidates.some((t) => t.when)) {
          if (item.fallback !== undefined) continue;
          const regions = candidates.filter((t) => t.when).map((t) => a.tierRegion(t));
          if (regions.some((r) => r === undefined)) continue;
          gap = a.attempt(`the tiers of item ${item.code}`, item.at, () => subtract(cr, unionAll(regions as Region[], a.domains), a.domains));
          hintDetail = 'widen a neighbouring tier, add a tier for these values, or name a fallback tier on the item (fallback: <tier id>)';
        } else continue;
        if (!gap || gap.length === 0) continue;
        const boxes = orderBoxes(gap, a.domains);
        const first = boxes[0]!;
        ctx.report(
          'TIER_GAP',
          where,
          {
            item: item.code,
            branchText: a.branchText(cl),
            region: regionText(boxes, a.domains, a.units),
            exampleText: exampleText(first, a.domains, a.units),
            hintDetail,
          },
          item.code,
        );
      }
    }
  },
};

const SHOWN = 3;

/** Up to three gap regions, "… or when …", and how many more. */
function regionText(boxes: readonly Box[], domains: Domains, units: Units): string {
  const shown = boxes.slice(0, SHOWN).map((b) => boxText(b, domains, units));
  const more = boxes.length - shown.length;
  return shown.join(' or when ') + (more > 0 ? ` (and ${more} more region${more > 1 ? 's' : ''})` : '');
}

/** " (e.g. goodsValue = 5000 yuan)", or "" when the first region is that single case. */
function exampleText(b: Box, domains: Domains, units: Units): string {
  const example = pointText(b, domains, units);
  return boxText(b, domains, units) === example.replace(/, /g, ' and ') ? '' : ` (e.g. ${example})`;
}
