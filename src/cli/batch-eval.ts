import type { Diagnostic } from '../diagnostics/index.js';
import type { RuleSet } from '../load/model.js';
import { UNFROZEN, type InternalOptions } from '../evaluate/evaluate.js';
import { batchCase, type BatchCase, type BatchTally } from '../report/batch.js';
import type { CaseRecord } from './commands/case-stream.js';

/**
 * One case of `cailiang batch`, evaluated and reduced to what the tally
 * needs. The single-thread batch and the worker threads of `--workers` both
 * go through here, so they count exactly alike.
 */

/** An evaluated case, or one that could not be evaluated (plain data: it crosses threads). */
export type BatchResult =
  | { readonly line: number; readonly case: BatchCase }
  | {
      readonly line: number;
      readonly problem: readonly Diagnostic[];
      readonly caseId?: string;
      /** The record itself could not be read (I/O, syntax, not an object), as opposed to a case that does not evaluate. */
      readonly unread?: true;
    };

/** What every batch worker thread gets at start. */
export interface BatchWorkerData {
  /** The input as named on the command line (diagnostics point at it). */
  readonly path: string;
  /** The rule sets, serialised once with v8.serialize by the main thread. */
  readonly ruleSets: SharedArrayBuffer;
}

const BATCH_OPTIONS: InternalOptions = { trace: false, [UNFROZEN]: true };

export function batchResult(rec: CaseRecord, ruleSets: readonly RuleSet[]): BatchResult {
  const problem = (diagnostics: readonly Diagnostic[]): BatchResult => ({ line: rec.line, problem: diagnostics, ...(rec.caseId !== undefined ? { caseId: rec.caseId } : {}) });
  if (rec.diagnostics.length > 0) return { ...problem(rec.diagnostics), unread: true };
  // The trace is not needed for counting; leaving it out is faster. The disposition is reduced to the
  // tally's record here and never handed out, so it is not frozen either.
  const r = rec.evaluate(ruleSets, BATCH_OPTIONS);
  return r.disposition && r.ruleSet ? { line: rec.line, case: batchCase(r.disposition, r.ruleSet) } : problem(r.diagnostics);
}

export function tallyResult(tally: BatchTally, r: BatchResult): void {
  if ('case' in r) tally.addCase(r.line, r.case);
  else tally.addProblem(r.line, r.problem, r.caseId);
}

/**
 * The diagnostics when the first record says the file itself cannot be read
 * (rather than one bad case): an I/O problem, exit 2, no report.
 */
export function unreadableInput(r: BatchResult, records: number): readonly Diagnostic[] | undefined {
  if (records !== 1 || !('problem' in r) || !r.unread) return undefined;
  return r.problem.some((d) => d.code.startsWith('IO_') || d.code === 'FILE_TOO_LARGE') ? r.problem : undefined;
}

/**
 * Results of a chunk as they cross from a worker to the main thread. The
 * main thread reads every result, and rebuilding objects from a structured
 * clone costs it several times what JSON.parse does (about 15 against 3 µs a
 * case): with evaluation at tens of µs a case, that decides whether it keeps
 * up with the workers. JSON keeps everything a result holds (strings, finite
 * numbers, booleans, lists, objects without undefined values) except
 * non-finite numbers, which it turns into null; a result never holds null, so
 * a chunk whose JSON has a null value goes as objects instead.
 */
export type EncodedResults = string | BatchResult[];

// A null value in compact JSON: after ':' '[' or ',' and before ',' ']' or '}'. Text
// inside a string that looks the same only costs the slower way, never a wrong result.
const NULL_VALUE = /[:[,]null[,\]}]/;

export function encodeResults(results: BatchResult[]): EncodedResults {
  const json = JSON.stringify(results);
  return NULL_VALUE.test(json) ? results : json;
}

export function decodeResults(encoded: EncodedResults): BatchResult[] {
  return typeof encoded === 'string' ? (JSON.parse(encoded) as BatchResult[]) : encoded;
}
