import { freezeDisposition } from '../load/seal.js';
import { checkCaseInput, checkOptions, checkRuleSets } from '../load/arguments.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { inForce, versionsOf } from '../load/catalog.js';
import { itemByCode } from '../load/lookup.js';
import { loadCaseAt, type CaseValue } from '../load/loadCase.js';
import type { Item, RuleSet } from '../load/model.js';
import { CASE_MAX_BYTES, parseSource, SourceFile, type SourceInput } from '../load/source.js';
import { yuan } from './yuan.js';
import { xzcff } from './context.js';
import { governingDay } from './dates.js';
import { evaluateInternal, UNFROZEN, type InternalOptions } from './evaluate.js';
import type { Case, Disposition, EvaluateOptions, Reading, TimeRule, TraceEntry, UndeterminedStep, VersionResult } from './types.js';

/**
 * `case` and `ruleSet` are a pair: the case as loaded under that version, so that
 * `evaluate(ruleSet, case)` and a report of the disposition find the case's items there.
 * The version applied is the disposition's `ruleSet`; it is the same one, except when
 * the version in force at the decision no longer has the case's items (Art. 37, no
 * longer illegal): that version cannot read the case, and the pair is the act's version.
 */
export interface CatalogResult {
  readonly disposition?: Disposition;
  /** The case as loaded under {@link CatalogResult.ruleSet}. */
  readonly case?: Case;
  /** The version the case was loaded under: the one applied, or the act's when the act is no longer illegal. */
  readonly ruleSet?: RuleSet;
  readonly diagnostics: readonly Diagnostic[];
}

function summary(rs: RuleSet, d: Disposition): VersionResult {
  const fine = d.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  return {
    version: rs.version,
    effective: rs.effective,
    outcome: d.outcome,
    ...(d.basis !== undefined ? { basis: d.basis } : {}),
    ...(fine?.statutory ? { statutoryMax: fine.statutory.max } : {}),
    ...(fine?.recommended !== undefined ? { recommended: fine.recommended } : {}),
  };
}

/**
 * 行政处罚法 Art. 37 (从旧兼从轻): the act is judged under the version in force
 * when it was committed, unless the version in force at the decision is
 * lighter. Lighter, in this order: (1) the act is no longer a violation; (2) no
 * penalty instead of a penalty; (3) a lower statutory maximum fine on the
 * case's facts; (4) a lower recommended fine. Anything else keeps the old
 * version. Each version is applied whole (one-book rule).
 */
export function compareVersions(
  old: { rs: RuleSet; d: Disposition },
  neu: { rs: RuleSet; d: Disposition } | { rs: RuleSet; notViolation: true },
): { applied: 'act' | 'decision'; reason: string } {
  if ('notViolation' in neu) return { applied: 'decision', reason: '新的规定不再认为该行为是违法行为，适用新的规定' };
  const a = old.d;
  const b = neu.d;
  if (a.outcome === 'undetermined' || b.outcome === 'undetermined')
    return { applied: 'act', reason: '新旧规定之一无法得出结论，暂按行为时的规定；请补充事实后再比较轻重' };
  if (a.outcome === 'penalty' && b.outcome === 'none') return { applied: 'decision', reason: '依新的规定不予处罚，新的规定处罚较轻，适用新的规定' };
  if (a.outcome === 'none') return { applied: 'act', reason: '依行为时的规定不予处罚，不适用新的规定' };
  if (b.outcome === 'none') return { applied: 'decision', reason: '依新的规定不予处罚，适用新的规定' };
  const fa = a.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  const fb = b.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  // 处以罚款 with no amount in one version: its maximum is not known, so which is lighter cannot be said.
  if ((fa && !fa.statutory) || (fb && !fb.statutory))
    return { applied: 'act', reason: '新旧规定之一的罚款未规定数额，无法比较轻重，暂按行为时的规定；请依照规定数额的规章判断' };
  const maxA = fa?.statutory?.max ?? 0;
  const maxB = fb?.statutory?.max ?? 0;
  if (maxB < maxA) return { applied: 'decision', reason: `新的规定法定罚款上限${yuan(maxB)}低于行为时的${yuan(maxA)}，处罚较轻，适用新的规定` };
  if (maxB > maxA) return { applied: 'act', reason: `新的规定法定罚款上限${yuan(maxB)}高于行为时的${yuan(maxA)}，适用行为时的规定` };
  const ra = fa?.recommended;
  const rb = fb?.recommended;
  if (ra !== undefined && rb !== undefined && rb < ra)
    return { applied: 'decision', reason: `法定上限相同，新的规定建议罚款${yuan(rb)}低于${yuan(ra)}，适用新的规定` };
  return { applied: 'act', reason: '新的规定并不更轻，适用行为时的规定' };
}

