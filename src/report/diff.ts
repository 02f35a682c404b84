import { printableText } from './printable.js';
import type { FineModel, Item, ListEntry, PenaltyClause, RuleSet, Tier } from '../load/model.js';
import { VERSION } from '../version.js';
import { conditionText, renderScope } from './condition-text.js';
import { citationText, fineText, formatYuan, tierRangeText } from './format.js';
import { PENALTY_TEXT } from './labels.js';

/** One difference between two rule sets. */
export interface Change {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly area: 'identity' | 'policy' | 'law' | 'fact' | 'item' | 'clause' | 'tier' | 'list';
  /** Stable key, e.g. "DLYS-63-FREIGHT/tier/ordinary-general". */
  readonly key: string;
  readonly field?: string;
  readonly before?: string;
  readonly after?: string;
}

export interface RuleSetDiff {
  readonly reportVersion: 1;
  readonly generator: string;
  readonly old: { readonly id: string; readonly version: string; readonly hash: string };
  readonly new: { readonly id: string; readonly version: string; readonly hash: string };
  readonly changes: readonly Change[];
}

type Fields = Record<string, string | undefined>;

function compare(out: Change[], area: Change['area'], key: string, a: Fields, b: Fields): void {
  for (const field of Object.keys({ ...a, ...b })) {
    if (a[field] !== b[field]) out.push({ kind: 'changed', area, key, field, ...(a[field] !== undefined ? { before: a[field] } : {}), ...(b[field] !== undefined ? { after: b[field] } : {}) });
  }
}

function byKey<T>(list: readonly T[], key: (x: T) => string): Map<string, T> {
  return new Map(list.map((x) => [key(x), x]));
}

function keysOf(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}

function fine(f: FineModel | undefined): string | undefined {
  return f ? fineText(f) : undefined;
}

function itemFields(rs: RuleSet, i: Item): Fields {
  return {
    名称: i.name,
    违法依据: i.violates.map((c) => citationText(c, rs.laws)).join('；'),
    处罚依据: i.penalizedBy.map((c) => citationText(c, rs.laws)).join('；'),
    命中规则: i.hitPolicy,
    兜底阶次: i.fallback,
    事实: Object.values(i.facts).map((f) => `${f.name}:${f.type}`).sort().join('、') || undefined,
  };
}

function clauseFields(rs: RuleSet, item: Item, c: PenaltyClause): Fields {
  const scope = renderScope(rs, [item.code]);
  return {
    名称: c.label,
    条件: c.when ? conditionText(c.when, scope) : c.otherwise ? '其他情形' : undefined,
    处罚种类: c.kinds.map((k) => PENALTY_TEXT[k]).join('、'),
    罚款: fine(c.fine),
    可以处: c.optional ? '是' : undefined,
    责任人员罚款: fine(c.responsibleFine),
    罚款条件: c.fineOnlyIf ? (rs.circumstances[c.fineOnlyIf]?.label ?? c.fineOnlyIf) : undefined,
    依据: c.cites.map((x) => citationText(x, rs.laws)).join('；') || undefined,
  };
}

function tierFields(rs: RuleSet, item: Item, t: Tier): Fields {
  const scope = renderScope(rs, [item.code]);
  return {
    名称: t.label,
    等级: t.grade,
    条件: t.when ? conditionText(t.when, scope) : undefined,
    法定条款: t.branch,
    幅度: t.range ? tierRangeText(t.range) : undefined,
    责任人员幅度: t.responsibleAmount ? `${formatYuan(t.responsibleAmount.min)}至${formatYuan(t.responsibleAmount.max)}` : undefined,
    处罚种类: t.kinds?.map((k) => PENALTY_TEXT[k]).join('、'),
  };
}

function listFields(rs: RuleSet, e: ListEntry): Fields {
  const scope = renderScope(rs, e.items);
  return {
    类型: e.kind,
    理由: e.basis,
    名称: e.title,
    事项: e.items.join('、'),
    条件: e.when ? conditionText(e.when, scope) : undefined,
    排除情形: e.unless ? conditionText(e.unless, scope) : undefined,
    回溯期: e.lookBack?.window,
    裁量性质: e.discretionary ? '可以' : '应当',
    依据: e.cites.map((x) => citationText(x, rs.laws)).join('；'),
    来源: `${e.source.document}${e.source.entry !== undefined ? ` 第${e.source.entry}项` : ''}`,
  };
}

