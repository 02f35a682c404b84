import { parseArgs } from 'node:util';
import { sortDiagnostics } from '../../diagnostics/index.js';
import { loadRuleSetDir } from '../../node/loadRuleSetDir.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { diffRuleSets, renderDiffJson, renderDiffMarkdown } from '../../report/diff.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { openOutput } from '../output.js';

export const DIFF_HELP = `Usage: cailiang diff <old-rules-dir> <new-rules-dir> [--format md|json] [--output <file>]

Shows what changed between two rule-set folders (usually two versions of one
rule set): identity and validity, policy, laws, facts, items with their
statutory clauses and tiers, list entries — zh-CN Markdown or JSON, stable order.

Options:
  -f, --format md|json
                     output format (default md)
  -o, --output <file>
                     write the report to <file> (atomically) instead of standard
                     output; never over an input, never into a rules folder

Exit: 0 printed, 1 a rule set is invalid, 2 usage or I/O problem.
`;

export async function diffCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f', default: 'md' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(DIFF_HELP);
    return EXIT.ok;
  }
  const format = values.format === 'markdown' ? 'md' : values.format;
  if (format !== 'md' && format !== 'json') throw new UsageError(`unknown format "${values.format}" (md or json)`);
  if (positionals.length !== 2) throw new UsageError('diff takes two rule-set folders: the old one and the new one');
  const out = await openOutput('diff', values.output, io, { inputs: positionals, rulesDirs: positionals });
  if (typeof out === 'number') return out;
  const [a, b] = await Promise.all(positionals.map((p) => loadRuleSetDir(p)));
  const diags = sortDiagnostics([...a!.diagnostics, ...b!.diagnostics].filter((d) => d.severity === 'error'));
  if (!a!.ruleSet || !b!.ruleSet) {
    io.stderr(formatDiagnosticsText(diags));
    return diags.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
  }
  const d = diffRuleSets(a!.ruleSet, b!.ruleSet);
  out.stdout(format === 'json' ? renderDiffJson(d) : renderDiffMarkdown(d));
  return out.finish(EXIT.ok);
}
