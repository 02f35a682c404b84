import { parseArgs } from 'node:util';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import type { RuleSet } from '../../load/model.js';
import { findRuleSetDirs } from '../../node/ruleSetDirs.js';
import { loadRuleSetDir } from '../../node/loadRuleSetDir.js';
import { formatDiagnostics, type DiagnosticFormat } from '../../report/diagnostics.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

export const VERIFY_HELP = `Usage: cailiang verify <rules-dir>... [--format text|json|github]

Checks rule-set folders (a folder with index.yaml, or a folder holding several)
and prints every problem as  path:line:col  severity  CODE  message.

Options:
  --format text|json|github   output format (default text)
  --quiet                     text format: print problems only, no summary

Exit: 0 no error, 1 errors found, 2 usage or I/O problem.
`;

const IO_CODES = new Set(['IO_NOT_FOUND', 'IO_NOT_DIRECTORY', 'IO_READ_FAILED']);

export interface Checked {
  readonly dir: string;
  readonly ruleSet?: RuleSet;
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads every rule set found under the given paths. */
export async function checkDirs(paths: readonly string[]): Promise<Checked[]> {
  const results: Checked[] = [];
  for (const p of paths) {
    const dirs = await findRuleSetDirs(p);
    if (dirs.length === 0) {
      results.push({ dir: p, ...(await loadRuleSetDir(p)) });
      continue;
    }
    for (const dir of dirs) results.push({ dir, ...(await loadRuleSetDir(dir)) });
  }
  return results;
}

export function summaryLine(r: Checked): string {
  if (!r.ruleSet) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    return `✗ ${r.dir}  ${errors} error${errors === 1 ? '' : 's'}`;
  }
  const rs = r.ruleSet;
  const tiers = rs.items.reduce((n, i) => n + i.tiers.length, 0);
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
  return (
    `✓ ${r.dir}  ${rs.id} ${rs.version}  ${rs.items.length} items · ${tiers} tiers · ${rs.lists.length} list entries` +
    `${warnings ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}  sha256:${rs.hash.slice(0, 12)}`
  );
}

export async function verifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(VERIFY_HELP);
    return EXIT.ok;
  }
  const format = values.format as DiagnosticFormat;
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(`unknown format "${values.format}" (text, json or github)`);
  if (positionals.length === 0) throw new UsageError('verify needs at least one rule-set folder, e.g. cailiang verify rules/');

  const results = await checkDirs(positionals);
  const all = sortDiagnostics(results.flatMap((r) => r.diagnostics));
  io.stdout(formatDiagnostics(all, format));
  if (format === 'text' && !values.quiet) {
    if (all.length > 0) io.stdout('\n');
    for (const r of results) io.stdout(summaryLine(r) + '\n');
    const e = all.filter((d) => d.severity === 'error').length;
    const w = all.filter((d) => d.severity === 'warning').length;
    io.stdout(`\n${results.length} rule set${results.length === 1 ? '' : 's'}: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}\n`);
  }
  if (all.some((d) => IO_CODES.has(d.code))) return EXIT.usage;
  return hasErrors(all) ? EXIT.problems : EXIT.ok;
}
