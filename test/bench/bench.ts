/**
 * `npm run bench` (issues #8 and #18): province-scale figures for cailiang.
 *
 * Generates (or reuses) the deterministic input in .bench/ (test/bench/generate.ts),
 * then measures, each figure the median of several runs:
 *
 *   held     test/bench/held.ts in a fresh process: a cold load of the bench rule set and of the
 *            bundled rules/, and the heap their rule sets hold after it (÷ YAML bytes; the bench
 *            rule set again with the plans of the items of the first --plan-cases cases built)
 *   load     loadRuleSetDir over the 11k-item rule set in this process: cold (no cache), then one
 *            load that fills the content-hash cache in .bench/cache; warm = loads that hit it
 *   verify   verifyRuleSet over the loaded set (every check, overlap/gap analysis included)
 *   evaluate evaluate() on pre-loaded cases (loadCase), single thread, trace off and on; the batch
 *            path per case in the same rounds (ndjsonRecord → batchResult → tally, as the CLI runs it)
 *   jre      json-rules-engine the way its docs suggest: one cached Engine per item
 *            (toJsonRulesEngineRules), `await engine.run(facts)`, on a sample of cases,
 *            in the same rounds as evaluate; the ratio is cailiang trace-off / jre
 *   batch    the built CLI as a child process over the NDJSON file, end to end, the rule set
 *            from the cache: `node dist/cli.js batch <cases> --rules .bench/rules --format json
 *            --cache-location .bench/cache`, in one thread and with --workers N (--batch-workers, 2);
 *            the speed-up and peak RSS of the workers against one thread
 *   statutes statuteCoverage over the statute collection (../shared/statutes or CAILIANG_STATUTES)
 *
 * and prints one table: figure, min–max, runs, target, met/missed. Figures only:
 * nothing here asserts a time.
 *
 *   serve    `cailiang serve` in its own process under autocannon: /v1/evaluate at concurrency 1, 8, 32,
 *            the in-process rate, a soak of --soak S seconds (60; test/bench/serve-bench.ts)
 *   limits   verify of one item with 10,001 tiers, peak RSS of loading one 28 MB rule file of
 *            150,000 small items, and the hostile inputs whose cost the unit tests count
 *            (test/bench/limits.ts, each in a child process; --skip-limits leaves them out)
 *
 * Run: npm run bench [-- --cases N --budget S --reps R --min-ms M --eval-cases E --jre-cases J --plan-cases P
 *        --load-runs L --verify-runs V --batch-runs B --batch-workers W --startup-runs S --skip-batch
 *        --soak S --serve-duration S --skip-serve --skip-limits
 *        --only startup,limits,verify,evaluate,batch,bundled,statutes,serve --no-build --json out.json]
 * Each status says by how much a target is missed.
 *
 * Without --cases the batch runs 1,000,000 cases, or fewer when they would not fit in the time
 * budget (--budget, default 270 s for the whole run, so that `npm run bench` stays under 5 minutes);
 * the table then says how many ran and projects the time for 1,000,000.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { caseFacts } from '../../src/evaluate/context.js';
import { toJsonRulesEngineRules } from '../../src/evaluate/jre.js';
import { listLawFiles, readLawText } from '../../src/node/statutes.js';
import { statuteCoverage } from '../../src/statute/coverage.js';
import { parseFast } from '../../src/load/fast-yaml.js';
import type { Case } from '../../src/evaluate/types.js';
import { loadCase } from '../../src/load/loadCase.js';
import type { RuleSet } from '../../src/load/model.js';
import { loadRuleSetDir } from '../../src/node/loadRuleSetDir.js';
import { BatchTally } from '../../src/report/batch.js';
import { batchResult, tallyResult } from '../../src/cli/batch-eval.js';
import { ndjsonRecord } from '../../src/cli/commands/case-stream.js';
import { verifyRuleSet } from '../../src/verify/index.js';
import { AS_OF, DEFAULT_CASES, type Manifest } from './generate.js';
import { serveBench } from './serve-bench.js';
import { measureLimits, type LimitRow } from './limits.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { values: opts } = parseArgs({
  options: {
    out: { type: 'string', default: '.bench' },
    cases: { type: 'string' },
    budget: { type: 'string', default: '270' },
    'preload-s': { type: 'string', default: '15' },
    'no-build': { type: 'boolean', default: false },
    reps: { type: 'string', default: '5' },
    'load-runs': { type: 'string', default: '3' },
    'verify-runs': { type: 'string', default: '3' },
    'batch-runs': { type: 'string', default: '1' },
    'batch-workers': { type: 'string', default: '2' },
    'eval-cases': { type: 'string', default: '100000' },
    'jre-cases': { type: 'string', default: '5000' },
    'min-ms': { type: 'string', default: '1500' },
    'skip-batch': { type: 'boolean', default: false },
    'skip-limits': { type: 'boolean', default: false },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    'plan-cases': { type: 'string', default: '20000' },
    'skip-serve': { type: 'boolean', default: false },
    soak: { type: 'string', default: '60' },
    'serve-duration': { type: 'string', default: '8' },
    'startup-runs': { type: 'string', default: '7' },
    json: { type: 'string' },
  },
});
const num = (k: 'soak' | 'serve-duration' | 'cases' | 'budget' | 'preload-s' | 'reps' | 'load-runs' | 'verify-runs' | 'batch-runs' | 'eval-cases' | 'jre-cases' | 'min-ms' | 'startup-runs'): number => {
  const n = Number(opts[k]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${k} takes a positive whole number, got ${String(opts[k])}`);
  return n;
};
if (opts.help) {
  // The usage is this file's opening comment.
  const head = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]!;
  process.stdout.write(head.replace(/^\/\*\*\n/, '').replace(/^ \*( |$)/gm, '') + '\n');
  process.exit(0);
}
const OUT = resolve(ROOT, opts.out!);
/** Explicit --cases: run exactly that many; otherwise 1,000,000 unless the time budget says fewer. */
const EXPLICIT_CASES = opts.cases !== undefined ? num('cases') : undefined;
const BUDGET_S = num('budget');
const PRELOAD_S = num('preload-s');
const REPS = num('reps');
const LOAD_RUNS = Math.max(2, num('load-runs'));
const VERIFY_RUNS = num('verify-runs');
const BATCH_RUNS = num('batch-runs');
const BATCH_WORKERS = Number(opts['batch-workers']);
if (!Number.isInteger(BATCH_WORKERS) || BATCH_WORKERS < 0) throw new Error(`--batch-workers takes a whole number, got ${String(opts['batch-workers'])}`);
const EVAL_CASES = num('eval-cases');
const JRE_CASES = num('jre-cases');
const MIN_MS = num('min-ms');
const STARTUP_RUNS = num('startup-runs');
const PLAN_CASES = Number(opts['plan-cases']);
/** Sections to run (--only startup,verify,evaluate,batch,bundled,statutes); the load of the bench rule set always runs. */
const SECTIONS = ['startup', 'limits', 'verify', 'evaluate', 'batch', 'bundled', 'statutes', 'serve'] as const;
const ONLY = new Set((opts.only ?? SECTIONS.join(',')).split(',').map((x) => x.trim()).filter(Boolean));
for (const x of ONLY) if (!(SECTIONS as readonly string[]).includes(x)) throw new Error(`--only takes a comma list of ${SECTIONS.join(', ')}; got "${x}"`);
const runs = (section: (typeof SECTIONS)[number]) =>
  ONLY.has(section) && !(section === 'batch' && opts['skip-batch']) && !(section === 'serve' && opts['skip-serve']) && !(section === 'limits' && opts['skip-limits']);
