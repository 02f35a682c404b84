import { addDuration, durationText } from './dates.js';
import { addTrace, has, lack, warn, type Ctx } from './context.js';

/**
 * 行政处罚法 Art. 36: no penalty for a violation not discovered within 2 years
 * (5 years where citizens' life and health or financial safety is involved
 * and there were harmful consequences; a special law may set its own period).
 * The period runs from the act, or from the day a continuing act ended.
 * Counting: the period ends on the corresponding calendar day (2024-02-29 + 2
 * years ends on 2026-02-28).
 */
export function checkLimitation(ctx: Ctx): boolean {
  const { c, rs } = ctx;
  const start = c.dates.actEnd ?? c.dates.act;
  // 有危害后果: any harm the case records (a safety incident is harm too).
  const harm = has(ctx, 'harmMinor') || has(ctx, 'harmSerious') || has(ctx, 'incident');
  const extended = has(ctx, 'lifeHealthOrFinancial') && harm;
  const period = extended ? rs.policy.limitation.extended : rs.policy.limitation.general;
  const lastDay = addDuration(start, period);
  const cites = ctx.plan.law.limitation;
  const from = () => (c.dates.actEnd ? `违法行为有连续或者继续状态，自行为终了之日 ${start} 起计算` : `自违法行为发生之日 ${start} 起计算`);
  const reason = extended ? '（涉及公民生命健康安全、金融安全且有危害后果）' : '';
  if (!c.dates.discovered) {
    warn(ctx, 'DISCOVERY_DATE_MISSING', '未提供发现日期，无法核对追责时效（行政处罚法第三十六条）');
    lack(ctx, 'dates.discovered');
    addTrace(ctx, 'limitation', 'missing', () => `追责时效${durationText(period)}${reason}，${from()}，至 ${lastDay} 届满；未提供发现日期，无法核对`, cites);
    return false;
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
  return barred;
}
