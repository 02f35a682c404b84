import type { Check } from '../context.js';
import { clauseModel, modelFor } from '../ranges.js';
import { yuan } from '../text.js';

/**
 * REDUCED_FLOOR_NOT_BELOW_MINIMUM — the policy's 减轻 floor at or above the
 * minimum of a fixed statutory range: 减轻 for that provision could not go
 * below the minimum at all (the engine would offer exactly the minimum).
 * Multiples are left out: their minimum moves with the base amount.
 */
export const reducedFloor: Check = {
  code: 'REDUCED_FLOOR_NOT_BELOW_MINIMUM',
  why: '减轻 is a penalty below the statutory minimum (行政处罚法 Art. 32; 国办发〔2022〕27号 asks for its standards in advance); a floor at or above a minimum makes 减轻 impossible for that item.',
  run(ctx) {
    const floor = ctx.rs.policy.reducedFloor;
    if (floor === null) return;
    for (const item of ctx.rs.items) {
      for (const cl of item.clauses) {
        let done = false;
        for (const target of ['party', 'responsible'] as const) {
          const f = clauseModel(cl, target);
          if (!f || done) continue;
          for (const party of f.kind === 'byParty' ? (['person', 'organization'] as const) : (['organization'] as const)) {
            const m = modelFor(f, party);
            if (m.kind !== 'range' || m.min <= 0 || floor < m.min) continue;
            const where = `${item.clauses.length > 1 ? ` (branch "${cl.id}")` : ''}${f.kind === 'byParty' ? ` for ${party === 'person' ? 'persons' : 'organizations'}` : ''}${target === 'responsible' ? ' (responsible persons)' : ''}`;
            ctx.report('REDUCED_FLOOR_NOT_BELOW_MINIMUM', cl.at, { floor: `${yuan(floor)} yuan`, min: `${yuan(m.min)} yuan`, item: item.code, where }, item.code);
            done = true;
            break;
          }
        }
      }
    }
  },
};
