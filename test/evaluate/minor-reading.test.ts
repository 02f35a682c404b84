import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { runFixture } from '../../src/fixture/fixture.js';
import type { RuleSet } from '../../src/load/model.js';
import type { Case, Disposition, Reading } from '../../src/evaluate/types.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import { filesUnder } from '../helpers.js';

// A person of unknown age: the reading 已满十四周岁不满十八周岁 is computed by an evaluation at 16
// that stops once the penalty is known. It must say what a whole evaluation at 16 says.
const root = fileURLToPath(new URL('../..', import.meta.url));
const ruleSets: RuleSet[] = [];
for (const dir of await findRuleSetDirs(join(root, 'rules'))) {
  const r = await loadRuleSetDir(dir);
  if (r.ruleSet) ruleSets.push(r.ruleSet);
}

function readingOf(d: Disposition, when: string): Reading {
  const r: { -readonly [K in keyof Reading]: Reading[K] } = { if: when, outcome: d.outcome, mandatory: d.mandatory, penalties: d.penalties };
  if (d.basis !== undefined) r.basis = d.basis;
  if (d.grade !== undefined) r.grade = d.grade;
  if (d.tier !== undefined) r.tier = d.tier;
  return r;
}

describe('the reading at 16 of a person of unknown age', () => {
  const found: { rel: string; ruleSet: RuleSet; c: Case }[] = [];
  for (const path of filesUnder(join(root, 'fixtures'))) {
    const rel = relative(root, path);
    const r = runFixture({ path: rel, text: readFileSync(path, 'utf8') }, ruleSets);
    if (!r.case || !r.ruleSet || r.case.party.kind !== 'person') continue;
    // A person of known age too, with the age left out: many more cases reach the reading.
    const { age: _age, birthDate: _birth, ...party } = r.case.party;
    found.push({ rel, ruleSet: r.ruleSet, c: { ...r.case, party } });
  }

  it('is the reading of a whole evaluation at 16, on every bundled fixture of such a person', () => {
    let compared = 0;
    for (const { rel, ruleSet, c } of found) {
      for (const trace of [true, false]) {
        const d = evaluate(ruleSet, c, { trace });
        const minor = d.readings?.find((x) => x.if === '已满十四周岁不满十八周岁');
        if (!minor) continue;
        const whole = evaluate(ruleSet, { ...c, party: { ...c.party, age: 16 } }, { trace: false });
        expect(JSON.stringify(minor), rel).toBe(JSON.stringify(readingOf(whole, '已满十四周岁不满十八周岁')));
        compared++;
      }
    }
    // The bundled fixtures have such cases; none found would make this test pass vacuously.
    expect(compared).toBeGreaterThan(100);
  });
});
