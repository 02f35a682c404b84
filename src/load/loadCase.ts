import { checkCaseInput, checkLimits, checkRuleSet } from './arguments.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { Case } from '../evaluate/types.js';
import { Case as CaseSchema, type RawCase } from '../schema/case.js';
import { BUILTIN_FACTS } from '../schema/vocabulary.js';
import { nearest } from './conditions.js';
import { dict } from './dict.js';
import { contradictionsIn } from '../evaluate/contradictions.js';
import { ageOn } from '../evaluate/dates.js';
import { convertFactValue } from './facts.js';
import { issuesToDiagnostics } from './issues.js';
import { itemByCode } from './lookup.js';
import { parseCaseShape } from './caseShape.js';
import type { FactDef, FineModel, Item, RuleSet, ScalarValue } from './model.js';
import { CASE_MAX_BYTES, MAX_REPORTED, parseSource, SourceFile, type ParseLimits, type SourceInput } from './source.js';

/** Largest lists a case may hold: items of one act, facts, circumstances, prior violations. */
const CASE_LIST_LIMITS: readonly (readonly [string, number])[] = [
  ['items', 100],
  ['facts', 1000],
  ['circumstances', 200],
  ['history', 10_000],
];

/** Dates in the order the law reads them: act ≤ act end ≤ discovered ≤ decision. */
const DATE_ORDER = ['act', 'actEnd', 'discovered', 'decision'] as const;

/** An output object built key by key, in its documented key order. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

export interface CaseResult {
  readonly case?: Case;
  readonly diagnostics: readonly Diagnostic[];
}

/** A case given as a plain object (e.g. from a case-handling system) rather than a file. */
export interface CaseValue {
  readonly path?: string;
  readonly value: unknown;
}

/** The facts a case about these items may use: rule-set facts and the items' own. */
export function factScope(ruleSet: RuleSet, items: readonly string[]): Map<string, FactDef> {
  const scope = new Map<string, FactDef>();
  for (const f of BUILTIN_FACTS) scope.set(f.name, f);
  for (const f of Object.values(ruleSet.facts)) scope.set(f.name, f);
  for (const code of items) {
    const item = itemByCode(ruleSet, code);
    for (const f of Object.values(item?.facts ?? {})) scope.set(f.name, f);
  }
  return scope;
}

/**
 * Reads and checks a case (YAML or JSON text, or a plain object) against a rule
 * set: item codes, declared facts and their types, known circumstances, date
 * order. Fact values come out in internal units (money in fen). Never throws
 * for bad input.
 *
 * @example
 * const { case: c, diagnostics } = loadCase({ path: 'case.yaml', text }, ruleSet);
 * if (c) console.log(evaluate(ruleSet, c).outcome);
 */
export function loadCase(input: SourceInput | CaseValue, ruleSet: RuleSet, limits: ParseLimits = {}): CaseResult {
  checkCaseInput('loadCase', input);
  checkRuleSet('loadCase', ruleSet);
  checkLimits('loadCase', limits);
  let file: SourceFile;
  const diagnostics: Diagnostic[] = [];
  if ('text' in input) {
    const parsed = parseSource(input, { maxFileBytes: CASE_MAX_BYTES, ...limits });
    for (const d of parsed.diagnostics) if (d.code !== 'FILE_EMPTY') diagnostics.push(d);
    if (!parsed.file || parsed.file.value === null) {
      if (parsed.file) diagnostics.push(diagnostic('SCHEMA_TYPE', parsed.file.start, { expected: 'a case', received: 'nothing' }));
      return { diagnostics: sortDiagnostics(diagnostics) };
    }
    file = parsed.file;
  } else {
    file = SourceFile.fromValue(input.path ?? '<case>', input.value);
  }
  const r = loadCaseAt(file, [], ruleSet);
  return { ...r, diagnostics: sortDiagnostics([...diagnostics, ...r.diagnostics]) };
}

