import { printableText } from './printable.js';
import { isoOfDay } from '../load/units.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Case, Disposition, FenRange, PenaltyAssessment } from '../evaluate/types.js';
import { factScope, loadCase } from '../load/loadCase.js';
import type { Citation, Condition, FactDef, FineModel, Item, ListEntry, PenaltyClause, RuleSet, Tier } from '../load/model.js';
import { VERSION } from '../version.js';
import { conditionText, renderScope } from './condition-text.js';
import { articleText, fineText, formatYuan, tierRangeText } from './format.js';
import { BASIS_TEXT, GRADE_TEXT, PENALTY_TEXT } from './labels.js';

/**
 * Two regions' benchmarks for the same statutory provisions, side by side (类案
 * 不同罚 between regions). Items are matched by the provision that penalises
 * them — law title and article / paragraph / item — because each rule set
 * names its laws with its own keys. Sample cases, given or generated at the
 * boundaries of the first rule set's conditions, show where the two would
 * treat the same facts differently.
 */

export interface RuleSetRef {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly region: string;
  readonly hash: string;
}

export interface ItemSide {
  readonly code: string;
  readonly name: string;
  readonly penalizedBy: readonly string[];
  /** Statutory clauses: condition, kinds, fine. */
  readonly clauses: readonly string[];
  /** Tiers: label, grade, condition, range (with the amount in yuan when it is fixed). */
  readonly tiers: readonly string[];
  /** List entries that name the item, by kind. */
  readonly lists: readonly string[];
}

export interface ItemPair {
  /** The provision both penalise under, e.g. 《中华人民共和国大气污染防治法》第九十九条第（二）项. */
  readonly provision: string;
  /** `article`: matched only at article level (one side cites a paragraph or item the other does not). */
  readonly match: 'exact' | 'article';
  readonly a: ItemSide;
  readonly b: ItemSide;
}

export interface SampleResult {
  readonly outcome: Disposition['outcome'] | 'invalid';
  readonly text: string;
  readonly grade?: string;
  readonly tier?: string;
  readonly range?: FenRange;
  readonly recommended?: number;
}

export interface SampleCase {
  readonly id: string;
  readonly itemA: string;
  readonly itemB: string;
  /** The facts and circumstances, in words. */
  readonly facts: string;
  readonly a: SampleResult;
  readonly b: SampleResult;
  /** same / different / not comparable (one side cannot read the case or lacks facts). */
  readonly verdict: 'same' | 'different' | 'not-comparable';
  readonly notes: readonly string[];
}

export interface RegionComparison {
  readonly reportVersion: 1;
  readonly generator: string;
  readonly a: RuleSetRef;
  readonly b: RuleSetRef;
  readonly policy: readonly { readonly field: string; readonly a: string; readonly b: string }[];
  readonly pairs: readonly ItemPair[];
  readonly onlyA: readonly { readonly code: string; readonly name: string; readonly penalizedBy: readonly string[] }[];
  readonly onlyB: readonly { readonly code: string; readonly name: string; readonly penalizedBy: readonly string[] }[];
  readonly samples: {
    readonly source: 'cases' | 'generated';
    readonly total: number;
    readonly different: number;
    readonly same: number;
    readonly notComparable: number;
    readonly cases: readonly SampleCase[];
  };
}

/** A case given to compare (e.g. from --cases): its raw value and where it came from. */
export interface CompareCaseInput {
  readonly line: number;
  readonly value: Record<string, unknown>;
}

function normTitle(t: string): string {
  return t.replace(/\s+/g, '').replace(/^中华人民共和国/, '');
}

function provisionKey(rs: RuleSet, c: Citation, level: 'exact' | 'article'): string {
  const title = normTitle(rs.laws[c.law]?.title ?? c.law);
  return level === 'exact' ? `${title}|${c.article}|${c.paragraph ?? ''}|${c.item ?? ''}` : `${title}|${c.article}`;
}

