import { hasErrors } from '../../diagnostics/index.js';
import { parseArgs } from 'node:util';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import { evaluateInCatalog, evaluateRoutedSource, routingOf, type CatalogResult } from '../../evaluate/versions.js';
import { isIsoDate } from '../../schema/primitives.js';
import type { Disposition } from '../../evaluate/types.js';
import { bundledRulesDir } from '../../node/paths.js';
import { LazyCatalog } from '../../node/ruleSetCatalog.js';
import type { SourceInput } from '../../load/source.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { renderDispositionsHtml, type CaseReportInput } from '../../report/disposition-html.js';
import { renderDispositionJson } from '../../report/disposition-json.js';
import { renderDispositionMarkdown } from '../../report/disposition-markdown.js';
import { CACHE_OPTIONS, cacheDirOf, cacheHelp } from '../cache-options.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { expandInputs, readInput } from '../inputs.js';
import { openOutput } from '../output.js';
import { loadRules } from '../load-rules.js';

export const EVALUATE_HELP = `Usage: cailiang evaluate <case.yaml>... [--rules <dir>] [--format md|json|html] [--no-trace] [--as-of YYYY-MM-DD]

Evaluates each case (YAML or JSON; a file, a quoted glob such as 'cases/*.yaml',
or - for standard input) against the rule set it names (ruleSet:), or
the one under --rules whose items it uses, in the version in force on the act
date; when a later version is in force on the decision date and is lighter, that
one applies (行政处罚法 Art. 37). Prints the recommended disposition: zh-CN
Markdown by default, canonical JSON with --format json, a self-contained
HTML page (inline CSS, prints on A4) with --format html.

Options:
  -r, --rules <dir>  rule-set folder, or a folder of rule sets (default: bundled rules)
  -f, --format md|json|html
                     output format (default md)
  --no-trace         leave out the reasoning steps
  --as-of YYYY-MM-DD the day of evaluation, for a case without a decision date:
                     the earliest decision date (Art. 37: versions beginning
                     later are still compared) and the latest discovery date
                     (Art. 36); without it such steps stay open
  -o, --output <file>
                     write the report to <file> (atomically) instead of standard
                     output; never over an input, never into a rules folder
${cacheHelp(21)}

Exit: 0 every case evaluated, 1 a case or rule set is invalid (or its facts
contradict each other), 2 usage or I/O problem, 3 internal error.
`;

export { loadRules } from '../load-rules.js';

/**
 * The cases evaluated against the rule sets under `dir`, loading only those
 * they need (see LazyCatalog); when that cannot settle a case, every rule set
 * is loaded, as {@link loadRules} does, and the cases are evaluated against
 * them all. The answers are the same either way.
 */
async function evaluateAll(
  dir: string,
  sources: readonly (SourceInput | undefined)[],
  options: { readonly cache?: string; readonly trace: boolean; readonly asOf?: string },
): Promise<{ diagnostics: Diagnostic[]; results: (CatalogResult | undefined)[] }> {
  const evalOptions = { trace: options.trace, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) };
  const load = options.cache !== undefined ? { cache: options.cache } : {};
  const catalog = await LazyCatalog.open(dir, load);
  if (catalog) {
    const results: (CatalogResult | undefined)[] = [];
    for (const source of sources) {
      if (!source) {
        results.push(undefined);
        continue;
      }
      const routing = routingOf(source);
      // A case that does not parse needs no rule set: its diagnostics are the answer.
      if (!routing) {
        results.push(evaluateInCatalog([], source, evalOptions));
        continue;
      }
      const route = await catalog.route(routing);
      if (!route) break;
      results.push(evaluateRoutedSource(route.versions, route.benchmarkGap, source, evalOptions, route.passedOver));
    }
    if (results.length === sources.length) return { diagnostics: [...catalog.skipped], results };
  }
  const rules = await loadRules(dir, load);
  if (hasErrors(rules.diagnostics)) return { diagnostics: rules.diagnostics, results: [] };
  return { diagnostics: rules.diagnostics, results: sources.map((s) => (s ? evaluateInCatalog(rules.ruleSets, s, evalOptions) : undefined)) };
}

export async function evaluateCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rules: { type: 'string', short: 'r' },
      format: { type: 'string', short: 'f', default: 'md' },
      'no-trace': { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      output: { type: 'string', short: 'o' },
      ...CACHE_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(EVALUATE_HELP);
    return EXIT.ok;
  }
  const format = values.format === 'markdown' ? 'md' : values.format;
  if (format !== 'md' && format !== 'json' && format !== 'html') throw new UsageError(`unknown format "${values.format}" (md, json or html)`);
  if (positionals.length === 0) throw new UsageError('evaluate needs at least one case file (or - for standard input)');
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of takes a date YYYY-MM-DD, got "${asOf}"`);
  const inputs = await expandInputs(positionals);

  const rulesDir = values.rules ?? bundledRulesDir();
  const out = await openOutput('evaluate', values.output, io, { inputs: inputs.filter((p) => p !== '-'), rulesDirs: [rulesDir] });
  if (typeof out === 'number') return out;
  // Every input is read first: what a case names decides which rule sets are loaded.
  const reads: Awaited<ReturnType<typeof readInput>>[] = [];
  for (const path of inputs) reads.push(await readInput(path, io));
  const cache = cacheDirOf(values);
  const run = await evaluateAll(rulesDir, reads.map((r) => r.source), {
    ...(cache !== undefined ? { cache } : {}),
    trace: !values['no-trace'],
    ...(asOf !== undefined ? { asOf } : {}),
  });
  // Warnings (folders passed over) are said and the command goes on; errors stop it.
  if (run.diagnostics.length > 0) io.stderr(formatDiagnosticsText(sortDiagnostics(run.diagnostics)));
  if (hasErrors(run.diagnostics)) {
    return run.diagnostics.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
  }
  const outputs: string[] = [];
  const dispositions: Disposition[] = [];
  const reports: CaseReportInput[] = [];
  let exit: number = EXIT.ok;
  reads.forEach((read, i) => {
    if (!read.source) {
      io.stderr(formatDiagnosticsText([read.diagnostic!]));
      exit = EXIT.usage;
      return;
    }
    const r = run.results[i]!;
    if (r.diagnostics.length > 0) io.stderr(formatDiagnosticsText(r.diagnostics));
    if (!r.disposition) {
      exit = Math.max(exit, EXIT.problems);
      return;
    }
    // Contradictory facts: the report says undetermined, and the input needs correcting.
    if (r.diagnostics.some((d) => d.code === 'CASE_FACTS_CONTRADICT')) exit = Math.max(exit, EXIT.problems);
    dispositions.push(r.disposition);
    if (format === 'md') outputs.push(renderDispositionMarkdown(r.disposition, r.ruleSet!, r.case!));
    if (format === 'html') reports.push({ disposition: r.disposition, ruleSet: r.ruleSet!, case: r.case! });
  });
  if (format === 'json') {
    if (dispositions.length === 1 && inputs.length === 1) out.stdout(renderDispositionJson(dispositions[0]!));
    else if (dispositions.length > 0) out.stdout('[\n' + dispositions.map((d) => renderDispositionJson(d).trimEnd()).join(',\n') + '\n]\n');
  } else if (format === 'html') {
    // One page; several cases follow one another, each on a new printed page.
    if (reports.length > 0) out.stdout(renderDispositionsHtml(reports));
  } else out.stdout(outputs.join('\n'));
  return out.finish(exit);
}
