import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { CaseFacts, caseFacts } from '../../src/evaluate/facts.js';
import type { Case } from '../../src/evaluate/types.js';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import type { RuleSet } from '../../src/load/model.js';
import { parseSource } from '../../src/load/source.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import { filesUnder } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// evaluate reads the case's facts in place (CaseFacts) instead of copying them
// into one record (caseFacts) for every case: every name must read the same.
describe('CaseFacts', () => {
  const circumstances = ['harmMinor', 'correctedInTime', 'constructor', 'goodsValue', 'partyAge'];
  const names = [...circumstances, 'days', 'stage', 'partyKind', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'absent', ''];
  const rs = { circumstances: Object.fromEntries(circumstances.map((n) => [n, { name: n }])) } as unknown as RuleSet;
  const value = fc.oneof(fc.integer(), fc.boolean(), fc.constantFrom('sale', ''), fc.constant(undefined));
  const aCase = fc.record({
    // Hand-made cases may hold anything; loadCase's never hold built-in or circumstance names.
    facts: fc.dictionary(fc.constantFrom(...names.filter((n) => n !== '__proto__')), value, { maxKeys: 6 }),
    circumstances: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 4 }),
    party: fc.record({ kind: fc.constantFrom('person', 'organization'), age: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }) }),
  });

  it('reads every name as the caseFacts record does (fixed seed)', () => {
    fc.assert(
      fc.property(aCase, (c) => {
        const cs = c as unknown as Case;
        const record = caseFacts(rs, cs);
        const inPlace = new CaseFacts(cs, circumstances, new Set(circumstances));
        // Twice: the second read comes from the last-read memo.
        for (const n of [...names, ...names.slice().reverse()]) expect(inPlace.get(n)).toBe(record[n]);
      }),
      { seed: 20261124, numRuns: 1000 },
    );
  });
});


const ruleSets: RuleSet[] = [];
for (const dir of await findRuleSetDirs(join(ROOT, 'rules'))) {
  const r = await loadRuleSetDir(dir);
  if (r.ruleSet) ruleSets.push(r.ruleSet);
}

// With the trace off, evaluate builds no messages, and must decide the same.
describe('trace off', () => {
  it('gives every bundled fixture the disposition of trace on, without the trace; again the same on a second run', () => {
    let n = 0;
    for (const path of filesUnder(join(ROOT, 'fixtures'))) {
      const p = parseSource({ path, text: readFileSync(path, 'utf8') });
      const value = (p.file?.value as { case?: unknown } | undefined)?.case;
      if (!value) continue;
      // The rule set applied by its id: the whole of it is not the point here.
      const run = (trace: boolean) => {
        const r = evaluateInCatalog(ruleSets, { path, value }, { trace });
        return { ...r, ruleSet: r.ruleSet && `${r.ruleSet.id} ${r.ruleSet.version}` };
      };
      const on = run(true);
      const off = run(false);
      expect(JSON.stringify(off)).toBe(JSON.stringify({ ...on, ...(on.disposition ? { disposition: { ...on.disposition, trace: [] } } : {}) }));
      expect(JSON.stringify(run(true))).toBe(JSON.stringify(on));
      const applied = evaluateInCatalog(ruleSets, { path, value });
      // The case comes with the version it was loaded under, also when it is no longer illegal (Art. 37).
      if (applied.case && applied.ruleSet) {
        const once = JSON.stringify(evaluate(applied.ruleSet, applied.case, { trace: false }));
        expect(JSON.stringify(evaluate(applied.ruleSet, applied.case, { trace: false }))).toBe(once);
        n++;
      }
    }
    expect(n).toBeGreaterThan(300);
  });
});