function provisionText(rs: RuleSet, c: Citation, level: 'exact' | 'article'): string {
  const title = rs.laws[c.law]?.title ?? c.law;
  return level === 'exact' ? `《${title}》${articleText(c)}` : `《${title}》${articleText({ article: c.article })}`;
}

function ref(rs: RuleSet): RuleSetRef {
  return { id: rs.id, version: rs.version, title: rs.title, region: rs.region.name, hash: rs.hash };
}

function clauseOf(item: Item, t: Tier): PenaltyClause | undefined {
  return t.branch ? item.clauses.find((c) => c.id === t.branch) : item.clauses.length === 1 ? item.clauses[0] : undefined;
}

const FACT_LABEL = (rs: RuleSet, item: Item) => {
  const scope = renderScope(rs, [item.code]);
  return (f: string) => scope.get(f)?.label ?? f;
};

/** A share of a fine model in words and yuan: 5万元至6.5万元 / 货值金额10倍至13倍. */
function shareOf(f: FineModel, from: number, to: number, label: (x: string) => string): string | undefined {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  switch (f.kind) {
    case 'range':
      return `${formatYuan(Math.round(f.min + (f.max - f.min) * from))}至${formatYuan(Math.round(f.min + (f.max - f.min) * to))}`;
    case 'upTo':
      return `${formatYuan(Math.round(f.max * from))}至${formatYuan(Math.round(f.max * to))}`;
    case 'multiple':
      return `${label(f.of)}${round(f.min + (f.max - f.min) * from)}倍至${round(f.min + (f.max - f.min) * to)}倍`;
    case 'perUnit':
      return `按${label(f.of)}每${f.unit ?? '单位'}${formatYuan(Math.round(f.min + (f.max - f.min) * from))}至${formatYuan(Math.round(f.min + (f.max - f.min) * to))}`;
    case 'byParty': {
      const p = shareOf(f.person, from, to, label);
      const o = shareOf(f.organization, from, to, label);
      return p && o ? `个人${p}；单位${o}` : undefined;
    }
  }
}

function side(rs: RuleSet, item: Item): ItemSide {
  const scope = renderScope(rs, [item.code]);
  const label = FACT_LABEL(rs, item);
  const grade = (g: Tier['grade']) => (g ? GRADE_TEXT[g].replace('处罚', '') : '');
  const clauses = item.clauses.map((c) => {
    const when = c.when ? `${conditionText(c.when, scope)}：` : c.otherwise && item.clauses.length > 1 ? '其他情形：' : '';
    const kinds = c.kinds.filter((k) => k !== 'fine').map((k) => PENALTY_TEXT[k]);
    const fine = c.fine ? `罚款${fineText(c.fine, label)}${c.optional ? '（可以处）' : ''}` : '';
    return `${c.label ? `「${c.label}」` : ''}${when}${[...kinds, fine].filter(Boolean).join('、') || '无罚款'}${c.fineOnlyIf ? `（${rs.circumstances[c.fineOnlyIf]?.label ?? c.fineOnlyIf}的）` : ''}`;
  });
  const tiers = item.tiers.map((t) => {
    const cl = clauseOf(item, t);
    const abs = t.range?.kind === 'share' && cl?.fine ? shareOf(cl.fine, t.range.from, t.range.to, label) : undefined;
    const range = t.range ? (abs ? `${abs}（${tierRangeText(t.range)}）` : tierRangeText(t.range)) : '幅度未定';
    const when = t.when ? `${conditionText(t.when, scope)}` : t.grade ? `按${grade(t.grade)}情节` : '';
    return `${t.label ?? t.id}${when ? `〔${when}〕` : ''}：${range}${t.kinds?.length ? `；${t.kinds.map((k) => PENALTY_TEXT[k]).join('、')}` : ''}`;
  });
  const lists = rs.lists
    .filter((e) => e.items.includes(item.code))
    .map((e) => listText(rs, e, item));
  return {
    code: item.code,
    name: item.name,
    penalizedBy: item.penalizedBy.map((c) => provisionText(rs, c, 'exact')),
    clauses,
    tiers,
    lists,
  };
}

