import { availableParallelism } from 'node:os';
import { hasErrors } from '../../diagnostics/index.js';
import { serialize } from 'node:v8';
import { parseArgs } from 'node:util';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import type { RuleSet } from '../../load/model.js';
import { bundledRulesDir } from '../../node/paths.js';
import { BatchTally, renderBatchJson, renderBatchMarkdown } from '../../report/batch.js';
import { renderBatchHtml } from '../../report/batch-html.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { batchResult, decodeResults, tallyResult, unreadableInput, type BatchWorkerData, type EncodedResults } from '../batch-eval.js';
import { CACHE_OPTIONS, cacheDirOf, cacheHelp } from '../cache-options.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { expandInputs, STDIN, STDIN_NAME } from '../inputs.js';
import { progress, type Progress } from '../progress.js';
import { mapInWorkers, WorkerFailure, workerScript } from '../worker-pool.js';
import { isNdjson, openNdjsonPieces, readCases, type NdjsonPiece } from './case-stream.js';
import { loadRules } from './evaluate.js';

/** Each worker holds a copy of the rule sets (hundreds of MB for a large catalogue): keep a typo from asking for thousands. */
const MAX_WORKERS = 64;

export const BATCH_HELP = `Usage: cailiang batch <cases>... [--rules <dir>] [--format md|json|html] [--workers <n>]

Evaluates many cases and prints statistics for supervisors: counts by outcome,
ground, grade and item; the 721 shares (服务 / 管理 / 执法) against each rule
set's target, with the gap in words; what exempted cases would otherwise have
been fined; undetermined cases; and every case that could not be evaluated,
with its line and diagnostics (the batch goes on).

<cases> is NDJSON (.ndjson or .jsonl: one JSON case per line, read as a stream,
so memory stays flat) or a YAML / JSON file holding a list of cases. Several
files (or a quoted glob, 'cases/*.ndjson') are counted together. - reads
standard input: NDJSON when it starts with {, else a YAML / JSON list.
Same input, same bytes out.

Options:
  -r, --rules <dir>      rule-set folder, or a folder of rule sets (default: bundled rules)
  -f, --format md|json|html
                         output format (default md); html has inline SVG charts
  --workers <n>          evaluate NDJSON cases in <n> worker threads (at most ${MAX_WORKERS},
                         and never more than the machine's cores: a larger n is capped, with a note);
                         the report is the same, byte for byte. 0 or absent: one
                         thread. This thread only cuts the file into pieces at line
                         ends; the workers decode, parse and evaluate. Each worker
                         holds its own copy of the rule sets.
                         A YAML / JSON list, and standard input, are always
                         evaluated in one thread.
  -q, --quiet            no progress line (shown on stderr only when it is a
                         terminal, redrawn every 1,000 cases)
${cacheHelp(25)}

Exit: 0 every case evaluated, 1 some cases could not be evaluated (still
counted and listed), 2 usage or I/O problem, 3 internal error (e.g. a worker
thread failed; no report then).
`;

function parseWorkers(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n > MAX_WORKERS) throw new UsageError(`--workers takes a whole number of threads from 1 to ${MAX_WORKERS}, or 0 for none (got "${raw}")`);
  return n;
}

/** The outcome of reading and evaluating every case into the tally. */
type Run = { ok: true } | { ok: false; exit: number; message: string };

function unreadable(diagnostics: readonly Diagnostic[]): Run {
  return { ok: false, exit: EXIT.usage, message: formatDiagnosticsText(diagnostics) };
}

async function runInThisThread(path: string, ruleSets: readonly RuleSet[], tally: BatchTally, io: CliIO, shown: Progress): Promise<Run> {
  let records = 0;
  for await (const rec of readCases(path, [], io)) {
    const r = batchResult(rec, ruleSets);
    const failed = unreadableInput(r, ++records);
    if (failed) return unreadable(failed);
    tallyResult(tally, r);
    shown.tick();
  }
  return { ok: true };
}

