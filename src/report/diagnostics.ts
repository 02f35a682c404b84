import { printable } from './printable.js';
import { CODES, type Diagnostic, type Severity } from '../diagnostics/index.js';
import { VERSION } from '../version.js';

/** Output formats for diagnostics. */
export type DiagnosticFormat = 'text' | 'json' | 'github' | 'sarif';

/**
 * One line per diagnostic, `path:line:col  severity  CODE  message`, with the
 * hint on the next line.
 */
export function formatDiagnosticsText(list: readonly Diagnostic[]): string {
  let out = '';
  for (const d of list) {
    out += `${printable(d.file)}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${printable(d.message)}\n`;
    if (d.hint) out += `    hint: ${printable(d.hint)}\n`;
  }
  return out;
}

/** The diagnostics as a JSON array, keys in a fixed order. */
export function formatDiagnosticsJson(list: readonly Diagnostic[]): string {
  return JSON.stringify(list.map(diagnosticRow), null, 2) + '\n';
}

/** One diagnostic as `--format json` writes it: keys in a fixed order, nothing else. */
export function diagnosticRow(d: Diagnostic): Record<string, unknown> {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
  };
}

function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands (`::error file=…,line=…::message`), one per diagnostic. */
export function formatDiagnosticsGithub(list: readonly Diagnostic[]): string {
  let out = '';
  for (const d of list) {
    const level = d.severity === 'info' ? 'notice' : d.severity;
    // GitHub takes columns only on a range within one line: a range over
    // several lines is given by its lines alone.
    const multiLine = d.endLine !== undefined && d.endLine !== d.line;
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      ...(multiLine
        ? [`endLine=${d.endLine}`]
        : [`col=${d.column}`, ...(d.endLine !== undefined && d.endColumn !== undefined ? [`endLine=${d.endLine}`, `endColumn=${d.endColumn}`] : [])]),
      `title=${escapeProperty(d.code)}`,
    ].join(',');
    const msg = d.hint ? `${d.message} (${d.hint})` : d.message;
    out += `::${level} ${props}::${escapeData(msg)}\n`;
  }
  return out;
}

/** The SARIF 2.1.0 schema, as the OASIS standard publishes it. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** cailiang's page, for SARIF viewers (`informationUri`). */
export const INFORMATION_URI = 'https://www.npmjs.com/package/cailiang';

/** Where a code is explained: its section of docs/diagnostics.md as published with this version. */
export function helpUri(code: string): string {
  return `https://unpkg.com/cailiang@${VERSION}/docs/diagnostics.md#${code.toLowerCase()}`;
}

/**
 * A path as a SARIF artifact URI: relative paths stay relative (resolved by the
 * consumer against the repository root, `%SRCROOT%`), segments percent-encoded
 * (Chinese folder names are common); absolute paths become file:// URIs.
 */
function artifactUri(path: string): { uri: string; uriBaseId?: string } {
  const p = path.replace(/\\/g, '/');
  const encoded = (s: string) => s.split('/').map(encodeURIComponent).join('/').replace(/^([A-Za-z])%3A/, '$1:');
  if (p.startsWith('/')) return { uri: `file://${encoded(p)}` };
  if (/^[A-Za-z]:\//.test(p)) return { uri: `file:///${encoded(p)}` };
  return { uri: encoded(p.replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}

function template(text: string): string {
  return text.replace(/\{\w+\}/g, '…');
}

/**
 * The diagnostics as one SARIF 2.1.0 log (for GitHub code scanning and other
 * CI viewers): one run of the tool "cailiang", a rule for every code used
 * (with its default level and hint), and a result per diagnostic with its
 * file, line and column range (columns in UTF-16 code units, as editors count).
 *
 * @example
 * writeFileSync('cailiang.sarif', formatDiagnosticsSarif(diagnostics));
 */
export function formatDiagnosticsSarif(list: readonly Diagnostic[]): string {
  const codes = [...new Set(list.map((d) => d.code))].sort();
  const rules = codes.map((code) => {
    const info = CODES[code] as { severity: Severity; message: string; hint?: string };
    return {
      id: code,
      name: code
        .toLowerCase()
        .split('_')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(''),
      shortDescription: { text: template(info.message) },
      fullDescription: { text: info.hint ? `${template(info.message)}. ${template(info.hint)}` : template(info.message) },
      ...(info.hint ? { help: { text: template(info.hint) } } : {}),
      helpUri: helpUri(code),
      defaultConfiguration: { level: SARIF_LEVEL[info.severity] },
    };
  });
  const results = list.map((d) => ({
    ruleId: d.code,
    ruleIndex: codes.indexOf(d.code),
    level: SARIF_LEVEL[d.severity],
    message: { text: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactUri(d.file),
          region: {
            startLine: Math.max(1, d.line),
            startColumn: Math.max(1, d.column),
            endLine: Math.max(1, d.endLine ?? d.line),
            endColumn: Math.max(1, d.endLine !== undefined ? (d.endColumn ?? d.column) : d.column),
          },
        },
      },
    ],
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cailiang', informationUri: INFORMATION_URI, version: VERSION, semanticVersion: VERSION, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

export function formatDiagnostics(list: readonly Diagnostic[], format: DiagnosticFormat): string {
  if (format === 'sarif') return formatDiagnosticsSarif(list);
  if (format === 'json') return formatDiagnosticsJson(list);
  if (format === 'github') return formatDiagnosticsGithub(list);
  return formatDiagnosticsText(list);
}