function raw(input: SourceInput | CaseValue): { file?: SourceFile; diagnostics: Diagnostic[] } {
  if ('text' in input) {
    const p = parseSource(input, { maxFileBytes: CASE_MAX_BYTES });
    if (p.file && p.file.value !== null) return { file: p.file, diagnostics: p.diagnostics.filter((d) => d.code !== 'FILE_EMPTY') };
    // An empty file is not a case: an error, not only the warning FILE_EMPTY.
    const errors = p.diagnostics.filter((d) => d.code !== 'FILE_EMPTY');
    return { diagnostics: errors.length ? errors : [diagnostic('SCHEMA_TYPE', { file: input.path, line: 1, column: 1 }, { expected: 'a case', received: 'nothing' })] };
  }
  return { file: SourceFile.fromValue(input.path ?? '<case>', input.value), diagnostics: [] };
}

/**
 * Evaluates a case against a catalogue of rule sets (several regions, several
 * versions): picks the rule set it names (or the one holding its items), the
 * version in force on the act date (the end date for a continuing act), and
 * applies Art. 37 when a later version is in force on the decision date.
 *
 * @example
 * const r = evaluateInCatalog(ruleSets, { path: 'case.yaml', text });
 * r.disposition?.timeRule?.applied; // 'decision' when the new rule is lighter
 */
export function evaluateInCatalog(ruleSets: readonly RuleSet[], input: SourceInput | CaseValue, options: EvaluateOptions = {}): CatalogResult {
  checkRuleSets('evaluateInCatalog', ruleSets);
  checkCaseInput('evaluateInCatalog', input);
  checkOptions('evaluateInCatalog', options);
  const parsed = raw(input);
  if (!parsed.file) return { diagnostics: sortDiagnostics(parsed.diagnostics) };
  const r = evaluateInCatalogAt(ruleSets, parsed.file, fixtureBase(parsed.file), options);
  if (r.disposition && (options as InternalOptions)[UNFROZEN] !== true) freezeDisposition(r.disposition);
  return { ...r, diagnostics: sortDiagnostics([...parsed.diagnostics, ...r.diagnostics]) };
}

/**
 * What the choice of rule set and version reads of a catalogue, built once per
 * catalogue (a batch passes the same list for every case): the versions of
 * each id, oldest first, and the rule sets holding each item code. Kept with
 * the list it was built from, and rebuilt when the list no longer holds the
 * same rule sets.
 */
interface CatalogIndex {
  readonly members: readonly RuleSet[];
  readonly versions: ReadonlyMap<string, readonly RuleSet[]>;
  /** The rule sets (versions) holding an item, in catalogue order. */
  readonly holders: ReadonlyMap<string, readonly RuleSet[]>;
  /** The distinct ids of those rule sets, sorted. */
  readonly holderIds: ReadonlyMap<string, readonly string[]>;
}

// By the first rule set of the list (a caller may pass a new array with the same rule sets for
// every case: `evaluateInCatalog([ruleSet], …)`), the few lists it heads.
const catalogIndexes = new WeakMap<RuleSet, CatalogIndex[]>();
const EMPTY_INDEX: CatalogIndex = { members: [], versions: new Map(), holders: new Map(), holderIds: new Map() };

function catalogIndex(ruleSets: readonly RuleSet[]): CatalogIndex {
  const head = ruleSets[0];
  if (head === undefined) return EMPTY_INDEX;
  const list = catalogIndexes.get(head) ?? [];
  for (const known of list) if (known.members.length === ruleSets.length && known.members.every((r, i) => r === ruleSets[i])) return known;
  const versions = new Map<string, RuleSet[]>();
  const holders = new Map<string, RuleSet[]>();
  for (const r of ruleSets) {
    if (!versions.has(r.id)) versions.set(r.id, versionsOf(ruleSets, r.id));
    for (const item of r.items) {
      const list = holders.get(item.code);
      if (!list) holders.set(item.code, [r]);
      else if (list[list.length - 1] !== r) list.push(r);
    }
  }
  const holderIds = new Map<string, string[]>();
  for (const [code, list] of holders) holderIds.set(code, [...new Set(list.map((r) => r.id))].sort());
  const ix: CatalogIndex = { members: [...ruleSets], versions, holders, holderIds };
  // A handful per head at most: a caller that builds many different lists gets the oldest dropped.
  catalogIndexes.set(head, [ix, ...list.slice(0, 7)]);
  return ix;
}

function versionsIn(ix: CatalogIndex, id: string): readonly RuleSet[] {
  return ix.versions.get(id) ?? [];
}

/** The ids of the rule sets in which one version holds every item of the case, sorted. */
function holdersOf(ix: CatalogIndex, items: readonly string[]): readonly string[] {
  if (items.length === 0) return [];
  if (items.length === 1) return ix.holderIds.get(items[0]!) ?? [];
  const first = ix.holders.get(items[0]!) ?? [];
  return [...new Set(first.filter((r) => items.every((c) => itemByCode(r, c) !== undefined)).map((r) => r.id))].sort();
}

