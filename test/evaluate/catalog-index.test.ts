import { describe, expect, it } from 'vitest';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { loadRuleSetDir } from '../../src/node/loadRuleSetDir.js';

// evaluateInCatalog indexes a catalogue (versions by id, rule sets by item) once and finds the
// index again for a new array with the same rule sets; a list with other rule sets, even one
// that starts with the same rule set, must get an index of its own.

const CASE = {
  id: 'ix-1',
  item: 'SPAQF-124-1-5',
  party: { kind: 'organization' },
  dates: { act: '2025-06-03', discovered: '2025-06-10', decision: '2025-07-08' },
  facts: { goodsValue: 500, businessStage: 'sale', sourceExplained: true, foodborneIllness: false },
  circumstances: ['correctedInTime', 'harmMinor'],
};

describe('the catalogue index', () => {
  it('follows the rule sets of each list, not the array or its first element', async () => {
    const food = (await loadRuleSetDir('rules/cn-samr-food')).ruleSet!;
    const urban = (await loadRuleSetDir('rules/cn-sh-urban')).ruleSet!;
    const run = (list: typeof food[]) => evaluateInCatalog(list, { value: structuredClone(CASE) }, { trace: false });
    // Without the food rule set the item is in none of them.
    expect(run([urban]).diagnostics.map((d) => d.code)).toEqual(['CASE_NO_RULESET']);
    // Same head, another member: found now.
    expect(run([urban, food]).disposition?.ruleSet.id).toBe('cn-samr-food');
    // A new array with the same members, then the head alone again.
    expect(run([urban, food]).disposition?.ruleSet.id).toBe('cn-samr-food');
    expect(run([urban]).diagnostics.map((d) => d.code)).toEqual(['CASE_NO_RULESET']);
    // One array changed in place between two calls.
    const list = [urban];
    expect(run(list).disposition).toBeUndefined();
    list.push(food);
    expect(run(list).disposition?.outcome).toBe('none');
  });
});
