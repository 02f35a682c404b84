import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCli, corpus, HOSTILE, ROOT, type Problem } from './harness.js';

// No stack trace ever reaches a CLI user: every hostile rule set and case of
// the corpus, through cli() (evaluate, verify, diff) and through the built bin
// (dist/cli.js, when it exists), ends with exit 1 or 2 and diagnostics, never
// "    at …" lines and never exit 3 (internal error).

const MINI = join(ROOT, 'test/data/mini');
const SAMR = join(ROOT, 'rules/cn-samr-food');
const GOOD_CASE = join(HOSTILE, 'good-case.yaml');
const { rules, cases } = corpus(HOSTILE);
const rel = (p: string) => relative(ROOT, p);
const rulesFor = (path: string) => (/[\\/]food-[^\\/]*$/.test(path) ? SAMR : MINI);

describe('cli() on the hostile corpus: exit 1 or 2, no stack trace', () => {
  it.each(rules.map((d) => [rel(d), d]))('%s: verify, evaluate --rules and diff', async (_, dir) => {
    const problems: Problem[] = [];
    await checkCli(['verify', dir], problems, [1, 2]);
    await checkCli(['evaluate', GOOD_CASE, '--rules', dir], problems, [1, 2]);
    await checkCli(['diff', MINI, dir, '--format', 'json'], problems, [1, 2]);
    expect(problems).toEqual([]);
  });

  it.each(cases.map((p) => [rel(p), p]))('%s: evaluate (md and json)', async (_, path) => {
    const problems: Problem[] = [];
    await checkCli(['evaluate', path, '--rules', rulesFor(path)], problems, [1, 2]);
    await checkCli(['evaluate', path, '--rules', rulesFor(path), '--format', 'json'], problems, [1, 2]);
    expect(problems).toEqual([]);
  });

  it('the good case the rule-set checks use is itself fine under the mini rules', async () => {
    const problems: Problem[] = [];
    await checkCli(['evaluate', GOOD_CASE, '--rules', MINI], problems, [0]);
    expect(problems).toEqual([]);
  });
});

const BIN = join(ROOT, 'dist/cli.js');
describe.skipIf(!existsSync(BIN))('the built bin (dist/cli.js) on the hostile corpus', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CAILIANG_DEBUG: '' } });

  it('cailiang evaluate <every hostile case> exits 1 or 2 without a stack trace', () => {
    const mini = cases.filter((p) => rulesFor(p) === MINI);
    const r = run('evaluate', ...mini, '--rules', MINI);
    expect([1, 2]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr.length).toBeGreaterThan(0);
  }, 60_000);

  it('cailiang verify <every hostile rule set> exits 1 or 2 without a stack trace', () => {
    const r = run('verify', ...rules);
    expect([1, 2]).toContain(r.status);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toMatch(/internal error/);
  }, 60_000);

  it('cailiang diff and evaluate --rules with a hostile rule set exit 1 or 2 without a stack trace', () => {
    const dir = join(HOSTILE, 'rules', 'proto-in-condition');
    for (const r of [run('diff', MINI, dir), run('evaluate', GOOD_CASE, '--rules', dir)]) {
      expect([1, 2]).toContain(r.status);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    }
  }, 60_000);
});
