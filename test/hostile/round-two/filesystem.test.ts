import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRuleSetDir } from '../../../src/node/index.js';
import { checkCli, removeDir, tempDir, type Problem } from '../harness.js';
import { at, errors, FOOD, INDEX, loadMini, MINI_DIR } from './table.js';

// One file-system policy everywhere (class 6): links that leave a rule-set
// folder are not read, what a folder scan passes over is said, --output
// writes only regular files. One validation gate (class 7): what verify calls
// an error, evaluate refuses too. Workers capped at the cores (class 9).

const dir = tempDir();
afterAll(() => removeDir(dir));
const CASE = join(dir, 'case.yaml');
writeFileSync(CASE, 'id: fs-1\nitem: T-1\nparty: { kind: organization }\ndates: { act: 2025-03-01, discovered: 2025-03-10 }\nfacts: { goodsValue: 3000 }\n');
writeFileSync(join(dir, 'outside.yaml'), 'items: [\n# SECRET-OUTSIDE-MARK\n');

function ruleSet(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  cpSync(MINI_DIR, d, { recursive: true });
  return d;
}

describe('a rule file that is a link out of its folder is refused unread (IO_LINK_OUTSIDE), its target never echoed', () => {
  it.each([
    ['/etc/passwd', 'root:'],
    ['/proc/self/environ', 'PATH='],
    ['../outside.yaml', 'SECRET-OUTSIDE-MARK'],
    ['/dev/zero', ''],
    ['/', ''],
  ])('a link to %s', async (target, secret) => {
    const rules = ruleSet(`link-${target.replace(/\W+/g, '_')}`);
    symlinkSync(target, join(rules, 'extra.yaml'));
    const r = await loadRuleSetDir(rules);
    expect(r.ruleSet).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file, d.line, d.column])).toEqual([['IO_LINK_OUTSIDE', join(rules, 'extra.yaml'), 1, 1]]);
    const problems: Problem[] = [];
    const v = await checkCli(['verify', rules], problems, [2]);
    expect(problems).toEqual([]);
    if (secret) expect(v.out + v.err).not.toContain(secret);
  });

  it('a link to another file inside the folder is read as usual', async () => {
    const rules = ruleSet('link-inside');
    mkdirSync(join(rules, 'parts'));
    writeFileSync(join(rules, 'parts', 'more.yaml'), 'facts:\n  extraFact: count\n');
    symlinkSync('parts/more.yaml', join(rules, 'more.yaml'));
    const r = await loadRuleSetDir(rules);
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.ruleSet?.facts.extraFact?.type).toBe('count');
  });
});

describe('folders a scan passes over are named, by verify and by evaluate alike (RULESET_DIR_SKIPPED)', () => {
  const tree = join(dir, 'tree');
  mkdirSync(tree);
  cpSync(MINI_DIR, join(tree, 'good'), { recursive: true });
  cpSync(MINI_DIR, join(tree, '.hidden'), { recursive: true });
  cpSync(MINI_DIR, join(tree, 'node_modules', 'x'), { recursive: true });
  cpSync(MINI_DIR, join(tree, 'node_modules'), { recursive: true });
  cpSync(MINI_DIR, join(tree, 'a', 'b', 'c', 'deep'), { recursive: true });
  symlinkSync(join(tree, 'good'), join(tree, 'linked'));
  mkdirSync(join(tree, '.git', 'objects'), { recursive: true });
  const expected = [
    [join(tree, '.hidden'), 'hidden'],
    [join(tree, 'a', 'b', 'c', 'deep'), 'deeper than 3 levels'],
    [join(tree, 'linked'), 'symbolic link'],
    [join(tree, 'node_modules'), 'node_modules'],
  ];
  const named = (out: string) => [...out.matchAll(/^(.*):1:1\s+warning\s+RULESET_DIR_SKIPPED\s+folder not read: (.*)$/gm)].map((m) => [m[1], m[2]]);

  it.each([
    ['verify', ['verify', tree, '--as-of', '2025-06-01'], [1]],
    ['evaluate', ['evaluate', CASE, '--rules', tree], [0]],
    ['batch', ['batch', CASE, '--rules', tree], [0, 1]],
  ] as [string, string[], number[]][])('cailiang %s names each folder it skips, and why (a .git without rule sets is not named)', async (_, argv, exits) => {
    const problems: Problem[] = [];
    const r = await checkCli(argv, problems, exits);
    expect(problems).toEqual([]);
    const got = named(r.out + r.err);
    expect(got.map(([p]) => p)).toEqual(expected.map(([p]) => p));
    got.forEach(([, reason], i) => expect(reason).toContain(expected[i]![1]));
  });
});

