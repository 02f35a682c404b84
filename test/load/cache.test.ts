import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { loadRuleSetDir } from '../../src/node/loadRuleSetDir.js';
import { bufferIO } from '../helpers.js';

describe('rule-set cache (content hash)', () => {
  let dir: string;
  let rules: string;
  let parent: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cailiang-cache-'));
    rules = join(dir, 'cn-samr-food');
    cache = join(dir, 'cache');
    cpSync('rules/cn-samr-food', rules, { recursive: true });
    // The statutory layer cn-samr-food extends, verified with it.
    parent = join(dir, 'cn-law-spaqf');
    cpSync('rules/cn-law-spaqf', parent, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const entry = () => join(cache, readdirSync(cache).find((n) => n.endsWith('.ruleset.json'))!);

  it('gives back exactly the rule set and diagnostics a load from the files gives', async () => {
    const cold = await loadRuleSetDir(rules);
    const filling = await loadRuleSetDir(rules, { cache });
    const hit = await loadRuleSetDir(rules, { cache });
    expect(filling).toEqual(cold);
    expect(hit).toEqual(cold);
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('is used while the files are unchanged, and passed over once a byte changes', async () => {
    await loadRuleSetDir(rules, { cache });
    // Mark the cached copy where the content hash does not reach (a position): a hit returns the mark.
    const path = entry();
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(/("index":\{"file":"[^"]*","line":)1,/, '$14242,'));
    expect((await loadRuleSetDir(rules, { cache })).ruleSet!.at.index.line).toBe(4242);
    // An edit of the content that keeps the key no longer matches the hash it carries: a miss, the files win.
    writeFileSync(path, original.replace(/"title":"([^"]*)"/, '"title":"FROM CACHE"'));
    expect((await loadRuleSetDir(rules, { cache })).ruleSet!.title).not.toBe('FROM CACHE');
    writeFileSync(path, original.replace(/"title":"([^"]*)"/, '"title":"FROM CACHE"'));

    const food = join(rules, 'food.yaml');
    writeFileSync(food, readFileSync(food, 'utf8') + '\n# an edit\n');
    const after = await loadRuleSetDir(rules, { cache });
    expect(after.ruleSet!.title).not.toBe('FROM CACHE');
    // The entry was replaced, not added to.
    expect(readdirSync(cache).filter((n) => n.endsWith('.ruleset.json'))).toHaveLength(1);
    expect(readFileSync(entry(), 'utf8')).not.toContain('FROM CACHE');
  });

  it('passes over a damaged entry and does not cache a rule set with errors', async () => {
    await loadRuleSetDir(rules, { cache });
    writeFileSync(entry(), '{"format":1,"key":"garbage');
    const again = await loadRuleSetDir(rules, { cache });
    expect(again.ruleSet).toBeDefined();

    rmSync(cache, { recursive: true });
    writeFileSync(join(rules, 'index.yaml'), readFileSync(join(rules, 'index.yaml'), 'utf8').replace(/^id: .*$/m, 'id: 1'));
    const bad = await loadRuleSetDir(rules, { cache });
    expect(bad.ruleSet).toBeUndefined();
    expect(() => readdirSync(cache)).toThrow();
  });

  it('cailiang verify --cache-location keeps results between runs and refuses a file as the location', async () => {
    const first = bufferIO();
    expect(await cli(['verify', parent, rules, '--cache-location', cache, '--as-of', '2026-11-22'], first)).toBe(0);
    const second = bufferIO();
    expect(await cli(['verify', parent, rules, '--cache-location', cache, '--as-of', '2026-11-22'], second)).toBe(0);
    expect(second.out).toBe(first.out);
    // One entry per rule-set folder: the benchmark and the statutory layer it extends.
    expect(readdirSync(cache)).toHaveLength(2);

    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    const io = bufferIO();
    expect(await cli(['verify', parent, rules, '--cache-location', file], io)).toBe(2);
    expect(io.err).toMatch(/not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});
