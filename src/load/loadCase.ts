import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { Case } from '../evaluate/types.js';
import { Case as CaseSchema } from '../schema/case.js';
import { BUILTIN_FACTS } from '../schema/vocabulary.js';
import { nearest } from './conditions.js';
import { convertFactValue } from './facts.js';
import { issuesToDiagnostics } from './issues.js';
import { itemByCode } from './lookup.js';
import type { FactDef, RuleSet, ScalarValue } from './model.js';
import { CASE_MAX_BYTES, MAX_REPORTED, parseSource, SourceFile, type ParseLimits, type SourceInput } from './source.js';

/** Largest lists a case may hold: items of one act, facts, circumstances, prior violations. */
const CASE_LIST_LIMITS: readonly (readonly [string, number])[] = [
  ['items', 100],
  ['facts', 1000],
  ['circumstances', 200],
  ['history', 10_000],
];

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

/** Checks the case found at `base` inside a parsed file (e.g. a fixture's `case:`). */
export function loadCaseAt(source: SourceFile, base: readonly PropertyKey[], ruleSet: RuleSet): CaseResult {
  const diagnostics: Diagnostic[] = [];
  const file = { locate: (p: readonly PropertyKey[], key = false) => source.locate([...base, ...p], key) };
  let value: unknown = source.value;
  for (const seg of base) value = (value as Record<PropertyKey, unknown> | undefined)?.[seg as string];
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
  const raw = r.data;

  if (raw.ruleSet !== undefined && raw.ruleSet !== ruleSet.id) {
    diagnostics.push(diagnostic('CASE_RULESET_MISMATCH', file.locate(['ruleSet']), { wanted: raw.ruleSet, got: ruleSet.id }));
  }
  const itemPath = raw.items ? ['items'] : ['item'];
  const items = raw.items ?? [raw.item!];
  items.forEach((code, i) => {
    if (!itemByCode(ruleSet, code)) {
      // Suggestions only on the error path: a province has 10,000+ codes.
      const known = nearest(code, ruleSet.items.map((i) => i.code));
      diagnostics.push(
        diagnostic('UNKNOWN_ITEM', file.locate(raw.items ? [...itemPath, i] : itemPath), {
          code: known ? `${code}; ${known}` : code,
        }),
      );
    }
  });

  const scope = factScope(ruleSet, items);
  const facts: Record<string, ScalarValue> = {};
  for (const name of Object.keys(raw.facts ?? {}).sort()) {
    const def = scope.get(name);
    if (!def || def.origin === 'builtin') {
      const known = [...scope.values()].filter((f) => f.origin !== 'builtin').map((f) => f.name).sort();
      diagnostics.push(
        diagnostic('UNKNOWN_FACT', file.locate(['facts', name], true), {
          fact: name,
          known: nearest(name, known) ?? (known.join(', ') || 'none'),
        }),
      );
      continue;
    }
    const c = convertFactValue(def, raw.facts![name]);
    if (!c.ok) diagnostics.push(diagnostic(c.code, file.locate(['facts', name]), c.data));
    else facts[name] = c.value;
  }

  const circumstances = new Set<string>();
  (raw.circumstances ?? []).forEach((name, i) => {
    if (!ruleSet.circumstances[name]) {
      const known = Object.keys(ruleSet.circumstances).sort();
      diagnostics.push(
        diagnostic('UNKNOWN_CIRCUMSTANCE', file.locate(['circumstances', i]), {
          name,
          known: nearest(name, known) ?? known.join(', '),
        }),
      );
    } else circumstances.add(name);
  });

  // Dates in the order the law reads them: act ≤ act end ≤ discovered ≤ decision.
  const d = raw.dates;
  const order: [string, string | null | undefined][] = [
    ['act', d.act],
    ['actEnd', d.actEnd],
    ['discovered', d.discovered],
    ['decision', d.decision],
  ];
  let prev: [string, string] | undefined;
  for (const [name, value] of order) {
    if (value === undefined || value === null) continue;
    if (prev && value < prev[1]) {
      diagnostics.push(
        diagnostic('CASE_DATE_ORDER', file.locate(['dates', name]), {
          later: name,
          laterValue: value,
          earlier: prev[0],
          earlierValue: prev[1],
        }),
      );
    }
    prev = [name, value];
  }

  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted)) return { diagnostics: sorted };
  const c: Case = {
    id: raw.id,
    ...(raw.ruleSet !== undefined ? { ruleSet: raw.ruleSet } : {}),
    items: [...new Set(items)],
    party: {
      kind: raw.party.kind,
      ...(raw.party.name !== undefined ? { name: raw.party.name } : {}),
      ...(raw.party.age !== undefined ? { age: raw.party.age } : {}),
      ...(raw.party.capacity !== undefined ? { capacity: raw.party.capacity } : {}),
    },
    dates: {
      act: d.act,
      ...(d.actEnd ? { actEnd: d.actEnd } : {}),
      ...(d.discovered ? { discovered: d.discovered } : {}),
      ...(d.decision ? { decision: d.decision } : {}),
    },
    facts,
    circumstances: [...circumstances].sort(),
    history: [...(raw.history ?? [])]
      .map((h) => ({ item: h.item, date: h.date }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.item < b.item ? -1 : 1)),
    ...(raw.note !== undefined ? { note: raw.note } : {}),
  };
  return { case: c, diagnostics: sorted };
}