const RULES_ROOT = join(OUT, 'rules');
const RULES_DIR = join(RULES_ROOT, 'province');
const CASES_FILE = join(OUT, 'cases.ndjson');

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});
const log = (s: string) => process.stderr.write(s + '\n');
const now = () => performance.now();
const maxRssMB = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
const rssMB = () => process.memoryUsage().rss / 1024 / 1024;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// ── child processes ───────────────────────────────────────────────────────

interface ChildRun {
  code: number | null;
  seconds: number;
  peakRssMB: number | undefined;
  rssSource: string;
}

/**
 * Runs `node <args>` and measures wall time and peak RSS: with GNU time -v when
 * /usr/bin/time exists (the child's ru_maxrss), else by polling VmHWM in /proc.
 */
function runNode(args: readonly string[], stdoutPath: string | 'inherit'): Promise<ChildRun> {
  const useTime = existsSync('/usr/bin/time');
  const timeOut = join(OUT, `.time-${process.pid}.txt`);
  const [cmd, argv] = useTime
    ? ['/usr/bin/time', ['-v', '-o', timeOut, process.execPath, ...args]]
    : [process.execPath, [...args]];
  return new Promise((resolvePromise, reject) => {
    const t0 = now();
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', stdoutPath === 'inherit' ? 'inherit' : 'pipe', 'inherit'] });
    if (stdoutPath !== 'inherit') child.stdout!.pipe(createWriteStream(stdoutPath));
    let polled = 0;
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) polled = Math.max(polled, Number(m[1]) / 1024);
          } catch {
            // gone
          }
        }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (now() - t0) / 1000;
      if (poll) clearInterval(poll);
      let peakRssMB: number | undefined = polled || undefined;
      if (useTime) {
        try {
          const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeOut, 'utf8'));
          peakRssMB = m ? Number(m[1]) / 1024 : undefined;
          unlinkSync(timeOut);
        } catch {
          peakRssMB = undefined;
        }
      }
      resolvePromise({ code, seconds, peakRssMB, rssSource: useTime ? '/usr/bin/time -v' : '/proc VmHWM polling' });
    });
  });
}

/** The first `n` lines of the cases file, as a file of its own (for a batch below the generated count). */
async function prefixFile(src: string, n: number): Promise<string> {
  const dst = join(OUT, `cases-head-${n}.ndjson`);
  const mark = dst + '.count';
  if (existsSync(dst) && existsSync(mark) && readFileSync(mark, 'utf8') === `${n} ${statSync(src).size}`) return dst;
  const out = createWriteStream(dst);
  let i = 0;
  const lines = createInterface({ input: createReadStream(src), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!out.write(line + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    if (++i >= n) break;
  }
  lines.close();
  await new Promise<void>((r) => out.end(r));
  writeFileSync(mark, `${n} ${statSync(src).size}`);
  return dst;
}

async function readLines(path: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    out.push(line);
    if (out.length >= n) break;
  }
  return out;
}

async function readCaseValues(path: string, n: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    out.push(JSON.parse(line));
    if (out.length >= n) break;
  }
  return out;
}

// ── measurements ──────────────────────────────────────────────────────────

interface Row {
  figure: string;
  value: string;
  range: string;
  runs: string;
  target: string;
  status: string;
  raw?: unknown;
}
const rows: Row[] = [];
const notes: string[] = [];

const fmtS = (s: number) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2)) + ' s';
const fmtN = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMB = (mb: number) => `${Math.round(mb)} MB`;
const status = (ok: boolean | undefined, by?: string): Row['status'] => (ok === undefined ? '—' : ok ? '✅ met' : `❌ missed${by ? ` by ${by}` : ''}`);
/** How far a figure is from its target, in per cent of the target. */
const over = (value: number, target: number) => `${Math.max(1, Math.round((100 * (value - target)) / target))} %`;
const short = (value: number, target: number) => `${Math.max(1, Math.round((100 * (target - value)) / target))} %`;

