import * as z from 'zod';
import { Case } from './case.js';
import { IsoDate, Money, Text } from './primitives.js';
import { PENALTY_KINDS } from './ruleset.js';

/**
 * What the officer decided in a case, for `cailiang audit` (偏离监督). Money in
 * yuan, as everywhere in files.
 *
 * @example
 * decision: { outcome: penalty, fine: 30000, kinds: [fine, warning], hearingNotified: true, legalReview: true }
 */
export const Decision = z
  .strictObject({
    /** 给予处罚 or 不予处罚. */
    outcome: z.enum(['penalty', 'none']),
    /** The party's fine in yuan (罚款), if any. */
    fine: Money.optional(),
    /** Kinds of penalty imposed (行政处罚法 Art. 9); `fine` is implied by `fine:`. */
    kinds: z.array(z.enum(PENALTY_KINDS)).optional(),
    /** The party was told of the right to a hearing (Art. 63). */
    hearingNotified: z.boolean().optional(),
    /** 法制审核 was done before the decision (Art. 58). */
    legalReview: z.boolean().optional(),
    /** The organ's heads decided collectively (Art. 57(2)). */
    collective: z.boolean().optional(),
    /** A 可以不予处罚 ground was considered and the reasons for not applying it are on file. */
    exemptionConsidered: z.boolean().optional(),
    /** Date of the decision. */
    date: IsoDate.optional(),
    /** The reasons written in the decision, e.g. for departing from the benchmark. */
    reason: Text.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === 'none' && ((d.fine !== undefined && d.fine > 0) || (d.kinds !== undefined && d.kinds.length > 0)))
      ctx.addIssue({ code: 'custom', message: 'a decision of no penalty (outcome: none) has no fine and no kinds', path: ['outcome'] });
    if (d.outcome === 'penalty' && (d.fine === undefined || d.fine === 0) && (d.kinds === undefined || d.kinds.length === 0))
      ctx.addIssue({ code: 'custom', message: 'a decision to penalise names the penalty: fine: (yuan) or kinds:', path: ['outcome'] });
    if (d.kinds?.includes('fine') && d.fine === undefined)
      ctx.addIssue({ code: 'custom', message: 'kinds lists fine but no amount is given: add fine: (yuan)', path: ['kinds'] });
  })
  .meta({ id: 'Decision', title: 'officer’s decision' });

/** A case with the officer's decision under `decision:` (the input of `cailiang audit`). */
export const DecidedCase = Case.safeExtend({ decision: Decision }).meta({ id: 'DecidedCase', title: 'cailiang decided case' });

/** An officer's decision as written in the file (fine in yuan), after the schema check. */
export interface RawDecision {
  outcome: 'penalty' | 'none';
  fine?: number;
  kinds?: (typeof PENALTY_KINDS)[number][];
  hearingNotified?: boolean;
  legalReview?: boolean;
  collective?: boolean;
  exemptionConsidered?: boolean;
  date?: string;
  reason?: string;
}
// Written out (the public types do not depend on zod's), and held to the schema both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const decisionTypeMatchesSchema: Same<z.output<typeof Decision>, RawDecision> = true;
void decisionTypeMatchesSchema;
