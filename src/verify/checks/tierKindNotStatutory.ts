import type { Check } from '../context.js';

/**
 * TIER_KIND_NOT_STATUTORY — a tier imposing a kind of penalty (Art. 9) that
 * the statutory clause it refines does not provide, e.g. 吊销许可证 under a
 * provision that only fines.
 */
export const tierKindNotStatutory: Check = {
  code: 'TIER_KIND_NOT_STATUTORY',
  why: '行政处罚法 Art. 76 forbids changing the kind of penalty (擅自改变行政处罚种类); a benchmark can only choose among the kinds the provision gives.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      for (const t of item.tiers) {
        if (!t.kinds) continue;
        for (const cl of a.clausesOf(t)) {
          const extra = t.kinds.find((k) => !cl.kinds.includes(k));
          if (extra === undefined) continue;
          ctx.report(
            'TIER_KIND_NOT_STATUTORY',
            t.at,
            { tier: t.id, item: item.code, kind: extra, where: a.branchText(cl), kinds: cl.kinds.join(', ') || 'none' },
            item.code,
          );
          break;
        }
      }
    }
  },
};
