import { describe, expect, it } from 'vitest';
import { verifyRuleSet } from '../../../src/verify/index.js';
import { at, errors, FOOD, INDEX, loadMini } from './table.js';

// Windows of the law are counted from calendar day to calendar day: a period
// in hours would count as no days at all (every case time-barred, every
// exemption granted), and one of no length is no period (class 2).

/** Where a period can be written, and how to write `v` there. */
const PLACES: [string, (v: string) => { index: string; food: string }][] = [
  ['lookBack.window', (v) => ({ index: INDEX, food: FOOD.replace('window: P2Y', `window: ${v}`) })],
  ['policy.firstOffenceWindow', (v) => ({ index: INDEX.replace('policy:\n', `policy:\n  firstOffenceWindow: ${v}\n`), food: FOOD })],
  ['policy.staleAfter', (v) => ({ index: INDEX.replace('policy:\n', `policy:\n  staleAfter: ${v}\n`), food: FOOD })],
  ['policy.limitation.general', (v) => ({ index: INDEX.replace('policy:\n', `policy:\n  limitation: { general: ${v} }\n`), food: FOOD })],
  ['policy.limitation.extended', (v) => ({ index: INDEX.replace('policy:\n', `policy:\n  limitation: { extended: ${v} }\n`), food: FOOD })],
];

const IN_HOURS = ['PT17520H', 'PT1H', 'PT24H', 'PT90M', 'P1DT1H', 'P2YT1H'];
const EMPTY = ['P0D', 'P0Y', 'P0W', 'P0Y0M0D', 'P00D', 'PT0H'];
const ACCEPTED = ['P2Y', 'P730D', 'P1W', 'P6M'];

const rows: [string, string, string][] = [];
for (const [place] of PLACES) {
  for (const v of IN_HOURS) rows.push([place, v, 'PERIOD_NOT_IN_DAYS']);
  for (const v of EMPTY) rows.push([place, v, 'PERIOD_EMPTY']);
}

describe('a period in hours or of no length is refused where the law counts days', () => {
  it.each(rows)('%s: %s is %s at the value', (place, v, code) => {
    const { index, food } = PLACES.find(([p]) => p === place)![1](v);
    const r = loadMini(index, food);
    expect(r.ruleSet).toBeUndefined();
    const text = food === FOOD ? index : food;
    const file = food === FOOD ? 'mini/index.yaml' : 'mini/food.yaml';
    expect(errors(r.diagnostics)).toEqual([{ code, ...at(text, v) }]);
    expect(r.diagnostics[0]!.file).toBe(file);
  });

  // The mini rule set has a gap on purpose (TIER_GAP): a period adds no error to it.
  const baseline = errors(verifyRuleSet(loadMini(INDEX).ruleSet!, { asOf: '2025-06-30' }));
  // The extended limitation may not be shorter than the general one (P2Y): POLICY_CONTRADICTS, tested in filesystem.test.ts.
  const accepted = (p: string) => (p === 'policy.limitation.extended' ? ['P2Y', 'P5Y', 'P731D', 'P36M'] : ACCEPTED);
  it.each(PLACES.flatMap(([p]) => accepted(p).map((v) => [p, v])))('%s: %s loads and verify adds no error for it', (place, v) => {
    const { index, food } = PLACES.find(([p]) => p === place)![1](v);
    const r = loadMini(index, food);
    expect(errors(r.diagnostics)).toEqual([]);
    expect(errors(verifyRuleSet(r.ruleSet!, { asOf: '2025-06-30' }))).toEqual(baseline);
  });
});
