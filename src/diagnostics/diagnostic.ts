import { printable } from '../report/printable.js';
import { CODES, type DiagnosticCode, type Severity } from './codes.js';

/**
 * One problem found in a user's file: where it is, what it is, how to fix it.
 * Problems in users' files are returned as diagnostics, never thrown.
 *
 * @example
 * { code: 'UNKNOWN_FACT', severity: 'error', file: 'rules/x/food.yaml',
 *   line: 12, column: 18, message: 'fact "goodValue" is not declared',
 *   hint: 'declare it under facts: ...' }
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Path of the file as it was given to the loader. */
  readonly file: string;
  /** 1-based line of the start of the offending node. */
  readonly line: number;
  /** 1-based column (in UTF-16 code units, as editors count). */
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message: string;
  readonly hint?: string;
  /** Where in the data (JSON Pointer), useful when the input was an object, not a file. */
  readonly pointer?: string;
}

export type DiagnosticData = Readonly<Record<string, string | number>>;

export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly pointer?: string;
}

function fill(template: string, data: DiagnosticData): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    // Values come from the files: a newline or an escape sequence in a key must not start a line of its own.
    Object.prototype.hasOwnProperty.call(data, key) ? printable(String(data[key])) : whole,
  );
}

/** Builds a diagnostic from its code, position and template data. */
export function diagnostic(
  code: DiagnosticCode,
  place: Place,
  data: DiagnosticData = {},
  severity?: Severity,
): Diagnostic {
  const info = CODES[code] as { severity: Severity; message: string; hint?: string };
  const hint = info.hint === undefined ? undefined : fill(info.hint, data);
  const d: Diagnostic = {
    code,
    severity: severity ?? info.severity,
    file: place.file,
    line: place.line,
    column: place.column,
    ...(place.endLine !== undefined ? { endLine: place.endLine, endColumn: place.endColumn ?? 1 } : {}),
    message: fill(info.message, data),
    ...(hint !== undefined && hint !== '' && !/\{\w+\}/.test(hint) ? { hint } : {}),
    ...(place.pointer !== undefined ? { pointer: place.pointer } : {}),
  };
  return d;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for output: file, line, column, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Sorts and removes exact duplicates. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  // Most lists are empty (a case that loads cleanly): no sort, no second copy.
  if (list.length < 2) return list.length === 0 ? [] : [list[0]!];
  const sorted = [...list].sort(compareDiagnostics);
  return sorted.filter((d, i) => i === 0 || compareDiagnostics(d, sorted[i - 1]!) !== 0);
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
