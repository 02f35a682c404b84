import type { PenaltyKind } from '../load/model.js';
import type { Channel, DispositionGrade, NoPenaltyBasis, TraceEntry } from '../evaluate/types.js';

/** zh-CN names used by the reports. */
export const PENALTY_TEXT: Record<PenaltyKind, string> = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscateGains: '没收违法所得',
  confiscateProperty: '没收非法财物',
  suspendLicence: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicence: '吊销许可证件',
  restrictBusiness: '限制开展生产经营活动',
  suspendBusiness: '责令停产停业',
  close: '责令关闭',
  restrictPractice: '限制从业',
  detention: '行政拘留',
  other: '其他行政处罚',
};

export const GRADE_TEXT: Record<DispositionGrade, string> = { reduced: '减轻处罚', lighter: '从轻处罚', general: '一般处罚', heavier: '从重处罚' };

export const BASIS_TEXT: Record<NoPenaltyBasis, string> = {
  'time-barred': '超过追责时效',
  'no-longer-illegal': '新的规定不再认为是违法行为',
  'under-14': '不满十四周岁',
  incapacity: '不能辨认或者不能控制自己行为',
  'no-fault': '没有主观过错',
  'correction-only': '法律规定责令改正，拒不改正的才予处罚；当事人未拒不改正',
  minor: '违法行为轻微并及时改正，没有造成危害后果（轻微不罚）',
  'first-offence': '初次违法且危害后果轻微并及时改正（首违不罚）',
  other: '清单规定的其他不予处罚情形',
};

export const CHANNEL_TEXT: Record<Channel, string> = { service: '服务', supervision: '管理', penalty: '执法' };

export const STATUS_MARK: Record<TraceEntry['status'], string> = { applied: '【适用】', 'not-applied': '【不适用】', info: '【说明】', missing: '【待补充】' };

export const STEP_TEXT: Record<TraceEntry['step'], string> = {
  version: '适用版本',
  facts: '案件事实',
  items: '违法行为',
  limitation: '追责时效',
  mandatory: '法定不予处罚',
  lists: '清单',
  'first-offence': '首违不罚',
  mitigation: '从轻、减轻、从重情节',
  clause: '法定处罚幅度',
  tier: '裁量阶次',
  amount: '罚款数额',
  concurrence: '一事不再罚',
  measures: '其他措施',
  procedure: '程序',
  channel: '721',
};
