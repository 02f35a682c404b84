import { uncovered } from '../../fixture/coverage.js';
import type { Check } from '../context.js';

/** TIER_NOT_EXERCISED (warning) — with fixtures given, a tier no fixture's disposition used. */
export const tierNotExercised: Check = {
  code: 'TIER_NOT_EXERCISED',
  why: 'A tier no sample case reaches has never been seen to work: its condition or range may be wrong without anyone noticing.',
  run(ctx) {
    const fixtures = ctx.options.fixtures;
    if (!fixtures) return;
    for (const u of uncovered([ctx.rs], fixtures))
      if (u.kind === 'tier') ctx.report('TIER_NOT_EXERCISED', u.at, { tier: u.id, item: u.item ?? '' }, u.item);
  },
};
