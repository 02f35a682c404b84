import { join } from 'node:path';
import { sortDiagnostics } from '../../diagnostics/index.js';
import { bundledRulesDir } from '../../node/paths.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { renderRuleSetSummary } from '../../report/ruleset-summary.js';
import { EXIT, type CliIO } from '../io.js';
import { checkDirs, summaryLine } from './verify.js';

/** Verifies the bundled rule sets and prints an overview of each. */
export async function demoCommand(argv: string[], io: CliIO): Promise<number> {
  const root = argv[0] ?? bundledRulesDir();
  const results = await checkDirs([root.endsWith('rules') ? root : join(root)]);
  const diags = sortDiagnostics(results.flatMap((r) => r.diagnostics));
  io.stdout(`# cailiang demo — bundled rule sets\n\n`);
  io.stdout('```\n');
  for (const r of results) io.stdout(summaryLine(r) + '\n');
  if (diags.length) io.stdout('\n' + formatDiagnosticsText(diags));
  io.stdout('```\n\n');
  for (const r of results) if (r.ruleSet) io.stdout(renderRuleSetSummary(r.ruleSet) + '\n');
  return results.every((r) => r.ruleSet) ? EXIT.ok : EXIT.problems;
}