async function runInWorkers(path: string, ruleSets: readonly RuleSet[], tally: BatchTally, workers: number, shown: Progress): Promise<Run> {
  // This thread only cuts the file into pieces at line ends; the workers decode and parse.
  const opened = await openNdjsonPieces(path);
  if ('diagnostic' in opened) return unreadable([opened.diagnostic]);
  // Serialised once, into memory every worker reads: each deserialises its
  // own copy, in parallel, instead of the main thread cloning it per worker.
  const bytes = serialize(ruleSets);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const workerData: BatchWorkerData = { path, ruleSets: shared };
  let records = 0;
  let failed: readonly Diagnostic[] | undefined;
  try {
    // A piece's bytes move to the worker when they fill a buffer of their own (never a shared pool).
    const transfer = (p: NdjsonPiece) => ('bytes' in p && p.bytes.byteOffset === 0 && p.bytes.byteLength === p.bytes.buffer.byteLength ? [p.bytes.buffer as ArrayBuffer] : []);
    await mapInWorkers<NdjsonPiece, EncodedResults>(opened.pieces, { script: workerScript('batch-worker'), workers, workerData, transfer }, (encoded) => {
      // Results come in input order: tallied exactly as in one thread.
      for (const r of decodeResults(encoded)) {
        failed = unreadableInput(r, ++records);
        if (failed) return false;
        tallyResult(tally, r);
        shown.tick();
      }
      return true;
    });
  } catch (e) {
    if (e instanceof WorkerFailure) return { ok: false, exit: EXIT.internal, message: `cailiang batch: ${e.message}; no report was written.\n` };
    throw e;
  }
  return failed ? unreadable(failed) : { ok: true };
}

export async function batchCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rules: { type: 'string', short: 'r' },
      format: { type: 'string', short: 'f', default: 'md' },
      workers: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      ...CACHE_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(BATCH_HELP);
    return EXIT.ok;
  }
  const format = values.format === 'markdown' ? 'md' : values.format;
  if (format !== 'md' && format !== 'json' && format !== 'html') throw new UsageError(`unknown format "${values.format}" (md, json or html)`);
  const asked = parseWorkers(values.workers);
  // Each worker holds its own copy of the rule sets: more threads than cores only add memory.
  const cores = availableParallelism();
  const workers = Math.min(asked, cores);
  if (workers < asked) io.stderr(`cailiang batch: --workers ${asked} capped at ${cores}, the number of cores (each worker holds a copy of the rule sets)\n`);
  if (positionals.length === 0) throw new UsageError('batch takes a file of cases (NDJSON, or YAML holding a list), several, or - for standard input');
  const inputs = await expandInputs(positionals);

  const rules = await loadRules(values.rules ?? bundledRulesDir(), { cache: cacheDirOf(values) });
  // Warnings (folders passed over) are said and the command goes on; errors stop it.
  if (rules.diagnostics.length > 0) io.stderr(formatDiagnosticsText(sortDiagnostics(rules.diagnostics)));
  if (hasErrors(rules.diagnostics)) {
    return rules.diagnostics.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
  }
  const tally = new BatchTally();
  const shown = progress(io, 'batch', values.quiet);
  for (const path of inputs) {
    // A YAML / JSON list is one document, parsed whole before its first case:
    // it stays in this thread (such files are small).
    const run =
      workers > 0 && isNdjson(path) ? await runInWorkers(path, rules.ruleSets, tally, workers, shown) : await runInThisThread(path, rules.ruleSets, tally, io, shown);
    if (!run.ok) {
      shown.done();
      io.stderr(run.message);
      return run.exit;
    }
  }
  shown.done();
  const summary = tally.summary(inputs.map((p) => (p === STDIN ? STDIN_NAME : p)).join(', '));
  io.stdout(format === 'json' ? renderBatchJson(summary) : format === 'html' ? renderBatchHtml(summary) : renderBatchMarkdown(summary));
  return summary.invalid > 0 ? EXIT.problems : EXIT.ok;
}
