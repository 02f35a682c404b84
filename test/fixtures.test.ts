import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate/evaluate.js';
import { evaluateWithJsonRulesEngine } from '../src/evaluate/jre.js';
import { runFixture } from '../src/fixture/fixture.js';
import { renderDispositionJson } from '../src/report/disposition-json.js';
import type { RuleSet } from '../src/load/model.js';
import { findRuleSetDirs, loadRuleSetDir } from '../src/node/index.js';
import { filesUnder } from './helpers.js';

// Every bundled fixture is a named test: its case, evaluated under the bundled
// rules, must give what its `expect:` says.
const root = fileURLToPath(new URL('..', import.meta.url));


const ruleSets: RuleSet[] = [];
for (const dir of await findRuleSetDirs(join(root, 'rules'))) {
  const r = await loadRuleSetDir(dir);
  if (r.ruleSet) ruleSets.push(r.ruleSet);
}
const files = filesUnder(join(root, 'fixtures'));

describe('bundled fixtures', () => {
  it('has fixtures and rule sets', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(ruleSets.length).toBeGreaterThan(0);
  });
  for (const path of files) {
    const rel = relative(root, path);
    const result = runFixture({ path: rel, text: readFileSync(path, 'utf8') }, ruleSets);
    it(`${result.name} (${rel})`, () => {
      const problems = [
        ...result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`),
        ...result.failures.map(
          (f) => `${f.place.file}:${f.place.line}:${f.place.column} ${f.key}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`,
        ),
      ];
      expect(problems).toEqual([]);
    });
    if (result.disposition && result.case && result.ruleSet) {
      const { disposition, case: c } = result;
      // Conduct no longer illegal under the version at the decision (Art. 37): that version has
      // no item to evaluate, so both evaluators are compared under the version at the act.
      const gone = disposition.basis === 'no-longer-illegal' && disposition.timeRule;
      const ruleSet = gone
        ? ruleSets.find((r) => r.id === result.ruleSet!.id && r.version === disposition.timeRule!.atAct.version)!
        : result.ruleSet;
      it(`json-rules-engine gives the same disposition: ${result.name}`, async () => {
        // Same version, both evaluators (Art. 37 choice aside).
        expect(ruleSet).toBeDefined();
        const viaEngine = await evaluateWithJsonRulesEngine(ruleSet, c);
        expect(renderDispositionJson(viaEngine)).toBe(renderDispositionJson(evaluate(ruleSet, c)));
        if (!gone) expect(disposition.ruleSet.hash).toBe(ruleSet.hash);
      });
    }
  }
});
