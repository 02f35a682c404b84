import { chmodSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bundledRulesDir } from '../../src/node/paths.js';
import { writeFileAtomic } from '../../src/node/write.js';
import { bufferIO, DATA } from '../helpers.js';

// --output <file> for evaluate and diff: the report is written atomically
// (temporary file in the same folder, then rename), never over an input file
// and never into a rules folder; a refusal is a usage problem (exit 2) and
// changes nothing.

async function run(...argv: string[]) {
  const io = bufferIO();
  const code = await cli(argv, io);
  return { code, out: io.out, err: io.err };
}

const CASE = `id: out-1
item: T-1
party: { kind: organization }
dates: { act: 2025-03-01, discovered: 2025-03-10 }
facts: { goodsValue: 4000 }
circumstances: [harmSerious]
`;

/** A scratch folder with the mini rule set (rules/mini), a case and an out/ folder. */
function scratch() {
  const root = mkdtempSync(join(tmpdir(), 'cailiang-output-'));
  const rules = join(root, 'rules');
  cpSync(join(DATA, 'mini'), join(rules, 'mini'), { recursive: true });
  const cases = join(root, 'cases');
  mkdirSync(cases);
  writeFileSync(join(cases, 'a.yaml'), CASE);
  writeFileSync(join(cases, 'b.yaml'), CASE.replace('out-1', 'out-2'));
  mkdirSync(join(root, 'out'));
  return { root, rules, mini: join(rules, 'mini'), a: join(cases, 'a.yaml'), b: join(cases, 'b.yaml'), out: join(root, 'out') };
}

const noTemp = (dir: string) => expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

describe('cailiang evaluate --output', () => {
  it('writes the report that would have gone to standard output, and nothing to standard output', async () => {
    const s = scratch();
    const file = join(s.out, 'report.json');
    const printed = await run('evaluate', s.a, '--rules', s.mini, '--format', 'json');
    const written = await run('evaluate', s.a, '--rules', s.mini, '--format', 'json', '--output', file);
    expect(written.code).toBe(0);
    expect(written.out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(printed.out);
    noTemp(s.out);
  });

  it('replaces an existing report in place, keeping its permissions', async () => {
    const s = scratch();
    const file = join(s.out, 'report.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    const r = await run('evaluate', s.a, s.b, '--rules', s.mini, '-o', file);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('## 裁量结论');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    noTemp(s.out);
  });

  it('writes nothing when no case could be evaluated (an existing file stays as it was)', async () => {
    const s = scratch();
    const file = join(s.out, 'report.md');
    writeFileSync(join(s.root, 'bad.yaml'), 'id: x\n');
    expect((await run('evaluate', join(s.root, 'bad.yaml'), '--rules', s.mini, '--output', file)).code).toBe(1);
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, 'old');
    expect((await run('evaluate', join(s.root, 'bad.yaml'), '--rules', s.mini, '--output', file)).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it.each<[string, (s: ReturnType<typeof scratch>) => string]>([
    ['the case file itself', (s) => s.a],
    ['another case file on the command line', (s) => s.b],
    ['a symbolic link to the case file', (s) => {
      symlinkSync(s.a, join(s.out, 'link.yaml'));
      return join(s.out, 'link.yaml');
    }],
    ['a hard link to the case file', (s) => {
      linkSync(s.a, join(s.out, 'hard.yaml'));
      return join(s.out, 'hard.yaml');
    }],
    ['the case file by another path (…/out/../cases/a.yaml)', (s) => join(s.out, '..', 'cases', 'a.yaml')],
  ])('refuses to overwrite an input: %s (exit 2, the case unchanged)', async (_, target) => {
    const s = scratch();
    const path = target(s);
    const r = await run('evaluate', s.a, s.b, '--rules', s.mini, '--output', path);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing to write --output .*: it is an input file/);
    expect(readFileSync(s.a, 'utf8')).toBe(CASE);
    expect(readFileSync(s.b, 'utf8')).toBe(CASE.replace('out-1', 'out-2'));
  });

  it.each<[string, (s: ReturnType<typeof scratch>) => string[], RegExp]>([
    ['a rule file of the --rules folder', (s) => ['--rules', s.mini, '--output', join(s.mini, 'food.yaml')], /inside the rules folder/],
    ['a new file in the --rules folder', (s) => ['--rules', s.mini, '--output', join(s.mini, 'report.yaml')], /inside the rules folder/],
    ['a sub-folder below the --rules folder of rule sets', (s) => {
      mkdirSync(join(s.rules, 'reports'));
      return ['--rules', s.rules, '--output', join(s.rules, 'reports', 'r.md')];
    }, /inside the rules folder/],
    ['a rule-set folder other than --rules (it holds index.yaml)', (s) => {
      cpSync(s.mini, join(s.root, 'other'), { recursive: true });
      return ['--rules', s.mini, '--output', join(s.root, 'other', 'r.md')];
    }, /is a rule-set folder \(it holds index\.yaml\)/],
    ['the bundled rules, when --rules is not given', () => ['--output', join(bundledRulesDir(), 'r.md')], /inside the rules folder/],
    ['a folder that does not exist', (s) => ['--rules', s.mini, '--output', join(s.root, 'nowhere', 'r.md')], /does not exist/],
    ['a folder', (s) => ['--rules', s.mini, '--output', s.out], /it is a folder/],
  ])('refuses to write into %s (exit 2, nothing written)', async (_, args, message) => {
    const s = scratch();
    const argv = args(s);
    const before = readdirSync(s.mini).sort();
    const r = await run('evaluate', s.a, ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
    expect(readdirSync(s.mini).sort()).toEqual(before);
    expect(readFileSync(join(s.mini, 'food.yaml'), 'utf8')).toBe(readFileSync(join(DATA, 'mini', 'food.yaml'), 'utf8'));
  });
});

describe('cailiang diff --output', () => {
  it('writes the diff atomically', async () => {
    const s = scratch();
    cpSync(s.mini, join(s.root, 'mini2'), { recursive: true });
    const file = join(s.out, 'diff.json');
    const printed = await run('diff', s.mini, join(s.root, 'mini2'), '--format', 'json');
    const r = await run('diff', s.mini, join(s.root, 'mini2'), '--format', 'json', '--output', file);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(printed.out);
    noTemp(s.out);
  });

  it.each<[string, (s: ReturnType<typeof scratch>) => string]>([
    ['the old folder’s index.yaml', (s) => join(s.mini, 'index.yaml')],
    ['a new file in the new folder', (s) => join(s.root, 'mini2', 'diff.md')],
  ])('refuses to write over or into a rule-set folder it reads: %s', async (_, target) => {
    const s = scratch();
    cpSync(s.mini, join(s.root, 'mini2'), { recursive: true });
    const r = await run('diff', s.mini, join(s.root, 'mini2'), '--output', target(s));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing to write --output/);
    expect(readdirSync(s.mini).sort()).toEqual(['food.yaml', 'index.yaml']);
    expect(readdirSync(join(s.root, 'mini2')).sort()).toEqual(['food.yaml', 'index.yaml']);
  });
});

describe('writeFileAtomic', () => {
  it('leaves no temporary file and the target as it was when the rename fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cailiang-atomic-'));
    const target = join(dir, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['busy']);
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('x');
  });
});
