// npm run fuzz [-- --seed N] [--seconds S] [--from I] [--count N] [--cli-every K] [--no-save]
//
// A longer fuzz than the CI one (test/hostile/fuzz.test.ts): a random seed
// (printed first, so a run can be repeated), mutated bundled rule files,
// fixture cases and fixtures through the library and, every K-th input, the
// CLI. Inputs run in a worker thread: one that takes longer than the hang
// limit is stopped and reported. Failing inputs are written to
// test/hostile/regressions/ (unless --no-save), where hostile.test.ts replays
// them on every test run.
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { loadSources, makeTarget, saveRegression, where } from './fuzz-core.js';
import type { Problem } from './harness.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    seconds: { type: 'string', default: '120' },
    from: { type: 'string', default: '0' },
    count: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
    'cli-every': { type: 'string', default: '10' },
    'hang-ms': { type: 'string', default: '30000' },
    'no-save': { type: 'boolean', default: false },
  },
});
const seed = values.seed !== undefined ? Number(values.seed) : (Math.random() * 2 ** 31) >>> 0;
const seconds = Number(values.seconds);
const hangMs = Number(values['hang-ms']);
const end = Date.now() + seconds * 1000;
console.log(`cailiang fuzz: seed ${seed} (repeat with: npm run fuzz -- --seed ${seed}), ${seconds} s`);

let next = Number(values.from);
const last = Number(values.from) + Number(values.count);
let inputs = 0;
let cliRuns = 0;
let failures = 0;
const started = Date.now();
const src = await loadSources();

function fail(i: number, problems: readonly Problem[]): void {
  failures++;
  const target = makeTarget(src, seed, i);
  console.log(`\n✗ input ${i}: ${target.kind} ${target.name} [${target.applied.join(', ')}]`);
  for (const p of problems) console.log(`    ${p.what}: ${p.detail.split('\n').slice(0, 6).join('\n      ')}`);
  if (!values['no-save']) console.log(`    kept as ${where(saveRegression(target, seed, i, problems))}`);
}

while (next < last && Date.now() < end) {
  const count = last - next;
  await new Promise<void>((resolve) => {
    // Workers do not inherit the parent's module hooks: register tsx, then load the TypeScript worker.
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./fuzz-worker.ts', import.meta.url).href)}); })`;
    const worker = new Worker(boot, {
      eval: true,
      workerData: { seed, from: next, count, cliEvery: Number(values['cli-every']), deadline: end },
    });
    let current = -1;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // A hang: stop the worker, report the input, go on after it.
        void worker.terminate();
        fail(current, [{ what: 'hang', detail: `no result after ${hangMs} ms` }]);
        next = current + 1;
        resolve();
      }, hangMs);
    };
    worker.on('message', (m: { type: string; i: number; cli?: boolean; problems?: Problem[] }) => {
      if (m.type === 'start') {
        current = m.i;
        arm();
      } else if (m.type === 'done') {
        inputs++;
        if (m.cli) cliRuns++;
        if (m.problems!.length) fail(m.i, m.problems!);
        next = m.i + 1;
        if (inputs % 500 === 0) process.stdout.write(`  ${inputs} inputs, ${failures} failing\n`);
      } else if (m.type === 'end') {
        clearTimeout(timer);
        next = Math.max(next, last);
        resolve();
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      if (current < 0) {
        // Not an input's fault: the worker did not start.
        console.error(`cailiang fuzz: the worker failed to start: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(2);
      }
      fail(current, [{ what: 'worker crashed', detail: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }]);
      next = current + 1;
      resolve();
    });
  });
}
const secs = (Date.now() - started) / 1000;
console.log(`\ncailiang fuzz: seed ${seed}: ${inputs} inputs (${cliRuns} through the CLI) in ${secs.toFixed(0)} s, ${(inputs / secs).toFixed(0)} per second; ${failures} failing`);
process.exitCode = failures > 0 ? 1 : 0;
