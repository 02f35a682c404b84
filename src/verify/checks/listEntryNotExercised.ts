import { uncovered } from '../../fixture/coverage.js';
import type { Check } from '../context.js';

/** LIST_ENTRY_NOT_EXERCISED (warning) — with fixtures given, a list entry no fixture's disposition applied. */
export const listEntryNotExercised: Check = {
  code: 'LIST_ENTRY_NOT_EXERCISED',
  why: 'A 不予处罚 entry no sample case meets may have conditions no real case can meet (or that let through cases it should not).',
  run(ctx) {
    const fixtures = ctx.options.fixtures;
    if (!fixtures) return;
    const items = new Map(ctx.rs.lists.map((e) => [e.id, e.items]));
    for (const u of uncovered([ctx.rs], fixtures))
      if (u.kind === 'list') ctx.report('LIST_ENTRY_NOT_EXERCISED', u.at, { id: u.id }, items.get(u.id));
  },
};
