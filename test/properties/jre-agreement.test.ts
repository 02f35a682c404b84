import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { evaluateWithJsonRulesEngine } from '../../src/evaluate/jre.js';
import { renderDispositionJson } from '../../src/report/disposition-json.js';
import { caseSpec, ruleSetSpec } from './arbitraries.js';
import { loadGenerated, loadGeneratedCase } from './generated.js';
import { runs } from './settings.js';

// The compiled condition evaluator agrees with json-rules-engine (the leaf
// level is test/evaluate/conditions.test.ts). Here the whole pipeline: random
// rule sets (branch, tier and list conditions with every operator, money,
// count, ratio, number, enum, duration and boolean facts) and random cases
// give byte-identical dispositions whichever engine decides the conditions.

describe('invariant: compiled conditions and json-rules-engine give the same dispositions', () => {
  it('random rule sets and cases: evaluate and evaluateWithJsonRulesEngine give byte-identical JSON reports', async () => {
    await fc.assert(
      fc.asyncProperty(ruleSetSpec, caseSpec, async (spec, cs) => {
        const rs = loadGenerated(spec);
        const c = loadGeneratedCase(cs, spec, rs);
        const viaEngine = await evaluateWithJsonRulesEngine(rs, c);
        expect(renderDispositionJson(viaEngine)).toBe(renderDispositionJson(evaluate(rs, c)));
      }),
      runs(20261131, 200),
    );
  }, 600_000);
});
