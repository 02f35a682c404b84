import type { Check } from '../context.js';

/** PARENT_CYCLE — the chain of `extends` comes back to this rule set. */
export const parentCycle: Check = {
  code: 'PARENT_CYCLE',
  why: 'A hierarchy of benchmarks runs one way (national → province → city); a cycle has no upper level to respect.',
  run(ctx) {
    const parents = ctx.options.parents ?? [];
    const back = parents.findIndex((p) => p.id === ctx.rs.id);
    if (back < 0) return;
    const chain = [ctx.rs.id, ...parents.slice(0, back + 1).map((p) => p.id)].join(' → ');
    ctx.report('PARENT_CYCLE', ctx.rs.at?.extends ?? ctx.indexPlace, { chain });
  },
};
