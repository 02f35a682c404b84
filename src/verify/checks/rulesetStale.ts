import { addDuration } from '../../evaluate/dates.js';
import type { Check } from '../context.js';

/** RULESET_STALE (warning) — `reviewed` older than `policy.staleAfter` at the reference date. */
export const rulesetStale: Check = {
  code: 'RULESET_STALE',
  why: 'Benchmarks are to be reviewed when laws change (国办发〔2022〕27号); laws are amended often (食品安全法 again in 2025), so an old review date means unchecked figures.',
  run(ctx) {
    const { asOf } = ctx.options;
    const reviewed = ctx.rs.reviewed;
    if (asOf === undefined || reviewed === undefined) return;
    const staleAfter = ctx.rs.policy.staleAfter;
    if (addDuration(reviewed, staleAfter) >= asOf) return;
    ctx.report('RULESET_STALE', ctx.rs.at?.reviewed ?? ctx.indexPlace, { id: ctx.rs.id, reviewed, staleAfter, asOf });
  },
};
