import type { Check } from '../context.js';

/**
 * LIST_SOURCE_EXPIRED (warning) — a list entry whose source document's
 * `validUntil` is before the reference date (not for a superseded version).
 */
export const listSourceExpired: Check = {
  code: 'LIST_SOURCE_EXPIRED',
  why: 'Lists (三张清单) are issued for a period (宁夏 2023-01-12 → 2025-01-11); an entry from an expired list may no longer be the region\'s policy.',
  run(ctx) {
    const { asOf } = ctx.options;
    if (asOf === undefined || ctx.superseded) return;
    for (const e of ctx.rs.lists) {
      const until = e.source.validUntil;
      if (until === undefined || until >= asOf) continue;
      ctx.report('LIST_SOURCE_EXPIRED', e.at, { id: e.id, document: e.source.document, validUntil: until, asOf }, e.items);
    }
  },
};
