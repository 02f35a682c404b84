import { GRADES } from '../../schema/ruleset.js';
import type { Check } from '../context.js';

const GRADE_TEXT = { lighter: '从轻', general: '一般', heavier: '从重' } as const;

/**
 * TIER_GRADE_MISSING — tiers chosen by grade (SAMR style: the band follows from
 * the 从轻 / 从重 circumstances) need one tier per grade in each statutory
 * branch; a case of a grade without a tier gets no recommendation. A branch
 * with a single tier is exempt: that tier always applies. 减轻 cases use the
 * 从轻 tier.
 */
export const tierGradeMissing: Check = {
  code: 'TIER_GRADE_MISSING',
  why: '国市监法规〔2022〕2号 splits each range into 从轻 / 一般 / 从重; a missing band leaves every case of that grade without a tier.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      for (const cl of item.clauses) {
        const candidates = a.candidates(cl);
        if (candidates.length < 2 || candidates.some((t) => t.when)) continue;
        const cr = a.clauseRegion(cl);
        if (cr && cr.length === 0) continue;
        for (const grade of GRADES) {
          if (candidates.some((t) => t.grade === grade)) continue;
          ctx.report(
            'TIER_GRADE_MISSING',
            item.clauses.length > 1 ? cl.at : item.at,
            {
              item: item.code,
              branchText: a.branchText(cl),
              grade,
              gradeText: GRADE_TEXT[grade],
              branchHint: item.clauses.length > 1 ? `, branch: ${cl.id}` : '',
            },
            item.code,
          );
        }
      }
    }
  },
};
