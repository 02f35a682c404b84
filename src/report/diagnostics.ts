import type { Diagnostic } from '../diagnostics/index.js';

/** Output formats for diagnostics. */
export type DiagnosticFormat = 'text' | 'json' | 'github';

/**
 * One line per diagnostic, `path:line:col  severity  CODE  message`, with the
 * hint on the next line.
 */
export function formatDiagnosticsText(list: readonly Diagnostic[]): string {
  let out = '';
  for (const d of list) {
    out += `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${d.message}\n`;
    if (d.hint) out += `    hint: ${d.hint}\n`;
  }
  return out;
}

/** The diagnostics as a JSON array, keys in a fixed order. */
export function formatDiagnosticsJson(list: readonly Diagnostic[]): string {
  const rows = list.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands (`::error file=…,line=…::message`), one per diagnostic. */
export function formatDiagnosticsGithub(list: readonly Diagnostic[]): string {
  let out = '';
  for (const d of list) {
    const level = d.severity === 'info' ? 'notice' : d.severity;
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      ...(d.endLine !== undefined ? [`endLine=${d.endLine}`, `endColumn=${d.endColumn}`] : []),
      `title=${escapeProperty(d.code)}`,
    ].join(',');
    const msg = d.hint ? `${d.message} (${d.hint})` : d.message;
    out += `::${level} ${props}::${escapeData(msg)}\n`;
  }
  return out;
}

export function formatDiagnostics(list: readonly Diagnostic[], format: DiagnosticFormat): string {
  if (format === 'json') return formatDiagnosticsJson(list);
  if (format === 'github') return formatDiagnosticsGithub(list);
  return formatDiagnosticsText(list);
}
