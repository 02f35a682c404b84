// The worker of `npm run fuzz` (fuzz.ts): runs inputs from..from+count of a
// seed and reports each start and end, so the parent can stop it on a hang.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSources, makeTarget, runCliOn, runLibrary } from './fuzz-core.js';
import { BOUND_MS, timeBound, type Problem } from './harness.js';

const { seed, from, count, cliEvery, deadline } = workerData as { seed: number; from: number; count: number; cliEvery: number; deadline: number };
// A script, not a unit test: slow inputs are reported too.
timeBound.ms = BOUND_MS;
const src = await loadSources();
for (let i = from; i < from + count && Date.now() < deadline; i++) {
  parentPort!.postMessage({ type: 'start', i });
  const target = makeTarget(src, seed, i);
  const problems: Problem[] = [];
  runLibrary(target, src, problems);
  const cli = cliEvery > 0 && i % cliEvery === 0;
  if (cli) await runCliOn(target, src, problems, i);
  parentPort!.postMessage({ type: 'done', i, cli, problems });
}
parentPort!.postMessage({ type: 'end' });