const LIST_KIND: Record<ListEntry['kind'], string> = { exempt: '不予处罚', lighter: '从轻', reduced: '减轻', heavier: '从重' };

function listText(rs: RuleSet, e: ListEntry, item: Item): string {
  const scope = renderScope(rs, [item.code]);
  const kind = e.kind === 'exempt' ? `${e.discretionary ? '可以' : '应当'}不予处罚${e.basis ? `（${BASIS_TEXT[e.basis].replace(/（.*）$/, '')}）` : ''}` : `${e.discretionary ? '可以' : '应当'}${LIST_KIND[e.kind]}`;
  return `${kind}：${e.title ?? e.id}${e.when ? `〔${conditionText(e.when, scope)}〕` : ''}${e.unless ? `，排除：${conditionText(e.unless, scope)}` : ''}${e.lookBack ? `，回溯期 ${e.lookBack.window}` : ''}`;
}

function policyRows(a: RuleSet, b: RuleSet): RegionComparison['policy'] {
  const f = (rs: RuleSet) => {
    const p = rs.policy;
    return {
      '从轻/一般/从重划分': `${p.split[0]} / ${p.split[1]}`,
      建议取值: { midpoint: '中间值', floor: '下限', ceiling: '上限' }[p.point],
      取整: formatYuan(p.rounding),
      减轻下限: p.reducedFloor === null ? '未设定（执法人员确定）' : formatYuan(p.reducedFloor),
      首违回溯期: p.firstOffenceWindow,
      听证较大数额: p.hearing ? `个人${formatYuan(p.hearing.person)}；单位${formatYuan(p.hearing.organization)}` : '未设定',
      '721目标': `${p.channels.target.service} / ${p.channels.target.supervision} / ${p.channels.target.penalty}`,
      施行: `${rs.effective.from} 至 ${rs.effective.to ?? '…'}`,
    } as Record<string, string>;
  };
  const x = f(a);
  const y = f(b);
  return Object.keys(x).map((field) => ({ field, a: x[field]!, b: y[field]! }));
}

/** Items of A and B penalised under the same provision. */
function matchItems(a: RuleSet, b: RuleSet): { pairs: ItemPair[]; onlyA: Item[]; onlyB: Item[] } {
  const pairs: ItemPair[] = [];
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  for (const level of ['exact', 'article'] as const) {
    const index = new Map<string, Item[]>();
    for (const it of b.items) {
      if (level === 'article' && usedB.has(it.code)) continue;
      for (const c of it.penalizedBy) {
        const k = provisionKey(b, c, level);
        if (!index.get(k)?.includes(it)) index.set(k, [...(index.get(k) ?? []), it]);
      }
    }
    for (const it of a.items) {
      if (level === 'article' && usedA.has(it.code)) continue;
      const seen = new Set<string>();
      for (const c of it.penalizedBy) {
        for (const other of index.get(provisionKey(a, c, level)) ?? []) {
          if (seen.has(other.code)) continue;
          seen.add(other.code);
          usedA.add(it.code);
          usedB.add(other.code);
          pairs.push({ provision: provisionText(a, c, level), match: level, a: side(a, it), b: side(b, other) });
        }
      }
    }
  }
  pairs.sort((x, y) => (x.a.code < y.a.code ? -1 : x.a.code > y.a.code ? 1 : x.b.code < y.b.code ? -1 : x.b.code > y.b.code ? 1 : 0));
  return { pairs, onlyA: a.items.filter((i) => !usedA.has(i.code)), onlyB: b.items.filter((i) => !usedB.has(i.code)) };
}

// ── sample cases ─────────────────────────────────────────────────────────

function leaves(c: Condition | undefined, out: { fact: string; value: unknown }[] = []): { fact: string; value: unknown }[] {
  if (!c) return out;
  if ('all' in c) c.all.forEach((x) => leaves(x, out));
  else if ('any' in c) c.any.forEach((x) => leaves(x, out));
  else if ('not' in c) leaves(c.not, out);
  else out.push({ fact: c.fact, value: c.value });
  return out;
}

