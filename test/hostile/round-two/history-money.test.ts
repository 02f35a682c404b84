import { describe, expect, it } from 'vitest';
import { evaluateInCatalog } from '../../../src/evaluate/versions.js';
import { loadCase } from '../../../src/load/loadCase.js';
import { at, caseValue, errors, FOOD, INDEX, loadMini, MINI } from './table.js';

// History is validated like the case itself (class 8), and money that would
// pass 2^53 fen once multiplied is refused rather than rounded (class 10).

const caseText = (history: string, act = '2025-03-01') =>
  `id: h\nitem: T-1\nparty: { kind: organization }\ndates: { act: ${act}, discovered: 2025-03-10, decision: 2025-04-01 }\nfacts: { goodsValue: 300 }\ncircumstances: [correctedInTime]\nhistory:\n${history}`;

describe('a history entry that can never count is refused, so 首违 is not granted by a typo', () => {
  it.each(['T-2', 't-1', 'T1', 'T-10', 'SPAQF-124-1-5', 'X'])('an entry for item %s (not in the rule set) is UNKNOWN_ITEM at its item', (code) => {
    const text = caseText(`  - { item: ${code}, date: 2024-05-01 }\n`);
    const r = loadCase({ path: 'c.yaml', text }, MINI);
    expect(errors(r.diagnostics)).toEqual([{ code: 'UNKNOWN_ITEM', ...at(text, `item: ${code}`, 0) }].map((d) => ({ ...d, column: d.column + 6 })));
    expect(evaluateInCatalog([MINI], { path: 'c.yaml', text }).disposition).toBeUndefined();
  });

  it.each(['2025-03-02', '2025-04-02', '2026-03-01', '2099-12-31'])('an entry dated %s, after the act of 2025-03-01, is CASE_HISTORY_DATE at its date', (date) => {
    const text = caseText(`  - { item: T-1, date: ${date} }\n`);
    const r = loadCase({ path: 'c.yaml', text }, MINI);
    expect(errors(r.diagnostics)).toEqual([{ code: 'CASE_HISTORY_DATE', ...at(text, date) }]);
  });

  it('each bad entry of several is named, in order', () => {
    const text = caseText(`  - { item: T-1, date: 2024-01-01 }\n  - { item: T-9, date: 2024-02-01 }\n  - { item: T-1, date: 2030-01-01 }\n`);
    const r = loadCase({ path: 'c.yaml', text }, MINI);
    expect(errors(r.diagnostics).map((d) => [d.code, d.line])).toEqual([
      ['UNKNOWN_ITEM', 9],
      ['CASE_HISTORY_DATE', 10],
    ]);
  });

  it.each([
    ['a prior violation a year before the act: not a first offence, penalised', '2024-03-01', 'penalty'],
    ['one on the act day itself counts as no earlier violation', '2025-03-01', 'none'],
    ['one three years before, outside the two-year window: a first offence', '2022-02-28', 'none'],
  ])('%s', (_, date, outcome) => {
    const r = evaluateInCatalog([MINI], { path: 'c.yaml', text: caseText(`  - { item: T-1, date: ${date} }\n`) });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.disposition?.outcome).toBe(outcome);
  });
});

// The mini item with its tiers on the branch that fines a multiple of the goods value
// (10,000 yuan and more), 10 to 20 times, or 100 to 1,000 times.
const ON_LARGE = FOOD.replaceAll('branch: small', 'branch: large');
const X20 = loadMini(INDEX, ON_LARGE).ruleSet!;
const BIG = loadMini(INDEX, ON_LARGE.replace('fine: { multiple: { of: goodsValue, range: [10, 20] } }', 'fine: { multiple: { of: goodsValue, range: [100, 1000] } }')).ruleSet!;
/** The largest goods value in yuan whose thousandfold is an exact number of fen. */
const LARGEST = Math.floor(Number.MAX_SAFE_INTEGER / 1000 / 100);

describe('a base amount whose multiple passes 2^53 fen is refused, never rounded', () => {
  it.each([LARGEST + 1, LARGEST + 1000, 1e11, 5e11, 1e12])('goodsValue %d yuan × 1,000 is MONEY_PRODUCT_TOO_LARGE at the fact', (v) => {
    const text = `id: m\nitem: T-1\nparty: { kind: organization }\ndates: { act: 2025-03-01 }\nfacts: { goodsValue: ${v} }\n`;
    const r = loadCase({ path: 'c.yaml', text }, BIG);
    expect(errors(r.diagnostics)).toEqual([{ code: 'MONEY_PRODUCT_TOO_LARGE', ...at(text, String(v)) }]);
  });

  it.each([LARGEST, LARGEST - 1, 1e9, 12345.67, 10000])('goodsValue %d yuan × 1,000 is computed exactly: every amount an integer number of fen', (v) => {
    const r = evaluateInCatalog([BIG], { path: 'c', value: caseValue({ facts: { goodsValue: v }, circumstances: [] }) });
    expect(errors(r.diagnostics)).toEqual([]);
    const fine = r.disposition!.penalties.find((p) => p.kind === 'fine')!;
    for (const x of [fine.statutory!.min, fine.statutory!.max, fine.range!.min, fine.range!.max, fine.recommended!]) {
      expect(Number.isSafeInteger(x)).toBe(true);
    }
    expect(fine.statutory!.max).toBe(Math.round(v * 100) * 1000);
  });

  it('an item fining 10 to 20 times takes the largest amount money may be (1e12 yuan): 20 × 1e14 fen is exact', () => {
    const r = evaluateInCatalog([X20], { path: 'c', value: caseValue({ facts: { goodsValue: 1e12 }, circumstances: [] }) });
    expect(r.disposition?.penalties.find((p) => p.kind === 'fine')?.statutory?.max).toBe(2e15);
  });
});