/**
 * What a rule set must show for a case to be routed to it: its identity, its
 * validity and the rule set it `extends`. A loaded {@link RuleSet} is one; so
 * is the header read from an index.yaml alone (cailiang/node reads only the
 * headers of the rule sets a case may need before loading the one it does).
 */
export type RoutingHeader = Pick<RuleSet, 'id' | 'version' | 'effective' | 'extends' | 'layer'>;

/** What routing reads from a case: the rule set it names, its items, and the act date (end date) as written. */
export interface CaseRouting {
  readonly ruleSet?: string;
  readonly items: readonly string[];
  readonly actDate?: string;
}

/** The routing fields of a case value (as parsed, before validation). */
export function caseRouting(value: unknown): CaseRouting {
  const v = (value ?? {}) as { ruleSet?: unknown; item?: unknown; items?: unknown; dates?: { act?: unknown; actEnd?: unknown } };
  const items = (Array.isArray(v.items) ? v.items : [v.item]).filter((x): x is string => typeof x === 'string');
  const actDate = typeof v.dates?.actEnd === 'string' ? v.dates.actEnd : typeof v.dates?.act === 'string' ? v.dates.act : undefined;
  return { ...(typeof v.ruleSet === 'string' ? { ruleSet: v.ruleSet } : {}), items, ...(actDate !== undefined ? { actDate } : {}) };
}

/** What routing asks of a catalogue (loaded rule sets, or index headers): ids, holders of items, versions. */
export interface RoutingView {
  /** True when some rule set has this id. */
  has(id: string): boolean;
  /** The ids of the rule sets in which one version holds every item, sorted (none for no items). */
  holders(items: readonly string[]): readonly string[];
  /** The versions of an id, oldest first. */
  versions(id: string): readonly RoutingHeader[];
}

/**
 * The rule-set id a case is judged under: the one it names, else the one
 * holding all its items, the most specific of several related by `extends`
 * (see {@link mostSpecific}); or, when none or several remain, the ids left
 * (for the diagnostic). `benchmarkGap` names the benchmarks passed over
 * because none of their versions is in force at the act.
 */
export function routeCase(view: RoutingView, c: CaseRouting): { ids: readonly string[]; benchmarkGap?: string } {
  let ids: readonly string[];
  if (c.ruleSet !== undefined) ids = view.has(c.ruleSet) ? [c.ruleSet] : [];
  else ids = view.holders(c.items);
  let benchmarkGap: string | undefined;
  if (ids.length > 1) {
    const kept = mostSpecific(view, ids, c.actDate);
    // A benchmark passed over because no version of it is in force at the act: the layer answers, and says so.
    const dropped = ids.filter((id) => !kept.includes(id) && view.versions(id).some((r) => r.layer !== 'statutory'));
    if (kept.length === 1 && dropped.length > 0 && view.versions(kept[0]!).every((r) => r.layer === 'statutory')) benchmarkGap = dropped.join('、');
    ids = kept;
  }
  return benchmarkGap === undefined ? { ids } : { ids, benchmarkGap };
}

/**
 * Of several rule sets holding the case's items, the regional benchmark over
 * the statutory layer it `extends` (directly or through others): the one that
 * adds the region's decisions, when a version of it is in force on the act
 * date; otherwise the layer below, so that an act before the benchmark is
 * judged by the statute alone. Rule sets not related by `extends` stay
 * ambiguous (the case must name one).
 */
function mostSpecific(view: RoutingView, ids: readonly string[], actDay: string | undefined): string[] {
  const versionsOf = (id: string) => view.versions(id);
  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>();
    const todo = [id];
    while (todo.length > 0) {
      for (const r of versionsOf(todo.pop()!))
        if (r.extends !== undefined && !out.has(r.extends)) {
          out.add(r.extends);
          todo.push(r.extends);
        }
    }
    return out;
  };
  const inForceAt = (id: string): boolean => actDay === undefined || inForce(versionsOf(id), actDay) !== undefined;
  const drop = new Set<string>();
  for (const a of ids)
    for (const b of ids) if (a !== b && ancestors(b).has(a)) drop.add(inForceAt(b) ? a : b);
  return ids.filter((id) => !drop.has(id));
}

