import { addTrace, type Ctx } from './context.js';
import type { Channel, NoPenaltyBasis, Outcome, Penalty } from './types.js';

const TEXT: Record<Channel, string> = { service: '服务（教育、指导）', supervision: '管理（警告、责令改正等监管措施）', penalty: '执法（罚款等处罚）' };

/**
 * 721 channel of a disposition: no penalty → service (教育、指导); an order to
 * correct without a penalty, or a warning or criticism only → supervision; anything else → penalty. A policy target
 * for reports, not a rule for single decisions.
 */
export function channelFor(ctx: Ctx, outcome: Outcome, penalties: readonly Penalty[], basis?: NoPenaltyBasis): Channel {
  let channel: Channel;
  // An order to correct without a penalty is a supervision measure (管理手段).
  if (outcome === 'none') channel = basis === 'correction-only' ? 'supervision' : 'service';
  else if (outcome === 'penalty' && penalties.length > 0 && penalties.every((p) => p.kind === 'warning' || p.kind === 'criticism'))
    channel = 'supervision';
  else channel = 'penalty';
  addTrace(ctx, 'channel', 'info', () => `“721”工作法归类：${TEXT[channel]}`);
  return channel;
}
