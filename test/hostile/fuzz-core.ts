import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import type { RuleSet } from '../../src/load/model.js';
import type { SourceInput } from '../../src/load/source.js';
import { findRuleSetDirs, loadRuleSetDir, readRuleSetFiles } from '../../src/node/index.js';
import {
  checkCase,
  checkCli,
  checkNdjson,
  checkFixture,
  checkRuleFiles,
  fixtureCases,
  HOSTILE,
  removeDir,
  ROOT,
  tempDir,
  writeRuleSet,
  type Problem,
} from './harness.js';
import { mutate, Rng, type Input } from './mutate.js';

/**
 * The fuzz loop shared by fuzz.test.ts (fixed seed, in CI) and fuzz.ts
 * (`npm run fuzz`: random seed, longer): seeded random mutations of the
 * bundled rule files, fixture cases and fixture files, fed to loadRuleSet,
 * evaluateInCatalog, the fixture runner and the CLI. Input `i` of seed `s`
 * is a pure function of (s, i), so a failing input can be made again.
 */

export interface Sources {
  readonly ruleSets: { dir: string; id?: string; files: SourceInput[] }[];
  readonly cases: { path: string; value: Record<string, unknown>; ruleSet?: string }[];
  readonly fixtures: { path: string; text: string }[];
  /** Every bundled rule set that loads, for evaluating mutated cases. */
  readonly catalog: RuleSet[];
}

export async function loadSources(): Promise<Sources> {
  const ruleSets: Sources['ruleSets'] = [];
  const catalog: RuleSet[] = [];
  for (const dir of await findRuleSetDirs(join(ROOT, 'rules'))) {
    const { files } = await readRuleSetFiles(dir);
    const r = await loadRuleSetDir(dir);
    if (r.ruleSet) catalog.push(r.ruleSet);
    ruleSets.push({ dir, ...(r.ruleSet ? { id: r.ruleSet.id } : {}), files: files.map((f) => ({ path: relative(ROOT, f.path), text: f.text })) });
  }
  const cases = fixtureCases().map((f) => {
    const id = typeof f.value.ruleSet === 'string' ? f.value.ruleSet : catalog.find((rs) => rs.items.some((i) => i.code === f.value.item))?.id;
    return { path: f.path, value: f.value, ...(id ? { ruleSet: id } : {}) };
  });
  return { ruleSets, cases, fixtures: fixtureCases().map((f) => ({ path: f.path, text: f.text })), catalog };
}

export type Target =
  | { kind: 'rules'; name: string; dir: string; files: SourceInput[]; applied: string[]; cases: Record<string, unknown>[] }
  | { kind: 'case'; name: string; input: SourceInput; rulesDir?: string; applied: string[] }
  | { kind: 'fixture'; name: string; input: SourceInput; rulesDir?: string; applied: string[] }
  | { kind: 'ndjson'; name: string; input: SourceInput; rulesDir?: string; applied: string[] };

/** The random generator of input `i` of seed `seed`. */
export function rngFor(seed: number, i: number): Rng {
  return new Rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
}

/** Input `i` of seed `seed`: a mutated rule set, case or fixture. */
export function makeTarget(src: Sources, seed: number, i: number): Target {
  const rng = rngFor(seed, i);
  const roll = rng.next();
  if (roll < 0.45) {
    const rs = rng.pick(src.ruleSets);
    const k = rng.int(rs.files.length);
    const { output, applied } = mutate(rs.files[k]!.text, rng);
    const files = rs.files.map((f, j) => (j === k ? { path: f.path, text: output } : f));
    const cases = src.cases.filter((c) => c.ruleSet !== undefined && c.ruleSet === rs.id).map((c) => c.value);
    const picked = Array.from({ length: Math.min(3, cases.length) }, () => rng.pick(cases));
    return { kind: 'rules', name: `${relative(ROOT, rs.dir)}/${basename(rs.files[k]!.path)}`, dir: rs.dir, files, applied, cases: picked };
  }
  if (roll < 0.75) {
    const c = rng.pick(src.cases);
    const { output, applied } = mutate(stringify(c.value), rng);
    const rulesDir = src.ruleSets.find((r) => r.id === c.ruleSet)?.dir;
    return { kind: 'case', name: c.path, input: { path: c.path.replace(/\.ya?ml$/, '.case.yaml'), text: output }, ...(rulesDir ? { rulesDir } : {}), applied };
  }
  if (roll < 0.88) {
    // A fixture case as one NDJSON line, mutated (the mutations may split it into several lines).
    const c = rng.pick(src.cases);
    const { output, applied } = mutate(JSON.stringify(c.value), rng);
    const rulesDir = src.ruleSets.find((r) => r.id === c.ruleSet)?.dir;
    return { kind: 'ndjson', name: c.path, input: { path: c.path.replace(/\.ya?ml$/, '.ndjson'), text: output }, ...(rulesDir ? { rulesDir } : {}), applied };
  }
  const f = rng.pick(src.fixtures);
  const { output, applied } = mutate(f.text, rng);
  const id = (parse(f.text) as { case?: { ruleSet?: string; item?: string } })?.case;
  const rs = src.catalog.find((r) => r.id === id?.ruleSet || r.items.some((it) => it.code === id?.item));
  const rulesDir = rs ? src.ruleSets.find((r) => r.id === rs.id)?.dir : undefined;
  return { kind: 'fixture', name: f.path, input: { path: f.path, text: output }, ...(rulesDir ? { rulesDir } : {}), applied };
}