/** A fact value as a case file writes it: money in yuan, durations and dates as ISO text. */
function written(def: FactDef, v: number): unknown {
  switch (def.type) {
    case 'money':
      return Math.round(v) / 100;
    case 'duration':
      return v % 1440 === 0 ? `P${v / 1440}D` : `PT${Math.round(v)}M`;
    case 'date':
      return isoOfDay(v);
    default:
      return Math.round(v * 1000) / 1000;
  }
}

const NUMERIC = new Set(['money', 'count', 'ratio', 'number', 'duration', 'date']);

/** One unit of a fact, in internal units: 1 fen, 1, 0.01, 1 minute, 1 day. */
function unit(def: FactDef): number {
  return def.type === 'ratio' || def.type === 'number' ? 0.01 : 1;
}

/** One unit below, at and one unit above a threshold. */
function around(def: FactDef, v: number): number[] {
  const step = unit(def);
  return [v - step, v, v + step].filter((x) => x >= 0 && (def.type !== 'ratio' || x <= 1));
}

interface Assignment {
  readonly facts: Record<string, unknown>;
  readonly circumstances: Set<string>;
}

/**
 * Facts that meet a condition (the first branch of an `any`; `not` is left
 * alone). Circumstances required true are listed; built-in party facts are not set.
 */
function satisfy(c: Condition, rs: RuleSet, scope: ReadonlyMap<string, FactDef>, out: Assignment): void {
  if ('all' in c) return c.all.forEach((x) => satisfy(x, rs, scope, out));
  if ('any' in c) return c.any[0] ? satisfy(c.any[0], rs, scope, out) : undefined;
  if ('not' in c) return;
  if (rs.circumstances[c.fact]) {
    if ((c.operator === 'equal' && c.value === true) || (c.operator === 'notEqual' && c.value === false)) out.circumstances.add(c.fact);
    return;
  }
  const def = scope.get(c.fact);
  if (!def || def.origin === 'builtin') return;
  const list = Array.isArray(c.value) ? (c.value as readonly unknown[]) : undefined;
  if (def.type === 'boolean') out.facts[c.fact] = c.operator === 'equal' ? c.value : !c.value;
  else if (def.type === 'enum') {
    const values = def.values ?? [];
    if (c.operator === 'equal') out.facts[c.fact] = c.value;
    else if (c.operator === 'in') out.facts[c.fact] = list?.[0];
    else out.facts[c.fact] = values.find((v) => (list ? !list.includes(v) : v !== c.value));
  } else if (NUMERIC.has(def.type) && typeof (list?.[0] ?? c.value) === 'number') {
    const v = (list?.[0] ?? c.value) as number;
    const step = unit(def);
    const x = c.operator === 'lessThan' ? v - step : c.operator === 'greaterThan' || c.operator === 'notEqual' ? v + step : v;
    out.facts[c.fact] = written(def, Math.max(0, x));
  }
}

const VARIANTS: readonly { readonly name: string; readonly circumstances: readonly string[] }[] = [
  { name: '一般', circumstances: [] },
  { name: '可以从轻', circumstances: ['cooperated'] },
  { name: '从重', circumstances: ['intentional'] },
  { name: '首次违法、后果轻微、及时改正', circumstances: ['correctedInTime', 'harmMinor'] },
];

/**
 * Sample cases for one item of A, at the boundaries of its conditions: the
 * base case under the general, optional-lighter, heavier and first-offence
 * circumstances; each clause, tier and list condition met; and, within each
 * condition, every numeric threshold one unit below, at and one unit above.
 * Facts no condition sets take a neutral value (half the lowest threshold,
 * false, the first enum value).
 */
