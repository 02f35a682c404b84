import type { Check } from '../context.js';

/**
 * TIER_NO_CITATION (warning) — a tier without `cites`. Items must cite their
 * 违法依据 and 处罚依据 and list entries their basis (load errors when missing);
 * tiers may leave it out, but a report then shows a tier with no basis.
 */
export const tierNoCitation: Check = {
  code: 'TIER_NO_CITATION',
  why: 'Every tier, list entry and statutory range cites its article (国办发〔2022〕27号: a benchmark entry names its 法定依据); a disposition citing nothing for its tier cannot be checked by the party or a court.',
  run(ctx) {
    for (const item of ctx.rs.items)
      for (const t of item.tiers)
        if (t.cites.length === 0) ctx.report('TIER_NO_CITATION', t.at, { tier: t.id, item: item.code }, item.code);
  },
};