function timeRow(figure: string, runs: readonly number[], target?: number, runsText?: string): void {
  const m = median(runs);
  rows.push({
    figure,
    value: fmtS(m),
    range: runs.length > 1 ? `${fmtS(Math.min(...runs))} – ${fmtS(Math.max(...runs))}` : '—',
    runs: runsText ?? String(runs.length),
    target: target === undefined ? '—' : `< ${target} s`,
    status: status(target === undefined ? undefined : m < target, target === undefined ? undefined : over(m, target)),
    raw: runs,
  });
}

function rateRow(figure: string, rates: readonly number[], target: number | undefined, runsText: string, targetText?: string): void {
  const m = median(rates);
  rows.push({
    figure,
    value: `${fmtN(m)} cases/s`,
    range: `${fmtN(Math.min(...rates))} – ${fmtN(Math.max(...rates))}`,
    runs: runsText,
    target: targetText ?? (target === undefined ? '—' : `≥ ${fmtN(target)} cases/s`),
    status: status(target === undefined ? undefined : m >= target, target === undefined ? undefined : short(m, target)),
    raw: rates,
  });
}

function memRow(figure: string, mb: number | undefined, target: number | undefined, runsText = '1', targetText?: string): void {
  rows.push({
    figure,
    value: mb === undefined ? 'n/a' : fmtMB(mb),
    range: '—',
    runs: runsText,
    target: targetText ?? (target === undefined ? '—' : `< ${Math.round(target)} MB`),
    status: status(target === undefined || mb === undefined ? undefined : mb < target, target === undefined || mb === undefined ? undefined : over(mb, target)),
    raw: mb,
  });
}