const builtinFacts = new Map(BUILTIN_FACTS.map((f) => [f.name, f]));

/**
 * The largest multiple each base fact of an item is taken by (货值金额的二十倍…),
 * over its clauses (fines of the party and of the person responsible) and its
 * tiers. A fine is computed in integer fen; the product must stay an exact
 * integer (below 2^53), so a base whose multiple would pass that is refused.
 */
const multiplesOfItem = new WeakMap<Item, ReadonlyMap<string, number>>();
function multiplesOf(item: Item): ReadonlyMap<string, number> {
  let m = multiplesOfItem.get(item);
  if (m) return m;
  const out = new Map<string, number>();
  const visit = (f: FineModel | undefined) => {
    if (!f) return;
    if (f.kind === 'multiple') out.set(f.of, Math.max(out.get(f.of) ?? 0, f.max));
    else if (f.kind === 'byParty') {
      visit(f.person);
      visit(f.organization);
    }
  };
  for (const c of item.clauses) {
    visit(c.fine);
    visit(c.responsibleFine);
  }
  const tierMax = Math.max(0, ...item.tiers.map((t) => (t.range?.kind === 'multiple' ? t.range.max : 0)));
  if (tierMax > 0) for (const [k, v] of out) out.set(k, Math.max(v, tierMax));
  m = out;
  multiplesOfItem.set(item, m);
  return m;
}

/** Every key of a facts record is its fact's name (as the loader builds them), so a key lookup finds the fact. */
function keyedByName(facts: Readonly<Record<string, FactDef>>): boolean {
  for (const k in facts) if (Object.prototype.hasOwnProperty.call(facts, k) && facts[k]!.name !== k) return false;
  return true;
}

// The rule set's facts are checked once, not for every case.
let checkedFacts: object | undefined;
let checkedOk = false;

function ruleSetKeyedByName(facts: Readonly<Record<string, FactDef>>): boolean {
  if (facts !== checkedFacts) {
    checkedOk = keyedByName(facts);
    checkedFacts = facts;
  }
  return checkedOk;
}

