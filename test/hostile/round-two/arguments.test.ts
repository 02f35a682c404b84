import { describe, expect, it } from 'vitest';
import { CailiangArgumentError, evaluate, evaluateInCatalog, loadCase, loadRuleSet, renderDispositionHtml, renderDispositionJson, renderDispositionMarkdown } from '../../../src/index.js';
import { verifyRuleSet } from '../../../src/verify/index.js';
import { loadRuleSetDir } from '../../../src/node/index.js';
import { caseValue, FOOD, INDEX, MINI } from './table.js';

// The library's own arguments (class 12): a call that is not what the
// function takes throws CailiangArgumentError (one documented type, never a
// raw TypeError from deep inside), before any work is done.

const FILES = [
  { path: 'm/index.yaml', text: INDEX },
  { path: 'm/food.yaml', text: FOOD },
];
const CASE = loadCase({ value: caseValue() }, MINI).case!;
const D = evaluate(MINI, CASE);
const anyCall = (f: (...a: never[]) => unknown, ...a: unknown[]) => () => (f as (...a: unknown[]) => unknown)(...a);

const CALLS: [string, () => unknown][] = [
  ['loadRuleSet(null)', anyCall(loadRuleSet, null)],
  ['loadRuleSet(undefined)', anyCall(loadRuleSet, undefined)],
  ['loadRuleSet("index.yaml")', anyCall(loadRuleSet, 'index.yaml')],
  ['loadRuleSet([null])', anyCall(loadRuleSet, [null])],
  ['loadRuleSet([{ path: 1, text }])', anyCall(loadRuleSet, [{ path: 1, text: INDEX }])],
  ['loadRuleSet([{ path, text: 5 }])', anyCall(loadRuleSet, [{ path: 'a.yaml', text: 5 }])],
  ['loadRuleSet([{ path }]) without text', anyCall(loadRuleSet, [{ path: 'a.yaml' }])],
  ['loadRuleSet(files, { maxDepth: 1e9 })', anyCall(loadRuleSet, FILES, { maxDepth: 1e9 })],
  ['loadRuleSet(files, { maxDepth: 0 })', anyCall(loadRuleSet, FILES, { maxDepth: 0 })],
  ['loadRuleSet(files, { maxDepth: -1 })', anyCall(loadRuleSet, FILES, { maxDepth: -1 })],
  ['loadRuleSet(files, { maxDepth: 1.5 })', anyCall(loadRuleSet, FILES, { maxDepth: 1.5 })],
  ['loadRuleSet(files, { maxDepth: "64" })', anyCall(loadRuleSet, FILES, { maxDepth: '64' })],
  ['loadRuleSet(files, { maxFileBytes: NaN })', anyCall(loadRuleSet, FILES, { maxFileBytes: NaN })],
  ['loadRuleSet(files, { maxFileBytes: Infinity })', anyCall(loadRuleSet, FILES, { maxFileBytes: Infinity })],
  ['loadRuleSet(files, { maxAliasNodes: -5 })', anyCall(loadRuleSet, FILES, { maxAliasNodes: -5 })],
  ['loadRuleSet(files, null)', anyCall(loadRuleSet, FILES, null)],
  ['loadCase(null, ruleSet)', anyCall(loadCase, null, MINI)],
  ['loadCase({ path, text: 1 }, ruleSet)', anyCall(loadCase, { path: 'c.yaml', text: 1 }, MINI)],
  ['loadCase({ path: 7, value }, ruleSet)', anyCall(loadCase, { path: 7, value: {} }, MINI)],
  ['loadCase({}, ruleSet)', anyCall(loadCase, {}, MINI)],
  ['loadCase({ value }, null)', anyCall(loadCase, { value: caseValue() }, null)],
  ['loadCase({ value }, {})', anyCall(loadCase, { value: caseValue() }, {})],
  ['loadCase({ value }, ruleSet, { maxDepth: 1e9 })', anyCall(loadCase, { value: caseValue() }, MINI, { maxDepth: 1e9 })],
  ['evaluate(null, case)', anyCall(evaluate, null, CASE)],
  ['evaluate(ruleSet, null)', anyCall(evaluate, MINI, null)],
  ['evaluate(ruleSet, the raw case value)', anyCall(evaluate, MINI, caseValue())],
  ['evaluate(ruleSet, case, 5)', anyCall(evaluate, MINI, CASE, 5)],
  ['evaluateInCatalog(null, input)', anyCall(evaluateInCatalog, null, { value: caseValue() })],
  ['evaluateInCatalog(ruleSet, input) (not a list)', anyCall(evaluateInCatalog, MINI, { value: caseValue() })],
  ['evaluateInCatalog([null], input)', anyCall(evaluateInCatalog, [null], { value: caseValue() })],
  ['evaluateInCatalog([ruleSet], null)', anyCall(evaluateInCatalog, [MINI], null)],
  ['evaluateInCatalog([ruleSet], "case.yaml")', anyCall(evaluateInCatalog, [MINI], 'case.yaml')],
  ['verifyRuleSet(null)', anyCall(verifyRuleSet, null)],
  ['verifyRuleSet(ruleSet, "2025-01-01")', anyCall(verifyRuleSet, MINI, '2025-01-01')],
  ['renderDispositionMarkdown(null, ruleSet, case)', anyCall(renderDispositionMarkdown, null, MINI, CASE)],
  ['renderDispositionMarkdown(d, null, case)', anyCall(renderDispositionMarkdown, D, null, CASE)],
  ['renderDispositionMarkdown(d, ruleSet, null)', anyCall(renderDispositionMarkdown, D, MINI, null)],
  ['renderDispositionHtml(d, ruleSet, {})', anyCall(renderDispositionHtml, D, MINI, {})],
  ['renderDispositionJson(undefined)', anyCall(renderDispositionJson, undefined)],
];

