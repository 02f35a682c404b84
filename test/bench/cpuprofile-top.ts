/**
 * Top functions by self time in a V8 .cpuprofile (from `node --cpu-prof`).
 *
 *   node --import tsx test/bench/cpuprofile-top.ts <file.cpuprofile> [--top 10] [--focus <function name>]
 *
 * --focus keeps only the samples whose stack contains a function of that name (e.g. evaluateWith),
 * so that the set-up in the same process (loading the rules) is left out. Percentages are of the
 * samples kept. --modules also prints self time by package (yaml, zod, json-rules-engine, cailiang, GC, …).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '10' }, focus: { type: 'string' }, modules: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) throw new Error('usage: cpuprofile-top.ts <file.cpuprofile> [--top 10] [--focus name]');
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const underFocus = new Map<number, boolean>();
function inFocus(id: number): boolean {
  if (!values.focus) return true;
  const known = underFocus.get(id);
  if (known !== undefined) return known;
  const n = byId.get(id)!;
  const r = n.callFrame.functionName === values.focus ? true : parent.has(id) ? inFocus(parent.get(id)!) : false;
  underFocus.set(id, r);
  return r;
}

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/(src|node_modules|test)\//, '$1/');
const self = new Map<string, number>();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const id = p.samples[i]!;
  const dt = p.timeDeltas[i + 1] ?? 0;
  if (!inFocus(id)) continue;
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'}\t${f.url ? `${short(f.url)}:${f.lineNumber + 1}` : ''}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
console.log(`${file}: ${(total / 1000).toFixed(0)} ms of samples${values.focus ? ` under ${values.focus}` : ''} (profile ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s)`);
console.log('| # | function | where | self ms | self % |');
console.log('|---:|---|---|---:|---:|');
top.forEach(([k, us], i) => {
  const [fn, where] = k.split('\t');
  console.log(`| ${i + 1} | \`${fn}\` | ${where || '(native/VM)'} | ${(us / 1000).toFixed(0)} | ${((us / total) * 100).toFixed(1)} |`);
});

if (values.modules) {
  const mods = new Map<string, number>();
  for (const [k, us] of self) {
    const where = k.split('\t')[1] ?? '';
    const fn = k.split('\t')[0] ?? '';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
    const mod = m ? m[1]! : /(^|\/)(dist|src)\//.test(where) ? 'cailiang' : where.startsWith('node:') ? 'node internals' : fn.startsWith('(') ? fn : where ? 'other' : 'native';
    mods.set(mod, (mods.get(mod) ?? 0) + us);
  }
  console.log('\n| package | self ms | self % |\n|---|---:|---:|');
  for (const [m, us] of [...mods.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`| ${m} | ${(us / 1000).toFixed(0)} | ${((us / total) * 100).toFixed(1)} |`);
}
