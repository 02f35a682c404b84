import { addDuration } from '../evaluate/dates.js';
import { checkLimits, checkSources } from './arguments.js';
import { diagnostic, sortDiagnostics, hasErrors, type Diagnostic, type Place } from '../diagnostics/index.js';
import {
  RuleSetIndex,
  RuleSetTopic,
  type RawBranch,
  type RawCitation,
  type RawFactDecl,
  type RawFine,
  type RawIgnoreEntry,
  type RawIndex,
  type RawItem,
  type RawListEntry,
  type RawTier,
  type RawTopic,
} from '../schema/ruleset.js';
import { BUILTIN_CIRCUMSTANCES, BUILTIN_FACTS, DERIVED_FACTS } from '../schema/vocabulary.js';
import { canonicalHash } from './canonical.js';
import { checkCondition } from './conditions.js';
import { issuesToDiagnostics } from './issues.js';
import { salvageIndex, salvageTopic, withoutConsequences } from './salvage.js';
import type {
  Circumstance,
  Citation,
  Condition,
  Exclusion,
  FactDef,
  FineModel,
  IgnoreRule,
  Item,
  Law,
  ListEntry,
  PenaltyClause,
  Policy,
  RuleSet,
  Tier,
  TierRange,
} from './model.js';
import { parseSource, type ParseLimits, type SourceFile, type SourceInput } from './source.js';
import { dict, dictOf } from './dict.js';
import { sealRuleSet } from './seal.js';
import { yuanToFen } from './units.js';

/** What {@link loadRuleSet} returns: the rule set when there was no error, and every diagnostic. */
export interface LoadResult {
  readonly ruleSet?: RuleSet;
  readonly diagnostics: readonly Diagnostic[];
}

export type LoadOptions = ParseLimits;

const INDEX_ONLY = new Set([
  'id',
  'region',
  'title',
  'issuer',
  'document',
  'method',
  'layer',
  'version',
  'effective',
  'reviewed',
  'extends',
  'laws',
  'policy',
  'unverified',
  'ignore',
]);

const INDEX_NAMES = /(^|[\\/])index\.ya?ml$/;

function dirname(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? '.' : p.slice(0, i);
}

/**
 * Loads a rule set from its files (index.yaml plus topic files). Pure: takes
 * paths and contents, touches no file system. Problems are returned as
 * diagnostics with file, line and column; `ruleSet` is present only when there
 * is no error.
 *
 * @example
 * import { loadRuleSet } from 'cailiang';
 * const { ruleSet, diagnostics } = loadRuleSet([
 *   { path: 'rules/demo/index.yaml', text: indexYaml },
 *   { path: 'rules/demo/food.yaml', text: foodYaml },
 * ]);
 * if (!ruleSet) for (const d of diagnostics) console.error(`${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
 */
