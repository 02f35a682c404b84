import type { ListEntry } from '../load/model.js';
import { absentIn } from './conditions.js';
import { addTrace, lack, test, type Ctx } from './context.js';
import { durationText, subtractDuration } from './dates.js';
import { KIND_TEXT, type ItemPlan } from './plan.js';
import type { CitedArticle, RuleRef } from './types.js';

export type ListMatch = 'match' | 'no' | 'unknown' | 'red-line';

export interface ListOutcome {
  readonly entry: ListEntry;
  readonly result: ListMatch;
  readonly ref: RuleRef;
  /** The entry's citations, as list. */
  readonly cites: readonly CitedArticle[];
}

const NONE: readonly ListOutcome[] = [];

/**
 * True when the case shows no prior violation of the same kind within the
 * window before the act (初次违法). Same kind = the same item, or any item of
 * the entry when its scope is `entry`.
 */
export function firstWithin(ctx: Ctx, window: string, kinds: readonly string[]): boolean {
  const history = ctx.c.history;
  // Most cases have no history: no date arithmetic then.
  if (history.length === 0) return true;
  const act = ctx.c.dates.act;
  const since = subtractDuration(act, window);
  for (const h of history) if (h.date >= since && h.date < act && kinds.includes(h.item)) return false;
  return true;
}

/** Evaluates every list entry naming the item, exempt entries first. */
export function matchLists(ctx: Ctx, plan: ItemPlan): readonly ListOutcome[] {
  if (plan.lists.length === 0) return NONE;
  const item = plan.code;
  const out: ListOutcome[] = [];
  for (const l of plan.lists) {
    const { entry: e, ref, cites, label } = l;
    const when = l.when ? test(ctx, l.when, l.whenTest) : true;
    const unless = l.unless ? test(ctx, l.unless, l.unlessTest) : false;
    const first = e.lookBack ? firstWithin(ctx, e.lookBack.window, l.sameKind) : true;
    let result: ListMatch;
    if (unless === true) {
      result = 'red-line';
      addTrace(ctx, 'lists', 'not-applied', () => `${label}：属于排除情形，不适用`, cites, item, ref);
    } else if (when === false || !first) {
      result = 'no';
      addTrace(
        ctx,
        'lists',
        'not-applied',
        () =>
          !first
            ? `${label}：${subtractDuration(ctx.c.dates.act, e.lookBack!.window)} 以来（${durationText(e.lookBack!.window)}内）有同类违法记录，不属初次违法，不适用`
            : `${label}：条件不满足，不适用`,
        cites,
        item,
        ref,
      );
    } else if (when === undefined || unless === undefined) {
      result = 'unknown';
      const lacking = [...(e.when ? absentIn(e.when, ctx.facts) : []), ...(e.unless ? absentIn(e.unless, ctx.facts) : [])];
      for (const f of lacking) lack(ctx, f);
      addTrace(ctx, 'lists', 'missing', () => `${label}：缺少事实 ${lacking.join('、')}，无法判断是否适用`, cites, item, ref);
    } else {
      result = 'match';
      addTrace(
        ctx,
        'lists',
        'applied',
        () => `${label}：条件满足${e.lookBack ? `，${durationText(e.lookBack.window)}内无同类违法记录` : ''}，${e.discretionary ? '可以' : '应当'}${KIND_TEXT[e.kind]}`,
        cites,
        item,
        ref,
      );
    }
    out.push({ entry: e, result, ref, cites });
  }
  return out;
}
