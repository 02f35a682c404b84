import type { Case, Disposition, Penalty, PenaltyAssessment } from '../evaluate/types.js';
import type { FactDef, RuleSet, ScalarValue } from '../load/model.js';
import { factScope } from '../load/loadCase.js';
import { formatYuan } from './format.js';
import { BASIS_TEXT, CHANNEL_TEXT, GRADE_TEXT, PENALTY_TEXT, STATUS_MARK, STEP_TEXT } from './labels.js';

const DAY_MS = 86_400_000;

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A fact value for people, in the unit it was written in. */
export function factValueText(def: FactDef | undefined, v: ScalarValue): string {
  if (!def) return String(v);
  switch (def.type) {
    case 'money':
      return formatYuan(v as number);
    case 'boolean':
      return v ? '是' : '否';
    case 'enum':
      return def.valueLabels?.[v as string] ?? String(v);
    case 'ratio':
      return `${Math.round((v as number) * 10000) / 100}%`;
    case 'date':
      return dateOf(v as number);
    case 'duration': {
      const m = v as number;
      return m % 1440 === 0 ? `${m / 1440}日` : m % 60 === 0 ? `${m / 60}小时` : `${m}分钟`;
    }
    default:
      return `${v}${def.unit ?? ''}`;
  }
}

function penaltyLine(p: Penalty): string {
  const who = p.target === 'responsible' ? '对直接负责的主管人员和其他直接责任人员' : '';
  if (p.kind === 'fine') {
    const stat = p.statutory ? `（法定幅度${formatYuan(p.statutory.min)}至${formatYuan(p.statutory.max)}）` : '';
    const range = p.range ? `裁量幅度${formatYuan(p.range.min)}至${formatYuan(p.range.max)}` : '';
    const rec = p.recommended !== undefined ? `，建议罚款**${formatYuan(p.recommended)}**` : `，${p.note ?? '数额由执法人员确定'}`;
    return `${who}罚款：${range}${rec}${stat}${p.optional ? '；法律规定为“可以”处罚款' : ''}`;
  }
  if (p.kind === 'confiscateGains')
    return `没收违法所得${p.recommended !== undefined ? `：${formatYuan(p.recommended)}` : `（${p.note ?? '数额待查明'}）`}`;
  return `${who}${PENALTY_TEXT[p.kind]}`;
}

function assessmentLines(a: PenaltyAssessment): string[] {
  const lines = [`- 裁量等级：${GRADE_TEXT[a.grade]}${a.tier ? `；阶次：${a.tier.label ?? a.tier.id}` : ''}`];
  for (const p of a.penalties) lines.push(`- ${penaltyLine(p)}`);
  return lines;
}

/**
 * The zh-CN Markdown report of one case: 案件事实, 适用规则, 裁量结论, 法律依据,
 * 推理过程, 需补充的事实, and the reminder that it is advice for the officer.
 */