describe('a call that is not what the function takes throws CailiangArgumentError', () => {
  it.each(CALLS)('%s', (_, call) => {
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CailiangArgumentError);
    expect((thrown as CailiangArgumentError).code).toBe('INVALID_ARGUMENT');
    expect((thrown as Error).name).toBe('CailiangArgumentError');
  });

  it.each([
    ['loadRuleSetDir(42)', () => loadRuleSetDir(42 as unknown as string)],
    ['loadRuleSetDir("")', () => loadRuleSetDir('')],
    ['loadRuleSetDir(dir, { cache: 5 })', () => loadRuleSetDir('rules/cn-samr-food', { cache: 5 as unknown as string })],
    ['loadRuleSetDir(dir, { maxDepth: 1e9 })', () => loadRuleSetDir('rules/cn-samr-food', { maxDepth: 1e9 })],
  ] as [string, () => Promise<unknown>][])('%s rejects with CailiangArgumentError', async (_, call) => {
    await expect(call()).rejects.toBeInstanceOf(CailiangArgumentError);
  });

  it('limits inside their ranges are taken: maxDepth 500 and 1, maxFileBytes 1', () => {
    expect(loadRuleSet(FILES, { maxDepth: 500 }).ruleSet).toBeDefined();
    expect(loadRuleSet(FILES, { maxDepth: 1 }).diagnostics.map((d) => d.code)).toContain('YAML_TOO_DEEP');
    expect(loadRuleSet(FILES, { maxFileBytes: 1 }).diagnostics.map((d) => d.code)).toContain('FILE_TOO_LARGE');
  });
});

describe('dispositions are read-only', () => {
  it('an edit of a disposition or of a part it shares with others throws', () => {
    const d = evaluate(MINI, CASE);
    expect(() => {
      (d as { outcome: string }).outcome = 'none';
    }).toThrow(TypeError);
    expect(() => {
      (d.citations[0] as { text: string }).text = '《假》';
    }).toThrow(TypeError);
    expect(() => {
      (d.penalties as unknown[]).length = 0;
    }).toThrow(TypeError);
    const r = evaluateInCatalog([MINI], { value: caseValue() });
    expect(Object.isFrozen(r.disposition)).toBe(true);
  });
});
