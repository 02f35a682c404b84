import { printableText } from './printable.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { compiled } from '../evaluate/conditions.js';
import { caseFacts, xzcff } from '../evaluate/context.js';
import type { Case, Disposition, NoPenaltyBasis, Penalty, PenaltyAssessment } from '../evaluate/types.js';
import type { Condition, PenaltyKind, RuleSet } from '../load/model.js';
import type { RawDecision } from '../schema/decided.js';
import { VERSION } from '../version.js';
import type { BatchProblem } from './batch.js';
import { formatYuan } from './format.js';
import { BASIS_TEXT, GRADE_TEXT, PENALTY_TEXT } from './labels.js';

/**
 * 偏离监督: officers' decisions held against the recommendation for the same
 * case. Each flag names the rule it rests on. The engine advises and the
 * officer decides, so most departures are warnings to be explained; what the
 * law forbids outright (outside the statutory range, a mandatory exemption
 * ignored, a required hearing or review skipped) is an error.
 */

/** The officer's decision, money in fen. */
export interface Decision {
  readonly outcome: 'penalty' | 'none';
  /** The party's fine (fen), when one was imposed. */
  readonly fine?: number;
  /** Kinds imposed, `fine` included when a fine was. Sorted. */
  readonly kinds: readonly PenaltyKind[];
  readonly hearingNotified?: boolean;
  readonly legalReview?: boolean;
  readonly collective?: boolean;
  readonly exemptionConsidered?: boolean;
  readonly date?: string;
  readonly reason?: string;
}

/**
 * A decision as written in a file (yuan) in the units of the engine (fen).
 *
 * @example
 * toDecision({ outcome: 'penalty', fine: 300 }); // { outcome: 'penalty', fine: 30000, kinds: ['fine'] }
 */
export function toDecision(raw: RawDecision): Decision {
  const fine = raw.fine !== undefined && raw.fine > 0 ? Math.round(raw.fine * 100) : undefined;
  const kinds = new Set<PenaltyKind>(raw.kinds ?? []);
  if (fine !== undefined) kinds.add('fine');
  return {
    outcome: raw.outcome,
    ...(fine !== undefined ? { fine } : {}),
    kinds: [...kinds].sort(),
    ...(raw.hearingNotified !== undefined ? { hearingNotified: raw.hearingNotified } : {}),
    ...(raw.legalReview !== undefined ? { legalReview: raw.legalReview } : {}),
    ...(raw.collective !== undefined ? { collective: raw.collective } : {}),
    ...(raw.exemptionConsidered !== undefined ? { exemptionConsidered: raw.exemptionConsidered } : {}),
    ...(raw.date !== undefined ? { date: raw.date } : {}),
    ...(raw.reason !== undefined ? { reason: raw.reason } : {}),
  };
}

export type AuditCode =
  | 'MANDATORY_EXEMPTION_IGNORED'
  | 'FINE_ABOVE_STATUTORY_MAX'
  | 'FINE_BELOW_STATUTORY_MIN'
  | 'KIND_NOT_PROVIDED'
  | 'HEARING_NOT_NOTIFIED'
  | 'LEGAL_REVIEW_MISSING'
  | 'COLLECTIVE_DECISION_MISSING'
  | 'FINE_OUTSIDE_TIER'
  | 'DISCRETIONARY_EXEMPTION_NOT_CONSIDERED'
  | 'PENALTY_NOT_IMPOSED'
  | 'SIMILAR_CASES_SPREAD'
  | 'FACTS_CONTRADICT'
  | 'NOT_AUDITABLE';

export type AuditSeverity = 'error' | 'warning' | 'info';

