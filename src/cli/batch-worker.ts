import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSet } from '../load/model.js';
import { sealRuleSet } from '../load/seal.js';
import { batchResult, encodeResults, type BatchResult, type BatchWorkerData, type EncodedResults } from './batch-eval.js';
import { pieceRecords, type NdjsonPiece } from './commands/case-stream.js';
import type { WorkerReply } from './worker-pool.js';

/**
 * A worker thread of `cailiang batch --workers`: splits, decodes, parses and
 * evaluates pieces of an NDJSON file (bytes the main thread cut at line
 * ends), and answers each with its results in the order of the lines (the
 * main thread tallies them in input order).
 */

const { path, ruleSets: shared } = workerData as BatchWorkerData;
// The main thread loaded and checked the rule sets once and serialised them
// into shared memory: each worker only deserialises its own copy.
// A structured clone gives plain objects again: seal them as the loader does.
const ruleSets = (deserialize(new Uint8Array(shared)) as RuleSet[]).map(sealRuleSet);
const port = parentPort!;

port.on('message', ({ seq, input }: { seq: number; input: NdjsonPiece }) => {
  let line = 'before' in input ? input.before + 1 : input.tooLong;
  let reply: WorkerReply<EncodedResults>;
  try {
    const output: BatchResult[] = [];
    pieceRecords(path, input, (rec) => {
      line = rec.line;
      output.push(batchResult(rec, ruleSets));
    });
    reply = { seq, output: encodeResults(output) };
  } catch (e) {
    // A bug in cailiang, not in the input: tell which line set it off.
    reply = { seq, error: `internal error at line ${line} of ${path} (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})` };
  }
  port.postMessage(reply);
});
