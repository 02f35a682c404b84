import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { OPERATORS, type Operator } from '../schema/condition.js';
import { convertFactValue, operatorAllowed } from './facts.js';
import type { Condition, FactDef, ScalarValue } from './model.js';
import type { SourceFile } from './source.js';

/** Facts visible to a condition, by name. */
export type FactScope = ReadonlyMap<string, FactDef>;

const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);
const LEAF_KEYS = new Set(['fact', 'operator', 'value']);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Checks a json-rules-engine condition written in a file against the facts in
 * scope and converts its values to internal units. Each problem becomes a
 * diagnostic at its own node; returns undefined when any was found.
 */
export function checkCondition(
  raw: unknown,
  scope: FactScope,
  file: SourceFile,
  path: readonly PropertyKey[],
  out: Diagnostic[],
): Condition | undefined {
  const before = out.length;
  const result = walk(raw, scope, file, [...path], out);
  return out.length > before ? undefined : result;
}

function walk(
  raw: unknown,
  scope: FactScope,
  file: SourceFile,
  path: PropertyKey[],
  out: Diagnostic[],
): Condition | undefined {
  if (!isObject(raw)) {
    out.push(diagnostic('CONDITION_INVALID', file.locate(path), { detail: 'expected a mapping' }));
    return undefined;
  }
  const keys = Object.keys(raw);
  if ('path' in raw) {
    out.push(diagnostic('CONDITION_PATH', file.locate([...path, 'path'], true)));
    return undefined;
  }
  for (const bool of ['all', 'any'] as const) {
    if (bool in raw) {
      const extra = keys.filter((k) => k !== bool);
      if (extra.length > 0) {
        out.push(
          diagnostic('CONDITION_INVALID', file.locate([...path, extra[0]!], true), {
            detail: `"${extra[0]}" cannot stand beside "${bool}"`,
          }),
        );
        return undefined;
      }
      const list = raw[bool];
      if (!Array.isArray(list) || list.length === 0) {
        out.push(
          diagnostic('CONDITION_INVALID', file.locate([...path, bool]), { detail: `"${bool}" takes a non-empty list` }),
        );
        return undefined;
      }
      const parts = list.map((c, i) => walk(c, scope, file, [...path, bool, i], out));
      if (parts.some((p) => p === undefined)) return undefined;
      return bool === 'all' ? { all: parts as Condition[] } : { any: parts as Condition[] };
    }
  }
  if ('not' in raw) {
    const extra = keys.filter((k) => k !== 'not');
    if (extra.length > 0) {
      out.push(
        diagnostic('CONDITION_INVALID', file.locate([...path, extra[0]!], true), {
          detail: `"${extra[0]}" cannot stand beside "not"`,
        }),
      );
      return undefined;
    }
    const inner = walk(raw.not, scope, file, [...path, 'not'], out);
    return inner === undefined ? undefined : { not: inner };
  }
  const unknown = keys.filter((k) => !LEAF_KEYS.has(k));
  if (unknown.length > 0) {
    out.push(
      diagnostic('CONDITION_INVALID', file.locate([...path, unknown[0]!], true), {
        detail: `unknown key "${unknown[0]}"`,
      }),
    );
    return undefined;
  }
  for (const k of LEAF_KEYS) {
    if (!(k in raw)) {
      out.push(diagnostic('CONDITION_INVALID', file.locate(path), { detail: `missing "${k}"` }));
      return undefined;
    }
  }
  const { fact, operator, value } = raw as { fact: unknown; operator: unknown; value: unknown };
  if (typeof fact !== 'string') {
    out.push(diagnostic('CONDITION_INVALID', file.locate([...path, 'fact']), { detail: '"fact" must be a name' }));
    return undefined;
  }
  let ok = true;
  const def = scope.get(fact);
  if (!def) {
    const known = [...scope.keys()].sort();
    out.push(
      diagnostic('UNKNOWN_FACT', file.locate([...path, 'fact']), {
        fact,
        known: nearest(fact, known) ?? known.slice(0, 12).join(', '),
      }),
    );
    ok = false;
  }
  if (typeof operator !== 'string' || !OPERATOR_SET.has(operator)) {
    out.push(diagnostic('UNKNOWN_OPERATOR', file.locate([...path, 'operator']), { operator: String(operator) }));
    return undefined;
  }
  if (!def || !ok) return undefined;
  if (!operatorAllowed(def.type, operator)) {
    out.push(
      diagnostic('OPERATOR_TYPE_MISMATCH', file.locate([...path, 'operator']), {
        operator,
        type: def.type,
        fact,
        hintDetail:
          def.type === 'boolean'
            ? 'use equal with true or false'
            : `use equal, notEqual, in or notIn on ${def.type} facts`,
      }),
    );
    return undefined;
  }
  const listOp = operator === 'in' || operator === 'notIn';
  if (listOp) {
    if (!Array.isArray(value) || value.length === 0) {
      out.push(
        diagnostic('FACT_TYPE_MISMATCH', file.locate([...path, 'value']), {
          fact,
          type: def.type,
          value: Array.isArray(value) ? 'an empty list' : 'a single value',
          hintDetail: `"${operator}" takes a non-empty list of values`,
        }),
      );
      return undefined;
    }
    const values: ScalarValue[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = convertFactValue(def, value[i]);
      if (!r.ok) {
        out.push(diagnostic(r.code, file.locate([...path, 'value', i]), r.data));
        return undefined;
      }
      values.push(r.value);
    }
    return { fact, operator: operator as Operator, value: values };
  }
  const r = convertFactValue(def, value);
  if (!r.ok) {
    out.push(diagnostic(r.code, file.locate([...path, 'value']), r.data));
    return undefined;
  }
  return { fact, operator: operator as Operator, value: r.value };
}

/** The closest known name (edit distance ≤ 2), for "did you mean" hints. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase(), bestD);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best === undefined ? undefined : `${best} (did you mean it?)`;
}

function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
