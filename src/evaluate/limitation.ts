import { addDuration, durationText } from './dates.js';
import { addTrace, has, lack, warn, type Ctx } from './context.js';

/** What the limitation step found: barred, in time, or open (no discovery date and no later date to bound it). */
export interface Limitation {
  readonly state: 'barred' | 'in-time' | 'unknown' | 'not-running';
  /** The last day of the period (absent while a continuing act goes on). */
  readonly lastDay?: string;
}

/**
 * 行政处罚法 Art. 36: no penalty for a violation not discovered within 2 years
 * (5 years where citizens' life and health or financial safety is involved
 * and there were harmful consequences; a special law may set its own period).
 * The period runs from the act, or from the day a continuing act ended; while
 * the act goes on (`actEnd: ongoing`) it has not started to run. Counting: the
 * period ends on the corresponding calendar day (2024-02-29 + 2 years ends on
 * 2026-02-28). Without a discovery date the step is decided only when a later
 * date bounds the discovery (the decision, or the caller's `asOf`: a violation
 * is discovered before it is decided on) and that date is within the period.
 */
export function checkLimitation(ctx: Ctx, asOf?: string): Limitation {
  const { c, rs } = ctx;
  const cites = ctx.plan.law.limitation;
  if (c.dates.ongoing) {
    addTrace(ctx, 'limitation', 'not-applied', () => '违法行为仍处于连续或者继续状态，追责时效自行为终了之日起计算，尚未开始计算', cites);
    return { state: 'not-running' };
  }
  const start = c.dates.actEnd ?? c.dates.act;
  // 有危害后果: any harm the case records (a safety incident is harm too).
  const harm = has(ctx, 'harmMinor') || has(ctx, 'harmSerious') || has(ctx, 'incident');
  const extended = has(ctx, 'lifeHealthOrFinancial') && harm;
  const period = extended ? rs.policy.limitation.extended : rs.policy.limitation.general;
  const lastDay = addDuration(start, period);
  const from = () => (c.dates.actEnd ? `违法行为有连续或者继续状态，自行为终了之日 ${start} 起计算` : `自违法行为发生之日 ${start} 起计算`);
  const reason = extended ? '（涉及公民生命健康安全、金融安全且有危害后果）' : '';
  if (!c.dates.discovered) {
    const bound = c.dates.decision ?? asOf;
    if (bound !== undefined && bound <= lastDay) {
      const what = c.dates.decision ? `作出处罚决定之日 ${bound}` : `评估基准日 ${bound}`;
      addTrace(ctx, 'limitation', 'not-applied', () => `追责时效${durationText(period)}${reason}，${from()}，至 ${lastDay} 届满；未提供发现日期，但违法行为至迟于${what}前被发现，未超过追责时效`, cites);
      return { state: 'in-time', lastDay };
    }
    warn(ctx, 'DISCOVERY_DATE_MISSING', `未提供发现日期，无法核对追责时效（行政处罚法第三十六条）：${lastDay} 后发现的，不再给予行政处罚`);
    lack(ctx, 'dates.discovered');
    addTrace(ctx, 'limitation', 'missing', () => `追责时效${durationText(period)}${reason}，${from()}，至 ${lastDay} 届满；未提供发现日期，无法核对`, cites);
    return { state: 'unknown', lastDay };
  }
  const barred = c.dates.discovered > lastDay;
  addTrace(
    ctx,
    'limitation',
    barred ? 'applied' : 'not-applied',
    () =>
      `追责时效${durationText(period)}${reason}，${from()}，至 ${lastDay} 届满；违法行为于 ${c.dates.discovered} 被发现，` +
      (barred ? '已超过追责时效，不再给予行政处罚' : '未超过追责时效'),
    cites,
  );
  return { state: barred ? 'barred' : 'in-time', lastDay };
}
