import { printableText } from './printable.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Channel, Disposition, DispositionGrade, NoPenaltyBasis, Outcome } from '../evaluate/types.js';
import type { RuleSet } from '../load/model.js';
import { VERSION } from '../version.js';
import { formatYuan } from './format.js';
import { BASIS_TEXT, GRADE_TEXT } from './labels.js';

/**
 * Batch statistics for supervisors (执法监督): how many cases came out how,
 * the 721 shares against the rule set's target, what exemptions waived, and
 * which input lines could not be evaluated. The tally keeps counters and small
 * aggregates only — never the cases or their dispositions — so a batch of any
 * size runs in constant memory.
 */

export const CHANNELS: readonly Channel[] = ['service', 'supervision', 'penalty'];
/** The 721 names (服务手段 / 管理手段 / 执法手段). */
export const CHANNEL_SHORT: Record<Channel, string> = { service: '服务类', supervision: '管理类', penalty: '执法类' };
export const OUTCOMES: readonly Outcome[] = ['none', 'penalty', 'undetermined'];
export const OUTCOME_TEXT: Record<Outcome, string> = { none: '不予处罚', penalty: '给予处罚', undetermined: '待定' };

type Counts<K extends string> = Partial<Record<K, number>>;

export interface ChannelShare {
  readonly channel: Channel;
  readonly count: number;
  /** Share in per mille of the cases counted (integer, so every format rounds alike). */
  readonly permille: number;
  readonly targetPermille: number;
  /** permille − targetPermille. */
  readonly gapPermille: number;
  /** The gap in words: 服务类占比 62.0%，低于目标 70% 共 8.0 个百分点. */
  readonly text: string;
}

export interface ChannelGroup {
  readonly ruleSet: string;
  readonly title: string;
  /** Versions of the rule set applied to the cases of this group, sorted. */
  readonly versions: readonly string[];
  readonly target: { readonly service: number; readonly supervision: number; readonly penalty: number };
  /** Cases counted: outcome none or penalty (undetermined cases have no channel yet). */
  readonly cases: number;
  readonly shares: readonly ChannelShare[];
}

export interface ItemRow {
  readonly ruleSet: string;
  readonly item: string;
  readonly name: string;
  readonly total: number;
  readonly none: number;
  readonly penalty: number;
  readonly undetermined: number;
}

