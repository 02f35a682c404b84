import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateInCatalog, evaluateRoutedSource, routingOf } from '../../src/evaluate/versions.js';
import type { RuleSet } from '../../src/load/model.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import { LazyCatalog } from '../../src/node/ruleSetCatalog.js';
import { renderDispositionJson } from '../../src/report/disposition-json.js';
import { renderDispositionMarkdown } from '../../src/report/disposition-markdown.js';
import { removeDir, tempDir } from '../hostile/harness.js';
import { ROOT } from '../hostile/harness.js';
import { runCli } from '../helpers.js';

// `cailiang evaluate` loads only the rule sets a case needs (LazyCatalog):
// the answer is the one the whole catalogue gives, byte for byte, and the
// number of rule sets loaded whole is what the case needs.

const RULES = join(ROOT, 'rules');
const FIXTURES = join(ROOT, 'fixtures');
const all: RuleSet[] = [];
for (const d of await findRuleSetDirs(RULES)) all.push((await loadRuleSetDir(d)).ruleSet!);

/** Every output of one evaluation: diagnostics, JSON and Markdown. */
function outputs(r: ReturnType<typeof evaluateInCatalog>): string {
  return JSON.stringify(r.diagnostics) + (r.disposition ? renderDispositionJson(r.disposition) + renderDispositionMarkdown(r.disposition, r.ruleSet!, r.case!) : '');
}

const fixtureFiles = readdirSync(FIXTURES)
  .sort()
  .flatMap((d) => readdirSync(join(FIXTURES, d)).sort().filter((f) => f.endsWith('.yaml')).map((f) => join(FIXTURES, d, f)));

describe('the rule sets a case needs give the answer of all of them', () => {
  it('every bundled fixture, through one catalogue shared by all: same diagnostics, JSON and Markdown', async () => {
    const catalog = (await LazyCatalog.open(RULES))!;
    let routed = 0;
    for (const path of fixtureFiles) {
      const source = { path, text: new Uint8Array(readFileSync(path)) };
      const route = await catalog.route(routingOf(source)!);
      const expected = outputs(evaluateInCatalog(all, source));
      if (!route) continue;
      routed++;
      expect(outputs(evaluateRoutedSource(route.versions, route.benchmarkGap, source, {}, route.passedOver)), path).toBe(expected);
    }
    // Every bundled fixture names a rule set or items that route without the full load.
    expect(routed).toBe(fixtureFiles.length);
  }, 600_000);

  it('the first fixture of each folder, each with a new catalogue: same answer, and at most the versions of two ids loaded whole', async () => {
    for (const d of readdirSync(FIXTURES).sort()) {
      const first = readdirSync(join(FIXTURES, d)).sort().find((f) => f.endsWith('.yaml'));
      if (!first) continue;
      const path = join(FIXTURES, d, first);
      const source = { path, text: new Uint8Array(readFileSync(path)) };
      const catalog = (await LazyCatalog.open(RULES))!;
      const route = (await catalog.route(routingOf(source)!))!;
      expect(outputs(evaluateRoutedSource(route.versions, route.benchmarkGap, source, {}, route.passedOver)), path).toBe(outputs(evaluateInCatalog(all, source)));
      expect(catalog.loaded.whole, path).toBeLessThanOrEqual(2);
    }
  }, 600_000);

  it('a case under a benchmark reads the statutory layer below it by its index only', async () => {
    const catalog = (await LazyCatalog.open(RULES))!;
    const path = join(FIXTURES, 'cn-samr-food/expired-food-value-500-first-offence.yaml');
    const route = (await catalog.route(routingOf({ path, text: readFileSync(path) })!))!;
    expect(route.versions.map((r) => r.id)).toEqual(['cn-samr-food']);
    // cn-samr-food loaded whole; cn-law-spaqf (which holds the same item) by its header.
    expect(catalog.loaded.whole).toBe(1);
    expect(catalog.loaded.headers).toBeGreaterThanOrEqual(1);
    expect(all.length).toBeGreaterThan(40);
  });
});

describe('what the catalogue leaves to the full load', () => {
  const dir = tempDir('cailiang-lazy-');
  afterAll(() => removeDir(dir));
  const MINI = join(ROOT, 'test/data/mini');
  const tree = join(dir, 'tree');
  cpSync(MINI, join(tree, 'a'), { recursive: true });
  cpSync(MINI, join(tree, 'b'), { recursive: true });
  writeFileSync(join(tree, 'b/index.yaml'), readFileSync(join(MINI, 'index.yaml'), 'utf8').replace('id: test-mini', 'id: test-other'));
  const caseText = (extra: string) => `id: c\n${extra}party: { kind: organization }\ndates: { act: 2025-03-01, discovered: 2025-03-10, decision: 2025-04-01 }\nfacts: { goodsValue: 3000 }\n`;

  it.each([
    ['items in two unrelated rule sets (ambiguous)', caseText('item: T-1\n'), { items: ['T-1'], actDate: '2025-03-01' }],
    ['an item no rule set has', caseText('item: NOPE-1\n'), { items: ['NOPE-1'], actDate: '2025-03-01' }],
    ['a rule set not in the tree', caseText('ruleSet: nowhere\nitem: T-1\n'), { ruleSet: 'nowhere', items: ['T-1'], actDate: '2025-03-01' }],
    ['neither rule set nor item', caseText(''), { items: [], actDate: '2025-03-01' }],
  ])('%s: undefined, and the CLI prints what the full load says', async (_, text, routing) => {
    const catalog = (await LazyCatalog.open(tree))!;
    expect(routingOf({ path: 'c.yaml', text })).toEqual(routing);
    expect(await catalog.route(routingOf({ path: 'c.yaml', text })!)).toBeUndefined();
    const file = join(dir, 'c.yaml');
    writeFileSync(file, text);
    const r = await runCli('evaluate', file, '--rules', tree);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/CASE_NO_RULESET/);
  });

  it('a backslash in a rule file (an escape could spell any code) makes the folder a candidate for every case', async () => {
    const t = join(dir, 'escaped');
    cpSync(MINI, join(t, 'a'), { recursive: true });
    const food = readFileSync(join(MINI, 'food.yaml'), 'utf8').replace('code: T-1', 'code: "\\x54-1"');
    writeFileSync(join(t, 'a/food.yaml'), food);
    const catalog = (await LazyCatalog.open(t))!;
    const route = await catalog.route({ items: ['T-1'] });
    expect(route?.versions.map((r) => r.id)).toEqual(['test-mini']);
    expect(route?.versions[0]!.items.map((i) => i.code)).toEqual(['T-1']);
  });

  it('a code is matched as a whole word: T-1 is not found in T-10', async () => {
    const t = join(dir, 'words');
    mkdirSync(t);
    cpSync(MINI, join(t, 'a'), { recursive: true });
    writeFileSync(join(t, 'a/food.yaml'), readFileSync(join(MINI, 'food.yaml'), 'utf8').replaceAll('T-1', 'T-10'));
    const catalog = (await LazyCatalog.open(t))!;
    expect(await catalog.route({ items: ['T-1'] })).toBeUndefined();
    expect(catalog.loaded).toEqual({ whole: 0, headers: 0 });
    expect((await catalog.route({ items: ['T-10'] }))?.versions.map((r) => r.id)).toEqual(['test-mini']);
  });
});