export function renderDispositionMarkdown(d: Disposition, rs: RuleSet, c: Case): string {
  const L: string[] = [];
  const item = rs.items.find((i) => i.code === d.item);
  L.push(`# 行政处罚裁量建议：案件 ${c.id}`, '');

  L.push('## 案件事实', '');
  const party =
    c.party.kind === 'person'
      ? `个人${c.party.name ? `（${c.party.name}）` : ''}${c.party.age !== undefined ? `，${c.party.age}周岁` : ''}${c.party.capacity === 'partial' ? '，尚未完全丧失辨认或者控制能力' : c.party.capacity === 'none' ? '，不能辨认或者控制自己行为' : ''}`
      : `单位${c.party.name ? `（${c.party.name}）` : ''}`;
  L.push(`- 当事人：${party}`);
  for (const code of c.items) {
    const it = rs.items.find((i) => i.code === code);
    L.push(`- 违法行为：${code} ${it?.name ?? ''}`);
  }
  L.push(
    `- 违法行为发生：${c.dates.act}${c.dates.actEnd ? `，终了：${c.dates.actEnd}` : ''}；发现：${c.dates.discovered ?? '未提供'}；决定：${c.dates.decision ?? '未提供'}`,
  );
  const scope = factScope(rs, c.items);
  for (const [name, v] of Object.entries(c.facts)) {
    const def = scope.get(name);
    L.push(`- ${def?.label ?? name}：${factValueText(def, v)}`);
  }
  if (c.circumstances.length > 0)
    L.push(`- 情节：${c.circumstances.map((n) => rs.circumstances[n]?.label ?? n).join('；')}`);
  if (c.history.length > 0) L.push(`- 违法记录：${c.history.map((h) => `${h.date} ${h.item}`).join('；')}`);
  L.push('');

  L.push('## 适用的裁量事项与阶次', '');
  L.push(`- 裁量基准：${rs.title}（${rs.id} 版本 ${rs.version}${rs.document ? `，${rs.document}` : ''}）`);
  if (d.timeRule) {
    const t = d.timeRule;
    L.push(`- 适用版本（从旧兼从轻）：行为时版本 ${t.atAct.version}，决定时版本 ${t.atDecision.version}；适用${t.applied === 'act' ? '行为时' : '决定时'}的版本——${t.reason}`);
  }
  L.push(`- 裁量事项：${d.item} ${item?.name ?? ''}${d.concurrent.length ? `（同时违反 ${d.concurrent.join('、')}，按罚款数额高的规定处罚）` : ''}`);
  const clause = item?.clauses.find((cl) => cl.id === (d.clause ?? d.otherwise?.clause));
  if (clause && item!.clauses.length > 1) L.push(`- 法定处罚条款：${clause.label ?? clause.id}`);
  const tier = d.tier ?? d.otherwise?.tier;
  if (tier) L.push(`- 裁量阶次：${tier.label ?? tier.id}（${tier.id}）`);
  for (const l of d.lists) L.push(`- 清单：${l.label ?? l.id}（${l.source ?? l.id}）`);
  L.push('');

  L.push('## 裁量结论', '');
  if (d.outcome === 'none') {
    L.push(`**${d.mandatory ? '不予行政处罚' : '可以不予行政处罚'}**：${BASIS_TEXT[d.basis ?? 'other']}。`, '');
    if (d.otherwise) {
      L.push('如不适用不予处罚，建议：', '', ...assessmentLines(d.otherwise), '');
    }
  } else if (d.outcome === 'penalty') {
    L.push(`**给予行政处罚，${GRADE_TEXT[d.grade ?? 'general']}**${d.mandatory ? '（依法应当从轻或者减轻）' : ''}。`, '');
    for (const p of d.penalties) L.push(`- ${penaltyLine(p)}`);
    L.push('');
  } else {
    L.push('**暂无法确定处罚**：缺少决定处罚幅度或阶次的事实，或者裁量基准存在问题，见下文。', '');
  }
  for (const m of d.measures) L.push(`- ${m.text}`);
  const flags = [
    d.procedure.simple ? '可以适用简易程序' : '适用普通程序',
    d.procedure.hearing ? '应当告知听证权利' : '',
    d.procedure.legalReview ? '应当进行法制审核' : '',
    d.procedure.collective ? '应当集体讨论决定' : '',
  ].filter(Boolean);
  if (d.outcome === 'penalty') L.push(`- 程序：${flags.join('；')}`);
  L.push(`- “721”工作法归类：${CHANNEL_TEXT[d.channel]}`, '');

  L.push('## 法律依据', '');
  d.citations.forEach((ci, i) => L.push(`${i + 1}. ${ci.text}`));
  if (tier) L.push(`${d.citations.length + 1}. ${rs.title} ${tier.item ?? ''} 阶次「${tier.label ?? tier.id}」`);
  for (const l of d.lists) L.push(`- 清单：${l.source ?? l.id}`);
  L.push('');

  if (d.trace.length > 0) {
    L.push('## 推理过程', '');
    d.trace.forEach((t, i) => L.push(`${i + 1}. ${STATUS_MARK[t.status]}${STEP_TEXT[t.step]}：${t.message}`));
    L.push('');
  }

  if (d.missingFacts.length > 0) {
    L.push('## 需补充的事实', '');
    for (const f of d.missingFacts) {
      const def = scope.get(f);
      L.push(`- ${def?.label ? `${def.label}（${f}）` : f === 'dates.discovered' ? '发现违法行为的日期（dates.discovered）' : f}`);
    }
    L.push('');
  }
  if (d.warnings.some((w) => w.code !== 'MISSING_FACTS' || d.missingFacts.length === 0)) {
    L.push('## 提示', '');
    for (const w of d.warnings) if (w.code !== 'MISSING_FACTS' || d.missingFacts.length === 0) L.push(`- ${w.message}`);
    L.push('');
  }
  L.push('---', '', '本建议依据已公布的裁量基准生成，供执法人员裁量参考；处罚决定由行政机关依法作出。', '');
  L.push(`<sub>裁量基准 ${rs.id} ${rs.version} · sha256 ${rs.hash.slice(0, 16)}</sub>`, '');
  return L.join('\n');
}