/** {@link evaluateInCatalog} for a case found at `base` inside a parsed file (e.g. a fixture's `case:`). */
export function evaluateInCatalogAt(
  ruleSets: readonly RuleSet[],
  source: SourceFile,
  base: readonly PropertyKey[],
  options: EvaluateOptions = {},
): CatalogResult {
  const routing = caseRouting(valueAt(source, base));
  const ix = catalogIndex(ruleSets);
  const route = routeCase({ has: (id) => ix.versions.has(id), holders: (items) => holdersOf(ix, items), versions: (id) => versionsIn(ix, id) }, routing);
  if (route.ids.length !== 1) return { diagnostics: [noRuleSet(ruleSets, source, base, routing, route.ids)] };
  const passedOver = route.benchmarkGap === undefined ? [] : benchmarkIds(route.benchmarkGap).flatMap((id) => versionsIn(ix, id));
  return evaluateRouted(versionsIn(ix, route.ids[0]!), route.benchmarkGap, source, base, options, passedOver);
}

/** The ids of the benchmarks passed over, as {@link routeCase} names them in `benchmarkGap`. */
export function benchmarkIds(benchmarkGap: string): string[] {
  return benchmarkGap.split('、');
}

function valueAt(source: SourceFile, base: readonly PropertyKey[]): unknown {
  let value: unknown = source.value;
  for (const seg of base) value = (value as Record<PropertyKey, unknown> | undefined)?.[seg as string];
  return value;
}

/** CASE_NO_RULESET: no rule set, or several, for the case; the message names the ids loaded (or those left). */
function noRuleSet(ruleSets: readonly RoutingHeader[], source: SourceFile, base: readonly PropertyKey[], c: CaseRouting, ids: readonly string[]): Diagnostic {
  const detail =
    ids.length === 0
      ? c.ruleSet !== undefined
        ? `rule set "${c.ruleSet}" is not among those loaded (${[...new Set(ruleSets.map((r) => r.id))].sort().join(', ')})`
        : `no loaded rule set has item ${c.items.join(', ') || '(none given)'}`
      : `items ${c.items.join(', ')} are in several rule sets (${ids.join(', ')}); name one with ruleSet:`;
  return diagnostic('CASE_NO_RULESET', source.locate([...base, c.ruleSet !== undefined ? 'ruleSet' : 'item']), { detail });
}

/**
 * {@link evaluateInCatalog} once the case is routed ({@link routeCase}): the
 * versions of the rule-set id it is judged under, oldest first, and the
 * benchmarks passed over (their ids, and the versions loaded of them: the
 * facts they declare are known facts of the case, which the layer leaves
 * out). For callers that load rule sets on demand.
 */
export function evaluateRoutedSource(
  versions: readonly RuleSet[],
  benchmarkGap: string | undefined,
  input: SourceInput | CaseValue,
  options: EvaluateOptions = {},
  passedOver: readonly RuleSet[] = [],
): CatalogResult {
  const parsed = raw(input);
  if (!parsed.file) return { diagnostics: sortDiagnostics(parsed.diagnostics) };
  const base = fixtureBase(parsed.file);
  const r = evaluateRouted(versions, benchmarkGap, parsed.file, base, options, passedOver);
  if (r.disposition && (options as InternalOptions)[UNFROZEN] !== true) freezeDisposition(r.disposition);
  return { ...r, diagnostics: sortDiagnostics([...parsed.diagnostics, ...r.diagnostics]) };
}

/** A fixture file (name, case, expect) is evaluated through its case. */
function fixtureBase(file: SourceFile): readonly PropertyKey[] {
  const v = file.value as Record<string, unknown> | null;
  return v !== null && typeof v === 'object' && typeof v.case === 'object' && v.case !== null && 'expect' in v ? ['case'] : [];
}

/** The routing fields of a case input (a fixture's `case:`), or undefined when it does not parse. */
export function routingOf(input: SourceInput | CaseValue): CaseRouting | undefined {
  const parsed = raw(input);
  if (!parsed.file) return undefined;
  return caseRouting(valueAt(parsed.file, fixtureBase(parsed.file)));
}