describe('what verify calls an error, evaluate refuses', () => {
  it('two folders with the same id and version: CATALOG_OVERLAP from verify and from evaluate', async () => {
    const tree = join(dir, 'twins');
    cpSync(MINI_DIR, join(tree, 'one'), { recursive: true });
    cpSync(MINI_DIR, join(tree, 'two'), { recursive: true });
    const problems: Problem[] = [];
    const v = await checkCli(['verify', tree, '--as-of', '2025-06-01'], problems, [1]);
    const e = await checkCli(['evaluate', CASE, '--rules', tree], problems, [1]);
    expect(problems).toEqual([]);
    expect(v.out).toMatch(/two\/index\.yaml:8:\d+\s+error\s+CATALOG_OVERLAP/);
    expect(e.err).toMatch(/two\/index\.yaml:8:\d+\s+error\s+CATALOG_OVERLAP/);
  });

  const CONTRADICTIONS: [string, string, string, string][] = [
    ['a rule set that ends before it starts', INDEX.replace('to: null', 'to: 2023-12-31'), FOOD, '2023-12-31'],
    ['an extended limitation shorter than the general one', INDEX.replace('policy:\n', 'policy:\n  limitation: { general: P5Y, extended: P2Y }\n'), FOOD, 'P2Y }'],
    ['an extended limitation of P23M against a general P2Y', INDEX.replace('policy:\n', 'policy:\n  limitation: { general: P2Y, extended: P23M }\n'), FOOD, 'P23M'],
    ['721 targets adding up to 3', INDEX.replace('policy:\n', 'policy:\n  channels: { target: { service: 1, supervision: 1, penalty: 1 } }\n'), FOOD, '{ service'],
    ['721 targets adding up to 0.9', INDEX.replace('policy:\n', 'policy:\n  channels: { target: { service: 0.7, supervision: 0.1, penalty: 0.1 } }\n'), FOOD, '{ service'],
    ['当场处罚 above 200 yuan for a citizen', INDEX.replace('policy:\n', 'policy:\n  simpleProcedure: { person: 201, organization: 3000 }\n'), FOOD, '201'],
    ['当场处罚 above 3,000 yuan for an organisation', INDEX.replace('policy:\n', 'policy:\n  simpleProcedure: { person: 200, organization: 5000 }\n'), FOOD, '5000'],
    ['a fine provided but fine left out of kinds', INDEX, FOOD.replace('kinds: [fine, confiscateGains]', 'kinds: [confiscateGains]'), '[confiscateGains]'],
  ];
  it.each(CONTRADICTIONS)('%s is POLICY_CONTRADICTS at the value', (_, index, food, marker) => {
    const r = loadMini(index, food);
    const text = food === FOOD ? index : food;
    expect(errors(r.diagnostics)).toEqual([{ code: 'POLICY_CONTRADICTS', ...at(text, marker) }]);
  });

  it.each([
    ['an extended limitation equal to the general one (P24M, P2Y)', INDEX.replace('policy:\n', 'policy:\n  limitation: { general: P2Y, extended: P24M }\n')],
    ['721 targets of 0.7, 0.2, 0.1 (floating point)', INDEX.replace('policy:\n', 'policy:\n  channels: { target: { service: 0.7, supervision: 0.2, penalty: 0.1 } }\n')],
    ['当场处罚 at the law’s 200 / 3,000 yuan', INDEX.replace('policy:\n', 'policy:\n  simpleProcedure: { person: 200, organization: 3000 }\n')],
    ['a rule set in force for one day', INDEX.replace('to: null', 'to: 2024-01-01')],
  ])('%s loads', (_, index) => {
    expect(errors(loadMini(index).diagnostics)).toEqual([]);
  });
});

describe('--output writes only regular files', () => {
  const fifo = join(dir, 'out.fifo');
  execFileSync('mkfifo', [fifo]);
  symlinkSync('/dev/null', join(dir, 'null-link.md'));
  it.each([
    ['/dev/null', '/dev/null'],
    ['a link to /dev/null', join(dir, 'null-link.md')],
    ['a FIFO', fifo],
    ['/dev/zero', '/dev/zero'],
  ])('onto %s: refused, exit 2, the node left as it was', async (_, target) => {
    const before = statSync(target);
    const problems: Problem[] = [];
    const r = await checkCli(['evaluate', CASE, '--rules', MINI_DIR, '--output', target], problems, [2]);
    expect(problems).toEqual([]);
    expect(r.err).toContain('it is not a regular file');
    const after = statSync(target);
    expect([after.isFile(), after.ino, after.rdev]).toEqual([false, before.ino, before.rdev]);
    if (target.endsWith('null-link.md')) expect(lstatSync(target).isSymbolicLink()).toBe(true);
  });
});

describe('batch --workers is capped at the cores, and says so', () => {
  it('--workers 64 runs on as many threads as there are cores, with a note, and the same report', async () => {
    const nd = join(dir, 'w.ndjson');
    writeFileSync(nd, Array.from({ length: 20 }, (_, i) => `{"id":"w${i}","item":"T-1","party":{"kind":"organization"},"dates":{"act":"2025-03-01","discovered":"2025-03-10"},"facts":{"goodsValue":${1000 + i * 10}}}`).join('\n') + '\n');
    const problems: Problem[] = [];
    const many = await checkCli(['batch', nd, '--rules', MINI_DIR, '--format', 'json', '--workers', '64'], problems, [0]);
    const one = await checkCli(['batch', nd, '--rules', MINI_DIR, '--format', 'json'], problems, [0]);
    expect(problems).toEqual([]);
    const cores = availableParallelism();
    if (cores < 64) expect(many.err).toContain(`--workers 64 capped at ${cores}`);
    expect(many.out).toBe(one.out);
  }, 60_000);
});
