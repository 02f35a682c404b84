/**
 * One cold load in a process of its own, for `npm run bench`: how long it takes and how much
 * of the heap the loaded rule sets hold afterwards (heap used after gc, less the heap used
 * before, with the loader's modules already imported), against the bytes of their YAML files.
 *
 *   node --expose-gc --import tsx test/bench/held.ts <dir> [--catalogue] [--plans <cases.ndjson>]
 *
 * <dir> is one rule-set folder, or with --catalogue a folder of rule sets (every one under it is
 * loaded, as the CLI loads rules/). --plans also evaluates the cases of that file (trace off)
 * so that every item they name has its plan built, and reports the heap held then too.
 * Prints one JSON line on stdout.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import type { RuleSet } from '../../src/load/model.js';
import { loadRuleSetDir } from '../../src/node/loadRuleSetDir.js';
import { findRuleSetDirs } from '../../src/node/ruleSetDirs.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { catalogue: { type: 'boolean', default: false }, plans: { type: 'string' } } });
const dir = positionals[0];
if (!dir) throw new Error('held.ts takes a folder');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

function yamlBytes(d: string): number {
  let n = 0;
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) n += yamlBytes(p);
    else if (/\.ya?ml$/.test(name)) n += statSync(p).size;
  }
  return n;
}

const before = heap();
const t0 = performance.now();
const dirs = values.catalogue ? await findRuleSetDirs(dir) : [dir];
const ruleSets: RuleSet[] = [];
let bytes = 0;
for (const d of dirs) {
  const r = await loadRuleSetDir(d);
  if (!r.ruleSet) throw new Error(`${d} does not load: ${r.diagnostics[0]?.code} ${r.diagnostics[0]?.message}`);
  ruleSets.push(r.ruleSet);
  bytes += yamlBytes(d);
}
const seconds = (performance.now() - t0) / 1000;
const held = heap() - before;
let withPlans: number | undefined;
let evaluated = 0;
if (values.plans) {
  for (const line of readFileSync(values.plans, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = evaluateInCatalog(ruleSets, { path: values.plans, value: JSON.parse(line) as unknown }, { trace: false });
    if (r.disposition) evaluated++;
  }
  withPlans = heap() - before;
}
const items = ruleSets.reduce((n, r) => n + r.items.length, 0);
process.stdout.write(JSON.stringify({ seconds, held, withPlans, evaluated, bytes, items, sets: ruleSets.length, keep: ruleSets.length }) + '\n');