function evaluateRouted(
  versions: readonly RuleSet[],
  benchmarkGap: string | undefined,
  source: SourceFile,
  base: readonly PropertyKey[],
  options: EvaluateOptions,
  passedOver: readonly RuleSet[] = [],
): CatalogResult {
  const file = { locate: (p: readonly PropertyKey[], key = false) => source.locate([...base, ...p], key) };
  const parsed = { diagnostics: [] as Diagnostic[] };
  const v = (valueAt(source, base) ?? {}) as { dates?: { act?: unknown; actEnd?: unknown; discovered?: unknown; decision?: unknown } };
  const ids = [versions[0]!.id];
  const dv = v.dates ?? {};
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const ongoing = dv.actEnd === 'ongoing';
  const act = str(dv.act);
  // While the act goes on, it goes on under each version until it ends: the latest day known.
  const actDay = act === undefined ? undefined : governingDay(ongoing ? { act, ongoing: true, ...(str(dv.discovered) ? { discovered: str(dv.discovered)! } : {}), ...(str(dv.decision) ? { decision: str(dv.decision)! } : {}) } : { act, ...(str(dv.actEnd) ? { actEnd: str(dv.actEnd)! } : {}) }, options.asOf);
  // Shape problems first: a case without a valid act date is reported by the schema.
  const atAct = actDay ? inForce(versions, actDay) : versions[versions.length - 1];
  if (!atAct) {
    // No benchmark in force at the act: the statute still applied. Judge on the statutory model of the
    // nearest version (the last one begun before the act, else the first), with no tier and no list.
    const before = versions.filter((r) => r.effective.from <= actDay!);
    const model = before.length ? before[before.length - 1]! : versions[0]!;
    const warning = diagnostic('CASE_NO_VERSION', file.locate(['dates', typeof v.dates?.actEnd === 'string' && !ongoing ? 'actEnd' : 'act']), {
      id: ids[0]!,
      date: actDay!,
      versions: versions.map((r) => `${r.version} ${r.effective.from}–${r.effective.to ?? '…'}`).join('; '),
      model: model.version,
    });
    const loadedModel = loadCaseAt(source, base, model);
    const diagnostics = sortDiagnostics([...parsed.diagnostics, warning, ...loadedModel.diagnostics]);
    if (!loadedModel.case) return { diagnostics };
    const d = evaluateInternal(model, loadedModel.case, { ...options, statuteOnly: true });
    return { disposition: d, case: loadedModel.case, ruleSet: model, diagnostics };
  }
  // Judged by the layer below a benchmark not yet in force: the benchmark's facts are the case's too.
  const known = benchmarkGap !== undefined && passedOver.length > 0 ? { passedOver } : {};
  const loaded = loadCaseAt(source, base, atAct, undefined, known);
  if (!loaded.case) return { diagnostics: sortDiagnostics([...parsed.diagnostics, ...loaded.diagnostics]) };
  const c = loaded.case;
  const diagnostics = sortDiagnostics(loaded.diagnostics);
  const d1 = benchmarkGap === undefined ? evaluateInternal(atAct, c, options) : evaluateInternal(atAct, c, { ...options, benchmarkGap });
  const decisionDay = c.dates.decision ?? options.asOf;
  const later = versions.length === 1 ? [] : versions.filter((r) => r.effective.from > atAct.effective.from);
  if (decisionDay === undefined) {
    if (later.length === 0) return { disposition: d1, case: c, ruleSet: atAct, diagnostics };
    return withoutDecisionDate({ source, base, options, atAct, d1, c, known, later, actDay: actDay!, diagnostics });
  }
  const atDecision = inForce(versions, decisionDay);
  if (!atDecision || atDecision === atAct || atDecision.effective.from <= atAct.effective.from) {
    // Evaluated on asOf with no decision yet: the decision is on that day or later, so a version
    // that begins after asOf may still be the one in force at it.
    const ahead = c.dates.decision === undefined ? later.filter((r) => r.effective.from > decisionDay) : [];
    if (ahead.length > 0) return withoutDecisionDate({ source, base, options, atAct, d1, c, known, later: ahead, actDay: actDay!, diagnostics });
    return { disposition: d1, case: c, ruleSet: atAct, diagnostics };
  }
  const r = underLater({ source, base, options, atAct, d1, c, known }, atDecision, decisionDay);
  if (!r.chosen) {
    // Art. 37 cannot be applied without the later result: undetermined, the act-date result shown as one reading.
    const message = r.message ?? `决定时施行的版本 ${atDecision.version} 无法读取本案事实（${r.problems}），未能比较新旧规定轻重`;
    const { grade: _g, tier: _t, clause: _c, otherwise: _o, basis: _b, undetermined: _u, readings: _r, ...rest } = d1;
    const d = {
      ...rest,
      outcome: 'undetermined',
      undetermined: [{ reason: 'versions', step: 'version', message }, ...(d1.undetermined ?? [])],
      readings: [readingOf(d1, `依行为时的版本 ${atAct.version}`)],
      mandatory: false,
      penalties: [],
      measures: d1.measures.filter((m) => m.kind === 'correct'),
      procedure: { simple: false, hearing: false, legalReview: false, collective: false },
      warnings: [...d1.warnings, { code: 'VERSIONS_NOT_COMPARED' as const, message: `${message}；${r.hint ?? '请核对两个版本的事实定义'}` }],
      trace: options.trace === false ? d1.trace : [versionTrace(atAct, `${message}，暂不给出处罚建议`, 'missing'), ...d1.trace],
    } as Disposition;
    return { disposition: reorder(d), case: c, ruleSet: atAct, diagnostics };
  }
  const { chosen, rule } = r;
  const describe = (v: VersionResult, label: string) => `${label}（版本 ${v.version}，${v.effective.from} 起施行）：${resultText(v)}`;
  const vt = options.trace === false
    ? []
    : [
        versionTrace(atAct, `违法行为发生时（${actDay}）施行的版本为 ${atAct.version}；作出处罚决定时（${decisionDay}${c.dates.decision ? '' : '，评估基准日'}）施行的版本为 ${atDecision.version}，两者分别整体适用并比较轻重`),
        versionTrace(atAct, describe(rule.atAct, '依行为时的规定')),
        versionTrace(atAct, describe(rule.atDecision, '依决定时的规定')),
        versionTrace(atAct, rule.reason, 'applied'),
      ];
  const art37 = xzcff(atAct, 37, undefined, {}, 'ground');
  const d: Disposition = {
    ...chosen.d,
    timeRule: rule,
    trace: [...vt, ...chosen.d.trace],
    citations: chosen.d.citations.some((x) => x.text === art37.text) ? chosen.d.citations : [...chosen.d.citations, art37],
  };
  return { disposition: ordered(d), case: chosen.c, ruleSet: chosen.rs, diagnostics };
}

