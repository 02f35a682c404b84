import { ndjsonRecord } from '../../src/cli/commands/case-stream.js';
import { jsonKeysSuspect } from '../../src/load/json-keys.js';
import { parseSource } from '../../src/load/source.js';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { cli } from '../../src/cli/cli.js';
import { CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { runFixture } from '../../src/fixture/fixture.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';
import type { SourceInput } from '../../src/load/source.js';
import { renderDispositionJson } from '../../src/report/disposition-json.js';
import { renderDispositionMarkdown } from '../../src/report/disposition-markdown.js';

/**
 * What every hostile input must get: diagnostics or a result, never an
 * exception (within a time bound where {@link timeBound} is set); without
 * touching the prototypes of built-in objects; from the CLI, an exit code and no stack trace.
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const HOSTILE = fileURLToPath(new URL('.', import.meta.url));
/** Each input's time bound (one library call, or one CLI run) where time is checked. */
export const BOUND_MS = 2000;

/**
 * Whether the checks below also hold each call to {@link BOUND_MS}: on in
 * `npm run fuzz` (a script, which reports slow inputs), off in the unit tests,
 * where a clock would make the verdict depend on how busy the machine is (the
 * hostile tests assert what the code does; the bench measures how long).
 */
export const timeBound: { ms?: number } = {};

export type Kind = 'rules' | 'case' | 'fixture';

export interface Problem {
  readonly what: string;
  readonly detail: string;
}

// ── prototype pollution ──────────────────────────────────────────────────

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
];
const BASELINE = new Map(PROTOTYPES.map(([n, p]) => [n, Reflect.ownKeys(p).map(String).sort().join(',')]));

/** Which built-in prototype was changed, if any. */
export function pollution(): string | undefined {
  for (const [name, proto] of PROTOTYPES) {
    if (Reflect.ownKeys(proto).map(String).sort().join(',') !== BASELINE.get(name)) return `${name} gained or lost properties`;
    if (Object.getPrototypeOf(proto) !== (proto === Object.prototype ? null : Object.prototype)) return `${name} had its prototype replaced`;
  }
  for (const k in {}) return `Object.prototype has enumerable "${k}"`;
  if (({} as Record<string, unknown>).polluted !== undefined) return 'Object.prototype.polluted';
  return undefined;
}

// ── invariants of results ────────────────────────────────────────────────

/** Diagnostics must be well formed: a known code, a real position, a filled message of sane length. */
function diagnosticProblems(list: readonly Diagnostic[]): string[] {
  const out: string[] = [];
  for (const d of list) {
    if (!Object.prototype.hasOwnProperty.call(CODES, d.code)) out.push(`unknown code ${d.code}`);
    if (!(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1))
      out.push(`${d.code} at bad position ${d.line}:${d.column}`);
    if (typeof d.message !== 'string' || d.message.length === 0) out.push(`${d.code} without a message`);
    else if (/\{\w+\}/.test(d.message)) out.push(`${d.code} message with an unfilled placeholder: ${d.message.slice(0, 200)}`);
  }
  return out;
}

/** Runs `f`, timing it and catching anything thrown; checks the prototypes afterwards. */
export function guarded<T>(what: string, f: () => T, problems: Problem[], bound = timeBound.ms): T | undefined {
  const start = performance.now();
  let result: T | undefined;
  try {
    result = f();
  } catch (e) {
    problems.push({ what, detail: `threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}` });
  }
  const ms = performance.now() - start;
  if (bound !== undefined && ms > bound) problems.push({ what, detail: `took ${Math.round(ms)} ms (bound ${bound} ms)` });
  const p = pollution();
  if (p) problems.push({ what, detail: `prototype pollution: ${p}` });
  return result;
}

/** A rule set given as files: loadRuleSet, and when it loads, the cases given evaluated and rendered. */
export function checkRuleFiles(files: SourceInput[], cases: readonly unknown[], problems: Problem[], bound = timeBound.ms): RuleSet | undefined {
  const r = guarded('loadRuleSet', () => loadRuleSet(files), problems, bound);
  if (!r) return undefined;
  const dp = diagnosticProblems(r.diagnostics);
  if (dp.length) problems.push({ what: 'loadRuleSet diagnostics', detail: dp.join('; ') });
  if (!r.ruleSet && !r.diagnostics.some((d) => d.severity === 'error')) problems.push({ what: 'loadRuleSet', detail: 'no rule set and no error' });
  if (r.ruleSet && r.diagnostics.some((d) => d.severity === 'error')) problems.push({ what: 'loadRuleSet', detail: 'a rule set despite errors' });
  if (r.ruleSet) for (const value of cases) checkCase([r.ruleSet], { path: 'case.yaml', value }, problems, bound);
  return r.ruleSet;
}

/** A case (text or object) against rule sets: evaluateInCatalog, then both renderers. */
export function checkCase(ruleSets: readonly RuleSet[], input: SourceInput | { path: string; value: unknown }, problems: Problem[], bound = timeBound.ms): boolean {
  const r = guarded('evaluateInCatalog', () => evaluateInCatalog(ruleSets, input), problems, bound);
  if (!r) return false;
  const dp = diagnosticProblems(r.diagnostics);
  if (dp.length) problems.push({ what: 'evaluateInCatalog diagnostics', detail: dp.join('; ') });
  if (!r.disposition && !r.diagnostics.some((d) => d.severity === 'error')) problems.push({ what: 'evaluateInCatalog', detail: 'no disposition and no error' });
  if (r.disposition) {
    guarded('renderDispositionJson', () => renderDispositionJson(r.disposition!), problems, bound);
    guarded('renderDispositionMarkdown', () => renderDispositionMarkdown(r.disposition!, r.ruleSet!, r.case!), problems, bound);
  }
  return r.disposition !== undefined;
}