/** Library-level checks of one input. */
export function runLibrary(target: Target, src: Sources, problems: Problem[]): void {
  if (target.kind === 'rules') checkRuleFiles(target.files, target.cases, problems);
  else if (target.kind === 'case') checkCase(src.catalog, target.input, problems);
  else if (target.kind === 'ndjson') checkNdjson(src.catalog, target.input, problems);
  else checkFixture(src.catalog, target.input, problems);
}

/** CLI checks of one input (files written to a temporary folder). */
export async function runCliOn(target: Target, src: Sources, problems: Problem[], variant: number): Promise<void> {
  const tmp = tempDir('cailiang-fuzz-');
  try {
    if (target.kind === 'rules') {
      const dir = writeRuleSet(target.files, join(tmp, basename(target.dir)));
      const id = src.ruleSets.find((r) => r.dir === target.dir)?.id;
      const fixture = src.cases.find((c) => c.ruleSet !== undefined && c.ruleSet === id);
      let argv: string[];
      if (variant % 3 === 0 || (variant % 3 === 1 && !fixture)) argv = ['verify', dir];
      else if (variant % 3 === 1) {
        const casePath = join(tmp, 'case.yaml');
        writeFileSync(casePath, stringify(fixture!.value));
        argv = ['evaluate', casePath, '--rules', dir, '--format', 'json'];
      } else argv = ['diff', target.dir, dir, '--format', variant % 2 ? 'json' : 'md'];
      await checkCli(argv, problems);
    } else if (target.kind === 'ndjson') {
      const path = join(tmp, 'cases.ndjson');
      writeFileSync(path, target.input.text);
      await checkCli([variant % 2 ? 'audit' : 'batch', path, '--rules', target.rulesDir ?? join(ROOT, 'rules'), '--format', 'json'], problems);
    } else if (target.kind === 'case') {
      const path = join(tmp, 'case.yaml');
      writeFileSync(path, target.input.text);
      await checkCli(['evaluate', path, '--rules', target.rulesDir ?? join(ROOT, 'rules'), ...(variant % 2 ? ['--format', 'json'] : [])], problems);
    } else {
      const dir = join(tmp, 'fixtures');
      mkdirSync(dir);
      writeFileSync(join(dir, 'f.yaml'), target.input.text);
      if (target.rulesDir) await checkCli(['test', target.rulesDir, '--fixtures', dir], problems);
    }
  } finally {
    removeDir(tmp);
  }
}

/** Keeps a failing input as a regression file (test/hostile/regressions/). */
export function saveRegression(target: Target, seed: number, i: number, problems: readonly Problem[]): string {
  const base = join(HOSTILE, 'regressions');
  const tag = `fuzz-${seed}-${i}`;
  const note = `${tag}: ${target.kind} ${target.name}; mutations: ${target.applied.join(', ')}\n${problems.map((p) => `${p.what}: ${p.detail}`).join('\n')}\n`;
  if (target.kind === 'rules') {
    const dir = join(base, 'rules', tag);
    writeRuleSet(target.files, dir);
    writeFileSync(join(dir, 'NOTE.txt'), note);
    // The cases it was tried with (hostile.test.ts evaluates them again).
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(target.cases, null, 2) + '\n');
    return dir;
  }
  // An NDJSON line is a JSON value, which is YAML too: it is kept (and replayed) as a case.
  const dir = join(base, target.kind === 'fixture' ? 'fixtures' : 'cases');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${tag}.yaml`), target.input.text as Input);
  writeFileSync(join(dir, `${tag}.txt`), note);
  return join(dir, `${tag}.yaml`);
}

/** For messages: where a regression folder is, relative to the project. */
export function where(p: string): string {
  return relative(ROOT, p) || dirname(p);
}

export function readInput(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