/** Keep the documented key order: ruleSet, then timeRule. */
function ordered(d: Disposition): Disposition {
  const { reportVersion, caseId, ruleSet, timeRule, ...others } = d;
  return (timeRule ? { reportVersion, caseId, ruleSet, timeRule, ...others } : { reportVersion, caseId, ruleSet, ...others }) as Disposition;
}

function resultText(r: VersionResult): string {
  return r.outcome === 'none'
    ? '不予处罚'
    : r.outcome === 'penalty'
      ? `给予处罚${r.statutoryMax !== undefined ? `，法定罚款上限${yuan(r.statutoryMax)}` : ''}${r.recommended !== undefined ? `，建议${yuan(r.recommended)}` : ''}`
      : '无法确定';
}

function versionTrace(rs: RuleSet, message: string, status: TraceEntry['status'] = 'info'): TraceEntry {
  return { step: 'version', status, message, cites: [xzcff(rs, 37, undefined, {}, 'ground')] };
}

interface AtAct {
  readonly source: SourceFile;
  readonly base: readonly PropertyKey[];
  readonly options: EvaluateOptions;
  readonly atAct: RuleSet;
  readonly d1: Disposition;
  readonly c: Case;
  /** What else the case may state (the facts of benchmarks passed over), for loading it under a later version. */
  readonly known?: { readonly passedOver?: readonly RuleSet[] };
}

type Later =
  | { chosen: { rs: RuleSet; d: Disposition; c: Case }; rule: TimeRule; problems?: undefined }
  | { chosen?: undefined; rule?: undefined; problems: string; message?: string; hint?: string };

/**
 * Whether the later version's item of the same code is the same violation as far as
 * the catalogue can tell: a code that names other conduct there (a different name),
 * or a code gone while an item of the same name is there (renumbered, as the article
 * numbers of a generated statutory layer are after a revision), cannot be compared.
 */
function sameConduct(atAct: RuleSet, later: RuleSet, codes: readonly string[]): string | undefined {
  const out: string[] = [];
  for (const code of codes) {
    const before = itemByCode(atAct, code);
    if (!before) continue;
    // Renumbered, and the later version says so (formerly): the same conduct under its new code.
    if (!itemByCode(later, code) && successorOf(later, code)) continue;
    const after = itemByCode(later, code);
    if (after && after.name !== before.name) out.push(`事项 ${code} 在版本 ${later.version} 中为“${after.name}”，不是行为时的“${before.name}”`);
    if (!after) {
      const moved = later.items.filter((x) => x.name === before.name).map((x) => x.code);
      if (moved.length > 0) out.push(`版本 ${later.version} 已无事项 ${code}，但有同名事项 ${moved.join('、')}（“${before.name}”），可能是条款重新编号，不能认定为不再认为是违法行为`);
      else {
        // Renumbered and reworded (强行招揽旅客、货物 → 客运经营者强行招揽旅客，货运经营者强行招揽货物…): a
        // later item whose name holds most of this one's words may be the same conduct.
        const near = later.items.filter((x) => nameOverlap(before.name, x.name) >= NEAR_NAME).map((x) => `${x.code}（“${x.name}”）`);
        if (near.length > 0) out.push(`版本 ${later.version} 已无事项 ${code}，但有相近事项 ${near.join('、')}，可能是条款重新编号或改写，不能认定为不再认为是违法行为`);
      }
    }
  }
  return out.length > 0 ? out.join('；') : undefined;
}

const successors = new WeakMap<RuleSet, ReadonlyMap<string, Item>>();
/** The item of a later version that says it was `code` in earlier ones (`formerly`). */
function successorOf(later: RuleSet, code: string): Item | undefined {
  let m = successors.get(later);
  if (!m) {
    const out = new Map<string, Item>();
    for (const it of later.items) for (const old of it.formerly ?? []) if (!out.has(old)) out.set(old, it);
    m = out;
    successors.set(later, m);
  }
  return m.get(code);
}