/** Severity of each flag: errors are what the law forbids, warnings what must be explained. */
export const AUDIT_SEVERITY: Record<AuditCode, AuditSeverity> = {
  MANDATORY_EXEMPTION_IGNORED: 'error',
  FINE_ABOVE_STATUTORY_MAX: 'error',
  FINE_BELOW_STATUTORY_MIN: 'error',
  KIND_NOT_PROVIDED: 'error',
  HEARING_NOT_NOTIFIED: 'error',
  LEGAL_REVIEW_MISSING: 'error',
  COLLECTIVE_DECISION_MISSING: 'error',
  FINE_OUTSIDE_TIER: 'warning',
  DISCRETIONARY_EXEMPTION_NOT_CONSIDERED: 'warning',
  PENALTY_NOT_IMPOSED: 'warning',
  SIMILAR_CASES_SPREAD: 'warning',
  FACTS_CONTRADICT: 'warning',
  NOT_AUDITABLE: 'info',
};

/** Short zh-CN names of the flags. */
export const AUDIT_TITLE: Record<AuditCode, string> = {
  MANDATORY_EXEMPTION_IGNORED: '应当不予处罚而处罚',
  FINE_ABOVE_STATUTORY_MAX: '罚款超过法定最高限额',
  FINE_BELOW_STATUTORY_MIN: '罚款低于法定最低限额且无减轻情节',
  KIND_NOT_PROVIDED: '处罚种类不在法定种类之内',
  HEARING_NOT_NOTIFIED: '未告知听证权利',
  LEGAL_REVIEW_MISSING: '未经法制审核',
  COLLECTIVE_DECISION_MISSING: '未经集体讨论决定',
  FINE_OUTSIDE_TIER: '罚款超出裁量阶次幅度',
  DISCRETIONARY_EXEMPTION_NOT_CONSIDERED: '可以不予处罚而未说明是否考虑',
  PENALTY_NOT_IMPOSED: '建议处罚而决定不予处罚',
  SIMILAR_CASES_SPREAD: '类案不同罚',
  FACTS_CONTRADICT: '案件事实相互矛盾',
  NOT_AUDITABLE: '无法比对',
};

export interface AuditFlag {
  readonly code: AuditCode;
  readonly severity: AuditSeverity;
  readonly line: number;
  readonly caseId: string;
  readonly item: string;
  readonly message: string;
  /** The rules the flag rests on. */
  readonly cites: readonly string[];
}

/** Decided fines of one item and tier across cases (类案不同罚). */
export interface AuditSpread {
  readonly ruleSet: string;
  readonly item: string;
  readonly tier: string;
  readonly tierLabel: string;
  /** `amount`: fines in fen; `multiple`: fines as multiples of the base fact (倍), for tiers that are multiples. */
  readonly metric: 'amount' | 'multiple';
  readonly min: number;
  readonly max: number;
  /** max / min, rounded to 2 decimals; null when the smallest is 0. */
  readonly ratio: number | null;
  readonly flagged: boolean;
  readonly cases: readonly { readonly caseId: string; readonly line: number; readonly value: number }[];
  readonly message: string;
  readonly cites: readonly string[];
}

export interface AuditReport {
  readonly reportVersion: 1;
  readonly generator: string;
  readonly source: string;
  /** Largest max/min ratio of decided fines within one tier before 类案不同罚 is flagged. */
  readonly spreadLimit: number;
  readonly cases: number;
  readonly audited: number;
  readonly invalid: number;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly flags: readonly AuditFlag[];
  readonly spreads: readonly AuditSpread[];
  readonly problems: readonly BatchProblem[];
}

/** One case to audit: the recommendation (under the version applied) and the officer's decision. */
export interface DecidedCaseInput {
  readonly line: number;
  readonly disposition: Disposition;
  readonly ruleSet: RuleSet;
  readonly case: Case;
  readonly decision: Decision;
}

const HEARING_KINDS = new Set<PenaltyKind>(['lowerQualification', 'revokeLicence', 'suspendBusiness', 'close', 'restrictPractice']);

