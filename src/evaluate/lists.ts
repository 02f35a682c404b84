import type { ListEntry } from '../load/model.js';
import { listsForItem } from '../load/lookup.js';
import { absentFacts } from './conditions.js';
import { addTrace, cited, type Ctx } from './context.js';
import { durationText, subtractDuration } from './dates.js';
import type { RuleRef } from './types.js';

export type ListMatch = 'match' | 'no' | 'unknown' | 'red-line';

export interface ListOutcome {
  readonly entry: ListEntry;
  readonly result: ListMatch;
  readonly ref: RuleRef;
}

const KIND_ORDER = { exempt: 0, reduced: 1, lighter: 2, heavier: 3 } as const;
const KIND_TEXT = { exempt: '不予处罚', reduced: '减轻处罚', lighter: '从轻处罚', heavier: '从重处罚' } as const;

export function listRef(ctx: Ctx, e: ListEntry, item: string): RuleRef {
  const src = `${e.source.document}${e.source.title ? `《${e.source.title}》` : ''}${e.source.entry !== undefined ? `第${e.source.entry}项` : ''}`;
  return { kind: 'list', ruleSet: ctx.rs.id, item, id: e.id, ...(e.title ? { label: e.title } : {}), source: src };
}

/**
 * True when the case shows no prior violation of the same kind within the
 * window before the act (初次违法). Same kind = the same item, or any item of
 * the entry when its scope is `entry`.
 */
export function firstWithin(ctx: Ctx, window: string, kinds: readonly string[]): { first: boolean; since: string } {
  const act = ctx.c.dates.act;
  const since = subtractDuration(act, window);
  const prior = ctx.c.history.some((h) => kinds.includes(h.item) && h.date >= since && h.date < act);
  return { first: !prior, since };
}

/** Evaluates every list entry naming the item, exempt entries first. */
export function matchLists(ctx: Ctx, item: string): ListOutcome[] {
  const entries = [...listsForItem(ctx.rs, item)]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : 1));
  const out: ListOutcome[] = [];
  for (const e of entries) {
    const ref = listRef(ctx, e, item);
    const cites = e.cites.map((c) => cited(ctx.rs, c, 'list'));
    const when = e.when ? ctx.test(e.when) : true;
    const unless = e.unless ? ctx.test(e.unless) : false;
    let first = true;
    let since = '';
    if (e.lookBack) {
      const r = firstWithin(ctx, e.lookBack.window, e.lookBack.scope === 'entry' ? e.items : [item]);
      first = r.first;
      since = r.since;
    }
    const label = `${KIND_TEXT[e.kind]}清单「${e.title ?? e.id}」（${ref.source}）`;
    let result: ListMatch;
    if (unless === true) {
      result = 'red-line';
      addTrace(ctx, 'lists', 'not-applied', () => `${label}：属于排除情形，不适用`, cites, { item, ref });
    } else if (when === false || !first) {
      result = 'no';
      addTrace(
        ctx,
        'lists',
        'not-applied',
        () => (!first ? `${label}：${since} 以来（${durationText(e.lookBack!.window)}内）有同类违法记录，不属初次违法，不适用` : `${label}：条件不满足，不适用`),
        cites,
        { item, ref },
      );
    } else if (when === undefined || unless === undefined) {
      result = 'unknown';
      const lacking = [...(e.when ? absentFacts(e.when, ctx.facts) : []), ...(e.unless ? absentFacts(e.unless, ctx.facts) : [])];
      for (const f of lacking) ctx.missing.add(f);
      addTrace(ctx, 'lists', 'missing', () => `${label}：缺少事实 ${lacking.join('、')}，无法判断是否适用`, cites, { item, ref });
    } else {
      result = 'match';
      addTrace(
        ctx,
        'lists',
        'applied',
        () => `${label}：条件满足${e.lookBack ? `，${durationText(e.lookBack.window)}内无同类违法记录` : ''}，${e.discretionary ? '可以' : '应当'}${KIND_TEXT[e.kind]}`,
        cites,
        { item, ref },
      );
    }
    out.push({ entry: e, result, ref });
  }
  return out;
}