function policyFields(rs: RuleSet): Fields {
  const p = rs.policy;
  const scope = renderScope(rs);
  return {
    从轻一般从重划分: `${p.split[0]} / ${p.split[1]}`,
    建议取值: p.point,
    取整: formatYuan(p.rounding),
    减轻下限: p.reducedFloor === null ? '未设定' : formatYuan(p.reducedFloor),
    首违回溯期: p.firstOffenceWindow,
    审查周期: p.staleAfter,
    命中规则: p.hitPolicy,
    听证较大数额: p.hearing ? `个人${formatYuan(p.hearing.person)}；单位${formatYuan(p.hearing.organization)}` : '未设定',
    简易程序上限: `个人${formatYuan(p.simpleProcedure.person)}；单位${formatYuan(p.simpleProcedure.organization)}`,
    追责时效: `${p.limitation.general} / ${p.limitation.extended}`,
    '721目标': `${p.channels.target.service} / ${p.channels.target.supervision} / ${p.channels.target.penalty}`,
    法制审核条件: p.legalReview ? conditionText(p.legalReview, scope) : undefined,
    集体讨论条件: p.collective ? conditionText(p.collective, scope) : undefined,
  };
}

/**
 * What changed between two versions of a rule set (or two rule sets): identity,
 * policy, laws, facts, items with their statutory clauses and tiers, list
 * entries. Stable order, readable values (money in yuan, conditions in zh-CN).
 */
export function diffRuleSets(a: RuleSet, b: RuleSet): RuleSetDiff {
  const out: Change[] = [];
  compare(out, 'identity', 'ruleSet', {
    编号: a.id, 版本: a.version, 标题: a.title, 制定机关: a.issuer, 文号: a.document ?? undefined,
    施行: `${a.effective.from} 至 ${a.effective.to ?? '…'}`, 审查日期: a.reviewed,
  }, {
    编号: b.id, 版本: b.version, 标题: b.title, 制定机关: b.issuer, 文号: b.document ?? undefined,
    施行: `${b.effective.from} 至 ${b.effective.to ?? '…'}`, 审查日期: b.reviewed,
  });
  compare(out, 'policy', 'policy', policyFields(a), policyFields(b));
  const lawsA = new Map(Object.entries(a.laws));
  const lawsB = new Map(Object.entries(b.laws));
  for (const k of keysOf(lawsA, lawsB)) {
    const x = lawsA.get(k);
    const y = lawsB.get(k);
    const f = (l: typeof x) => (l ? `${l.title}（${l.version}${l.repealed ? `，${l.repealed} 失效` : ''}）` : undefined);
    if (!x) out.push({ kind: 'added', area: 'law', key: k, after: f(y) });
    else if (!y) out.push({ kind: 'removed', area: 'law', key: k, before: f(x) });
    else compare(out, 'law', k, { 法律: f(x), 条文数: x.articles?.toString() }, { 法律: f(y), 条文数: y.articles?.toString() });
  }
  const factsA = new Map(Object.entries(a.facts));
  const factsB = new Map(Object.entries(b.facts));
  for (const k of keysOf(factsA, factsB)) {
    const x = factsA.get(k);
    const y = factsB.get(k);
    if (!x) out.push({ kind: 'added', area: 'fact', key: k, after: y!.type });
    else if (!y) out.push({ kind: 'removed', area: 'fact', key: k, before: x.type });
    else compare(out, 'fact', k, { 类型: x.type, 名称: x.label }, { 类型: y.type, 名称: y.label });
  }
  const itemsA = byKey(a.items, (i) => i.code);
  const itemsB = byKey(b.items, (i) => i.code);
  for (const code of keysOf(itemsA, itemsB)) {
    const x = itemsA.get(code);
    const y = itemsB.get(code);
    if (!x) {
      out.push({ kind: 'added', area: 'item', key: code, after: y!.name });
      continue;
    }
    if (!y) {
      out.push({ kind: 'removed', area: 'item', key: code, before: x.name });
      continue;
    }
    compare(out, 'item', code, itemFields(a, x), itemFields(b, y));
    const clA = byKey(x.clauses, (c) => c.id);
    const clB = byKey(y.clauses, (c) => c.id);
    for (const id of keysOf(clA, clB)) {
      const p = clA.get(id);
      const q = clB.get(id);
      const key = `${code}/clause/${id}`;
      const summary = (rs: RuleSet, c: PenaltyClause) => `${c.label ?? c.id}：${c.fine ? fineText(c.fine) : c.kinds.map((k) => PENALTY_TEXT[k]).join('、')}`;
      if (!p) out.push({ kind: 'added', area: 'clause', key, after: summary(b, q!) });
      else if (!q) out.push({ kind: 'removed', area: 'clause', key, before: summary(a, p) });
      else compare(out, 'clause', key, clauseFields(a, x, p), clauseFields(b, y, q));
    }
    const tA = byKey(x.tiers, (t) => t.id);
    const tB = byKey(y.tiers, (t) => t.id);
    for (const id of keysOf(tA, tB)) {
      const p = tA.get(id);
      const q = tB.get(id);
      const key = `${code}/tier/${id}`;
      const summary = (t: Tier) => `${t.label ?? t.id}${t.range ? `：${tierRangeText(t.range)}` : ''}`;
      if (!p) out.push({ kind: 'added', area: 'tier', key, after: summary(q!) });
      else if (!q) out.push({ kind: 'removed', area: 'tier', key, before: summary(p) });
      else compare(out, 'tier', key, tierFields(a, x, p), tierFields(b, y, q));
    }
  }
  const lA = byKey(a.lists, (e) => e.id);
  const lB = byKey(b.lists, (e) => e.id);
  for (const id of keysOf(lA, lB)) {
    const p = lA.get(id);
    const q = lB.get(id);
    if (!p) out.push({ kind: 'added', area: 'list', key: id, after: q!.title ?? id });
    else if (!q) out.push({ kind: 'removed', area: 'list', key: id, before: p.title ?? id });
    else compare(out, 'list', id, listFields(a, p), listFields(b, q));
  }
  return {
    reportVersion: 1,
    generator: `cailiang ${VERSION}`,
    old: { id: a.id, version: a.version, hash: a.hash },
    new: { id: b.id, version: b.version, hash: b.hash },
    changes: out,
  };
}

