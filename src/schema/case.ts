import * as z from 'zod';
import { Id, IsoDate, lineText, Name, Text } from './primitives.js';

/** A fact value in a case: money in yuan, counts, ratios, booleans, enum values, dates, durations. */
export const FactValue = z.union([z.number(), z.boolean(), z.string().max(200)]);

/** A case to evaluate (one act; several items when one act breaks several norms, Art. 29). */
export const Case = z
  .strictObject({
    id: z.union([lineText(200), z.int()]).transform(String),
    ruleSet: Id.optional(),
    item: Id.optional(),
    items: z.array(Id).min(1).optional(),
    party: z.strictObject({
      kind: z.enum(['person', 'organization']),
      name: Text.optional(),
      age: z.int().min(0).max(150).optional(),
      birthDate: IsoDate.optional().meta({ description: 'Date of birth; the age on the act date is computed from it (reached the day after the birthday)' }),
      capacity: z.enum(['full', 'partial', 'none']).optional(),
    }),
    dates: z.strictObject({
      act: IsoDate,
      actEnd: z.union([IsoDate, z.literal('ongoing')]).nullable().optional().meta({ description: 'End of a continuing act; ongoing while it goes on; null or absent for a single act' }),
      discovered: IsoDate.optional(),
      decision: IsoDate.optional(),
    }),
    facts: z.record(Name, FactValue).optional(),
    circumstances: z.array(Name).optional(),
    history: z.array(z.strictObject({ item: Id, date: IsoDate, note: Text.optional() })).optional(),
    note: Text.optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.item === undefined) === (c.items === undefined))
      ctx.addIssue({ code: 'custom', message: 'a case names its item (or items), one of item or items', path: ['item'] });
  })
  .meta({ id: 'Case', title: 'cailiang case' });

export type RawCase = z.output<typeof Case>;
