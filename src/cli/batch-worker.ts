import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSet } from '../load/model.js';
import { sealRuleSet } from '../load/seal.js';
import { batchResult, encodeResults, type BatchWorkerData, type EncodedResults } from './batch-eval.js';
import { ndjsonLineRecord, type NdjsonLine } from './commands/case-stream.js';
import type { WorkerReply } from './worker-pool.js';

/**
 * A worker thread of `cailiang batch --workers`: evaluates chunks of NDJSON
 * lines read by the main thread, and answers each with its results in the
 * order of the lines (the main thread tallies them in input order).
 */

const { path, ruleSets: shared } = workerData as BatchWorkerData;
// The main thread loaded and checked the rule sets once and serialised them
// into shared memory: each worker only deserialises its own copy.
// A structured clone gives plain objects again: seal them as the loader does.
const ruleSets = (deserialize(new Uint8Array(shared)) as RuleSet[]).map(sealRuleSet);
const port = parentPort!;

port.on('message', ({ seq, input }: { seq: number; input: readonly NdjsonLine[] }) => {
  let line = 0;
  let reply: WorkerReply<EncodedResults>;
  try {
    const output = input.map((l) => {
      line = l.line;
      return batchResult(ndjsonLineRecord(path, l), ruleSets);
    });
    reply = { seq, output: encodeResults(output) };
  } catch (e) {
    // A bug in cailiang, not in the input: tell which line set it off.
    reply = { seq, error: `internal error at line ${line} of ${path} (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})` };
  }
  port.postMessage(reply);
});