/** The article each 不予处罚 ground rests on. */
function basisCites(rs: RuleSet, d: Disposition): string[] {
  const at: Partial<Record<NoPenaltyBasis, () => string>> = {
    'time-barred': () => xzcff(rs, 36, 1).text,
    'no-longer-illegal': () => xzcff(rs, 37).text,
    'under-14': () => xzcff(rs, 30).text,
    incapacity: () => xzcff(rs, 31).text,
    'no-fault': () => xzcff(rs, 33, 2).text,
    minor: () => xzcff(rs, 33, 1, { sentence: 1 }).text,
    'first-offence': () => xzcff(rs, 33, 1, { sentence: 2 }).text,
  };
  const own = d.basis && at[d.basis] ? [at[d.basis]!()] : [];
  const penalizedBy = d.basis === 'correction-only' ? d.citations.filter((c) => c.role === 'penalizedBy').map((c) => c.text) : [];
  return [...own, ...penalizedBy, ...d.lists.map((l) => l.source ?? l.id)];
}

/** The ground in words, without its trailing name in brackets (（首违不罚）). */
function basisText(d: Disposition): string {
  return BASIS_TEXT[d.basis ?? 'other'].replace(/（[^（）]*）$/, '');
}

function partyFine(a: { readonly penalties: readonly Penalty[] } | undefined): Penalty | undefined {
  return a?.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
}

function statuteCites(d: Disposition): string[] {
  return d.citations.filter((c) => c.role === 'penalizedBy').map((c) => c.text);
}

function tierCite(rs: RuleSet, a: PenaltyAssessment): string[] {
  return a.tier ? [`${rs.title} ${a.item} 阶次「${a.tier.label ?? a.tier.id}」`] : [];
}

function evaluatePolicy(cond: Condition | undefined, rs: RuleSet, c: Case, fine: number | undefined, max: number | undefined, grade: string | undefined): boolean {
  if (!cond) return false;
  return compiled(cond)({ ...caseFacts(rs, c), recommendedFine: fine, fineMax: max, grade }) === true;
}

/**
 * The flags of one decided case (类案不同罚 is across cases: see
 * {@link AuditCollector}). Pure.
 *
 * @example
 * auditCase({ line: 3, disposition: d, ruleSet, case: c, decision: toDecision({ outcome: 'penalty', fine: 120000 }) })
 *   .map((f) => f.code); // ['FINE_ABOVE_STATUTORY_MAX', 'HEARING_NOT_NOTIFIED']
 */
