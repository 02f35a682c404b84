import type { Circumstance, Exclusion, FactDef } from '../load/model.js';

/**
 * Built-in vocabulary every rule set and case can use. Circumstances are
 * boolean facts in conditions: true when the case lists them.
 */

const XZCFF = 'xzcff';

function c(
  name: string,
  label: string,
  effect: Circumstance['effect'],
  cites: Circumstance['cites'] = [],
): Circumstance {
  return { name, label, effect, cites, origin: 'builtin' };
}

/** Circumstances built into cailiang, with the article of 行政处罚法 they come from. */
export const BUILTIN_CIRCUMSTANCES: readonly Circumstance[] = [
  c('minorViolation', '违法行为轻微', 'neutral', [{ law: XZCFF, article: 33, paragraph: 1 }]),
  c('correctedInTime', '及时改正', 'neutral', [{ law: XZCFF, article: 33, paragraph: 1 }]),
  c('harmNone', '没有造成危害后果', 'neutral', [{ law: XZCFF, article: 33, paragraph: 1, sentence: 1 }]),
  c('harmMinor', '危害后果轻微', 'neutral', [{ law: XZCFF, article: 33, paragraph: 1, sentence: 2 }]),
  c('harmSerious', '造成严重危害后果', 'aggravating'),
  c('noFaultProven', '有证据足以证明没有主观过错', 'exempt', [{ law: XZCFF, article: 33, paragraph: 2 }]),
  c('eliminatedHarm', '主动消除或者减轻违法行为危害后果', 'mitigating', [{ law: XZCFF, article: 32, item: 1 }]),
  c('coerced', '受他人胁迫或者诱骗实施违法行为', 'mitigating', [{ law: XZCFF, article: 32, item: 2 }]),
  c('confessedUnknown', '主动供述行政机关尚未掌握的违法行为', 'mitigating', [{ law: XZCFF, article: 32, item: 3 }]),
  c('meritorious', '配合行政机关查处违法行为有立功表现', 'mitigating', [{ law: XZCFF, article: 32, item: 4 }]),
  c('otherMandatoryMitigation', '法律、法规、规章规定其他应当从轻或者减轻行政处罚的', 'mitigating', [
    { law: XZCFF, article: 32, item: 5 },
  ]),
  c('lifeHealthOrFinancial', '涉及公民生命健康安全、金融安全', 'neutral', [{ law: XZCFF, article: 36, paragraph: 1 }]),
  c('refusedToCorrect', '拒不改正或者逾期未改正', 'aggravating'),
  c('intentional', '故意实施违法行为', 'aggravating'),
  c('incident', '造成安全事故（如食品安全事故）', 'aggravating'),
  c('obstructed', '阻碍、拒绝执法检查', 'aggravating'),
  c('concealedEvidence', '隐匿、销毁违法证据', 'aggravating'),
  c('emergency', '突发事件期间违反应对措施', 'aggravating', [{ law: XZCFF, article: 49 }]),
  c('cooperated', '积极配合调查、如实提供证据', 'mitigating-optional'),
  c('secondaryRole', '共同违法中起次要或者辅助作用', 'mitigating-optional'),
];

function x(a: string, b: string, reason: string): Exclusion {
  return { of: [a, b], reason, origin: 'builtin' };
}

/**
 * Built-in circumstances that exclude each other: a case listing both is
 * contradictory (a data error), and no recommendation is given on it. A rule
 * set adds its own (`exclusions:`), also between a circumstance and its facts.
 */
export const BUILTIN_EXCLUSIONS: readonly Exclusion[] = [
  x('harmNone', 'harmMinor', '“没有造成危害后果”与“危害后果轻微”不能同时成立'),
  x('harmNone', 'harmSerious', '“没有造成危害后果”与“造成严重危害后果”不能同时成立'),
  x('harmNone', 'incident', '造成安全事故即有危害后果，与“没有造成危害后果”不能同时成立'),
  x('harmMinor', 'harmSerious', '危害后果不能既“轻微”又“严重”'),
  x('minorViolation', 'harmSerious', '造成严重危害后果的违法行为不是“违法行为轻微”'),
  x('minorViolation', 'incident', '造成安全事故的违法行为不是“违法行为轻微”'),
  x('noFaultProven', 'intentional', '故意实施违法行为即有主观过错，与“有证据足以证明没有主观过错”不能同时成立（行政处罚法第三十三条第二款）'),
];

/** Facts every case has, taken from its party. */
export const BUILTIN_FACTS: readonly FactDef[] = [
  { name: 'partyKind', type: 'enum', values: ['person', 'organization'], label: '当事人类型', origin: 'builtin' },
  { name: 'partyAge', type: 'count', label: '当事人年龄', unit: '周岁', origin: 'builtin' },
];

/** Facts computed during evaluation, usable in policy conditions (legal review, collective deliberation). */
export const DERIVED_FACTS: readonly FactDef[] = [
  { name: 'recommendedFine', type: 'money', label: '建议罚款数额', origin: 'builtin' },
  { name: 'fineMax', type: 'money', label: '罚款幅度上限', origin: 'builtin' },
  {
    name: 'grade',
    type: 'enum',
    values: ['reduced', 'lighter', 'general', 'heavier'],
    label: '裁量等级',
    origin: 'builtin',
  },
];
