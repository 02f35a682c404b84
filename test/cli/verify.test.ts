import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

const MINI = 'test/data/mini';
const BROKEN = 'test/data/broken';

async function run(...argv: string[]) {
  const io = bufferIO();
  const code = await cli(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('cailiang verify', () => {
  it('exits 0 on a valid rule set and prints a summary', async () => {
    const r = await run('verify', MINI);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ test\/data\/mini {2}test-mini 1 {2}1 items · 3 tiers · 1 list entries {2}sha256:[0-9a-f]{12}/);
    expect(r.out).toContain('1 rule set: 0 errors, 0 warnings');
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
    expect(r.out).toContain('✓ test/data/mini');
    expect(r.out).toContain('✗ test/data/broken');
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
    for (const argv of [['verify'], ['verify', MINI, '--format', 'xml'], ['verify', '--bogus', MINI], ['frobnicate']]) {
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