export function auditCase(input: DecidedCaseInput): AuditFlag[] {
  const { disposition: d, ruleSet: rs, case: c, decision: dec, line } = input;
  const flags: AuditFlag[] = [];
  const flag = (code: AuditCode, message: string, cites: readonly string[]) =>
    flags.push({ code, severity: AUDIT_SEVERITY[code], line, caseId: d.caseId, item: d.item, message, cites: [...new Set(cites)] });
  const decidedText = dec.outcome === 'none' ? '不予处罚' : dec.kinds.map((k) => (k === 'fine' && dec.fine !== undefined ? `罚款${formatYuan(dec.fine)}` : PENALTY_TEXT[k])).join('、');
  const reason = dec.reason ? `（决定记载的理由：${dec.reason}）` : '';

  // Facts that exclude each other: neither the decision nor the recommendation can be checked on them.
  const contradictions = (d.undetermined ?? []).filter((u) => u.reason === 'contradiction');
  if (contradictions.length > 0) {
    flag('FACTS_CONTRADICT', `${contradictions.map((u) => u.message).join('；')}；决定（${decidedText}）未作比对，请先核实案件事实`, []);
    return flags;
  }

  if (dec.outcome === 'none') {
    if (d.outcome === 'penalty')
      flag('PENALTY_NOT_IMPOSED', `建议给予处罚（${GRADE_TEXT[d.grade ?? 'general']}），决定不予处罚；请核对不予处罚的依据${reason}`, [xzcff(rs, 57, 1, { item: 1 }).text, ...statuteCites(d)]);
    else if (d.outcome === 'undetermined')
      flag('NOT_AUDITABLE', `建议无法确定（缺少：${d.missingFacts.join('、') || '见建议书'}），未能比对`, []);
    return flags;
  }

  // The officer imposed a penalty.
  if (d.outcome === 'none' && d.mandatory) {
    flag(
      'MANDATORY_EXEMPTION_IGNORED',
      `依法应当不予处罚（${basisText(d)}），决定给予处罚：${decidedText}`,
      basisCites(rs, d),
    );
    return flags;
  }
  if (d.outcome === 'none' && !d.mandatory && dec.exemptionConsidered !== true)
    flag(
      'DISCRETIONARY_EXEMPTION_NOT_CONSIDERED',
      `可以不予处罚（${basisText(d)}），决定给予处罚，未记载已考虑不予处罚及不适用的理由（exemptionConsidered）${reason}`,
      basisCites(rs, d),
    );
  if (d.outcome === 'undetermined')
    flag('NOT_AUDITABLE', `建议无法确定（缺少：${d.missingFacts.join('、') || '见建议书'}），未比对罚款幅度`, []);

  const a: PenaltyAssessment | undefined =
    d.outcome === 'penalty' ? { item: d.item, grade: d.grade ?? 'general', gradeMandatory: d.mandatory, ...(d.clause ? { clause: d.clause } : {}), ...(d.tier ? { tier: d.tier } : {}), penalties: d.penalties } : d.otherwise;
  const p = partyFine(a);
  const reduced = a?.grade === 'reduced';
  // 处以罚款 with no amount in the statute: the benchmark's tier amount, when it gives one, is all there is to compare.
  if (a && dec.fine !== undefined && p && !p.statutory) {
    if (!p.range) flag('NOT_AUDITABLE', `法律条文未规定罚款数额，裁量基准也未规定幅度，未比对罚款${formatYuan(dec.fine)}`, []);
    else if (dec.fine < p.range.min || dec.fine > p.range.max)
      flag(
        'FINE_OUTSIDE_TIER',
        `罚款${formatYuan(dec.fine)}${dec.fine < p.range.min ? '低于' : '高于'}裁量阶次「${a.tier?.label ?? a.tier?.id ?? GRADE_TEXT[a.grade]}」的幅度${formatYuan(p.range.min)}至${formatYuan(p.range.max)}（法律条文未规定数额）；偏离裁量基准应当在决定书中说明理由${reason}`,
        [...tierCite(rs, a), xzcff(rs, 34).text],
      );
  }
  if (a && dec.fine !== undefined && p?.statutory) {
    const s = p.statutory;
    if (dec.fine > s.max)
      flag('FINE_ABOVE_STATUTORY_MAX', `罚款${formatYuan(dec.fine)}超过法定最高限额${formatYuan(s.max)}（法定幅度${formatYuan(s.min)}至${formatYuan(s.max)}）`, [...statuteCites(d), xzcff(rs, 76).text]);
    else if (dec.fine < s.min && !reduced)
      flag(
        'FINE_BELOW_STATUTORY_MIN',
        `罚款${formatYuan(dec.fine)}低于法定最低限额${formatYuan(s.min)}，而本案没有减轻处罚的情节（第三十条、第三十二条或减轻清单）`,
        [...statuteCites(d), xzcff(rs, 32).text, xzcff(rs, 76).text],
      );
    else if (p.range && (dec.fine < p.range.min || dec.fine > p.range.max))
      flag(
        'FINE_OUTSIDE_TIER',
        `罚款${formatYuan(dec.fine)}${dec.fine < p.range.min ? '低于' : '高于'}裁量阶次「${a.tier?.label ?? a.tier?.id ?? GRADE_TEXT[a.grade]}」的幅度${formatYuan(p.range.min)}至${formatYuan(p.range.max)}；偏离裁量基准应当在决定书中说明理由${reason}`,
        [...tierCite(rs, a), xzcff(rs, 34).text],
      );
  }

  // Kinds the statutory clause does not provide (处罚法定; Art. 76 擅自改变种类).
  if (a) {
    const item = rs.items.find((i) => i.code === a.item);
    const clause = item?.clauses.find((cl) => cl.id === a.clause);
    const allowed = new Set<PenaltyKind>([...(clause?.kinds ?? []), ...a.penalties.map((x) => x.kind)]);
    // 减轻 may mean a lighter kind than the statute's (e.g. a warning instead of a fine).
    const lighter = new Set<PenaltyKind>(reduced ? ['warning', 'criticism'] : []);
    const extra = dec.kinds.filter((k) => !allowed.has(k) && !lighter.has(k));
    if (clause && extra.length > 0)
      flag('KIND_NOT_PROVIDED', `决定的处罚种类${extra.map((k) => PENALTY_TEXT[k]).join('、')}不在法定处罚种类（${[...clause.kinds].map((k) => PENALTY_TEXT[k]).join('、')}）之内`, [...statuteCites(d), xzcff(rs, 76).text]);
  }

  // Art. 63: a hearing notice for 较大数额 or heavy kinds, on the recommendation or on what was decided.
  const threshold = rs.policy.hearing?.[c.party.kind];
  const reasons: string[] = [];
  if (d.procedure.hearing) reasons.push('建议的处罚达到听证标准');
  const heavy = dec.kinds.filter((k) => HEARING_KINDS.has(k));
  if (heavy.length > 0) reasons.push(`决定${heavy.map((k) => PENALTY_TEXT[k]).join('、')}`);
  if (threshold !== undefined && dec.fine !== undefined && dec.fine >= threshold) reasons.push(`罚款${formatYuan(dec.fine)}达到较大数额标准${formatYuan(threshold)}`);
  if (reasons.length > 0 && dec.hearingNotified !== true)
    flag('HEARING_NOT_NOTIFIED', `应当告知当事人要求听证的权利（${reasons.join('；')}），决定未记载已告知`, [xzcff(rs, 63, 1).text]);

  // Arts. 58 and 57(2): when the rule set's policy requires them, on the recommendation or the decision.
  const max = p?.statutory?.max;
  if ((d.procedure.legalReview || evaluatePolicy(rs.policy.legalReview, rs, c, dec.fine, max, a?.grade)) && dec.legalReview !== true)
    flag('LEGAL_REVIEW_MISSING', '按本基准规定作出决定前应当进行法制审核，决定未记载已审核', [xzcff(rs, 58, 1).text]);
  if ((d.procedure.collective || evaluatePolicy(rs.policy.collective, rs, c, dec.fine, max, a?.grade)) && dec.collective !== true)
    flag('COLLECTIVE_DECISION_MISSING', '按本基准规定应当由行政机关负责人集体讨论决定，决定未记载集体讨论', [xzcff(rs, 57, 2).text]);
  return flags;
}

