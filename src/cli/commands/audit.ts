import { hasErrors } from '../../diagnostics/index.js';
import { parseArgs } from 'node:util';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import { issuesToDiagnostics } from '../../load/issues.js';
import type { RuleSet } from '../../load/model.js';
import type { SourceFile } from '../../load/source.js';
import { bundledRulesDir } from '../../node/paths.js';
import { AuditCollector, renderAuditJson, renderAuditMarkdown, renderAuditText, toDecision } from '../../report/audit.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { Decision } from '../../schema/decided.js';
import { CACHE_OPTIONS, cacheDirOf, cacheHelp } from '../cache-options.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { expandInputs, STDIN, STDIN_NAME } from '../inputs.js';
import { progress } from '../progress.js';
import { readCases, type CaseRecord } from './case-stream.js';
import { loadRules } from './evaluate.js';

export const AUDIT_HELP = `Usage: cailiang audit <decided-cases>... [--rules <dir>] [--format text|json|md] [--spread <n>]

Holds officers' decisions against the recommendation for each case (偏离监督).
Each case carries the decision under decision:, e.g.
  decision: { outcome: penalty, fine: 30000, kinds: [fine, warning], hearingNotified: true, legalReview: true }
(fine in yuan). Flags, each with the rule it rests on:
  error    fine above the statutory maximum, or below the minimum without a 减轻 ground;
           a kind the statute does not provide; a mandatory exemption not applied;
           no hearing notice where Art. 63 requires one; no legal review (Art. 58) or
           collective decision (Art. 57) where the rule set's policy requires it
  warning  fine outside the recommended tier; a discretionary exemption not considered;
           no penalty where one was recommended; 类案不同罚: decided fines for one item
           and tier differing by more than --spread times (default 2)

<decided-cases> is NDJSON (.ndjson, .jsonl) or a YAML / JSON file holding a list;
several files (or a quoted glob) are audited together; - reads standard input
(NDJSON when it starts with {, else a YAML / JSON list).

Options:
  -r, --rules <dir>      rule-set folder, or a folder of rule sets (default: bundled rules)
  -f, --format text|json|md
                         output format (default text)
  --spread <n>           largest max/min ratio of fines within one tier (default 2)
  -q, --quiet            no progress line (shown on stderr only when it is a
                         terminal, redrawn every 1,000 cases)
${cacheHelp(25)}

Exit: 0 no error-level flag, 1 an error-level flag or a case that could not be
evaluated, 2 usage or I/O problem, 3 internal error.
`;

/** Checks the decision of one record against the schema; diagnostics point into the input file. */
function readDecision(rec: CaseRecord): { decision?: ReturnType<typeof toDecision>; diagnostics: Diagnostic[] } {
  const raw = rec.extra.decision;
  if (raw === undefined) return { diagnostics: [diagnostic('SCHEMA_REQUIRED', rec.locate([]), { key: 'decision' })] };
  const r = Decision.safeParse(raw, { reportInput: true });
  if (r.success) return { decision: toDecision(r.data), diagnostics: [] };
  // issuesToDiagnostics reads values and positions through the file: give it the record's.
  const view = { value: { decision: raw }, locate: (p: readonly PropertyKey[], key?: boolean) => rec.locate(p, key) } as unknown as SourceFile;
  return { diagnostics: issuesToDiagnostics(r.error.issues, view, ['decision']) };
}

/**
 * Audits one decided case read without problems into the collector: its
 * decision against the recommendation, or its diagnostics when either cannot
 * be read (`cailiang audit` and the HTTP server's /v1/audit both go through here).
 */
export function auditRecord(collector: AuditCollector, rec: CaseRecord, ruleSets: readonly RuleSet[]): void {
  const dec = readDecision(rec);
  const r = rec.evaluate(ruleSets, { trace: false });
  if (!dec.decision || !r.disposition || !r.ruleSet || !r.case) {
    collector.addProblem(rec.line, sortDiagnostics([...dec.diagnostics, ...r.diagnostics.filter((d) => d.severity === 'error')]), rec.caseId);
    return;
  }
  collector.add({ line: rec.line, disposition: r.disposition, ruleSet: r.ruleSet, case: r.case, decision: dec.decision });
}

export async function auditCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rules: { type: 'string', short: 'r' },
      format: { type: 'string', short: 'f', default: 'text' },
      spread: { type: 'string', default: '2' },
      quiet: { type: 'boolean', short: 'q', default: false },
      ...CACHE_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(AUDIT_HELP);
    return EXIT.ok;
  }
  const format = values.format === 'markdown' ? 'md' : values.format;
  if (format !== 'text' && format !== 'json' && format !== 'md') throw new UsageError(`unknown format "${values.format}" (text, json or md)`);
  const spread = Number(values.spread);
  if (!Number.isFinite(spread) || spread < 1) throw new UsageError(`--spread takes a ratio of at least 1, e.g. 2 (got "${values.spread}")`);
  if (positionals.length === 0) throw new UsageError('audit takes a file of decided cases (NDJSON, or YAML holding a list), several, or - for standard input');
  const inputs = await expandInputs(positionals);

  const rules = await loadRules(values.rules ?? bundledRulesDir(), { cache: cacheDirOf(values) });
  // Warnings (folders passed over) are said and the command goes on; errors stop it.
  if (rules.diagnostics.length > 0) io.stderr(formatDiagnosticsText(sortDiagnostics(rules.diagnostics)));
  if (hasErrors(rules.diagnostics)) {
    return rules.diagnostics.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
  }
  const collector = new AuditCollector(spread);
  const shown = progress(io, 'audit', values.quiet);
  for (const path of inputs) {
    let records = 0;
    for await (const rec of readCases(path, ['decision'], io)) {
      records++;
      shown.tick();
      if (rec.diagnostics.length > 0) {
        if (records === 1 && rec.diagnostics.some((d) => d.code.startsWith('IO_') || d.code === 'FILE_TOO_LARGE')) {
          shown.done();
          io.stderr(formatDiagnosticsText(rec.diagnostics));
          return EXIT.usage;
        }
        collector.addProblem(rec.line, rec.diagnostics, rec.caseId);
        continue;
      }
      auditRecord(collector, rec, rules.ruleSets);
    }
  }
  shown.done();
  const report = collector.report(inputs.map((p) => (p === STDIN ? STDIN_NAME : p)).join(', '));
  io.stdout(format === 'json' ? renderAuditJson(report) : format === 'md' ? renderAuditMarkdown(report) : renderAuditText(report));
  return report.counts.error > 0 || report.invalid > 0 ? EXIT.problems : EXIT.ok;
}
