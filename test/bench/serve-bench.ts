/**
 * The HTTP server under load (issue 17): `cailiang serve` from dist/ in its own process on
 * loopback, autocannon in this one with keep-alive, POST /v1/evaluate over the bundled fixture
 * cases at concurrency 1, 8 and 32; the in-process rate of the same work for comparison; the
 * server's CPU time per request (from /proc, less sensitive to other load than the rates);
 * then a soak (60 s by default, --soak S) that counts every error.
 *
 * Part of `npm run bench` (--skip-serve leaves it out); alone, after `npm run build`:
 *   node --import tsx test/bench/serve-bench.ts [--soak 10] [--duration 8]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { loadRules } from '../../src/cli/commands/evaluate.js';
import { renderDispositionJson } from '../../src/report/disposition-json.js';
import { evaluateBody } from '../../src/serve/evaluate-body.js';
import { filesUnder } from '../helpers.js';

const require = createRequire(import.meta.url);

export interface ServeRow {
  figure: string;
  value: string;
  range: string;
  runs: string;
  target: string;
  status: '✅ met' | '❌ missed' | '—';
  raw?: unknown;
}

interface Cannon {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (o: object) => Promise<Cannon>;

const TARGET_RATE = 5000;
const TARGET_P99_MS = 20;
const fmtN = (n: number) => Math.round(n).toLocaleString('en-US');

/** CPU ticks (1/100 s) a process has used, and its resident memory in MB. */
function procStat(pid: number): { ticks: number; rssMB: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { ticks: f[11]! + f[12]!, rssMB: rss ? Number(rss[1]) / 1024 : NaN };
  } catch {
    return undefined;
  }
}

/**
 * The cases of the bundled fixtures, each as the JSON body of one request; fixtures of cases the
 * CLI refuses on purpose (they expect diagnostics, answered 4xx) are left out, so any non-2xx is a fault.
 */
function fixtureBodies(root: string): string[] {
  return filesUnder(join(root, 'fixtures'))
    .map((p) => parse(readFileSync(p, 'utf8')) as { case?: unknown; expect?: { diagnostics?: unknown } })
    .filter((f) => f.case !== undefined && f.expect?.diagnostics === undefined)
    .map((f) => JSON.stringify(f.case));
}

