/**
 * The words of penalty clauses the reader knows: bases of multiples, condition
 * phrases, measures and what is not an administrative penalty. One table
 * each, so a new phrase is one line.
 */
import type { ConditionName } from './types.js';

/** Bases a multiple can be taken of, longest first, with the rule-set fact for each. */
export const BASES: readonly (readonly [string, string])[] = [
  ['货值金额', 'goodsValue'],
  ['违法所得', 'illegalGains'],
  ['违法经营额', 'illegalTurnover'],
  ['违法收入', 'illegalIncome'],
  ['违法销售额', 'salesAmount'],
  ['销售额', 'salesAmount'],
  ['销售收入', 'salesRevenue'],
  ['营业额', 'turnover'],
  ['广告费用', 'adFee'],
  ['工程合同价款', 'contractPrice'],
  ['合同价款', 'contractPrice'],
  ['合同金额', 'contractPrice'],
  ['项目总投资额', 'totalInvestment'],
  ['总投资额', 'totalInvestment'],
  ['建设工程造价', 'constructionCost'],
  ['工程造价', 'constructionCost'],
  ['上一年年收入', 'annualIncome'],
  ['上一年度收入', 'annualIncome'],
  ['违法金额', 'illegalAmount'],
  ['骗取金额', 'defraudedAmount'],
  ['业务收入', 'businessIncome'],
  ['所收费用', 'feesCharged'],
  ['违法收取的费用', 'feesCharged'],
  ['不缴或者少缴的税款', 'unpaidTax'],
];

/** The known base named in a phrase (the longest term it contains), or undefined. */
export function findBase(text: string): { text: string; fact: string } | undefined {
  let best: { text: string; fact: string } | undefined;
  for (const [t, fact] of BASES) if (text.includes(t) && (best === undefined || t.length > best.text.length)) best = { text: t, fact };
  return best;
}

/** Condition phrases (without the closing 的), each to a known name. */
export const CONDITIONS: readonly (readonly [RegExp, ConditionName])[] = [
  [/^(?:其)?情节特别严重$/, 'especiallySerious'],
  [/^(?:其)?情节严重$/, 'serious'],
  [/^(?:其)?情节较重$/, 'graver'],
  [/^(?:其)?情节较轻$/, 'lessSerious'],
  [/^(?:其)?情节轻微$/, 'minor'],
  [/^(?:并)?造成(?:特别)?严重(?:后果|危害后果|社会影响|影响)$/, 'seriousConsequences'],
  [/^(?:并)?造成(?:危害)?后果$/, 'consequences'],
  [/^(?:经责令改正|责令改正后|被责令改正后)?拒不(?:改正|整改|纠正)$/, 'refusedToCorrect'],
  [/^(?:经责令改正|责令改正)?(?:后)?逾期(?:不|未|仍未|仍不)(?:改正|改|整改|纠正|补办|申请|办理|拆除)(?:或者(?:拆除|恢复原状|补办))?$/, 'notCorrectedInTime'],
  [/^(?:责令)?限期(?:改正|整改)?(?:后)?(?:不|未|仍不|仍未|逾期不|逾期未)(?:改正|整改)$/, 'notCorrectedInTime'],
  [/^拒不停止(?:违法行为)?$/, 'refusedToStop'],
  [/^(?:经)?警告后(?:仍)?(?:不|拒不)改正$/, 'refusedToCorrect'],
];

/** Parts of a clause that are not administrative penalties: recognised, recorded, not read as one. */
export const NOT_PENALTY = /处分$|记过|记大过|降级|撤职|开除|费用由.+(?:承担|负担)|从其规定|^(?:并)?报(?:经|请).+批准|^除.+外$|追究刑事责任|刑事处罚|给予(?:行政|党纪|政务)?处分|依法给予处分|依法(?:处分|处理)|承担(?:民事|赔偿|连带|相应的?|法律)?(?:赔偿)?责任|依法赔偿|赔偿损失|予以赔偿|移送|记入|纳入|公告|公布|通报(?!批评)|信用|约谈|问责|建议|返工|加固|赔偿|^(?:并)?(?:通知|抄告)[^，；。]{1,20}(?:部门|机关)$/;

/** A condition (ending 的) whose consequence is not an administrative penalty: 构成犯罪的 … */
export const CRIME = /(?:构成犯罪|涉嫌犯罪|犯罪的?行为|触犯刑律|触犯刑法)$/;

/** 尚不构成犯罪 — the other side of 构成犯罪的: the administrative penalty applies. */
export const NOT_CRIME = /^(?:但)?(?:尚|还)?(?:不|未|没有)(?:构成犯罪|够刑事处罚|足以刑事处罚|予刑事处罚)$|^(?:尚|还)不够(?:刑事处罚|追究刑事责任)$|^尚未构成犯罪$|^情节显著轻微(?:，)?(?:不|尚不)构成犯罪$/;

/** A penalty the clause leaves to another law: 依照治安管理处罚法的规定处罚, 由公安机关依法给予治安管理处罚. */
export const ELSEWHERE =
  /^(?:(?:并|可以|还可以)?由.+?)?(?:依照|按照|依据|根据)(?:《[^》]+》|有关法律|有关法律、(?:行政)?法规|有关法规|国家有关规定|(?:(?!违法|罚款|职权|职责)[^，；。]){1,20}法)[^，；。]*?(?:规定)?(?:给予|予以|依法)?(?:处罚|处理|决定|执行)?$|的规定从重处罚$|治安管理处罚$|^(?:并|可以)?由[^，；。]{2,30}?依法(?:给予|予以)?(?:处罚|处理|治安管理处罚)$/;
