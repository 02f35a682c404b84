import type { Check } from '../context.js';

/**
 * RULESET_EXPIRED (warning) — `effective.to` before the reference date, and no
 * later version of the same id alongside (a superseded version is history,
 * still needed for acts of its period).
 */
export const rulesetExpired: Check = {
  code: 'RULESET_EXPIRED',
  why: 'Regions publish benchmarks for a fixed period (e.g. 2023-04-23 → 2028-04-22); after it, cases need the version now in force (行政处罚法 Art. 37 picks versions by date).',
  run(ctx) {
    const { asOf } = ctx.options;
    const to = ctx.rs.effective.to;
    if (asOf === undefined || to === null || to >= asOf || ctx.superseded) return;
    ctx.report('RULESET_EXPIRED', ctx.rs.at?.effective ?? ctx.indexPlace, { id: ctx.rs.id, version: ctx.rs.version, to, asOf });
  },
};