export async function serveBench(options: { root: string; soakSeconds: number; durationSeconds: number; log: (s: string) => void }): Promise<{ rows: ServeRow[]; notes: string[] }> {
  const { root, log } = options;
  const rows: ServeRow[] = [];
  const notes: string[] = [];
  const autocannon = require('autocannon') as Autocannon;
  const bodies = fixtureBodies(root);

  // The server, in its own process, logging one line per request as it does in use (read and dropped here).
  const child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'serve', '--port', '0', '--no-watch'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let logLines = 0;
  let head = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (b: Buffer) => {
      const s = b.toString();
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) logLines++;
      if (head.length < 100_000) {
        head += s;
        const m = /"msg":"listening","url":"([^"]+)"/.exec(head);
        if (m) resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`cailiang serve exited (${code}) before listening: ${head.slice(0, 2000)}`)));
  });
  const pid = child.pid!;
  log(`serve: ${url} (pid ${pid}), ${bodies.length} fixture cases as request bodies`);
  const requests = bodies.map((body) => ({ method: 'POST', path: '/v1/evaluate', headers: { 'content-type': 'application/json' }, body }));
  const run = (connections: number, duration: number) => autocannon({ url, connections, duration, pipelining: 1, requests });

  // Warm-up: each item's plan is built on its first case; JIT.
  await run(8, 2);
  const levels: { c: number; r: Cannon; cpuUs: number }[] = [];
  for (const c of [1, 8, 32]) {
    const before = procStat(pid);
    const r = await run(c, options.durationSeconds);
    const after = procStat(pid);
    const cpuUs = before && after && r.requests.total > 0 ? ((after.ticks - before.ticks) * 10_000) / r.requests.total : NaN;
    levels.push({ c, r, cpuUs });
    log(`serve: c=${c} ${fmtN(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}, server CPU ${cpuUs.toFixed(0)} µs/request`);
    const ok = r.requests.average >= TARGET_RATE && r.latency.p99 < TARGET_P99_MS && r.errors === 0 && r.non2xx === 0;
    rows.push({
      figure: `serve: POST /v1/evaluate, loopback, keep-alive, concurrency ${c} (server in its own process; p50 / p99 latency; server CPU per request)`,
      value: `${fmtN(r.requests.average)} evaluations/s`,
      range: `p50 ${r.latency.p50} ms · p99 ${r.latency.p99} ms · ${cpuUs.toFixed(0)} µs CPU`,
      runs: `${options.durationSeconds} s, ${fmtN(r.requests.total)} req`,
      target: `≥ ${fmtN(TARGET_RATE)}/s, p99 < ${TARGET_P99_MS} ms`,
      status: ok ? '✅ met' : '❌ missed',
      raw: { ...r, cpuUs },
    });
  }

  // The same work in this process: the server's path for a body (evaluateBody → canonical JSON).
  const { ruleSets } = await loadRules(join(root, 'rules'));
  const encoded = bodies.map((b) => new TextEncoder().encode(b));
  const once = (body: Uint8Array) => {
    const r = evaluateBody(ruleSets, body, { trace: true });
    if (r.disposition) renderDispositionJson(r.disposition);
  };
  // Warm, as the server is: every case once (each item's plan is built on its first case).
  for (const b of encoded) once(b);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 2000) once(encoded[n++ % encoded.length]!);
  const inProcess = (n * 1000) / (performance.now() - t0);
  const best = Math.max(...levels.map((l) => l.r.requests.average));
  rows.push({
    figure: 'serve: the same evaluations in process (body → evaluate → canonical JSON, no HTTP), one thread',
    value: `${fmtN(inProcess)} evaluations/s`,
    range: `${(1e6 / inProcess).toFixed(0)} µs each; HTTP reached ${((100 * best) / inProcess).toFixed(0)} % of this rate`,
    runs: '≥ 2 s',
    target: '—',
    status: '—',
  });

  // Soak: steady load, every error counted.
  const soakBefore = procStat(pid);
  const soak = await run(8, options.soakSeconds);
  const soakAfter = procStat(pid);
  const soakOk = soak.errors === 0 && soak.timeouts === 0 && soak.non2xx === 0;
  rows.push({
    figure: `serve: soak, concurrency 8 for ${options.soakSeconds} s: errors, timeouts, non-2xx (server RSS before → after)`,
    value: `${soak.errors + soak.timeouts + soak.non2xx} errors`,
    range: `${fmtN(soak.requests.total)} req · ${fmtN(soak.requests.average)}/s · p99 ${soak.latency.p99} ms · RSS ${soakBefore ? Math.round(soakBefore.rssMB) : '?'} → ${soakAfter ? Math.round(soakAfter.rssMB) : '?'} MB`,
    runs: '1',
    target: 'no error',
    status: soakOk ? '✅ met' : '❌ missed',
    raw: soak,
  });
  log(`serve: soak ${options.soakSeconds} s: ${fmtN(soak.requests.total)} requests, errors ${soak.errors}, timeouts ${soak.timeouts}, non-2xx ${soak.non2xx}`);

  // Graceful stop.
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await exited;
  const total = levels.reduce((s, l) => s + l.r.requests.total, 0) + soak.requests.total;
  notes.push(
    `serve: node dist/cli.js serve --port 0 --no-watch (bundled rules, ${ruleSets.length} rule sets) in its own process; autocannon ${(require('autocannon/package.json') as { version: string }).version} in the bench process on the same 2 cores, keep-alive, the ${bodies.length} bundled fixture cases in turn as bodies (trace on, as evaluate --format json); 2 s warm-up; ${fmtN(total)} requests measured, ${fmtN(logLines)} log lines; exit ${code} after SIGTERM. The client competes with the server for the CPU, so the rates are lower than a remote client would see; the server's CPU time per request is the steadier figure`,
  );
  return { rows, notes };
}

// Alone: node --import tsx test/bench/serve-bench.ts [--soak S] [--duration S]
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { soak: { type: 'string', default: '60' }, duration: { type: 'string', default: '8' } } });
  const root = fileURLToPath(new URL('../..', import.meta.url));
  serveBench({ root, soakSeconds: Number(values.soak), durationSeconds: Number(values.duration), log: (s) => console.error(s) }).then(
    ({ rows, notes }) => {
      console.log('| figure | value | detail | runs | target | |\n|---|---:|---:|---:|---|---|');
      for (const r of rows) console.log(`| ${r.figure} | ${r.value} | ${r.range} | ${r.runs} | ${r.target} | ${r.status} |`);
      console.log('\n' + notes.map((n) => `- ${n}`).join('\n'));
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