async function main(): Promise<void> {
  const t0 = now();
  const elapsed = () => (now() - t0) / 1000;
  const cpuAtStart = cpuTicks();
  log(`bench: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'CPU'}; output ${OUT}; time budget ${BUDGET_S} s`);
  if (!(globalThis as { gc?: unknown }).gc) log('bench: run with --expose-gc for gc() between runs (npm run bench does)');

  mkdirSync(OUT, { recursive: true });

  // 0. Build dist/ (the batch runs the built CLI) and the input; child processes, so their memory does not count here.
  let buildSeconds: number | undefined;
  if (!opts['no-build']) {
    const b = await runNode([join(ROOT, 'node_modules/tsup/dist/cli-default.js'), '--silent'], 'inherit');
    if (b.code !== 0) throw new Error(`tsup failed (exit ${b.code})`);
    buildSeconds = b.seconds;
    log(`build: tsup ${b.seconds.toFixed(1)} s`);
  }
  // Startup of the built CLI, cold (no --cache), each run a new process: bare Node, --version, one evaluate.
  const startup = { node: [] as number[], version: [] as number[], evaluate: [] as number[] };
  const STARTUP_CASE = 'fixtures/cn-samr-food/expired-food-value-500-first-offence.yaml';
  for (let i = 0; i < (runs('startup') ? STARTUP_RUNS : 0); i++) {
    startup.node.push((await runNode(['-e', '0'], '/dev/null')).seconds);
    startup.version.push((await runNode([join(ROOT, 'dist/cli.js'), '--version'], '/dev/null')).seconds);
    const e = await runNode([join(ROOT, 'dist/cli.js'), 'evaluate', STARTUP_CASE], '/dev/null');
    if (e.code !== 0) throw new Error(`cailiang evaluate ${STARTUP_CASE} failed (exit ${e.code})`);
    startup.evaluate.push(e.seconds);
  }
  if (runs('startup')) log(`startup: node -e 0 ${fmtS(median(startup.node))}, --version ${fmtS(median(startup.version))}, evaluate ${fmtS(median(startup.evaluate))}`);
  // Limits, before the batch so that its time budget counts them.
  const limits: LimitRow[] = runs('limits') ? await measureLimits() : [];
  for (const l of limits) log(`limits: ${l.figure}: ${l.seconds !== undefined ? fmtS(l.seconds) : ''}${l.peakRssMB !== undefined ? `, peak RSS ${fmtMB(l.peakRssMB)}` : ''}`);

  const gen = await runNode(['--import', 'tsx', join(ROOT, 'test/bench/generate.ts'), '--out', OUT, '--cases', String(Math.max(EXPLICIT_CASES ?? 0, DEFAULT_CASES))], 'inherit');
  if (gen.code !== 0) throw new Error(`generate failed (exit ${gen.code})`);
  const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as Manifest;
  // A cold load in a fresh process (as a CLI run or a service start would): its time and what the
  // rule set holds of the heap afterwards, then with the plans of the items of the first cases built.
  const held = await heldIn(RULES_DIR, false, PLAN_CASES > 0 ? await prefixFile(CASES_FILE, PLAN_CASES) : undefined);
  log(`held: cold load in a fresh process ${fmtS(held.seconds)}; heap held ${fmtMB(held.held / 1e6)} for ${fmtMB(held.bytes / 1e6)} of YAML (${(held.held / held.bytes).toFixed(1)}×)${held.withPlans !== undefined ? `; with the plans of ${fmtN(held.evaluated)} cases' items ${fmtMB(held.withPlans / 1e6)}` : ''}`);
  const bundledHeld = runs('bundled') ? await heldIn(join(ROOT, 'rules'), true, undefined) : undefined;
  if (bundledHeld) log(`held: bundled rules, ${bundledHeld.sets} rule sets, cold load ${fmtS(bundledHeld.seconds)}; heap held ${fmtMB(bundledHeld.held / 1e6)} for ${fmtMB(bundledHeld.bytes / 1e6)} of YAML`);
  const baseRss = rssMB();

  // 1. Load: cold (no cache), then once with an empty cache (fills it), then warm (cache hits).
  //    Peak RSS of the cold load is this process's peak right after it.
  const CACHE_DIR = join(OUT, 'cache');
  let loadedHash = '';
  rmSync(CACHE_DIR, { recursive: true, force: true });
  const loadTimes: number[] = [];
  let fillSecs = 0;
  let ruleSet: RuleSet | undefined;
  let coldPeak = 0;
  for (let i = 0; i <= LOAD_RUNS; i++) {
    ruleSet = undefined;
    gc();
    const s = now();
    const r = await loadRuleSetDir(RULES_DIR, i === 0 ? {} : { cache: CACHE_DIR });
    const secs = (now() - s) / 1000;
    if (!r.ruleSet) {
      for (const d of r.diagnostics.slice(0, 10)) log(`${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
      throw new Error('the generated rule set does not load');
    }
    if (i === 0) coldPeak = maxRssMB();
    else if (r.ruleSet.hash !== loadedHash) throw new Error('the rule set from the cache differs from the one loaded from the files');
    loadedHash = r.ruleSet.hash;
    ruleSet = r.ruleSet;
    if (i === 1) fillSecs = secs;
    else loadTimes.push(secs);
    log(`load ${i === 0 ? 'cold' : i === 1 ? 'cold, filling the cache' : 'warm (cache hit)'} ${i}: ${secs.toFixed(2)} s, max RSS so far ${fmtMB(maxRssMB())}`);
  }
  const rs = ruleSet!;
  gc();
  const retainedRss = rssMB();
  const loadPeakAll = maxRssMB();

  // 2. Verify.
  const verifyTimes: number[] = [];
  let verifyFindings = 0;
  for (let i = 0; i < (runs('verify') ? VERIFY_RUNS : 0); i++) {
    gc();
    const s = now();
    const diags = verifyRuleSet(rs, { asOf: AS_OF });
    verifyTimes.push((now() - s) / 1000);
    verifyFindings = diags.length;
    log(`verify ${i}: ${verifyTimes[i]!.toFixed(2)} s, ${diags.length} findings`);
  }

  // 3. Evaluate: pre-load cases with loadCase (up to --eval-cases, or what fits in --preload-s), then
  //    time evaluate() with the trace off and on.
  const values = await readCaseValues(CASES_FILE, EVAL_CASES);
  let s = now();
  const cases: Case[] = [];
  for (const v of values) {
    const r = loadCase({ path: CASES_FILE, value: v }, rs);
    if (!r.case) throw new Error(`case ${(v as { id?: string }).id} does not load: ${r.diagnostics[0]?.code} ${r.diagnostics[0]?.message}`);
    cases.push(r.case);
    // At least the json-rules-engine sample; beyond it, as many as --preload-s allows.
    if ((cases.length & 255) === 0 && cases.length >= JRE_CASES && now() - s > PRELOAD_S * 1000) break;
  }
  const loadCaseSecs = (now() - s) / 1000;
  const loadCaseRate = cases.length / loadCaseSecs;
  log(`cases: loadCase ${cases.length} in ${loadCaseSecs.toFixed(2)} s (${fmtN(loadCaseRate)} cases/s)`);

  // The batch's path per case (evaluateInCatalog on the parsed line, trace off), to size the batch to the budget.
  // The first pass pays for building each item's plan on first use (once per item, ~11,000 of them);
  // the second, over the same cases, is the steady rate of a long batch.
  const catalogPass = (ms: number): { n: number; rate: number } => {
    const start = now();
    let n = 0;
    for (const v of values) {
      const r = evaluateInCatalog([rs], { path: CASES_FILE, value: structuredClone(v) }, { trace: false });
      if (!r.disposition) throw new Error('evaluateInCatalog failed on a generated case');
      n++;
      if ((n & 63) === 0 && now() - start > ms) break;
    }
    return { n, rate: n / ((now() - start) / 1000) };
  };
  const catalogFirst = catalogPass(4000);
  const catalogRate = catalogPass(2000).rate;
  values.length = 0;
  log(`cases: evaluateInCatalog first pass ${catalogFirst.n} at ${fmtN(catalogFirst.rate)} cases/s, again at ${fmtN(catalogRate)} cases/s`);

  // json-rules-engine: one cached Engine per item, built before timing.
  s = now();
  const engines = new Map<string, Engine>();
  let jreRules = 0;
  for (const item of runs('evaluate') ? rs.items : []) {
    const rules: RuleProperties[] = toJsonRulesEngineRules(rs, item.code);
    jreRules += rules.length;
    engines.set(item.code, new Engine(rules));
  }
  const jreBuildSecs = (now() - s) / 1000;
  log(`jre: ${engines.size} engines, ${jreRules} rules, built in ${jreBuildSecs.toFixed(2)} s`);
  const jreSample = runs('evaluate') ? cases.slice(0, Math.min(JRE_CASES, cases.length)) : [];
  const jreFacts = jreSample.map((c) => caseFacts(rs, c));

  // Cross-check on the sample: the tier json-rules-engine reports is the one evaluate chose.
  let agree = 0;
  let compared = 0;
  for (let i = 0; i < jreSample.length; i++) {
    const c = jreSample[i]!;
    const d = evaluate(rs, c, { trace: false });
    const { events } = await engines.get(c.items[0]!)!.run(jreFacts[i]!);
    const tiers = events.filter((e) => e.type === 'tier').map((e) => (e.params as { id: string }).id);
    if (d.tier) {
      compared++;
      if (tiers.length === 1 && tiers[0] === d.tier.id) agree++;
    }
  }
  log(`jre cross-check: ${agree}/${compared} cases with a tier agree`);

  let sink = 0;
  let cursor = 0;
  /** Cases per second of `one` (given the case's number), run until MIN_MS has passed (at most --eval-cases cases). */
  const rateOf = (one: (n: number) => void): number => {
    gc();
    const st = now();
    let n = 0;
    let ms = 0;
    while (n < EVAL_CASES) {
      const end = Math.min(n + 100, EVAL_CASES);
      for (; n < end; n++) one(n);
      ms = now() - st;
      if (ms >= MIN_MS) break;
    }
    return (n / ms) * 1000;
  };
  /** Evaluates cases from a rotating offset. */
  const evalRep = (trace: boolean): number =>
    rateOf(() => {
      const d = evaluate(rs, cases[cursor]!, { trace });
      sink += d.trace.length + d.penalties.length;
      cursor = cursor + 1 === cases.length ? 0 : cursor + 1;
    });
  const jreRep = async (): Promise<number> => {
    gc();
    const st = now();
    for (let i = 0; i < jreSample.length; i++) {
      const { events } = await engines.get(jreSample[i]!.items[0]!)!.run(jreFacts[i]!);
      sink += events.length;
    }
    return (jreSample.length / (now() - st)) * 1000;
  };
  // The batch's own path per case, in this process: an NDJSON line read as `cailiang batch` reads it
  // (ndjsonRecord: the JSON checks and JSON.parse), evaluated in the catalogue (batchResult: loadCase,
  // the choice of version, evaluate with the trace off, the tally's record) and tallied.
  const batchLines = runs('evaluate') ? await readLines(CASES_FILE, EVAL_CASES) : [];
  const batchRep = (): number => {
    const tally = new BatchTally();
    const rate = rateOf((n) => {
      const k = (cursor + n) % batchLines.length;
      tallyResult(tally, batchResult(ndjsonRecord(CASES_FILE, k + 1, batchLines[k]!), [rs]));
    });
    sink += tally.summary('x').cases;
    return rate;
  };
  const off: number[] = [];
  const on: number[] = [];
  const jre: number[] = [];
  const batchPath: number[] = [];
  // Warm-up, then interleaved rounds.
  if (runs('evaluate')) {
    evalRep(false);
    evalRep(true);
    batchRep();
    await jreRep();
  }
  for (let round = 0; round < (runs('evaluate') ? REPS : 0); round++) {
    off.push(evalRep(false));
    on.push(evalRep(true));
    jre.push(await jreRep());
    batchPath.push(batchRep());
    log(`round ${round}: trace off ${fmtN(off[round]!)}/s, on ${fmtN(on[round]!)}/s, jre ${fmtN(jre[round]!)}/s, batch path ${fmtN(batchPath[round]!)}/s`);
  }
  const ratios = off.map((o, i) => o / jre[i]!);
  const evalPeak = maxRssMB();

  // 4. Batch: the built CLI as a child process, end to end. Without --cases: 1,000,000 cases, or as many as
  //    the time budget leaves room for (from the cold load time and the evaluateInCatalog rate above).
  // Two configurations, each with the rule set from the cache the load step filled (as a CI job or a
  // nightly batch would run with --cache): one thread, and --workers N (N = --batch-workers; 0 skips it).
  interface BatchConfig {
    readonly label: string;
    readonly args: readonly string[];
    readonly times: number[];
    peak: number | undefined;
  }
  const configs: BatchConfig[] = [{ label: 'one thread', args: [], times: [], peak: undefined }];
  if (BATCH_WORKERS > 0) configs.push({ label: `--workers ${BATCH_WORKERS}`, args: ['--workers', String(BATCH_WORKERS)], times: [], peak: undefined });
  let batchRssSource = '';
  let batchFile = CASES_FILE;
  let batchCount: number | undefined;
  let batchCut: string | undefined;
  const batchLoad = median(loadTimes.slice(1));
  if (runs('batch')) {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run tsup (or drop --no-build)');
    let n = EXPLICIT_CASES ?? DEFAULT_CASES;
    if (EXPLICIT_CASES === undefined) {
      const room = BUDGET_S - elapsed() - 10; // 10 s for reading the prefix and printing
      const perRun = room / (BATCH_RUNS * configs.length);
      // The child is slower per case than evaluateInCatalog here (reading, JSON.parse, tally, a cold JIT): × 0.5.
      const fits = Math.floor(((perRun - batchLoad - 3) * catalogRate * 0.5) / 1000) * 1000;
      if (fits < n) {
        const projected = batchLoad + DEFAULT_CASES / (catalogRate * 0.5);
        batchCut = `the time budget (--budget ${BUDGET_S} s) left room for ${fmtN(Math.max(fits, 1000))} cases; 1,000,000 would take ≈ ${fmtS(projected)} at the measured evaluateInCatalog rate (pass --cases 1000000 to run them all)`;
        n = Math.max(fits, 1000);
      }
    }
    if (n < manifest.cases) batchFile = await prefixFile(CASES_FILE, n);
    const outJson = join(OUT, 'batch-out.json');
    let first: string | undefined;
    for (let i = 0; i < BATCH_RUNS; i++) {
      for (const c of configs) {
        gc();
        const r = await runNode([join(ROOT, 'dist/cli.js'), 'batch', batchFile, '--rules', RULES_ROOT, '--format', 'json', '--cache-location', CACHE_DIR, ...c.args], outJson);
        if (r.code !== 0) throw new Error(`cailiang batch ${c.args.join(' ')} exited with ${r.code}`);
        c.times.push(r.seconds);
        c.peak = Math.max(c.peak ?? 0, r.peakRssMB ?? 0) || undefined;
        batchRssSource = r.rssSource;
        const text = readFileSync(outJson, 'utf8');
        // Every configuration must print the same report, byte for byte.
        if (first === undefined) first = text;
        else if (text !== first) throw new Error(`cailiang batch ${c.label} printed a different report`);
        const summary = JSON.parse(text) as { cases: number; evaluated: number; invalid: number; outcomes: Record<string, number> };
        batchCount = summary.cases;
        if (summary.invalid > 0 && i === 0 && c === configs[0]) notes.push(`batch: ${summary.invalid} cases could not be evaluated`);
        log(`batch ${c.label} ${i}: ${summary.cases} cases, ${r.seconds.toFixed(1)} s, peak RSS ${c.peak ? fmtMB(c.peak) : 'n/a'}, ${summary.evaluated} evaluated, outcomes ${JSON.stringify(summary.outcomes)}`);
      }
    }
  }

  // ── table ──
  {
    if (startup.node.length > 0) {
      const bare = median(startup.node);
      timeRow('startup: node -e 0 (bare Node, for comparison)', startup.node);
      timeRow(`startup: cailiang --version (target 1.5 × bare Node)`, startup.version, Number((1.5 * bare).toFixed(3)));
      timeRow(`startup: cailiang evaluate ${STARTUP_CASE} (bundled rules, no --cache)`, startup.evaluate, 0.4);
    }
    const bundled = fastShare([join(ROOT, 'rules')]);
    const generated = fastShare([RULES_ROOT]);
    for (const [what, share] of [
      ['bundled rule files (rules/)', bundled],
      ['generated rule files (.bench/rules)', generated],
    ] as const)
      rows.push({
        figure: `fast YAML reader: share of the bytes of ${what}`,
        value: `${((100 * share.fast) / share.total).toFixed(1)} %`,
        range: '—',
        runs: '1',
        target: '—',
        status: '—',
        raw: share,
      });
    notes.push(
      `startup: ${STARTUP_RUNS} runs each, a new process every time (built CLI); fast YAML reader: bundled ${share(bundled)}, generated ${share(generated)} took the fast path; the rest (anchors and aliases, and whatever else the reader gives up on) went to yaml`,
    );
  }
  for (const l of limits) {
    if (l.target?.mb !== undefined) memRow(l.figure, l.peakRssMB, l.target.mb);
    else if (l.seconds !== undefined) timeRow(l.figure, [l.seconds], l.target?.seconds === undefined ? undefined : Number(l.target.seconds.toPrecision(2)), '1');
    if (l.note) notes.push(`limits: ${l.figure}: ${l.note}${l.target?.mb !== undefined && l.seconds !== undefined ? `; ${fmtS(l.seconds)}` : ''}`);
  }
  const [cold, ...warm] = loadTimes;
  const heldRow = (what: string, h: Held) => {
    const ratio = h.held / h.bytes;
    rows.push({ figure: `${what}: heap held after load + gc, ÷ its YAML bytes (${fmtMB(h.held / 1e6)} for ${fmtMB(h.bytes / 1e6)})`, value: `${ratio.toFixed(1)}×`, range: '—', runs: '1', target: '≤ 5×', status: status(ratio <= 5, over(ratio, 5)), raw: h });
  };
  timeRow(`bench rule set (${fmtN(held.items)} items): load cold, a fresh process (read + YAML + schema + references)`, [held.seconds], 3, '1');
  heldRow('bench rule set', held);
  if (held.withPlans !== undefined)
    rows.push({
      figure: `bench rule set with the plans of the items of ${fmtN(held.evaluated)} cases built (lazily, on first use), ÷ YAML bytes`,
      value: `${(held.withPlans / held.bytes).toFixed(1)}×`,
      range: '—',
      runs: '1',
      target: '—',
      status: '—',
      raw: held.withPlans,
    });
  if (bundledHeld) {
    timeRow(`bundled rules/ (${bundledHeld.sets} rule sets, ${fmtN(bundledHeld.items)} items): load cold, a fresh process`, [bundledHeld.seconds], 3, '1');
    heldRow('bundled rules/', bundledHeld);
  }
  timeRow('load in this process, cold (1st load, no cache)', [cold!], 3, '1');
  timeRow('load, warm (content-hash cache hit: files read and hashed, validated rule set read back)', warm, 1.5);
  memRow('peak RSS of the process after the cold load', coldPeak, 800);
  if (verifyTimes.length > 0) timeRow('verify (every check, overlap/gap analysis included)', verifyTimes, 10);
  if (off.length > 0) {
    const rounds = `${REPS} × ≥${MIN_MS / 1000} s`;
    rateRow('evaluate, trace off (single thread)', off, 200_000, rounds);
    rateRow('evaluate, trace on (single thread)', on, 100_000, rounds);
    rateRow('batch path per case in this process: NDJSON line → ndjsonRecord → evaluateInCatalog (trace off) → tally', batchPath, undefined, rounds);
    const ratio = median(batchPath) / median(off);
    rows.push({
      figure: 'batch path ÷ evaluate trace off (same rounds; the batch path also parses and checks each case)',
      value: `${ratio.toFixed(2)}×`,
      range: '—',
      runs: String(REPS),
      target: '≥ 1× (as fast as evaluate)',
      status: status(ratio >= 1, short(ratio, 1)),
      raw: { batchPath, off },
    });
    rateRow(`json-rules-engine: Engine per item, await run(facts); ${fmtN(jreSample.length)}-case sample`, jre, undefined, `${REPS} × ${fmtN(jreSample.length)}`);
    const m = median(ratios);
    rows.push({
      figure: 'ratio evaluate (trace off) ÷ json-rules-engine, same rounds',
      value: `${m.toFixed(2)}×`,
      range: `${Math.min(...ratios).toFixed(2)}× – ${Math.max(...ratios).toFixed(2)}×`,
      runs: String(REPS),
      target: '≥ 25×',
      status: status(m >= 25, short(m, 25)),
      raw: ratios,
    });
  }
  if (configs[0]!.times.length > 0) {
    const count = batchCount ?? 0;
    const full = count >= 1_000_000;
    const one = configs[0]!;
    for (const c of configs) {
      timeRow(`batch, ${fmtN(count)} cases NDJSON, ${c.label}, end to end (built CLI, child process)`, c.times, c === one && full ? 10 : undefined, String(c.times.length));
      if (c === one && !full) {
        const row = rows[rows.length - 1]!;
        const perCase = Math.max(median(c.times) - batchLoad, 0.001) / count;
        const projected = batchLoad + perCase * 1_000_000;
        row.target = '< 10 s (1,000,000 cases, projected)';
        row.status = status(projected < 10, over(projected, 10));
        notes.push(
          `batch ${c.label}: ran ${fmtN(count)} of 1,000,000 cases${batchCut ? ` because ${batchCut}` : ' (--cases)'}. Projected for 1,000,000: load from the cache ${fmtS(batchLoad)} + ${(perCase * 1000).toFixed(3)} ms per case ≈ ${fmtS(projected)}`,
        );
      }
      if (c === one) memRow(`peak RSS, batch of ${fmtN(count)} cases, ${c.label}`, c.peak, undefined, String(c.times.length));
      else {
        const limit = one.peak === undefined ? undefined : 1.5 * one.peak;
        memRow(`peak RSS, batch of ${fmtN(count)} cases, ${c.label}`, c.peak, limit, String(c.times.length), limit === undefined ? '< 1.5 × one thread' : `< 1.5 × one thread (${fmtMB(limit)})`);
        const speedup = median(one.times) / median(c.times);
        rows.push({
          figure: `batch ${c.label}: speed-up over one thread, end to end (same report, byte for byte)`,
          value: `${speedup.toFixed(2)}×`,
          range: '—',
          runs: String(c.times.length),
          target: '≥ 1.5×',
          status: status(speedup >= 1.5, short(speedup, 1.5)),
          raw: speedup,
        });
      }
    }
  }
  // 6. The statute layer: reading the whole collection (the bundled rules' load is in the held rows above).
  const statutesDir = resolve(process.env.CAILIANG_STATUTES ?? join(ROOT, '..', 'shared', 'statutes'));
  if (!runs('statutes')) notes.push('statutes: not run (--only)');
  else if (existsSync(statutesDir)) {
    const files = await listLawFiles(statutesDir);
    const texts: { name: string; text: string }[] = [];
    for (const f of files) texts.push({ name: f.relPath, text: await readLawText(f.path) });
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
    const times: number[] = [];
    let cov: ReturnType<typeof statuteCoverage> | undefined;
    for (let i = 0; i < 3; i++) {
      gc();
      const s0 = now();
      cov = statuteCoverage(texts);
      times.push((now() - s0) / 1000);
    }
    timeRow(`read every penalty clause of the statute collection (${fmtN(texts.length)} texts, ${(bytes / 1e6).toFixed(0)} MB)`, times, 10, '3');
    notes.push(
      `statutes: statuteCoverage over ${relative(statutesDir)}: ${fmtN(cov!.paragraphs)} penalty paragraphs, ${fmtN(cov!.read)} read fully (${((100 * cov!.read) / cov!.paragraphs).toFixed(1)}%); files read before timing`,
    );
  } else notes.push(`statutes: skipped (no statute collection at ${relative(statutesDir)}; set CAILIANG_STATUTES)`);

  // The HTTP server under load, in its own process (test/bench/serve-bench.ts).
  if (runs('serve')) {
    const served = await serveBench({ root: ROOT, soakSeconds: num('soak'), durationSeconds: num('serve-duration'), log });
    rows.push(...served.rows);
    notes.push(...served.notes);
  } else notes.push('serve: skipped (--skip-serve or --only)');

  const total = elapsed();
  rows.push({
    figure: 'this bench run, wall time (build + generate + everything above)',
    value: fmtS(total),
    range: '—',
    runs: '1',
    target: '< 300 s',
    status: status(total < 300),
  });

  notes.push(
    `input: ${fmtN(manifest.items)} items, ${fmtN(manifest.tiers)} tiers, ${fmtN(manifest.lists)} list entries in ${manifest.ruleFiles} YAML files (${(manifest.ruleBytes / 1e6).toFixed(1)} MB); ${fmtN(manifest.cases)} cases (${(manifest.caseBytes / 1e6).toFixed(0)} MB NDJSON); generator v${manifest.generatorVersion}, seed ${manifest.seed}; ${buildSeconds !== undefined ? `tsup build ${fmtS(buildSeconds)}, ` : ''}generate step ${fmtS(gen.seconds)}`,
    `load: loadRuleSetDir (read + YAML parse + zod + reference checks). Cold: the first load in the process, no cache. Then one load with an empty cache (${relative(CACHE_DIR)}), which fills it: ${fmtS(fillSecs)}. Warm: ${LOAD_RUNS - 1} loads that hit the cache (rule set hash checked equal to the cold load's). RSS before loading ${fmtMB(baseRss)} (Node + tsx); after the loads + gc, one rule set held: ${fmtMB(retainedRss)}; max RSS over all loads ${fmtMB(loadPeakAll)}`,
    `verify: verifyRuleSet(asOf ${AS_OF}) reported ${verifyFindings} diagnostics`,
    `evaluate: ${fmtN(cases.length)} cases pre-loaded with loadCase in ${fmtS(loadCaseSecs)} (${fmtN(loadCaseRate)} cases/s${cases.length < EVAL_CASES ? `; stopped after --preload-s ${PRELOAD_S} s instead of at ${fmtN(EVAL_CASES)}` : ''}); each run evaluates from a rotating offset for ≥ ${MIN_MS / 1000} s; the batch's own path (evaluateInCatalog from a copy of the parsed JSON, trace off) runs at ${fmtN(catalogFirst.rate)} cases/s over the first ${fmtN(catalogFirst.n)} cases (each item's plan is built on its first case) and ${fmtN(catalogRate)} cases/s over them again; max RSS of this process ${fmtMB(evalPeak)}`,
    `json-rules-engine ${jreVersion()}: ${fmtN(engines.size)} engines (${fmtN(jreRules)} rules: statutory branches, tiers, list entries), built in ${fmtS(jreBuildSecs)}; facts from caseFacts() (fen, circumstances as booleans). It only matches conditions (no amounts, lists, grades, trace) while evaluate builds the whole disposition. Cross-check: ${agree}/${compared} sample cases with a tier got the same tier from both`,
  );
  const cpuAtEnd = cpuTicks();
  if (cpuAtStart && cpuAtEnd) {
    // CPU used by other processes = all busy time − this process and its children (build, generate, batch).
    const wall = (cpuAtEnd.at - cpuAtStart.at) / 1000;
    const others = (cpuAtEnd.busy - cpuAtStart.busy - (cpuAtEnd.ours - cpuAtStart.ours)) / 100 / wall;
    notes.push(
      `machine: ${cpus().length} cores; other processes used ${others.toFixed(2)} cores on average during this run` +
        (others > 0.25 ? ' — they competed for the CPU, so the figures are slower and noisier than on an idle machine' : ''),
    );
  }
  if (configs[0]!.times.length > 0)
    notes.push(`batch: node dist/cli.js batch ${relative(batchFile)} --rules ${relative(RULES_ROOT)} --format json --cache-location ${relative(CACHE_DIR)} [--workers ${BATCH_WORKERS}]; wall time includes starting Node and loading the rule set (from the cache); peak RSS from ${batchRssSource}`);
  else notes.push('batch: skipped (--skip-batch)');

  const table = [
    '| figure | median | min – max | runs | target | |',
    '|---|---:|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.range} | ${r.runs} | ${r.target} | ${r.status} |`),
  ].join('\n');
  console.log(`\ncailiang bench — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(table);
  console.log('\n' + notes.map((n) => `- ${n}`).join('\n'));
  if (sink === 42) console.log('');
  if (opts.json) writeFileSync(resolve(opts.json), JSON.stringify({ node: process.version, rows, notes, manifest }, null, 2) + '\n');
}

interface Held {
  seconds: number;
  held: number;
  withPlans?: number;
  evaluated: number;
  bytes: number;
  items: number;
  sets: number;
}

/** test/bench/held.ts in a fresh process: a cold load, and the heap the rule sets hold after it. */
async function heldIn(dir: string, catalogue: boolean, plans: string | undefined): Promise<Held> {
  const out = join(OUT, `.held-${process.pid}.json`);
  const args = ['--expose-gc', '--import', 'tsx', join(ROOT, 'test/bench/held.ts'), dir, ...(catalogue ? ['--catalogue'] : []), ...(plans ? ['--plans', plans] : [])];
  const r = await runNode(args, out);
  if (r.code !== 0) throw new Error(`test/bench/held.ts ${dir} exited with ${r.code}`);
  const h = JSON.parse(readFileSync(out, 'utf8')) as Held;
  unlinkSync(out);
  return h;
}

/** Busy CPU ticks of the whole machine and of this process with its waited-for children (Linux /proc; USER_HZ = 100). */
function cpuTicks(): { busy: number; ours: number; at: number } | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const busy = cpu[0]! + cpu[1]! + cpu[2]! + cpu[5]! + cpu[6]! + cpu[7]!; // user nice system irq softirq steal
    const self = readFileSync('/proc/self/stat', 'utf8');
    const f = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number); // fields from 3 (state) on
    const ours = f[11]! + f[12]! + f[13]! + f[14]!; // utime stime cutime cstime (fields 14–17)
    return { busy, ours, at: now() };
  } catch {
    return undefined;
  }
}

/** Bytes of the YAML files under `dirs` that the fast reader takes, of all. */
function fastShare(dirs: readonly string[]): { fast: number; total: number; files: number; fastFiles: number } {
  const out = { fast: 0, total: 0, files: 0, fastFiles: 0 };
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) {
        const text = readFileSync(p, 'utf8');
        const bytes = Buffer.byteLength(text);
        out.total += bytes;
        out.files++;
        if (parseFast(text.replace(/^\uFEFF/, ''), 64) !== undefined) {
          out.fast += bytes;
          out.fastFiles++;
        }
      }
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

function share(s: { fast: number; total: number; files: number; fastFiles: number }): string {
  return `${fmtN(s.fast)} of ${fmtN(s.total)} bytes (${s.fastFiles} of ${s.files} files)`;
}

function relative(p: string): string {
  return p.startsWith(ROOT + '/') ? p.slice(ROOT.length + 1) : p;
}

function jreVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules/json-rules-engine/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