/** The codes of the case that a later version holds under another code (renumbered), old → new. */
function renamedIn(later: RuleSet, codes: readonly string[]): Map<string, string> | undefined {
  let out: Map<string, string> | undefined;
  for (const code of codes) {
    if (itemByCode(later, code)) continue;
    const next = successorOf(later, code);
    if (next) (out ??= new Map()).set(code, next.code);
  }
  return out;
}

/** Share of the shorter name's character pairs found in the other name: 1 when one holds the other. */
function nameOverlap(a: string, b: string): number {
  const pairs = (s: string): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
    return out;
  };
  const x = pairs(a);
  const y = pairs(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const p of x) if (y.has(p)) both++;
  return both / Math.min(x.size, y.size);
}

/**
 * How much of a gone item's name a later item must hold to count as possibly the same conduct.
 * It only ever turns "no longer illegal" into "not compared" (undetermined), never the reverse;
 * on the two texts of 道路运输条例 every renumbered item scores at least 0.75 and the one whose
 * penalty was deleted (不按照规定携带车辆营运证) 0.58.
 */
const NEAR_NAME = 0.7;

/** The case under a later version too, whole, and which of the two applies (Art. 37). */
function underLater(a: AtAct, later: RuleSet, decisionDay: string): Later {
  const { atAct, d1, c } = a;
  const changed = sameConduct(atAct, later, c.items);
  if (changed) {
    return {
      problems: changed,
      message: `${changed}：未能确认新旧版本规定的是同一违法行为，未比较新旧规定轻重`,
      hint: '请核对决定时施行的文本是否仍处罚该行为、以何条款处罚',
    };
  }
  const renamed = renamedIn(later, c.items);
  const notViolation = c.items.every((code) => itemByCode(later, code) === undefined && !renamed?.has(code));
  if (notViolation) {
    const cmp = compareVersions({ rs: atAct, d: d1 }, { rs: later, notViolation: true });
    const none: Disposition = {
      ...d1,
      ruleSet: { id: later.id, version: later.version, hash: later.hash, title: later.title },
      outcome: 'none',
      basis: 'no-longer-illegal',
      mandatory: true,
      penalties: [],
      // Conduct no longer illegal: nothing to correct, no penalty basis, no procedure, nothing missing.
      measures: [],
      channel: 'service',
      procedure: { simple: false, hearing: false, legalReview: false, collective: false },
      lists: [],
      citations: [],
      trace: a.options.trace === false ? [] : [{ step: 'version', status: 'applied', message: `决定时施行的版本 ${later.version} 已无事项 ${c.items.join('、')}，不再认为是违法行为：不予行政处罚，亦不责令改正`, cites: [xzcff(later, 37, undefined, {}, 'ground')] }],
      missingFacts: [],
      warnings: [],
    };
    const { grade: _g, tier: _t, clause: _c, otherwise: _o, undetermined: _u, readings: _r, ...rest } = none;
    return {
      // The case was loaded under the act's version; the later one has none of its items (see CatalogResult).
      chosen: { rs: atAct, d: rest as Disposition, c },
      rule: {
        atAct: summary(atAct, d1),
        atDecision: { version: later.version, effective: later.effective, outcome: 'none', basis: 'no-longer-illegal' },
        applied: cmp.applied,
        reason: cmp.reason,
      },
    };
  }
  const loaded2 = loadCaseAt(a.source, a.base, later, undefined, { ...(a.known ?? {}), ...(renamed ? { renamed } : {}) });
  if (!loaded2.case) return { problems: loaded2.diagnostics.map((x) => x.message).join('；') };
  // The later text is applied at the decision: its law versions are checked against that day.
  const d2 = evaluateInternal(later, loaded2.case, { ...a.options, lawDay: decisionDay });
  const cmp = compareVersions({ rs: atAct, d: d1 }, { rs: later, d: d2 });
  const moved = renamed ? `（版本 ${later.version} 中，${[...renamed].map(([o, n]) => `事项 ${o} 为事项 ${n}`).join('、')}，条款重新编号）` : '';
  return {
    chosen: cmp.applied === 'act' ? { rs: atAct, d: d1, c } : { rs: later, d: d2, c: loaded2.case },
    rule: { atAct: summary(atAct, d1), atDecision: summary(later, d2), applied: cmp.applied, reason: cmp.reason + moved },
  };
}

function readingOf(d: Disposition, when: string): Reading {
  const r: { -readonly [K in keyof Reading]: Reading[K] } = { if: when, outcome: d.outcome, mandatory: d.mandatory, penalties: d.penalties };
  if (d.basis !== undefined) r.basis = d.basis;
  if (d.grade !== undefined) r.grade = d.grade;
  if (d.tier !== undefined) r.tier = d.tier;
  r.version = d.ruleSet.version;
  return r;
}

