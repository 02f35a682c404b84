import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';
import { index, leaf, rules, T, when } from '../verify/build.js';

const SAMR = [T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.7, 1]')];

/** A rule-set folder in a temp dir (or under `parent`), with index.yaml and rules.yaml. */
function ruleSetDir(indexText: string, rulesText: string, parent?: string, name = 'rs'): string {
  const dir = join(parent ?? mkdtempSync(join(tmpdir(), 'cailiang-verify-')), name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.yaml'), indexText);
  writeFileSync(join(dir, 'rules.yaml'), rulesText);
  return dir;
}

const MINI = 'test/data/mini';
const BROKEN = 'test/data/broken';

async function run(...argv: string[]) {
  const io = bufferIO();
  const code = await cli(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('cailiang verify', () => {
  it('exits 0 on a valid rule set and prints a summary', async () => {
    const dir = ruleSetDir(index(), rules(SAMR));
    const r = await run('verify', dir, '--as-of', '2026-01-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`✓ ${dir} {2}test-verify 1 {2}1 items · 3 tiers · 0 list entries {2}sha256:[0-9a-f]{12}`));
    expect(r.out).toContain('1 rule set: 0 errors, 0 warnings');
  });

  it('runs the semantic checks on a rule set that loads: ✗ with the counts', async () => {
    const r = await run('verify', MINI, '--as-of', '2026-01-01');
    expect(r.code).toBe(1);
    expect(r.out).toContain('test/data/mini/food.yaml:14:11  error  TIER_GAP  no tier of item T-1 under branch "large" applies when goodsValue ≥ 10000 yuan');
    expect(r.out).toContain('test/data/mini/food.yaml:18:9  warning  TIER_NO_CITATION');
    expect(r.out).toMatch(/✗ test\/data\/mini {2}test-mini 1 {2}1 items · 3 tiers · 1 list entries · 1 error · 3 warnings {2}sha256:/);
  });

  it('prints file:line:col, severity and code for an error, and exits 1', async () => {
    const r = await run('verify', BROKEN);
    expect(r.code).toBe(1);
    expect(r.out).toContain('test/data/broken/index.yaml:19:31  error  UNKNOWN_FACT  fact "goodValue" is not declared');
    expect(r.out).toContain('hint: declare it under facts:');
    expect(r.out).toContain('✗ test/data/broken  1 error');
  });

  it('finds every rule set below a folder', async () => {
    const r = await run('verify', 'test/data');
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ test/data/mini  test-mini 1');
    expect(r.out).toContain('✗ test/data/broken  1 error');
  });

  it('--format json prints the diagnostics as a JSON array', async () => {
    const r = await run('verify', BROKEN, '--format', 'json');
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.out) as { code: string; line: number; column: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ file: 'test/data/broken/index.yaml', line: 19, column: 31, severity: 'error', code: 'UNKNOWN_FACT' });
  });

  it('--format github prints workflow annotations', async () => {
    const r = await run('verify', BROKEN, '--format', 'github');
    expect(r.out).toMatch(/^::error file=test\/data\/broken\/index\.yaml,line=19,col=31,endLine=19,endColumn=40,title=UNKNOWN_FACT::fact "goodValue" is not declared/);
  });

  it('exits 2 for a folder that does not exist', async () => {
    const r = await run('verify', 'test/data/nope');
    expect(r.code).toBe(2);
    expect(r.out).toContain('test/data/nope:1:1  error  IO_NOT_FOUND');
  });

  it('exits 2 for usage errors, with a one-line message and no stack', async () => {
    for (const argv of [
      ['verify'],
      ['verify', MINI, '--format', 'xml'],
      ['verify', '--bogus', MINI],
      ['verify', MINI, '--as-of', '2026-02-30'],
      ['verify', MINI, '--ignore', 'UNKNOWN_FACT'],
      ['verify', MINI, '--fixtures', 'test/data/nope'],
      ['frobnicate'],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('reports an empty folder and a folder without index.yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cailiang-'));
    let r = await run('verify', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('RULESET_EMPTY');
    writeFileSync(join(dir, 'food.yaml'), 'items: []\n');
    r = await run('verify', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${dir}/index.yaml:1:1  error  RULESET_NO_INDEX`);
  });

  it('does not follow a rule file that is a device or FIFO', async () => {
    const r = await run('verify', '/dev/null');
    expect(r.code).toBe(2);
    expect(r.out).toContain('IO_NOT_DIRECTORY');
  });
});

describe('cailiang verify: semantic checks in CI', () => {
  const overlapping = () =>
    ruleSetDir(
      index('', { effective: '{ from: 2024-01-01, to: 2025-12-31 }' }),
      rules([
        T('light', `${when(leaf('goodsValue', 'lessThanInclusive', 10000))}, amount: [5000, 20000]`),
        T('general', `${when(leaf('goodsValue', 'greaterThanInclusive', 10000))}, amount: [20000, 50000]`),
      ]),
    );

  it('reports an overlap with its counterexample, and an expiry by --as-of', async () => {
    const dir = overlapping();
    const r = await run('verify', dir, '--as-of', '2026-01-01');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${dir}/rules.yaml:9:9  error  TIER_OVERLAP  goodsValue = 10000 yuan matches "light" and "general" of item A-1`);
    expect(r.out).toContain(`${dir}/index.yaml:8:12  warning  RULESET_EXPIRED`);
    expect((await run('verify', dir, '--as-of', '2025-12-31')).out).not.toContain('RULESET_EXPIRED');
  });

  it('--strict turns warnings into errors', async () => {
    const dir = ruleSetDir(index(), rules([T('only', 'grade: general, share: [0, 1]', false)]));
    const lax = await run('verify', dir, '--as-of', '2026-01-01');
    expect(lax.code).toBe(0);
    expect(lax.out).toContain('warning  TIER_NO_CITATION');
    const strict = await run('verify', dir, '--as-of', '2026-01-01', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('error  TIER_NO_CITATION');
    expect(strict.out).toContain('1 rule set: 1 error, 0 warnings (--strict: warnings count as errors)');
  });

  it('--ignore drops a code and the summary counts it; ignore: in index.yaml too', async () => {
    const dir = ruleSetDir(index(), rules([T('only', 'grade: general, share: [0, 1]', false)]));
    const r = await run('verify', dir, '--as-of', '2026-01-01', '--strict', '--ignore', 'TIER_NO_CITATION');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 items · 1 tiers · 0 list entries · 1 ignored {2}sha256/);
    expect(r.out).toContain('1 rule set: 0 errors, 0 warnings, 1 ignored');
    const kept = ruleSetDir(index('ignore:\n  - { code: TIER_NO_CITATION, reason: 仅法定幅度，无细化依据 }\n'), rules([T('only', 'grade: general, share: [0, 1]', false)]));
    expect((await run('verify', kept, '--as-of', '2026-01-01', '--strict')).code).toBe(0);
  });

  it('counts unverified marks in the summary line instead of one diagnostic each', async () => {
    const dir = ruleSetDir(index().replace('articles: 154 }', 'articles: 154, unverified: 未核对原文 }'), rules([T('only', 'grade: general, share: [0, 1], unverified: 来自二手资料')]));
    const r = await run('verify', dir, '--as-of', '2026-01-01', '--strict');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 items · 1 tiers · 0 list entries · 2 unverified {2}sha256/);
  });

  it('resolves extends among the folders given, and reports an unknown parent', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cailiang-tree-'));
    ruleSetDir(index('', { id: 'cn-prov' }), rules(SAMR), root, 'prov');
    const city = ruleSetDir(
      index('extends: cn-prov\n', { id: 'cn-city' }),
      rules([T('light', 'grade: lighter, amount: [5000, 20000]'), T('mid', 'grade: general, amount: [20000, 36500]'), T('heavy', 'grade: heavier, amount: [36500, 50000]')]),
      root,
      'city',
    );
    const both = await run('verify', root, '--as-of', '2026-01-01');
    expect(both.code).toBe(1);
    expect(both.out).toContain(`${city}/rules.yaml:8:9  error  PARENT_TIER_EXCEEDED  tier "light" of item A-1 (5000–20000 yuan) goes beyond cn-prov 1 tier "light" (5000–18500 yuan)`);
    const alone = await run('verify', city, '--as-of', '2026-01-01');
    expect(alone.out).toContain(`${city}/index.yaml:20:10  error  PARENT_UNKNOWN  extends "cn-prov"`);
  });

  it('--fixtures warns about tiers no fixture exercises', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cailiang-fx-'));
    const dir = ruleSetDir(index(), rules(SAMR), root, 'rules');
    mkdirSync(join(root, 'fixtures'));
    writeFileSync(
      join(root, 'fixtures', 'general.yaml'),
      `name: 一般情节\ncase:\n  id: f-1\n  item: A-1\n  party: { kind: organization }\n  dates: { act: 2025-03-01, discovered: 2025-03-10 }\n  facts: { goodsValue: 4000 }\nexpect: { tier: mid }\n`,
    );
    const r = await run('verify', dir, '--as-of', '2026-01-01', '--fixtures', join(root, 'fixtures'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${dir}/rules.yaml:8:9  warning  TIER_NOT_EXERCISED  no fixture exercises tier "light" of item A-1`);
    expect(r.out).toContain(`${dir}/rules.yaml:10:9  warning  TIER_NOT_EXERCISED  no fixture exercises tier "heavy" of item A-1`);
    expect(r.out).not.toContain('tier "mid"');
  });

  it('--format sarif prints one SARIF 2.1.0 log', async () => {
    const r = await run('verify', overlapping(), '--as-of', '2026-01-01', '--format', 'sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('cailiang');
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['RULESET_EXPIRED', 'TIER_OVERLAP']);
  });

  it('--format github annotates semantic findings too', async () => {
    const r = await run('verify', overlapping(), '--as-of', '2026-01-01', '--format', 'github', '--strict');
    expect(r.out).toMatch(/^::error file=.*rules\.yaml,line=9,col=9,endLine=9,endColumn=\d+,title=TIER_OVERLAP::goodsValue = 10000 yuan matches/m);
    expect(r.out).toMatch(/^::error file=.*index\.yaml,line=8,col=12,.*title=RULESET_EXPIRED::/m);
  });

  it('the bundled cn-samr-food rule set verifies clean under --strict, with the statutory layer it extends', async () => {
    const r = await run('verify', 'rules/cn-law-spaqf', 'rules/cn-samr-food', '--strict', '--as-of', '2026-11-22');
    expect(r.out).toMatch(/^✓ rules\/cn-samr-food/m);
    expect(r.code).toBe(0);
  });
});

describe('cailiang schema / help / version', () => {
  it('prints a JSON Schema', async () => {
    const r = await run('schema', 'case');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).title).toBe('cailiang case');
  });
  it('prints help and version', async () => {
    expect((await run('--help')).out).toContain('Usage: cailiang <command>');
    expect((await run('--version')).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
