import type { Case, Disposition, Penalty, PenaltyAssessment, TraceEntry, UndeterminedReason } from '../evaluate/types.js';
import type { RuleSet } from '../load/model.js';
import { factScope } from '../load/loadCase.js';
import { factValueText, formatYuan } from './format.js';
import { BASIS_TEXT, CHANNEL_TEXT, GRADE_TEXT, PENALTY_TEXT, STATUS_MARK, STEP_TEXT } from './labels.js';

/**
 * The case report as a model: the sections every format shows, in order, with
 * their text already worded. Markdown and HTML render this one model, so the
 * two can never say different things.
 */

/** A run of text; `strong` is the part a reader must not miss (the outcome, the amount). */
export type Inline = string | { readonly strong: string };

/** One list entry: `label：value`, or a bare value. */
export interface Entry {
  /** Trace status, shown before the label (【适用】…). */
  readonly status?: TraceEntry['status'];
  readonly label?: string;
  readonly value: readonly Inline[];
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: readonly Inline[] }
  /** `tight`: follows the previous block without a blank line (Markdown). */
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start?: number; readonly tight?: boolean; readonly entries: readonly Entry[] };

export type SectionId = 'facts' | 'rules' | 'conclusion' | 'basis' | 'trace' | 'missing' | 'warnings';

