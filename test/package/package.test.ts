import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

// What `npm install cailiang` puts on a user's disk: the files the README
// sends them to must be in it, and the commands it shows must run from it.
const packed: string[] = (
  JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as {
    files: { path: string }[];
  }[]
)[0]!.files.map((f) => f.path);
const readme = readFileSync('README.md', 'utf8');

describe('the installed package', () => {
  it('ships the rules, the fixtures the demo and test commands read, and the docs', () => {
    for (const p of ['README.md', 'LICENSE', 'package.json', 'rules/cn-samr-food/index.yaml', 'fixtures/samples/batch.ndjson', 'docs/verify.md', 'docs/diagnostics.md'])
      expect(packed, p).toContain(p);
    expect(packed.filter((p) => p.startsWith('fixtures/cn-samr-food/')).length).toBeGreaterThan(5);
    // Sources and tests stay out.
    expect(packed.filter((p) => p.startsWith('src/') || p.startsWith('test/'))).toEqual([]);
  });

  it('resolves every relative link of the README to a file in the package', () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(packed, l).toContain(l);
  });

  it('holds every fixtures/ and rules/ file the README names', () => {
    // Made-up examples (rules/x/food.yaml) name a folder that is not bundled.
    const paths = [...new Set([...readme.matchAll(/\b(?:fixtures|rules)\/[\w./-]+\.(?:ya?ml|ndjson|json)\b/g)].map((m) => m[0]))].filter((p) =>
      existsSync(p.split('/').slice(0, 2).join('/')),
    );
    expect(paths.length).toBeGreaterThan(2);
    for (const p of paths) expect(packed, p).toContain(p);
  });

  it('lists what ships in the files field', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[]; bin: Record<string, string> };
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'rules', 'fixtures', 'docs']));
    expect(pkg.bin.cailiang).toBe('./dist/cli.js');
  });
});

describe('demo and test on the bundled data, without arguments', () => {
  it('demo evaluates the bundled samples and prints their reports', async () => {
    const io = bufferIO();
    // Every bundled sample evaluates, or is refused as its fixture expects (a case to be checked first).
    expect(await cli(['demo'], io)).toBe(0);
    expect(io.out).not.toContain('（案件无效）');
    expect(io.out).toContain('案件有误，须先核实：CASE_AGE_MISMATCH');
    expect(io.out).toMatch(/## 示例案件（\d{3,} 件）/);
    expect(io.err).toBe('');
  }, 60_000);

  it('demo --help prints its usage instead of reading "--help" as a folder', async () => {
    const io = bufferIO();
    expect(await cli(['demo', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: cailiang demo/);
  }, 60_000);

  it('demo with a folder it does not take is a usage error', async () => {
    const io = bufferIO();
    expect(await cli(['demo', 'somewhere'], io)).toBe(2);
    expect(io.err).toMatch(/demo takes no folder/);
  }, 60_000);

  it('test without a folder runs the bundled fixtures against the bundled rules', async () => {
    const io = bufferIO();
    expect([0, 1]).toContain(await cli(['test'], io));
    expect(io.out).toMatch(/\n\d{3,} passed, \d+ failed\n$/);
    expect(io.err).not.toMatch(/no fixture folder/);
  }, 60_000);
});
