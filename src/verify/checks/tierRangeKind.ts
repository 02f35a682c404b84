import type { Check } from '../context.js';
import { amountText, fineModelText } from '../text.js';
import { modelFor } from '../ranges.js';

/**
 * TIER_RANGE_KIND — a tier range the clause cannot take: multiples (倍) under a
 * fine in fixed amounts, a share or multiples of a fine with no amount
 * (处以罚款), or any fine range under a clause that imposes no fine.
 * The engine ignores such a range and falls back to the whole statutory range.
 */
export const tierRangeKind: Check = {
  code: 'TIER_RANGE_KIND',
  why: 'A tier written in 倍 for a provision fixed in 元 (or for one without a fine) is a transcription error; the engine cannot apply it and would silently use the whole statutory range.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      for (const t of item.tiers) {
        const r = t.range;
        if (!r) continue;
        const clauses = a.clausesOf(t);
        if (clauses.length > 0 && clauses.every((cl) => !cl.fine)) {
          const where = clauses.length === 1 ? a.branchText(clauses[0]) : '';
          ctx.report('TIER_RANGE_KIND', t.at, { tier: t.id, item: item.code, tierKind: 'a fine range', where, statutory: 'not provided (the clause imposes no fine)' }, item.code);
          continue;
        }
        for (const cl of clauses) {
          const where = a.branchText(cl);
          const f = cl.fine;
          if (!f) continue;
          // 处以罚款 with no amount: only an amount in yuan can stand for it; a share or a multiple is of nothing.
          if (r.kind !== 'amount' && [modelFor(f, 'person'), modelFor(f, 'organization')].some((m) => m.kind === 'unspecified')) {
            const tierKind = r.kind === 'share' ? `a share (${amountText(r.from, r.to, 'share')})` : `multiples (${amountText(r.min, r.max, 'factor')})`;
            ctx.report('TIER_RANGE_KIND', t.at, { tier: t.id, item: item.code, tierKind, where, statutory: fineModelText(f) }, item.code);
            break;
          }
          const fixed = [modelFor(f, 'person'), modelFor(f, 'organization')].find((m) => m.kind !== 'multiple' && m.kind !== 'unspecified');
          if (r.kind === 'multiple' && fixed) {
            ctx.report(
              'TIER_RANGE_KIND',
              t.at,
              { tier: t.id, item: item.code, tierKind: `multiples (${amountText(r.min, r.max, 'factor')})`, where, statutory: fineModelText(f) },
              item.code,
            );
            break;
          }
        }
      }
    }
  },
};
