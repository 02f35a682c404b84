import type { Check } from '../context.js';
import { partiesOf, resolveTier } from '../ranges.js';
import { amountText } from '../text.js';

/** Highest / lowest above which a tier's range is flagged. */
export const WIDE_RATIO = 10;

/**
 * FINE_RANGE_TOO_WIDE (warning) — a tier whose highest fine is more than 10
 * times its lowest (in yuan, or in multiples). Ranges starting at 0 (“…元以下”)
 * have no ratio and are not flagged.
 */
export const fineRangeTooWide: Check = {
  code: 'FINE_RANGE_TOO_WIDE',
  why: '国发〔2024〕5号 (on setting and enforcing fines) and 国办发〔2022〕27号 ask benchmarks to compress discretion; a tier spanning more than 10× leaves the amount to the officer rather than to the benchmark. Guidance, not a legal limit: a warning.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      for (const t of item.tiers) {
        if (!t.range) continue;
        let done = false;
        for (const cl of a.clausesOf(t)) {
          if (done) break;
          const parties = partiesOf(cl.fine);
          for (const party of parties) {
            const r = resolveTier(t, cl, party);
            if (!r || r.min <= 0 || r.max / r.min <= WIDE_RATIO) continue;
            const where = `${a.branchText(t.branch ? cl : undefined)}${parties.length > 1 ? ` for ${party === 'person' ? 'persons' : 'organizations'}` : ''}`;
            ctx.report(
              'FINE_RANGE_TOO_WIDE',
              t.at,
              { tier: t.id, item: item.code, range: amountText(r.min, r.max, r.unit), where, ratio: String(Math.round((r.max / r.min) * 10) / 10) },
              item.code,
            );
            done = true;
            break;
          }
        }
      }
    }
  },
};