export function boundaryCases(a: RuleSet, b: RuleSet, item: Item, limit = 60): Record<string, unknown>[] {
  const scope = factScope(a, [item.code]);
  const conds = [
    ...item.clauses.map((c) => c.when),
    ...item.tiers.map((t) => t.when),
    ...a.lists.filter((e) => e.items.includes(item.code)).map((e) => e.when),
  ].filter((c): c is Condition => c !== undefined);
  const thresholds = new Map<string, number[]>();
  const needed = new Set<string>();
  for (const c of conds)
    for (const l of leaves(c)) {
      const def = scope.get(l.fact);
      if (!def || def.origin === 'builtin' || a.circumstances[l.fact]) continue;
      needed.add(l.fact);
      if (typeof l.value === 'number') thresholds.set(l.fact, [...(thresholds.get(l.fact) ?? []), l.value]);
    }
  for (const c of item.clauses) for (const f of [c.fine, c.responsibleFine]) if (f?.kind === 'multiple') needed.add(f.of);
  const base: Record<string, unknown> = {};
  for (const name of [...needed].sort()) {
    const def = scope.get(name);
    if (!def) continue;
    if (def.type === 'boolean') base[name] = false;
    else if (def.type === 'enum') base[name] = def.values?.[0];
    else if (NUMERIC.has(def.type) && def.type !== 'date') {
      const lowest = Math.min(...(thresholds.get(name) ?? []));
      const v = Number.isFinite(lowest) ? lowest / 2 : def.type === 'money' ? 10_000_000 : 1;
      base[name] = written(def, def.type === 'count' || def.type === 'money' || def.type === 'duration' ? Math.floor(v) : v);
    }
  }
  const act = [a.effective.from, b.effective.from].sort()[1]!;
  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const push = (facts: Record<string, unknown>, circumstances: Iterable<string>) => {
    const circ = [...new Set(circumstances)].sort();
    const key = JSON.stringify([Object.entries(facts).sort(), circ]);
    if (seen.has(key) || out.length >= limit) return;
    seen.add(key);
    out.push({ id: `${item.code}-${out.length + 1}`, item: item.code, party: { kind: 'organization' }, dates: { act, discovered: act }, facts: { ...facts }, circumstances: circ });
  };
  for (const v of VARIANTS) push(base, v.circumstances);
  for (const c of conds) {
    const met: Assignment = { facts: {}, circumstances: new Set() };
    satisfy(c, a, scope, met);
    const facts = { ...base, ...met.facts };
    push(facts, met.circumstances);
    for (const l of leaves(c)) {
      const def = scope.get(l.fact);
      if (!def || def.origin === 'builtin' || a.circumstances[l.fact] || typeof l.value !== 'number' || !NUMERIC.has(def.type)) continue;
      for (const v of around(def, l.value)) push({ ...facts, [l.fact]: written(def, v) }, met.circumstances);
    }
  }
  return out;
}

function resultOf(d: Disposition): SampleResult {
  const a: PenaltyAssessment | undefined = d.outcome === 'penalty' ? { item: d.item, grade: d.grade ?? 'general', gradeMandatory: d.mandatory, ...(d.tier ? { tier: d.tier } : {}), penalties: d.penalties } : d.otherwise;
  const fine = a?.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  const kinds = (a?.penalties ?? []).filter((p) => p.kind !== 'fine').map((p) => PENALTY_TEXT[p.kind]);
  const fineText = fine ? (fine.recommended !== undefined ? `罚款${formatYuan(fine.recommended)}` : '罚款数额待定') + (fine.range ? `（${formatYuan(fine.range.min)}至${formatYuan(fine.range.max)}）` : '') : '';
  const penaltyText = [fineText, ...kinds].filter(Boolean).join('、');
  let text: string;
  if (d.outcome === 'none') text = `${d.mandatory ? '不予处罚' : '可以不予处罚'}（${BASIS_TEXT[d.basis ?? 'other'].replace(/（.*）$/, '')}）${d.otherwise && penaltyText ? `；否则${penaltyText}` : ''}`;
  else if (d.outcome === 'penalty') text = `${GRADE_TEXT[d.grade ?? 'general']}：${penaltyText || '—'}`;
  else text = `待定：缺少 ${d.missingFacts.join('、') || '（基准空档）'}`;
  return {
    outcome: d.outcome,
    text,
    ...(a ? { grade: a.grade } : {}),
    ...(a?.tier ? { tier: a.tier.label ?? a.tier.id } : {}),
    ...(fine?.range ? { range: fine.range } : {}),
    ...(fine?.recommended !== undefined ? { recommended: fine.recommended } : {}),
  };
}