const SEVERITY_ORDER: Record<AuditSeverity, number> = { error: 0, warning: 1, info: 2 };

function ratioText(r: number | null): string {
  return r === null ? '—' : r.toFixed(2);
}

/** A spread value for people: an amount in yuan, or a multiple. */
export function spreadValueText(metric: AuditSpread['metric'], v: number): string {
  return metric === 'amount' ? formatYuan(v) : `${Math.round(v * 100) / 100}倍`;
}

/**
 * Collects audited cases and, at the end, the spread of decided fines per item
 * and tier (类案不同罚). Same cases in the same order, same report.
 *
 * @example
 * const audit = new AuditCollector(2);
 * for (const x of decided) audit.add(x);
 * const report = audit.report('decided.ndjson');
 * report.counts.error; // error-level flags
 */
export class AuditCollector {
  private cases = 0;
  private audited = 0;
  private readonly flags: AuditFlag[] = [];
  private readonly problems: BatchProblem[] = [];
  private readonly groups = new Map<string, { ruleSet: string; item: string; tier: string; tierLabel: string; metric: AuditSpread['metric']; cites: string[]; cases: { caseId: string; line: number; value: number }[] }>();

  constructor(private readonly spreadLimit = 2) {}

  add(input: DecidedCaseInput): AuditFlag[] {
    this.cases++;
    this.audited++;
    const flags = auditCase(input);
    this.flags.push(...flags);
    const { disposition: d, decision: dec, ruleSet: rs } = input;
    const a = d.outcome === 'penalty' ? { tier: d.tier, penalties: d.penalties, item: d.item } : d.otherwise;
    const p = partyFine(a);
    if (dec.outcome === 'penalty' && dec.fine !== undefined && a?.tier && !(d.outcome === 'none' && d.mandatory)) {
      // Tiers that are multiples of a base fact compare the multiple, not the amount.
      const metric: AuditSpread['metric'] = p?.base && p.base.value > 0 ? 'multiple' : 'amount';
      const key = `${d.ruleSet.id}\u0000${a.item}\u0000${a.tier.id}\u0000${metric}`;
      let g = this.groups.get(key);
      if (!g) {
        g = { ruleSet: d.ruleSet.id, item: a.item, tier: a.tier.id, tierLabel: a.tier.label ?? a.tier.id, metric, cites: [...tierCite(rs, a as PenaltyAssessment), xzcff(rs, 5).text], cases: [] };
        this.groups.set(key, g);
      }
      g.cases.push({ caseId: d.caseId, line: input.line, value: metric === 'multiple' ? dec.fine / (p!.base!.countedAs ?? p!.base!.value) : dec.fine });
    }
    return flags;
  }