const AREA: Record<Change['area'], string> = {
  identity: '基本信息',
  policy: '裁量政策',
  law: '法律',
  fact: '事实',
  item: '裁量事项',
  clause: '法定处罚条款',
  tier: '裁量阶次',
  list: '清单',
};
const KIND: Record<Change['kind'], string> = { added: '新增', removed: '删除', changed: '修改' };

/** The diff as zh-CN Markdown, grouped by area, for reading a rule-file change as a legal change. */
export function renderDiffMarkdown(d: RuleSetDiff): string {
  const L: string[] = [`# 裁量基准变更：${d.old.id} ${d.old.version} → ${d.new.id} ${d.new.version}`, ''];
  if (d.changes.length === 0) {
    L.push('两个版本内容相同。', '');
    return printableText(L.join('\n'));
  }
  const counts = (['added', 'removed', 'changed'] as const).map((k) => `${KIND[k]} ${d.changes.filter((c) => c.kind === k).length}`);
  L.push(`共 ${d.changes.length} 处变更（${counts.join('，')}）。`, '');
  for (const area of Object.keys(AREA) as Change['area'][]) {
    const list = d.changes.filter((c) => c.area === area);
    if (list.length === 0) continue;
    L.push(`## ${AREA[area]}`, '');
    for (const c of list) {
      const where = `\`${c.key}\`${c.field ? ` ${c.field}` : ''}`;
      if (c.kind === 'changed') L.push(`- 【修改】${where}：${c.before ?? '（无）'} → ${c.after ?? '（无）'}`);
      else if (c.kind === 'added') L.push(`- 【新增】${where}：${c.after ?? ''}`);
      else L.push(`- 【删除】${where}：${c.before ?? ''}`);
    }
    L.push('');
  }
  L.push(`<sub>sha256 ${d.old.hash.slice(0, 12)} → ${d.new.hash.slice(0, 12)}</sub>`, '');
  return printableText(L.join('\n'));
}

/** The diff as JSON, keys in a fixed order. */
export function renderDiffJson(d: RuleSetDiff): string {
  return JSON.stringify(d, null, 2) + '\n';
}
