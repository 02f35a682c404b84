import { parseArgs } from 'node:util';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import { evaluate } from '../../evaluate/evaluate.js';
import type { Disposition } from '../../evaluate/types.js';
import { loadCase } from '../../load/loadCase.js';
import { pickRuleSet } from '../../load/pick.js';
import type { RuleSet } from '../../load/model.js';
import { parseSource } from '../../load/source.js';
import { readSource } from '../../node/fs.js';
import { bundledRulesDir } from '../../node/paths.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { renderDispositionJson } from '../../report/disposition-json.js';
import { renderDispositionMarkdown } from '../../report/disposition-markdown.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { checkDirs } from './verify.js';

export const EVALUATE_HELP = `Usage: cailiang evaluate <case.yaml>... [--rules <dir>] [--format md|json] [--no-trace]

Evaluates each case (YAML or JSON) against the rule set it names (ruleSet:), or
the one rule set under --rules whose items it uses, and prints the recommended
disposition: zh-CN Markdown by default, canonical JSON with --format json.

Options:
  --rules <dir>      rule-set folder, or a folder of rule sets (default: bundled rules)
  --format md|json   output format (default md)
  --no-trace         leave out the reasoning steps

Exit: 0 every case evaluated, 1 a case or rule set is invalid, 2 usage or I/O problem.
`;

/** Loads the rule sets under `dir`; reports their diagnostics when any fails. */
export async function loadRules(dir: string): Promise<{ ruleSets: RuleSet[]; diagnostics: Diagnostic[] }> {
  const checked = await checkDirs([dir]);
  return {
    ruleSets: checked.flatMap((r) => (r.ruleSet ? [r.ruleSet] : [])),
    diagnostics: checked.flatMap((r) => (r.ruleSet ? [] : r.diagnostics)),
  };
}

export async function evaluateCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rules: { type: 'string' },
      format: { type: 'string', default: 'md' },
      'no-trace': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(EVALUATE_HELP);
    return EXIT.ok;
  }
  const format = values.format === 'markdown' ? 'md' : values.format;
  if (format !== 'md' && format !== 'json') throw new UsageError(`unknown format "${values.format}" (md or json)`);
  if (positionals.length === 0) throw new UsageError('evaluate needs at least one case file');

  const rules = await loadRules(values.rules ?? bundledRulesDir());
  if (rules.diagnostics.length > 0) {
    io.stderr(formatDiagnosticsText(sortDiagnostics(rules.diagnostics)));
    return rules.diagnostics.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
  }
  const outputs: string[] = [];
  const dispositions: Disposition[] = [];
  let exit: number = EXIT.ok;
  for (const path of positionals) {
    const read = await readSource(path);
    if (!read.source) {
      io.stderr(formatDiagnosticsText([read.diagnostic!]));
      exit = EXIT.usage;
      continue;
    }
    const pre = parseSource(read.source);
    if (!pre.file) {
      io.stderr(formatDiagnosticsText(pre.diagnostics));
      exit = Math.max(exit, EXIT.problems);
      continue;
    }
    const ruleSet = pickRuleSet(rules.ruleSets, pre.file.value);
    if (!ruleSet) {
      io.stderr(
        formatDiagnosticsText([
          diagnostic('UNKNOWN_ITEM', pre.file.locate(['item']), {
            code: `no single rule set under ${values.rules ?? 'the bundled rules'} fits this case (name it with ruleSet:)`,
          }),
        ]),
      );
      exit = Math.max(exit, EXIT.problems);
      continue;
    }
    const loaded = loadCase(read.source, ruleSet);
    if (!loaded.case) {
      io.stderr(formatDiagnosticsText(loaded.diagnostics));
      exit = Math.max(exit, EXIT.problems);
      continue;
    }
    if (loaded.diagnostics.length > 0) io.stderr(formatDiagnosticsText(loaded.diagnostics));
    const d = evaluate(ruleSet, loaded.case, { trace: !values['no-trace'] });
    dispositions.push(d);
    if (format === 'md') outputs.push(renderDispositionMarkdown(d, ruleSet, loaded.case));
  }
  if (format === 'json') {
    if (dispositions.length === 1 && positionals.length === 1) io.stdout(renderDispositionJson(dispositions[0]!));
    else if (dispositions.length > 0) io.stdout('[\n' + dispositions.map((d) => renderDispositionJson(d).trimEnd()).join(',\n') + '\n]\n');
  } else io.stdout(outputs.join('\n'));
  return exit;
}