  addProblem(line: number, diagnostics: readonly Diagnostic[], caseId?: string): void {
    this.cases++;
    this.problems.push({ line, ...(caseId !== undefined ? { caseId } : {}), diagnostics });
  }

  report(source: string): AuditReport {
    const spreads: AuditSpread[] = [...this.groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, g]) => g)
      .filter((g) => g.cases.length >= 2)
      .map((g) => {
        const values = g.cases.map((x) => x.value);
        const min = Math.min(...values);
        const max = Math.max(...values);
        const ratio = min > 0 ? Math.round((max / min) * 100) / 100 : null;
        const flagged = ratio === null ? max > 0 : ratio > this.spreadLimit;
        const cases = [...g.cases].sort((a, b) => a.value - b.value || a.line - b.line);
        const message = `事项 ${g.item} 阶次「${g.tierLabel}」的 ${cases.length} 件案件，决定罚款${g.metric === 'multiple' ? '（按基数的倍数）' : ''}从${spreadValueText(g.metric, min)}到${spreadValueText(g.metric, max)}，相差 ${ratioText(ratio)} 倍${flagged ? `，超过 ${this.spreadLimit} 倍：同一阶次的类似案件处罚差别过大，请核查` : ''}`;
        return { ruleSet: g.ruleSet, item: g.item, tier: g.tier, tierLabel: g.tierLabel, metric: g.metric, min, max, ratio, flagged, cases, message, cites: g.cites };
      });
    const flags = [...this.flags].sort(
      (a, b) => a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of flags) counts[f.severity]++;
    counts.warning += spreads.filter((s) => s.flagged).length;
    return {
      reportVersion: 1,
      generator: `cailiang ${VERSION}`,
      source,
      spreadLimit: this.spreadLimit,
      cases: this.cases,
      audited: this.audited,
      invalid: this.problems.length,
      counts,
      flags,
      spreads,
      problems: [...this.problems].sort((a, b) => a.line - b.line),
    };
  }
}

/**
 * The audit as JSON: fixed key order, money in fen.
 *
 * @example
 * writeFileSync('audit.json', renderAuditJson(audit.report('decided.ndjson')));
 */