function run(rs: RuleSet, value: Record<string, unknown>): { result: SampleResult; diagnostics: readonly Diagnostic[]; case?: Case; disposition?: Disposition } {
  const loaded = loadCase({ path: '<sample>', value }, rs);
  if (!loaded.case || loaded.diagnostics.some((d) => d.severity === 'error'))
    return { result: { outcome: 'invalid', text: `无法读取：${loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('；')}` }, diagnostics: loaded.diagnostics };
  const d = evaluate(rs, loaded.case, { trace: false });
  return { result: resultOf(d), diagnostics: loaded.diagnostics, case: loaded.case, disposition: d };
}

/** The case carried over to B: B's item, facts B declares (same name, or same label and type), circumstances B knows. */
function translate(a: RuleSet, b: RuleSet, value: Record<string, unknown>, itemA: string, itemB: string): { value: Record<string, unknown>; notes: string[] } {
  const notes: string[] = [];
  const scopeA = factScope(a, [itemA]);
  const scopeB = factScope(b, [itemB]);
  const facts: Record<string, unknown> = {};
  for (const [name, v] of Object.entries((value.facts as Record<string, unknown> | undefined) ?? {})) {
    const defA = scopeA.get(name);
    if (scopeB.has(name) && scopeB.get(name)!.origin !== 'builtin') facts[name] = v;
    else {
      const same = [...scopeB.values()].find((f) => f.origin !== 'builtin' && defA?.label !== undefined && f.label === defA.label && f.type === defA.type);
      if (same) {
        facts[same.name] = v;
        notes.push(`事实 ${name} 在 B 中为 ${same.name}`);
      } else notes.push(`B 未规定事实「${defA?.label ?? name}」（${name}），未带入`);
    }
  }
  const circumstances = ((value.circumstances as string[] | undefined) ?? []).filter((c) => {
    if (b.circumstances[c]) return true;
    notes.push(`B 未规定情节 ${c}，未带入`);
    return false;
  });
  const dates = { ...(value.dates as Record<string, unknown>) };
  const { ruleSet: _r, item: _i, items: _is, ...rest } = value;
  return { value: { ...rest, item: itemB, dates, facts, circumstances }, notes };
}

