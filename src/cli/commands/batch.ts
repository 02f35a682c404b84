import { parseArgs } from 'node:util';
import { sortDiagnostics } from '../../diagnostics/index.js';
import { bundledRulesDir } from '../../node/paths.js';
import { BatchTally, renderBatchJson, renderBatchMarkdown } from '../../report/batch.js';
import { renderBatchHtml } from '../../report/batch-html.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { readCases } from './case-stream.js';
import { loadRules } from './evaluate.js';

export const BATCH_HELP = `Usage: cailiang batch <cases> [--rules <dir>] [--format md|json|html]

Evaluates many cases and prints statistics for supervisors: counts by outcome,
ground, grade and item; the 721 shares (服务 / 管理 / 执法) against each rule
set's target, with the gap in words; what exempted cases would otherwise have
been fined; undetermined cases; and every case that could not be evaluated,
with its line and diagnostics (the batch goes on).

<cases> is NDJSON (.ndjson or .jsonl: one JSON case per line, read as a stream,
so memory stays flat) or a YAML / JSON file holding a list of cases.
Same input, same bytes out.

Options:
  --rules <dir>          rule-set folder, or a folder of rule sets (default: bundled rules)
  --format md|json|html  output format (default md); html has inline SVG charts

Exit: 0 every case evaluated, 1 some cases could not be evaluated (still
counted and listed), 2 usage or I/O problem.
`;

export async function batchCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rules: { type: 'string' },
      format: { type: 'string', default: 'md' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(BATCH_HELP);
    return EXIT.ok;
  }
  const format = values.format === 'markdown' ? 'md' : values.format;
  if (format !== 'md' && format !== 'json' && format !== 'html') throw new UsageError(`unknown format "${values.format}" (md, json or html)`);
  if (positionals.length !== 1) throw new UsageError('batch takes one file of cases (NDJSON, or YAML holding a list)');
  const path = positionals[0]!;

  const rules = await loadRules(values.rules ?? bundledRulesDir());
  if (rules.diagnostics.length > 0) {
    io.stderr(formatDiagnosticsText(sortDiagnostics(rules.diagnostics)));
    return rules.diagnostics.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
  }
  const tally = new BatchTally();
  let records = 0;
  for await (const rec of readCases(path)) {
    records++;
    if (rec.diagnostics.length > 0) {
      // The file itself cannot be read: that is an I/O problem, not a bad case.
      if (records === 1 && rec.diagnostics.some((d) => d.code.startsWith('IO_') || d.code === 'FILE_TOO_LARGE')) {
        io.stderr(formatDiagnosticsText(rec.diagnostics));
        return EXIT.usage;
      }
      tally.addProblem(rec.line, rec.diagnostics, rec.caseId);
      continue;
    }
    // The trace is not needed for counting; leaving it out is faster.
    const r = rec.evaluate(rules.ruleSets, { trace: false });
    if (r.disposition && r.ruleSet) tally.add(rec.line, r.disposition, r.ruleSet);
    else tally.addProblem(rec.line, r.diagnostics, rec.caseId);
  }
  const summary = tally.summary(path);
  io.stdout(format === 'json' ? renderBatchJson(summary) : format === 'html' ? renderBatchHtml(summary) : renderBatchMarkdown(summary));
  return summary.invalid > 0 ? EXIT.problems : EXIT.ok;
}