export interface BatchProblem {
  /** Line of the input where the case starts. */
  readonly line: number;
  readonly caseId?: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface UndeterminedCase {
  readonly line: number;
  readonly caseId: string;
  readonly item: string;
  readonly missingFacts: readonly string[];
  readonly warnings: readonly string[];
}

export interface BatchSummary {
  readonly reportVersion: 1;
  readonly generator: string;
  /** The input as named on the command line. */
  readonly source: string;
  /** Cases read (non-blank lines, or list entries). */
  readonly cases: number;
  readonly evaluated: number;
  readonly invalid: number;
  readonly outcomes: Record<Outcome, number>;
  /** 不予处罚 by ground. */
  readonly bases: readonly { readonly basis: NoPenaltyBasis; readonly count: number }[];
  /** 给予处罚 by grade. */
  readonly grades: readonly { readonly grade: DispositionGrade; readonly count: number }[];
  readonly items: readonly ItemRow[];
  readonly channels: readonly ChannelGroup[];
  /** 免罚: what exempted cases would otherwise have been fined. */
  readonly exemptions: {
    readonly cases: number;
    /** 应当不予处罚. */
    readonly mandatory: number;
    /** 可以不予处罚. */
    readonly discretionary: number;
    /** Discretionary exemptions with a recommended party fine under `otherwise`, and their sum (fen). */
    readonly withAmount: { readonly cases: number; readonly fineTotal: number };
    /** Exempt cases without such an amount (mandatory grounds, or no recommendation). */
    readonly withoutAmount: number;
  };
  /** Recommended party fines of the cases given a penalty. */
  readonly fines: { readonly cases: number; readonly total: number; readonly withoutAmount: number };
  readonly undetermined: {
    readonly cases: number;
    readonly missingFacts: readonly { readonly fact: string; readonly count: number }[];
    /** The first cases, in input order (at most `limit`). */
    readonly list: readonly UndeterminedCase[];
    readonly omitted: number;
  };
  readonly warnings: readonly { readonly code: string; readonly count: number }[];
  readonly problems: { readonly list: readonly BatchProblem[]; readonly omitted: number };
}

function bump<K extends string>(c: Counts<K>, k: K, n = 1): void {
  c[k] = (c[k] ?? 0) + n;
}

function sorted<K extends string>(c: Counts<K>, order?: readonly K[]): { key: K; count: number }[] {
  const keys = Object.keys(c) as K[];
  if (order) keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  else keys.sort();
  return keys.map((key) => ({ key, count: c[key]! }));
}

function pct(permille: number): string {
  return `${(permille / 10).toFixed(1)}%`;
}

function targetPct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** 服务类占比 62.0%，低于目标 70% 共 8.0 个百分点. */
export function shareText(channel: Channel, permille: number, target: number): string {
  const t = Math.round(target * 1000);
  const gap = permille - t;
  const head = `${CHANNEL_SHORT[channel]}占比 ${pct(permille)}`;
  if (gap === 0) return `${head}，与目标 ${targetPct(target)} 持平`;
  return `${head}，${gap < 0 ? '低于' : '高于'}目标 ${targetPct(target)} 共 ${(Math.abs(gap) / 10).toFixed(1)} 个百分点`;
}

const BASES: readonly NoPenaltyBasis[] = ['time-barred', 'no-longer-illegal', 'under-14', 'incapacity', 'no-fault', 'correction-only', 'minor', 'first-offence', 'other'];
const GRADES: readonly DispositionGrade[] = ['reduced', 'lighter', 'general', 'heavier'];

interface GroupTally {
  ruleSet: string;
  /** Title of each version seen: the report shows the latest one's. */
  titles: Map<string, string>;
  target: ChannelGroup['target'];
  counts: Counts<Channel>;
}

/**
 * What the tally reads of one evaluated case: a few fields of the disposition
 * and of the rule-set version applied, as plain data. Small and cloneable, so
 * `cailiang batch --workers` can send it from a worker thread to the thread
 * that tallies; the single-thread batch goes through it too, so both count
 * exactly alike. Build it with {@link batchCase}.
 */
export interface BatchCase {
  readonly caseId: string;
  readonly ruleSet: { readonly id: string; readonly version: string; readonly title: string };
  readonly item: string;
  /** Name of the item in the version applied ('' when it has none). */
  readonly itemName: string;
  readonly outcome: Outcome;
  readonly channel: Channel;
  /** The version's 721 target (policy.channels.target). */
  readonly target: ChannelGroup['target'];
  readonly basis?: NoPenaltyBasis;
  readonly mandatory: boolean;
  readonly grade?: DispositionGrade;
  /**
   * The party fine: of the penalty given (outcome penalty), or of the one that
   * would otherwise apply (outcome none); absent when there is no such fine.
   */
  readonly fine?: { readonly recommended?: number };
  readonly missingFacts: readonly string[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

// Item names by code, per rule-set version: a case needs its item's name, and
// a scan of the items for every case would cost more than the case itself.
const itemNames = new WeakMap<RuleSet, Map<string, string>>();

function itemName(ruleSet: RuleSet, code: string): string {
  let names = itemNames.get(ruleSet);
  if (!names) {
    names = new Map();
    // The first item of a code wins, as Array.prototype.find would have it.
    for (const i of ruleSet.items) if (!names.has(i.code)) names.set(i.code, i.name);
    itemNames.set(ruleSet, names);
  }
  return names.get(code) ?? '';
}

// What a case says of its rule-set version, one record per version (not one per case).
const versionRecords = new WeakMap<RuleSet, BatchCase['ruleSet']>();

function versionRecord(ruleSet: RuleSet): BatchCase['ruleSet'] {
  let r = versionRecords.get(ruleSet);
  if (!r) versionRecords.set(ruleSet, (r = Object.freeze({ id: ruleSet.id, version: ruleSet.version, title: ruleSet.title })));
  return r;
}

const NO_WARNINGS: BatchCase['warnings'] = Object.freeze([]);

/** The part of a disposition {@link BatchTally} counts. `ruleSet` is the version applied. */
export function batchCase(d: Disposition, ruleSet: RuleSet): BatchCase {
  const fine = (d.outcome === 'none' ? d.otherwise?.penalties : d.outcome === 'penalty' ? d.penalties : undefined)?.find((p) => p.kind === 'fine' && p.target === 'party');
  // The version applied is the disposition's (evaluateInCatalog returns both): its record is shared.
  const version = d.ruleSet.id === ruleSet.id && d.ruleSet.version === ruleSet.version && d.ruleSet.title === ruleSet.title ? versionRecord(ruleSet) : { id: d.ruleSet.id, version: d.ruleSet.version, title: d.ruleSet.title };
  return {
    caseId: d.caseId,
    ruleSet: version,
    item: d.item,
    itemName: itemName(ruleSet, d.item),
    outcome: d.outcome,
    channel: d.channel,
    // Frozen with the rule set: read, never changed (the tally copies it for a group of its own).
    target: ruleSet.policy.channels.target,
    ...(d.basis !== undefined ? { basis: d.basis } : {}),
    mandatory: d.mandatory,
    ...(d.grade !== undefined ? { grade: d.grade } : {}),
    ...(fine ? { fine: fine.recommended !== undefined ? { recommended: fine.recommended } : {} } : {}),
    missingFacts: d.missingFacts,
    warnings: d.warnings.length === 0 ? NO_WARNINGS : d.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

/**
 * Counts dispositions one at a time. Add each case as it is evaluated, then
 * call {@link BatchTally.summary}. Same cases in the same order, same summary.
 *
 * @example
 * const t = new BatchTally();
 * for (const { line, result } of results) t.add(line, result.disposition, result.ruleSet);
 * renderBatchMarkdown(t.summary('cases.ndjson'));
 */
export class BatchTally {
  private cases = 0;
  private evaluated = 0;
  private readonly outcomes: Counts<Outcome> = {};
  private readonly bases: Counts<NoPenaltyBasis> = {};
  private readonly grades: Counts<DispositionGrade> = {};
  // By rule-set id, then item code (nested, not a joined key: no string is built per case).
  private readonly items = new Map<string, Map<string, { ruleSet: string; item: string; name: string; counts: Counts<Outcome> }>>();
  // By rule-set id, then the (few) distinct 721 targets of its versions.
  private readonly groups = new Map<string, GroupTally[]>();
  private exempt = { cases: 0, mandatory: 0, discretionary: 0, withAmount: 0, fineTotal: 0, withoutAmount: 0 };
  private fines = { cases: 0, total: 0, withoutAmount: 0 };
  private undeterminedCount = 0;
  private readonly missing: Counts<string> = {};
  private readonly undeterminedList: UndeterminedCase[] = [];
  private readonly warnings: Counts<string> = {};
  private readonly problems: BatchProblem[] = [];
  private problemCount = 0;

  /** @param limit most undetermined cases and problem lines kept in detail; the rest are counted. */
  constructor(private readonly limit = 1000) {}

  /** A case that was evaluated. `ruleSet` is the version applied. */
  add(line: number, d: Disposition, ruleSet: RuleSet): void {
    this.addCase(line, batchCase(d, ruleSet));
  }

  /** A case that was evaluated, as {@link batchCase} reduced it (e.g. in another thread). */
  addCase(line: number, c: BatchCase): void {
    this.cases++;
    this.evaluated++;
    bump(this.outcomes, c.outcome);
    let byItem = this.items.get(c.ruleSet.id);
    if (!byItem) this.items.set(c.ruleSet.id, (byItem = new Map()));
    let it = byItem.get(c.item);
    if (!it) {
      it = { ruleSet: c.ruleSet.id, item: c.item, name: c.itemName, counts: {} };
      byItem.set(c.item, it);
    }
    bump(it.counts, c.outcome);
    for (const w of c.warnings) bump(this.warnings, w.code);

    if (c.outcome === 'undetermined') {
      this.undeterminedCount++;
      for (const f of c.missingFacts) bump(this.missing, f);
      if (this.undeterminedList.length < this.limit)
        this.undeterminedList.push({
          line,
          caseId: c.caseId,
          item: c.item,
          missingFacts: c.missingFacts,
          warnings: c.warnings.filter((w) => w.code !== 'MISSING_FACTS').map((w) => w.message),
        });
      return;
    }

    // 721: a reporting category per rule set, against that rule set's target.
    const target = c.target;
    let list = this.groups.get(c.ruleSet.id);
    if (!list) this.groups.set(c.ruleSet.id, (list = []));
    let g = list.find((x) => x.target.service === target.service && x.target.supervision === target.supervision && x.target.penalty === target.penalty);
    if (!g) {
      g = { ruleSet: c.ruleSet.id, titles: new Map(), target: { ...target }, counts: {} };
      list.push(g);
    }
    g.titles.set(c.ruleSet.version, c.ruleSet.title);
    bump(g.counts, c.channel);

    if (c.outcome === 'none') {
      bump(this.bases, c.basis ?? 'other');
      this.exempt.cases++;
      if (c.mandatory) this.exempt.mandatory++;
      else this.exempt.discretionary++;
      if (!c.mandatory && c.fine?.recommended !== undefined) {
        this.exempt.withAmount++;
        this.exempt.fineTotal += c.fine.recommended;
      } else this.exempt.withoutAmount++;
    } else {
      bump(this.grades, c.grade ?? 'general');
      if (c.fine?.recommended !== undefined) {
        this.fines.cases++;
        this.fines.total += c.fine.recommended;
      } else if (c.fine) this.fines.withoutAmount++;
    }
  }

  /** A case that could not be evaluated (bad line, bad case, no rule set). */
  addProblem(line: number, diagnostics: readonly Diagnostic[], caseId?: string): void {
    this.cases++;
    this.problemCount++;
    if (this.problems.length < this.limit) this.problems.push({ line, ...(caseId !== undefined ? { caseId } : {}), diagnostics });
  }

  summary(source: string): BatchSummary {
    const outcomes = { none: this.outcomes.none ?? 0, penalty: this.outcomes.penalty ?? 0, undetermined: this.outcomes.undetermined ?? 0 };
    const items = [...this.items.values()]
      .flatMap((byItem) => [...byItem.values()])
      .map((x) => ({
        ruleSet: x.ruleSet,
        item: x.item,
        name: x.name,
        total: (x.counts.none ?? 0) + (x.counts.penalty ?? 0) + (x.counts.undetermined ?? 0),
        none: x.counts.none ?? 0,
        penalty: x.counts.penalty ?? 0,
        undetermined: x.counts.undetermined ?? 0,
      }))
      .sort((a, b) => (a.ruleSet < b.ruleSet ? -1 : a.ruleSet > b.ruleSet ? 1 : a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
    // Ordered as before: by rule-set id, then the target written "service/supervision/penalty".
    const channels = [...this.groups.values()]
      .flat()
      .map((g): [string, GroupTally] => [`${g.ruleSet}\u0000${g.target.service}/${g.target.supervision}/${g.target.penalty}`, g])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, g]) => {
        const cases = CHANNELS.reduce((n, c) => n + (g.counts[c] ?? 0), 0);
        const shares = CHANNELS.map((channel) => {
          const count = g.counts[channel] ?? 0;
          const permille = cases === 0 ? 0 : Math.round((count * 1000) / cases);
          const targetPermille = Math.round(g.target[channel] * 1000);
          return { channel, count, permille, targetPermille, gapPermille: permille - targetPermille, text: shareText(channel, permille, g.target[channel]) };
        });
        const versions = [...g.titles.keys()].sort();
        return { ruleSet: g.ruleSet, title: g.titles.get(versions[versions.length - 1]!)!, versions, target: g.target, cases, shares };
      });
    return {
      reportVersion: 1,
      generator: `cailiang ${VERSION}`,
      source,
      cases: this.cases,
      evaluated: this.evaluated,
      invalid: this.problemCount,
      outcomes,
      bases: sorted(this.bases, BASES).map(({ key, count }) => ({ basis: key, count })),
      grades: sorted(this.grades, GRADES).map(({ key, count }) => ({ grade: key, count })),
      items,
      channels,
      exemptions: {
        cases: this.exempt.cases,
        mandatory: this.exempt.mandatory,
        discretionary: this.exempt.discretionary,
        withAmount: { cases: this.exempt.withAmount, fineTotal: this.exempt.fineTotal },
        withoutAmount: this.exempt.withoutAmount,
      },
      fines: { ...this.fines },
      undetermined: {
        cases: this.undeterminedCount,
        missingFacts: sorted(this.missing)
          .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
          .map(({ key, count }) => ({ fact: key, count })),
        list: [...this.undeterminedList],
        omitted: this.undeterminedCount - this.undeterminedList.length,
      },
      warnings: sorted(this.warnings).map(({ key, count }) => ({ code: key, count })),
      problems: { list: [...this.problems], omitted: this.problemCount - this.problems.length },
    };
  }
}

/**
 * The batch summary as JSON: fixed key order, money in fen, no timestamps.
 *
 * @example
 * writeFileSync('batch.json', renderBatchJson(tally.summary('cases.ndjson')));
 */
export function renderBatchJson(s: BatchSummary): string {
  return JSON.stringify(s, null, 2) + '\n';
}

function share(n: number, of: number): string {
  return of === 0 ? '—' : `${((n * 100) / of).toFixed(1)}%`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** One line per diagnostic, `file:line:col CODE message`. */
export function problemLines(p: BatchProblem): string[] {
  return p.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
}

/** Totals in words, shared by the Markdown and HTML renderers. */
export function batchHeadline(s: BatchSummary): string {
  return `共读取 ${s.cases} 件案件：评估 ${s.evaluated} 件（不予处罚 ${s.outcomes.none} 件，给予处罚 ${s.outcomes.penalty} 件，待定 ${s.outcomes.undetermined} 件），无法评估 ${s.invalid} 件。`;
}

/** The exemption totals in words. */
export function exemptionText(s: BatchSummary): string {
  const e = s.exemptions;
  if (e.cases === 0) return '本批没有不予处罚的案件。';
  return (
    `不予处罚 ${e.cases} 件（应当不予处罚 ${e.mandatory} 件，可以不予处罚 ${e.discretionary} 件）。` +
    `其中 ${e.withAmount.cases} 件可以不予处罚的案件如予处罚，建议罚款合计 ${formatYuan(e.withAmount.fineTotal)}；` +
    `另有 ${e.withoutAmount} 件没有可计算的罚款数额（应当不予处罚，或无建议数额）。`
  );
}

/**
 * The batch summary as zh-CN Markdown: totals, outcomes by ground and grade,
 * the 721 shares against the target with the gap in words, exemption totals,
 * items, undetermined cases and the lines that could not be evaluated.
 *
 * @example
 * console.log(renderBatchMarkdown(tally.summary('cases.ndjson')));
 */
export function renderBatchMarkdown(s: BatchSummary): string {
  const L: string[] = [`# 批量裁量统计：${s.source}`, '', batchHeadline(s), ''];

  L.push('## 处理结果', '', '| 结果 | 件数 | 占比 |', '|---|---:|---:|');
  for (const o of OUTCOMES) L.push(`| ${OUTCOME_TEXT[o]} | ${s.outcomes[o]} | ${share(s.outcomes[o], s.evaluated)} |`);
  L.push('');
  if (s.bases.length > 0) {
    L.push('不予处罚的理由：', '', '| 理由 | 件数 |', '|---|---:|');
    for (const b of s.bases) L.push(`| ${BASIS_TEXT[b.basis]} | ${b.count} |`);
    L.push('');
  }
  if (s.grades.length > 0) {
    L.push('给予处罚的裁量等级：', '', '| 等级 | 件数 |', '|---|---:|');
    for (const g of s.grades) L.push(`| ${GRADE_TEXT[g.grade]} | ${g.count} |`);
    L.push('');
  }
  if (s.fines.cases + s.fines.withoutAmount > 0)
    L.push(`给予处罚的案件中，${s.fines.cases} 件有建议罚款，合计 ${formatYuan(s.fines.total)}${s.fines.withoutAmount ? `；${s.fines.withoutAmount} 件罚款数额由执法人员确定` : ''}。`, '');

  L.push('## “721”工作法占比', '');
  if (s.channels.length === 0) L.push('没有可归类的案件。', '');
  for (const g of s.channels) {
    L.push(`### ${g.title}（${g.ruleSet}${g.versions.length ? ` 版本 ${g.versions.join('、')}` : ''}）`, '');
    L.push(`计入 ${g.cases} 件（不予处罚和给予处罚的案件；待定案件不计入）。`, '');
    L.push('| 类别 | 件数 | 占比 | 目标 | 差距 |', '|---|---:|---:|---:|---:|');
    for (const x of g.shares) L.push(`| ${CHANNEL_SHORT[x.channel]} | ${x.count} | ${pct(x.permille)} | ${x.targetPermille / 10}% | ${x.gapPermille > 0 ? '+' : ''}${(x.gapPermille / 10).toFixed(1)} |`);
    L.push('');
    for (const x of g.shares) L.push(`- ${x.text}`);
    L.push('');
  }
  L.push('“721”是工作目标比例（服务、管理、执法手段），不是对单个案件的要求。', '');

  L.push('## 免罚统计', '', exemptionText(s), '');

  L.push('## 按裁量事项', '', '| 裁量基准 | 事项 | 名称 | 件数 | 不予处罚 | 给予处罚 | 待定 |', '|---|---|---|---:|---:|---:|---:|');
  for (const r of s.items) L.push(`| ${r.ruleSet} | ${r.item} | ${cell(r.name)} | ${r.total} | ${r.none} | ${r.penalty} | ${r.undetermined} |`);
  L.push('');

  if (s.undetermined.cases > 0) {
    L.push('## 待定案件', '', `${s.undetermined.cases} 件无法确定处罚，需补充事实或核查基准。`, '');
    if (s.undetermined.missingFacts.length > 0) L.push(`缺少的事实：${s.undetermined.missingFacts.map((m) => `${m.fact}（${m.count} 件）`).join('、')}。`, '');
    for (const u of s.undetermined.list)
      L.push(`- 第 ${u.line} 行 ${u.caseId}（${u.item}）：${u.missingFacts.length ? `缺少 ${u.missingFacts.join('、')}` : u.warnings.join('；') || '无法确定'}`);
    if (s.undetermined.omitted > 0) L.push(`- 另有 ${s.undetermined.omitted} 件未列出`);
    L.push('');
  }

  if (s.warnings.length > 0) {
    L.push('## 提示统计', '', '| 提示 | 件数 |', '|---|---:|');
    for (const w of s.warnings) L.push(`| ${w.code} | ${w.count} |`);
    L.push('');
  }

  L.push('## 无法评估的案件', '');
  if (s.invalid === 0) L.push('无。', '');
  else {
    L.push(`${s.invalid} 件无法评估（其余案件照常统计）：`, '');
    for (const p of s.problems.list) {
      L.push(`- 第 ${p.line} 行${p.caseId !== undefined ? ` ${p.caseId}` : ''}：`);
      for (const t of problemLines(p)) L.push(`  - \`${t.replace(/`/g, "'")}\``);
    }
    if (s.problems.omitted > 0) L.push(`- 另有 ${s.problems.omitted} 件未列出`);
    L.push('');
  }
  L.push('---', '', '本统计依据已公布的裁量基准对每件案件的建议生成，供执法监督参考。', '');
  return printableText(L.join('\n'));
}