/**
 * No decision date (and no `asOf`), and the catalogue holds later versions: the
 * version applied depends on when the decision is made (Art. 37). Decided only
 * when no later version would be lighter; otherwise undetermined, with the
 * result for a decision under each version.
 */
function withoutDecisionDate(a: AtAct & { later: readonly RuleSet[]; actDay: string; diagnostics: Diagnostic[] }): CatalogResult {
  const { atAct, d1, c, later } = a;
  const results = later.map((v) => ({ v, r: underLater(a, v, v.effective.from) }));
  const lighter = results.filter((x) => x.r.chosen === undefined || x.r.rule.applied === 'decision');
  const cites = [xzcff(atAct, 37, undefined, {}, 'ground')];
  const names = later.map((v) => `${v.version}（${v.effective.from} 起施行）`).join('、');
  if (lighter.length === 0) {
    const note = `未提供作出处罚决定的日期；此后施行的版本 ${names} 依本案事实均不比行为时的规定更轻，无论何时作出决定，均适用行为时的规定`;
    const d: Disposition = {
      ...d1,
      trace: a.options.trace === false ? d1.trace : [{ step: 'version', status: 'info', message: note, cites }, ...d1.trace],
    };
    return { disposition: d, case: c, ruleSet: atAct, diagnostics: a.diagnostics };
  }
  const first = later[0]!;
  const readings: Reading[] = [readingOf(d1, `在 ${first.effective.from} 前作出决定：适用行为时的版本 ${atAct.version}`)];
  for (const { v, r } of results) {
    const span = `${v.effective.from} 起${v.effective.to ? `至 ${v.effective.to}` : ''}`;
    if (r.chosen) readings.push(readingOf(r.chosen.d, `在 ${span}作出决定：${r.rule.reason}`));
  }
  const message = `未提供作出处罚决定的日期：${names}施行后作出决定的，依行政处罚法第三十七条可能适用较轻的新规定，结论不同`;
  const ask = a.options.asOf === undefined ? '请补充决定日期（dates.decision），或给出评估基准日（asOf）' : `评估基准日 ${a.options.asOf} 尚未作出决定，请补充决定日期（dates.decision）`;
  const warning = { code: 'DECISION_DATE_MISSING' as const, message: `${message}；${ask}` };
  const undetermined: UndeterminedStep[] = [{ reason: 'missing-date', step: 'version', needs: ['dates.decision'], message }, ...(d1.undetermined ?? [])];
  const { grade: _g, tier: _t, clause: _c, otherwise: _o, basis: _b, undetermined: _u, readings: _r, ...rest } = d1;
  const d = {
    ...rest,
    outcome: 'undetermined',
    undetermined,
    readings,
    mandatory: false,
    penalties: [],
    measures: d1.measures.filter((m) => m.kind === 'correct'),
    procedure: { simple: false, hearing: false, legalReview: false, collective: false },
    citations: d1.citations.some((x) => x.text === cites[0]!.text) ? d1.citations : [...d1.citations, cites[0]!],
    trace: a.options.trace === false ? d1.trace : [{ step: 'version', status: 'missing', message, cites }, ...d1.trace],
    missingFacts: [...new Set([...d1.missingFacts, 'dates.decision'])].sort(),
    warnings: [...d1.warnings, warning],
  } as Disposition;
  return { disposition: reorder(d), case: c, ruleSet: atAct, diagnostics: a.diagnostics };
}

/** The documented key order after a rebuild: outcome, basis, undetermined, readings, mandatory, … */
function reorder(d: Disposition): Disposition {
  const { reportVersion, caseId, ruleSet, statuteOnly, timeRule, outcome, basis, undetermined, readings, mandatory, grade, item, concurrent, clause, tier, penalties, otherwise, measures, channel, procedure, lists, citations, trace, missingFacts, warnings } = d;
  const out: Record<string, unknown> = { reportVersion, caseId, ruleSet };
  if (statuteOnly) out.statuteOnly = statuteOnly;
  if (timeRule) out.timeRule = timeRule;
  out.outcome = outcome;
  if (basis !== undefined) out.basis = basis;
  if (undetermined) out.undetermined = undetermined;
  if (readings) out.readings = readings;
  out.mandatory = mandatory;
  if (grade !== undefined) out.grade = grade;
  Object.assign(out, { item, concurrent });
  if (clause !== undefined) out.clause = clause;
  if (tier !== undefined) out.tier = tier;
  out.penalties = penalties;
  if (otherwise) out.otherwise = otherwise;
  Object.assign(out, { measures, channel, procedure, lists, citations, trace, missingFacts, warnings });
  return out as unknown as Disposition;
}