export function loadRuleSet(files: readonly SourceInput[], options: LoadOptions = {}): LoadResult {
  checkSources('loadRuleSet', files);
  checkLimits('loadRuleSet', options);
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0) {
    diagnostics.push(diagnostic('RULESET_EMPTY', { file: '.', line: 1, column: 1 }));
    return { diagnostics };
  }
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const indexInputs = sorted.filter((f) => INDEX_NAMES.test(f.path));
  if (indexInputs.length === 0) {
    diagnostics.push(diagnostic('RULESET_NO_INDEX', { file: `${dirname(sorted[0]!.path)}/index.yaml`, line: 1, column: 1 }));
  }

  let index: { file: SourceFile; data: RawIndex } | undefined;
  const topics: { file: SourceFile; data: RawTopic }[] = [];
  // Set when a file failed the schema and its passing parts were kept: what was left out.
  let salvaged: { readonly dropped: ReadonlySet<string> } | undefined;
  for (const input of sorted) {
    const parsed = parseSource(input, options);
    // A loop, not push(...list): a file with 100,000s of problems would overflow the call stack.
    for (const d of parsed.diagnostics) diagnostics.push(d);
    const file = parsed.file;
    if (!file || file.value === null || file.value === undefined) continue;
    const isIndex = input === indexInputs[0];
    if (isIndex) {
      const r = RuleSetIndex.safeParse(file.value, { reportInput: true });
      // Only the validated copy and the positions are kept: the parsed value can go.
      if (r.success) index = { file: file.positionsOnly(), data: r.data };
      else {
        for (const d of issuesToDiagnostics(r.error.issues, file)) diagnostics.push(d);
        const part = salvageIndex(file);
        if (part) {
          index = { file: part.file, data: part.data };
          salvaged = { dropped: new Set([...(salvaged?.dropped ?? []), ...part.dropped]) };
        }
      }
    } else {
      if (INDEX_NAMES.test(input.path)) {
        diagnostics.push(diagnostic('DUPLICATE_ID', file.start, { what: 'index file', id: input.path, scope: 'rule set' }));
        continue;
      }
      const r = RuleSetTopic.safeParse(file.value, { reportInput: true });
      if (r.success) topics.push({ file: file.positionsOnly(), data: r.data });
      else {
        for (const d of issuesToDiagnostics(r.error.issues, file, [], (key) => (INDEX_ONLY.has(key) ? 'index.yaml' : undefined)))
          diagnostics.push(d);
        // The parts that pass alone still go through the reference checks (reported in the same run).
        const part = salvageTopic(file);
        if (part) {
          topics.push({ file: part.file, data: part.data });
          salvaged = { dropped: new Set([...(salvaged?.dropped ?? []), ...part.dropped]) };
        }
      }
    }
  }
  if (!index) {
    // An index.yaml without content leaves no rule set: an error there, not the warning FILE_EMPTY is elsewhere.
    const empty = diagnostics.findIndex((d) => d.code === 'FILE_EMPTY' && d.file === indexInputs[0]?.path);
    if (empty >= 0) diagnostics[empty] = { ...diagnostics[empty]!, severity: 'error' };
    return { diagnostics: sortDiagnostics(diagnostics) };
  }

  const before = diagnostics.length;
  const built = build(index, topics, diagnostics);
  if (salvaged) diagnostics.splice(before, Infinity, ...withoutConsequences(diagnostics.slice(before), salvaged.dropped));
  const all = sortDiagnostics(diagnostics);
  if (hasErrors(all) || !built) return { diagnostics: all };
  return { ruleSet: sealRuleSet(built), diagnostics: all };
}

/** What routing and the catalogue checks read of a rule set: a {@link RuleSet} has it all, a header only this. */
export type RuleSetHeader = Pick<RuleSet, 'id' | 'version' | 'effective' | 'extends' | 'layer' | 'at'>;

/**
 * The header of a rule set from its index file alone (id, version, validity,
 * `extends`, layer, and their positions), the fields as {@link loadRuleSet}
 * gives them; undefined when the index does not parse or pass its schema (a
 * full load then says why). For a catalogue that loads only the rule sets a
 * case needs.
 */
export function loadRuleSetHeader(index: SourceInput, options: LoadOptions = {}): RuleSetHeader | undefined {
  const parsed = parseSource(index, options);
  const file = parsed.file;
  if (hasErrors(parsed.diagnostics) || !file || file.value === null || file.value === undefined) return undefined;
  const r = RuleSetIndex.safeParse(file.value);
  if (!r.success) return undefined;
  const idx = r.data;
  return {
    id: idx.id,
    layer: idx.layer ?? 'benchmark',
    version: idx.version,
    effective: { from: idx.effective.from, to: idx.effective.to ?? null },
    ...(idx.extends ? { extends: idx.extends } : {}),
    at: {
      index: file.start,
      effective: file.locate(['effective']),
      ...(idx.reviewed ? { reviewed: file.locate(['reviewed']) } : {}),
      ...(idx.extends ? { extends: file.locate(['extends']) } : {}),
    },
  };
}

interface Located<T> {
  readonly file: SourceFile;
  readonly path: readonly PropertyKey[];
  readonly data: T;
}

