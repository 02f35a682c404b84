/**
 * The limits of `npm run bench` (issue 15, class 9, and the hostile inputs
 * whose cost the unit tests check by counting): each figure measured in a
 * child process of its own, so that its peak RSS is its own.
 *
 *   node --import tsx test/bench/limits.ts            all figures, as a table
 *   node --import tsx test/bench/limits.ts --json     the same as JSON rows
 *
 * Figures only: nothing here asserts a time.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { manyItems, manyTiers } from './shapes.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SELF = fileURLToPath(import.meta.url);

export interface LimitRow {
  readonly figure: string;
  readonly seconds?: number;
  readonly peakRssMB?: number;
  /** Upper bound for `seconds` or `peakRssMB`. */
  readonly target?: { readonly seconds?: number; readonly mb?: number };
  readonly note?: string;
}

const cpu = () => performance.now();

/** One measurement, in this process (the child). */
async function measure(kind: string, n: number): Promise<Record<string, unknown>> {
  if (kind === 'verify-tiers') {
    const { loadRuleSet } = await import('../../src/load/loadRuleSet.js');
    const { runVerify } = await import('../../src/verify/verifyRuleSet.js');
    const { boxOperations } = await import('../../src/verify/regions.js');
    const rs = loadRuleSet(manyTiers(n)).ruleSet!;
    const ops = boxOperations();
    const t = cpu();
    const r = runVerify(rs, { asOf: '2025-06-01' });
    return { seconds: (cpu() - t) / 1000, operations: boxOperations() - ops, findings: r.diagnostics.length };
  }
  if (kind === 'load-items') {
    const { loadRuleSet } = await import('../../src/load/loadRuleSet.js');
    const files = manyItems(n);
    const bytes = Buffer.byteLength(files[1]!.text);
    const t = cpu();
    const r = loadRuleSet(files);
    return { seconds: (cpu() - t) / 1000, bytes, items: r.ruleSet?.items.length ?? 0, errors: r.diagnostics.filter((d) => d.severity === 'error').length };
  }
  if (kind === 'quoted' || kind === 'plain') {
    const { parseSource } = await import('../../src/load/source.js');
    const q = kind === 'quoted' ? '"' : '';
    const text = 'items: ' + q + 'x'.repeat(n) + q + '\n';
    parseSource({ path: 'a.yaml', text });
    const t = cpu();
    parseSource({ path: 'a.yaml', text });
    return { seconds: (cpu() - t) / 1000 };
  }
  if (kind === 'case-list') {
    const { evaluateInCatalog } = await import('../../src/evaluate/versions.js');
    const { loadRuleSetDir } = await import('../../src/node/loadRuleSetDir.js');
    const mini = (await loadRuleSetDir(join(ROOT, 'test/data/mini'))).ruleSet!;
    const text = `id: l\nitem: T-1\nparty: { kind: organization }\ndates: { act: 2025-03-01 }\ncircumstances: [${'1,'.repeat(n)}1]\n`;
    const t = cpu();
    const r = evaluateInCatalog([mini], { path: 'many.yaml', text });
    return { seconds: (cpu() - t) / 1000, diagnostics: r.diagnostics.length };
  }
  throw new Error(`unknown measurement ${kind}`);
}

/** Runs `limits.ts --one kind --n n` in a child: its JSON result and peak RSS (GNU time, else none). */
function child(kind: string, n: number): Promise<Record<string, unknown> & { peakRssMB?: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cailiang-limits-'));
  const timeOut = join(dir, 'time.txt');
  const useTime = existsSync('/usr/bin/time');
  const node = [process.execPath, '--import', 'tsx', SELF, '--one', kind, '--n', String(n)];
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-v', '-o', timeOut, ...node]] : [node[0]!, node.slice(1)];
  return new Promise((done, fail) => {
    let out = '';
    const p = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.on('error', fail);
    p.on('close', (code) => {
      let peakRssMB: number | undefined;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeOut, 'utf8'));
        peakRssMB = m ? Number(m[1]) / 1024 : undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) return fail(new Error(`limits ${kind} ${n} exited with ${code}`));
      done({ ...(JSON.parse(out) as Record<string, unknown>), ...(peakRssMB !== undefined ? { peakRssMB } : {}) });
    });
  });
}

/** Every figure, each in its own child process. */
export async function measureLimits(): Promise<LimitRow[]> {
  const rows: LimitRow[] = [];
  const tiers = await child('verify-tiers', 10_001);
  const half = await child('verify-tiers', 5_000);
  rows.push({
    figure: 'verify, one item with 10,001 tiers (every check)',
    seconds: tiers.seconds as number,
    peakRssMB: tiers.peakRssMB,
    target: { seconds: 5 },
    note: `${(tiers.operations as number).toLocaleString('en-US')} box operations (5,000 tiers: ${(half.operations as number).toLocaleString('en-US')}, ×${((tiers.operations as number) / (half.operations as number)).toFixed(2)} for ×2.0 the tiers); ${tiers.findings} findings`,
  });
  const items = await child('load-items', 150_000);
  rows.push({
    figure: `load one ${((items.bytes as number) / 1e6).toFixed(0)} MB rule file of 150,000 small items (peak RSS)`,
    seconds: items.seconds as number,
    peakRssMB: items.peakRssMB,
    target: { mb: 1500 },
    note: `${(items.items as number).toLocaleString('en-US')} items loaded, ${items.errors} errors`,
  });
  const plain = await child('plain', 2 * 1024 * 1024);
  const quoted = await child('quoted', 2 * 1024 * 1024);
  rows.push({ figure: 'parse a 2 MiB one-line plain string', seconds: plain.seconds as number });
  rows.push({
    figure: 'parse a 2 MiB one-line double-quoted string',
    seconds: quoted.seconds as number,
    target: { seconds: 3 * (plain.seconds as number) },
    note: `${((quoted.seconds as number) / (plain.seconds as number)).toFixed(1)} × the plain string (target < 3 ×)`,
  });
  const list = await child('case-list', 120_000);
  rows.push({ figure: 'evaluate a case whose list has 120,001 bad elements (256 KiB)', seconds: list.seconds as number, target: { seconds: 2 }, note: `${list.diagnostics} diagnostic` });
  return rows;
}

// Options are read only when this file is the entry: imported by bench.ts, the arguments are bench's.
if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  const { values } = parseArgs({ options: { one: { type: 'string' }, n: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (values.one) process.stdout.write(JSON.stringify(await measure(values.one, Number(values.n))));
  else {
    const rows = await measureLimits();
    if (values.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else
      for (const r of rows)
        console.log(
          `${r.figure}: ${r.seconds !== undefined ? `${r.seconds.toFixed(2)} s` : ''}${r.peakRssMB !== undefined ? `, peak RSS ${Math.round(r.peakRssMB)} MB` : ''}${r.target ? ` (target < ${r.target.seconds !== undefined ? `${r.target.seconds.toFixed(2)} s` : `${r.target.mb} MB`})` : ''}${r.note ? ` — ${r.note}` : ''}`,
        );
  }
}