function own<T>(o: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/**
 * The facts a case about these items may use, by name, as {@link factScope}
 * finds them (items' facts over the rule set's over built-ins): looked up in
 * the records directly rather than by building the scope for every case.
 */
function factLookup(ruleSet: RuleSet, codes: readonly string[], items: readonly (Item | undefined)[]): (name: string) => FactDef | undefined {
  if (!ruleSetKeyedByName(ruleSet.facts) || items.some((i) => i && !keyedByName(i.facts))) {
    const scope = factScope(ruleSet, codes);
    return (name) => scope.get(name);
  }
  return (name) => {
    for (let i = items.length - 1; i >= 0; i--) {
      const def = items[i] && own(items[i]!.facts, name);
      if (def) return def;
    }
    return own(ruleSet.facts, name) ?? builtinFacts.get(name);
  };
}

// Cases of one batch mostly list their facts in the same order: keep the last order sorted.
// JSON.parse internalizes keys, so the comparison is mostly of pointers.
let lastKeys: readonly string[] = [];
let lastSorted: readonly string[] = [];

/** Object.keys(o), sorted. */
function sortedKeys(o: object): readonly string[] {
  const keys = Object.keys(o);
  let same = keys.length === lastKeys.length;
  for (let i = 0; same && i < keys.length; i++) same = keys[i] === lastKeys[i];
  if (same) return lastSorted;
  lastKeys = keys;
  lastSorted = [...keys].sort();
  return lastSorted;
}

export interface LoadCaseAtOptions {
  /**
   * Benchmarks passed over for the statutory layer `ruleSet` (no version of them in force at
   * the act): the facts and circumstances they declare for the case's items are known facts
   * of the case. The layer leaves out those it does not declare, each with the warning
   * CASE_BENCHMARK_FACT_IGNORED; a value the benchmark's declaration refuses is still an error.
   */
  readonly passedOver?: readonly RuleSet[];
  /**
   * Item codes of the case (and of its history) under the codes `ruleSet` gives the same
   * conduct (its items' `formerly`): the case is read under a later version of its rule set
   * for Art. 37 after a renumbering.
   */
  readonly renamed?: ReadonlyMap<string, string>;
}

/** The first passed-over benchmark that declares the fact (for the case's items), and its declaration. */
function passedOverFact(passedOver: readonly RuleSet[], codes: readonly string[], name: string): { rs: RuleSet; def: FactDef } | undefined {
  for (const rs of passedOver) {
    const def = factLookup(rs, codes, codes.map((c) => itemByCode(rs, c)))(name);
    if (def && def.origin !== 'builtin') return { rs, def };
  }
  return undefined;
}

/**
 * Checks the case found at `base` inside a parsed file (e.g. a fixture's `case:`).
 * `shape` is the fast check of a well-formed case (a test passes one that always
 * declines, to compare with the zod path).
 */
export function loadCaseAt(
  source: SourceFile,
  base: readonly PropertyKey[],
  ruleSet: RuleSet,
  shape: (value: unknown) => RawCase | undefined = parseCaseShape,
  options: LoadCaseAtOptions = {},
): CaseResult {
  const diagnostics: Diagnostic[] = [];
  const file = { locate: (p: readonly PropertyKey[], key = false) => source.locate([...base, ...p], key) };
  let value: unknown = source.value;
  for (const seg of base) value = (value as Record<PropertyKey, unknown> | undefined)?.[seg as string];
  // The common, well-formed case is checked by hand; anything else goes through zod, which reports.
  let raw = shape(value);
  if (!raw) {
    // A case is small: refuse huge lists before zod reports each element.
    const v = (value ?? {}) as Record<string, unknown>;
    for (const [key, max] of CASE_LIST_LIMITS) {
      const list = v[key];
      const n = Array.isArray(list) ? list.length : list !== null && typeof list === 'object' ? Object.keys(list).length : 0;
      if (n > max)
        return { diagnostics: [diagnostic('SCHEMA_VALUE', file.locate([key]), { detail: `at most ${max} entries in ${key}, got ${n}` })] };
    }
    const r = CaseSchema.safeParse(value, { reportInput: true });
    if (!r.success) return { diagnostics: sortDiagnostics(issuesToDiagnostics(r.error.issues.slice(0, MAX_REPORTED), source, base)) };
    raw = r.data;
  }

  if (raw.ruleSet !== undefined && raw.ruleSet !== ruleSet.id) {
    diagnostics.push(diagnostic('CASE_RULESET_MISMATCH', file.locate(['ruleSet']), { wanted: raw.ruleSet, got: ruleSet.id }));
  }
  const itemPath = raw.items ? ['items'] : ['item'];
  const renamed = options.renamed;
  const items = renamed ? (raw.items ?? [raw.item!]).map((c) => renamed.get(c) ?? c) : (raw.items ?? [raw.item!]);
  const found: (Item | undefined)[] = [];
  for (let i = 0; i < items.length; i++) {
    const code = items[i]!;
    const item = itemByCode(ruleSet, code);
    found.push(item);
    if (!item) {
      // Suggestions only on the error path: a province has 10,000+ codes.
      const known = nearest(code, ruleSet.items.map((i) => i.code));
      diagnostics.push(
        diagnostic('UNKNOWN_ITEM', file.locate(raw.items ? [...itemPath, i] : itemPath), {
          code: known ? `${code}; ${known}` : code,
        }),
      );
    }
  }

  const facts = dict<ScalarValue>();
  const given = raw.facts;
  if (given) {
    const factNamed = factLookup(ruleSet, items, found);
    for (const name of sortedKeys(given)) {
      const def = factNamed(name);
      const benchmark = (!def || def.origin === 'builtin') && options.passedOver ? passedOverFact(options.passedOver, items, name) : undefined;
      if (benchmark) {
        // A fact of the benchmark passed over: checked as the benchmark declares it, then left out.
        const c = convertFactValue(benchmark.def, given[name]);
        if (!c.ok) diagnostics.push(diagnostic(c.code, file.locate(['facts', name]), c.data));
        else diagnostics.push(diagnostic('CASE_BENCHMARK_FACT_IGNORED', file.locate(['facts', name], true), { kind: 'fact', name, benchmark: benchmark.rs.id, layer: ruleSet.id }));
        continue;
      }
      if (!def || def.origin === 'builtin') {
        const known = [...factScope(ruleSet, items).values()].filter((f) => f.origin !== 'builtin').map((f) => f.name).sort();
        diagnostics.push(
          diagnostic('UNKNOWN_FACT', file.locate(['facts', name], true), {
            fact: name,
            known: nearest(name, known) ?? (known.join(', ') || 'none'),
          }),
        );
        continue;
      }
      const c = convertFactValue(def, given[name]);
      if (!c.ok) diagnostics.push(diagnostic(c.code, file.locate(['facts', name]), c.data));
      else {
        if (def.type === 'money') {
          let times = 0;
          for (const it of found) if (it) times = Math.max(times, multiplesOf(it).get(name) ?? 0);
          if (times > 0 && (c.value as number) * times > Number.MAX_SAFE_INTEGER)
            diagnostics.push(
              diagnostic('MONEY_PRODUCT_TOO_LARGE', file.locate(['facts', name]), {
                fact: name,
                value: given[name] as number,
                times,
                limit: Math.floor(Number.MAX_SAFE_INTEGER / times / 100),
              }),
            );
        }
        facts[name] = c.value;
      }
    }
  }

  const circumstances = new Set<string>();
  const listed = raw.circumstances ?? [];
  for (let i = 0; i < listed.length; i++) {
    const name = listed[i]!;
    if (!own(ruleSet.circumstances, name)) {
      const benchmark = options.passedOver?.find((rs) => own(rs.circumstances, name));
      if (benchmark) {
        diagnostics.push(diagnostic('CASE_BENCHMARK_FACT_IGNORED', file.locate(['circumstances', i]), { kind: 'circumstance', name, benchmark: benchmark.id, layer: ruleSet.id }));
        continue;
      }
      const known = Object.keys(ruleSet.circumstances).sort();
      diagnostics.push(
        diagnostic('UNKNOWN_CIRCUMSTANCE', file.locate(['circumstances', i]), {
          name,
          known: nearest(name, known) ?? known.join(', '),
        }),
      );
    } else circumstances.add(name);
  }

  // Dates in the order the law reads them: act ≤ act end ≤ discovered ≤ decision.
  const d = raw.dates;
  let prevName = '';
  let prevValue: string | undefined;
  for (const name of DATE_ORDER) {
    const value = d[name];
    if (value === undefined || value === null || value === 'ongoing') continue;
    if (prevValue !== undefined && value < prevValue) {
      diagnostics.push(
        diagnostic('CASE_DATE_ORDER', file.locate(['dates', name]), {
          later: name,
          laterValue: value,
          earlier: prevName,
          earlierValue: prevValue,
        }),
      );
    }
    prevName = name;
    prevValue = value;
  }

  // History is checked like the case itself: an entry that can never count (an item the rule set
  // does not have, a date after the act) would otherwise be passed over, and 首违 granted.
  const hist = raw.history ?? [];
  for (let i = 0; i < hist.length; i++) {
    const h = hist[i]!;
    // No suggestion here: a case tried against many rule sets would search every one's codes for each entry.
    if (!itemByCode(ruleSet, renamed?.get(h.item) ?? h.item)) diagnostics.push(diagnostic('UNKNOWN_ITEM', file.locate(['history', i, 'item']), { code: h.item }));
    if (h.date > d.act) diagnostics.push(diagnostic('CASE_HISTORY_DATE', file.locate(['history', i, 'date']), { date: h.date, act: d.act }));
  }

  // Age on the act date from the birth date (reached the day after the birthday); a given age must agree.
  let age = raw.party.age;
  const birth = raw.party.birthDate;
  if (birth !== undefined) {
    if (birth > d.act) {
      diagnostics.push(diagnostic('CASE_DATE_ORDER', file.locate(['party', 'birthDate']), { later: 'act', laterValue: d.act, earlier: 'party.birthDate', earlierValue: birth }));
    } else {
      const computed = ageOn(birth, d.act);
      if (age !== undefined && age !== computed) {
        const at = file.locate(['party', 'birthDate']);
        diagnostics.push(diagnostic('CASE_AGE_MISMATCH', file.locate(['party', 'age']), { age, birthDate: birth, act: d.act, computed, line: at.line, column: at.column }));
      }
      age = computed;
    }
  }

  const sorted = diagnostics.length > 0 ? sortDiagnostics(diagnostics) : diagnostics;
  if (hasErrors(sorted)) return { diagnostics: sorted };
  // Key order as documented; optional keys only when present.
  const party: Building<Case['party']> = { kind: raw.party.kind };
  if (raw.party.name !== undefined) party.name = raw.party.name;
  if (age !== undefined) party.age = age;
  if (birth !== undefined) party.birthDate = birth;
  if (raw.party.capacity !== undefined) party.capacity = raw.party.capacity;
  const dates: Building<Case['dates']> = { act: d.act };
  if (d.actEnd === 'ongoing') dates.ongoing = true;
  else if (d.actEnd) dates.actEnd = d.actEnd;
  if (d.discovered) dates.discovered = d.discovered;
  if (d.decision) dates.decision = d.decision;
  const history: { item: string; date: string }[] = [];
  for (const h of raw.history ?? []) history.push({ item: renamed?.get(h.item) ?? h.item, date: h.date });
  if (history.length > 1) history.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.item < b.item ? -1 : 1));
  const c = (raw.ruleSet !== undefined ? { id: raw.id, ruleSet: raw.ruleSet } : { id: raw.id }) as Building<Case>;
  c.items = items.length === 1 ? [items[0]!] : [...new Set(items)];
  c.party = party;
  c.dates = dates;
  c.facts = facts;
  c.circumstances = circumstances.size > 0 ? [...circumstances].sort() : [];
  c.history = history;
  if (raw.note !== undefined) c.note = raw.note;
  // Sides that exclude each other: a diagnostic at each side, naming the other (evaluation gives undetermined).
  const contradictions = contradictionsIn(ruleSet, c);
  if (contradictions.length > 0) {
    const at = (side: { kind: 'circumstance' | 'fact'; name: string }) =>
      side.kind === 'fact' ? file.locate(['facts', side.name]) : file.locate(['circumstances', listed.indexOf(side.name)]);
    const more: Diagnostic[] = [];
    for (const x of contradictions) {
      const sides = [
        ...x.circumstances.map((name) => ({ kind: 'circumstance' as const, name })),
        ...x.facts.map((name) => ({ kind: 'fact' as const, name })),
      ];
      for (let i = 0; i < sides.length; i++) {
        const others = sides.filter((_, j) => j !== i);
        const here = at(sides[i]!);
        const there = others.map((o) => { const p = at(o); return `${o.kind === 'fact' ? 'fact ' : ''}${o.name} (${p.line}:${p.column})`; }).join(', ');
        more.push(diagnostic('CASE_FACTS_CONTRADICT', here, { side: `${sides[i]!.kind === 'fact' ? 'fact ' : ''}${sides[i]!.name}`, other: there, reason: x.reason }));
      }
    }
    return { case: c, diagnostics: sortDiagnostics([...sorted, ...more]) };
  }
  return { case: c, diagnostics: sorted };
}