export interface Section {
  readonly id: SectionId;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface CaseReport {
  readonly title: string;
  readonly caseId: string;
  readonly outcome: Disposition['outcome'];
  readonly sections: readonly Section[];
  /** This is advice; the organ decides. */
  readonly closing: string;
  readonly ruleSet: { readonly id: string; readonly version: string; readonly hash: string; readonly title: string };
}

/** Section titles, in report order. */
export const SECTION_TITLE: Record<SectionId, string> = {
  facts: '案件事实',
  rules: '适用的裁量事项与阶次',
  conclusion: '裁量结论',
  basis: '法律依据',
  trace: '推理过程',
  missing: '需补充的事实',
  warnings: '提示',
};

export const CLOSING = '本建议依据已公布的裁量基准生成，供执法人员裁量参考；处罚决定由行政机关依法作出。';

function penaltyEntry(p: Penalty): Entry {
  const who = p.target === 'responsible' ? '对直接负责的主管人员和其他直接责任人员' : '';
  if (p.kind === 'fine') {
    const stat = p.statutory ? `（法定幅度${formatYuan(p.statutory.min)}至${formatYuan(p.statutory.max)}）` : '';
    const range = p.range ? `裁量幅度${formatYuan(p.range.min)}至${formatYuan(p.range.max)}` : '';
    const tail = `${stat}${p.optional ? '；法律规定为“可以”处罚款' : ''}`;
    const value: Inline[] =
      p.recommended !== undefined
        ? [`${range}，建议罚款`, { strong: formatYuan(p.recommended) }, tail]
        : [`${range ? `${range}，` : ''}${p.note ?? '数额由执法人员确定'}${tail}`];
    return { label: `${who}罚款`, value };
  }
  if (p.kind === 'confiscateGains')
    return { value: [`没收违法所得${p.recommended !== undefined ? `：${formatYuan(p.recommended)}` : `（${p.note ?? '数额待查明'}）`}`] };
  return { value: [`${who}${PENALTY_TEXT[p.kind]}`] };
}

/** An entry as one line of plain text. */
function plainEntry(e: Entry): string {
  const text = e.value.map((v) => (typeof v === 'string' ? v : v.strong)).join('');
  return e.label ? `${e.label}${text.startsWith('（') ? '' : ' '}${text}` : text;
}

function assessmentEntries(a: PenaltyAssessment): Entry[] {
  return [
    { label: '裁量等级', value: [`${GRADE_TEXT[a.grade]}${a.tier ? `；阶次：${a.tier.label ?? a.tier.id}` : ''}`] },
    ...a.penalties.map(penaltyEntry),
  ];
}

const list = (entries: readonly Entry[], extra: { ordered?: boolean; tight?: boolean } = {}): Block => ({
  kind: 'list',
  ordered: extra.ordered ?? false,
  ...(extra.tight ? { tight: true } : {}),
  entries,
});
const entry = (label: string, value: string): Entry => ({ label, value: [value] });

/**
 * Builds the report model of one case: 案件事实, 适用的裁量事项与阶次, 裁量结论,
 * 法律依据, 推理过程, 需补充的事实 and 提示, and the closing reminder that this
 * is advice for the officer's decision.
 *
 * @example
 * const model = caseReport(d, ruleSet, c);
 * model.sections.map((s) => s.title); // ['案件事实', '适用的裁量事项与阶次', '裁量结论', '法律依据', ...]
 */
export function caseReport(d: Disposition, rs: RuleSet, c: Case): CaseReport {
  const sections: Section[] = [];
  const item = rs.items.find((i) => i.code === d.item);
  const scope = factScope(rs, c.items);

  // 案件事实
  const party =
    c.party.kind === 'person'
      ? `个人${c.party.name ? `（${c.party.name}）` : ''}${c.party.age !== undefined ? `，${c.party.birthDate ? `${c.party.birthDate}出生，行为时` : ''}${c.party.age}周岁` : ''}${c.party.capacity === 'partial' ? '，尚未完全丧失辨认或者控制能力' : c.party.capacity === 'none' ? '，不能辨认或者控制自己行为' : ''}`
      : `单位${c.party.name ? `（${c.party.name}）` : ''}`;
  const facts: Entry[] = [entry('当事人', party)];
  for (const code of c.items) facts.push(entry('违法行为', `${code} ${rs.items.find((i) => i.code === code)?.name ?? ''}`));
  facts.push(
    entry(
      '违法行为发生',
      `${c.dates.act}${c.dates.actEnd ? `，终了：${c.dates.actEnd}` : c.dates.ongoing ? '，仍在继续' : ''}；发现：${c.dates.discovered ?? '未提供'}；决定：${c.dates.decision ?? '未提供'}`,
    ),
  );
  for (const [name, v] of Object.entries(c.facts)) {
    const def = scope.get(name);
    facts.push(entry(def?.label ?? name, factValueText(def, v)));
  }
  if (c.circumstances.length > 0) facts.push(entry('情节', c.circumstances.map((n) => rs.circumstances[n]?.label ?? n).join('；')));
  if (c.history.length > 0) facts.push(entry('违法记录', c.history.map((h) => `${h.date} ${h.item}`).join('；')));
  sections.push({ id: 'facts', title: SECTION_TITLE.facts, blocks: [list(facts)] });

  // 适用的裁量事项与阶次
  // The version applied is the disposition's: rs is the one the case was read under, another
  // version when the act is no longer illegal under the later one (Art. 37).
  const applied = d.ruleSet;
  const document = applied.hash === rs.hash ? rs.document : undefined;
  const rules: Entry[] = [
    d.statuteOnly
      ? entry('裁量基准', `违法行为发生时${applied.title}（${applied.id}）没有施行的版本；仅依法律规定的处罚幅度和法定情节（法定处罚模型取自版本 ${applied.version}）`)
      : entry('裁量基准', `${applied.title}（${applied.id} 版本 ${applied.version}${document ? `，${document}` : ''}）`),
  ];
  if (d.timeRule) {
    const t = d.timeRule;
    rules.push(
      entry(
        '适用版本（从旧兼从轻）',
        `行为时版本 ${t.atAct.version}，决定时版本 ${t.atDecision.version}；适用${t.applied === 'act' ? '行为时' : '决定时'}的版本——${t.reason}`,
      ),
    );
  }
  rules.push(
    entry('裁量事项', `${d.item} ${item?.name ?? ''}${d.concurrent.length ? `（同时违反 ${d.concurrent.join('、')}，按罚款数额高的规定处罚）` : ''}`),
  );
  const clause = item?.clauses.find((cl) => cl.id === (d.clause ?? d.otherwise?.clause));
  if (clause && item!.clauses.length > 1) rules.push(entry('法定处罚条款', clause.label ?? clause.id));
  const tier = d.tier ?? d.otherwise?.tier;
  if (tier) rules.push(entry('裁量阶次', `${tier.label ?? tier.id}（${tier.id}）`));
  for (const l of d.lists) rules.push(entry('清单', `${l.label ?? l.id}（${l.source ?? l.id}）`));
  sections.push({ id: 'rules', title: SECTION_TITLE.rules, blocks: [list(rules)] });

  // 裁量结论
  const conclusion: Block[] = [];
  if (d.outcome === 'none') {
    conclusion.push({ kind: 'paragraph', text: [{ strong: d.mandatory ? '不予行政处罚' : '可以不予行政处罚' }, `：${BASIS_TEXT[d.basis ?? 'other']}。`] });
    if (d.otherwise) {
      conclusion.push({ kind: 'paragraph', text: ['如不适用不予处罚，建议：'] }, list(assessmentEntries(d.otherwise)));
    }
  } else if (d.outcome === 'penalty') {
    conclusion.push(
      { kind: 'paragraph', text: [{ strong: `给予行政处罚，${GRADE_TEXT[d.grade ?? 'general']}` }, `${d.mandatory ? (d.grade === 'reduced' ? '（依法应当减轻）' : d.grade === 'heavier' ? '（依法应当从重）' : '（依法应当从轻或者减轻）') : ''}。`] },
      list(d.penalties.map(penaltyEntry)),
    );
  } else {
    const steps = d.undetermined ?? [];
    conclusion.push({ kind: 'paragraph', text: [{ strong: '暂无法确定处罚' }, steps.length ? '：' : '：缺少决定处罚幅度或阶次的事实，或者裁量基准存在问题，见下文。'] });
    if (steps.length) conclusion.push(list(steps.map((u) => entry(UNDETERMINED_TEXT[u.reason], u.message))));
    if (d.readings?.length) {
      conclusion.push({ kind: 'paragraph', text: ['分别情形：'] });
      conclusion.push(
        list(
          d.readings.map((r) =>
            entry(
              r.if,
              r.outcome === 'none'
                ? `${r.mandatory ? '不予行政处罚' : '可以不予行政处罚'}（${BASIS_TEXT[r.basis ?? 'other']}）`
                : r.outcome === 'penalty'
                  ? `给予行政处罚，${GRADE_TEXT[r.grade ?? 'general']}${r.penalties.length ? '：' + r.penalties.map((p) => plainEntry(penaltyEntry(p))).join('；') : ''}`
                  : '仍无法确定',
            ),
          ),
        ),
      );
    }
  }
  const after: Entry[] = d.measures.map((m) => ({ value: [m.text] }));
  const flags = [
    d.procedure.simple ? '可以适用简易程序' : '适用普通程序',
    d.procedure.hearing ? '应当告知听证权利' : '',
    d.procedure.legalReview ? '应当进行法制审核' : '',
    d.procedure.collective ? '应当集体讨论决定' : '',
  ].filter(Boolean);
  if (d.outcome === 'penalty') after.push(entry('程序', flags.join('；')));
  after.push(entry('“721”工作法归类', CHANNEL_TEXT[d.channel]));
  conclusion.push(list(after));
  sections.push({ id: 'conclusion', title: SECTION_TITLE.conclusion, blocks: conclusion });

  // 法律依据
  const basis: Block[] = [
    list(
      [
        ...d.citations.map((ci) => ({ value: [ci.text] })),
        ...(tier ? [{ value: [`${rs.title} ${tier.item ?? ''} 阶次「${tier.label ?? tier.id}」`] }] : []),
      ],
      { ordered: true },
    ),
  ];
  if (d.lists.length > 0) basis.push(list(d.lists.map((l) => entry('清单', l.source ?? l.id)), { tight: true }));
  sections.push({ id: 'basis', title: SECTION_TITLE.basis, blocks: basis });

  // 推理过程
  if (d.trace.length > 0) {
    sections.push({
      id: 'trace',
      title: SECTION_TITLE.trace,
      blocks: [list(d.trace.map((t) => ({ status: t.status, label: STEP_TEXT[t.step], value: [t.message] })), { ordered: true })],
    });
  }

  // 需补充的事实
  if (d.missingFacts.length > 0) {
    const entries = d.missingFacts.map((f) => {
      const def = scope.get(f);
      return { value: [def?.label ? `${def.label}（${f}）` : f === 'dates.discovered' ? '发现违法行为的日期（dates.discovered）' : f] };
    });
    sections.push({ id: 'missing', title: SECTION_TITLE.missing, blocks: [list(entries)] });
  }

  // 提示 (missing facts are already listed above)
  const warnings = d.warnings.filter((w) => w.code !== 'MISSING_FACTS' || d.missingFacts.length === 0);
  if (warnings.length > 0) sections.push({ id: 'warnings', title: SECTION_TITLE.warnings, blocks: [list(warnings.map((w) => ({ value: [w.message] })))] });

  return {
    title: `行政处罚裁量建议：案件 ${c.id}`,
    caseId: c.id,
    outcome: d.outcome,
    sections,
    closing: CLOSING,
    ruleSet: { id: applied.id, version: applied.version, hash: applied.hash, title: applied.title },
  };
}

const UNDETERMINED_TEXT: Record<UndeterminedReason, string> = {
  contradiction: '事实矛盾',
  'missing-facts': '缺少事实',
  'missing-date': '缺少日期',
  'benchmark-gap': '基准空档或重叠',
  'exemption-open': '可能不予处罚',
  versions: '新旧规定未能比较',
};

/** The status mark of a trace entry as printed: 【适用】. */
export function statusMark(s: TraceEntry['status']): string {
  return STATUS_MARK[s];
}