/**
 * NDJSON input as the batch reads it, line by line: each record evaluated
 * (never an exception); and the key scan that sends a line with a key twice
 * or a forbidden key to the full parser agrees with that parser: a line the
 * scan lets through never has such a key.
 */
export function checkNdjson(ruleSets: readonly RuleSet[], input: SourceInput, problems: Problem[], bound = timeBound.ms): void {
  const text = typeof input.text === 'string' ? input.text : new TextDecoder().decode(input.text);
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '') return;
    const rec = guarded('ndjsonRecord', () => ndjsonRecord(input.path, i + 1, line), problems, bound);
    if (!rec) return;
    const dp = diagnosticProblems(rec.diagnostics);
    if (dp.length) problems.push({ what: 'ndjsonRecord diagnostics', detail: dp.join('; ') });
    const r = guarded('ndjson evaluate', () => rec.evaluate(ruleSets), problems, bound);
    if (r) {
      const ep = diagnosticProblems(r.diagnostics);
      if (ep.length) problems.push({ what: 'ndjson evaluate diagnostics', detail: ep.join('; ') });
    }
    let json = true;
    try {
      JSON.parse(line);
    } catch {
      json = false;
    }
    if (json && !jsonKeysSuspect(line)) {
      const full = parseSource({ path: input.path, text: line }).diagnostics.filter((d) => d.code === 'YAML_DUPLICATE_KEY' || d.code === 'FORBIDDEN_KEY');
      if (full.length) problems.push({ what: 'jsonKeysSuspect', detail: `passed a line the full parser refuses (${full[0]!.code}): ${line.slice(0, 200)}` });
    }
  });
}

/** A fixture file (name, case, expect) through the fixture runner of `cailiang test`. */
export function checkFixture(ruleSets: readonly RuleSet[], input: SourceInput, problems: Problem[], bound = timeBound.ms): void {
  const r = guarded('runFixture', () => runFixture(input, ruleSets), problems, bound);
  if (r) {
    const dp = diagnosticProblems(r.diagnostics);
    if (dp.length) problems.push({ what: 'runFixture diagnostics', detail: dp.join('; ') });
  }
}

// ── the CLI ──────────────────────────────────────────────────────────────

export interface CliRun {
  readonly code: number | 'threw';
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

/** The CLI as a function, output captured. */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const start = performance.now();
  let code: number | 'threw';
  try {
    code = await cli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  } catch (e) {
    code = 'threw';
    err += `\n${e instanceof Error ? e.stack : String(e)}`;
  }
  return { code, out, err, ms: performance.now() - start };
}

/** A CLI run on hostile input: exit 0, 1 or 2 (`allowed`), no stack trace, in time, prototypes intact. */
export async function checkCli(argv: readonly string[], problems: Problem[], allowed: readonly number[] = [0, 1, 2], bound = timeBound.ms): Promise<CliRun> {
  const r = await runCli(argv);
  const what = `cailiang ${argv.map((a) => (a.startsWith(tmpdir()) ? basename(a) : a)).join(' ')}`;
  if (r.code === 'threw') problems.push({ what, detail: `cli threw (exit 3 from the bin): ${r.err.slice(0, 2000)}` });
  else if (!allowed.includes(r.code)) problems.push({ what, detail: `exit ${r.code}, expected ${allowed.join(' or ')}; stderr: ${r.err.slice(0, 500)}` });
  if (/\n\s+at /.test(r.err)) problems.push({ what, detail: `stack trace on stderr: ${r.err.slice(0, 2000)}` });
  if (bound !== undefined && r.ms > bound) problems.push({ what, detail: `took ${Math.round(r.ms)} ms (bound ${bound} ms)` });
  const p = pollution();
  if (p) problems.push({ what, detail: `prototype pollution: ${p}` });
  return r;
}

// ── files ────────────────────────────────────────────────────────────────

export function tempDir(prefix = 'cailiang-hostile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a rule set's files into a fresh folder (by base name) and returns it. */
export function writeRuleSet(files: readonly SourceInput[], dir = tempDir()): string {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, basename(f.path)), f.text);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A folder's YAML files as loader inputs (bytes, as the CLI reads them). */
export function readFolder(dir: string): SourceInput[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => ({ path: relative(ROOT, join(dir, n)), text: new Uint8Array(readFileSync(join(dir, n))) }));
}

/** Entries of a corpus folder: sub-folders for rule sets, files for cases and fixtures. */
export function corpus(dir: string): { rules: string[]; cases: string[]; fixtures: string[] } {
  const list = (sub: string, folders: boolean) => {
    const d = join(dir, sub);
    try {
      return readdirSync(d)
        .sort()
        .map((n) => join(d, n))
        .filter((p) => statSync(p).isDirectory() === folders && !basename(p).startsWith('.') && (folders || /\.ya?ml$/i.test(p)));
    } catch {
      return [];
    }
  };
  return { rules: list('rules', true), cases: list('cases', false), fixtures: list('fixtures', false) };
}

/** The cases of the bundled fixtures, by the rule-set id they name (or the item they use). */
export function fixtureCases(): { path: string; text: string; value: Record<string, unknown> }[] {
  const out: { path: string; text: string; value: Record<string, unknown> }[] = [];
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.ya?ml$/.test(n) ? [join(d, n)] : []));
  for (const p of walk(join(ROOT, 'fixtures'))) {
    const text = readFileSync(p, 'utf8');
    const f = parse(text) as { case?: Record<string, unknown> };
    if (f?.case) out.push({ path: relative(ROOT, p), text, value: f.case });
  }
  return out;
}
