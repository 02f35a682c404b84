/**
 * A workload to run under `node --cpu-prof` on the benchmark input (.bench/, from generate.ts):
 *
 *   node --cpu-prof --cpu-prof-dir=.bench/prof --import tsx test/bench/profile.ts load
 *   node --cpu-prof --cpu-prof-dir=.bench/prof --import tsx test/bench/profile.ts evaluate [--trace] [--seconds 20]
 *   node --cpu-prof --cpu-prof-dir=.bench/prof --import tsx test/bench/profile.ts loadcase [--seconds 20]
 *   node --cpu-prof --cpu-prof-dir=.bench/prof --import tsx test/bench/profile.ts catalog [--trace] [--seconds 20]
 *   node --import tsx test/bench/cpuprofile-top.ts .bench/prof/<file>.cpuprofile [--focus evaluateWith]
 *
 * Add --src to profile the TypeScript sources through tsx rather than the built dist/ (the default).
 *
 * `load` loads the 11k-item rule set once (loadRuleSetDir). `evaluate` loads it, pre-loads cases
 * with loadCase, then runs evaluate() in a loop for --seconds; the loading is in the profile too,
 * so summarise it with `--focus evaluateWith` (only samples under that function). `loadcase` runs
 * loadCase in a loop (the step before evaluate, and part of every batch case). `catalog` runs the
 * batch's path per case, evaluateInCatalog on the parsed JSON value (loadCase + evaluate and the
 * choice of rule set and version; `--focus evaluateInCatalog`).
 */
import { createReadStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Case } from '../../src/evaluate/types.js';

// The built modules (dist/, from tsup), so that the profile names real lines of readable JS;
// `--src` takes the TypeScript sources through tsx instead.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fromSrc = process.argv.includes('--src');
const lib = (await import(pathToFileURL(join(ROOT, fromSrc ? 'src/index.ts' : 'dist/index.js')).href)) as typeof import('../../src/index.js');
const node = (await import(pathToFileURL(join(ROOT, fromSrc ? 'src/node/index.ts' : 'dist/node.js')).href)) as typeof import('../../src/node/index.js');
const { evaluate, evaluateInCatalog, loadCase } = lib;
const { loadRuleSetDir } = node;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: '.bench' },
    seconds: { type: 'string', default: '20' },
    cases: { type: 'string', default: '3000' },
    trace: { type: 'boolean', default: false },
    src: { type: 'boolean', default: false },
  },
});
const mode = positionals[0] ?? 'evaluate';
const out = resolve(opts.out!);
const seconds = Number(opts.seconds);
const caseCount = Number(opts.cases);
const trace = opts.trace!;

const t = performance.now();
const { ruleSet: rs, diagnostics } = await loadRuleSetDir(join(out, 'rules', 'province'));
if (!rs) throw new Error(`rule set does not load: ${diagnostics[0]?.code}`);
console.error(`load: ${((performance.now() - t) / 1000).toFixed(2)} s`);

if (mode !== 'load') {
  const values: unknown[] = [];
  for await (const line of createInterface({ input: createReadStream(join(out, 'cases.ndjson')), crlfDelay: Infinity })) {
    values.push(JSON.parse(line));
    if (values.length >= caseCount) break;
  }
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  let sink = 0;
  if (mode === 'loadcase') {
    while (performance.now() < deadline) {
      const r = loadCase({ value: values[n % values.length] }, rs);
      sink += r.diagnostics.length;
      n++;
    }
  } else if (mode === 'catalog') {
    while (performance.now() < deadline) {
      const r = evaluateInCatalog([rs], { path: 'cases.ndjson', value: values[n % values.length] }, { trace });
      sink += r.diagnostics.length;
      n++;
    }
  } else {
    const list: Case[] = values.map((v) => loadCase({ value: v }, rs).case!);
    console.error(`loadCase: ${list.length} cases`);
    const start = performance.now();
    const end = start + seconds * 1000;
    while (performance.now() < end) {
      for (let i = 0; i < 100; i++) {
        const d = evaluate(rs, list[n % list.length]!, { trace });
        sink += d.penalties.length;
        n++;
      }
    }
  }
  console.error(`${mode}${mode !== 'loadcase' ? ` (trace ${trace ? 'on' : 'off'})` : ''}: ${n} cases in ${seconds} s (${Math.round(n / seconds)} cases/s)${sink < 0 ? '!' : ''}`);
}

