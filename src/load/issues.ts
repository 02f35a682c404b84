import type * as z from 'zod';
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics/index.js';
import type { SourceFile } from './source.js';

type Issue = z.core.$ZodIssue;

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string "${v.length > 30 ? v.slice(0, 30) + '…' : v}"`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return `${typeof v} ${String(v)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  tuple: 'a list',
  record: 'a mapping',
  null: 'null',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) {
      return { found: false, value: undefined };
    }
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return { found: true, value: cur };
}

/**
 * Turns zod issues into diagnostics positioned at the YAML node they concern.
 * A missing key points at its parent mapping; an unknown key at the key itself.
 */
export function issuesToDiagnostics(
  issues: readonly Issue[],
  file: SourceFile,
  base: readonly PropertyKey[] = [],
  misplaced?: (key: string) => string | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) mapIssue(issue, file, [...base], out, misplaced);
  return out;
}

function mapIssue(
  issue: Issue,
  file: SourceFile,
  base: PropertyKey[],
  out: Diagnostic[],
  misplaced?: (key: string) => string | undefined,
): void {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'invalid_type': {
      const at = valueAt(file.value, path);
      if (!at.found) {
        const key = String(path[path.length - 1] ?? '');
        out.push(diagnostic('SCHEMA_REQUIRED', file.locate(path.slice(0, -1)), { key }));
      } else {
        out.push(
          diagnostic('SCHEMA_TYPE', file.locate(path), {
            expected: EXPECTED[issue.expected] ?? issue.expected,
            received: typeName(at.value),
          }),
        );
      }
      return;
    }
    case 'unrecognized_keys': {
      for (const key of issue.keys) {
        const where = misplaced?.(key);
        if (where !== undefined) {
          out.push(diagnostic('RULESET_MISPLACED_KEY', file.locate([...path, key], true), { key, where }));
          continue;
        }
        out.push(diagnostic('SCHEMA_UNKNOWN_KEY', file.locate([...path, key], true), { key }));
      }
      return;
    }
    case 'invalid_union': {
      // Report the alternative that matched the input's shape best.
      const branches = issue.errors.filter((b) => b.length > 0);
      const shaped = branches.filter(
        (b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0),
      );
      const pick = (shaped.length > 0 ? shaped : branches).sort((a, b) => a.length - b.length)[0];
      if (pick && shaped.length > 0) {
        for (const sub of pick) mapIssue(sub, file, path, out, misplaced);
      } else {
        const at = valueAt(file.value, path);
        out.push(diagnostic('SCHEMA_TYPE', file.locate(path), { expected: unionExpected(issue), received: typeName(at.value) }));
      }
      return;
    }
    case 'invalid_key':
      out.push(diagnostic('SCHEMA_VALUE', file.locate(path, true), { detail: `invalid name: ${issue.issues[0]?.message ?? ''}` }));
      return;
    case 'invalid_element':
      for (const sub of issue.issues) mapIssue(sub, file, path, out, misplaced);
      return;
    case 'invalid_value':
      out.push(
        diagnostic('SCHEMA_VALUE', file.locate(path), {
          detail: `expected one of: ${issue.values.map((v) => String(v)).join(', ')}; got ${typeName(valueAt(file.value, path).value)}`,
        }),
      );
      return;
    case 'too_small':
    case 'too_big': {
      const v = valueAt(file.value, path).value;
      const what = Array.isArray(v) ? 'items' : typeof v === 'string' ? 'characters' : '';
      const bound = issue.code === 'too_small' ? 'at least' : 'at most';
      const lim = String((issue as { minimum?: unknown; maximum?: unknown }).minimum ?? (issue as { maximum?: unknown }).maximum);
      out.push(
        diagnostic('SCHEMA_VALUE', file.locate(path), {
          detail: `expected ${bound} ${lim}${what ? ' ' + what : ''}, got ${Array.isArray(v) ? `${v.length} items` : typeName(v)}`,
        }),
      );
      return;
    }
    case 'invalid_format':
      out.push(diagnostic('SCHEMA_VALUE', file.locate(path), { detail: `${typeName(valueAt(file.value, path).value)}: ${issue.message}` }));
      return;
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const code = params.code as DiagnosticCode | undefined;
      if (code) {
        const data: Record<string, string | number> = { value: String(valueAt(file.value, path).value) };
        for (const [k, v] of Object.entries(params)) if (k !== 'code') data[k] = v as string | number;
        out.push(diagnostic(code, file.locate(path), data));
      } else {
        out.push(diagnostic('SCHEMA_VALUE', file.locate(path), { detail: issue.message }));
      }
      return;
    }
    default:
      out.push(diagnostic('SCHEMA_VALUE', file.locate(path), { detail: issue.message }));
  }
}

function unionExpected(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  const kinds = new Set<string>();
  for (const b of issue.errors) {
    const top = b.find((i) => i.code === 'invalid_type' && i.path.length === 0) as { expected?: string } | undefined;
    if (top?.expected) kinds.add(EXPECTED[top.expected] ?? top.expected);
  }
  return kinds.size > 0 ? [...kinds].join(' or ') : 'a different value';
}
