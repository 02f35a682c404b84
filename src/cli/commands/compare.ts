import { parseArgs } from 'node:util';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import { loadRuleSetDir } from '../../node/loadRuleSetDir.js';
import { compareRegions, renderCompareJson, renderCompareMarkdown, type CompareCaseInput } from '../../report/compare.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { readCases } from './case-stream.js';

export const COMPARE_HELP = `Usage: cailiang compare <rules-a> <rules-b> [--cases <file>] [--format md|json]

Puts two regions' rule sets side by side for the same statutory items (类案不同罚
between regions). Items are matched by the provision that penalises them: law
title and article / paragraph / item (the law keys of the two rule sets may
differ). For each pair: statutory clauses, tiers with their ranges, list entries.

Then sample cases that the two would treat differently: the cases in --cases
(NDJSON, or a YAML / JSON list; each names an item of A and is carried over to
the matching item of B), or, without --cases, cases generated at every
threshold of A's conditions (one unit below, at and above) and under the
general, optional-lighter, heavier and first-offence circumstances.

Options:
  --cases <file>     sample cases naming A's items
  -f, --format md|json
                     output format (default md)

Exit: 0 printed, 1 a rule set or a case is invalid, 2 usage or I/O problem.
`;

export async function compareCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { cases: { type: 'string' }, format: { type: 'string', short: 'f', default: 'md' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(COMPARE_HELP);
    return EXIT.ok;
  }
  const format = values.format === 'markdown' ? 'md' : values.format;
  if (format !== 'md' && format !== 'json') throw new UsageError(`unknown format "${values.format}" (md or json)`);
  if (positionals.length !== 2) throw new UsageError('compare takes two rule-set folders: A and B');
  const [a, b] = await Promise.all(positionals.map((p) => loadRuleSetDir(p)));
  const errors = sortDiagnostics([...a!.diagnostics, ...b!.diagnostics].filter((d) => d.severity === 'error'));
  if (!a!.ruleSet || !b!.ruleSet) {
    io.stderr(formatDiagnosticsText(errors));
    return errors.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
  }
  let cases: CompareCaseInput[] | undefined;
  let exit: number = EXIT.ok;
  if (values.cases !== undefined) {
    cases = [];
    const problems: Diagnostic[] = [];
    for await (const rec of readCases(values.cases)) {
      if (rec.diagnostics.length > 0) {
        if (rec.diagnostics.some((d) => d.code.startsWith('IO_') || d.code === 'FILE_TOO_LARGE')) {
          io.stderr(formatDiagnosticsText(rec.diagnostics));
          return EXIT.usage;
        }
        problems.push(...rec.diagnostics);
        continue;
      }
      // Only the raw value is needed: each side loads the case under its own rules.
      const r = rec.evaluate([a!.ruleSet], { trace: false });
      if (!r.case) {
        problems.push(...r.diagnostics.filter((d) => d.severity === 'error'));
        continue;
      }
      cases.push({ line: rec.line, value: rec.value as Record<string, unknown> });
    }
    if (problems.length > 0) {
      io.stderr(formatDiagnosticsText(sortDiagnostics(problems)));
      exit = EXIT.problems;
    }
  }
  const c = compareRegions(a!.ruleSet, b!.ruleSet, cases);
  io.stdout(format === 'json' ? renderCompareJson(c) : renderCompareMarkdown(c));
  return exit;
}