function factsText(rs: RuleSet, value: Record<string, unknown>, item: string): string {
  const scope = factScope(rs, [item]);
  const facts = Object.entries((value.facts as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => {
    const def = scope.get(k);
    const shown = def?.type === 'money' ? formatYuan(Math.round((v as number) * 100)) : def?.type === 'boolean' ? (v ? '是' : '否') : def?.type === 'enum' ? (def.valueLabels?.[v as string] ?? String(v)) : `${String(v)}${def?.unit ?? ''}`;
    return `${def?.label ?? k} ${shown}`;
  });
  const circ = ((value.circumstances as string[] | undefined) ?? []).map((c) => rs.circumstances[c]?.label ?? c);
  const party = (value.party as { kind?: string } | undefined)?.kind === 'person' ? '个人' : '单位';
  return [party, ...facts, ...circ].join('；');
}

function verdictOf(x: SampleResult, y: SampleResult): SampleCase['verdict'] {
  if (x.outcome === 'invalid' || y.outcome === 'invalid' || x.outcome === 'undetermined' || y.outcome === 'undetermined') return 'not-comparable';
  return x.text === y.text ? 'same' : 'different';
}

/**
 * Compares two rule sets for the same statutory items. `cases` (raw case
 * values naming A's items) are carried over to B; without them, cases are
 * generated at the boundaries of A's conditions.
 *
 * @example
 * const cmp = compareRegions(linyi, shanxi);
 * cmp.samples.different; // how many sample cases the two would treat differently
 */
export function compareRegions(a: RuleSet, b: RuleSet, cases?: readonly CompareCaseInput[]): RegionComparison {
  const { pairs, onlyA, onlyB } = matchItems(a, b);
  const byA = new Map<string, string[]>();
  for (const p of pairs) byA.set(p.a.code, [...(byA.get(p.a.code) ?? []), p.b.code]);
  const inputs: { id: string; value: Record<string, unknown>; itemA: string }[] = [];
  if (cases) {
    for (const c of cases) {
      const item = typeof c.value.item === 'string' ? c.value.item : Array.isArray(c.value.items) ? String(c.value.items[0]) : '';
      inputs.push({ id: typeof c.value.id === 'string' || typeof c.value.id === 'number' ? String(c.value.id) : `第${c.line}行`, value: c.value, itemA: item });
    }
  } else {
    for (const it of a.items.filter((i) => byA.has(i.code))) for (const v of boundaryCases(a, b, it)) inputs.push({ id: String(v.id), value: v, itemA: it.code });
  }
  const samples: SampleCase[] = [];
  for (const input of inputs) {
    const targets = byA.get(input.itemA);
    if (!targets) {
      samples.push({
        id: input.id,
        itemA: input.itemA,
        itemB: '',
        facts: factsText(a, input.value, input.itemA),
        a: run(a, input.value).result,
        b: { outcome: 'invalid', text: 'B 没有处罚依据相同的裁量事项' },
        verdict: 'not-comparable',
        notes: [],
      });
      continue;
    }
    for (const itemB of targets) {
      const ra = run(a, input.value);
      const t = translate(a, b, input.value, input.itemA, itemB);
      const rb = run(b, t.value);
      samples.push({ id: input.id, itemA: input.itemA, itemB, facts: factsText(a, input.value, input.itemA), a: ra.result, b: rb.result, verdict: verdictOf(ra.result, rb.result), notes: t.notes });
    }
  }
  return {
    reportVersion: 1,
    generator: `cailiang ${VERSION}`,
    a: ref(a),
    b: ref(b),
    policy: policyRows(a, b),
    pairs,
    onlyA: onlyA.map((i) => ({ code: i.code, name: i.name, penalizedBy: i.penalizedBy.map((c) => provisionText(a, c, 'exact')) })),
    onlyB: onlyB.map((i) => ({ code: i.code, name: i.name, penalizedBy: i.penalizedBy.map((c) => provisionText(b, c, 'exact')) })),
    samples: {
      source: cases ? 'cases' : 'generated',
      total: samples.length,
      different: samples.filter((s) => s.verdict === 'different').length,
      same: samples.filter((s) => s.verdict === 'same').length,
      notComparable: samples.filter((s) => s.verdict === 'not-comparable').length,
      cases: samples,
    },
  };
}

/**
 * The comparison as JSON: fixed key order, money in fen.
 *
 * @example
 * writeFileSync('compare.json', renderCompareJson(compareRegions(a, b)));
 */
export function renderCompareJson(c: RegionComparison): string {
  return JSON.stringify(c, null, 2) + '\n';
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function cells(list: readonly string[]): string {
  return list.length ? list.map(cell).join('<br>') : '—';
}

/**
 * The comparison as zh-CN Markdown: policy, item by item side by side, and the
 * sample cases treated differently.
 *
 * @example
 * console.log(renderCompareMarkdown(compareRegions(a, b)));
 */
export function renderCompareMarkdown(c: RegionComparison): string {
  const A = `A ${c.a.title}（${c.a.id} ${c.a.version}）`;
  const B = `B ${c.b.title}（${c.b.id} ${c.b.version}）`;
  const L: string[] = [`# 两地裁量基准比较`, '', `- ${A}`, `- ${B}`, ''];
  L.push(`处罚依据相同的裁量事项 ${c.pairs.length} 对；仅 A 有 ${c.onlyA.length} 项，仅 B 有 ${c.onlyB.length} 项。` +
    (c.samples.total ? `样本案件 ${c.samples.total} 件：处理不同 ${c.samples.different} 件，相同 ${c.samples.same} 件，无法比较 ${c.samples.notComparable} 件。` : ''), '');

  L.push('## 裁量政策', '', '| 项目 | A | B |', '|---|---|---|');
  for (const r of c.policy) L.push(`| ${r.field} | ${cell(r.a)} | ${cell(r.b)}${r.a !== r.b ? ' ◀' : ''} |`);
  L.push('');

  L.push('## 同一违法行为的裁量', '');
  if (c.pairs.length === 0) L.push('两个基准没有处罚依据相同的裁量事项。', '');
  for (const p of c.pairs) {
    L.push(`### ${p.provision}${p.match === 'article' ? '（按条匹配）' : ''}`, '');
    L.push(`| | A ${cell(p.a.code)} | B ${cell(p.b.code)} |`, '|---|---|---|');
    L.push(`| 名称 | ${cell(p.a.name)} | ${cell(p.b.name)} |`);
    L.push(`| 处罚依据 | ${cells(p.a.penalizedBy)} | ${cells(p.b.penalizedBy)} |`);
    L.push(`| 法定处罚 | ${cells(p.a.clauses)} | ${cells(p.b.clauses)} |`);
    L.push(`| 裁量阶次 | ${cells(p.a.tiers)} | ${cells(p.b.tiers)} |`);
    L.push(`| 清单 | ${cells(p.a.lists)} | ${cells(p.b.lists)} |`);
    L.push('');
  }
  if (c.onlyA.length || c.onlyB.length) {
    L.push('## 只在一方的裁量事项', '');
    for (const i of c.onlyA) L.push(`- 仅 A：${i.code} ${i.name}（${i.penalizedBy.join('；')}）`);
    for (const i of c.onlyB) L.push(`- 仅 B：${i.code} ${i.name}（${i.penalizedBy.join('；')}）`);
    L.push('');
  }

  L.push(`## 样本案件：类案不同罚`, '');
  L.push(c.samples.source === 'cases' ? '样本来自给定的案件，按 A 的事项带入 B 的对应事项。' : '样本按 A 的条件边界生成（每个数额门槛的下一单位、本数、上一单位，以及一般、可以从轻、从重、首违情形），带入 B 的对应事项。', '');
  const diff = c.samples.cases.filter((s) => s.verdict === 'different');
  if (diff.length === 0) L.push('没有处理不同的样本。', '');
  else {
    L.push(`### 处理不同（${diff.length}）`, '', '| 样本 | 事项 | 事实与情节 | A | B |', '|---|---|---|---|---|');
    for (const s of diff) L.push(`| ${cell(s.id)} | ${s.itemA} → ${s.itemB} | ${cell(s.facts)} | ${cell(s.a.text)} | ${cell(s.b.text)}${s.notes.length ? `<br>（${cell(s.notes.join('；'))}）` : ''} |`);
    L.push('');
  }
  const nc = c.samples.cases.filter((s) => s.verdict === 'not-comparable');
  if (nc.length) {
    L.push(`### 无法比较（${nc.length}）`, '', '| 样本 | 事项 | A | B |', '|---|---|---|---|');
    for (const s of nc) L.push(`| ${cell(s.id)} | ${s.itemA} → ${s.itemB || '—'} | ${cell(s.a.text)} | ${cell(s.b.text)}${s.notes.length ? `<br>（${cell(s.notes.join('；'))}）` : ''} |`);
    L.push('');
  }
  const same = c.samples.cases.filter((s) => s.verdict === 'same');
  if (same.length) L.push(`处理相同的样本 ${same.length} 件：${same.map((s) => s.id).join('、')}。`, '');
  L.push('---', '', '比较依据两个基准的文本和本工具的推导生成，供制定和监督裁量基准参考。', '');
  return printableText(L.join('\n'));
}