export function renderAuditJson(r: AuditReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

function summaryLine(r: AuditReport): string {
  const mark = r.counts.error > 0 ? '✗' : '✓';
  return `${mark} ${r.source}  审查 ${r.audited} 件：错误 ${r.counts.error} 项，警告 ${r.counts.warning} 项，提示 ${r.counts.info} 项${r.invalid ? `；${r.invalid} 件无法评估` : ''}`;
}

/**
 * One line per flag, `file:line  severity  CODE  case item  message`, the rules
 * on the next line; then spreads and a summary.
 *
 * @example
 * process.stdout.write(renderAuditText(audit.report('decided.ndjson')));
 */
export function renderAuditText(r: AuditReport): string {
  const L: string[] = [];
  for (const f of r.flags) {
    L.push(`${r.source}:${f.line}  ${f.severity}  ${f.code}  ${f.caseId} ${f.item}  ${f.message}`);
    if (f.cites.length) L.push(`    依据：${f.cites.join('；')}`);
  }
  for (const s of r.spreads.filter((x) => x.flagged)) {
    L.push(`${r.source}:${s.cases[0]!.line}  warning  SIMILAR_CASES_SPREAD  ${s.item} ${s.tier}  ${s.message}`);
    L.push(`    案件：${s.cases.map((x) => `${x.caseId}（第 ${x.line} 行，${spreadValueText(s.metric, x.value)}）`).join('、')}`);
    L.push(`    依据：${s.cites.join('；')}`);
  }
  for (const p of r.problems) for (const d of p.diagnostics) L.push(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${d.message}`);
  if (L.length) L.push('');
  L.push(summaryLine(r), '');
  return printableText(L.join('\n'));
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const SEVERITY_TEXT: Record<AuditSeverity, string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * The audit as zh-CN Markdown: summary, flags by severity, 类案不同罚 table,
 * cases that could not be evaluated.
 *
 * @example
 * writeFileSync('audit.md', renderAuditMarkdown(audit.report('decided.ndjson')));
 */
export function renderAuditMarkdown(r: AuditReport): string {
  const L: string[] = [`# 偏离监督：${r.source}`, ''];
  L.push(`审查 ${r.audited} 件已决定案件（共读取 ${r.cases} 件，${r.invalid} 件无法评估）：错误 ${r.counts.error} 项，警告 ${r.counts.warning} 项，提示 ${r.counts.info} 项。`, '');
  L.push('错误为法律不允许的情形（超出法定幅度、应当不予处罚而处罚、应当听证或审核而未进行）；警告为应当说明理由的偏离。', '');
  for (const sev of ['error', 'warning', 'info'] as const) {
    const list = r.flags.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    L.push(`## ${SEVERITY_TEXT[sev]}（${list.length}）`, '', '| 行 | 案件 | 事项 | 问题 | 说明 | 依据 |', '|---:|---|---|---|---|---|');
    for (const f of list) L.push(`| ${f.line} | ${cell(f.caseId)} | ${f.item} | ${AUDIT_TITLE[f.code]} | ${cell(f.message)} | ${cell(f.cites.join('；'))} |`);
    L.push('');
  }
  L.push(`## 类案不同罚（同一事项同一阶次，差别超过 ${r.spreadLimit} 倍即提示）`, '');
  if (r.spreads.length === 0) L.push('没有同一阶次两件以上的罚款决定可比。', '');
  else {
    L.push('| 事项 | 阶次 | 件数 | 最低 | 最高 | 倍数 | 案件 | 结论 |', '|---|---|---:|---:|---:|---:|---|---|');
    for (const s of r.spreads)
      L.push(
        `| ${s.item} | ${cell(s.tierLabel)}（${s.tier}） | ${s.cases.length} | ${spreadValueText(s.metric, s.min)} | ${spreadValueText(s.metric, s.max)} | ${ratioText(s.ratio)} | ${cell(s.cases.map((x) => x.caseId).join('、'))} | ${s.flagged ? '**差别过大**' : '—'} |`,
      );
    L.push('');
  }
  if (r.problems.length > 0) {
    L.push('## 无法评估的案件', '');
    for (const p of r.problems) {
      L.push(`- 第 ${p.line} 行${p.caseId !== undefined ? ` ${p.caseId}` : ''}：`);
      for (const d of p.diagnostics) L.push(`  - \`${d.file}:${d.line}:${d.column} ${d.code} ${d.message.replace(/`/g, "'")}\``);
    }
    L.push('');
  }
  L.push('---', '', '偏离提示供执法监督参考：建议不约束执法人员的裁量，偏离时应在决定书中说明理由。', '');
  return printableText(L.join('\n'));
}
