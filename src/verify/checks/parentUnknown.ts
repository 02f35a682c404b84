import type { Check } from '../context.js';

/**
 * PARENT_UNKNOWN — `extends: <id>` while the parents given (the CLI: every rule
 * set found under the folders verified) hold no rule set with that id. Only
 * checked when parents are given at all.
 */
export const parentUnknown: Check = {
  code: 'PARENT_UNKNOWN',
  why: 'A city benchmark refines its province\'s (国办发〔2022〕27号); if the parent cannot be found, the city\'s tiers cannot be checked against it.',
  run(ctx) {
    const parent = ctx.rs.extends;
    const parents = ctx.options.parents;
    if (parent === undefined || parents === undefined || parents.some((p) => p.id === parent)) return;
    ctx.report('PARENT_UNKNOWN', ctx.rs.at?.extends ?? ctx.indexPlace, { parent });
  },
};