function build(
  index: { file: SourceFile; data: RawIndex },
  topics: readonly { file: SourceFile; data: RawTopic }[],
  out: Diagnostic[],
): RuleSet | undefined {
  const idx = index.data;
  const sources = [{ file: index.file, data: idx as RawTopic }, ...topics];

  // Laws.
  const laws = dict<Law>();
  for (const key of Object.keys(idx.laws).sort()) {
    const l = idx.laws[key]!;
    laws[key] = { key, ...l };
  }
  const citeCheck = (cites: readonly RawCitation[] | undefined, file: SourceFile, path: readonly PropertyKey[]) => {
    const list: Citation[] = [];
    (cites ?? []).forEach((c, i) => {
      const law = laws[c.law];
      if (!law) out.push(diagnostic('UNKNOWN_LAW', file.locate([...path, i, 'law']), { law: c.law }));
      else if (law.articles !== undefined && c.article > law.articles)
        out.push(
          diagnostic('ARTICLE_OUT_OF_RANGE', file.locate([...path, i, 'article']), {
            article: c.article,
            articles: law.articles,
            law: c.law,
          }),
        );
      list.push(c);
    });
    return list;
  };

  // Circumstances: built-ins, then declared ones.
  const circumstances = dict<Circumstance>();
  for (const c of BUILTIN_CIRCUMSTANCES) circumstances[c.name] = c;
  for (const { file, data } of sources) {
    for (const [name, decl] of Object.entries(data.circumstances ?? {})) {
      if (circumstances[name]) {
        out.push(
          diagnostic('DUPLICATE_ID', file.locate(['circumstances', name], true), {
            what: 'circumstance',
            id: name,
            scope: circumstances[name]!.origin === 'builtin' ? 'built-in vocabulary' : 'rule set',
          }),
        );
        continue;
      }
      circumstances[name] = {
        name,
        label: decl.label,
        effect: decl.effect,
        cites: citeCheck(decl.cites, file, ['circumstances', name, 'cites']),
        origin: 'ruleset',
      };
    }
  }

  // Facts: built-ins, circumstances (booleans), rule-set facts.
  const base = new Map<string, FactDef>();
  for (const f of BUILTIN_FACTS) base.set(f.name, f);
  for (const c of Object.values(circumstances)) {
    base.set(c.name, { name: c.name, type: 'boolean', label: c.label, origin: 'builtin' });
  }
  const ruleSetFacts = dict<FactDef>();
  for (const { file, data } of sources) {
    for (const [name, decl] of Object.entries(data.facts ?? {})) {
      const def = factDef(name, decl, 'ruleset');
      const prior = base.get(name);
      if (prior && (prior.origin === 'builtin' || prior.type !== def.type)) {
        out.push(
          diagnostic('DUPLICATE_FACT', file.locate(['facts', name], true), {
            name,
            type: def.type,
            other: prior.origin === 'builtin' ? `built-in ${prior.type}` : prior.type,
          }),
        );
        continue;
      }
      base.set(name, def);
      ruleSetFacts[name] = def;
    }
  }

  // Items.
  const items = new Map<string, { item: Item; place: Place }>();
  const formerCodes: { old: string; code: string; at: Place }[] = [];
  for (const { file, data } of sources) {
    (data.items ?? []).forEach((raw, i) => {
      const path = ['items', i];
      const prior = items.get(raw.code);
      if (prior) {
        out.push(
          diagnostic('DUPLICATE_ITEM', file.locate([...path, 'code']), {
            code: raw.code,
            other: `${prior.place.file}:${prior.place.line}:${prior.place.column}`,
          }),
        );
        return;
      }
      (raw.formerly ?? []).forEach((old, j) => formerCodes.push({ old, code: raw.code, at: file.locate([...path, 'formerly', j]) }));
      const item = buildItem({ file, path, data: raw }, base, circumstances, citeCheck, out);
      items.set(raw.code, { item, place: item.at });
      // What the item needs is in it now: the validated copy of its entry can go while the rest is built.
      (data.items as (RawItem | undefined)[])[i] = undefined;
    });
  }

  // Former codes (formerly): each names the conduct of one item only, and no item of this version.
  const claimed = new Map<string, string>();
  for (const f of formerCodes) {
    if (items.has(f.old)) out.push(diagnostic('DUPLICATE_ID', f.at, { what: 'former item code', id: f.old, scope: 'rule set (it is also an item of this version)' }));
    else if (claimed.has(f.old) && claimed.get(f.old) !== f.code) out.push(diagnostic('DUPLICATE_ID', f.at, { what: 'former item code', id: f.old, scope: `rule set (item ${claimed.get(f.old)} names it too)` }));
    claimed.set(f.old, f.code);
  }

  // List entries.
  const lists = new Map<string, ListEntry>();
  for (const { file, data } of sources) {
    (data.lists ?? []).forEach((raw, i) => {
      const path = ['lists', i];
      const prior = lists.get(raw.id);
      if (prior) {
        out.push(
          diagnostic('DUPLICATE_LIST_ENTRY', file.locate([...path, 'id']), {
            id: raw.id,
            other: `${prior.at.file}:${prior.at.line}:${prior.at.column}`,
          }),
        );
        return;
      }
      const entry = buildList({ file, path, data: raw }, base, items, citeCheck, out);
      if (entry) lists.set(raw.id, entry);
    });
  }

  // Policy.
  const p = idx.policy;
  const policyScope = new Map(base);
  for (const f of DERIVED_FACTS) policyScope.set(f.name, f);
  const cond = (raw: unknown, key: string): Condition | undefined =>
    raw === undefined ? undefined : checkCondition(raw, policyScope, index.file, ['policy', key], out);
  const policy: Policy = {
    split: p.split,
    point: p.point,
    rounding: yuanToFen(p.rounding),
    reducedFloor: p.reducedFloor === null ? null : yuanToFen(p.reducedFloor),
    firstOffenceWindow: p.firstOffenceWindow,
    staleAfter: p.staleAfter,
    hitPolicy: p.hitPolicy,
    hearing:
      p.hearing === null ? null : { person: yuanToFen(p.hearing.person), organization: yuanToFen(p.hearing.organization) },
    simpleProcedure: {
      person: yuanToFen(p.simpleProcedure.person),
      organization: yuanToFen(p.simpleProcedure.organization),
    },
    limitation: p.limitation,
    channels: p.channels,
    ...(p.legalReview !== undefined ? { legalReview: cond(p.legalReview, 'legalReview') } : {}),
    ...(p.collective !== undefined ? { collective: cond(p.collective, 'collective') } : {}),
  };

  checkPolicy(idx, index.file, out);
  // Exclusions the rule set declares: circumstances it knows, conditions on its facts.
  const exclusions: Exclusion[] = [];
  for (const { file, data } of sources) {
    (data.exclusions ?? []).forEach((raw, i) => {
      const path = ['exclusions', i];
      let ok = true;
      raw.of.forEach((name, j) => {
        if (!circumstances[name]) {
          ok = false;
          out.push(diagnostic('UNKNOWN_CIRCUMSTANCE', file.locate([...path, 'of', j]), { name, known: Object.keys(circumstances).sort().join(', ') }));
        }
      });
      const when = raw.when === undefined ? undefined : checkCondition(raw.when, base, file, [...path, 'when'], out);
      if (raw.when !== undefined && when === undefined) ok = false;
      if (ok) exclusions.push(when ? { of: [...raw.of], when, reason: raw.reason, origin: 'ruleset' } : { of: [...raw.of], reason: raw.reason, origin: 'ruleset' });
    });
  }

  const itemList = [...items.values()].map((x) => x.item).sort((a, b) => (a.code < b.code ? -1 : 1));
  const listList = [...lists.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const content = {
    id: idx.id,
    region: idx.region,
    title: idx.title,
    issuer: idx.issuer,
    document: idx.document ?? null,
    ...(idx.method ? { method: idx.method } : {}),
    layer: idx.layer ?? 'benchmark',
    version: idx.version,
    effective: { from: idx.effective.from, to: idx.effective.to ?? null },
    ...(idx.reviewed ? { reviewed: idx.reviewed } : {}),
    ...(idx.extends ? { extends: idx.extends } : {}),
    laws,
    policy,
    facts: ruleSetFacts,
    circumstances,
    // Only when declared: rule sets without exclusions keep their content hash.
    ...(exclusions.length ? { exclusions } : {}),
    items: itemList,
    lists: listList,
    unverified: idx.unverified ?? [],
    ...(idx.ignore ? { ignore: ignoreRules(idx.ignore, index.file, items, out) } : {}),
  };
  const hash = canonicalHash(content, new Set(['at']));
  const files = sources.map((s) => s.file.path).sort();
  const at = {
    index: index.file.start,
    effective: index.file.locate(['effective']),
    ...(idx.reviewed ? { reviewed: index.file.locate(['reviewed']) } : {}),
    ...(idx.extends ? { extends: index.file.locate(['extends']) } : {}),
  };
  return { ...content, files, hash, at };
}

/** Art. 51 行政处罚法: 当场处罚 up to 200 yuan for a citizen, 3,000 yuan for an organisation. A region may not go above. */
const SIMPLE_PROCEDURE_LIMIT = { person: 200, organization: 3000 } as const;

/**
 * Values of index.yaml that contradict the law or each other: the same errors
 * for `verify` and for every command that evaluates (both load through here).
 */
function checkPolicy(idx: RawIndex, file: SourceFile, out: Diagnostic[]): void {
  const bad = (path: readonly PropertyKey[], detail: string) => out.push(diagnostic('POLICY_CONTRADICTS', file.locate(path), { detail }));
  const { from, to } = idx.effective;
  if (to !== undefined && to !== null && to < from) bad(['effective', 'to'], `the rule set ends (${to}) before it starts (${from})`);
  const p = idx.policy;
  const { general, extended } = p.limitation;
  // Compared on the calendar from one day: P24M and P2Y are equal, P5Y is longer than P2Y.
  if (addDuration('2000-01-01', extended) < addDuration('2000-01-01', general))
    bad(['policy', 'limitation', 'extended'], `the extended limitation (${extended}) is shorter than the general one (${general}) (行政处罚法 Art. 36)`);
  const t = p.channels.target;
  const sum = t.service + t.supervision + t.penalty;
  if (Math.abs(sum - 1) > 1e-9) bad(['policy', 'channels', 'target'], `the 721 targets add up to ${Math.round(sum * 1000) / 1000}, not 1`);
  for (const kind of ['person', 'organization'] as const) {
    if (p.simpleProcedure[kind] > SIMPLE_PROCEDURE_LIMIT[kind])
      bad(['policy', 'simpleProcedure', kind], `${p.simpleProcedure[kind]} yuan is above the ${SIMPLE_PROCEDURE_LIMIT[kind]} yuan of 行政处罚法 Art. 51 for ${kind === 'person' ? 'a citizen' : 'an organisation'}`);
  }
}

/** The `ignore:` entries of index.yaml; an entry naming an unknown item is an error. */
function ignoreRules(
  raw: readonly RawIgnoreEntry[],
  file: SourceFile,
  items: ReadonlyMap<string, unknown>,
  out: Diagnostic[],
): IgnoreRule[] {
  return raw.map((e, i) => {
    if (e.item !== undefined && !items.has(e.item))
      out.push(diagnostic('UNKNOWN_ITEM', file.locate(['ignore', i, 'item']), { code: e.item }));
    return { code: e.code, reason: e.reason, ...(e.item !== undefined ? { item: e.item } : {}), at: file.locate(['ignore', i]) };
  });
}

function factDef(name: string, decl: RawFactDecl, origin: FactDef['origin']): FactDef {
  if (typeof decl === 'string') return { name, type: decl, origin };
  return {
    name,
    type: decl.type,
    origin,
    ...(decl.label !== undefined ? { label: decl.label } : {}),
    ...(decl.unit !== undefined ? { unit: decl.unit } : {}),
    ...(decl.values !== undefined ? { values: decl.values } : {}),
    ...(decl.valueLabels !== undefined ? { valueLabels: dictOf(decl.valueLabels) } : {}),
    ...(decl.aggravating !== undefined ? { aggravating: decl.aggravating } : {}),
  };
}

type CiteCheck = (cites: readonly RawCitation[] | undefined, file: SourceFile, path: readonly PropertyKey[]) => Citation[];

function buildItem(
  src: Located<RawItem>,
  base: ReadonlyMap<string, FactDef>,
  circumstances: Readonly<Record<string, Circumstance>>,
  citeCheck: CiteCheck,
  out: Diagnostic[],
): Item {
  const { file, path, data } = src;
  // The rule set's facts and the item's own: a copy of the base only for an item that declares facts.
  const scope: Map<string, FactDef> | ReadonlyMap<string, FactDef> = data.facts && Object.keys(data.facts).length > 0 ? new Map(base) : base;
  const facts = dict<FactDef>();
  for (const [name, decl] of Object.entries(data.facts ?? {})) {
    const def = factDef(name, decl, 'item');
    const prior = base.get(name);
    if (prior && (prior.origin === 'builtin' || prior.type !== def.type)) {
      out.push(
        diagnostic('DUPLICATE_FACT', file.locate([...path, 'facts', name], true), {
          name,
          type: def.type,
          other: prior.origin === 'builtin' ? `built-in ${prior.type}` : prior.type,
        }),
      );
      continue;
    }
    (scope as Map<string, FactDef>).set(name, def);
    facts[name] = def;
  }

  const violates = citeCheck(data.violates, file, [...path, 'violates']);
  const penalizedBy = citeCheck(data.penalizedBy, file, [...path, 'penalizedBy']);

  const fine = (raw: RawFine | undefined, p: readonly PropertyKey[]): FineModel | undefined => {
    if (!raw) return undefined;
    if (raw.amount) return { kind: 'range', min: yuanToFen(raw.amount[0]), max: yuanToFen(raw.amount[1]) };
    if (raw.upTo !== undefined) return { kind: 'upTo', max: yuanToFen(raw.upTo) };
    if (raw.unspecified) return { kind: 'unspecified' };
    // The fact a multiple or a fine per unit is of: declared, and of a type it can be.
    const baseFact = (of: string, key: 'multiple' | 'perUnit', types: readonly string[], wrong: 'FACT_NOT_MONEY' | 'FACT_NOT_COUNT') => {
      const def = scope.get(of);
      if (!def)
        out.push(
          diagnostic('UNKNOWN_FACT', file.locate([...p, key, 'of']), {
            fact: of,
            known: [...scope.values()].filter((f) => types.includes(f.type)).map((f) => f.name).join(', ') || 'none',
          }),
        );
      else if (!types.includes(def.type)) out.push(diagnostic(wrong, file.locate([...p, key, 'of']), { fact: def.name, type: def.type }));
      return def;
    };
    if (raw.multiple) {
      baseFact(raw.multiple.of, 'multiple', ['money'], 'FACT_NOT_MONEY');
      const [min, max] = raw.multiple.range ?? [0, raw.multiple.upTo ?? 0];
      return {
        kind: 'multiple',
        of: raw.multiple.of,
        min,
        max,
        ...(raw.multiple.floor !== undefined ? { floor: yuanToFen(raw.multiple.floor) } : {}),
        ...(raw.multiple.cap !== undefined ? { cap: yuanToFen(raw.multiple.cap) } : {}),
      };
    }
    if (raw.perUnit) {
      const def = baseFact(raw.perUnit.of, 'perUnit', ['count', 'number'], 'FACT_NOT_COUNT');
      const [min, max] = raw.perUnit.range ?? [0, raw.perUnit.upTo ?? 0];
      return { kind: 'perUnit', of: raw.perUnit.of, ...(def?.unit !== undefined ? { unit: def.unit } : {}), min: yuanToFen(min), max: yuanToFen(max) };
    }
    return {
      kind: 'byParty',
      person: fine(raw.person, [...p, 'person'])!,
      organization: fine(raw.organization, [...p, 'organization'])!,
    };
  };

  const st = data.statutory;
  const stPath = [...path, 'statutory'];
  const circumstanceCheck = (name: string | undefined, p: readonly PropertyKey[]) => {
    if (name !== undefined && !circumstances[name])
      out.push(
        diagnostic('UNKNOWN_CIRCUMSTANCE', file.locate(p), { name, known: Object.keys(circumstances).sort().join(', ') }),
      );
  };
  circumstanceCheck(st.fineOnlyIf, [...stPath, 'fineOnlyIf']);
  const baseCites = citeCheck(st.cites, file, [...stPath, 'cites']);
  const clause = (b: RawBranch | undefined, p: readonly PropertyKey[]): PenaltyClause => {
    if (b) circumstanceCheck(b.fineOnlyIf, [...p, 'fineOnlyIf']);
    const when = b?.when === undefined ? undefined : checkCondition(b.when, scope, file, [...p, 'when'], out);
    const f = fine(b?.fine ?? st.fine, b?.fine ? [...p, 'fine'] : [...stPath, 'fine']);
    const rf = fine(
      b?.responsibleFine ?? st.responsibleFine,
      b?.responsibleFine ? [...p, 'responsibleFine'] : [...stPath, 'responsibleFine'],
    );
    const kinds = b?.kinds ?? st.kinds ?? (f ? ['fine'] : []);
    // A fine the clause provides but its kinds leave out would be dropped without a word.
    if (f && !kinds.includes('fine'))
      out.push(diagnostic('POLICY_CONTRADICTS', file.locate(b?.kinds ? [...p, 'kinds'] : [...stPath, 'kinds']), { detail: 'the clause provides a fine, but its kinds do not include fine' }));
    const fineOnlyIf = b?.fineOnlyIf ?? st.fineOnlyIf;
    const label = b?.label ?? st.label;
    return {
      id: b?.id ?? 'default',
      ...(label !== undefined ? { label } : {}),
      ...(when !== undefined ? { when } : {}),
      otherwise: b?.otherwise === true,
      kinds,
      ...(f ? { fine: f } : {}),
      optional: b?.optional ?? st.optional ?? false,
      ...(rf ? { responsibleFine: rf } : {}),
      ...(fineOnlyIf !== undefined ? { fineOnlyIf } : {}),
      cites: b?.cites ? citeCheck(b.cites, file, [...p, 'cites']) : baseCites,
      at: file.locate(p),
    };
  };
  const clauses: PenaltyClause[] = st.branches
    ? st.branches.map((b, i) => clause(b, [...stPath, 'branches', i]))
    : [clause(undefined, stPath)];
  const branchIds = new Set<string>();
  (st.branches ?? []).forEach((b, i) => {
    if (branchIds.has(b.id))
      out.push(
        diagnostic('DUPLICATE_ID', file.locate([...stPath, 'branches', i, 'id']), {
          what: 'branch',
          id: b.id,
          scope: `item ${data.code}`,
        }),
      );
    branchIds.add(b.id);
  });

  const tierIds = new Set<string>();
  const tiers: Tier[] = data.tiers.map((t: RawTier, i) => {
    const p = [...path, 'tiers', i];
    if (tierIds.has(t.id))
      out.push(diagnostic('DUPLICATE_ID', file.locate([...p, 'id']), { what: 'tier', id: t.id, scope: `item ${data.code}` }));
    tierIds.add(t.id);
    if (t.branch !== undefined && !branchIds.has(t.branch))
      out.push(
        diagnostic('UNKNOWN_BRANCH', file.locate([...p, 'branch']), {
          branch: t.branch,
          item: data.code,
          known: [...branchIds].join(', ') || 'none (the item has no branches)',
        }),
      );
    const when = t.when === undefined ? undefined : checkCondition(t.when, scope, file, [...p, 'when'], out);
    const range: TierRange | undefined = t.share
      ? { kind: 'share', from: t.share[0], to: t.share[1] }
      : t.amount
        ? { kind: 'amount', min: yuanToFen(t.amount[0]), max: yuanToFen(t.amount[1]) }
        : t.multiple
          ? { kind: 'multiple', min: t.multiple[0], max: t.multiple[1] }
          : undefined;
    return {
      id: t.id,
      ...(t.label !== undefined ? { label: t.label } : {}),
      ...(t.grade !== undefined ? { grade: t.grade } : {}),
      ...(when !== undefined ? { when } : {}),
      ...(t.branch !== undefined ? { branch: t.branch } : {}),
      ...(range ? { range } : {}),
      ...(t.responsibleAmount
        ? { responsibleAmount: { min: yuanToFen(t.responsibleAmount[0]), max: yuanToFen(t.responsibleAmount[1]) } }
        : {}),
      ...(t.kinds ? { kinds: t.kinds } : {}),
      ...(t.description !== undefined ? { description: t.description } : {}),
      cites: citeCheck(t.cites, file, [...p, 'cites']),
      ...(t.unverified !== undefined ? { unverified: t.unverified } : {}),
      at: file.locate(p),
    };
  });
  if (data.fallback !== undefined && !tierIds.has(data.fallback))
    out.push(
      diagnostic('UNKNOWN_TIER', file.locate([...path, 'fallback']), {
        tier: data.fallback,
        item: data.code,
        known: [...tierIds].join(', '),
      }),
    );
  // An item with errors is still returned, so that references to it (list
  // entries) do not cascade into errors of their own; the load fails anyway.
  const item: Item = {
    code: data.code,
    name: data.name,
    ...(data.field !== undefined ? { field: data.field } : {}),
    violates,
    penalizedBy,
    facts,
    clauses,
    hitPolicy: data.hitPolicy ?? 'unique',
    ...(data.fallback !== undefined ? { fallback: data.fallback } : {}),
    ...(data.formerly !== undefined ? { formerly: [...data.formerly] } : {}),
    tiers,
    ...(data.source ? { source: data.source } : {}),
    ...(data.description !== undefined ? { description: data.description } : {}),
    ...(data.unverified !== undefined ? { unverified: data.unverified } : {}),
    at: file.locate(path),
  };
  return item;
}

function buildList(
  src: Located<RawListEntry>,
  base: ReadonlyMap<string, FactDef>,
  items: ReadonlyMap<string, { item: Item }>,
  citeCheck: CiteCheck,
  out: Diagnostic[],
): ListEntry | undefined {
  const { file, path, data } = src;
  const before = out.length;
  const scope = new Map(base);
  data.items.forEach((code, i) => {
    const found = items.get(code);
    if (!found) {
      out.push(diagnostic('UNKNOWN_ITEM', file.locate([...path, 'items', i]), { code }));
      return;
    }
    for (const f of Object.values(found.item.facts)) {
      const prior = scope.get(f.name);
      if (prior && prior.type !== f.type) {
        out.push(
          diagnostic('DUPLICATE_FACT', file.locate([...path, 'items', i]), { name: f.name, type: f.type, other: prior.type }),
        );
      } else scope.set(f.name, f);
    }
  });
  const when = data.when === undefined ? undefined : checkCondition(data.when, scope, file, [...path, 'when'], out);
  const unless = data.unless === undefined ? undefined : checkCondition(data.unless, scope, file, [...path, 'unless'], out);
  const cites = citeCheck(data.cites, file, [...path, 'cites']);
  if (out.length > before) return undefined;
  return {
    id: data.id,
    kind: data.kind,
    ...(data.basis !== undefined ? { basis: data.basis } : {}),
    ...(data.title !== undefined ? { title: data.title } : {}),
    items: [...data.items],
    ...(when !== undefined ? { when } : {}),
    ...(unless !== undefined ? { unless } : {}),
    ...(data.lookBack ? { lookBack: data.lookBack } : {}),
    // 首违不罚 is 可以 (Art. 33(1) sentence 2); 轻微、无过错、超过时效 are 应当 (Arts. 33, 36).
    discretionary:
      data.discretionary ??
      (data.kind === 'exempt' ? data.basis === 'first-offence' || data.basis === 'other' : true),
    cites,
    source: data.source,
    ...(data.description !== undefined ? { description: data.description } : {}),
    ...(data.unverified !== undefined ? { unverified: data.unverified } : {}),
    at: file.locate(path),
  };
}
