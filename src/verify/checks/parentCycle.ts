import type { Check } from '../context.js';
import { extendsCycle } from '../parents.js';

/** PARENT_CYCLE — the chain of `extends` comes back to this rule set. */
export const parentCycle: Check = {
  code: 'PARENT_CYCLE',
  why: 'A hierarchy of benchmarks runs one way (national → province → city); a cycle has no upper level to respect.',
  run(ctx) {
    const chain = extendsCycle(ctx.rs, ctx.options.parents ?? []);
    if (chain !== undefined) ctx.report('PARENT_CYCLE', ctx.rs.at?.extends ?? ctx.indexPlace, { chain });
  },
};
