import { BRANCHES, index, leaf, rules, runCases, T, when, type VerifyCase } from './build.js';

/**
 * Overlaps, gaps, masking, unreachable tiers and grade coverage: rule files
 * that must pass, and rule files that must fail with the code, position and
 * counterexample. Tier k of the test item is on line 7 + k, column 9.
 */

const gv = (op: string, v: number) => leaf('goodsValue', op, v);
const prio = '    hitPolicy: priority\n';
const CIRCS = ['minorViolation', 'correctedInTime', 'harmNone', 'harmMinor', 'harmSerious', 'noFaultProven', 'eliminatedHarm', 'coerced', 'confessedUnknown', 'meritorious', 'otherMandatoryMitigation', 'lifeHealthOrFinancial', 'refusedToCorrect', 'intentional', 'incident', 'obstructed'];

const CASES: VerifyCase[] = [
  // ── overlaps (hitPolicy unique) ─────────────────────────────────────────
  {
    name: 'passes: 1万元以下 exclusive, 1万元以上 inclusive',
    rules: rules([T('light', `${when(gv('lessThan', 10000))}, amount: [5000, 20000]`), T('general', `${when(gv('greaterThanInclusive', 10000))}, amount: [20000, 50000]`)]),
    expect: [],
  },
  {
    name: 'fails: "1万元以下" and "1万元以上" both inclusive overlap at 10000',
    rules: rules([T('light', `${when(gv('lessThanInclusive', 10000))}, amount: [5000, 20000]`), T('general', `${when(gv('greaterThanInclusive', 10000))}, amount: [20000, 50000]`)]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'goodsValue = 10000 yuan matches "light" and "general" of item A-1' }],
  },
  {
    name: 'fails: overlapping bands name the overlap and its lowest case',
    rules: rules([T('light', `${when(gv('lessThan', 20000))}, amount: [5000, 20000]`), T('general', `${when(gv('greaterThanInclusive', 10000))}, amount: [20000, 50000]`)]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'goodsValue = 10000 yuan matches "light" and "general" of item A-1 (they overlap where goodsValue in [10000, 20000) yuan)' }],
  },
  {
    name: 'fails: 0.01 yuan matters — lessThanInclusive 9999.99 and greaterThan 9999.98',
    rules: rules([T('light', `${when(gv('lessThanInclusive', 9999.99))}, amount: [5000, 20000]`), T('general', `${when(gv('greaterThan', 9999.98))}, amount: [20000, 50000]`)]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'goodsValue = 9999.99 yuan matches' }],
  },
  {
    name: 'fails: not is the complement — not(≥ 10000) overlaps ≥ 9999',
    rules: rules([
      T('light', 'when: { not: { all: [' + gv('greaterThanInclusive', 10000) + '] } }, amount: [5000, 20000]'),
      T('general', `${when(gv('greaterThanInclusive', 9999))}, amount: [20000, 50000]`),
    ]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'goodsValue = 9999 yuan matches "light" and "general"' }],
  },
  {
    name: 'passes: ratio boundary exclusive on one side (staffShare < 0.3 / ≥ 0.3)',
    rules: rules([T('few', `${when(leaf('staffShare', 'lessThan', 0.3))}, share: [0, 0.5]`), T('many', `${when(leaf('staffShare', 'greaterThanInclusive', 0.3))}, share: [0.5, 1]`)]),
    expect: [],
  },
  {
    name: 'fails: ratio boundary inclusive on both sides',
    rules: rules([T('few', `${when(leaf('staffShare', 'lessThanInclusive', 0.3))}, share: [0, 0.5]`), T('many', `${when(leaf('staffShare', 'greaterThanInclusive', 0.3))}, share: [0.5, 1]`)]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'staffShare = 0.3 matches "few" and "many"' }],
  },
  {
    name: 'passes: enum values split between tiers',
    rules: rules([T('made', `${when(leaf('stage', 'in', '[production]'))}, share: [0.5, 1]`), T('sold', `${when(leaf('stage', 'in', '[sale, catering]'))}, share: [0, 0.5]`)]),
    expect: [],
  },
  {
    name: 'fails: enum in / notEqual overlap on one value',
    rules: rules([
      T('made', `${when(leaf('stage', 'in', '[production, sale]'))}, share: [0.5, 1]`),
      T('sold', `${when(leaf('stage', 'notEqual', 'production'))}, share: [0, 0.5]`),
    ]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'stage = sale matches "made" and "sold"' }],
  },
  {
    name: 'fails: two facts — a case with both a serious harm and a large value matches both tiers',
    rules: rules([
      T('serious', `${when(leaf('harmSerious', 'equal', true))}, share: [0.7, 1]`),
      T('large', `${when(gv('greaterThanInclusive', 5000))}, share: [0.3, 0.7]`),
      T('rest', `${when(leaf('harmSerious', 'equal', false), gv('lessThan', 5000))}, share: [0, 0.3]`),
    ]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'goodsValue = 5000 yuan, harmSerious = true matches "serious" and "large"' }],
  },
  {
    name: 'fails: dates — lessThan 2024-01-01 and greaterThanInclusive 2023-12-31',
    rules: rules([
      T('old', `${when(leaf('actDate', 'lessThan', '2024-01-01'))}, share: [0, 0.5]`),
      T('new', `${when(leaf('actDate', 'greaterThanInclusive', '2023-12-31'))}, share: [0.5, 1]`),
    ]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'actDate = 2023-12-31 matches "old" and "new"' }],
  },
  {
    name: 'fails: durations — up to 4 hours and 4 hours or more',
    rules: rules([
      T('short', `${when(leaf('exceedance', 'lessThanInclusive', 'PT4H'))}, share: [0, 0.5]`),
      T('long', `${when(leaf('exceedance', 'greaterThanInclusive', 'PT4H'))}, share: [0.5, 1]`),
    ]),
    expect: [{ code: 'TIER_OVERLAP', at: 'rules.yaml:9:9', message: 'exceedance = PT4H matches "short" and "long"' }],
  },
  {
    name: 'passes: tiers of different statutory branches never compete',
    rules: rules(
      [
        T('small-a', `branch: small, ${when(gv('lessThan', 5000))}, share: [0, 0.5]`),
        T('small-b', `branch: small, ${when(gv('greaterThanInclusive', 5000))}, share: [0.5, 1]`),
        T('large-a', `branch: large, ${when(gv('lessThan', 50000))}, share: [0, 0.5]`),
        T('large-b', `branch: large, ${when(gv('greaterThanInclusive', 50000))}, share: [0.5, 1]`),
      ],
      { statutory: BRANCHES },
    ),
    expect: [],
  },
  {
    name: 'fails: a tier without branch competes with the tiers of each branch',
    rules: rules(
      [
        T('small-a', `branch: small, ${when(gv('lessThan', 5000))}, share: [0, 0.5]`),
        T('small-b', `branch: small, ${when(gv('greaterThanInclusive', 5000))}, share: [0.5, 1]`),
        T('any', `${when(leaf('harmSerious', 'equal', true))}, share: [0.9, 1]`),
      ],
      { statutory: BRANCHES, itemExtra: '    fallback: any\n' },
    ),
    expect: [
      { code: 'TIER_OVERLAP', at: 'rules.yaml:10:9', message: 'goodsValue = 0 yuan, harmSerious = true matches "small-a" and "any" of item A-1 under branch "small"' },
      { code: 'TIER_OVERLAP', at: 'rules.yaml:10:9', message: 'goodsValue = 5000 yuan, harmSerious = true matches "small-b" and "any" of item A-1 under branch "small"' },
    ],
  },
  {
    name: 'passes: under hitPolicy priority overlapping tiers are allowed (first listed wins)',
    rules: rules([T('light', `${when(gv('lessThanInclusive', 10000))}, amount: [5000, 20000]`), T('general', `${when(gv('greaterThanInclusive', 10000))}, amount: [20000, 50000]`)], { itemExtra: prio }),
    expect: [],
  },

  // ── gaps ────────────────────────────────────────────────────────────────
  {
    name: 'fails: goodsValue in [5000, 8000) has no tier',
    rules: rules([T('low', `${when(gv('lessThan', 5000))}, amount: [5000, 20000]`), T('high', `${when(gv('greaterThanInclusive', 8000))}, amount: [20000, 50000]`)]),
    expect: [{ code: 'TIER_GAP', at: 'rules.yaml:2:5', message: 'no tier of item A-1 applies when goodsValue in [5000, 8000) yuan (e.g. goodsValue = 5000 yuan)' }],
  },
  {
    name: 'passes: the same gap with a declared fallback',
    rules: rules([T('low', `${when(gv('lessThan', 5000))}, amount: [5000, 20000]`), T('high', `${when(gv('greaterThanInclusive', 8000))}, amount: [20000, 50000]`)], { itemExtra: '    fallback: low\n' }),
    expect: [],
  },
  {
    name: 'fails: both bounds exclusive leave the boundary itself',
    rules: rules([T('low', `${when(gv('lessThan', 5000))}, amount: [5000, 20000]`), T('high', `${when(gv('greaterThan', 5000))}, amount: [20000, 50000]`)]),
    expect: [{ code: 'TIER_GAP', at: 'rules.yaml:2:5', message: 'no tier of item A-1 applies when goodsValue = 5000 yuan' }],
  },
  {
    name: 'fails: whole numbers — days ≤ 3 and days ≥ 5 leave 4',
    rules: rules([T('short', `${when(leaf('days', 'lessThanInclusive', 3))}, share: [0, 0.5]`), T('long', `${when(leaf('days', 'greaterThanInclusive', 5))}, share: [0.5, 1]`)]),
    expect: [{ code: 'TIER_GAP', at: 'rules.yaml:2:5', message: 'applies when days = 4' }],
  },
  {
    name: 'passes: whole numbers — days ≤ 3 and days > 3 meet',
    rules: rules([T('short', `${when(leaf('days', 'lessThanInclusive', 3))}, share: [0, 0.5]`), T('long', `${when(leaf('days', 'greaterThan', 3))}, share: [0.5, 1]`)]),
    expect: [],
  },
  {
    name: 'fails: enum value no tier names',
    rules: rules([T('made', `${when(leaf('stage', 'equal', 'production'))}, share: [0.5, 1]`), T('sold', `${when(leaf('stage', 'equal', 'sale'))}, share: [0, 0.5]`)]),
    expect: [{ code: 'TIER_GAP', at: 'rules.yaml:2:5', message: 'applies when stage = catering' }],
  },
  {
    name: 'fails: a statutory branch without any tier (grade tiers only for the small branch)',
    rules: rules(
      [T('light', 'grade: lighter, branch: small, share: [0, 0.3]'), T('mid', 'grade: general, branch: small, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, branch: small, share: [0.7, 1]')],
      { statutory: BRANCHES },
    ),
    expect: [{ code: 'TIER_GAP', at: 'rules.yaml:6:167', message: 'no tier of item A-1 under branch "large" applies when goodsValue ≥ 10000 yuan (e.g. goodsValue = 10000 yuan)' }],
  },
  {
    name: 'passes: tiers of a branch only need to cover the branch (货值 < 1万)',
    rules: rules(
      [
        T('small-a', `branch: small, ${when(gv('lessThan', 5000))}, share: [0, 0.5]`),
        T('small-b', `branch: small, ${when(gv('greaterThanInclusive', 5000))}, share: [0.5, 1]`),
        T('large', 'branch: large, grade: general, share: [0, 1]'),
      ],
      { statutory: BRANCHES },
    ),
    expect: [],
  },

  // ── masking (hitPolicy priority) ────────────────────────────────────────
  {
    name: 'fails: a later tier wholly inside an earlier one never wins',
    rules: rules(
      [T('under-20k', `${when(gv('lessThan', 20000))}, amount: [5000, 20000]`), T('under-10k', `${when(gv('lessThan', 10000))}, amount: [5000, 10000]`), T('rest', `${when(gv('greaterThanInclusive', 20000))}, amount: [20000, 50000]`)],
      { itemExtra: prio },
    ),
    expect: [{ code: 'TIER_MASKED', at: 'rules.yaml:9:9', message: 'tier "under-10k" of item A-1 can never win: every case it matches is taken first by tier "under-20k"' }],
  },
  {
    name: 'fails: masked by two earlier tiers together',
    rules: rules(
      [T('low', `${when(gv('lessThan', 5000))}, amount: [5000, 20000]`), T('high', `${when(gv('greaterThanInclusive', 5000))}, amount: [20000, 50000]`), T('mid', `${when(gv('greaterThanInclusive', 3000), gv('lessThan', 8000))}, amount: [10000, 30000]`)],
      { itemExtra: prio },
    ),
    expect: [{ code: 'TIER_MASKED', at: 'rules.yaml:10:9', message: 'taken first by tiers "low", "high"' }],
  },
  {
    name: 'passes: a covered tier of another grade still wins for its grade',
    rules: rules(
      [T('any-light', `grade: lighter, ${when(gv('lessThan', 20000))}, amount: [5000, 20000]`), T('small-heavy', `grade: heavier, ${when(gv('lessThan', 10000))}, amount: [20000, 40000]`), T('rest', `${when(gv('greaterThanInclusive', 20000))}, amount: [20000, 50000]`)],
      { itemExtra: prio },
    ),
    expect: [],
  },
  {
    name: 'passes: the fallback tier is not reported as masked',
    rules: rules([T('all', `${when(gv('greaterThanInclusive', 0))}, amount: [5000, 20000]`), T('fb', `${when(gv('lessThan', 10000))}, amount: [5000, 10000]`)], { itemExtra: `${prio}    fallback: fb\n` }),
    expect: [],
  },

  // ── unreachable tiers ───────────────────────────────────────────────────
  {
    name: 'fails: contradictory bounds',
    rules: rules([T('never', `${when(gv('lessThan', 5000), gv('greaterThan', 8000))}, amount: [5000, 20000]`), T('all', `${when(gv('greaterThanInclusive', 0))}, amount: [5000, 20000]`)]),
    expect: [{ code: 'TIER_UNREACHABLE', at: 'rules.yaml:8:9', message: 'tier "never" of item A-1 can never apply: its condition can never hold' }],
  },
  {
    name: 'fails: a 1万元以上 tier filed under the 不足1万元 branch',
    rules: rules(
      [T('small', `branch: small, ${when(gv('lessThan', 10000))}, share: [0, 1]`), T('misfiled', `branch: small, ${when(gv('greaterThanInclusive', 20000))}, share: [0.5, 1]`), T('large', 'branch: large, grade: general, share: [0, 1]')],
      { statutory: BRANCHES },
    ),
    expect: [{ code: 'TIER_UNREACHABLE', at: 'rules.yaml:9:9', message: 'its condition never holds under branch "small" (which applies when goodsValue < 10000 yuan)' }],
  },
  {
    name: 'fails: a grade tier beside tiers chosen by facts, not the fallback',
    rules: rules([T('low', `${when(gv('lessThan', 5000))}, amount: [5000, 20000]`), T('high', `${when(gv('greaterThanInclusive', 5000))}, amount: [20000, 50000]`), T('orphan', 'grade: heavier, amount: [40000, 50000]')]),
    expect: [{ code: 'TIER_UNREACHABLE', at: 'rules.yaml:10:9', message: "it has no when:, the other tiers are chosen by facts, and it is not the item's fallback" }],
  },

  // ── tiers chosen by grade ───────────────────────────────────────────────
  {
    name: 'passes: one tier per grade (SAMR 30/40/30)',
    rules: rules([T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.7, 1]')]),
    expect: [],
  },
  {
    name: 'fails: no 从重 tier',
    rules: rules([T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 1]')]),
    expect: [{ code: 'TIER_GRADE_MISSING', at: 'rules.yaml:2:5', message: 'item A-1 has no heavier tier (从重)' }],
  },
  {
    name: 'fails: two 从轻 tiers in one branch',
    rules: rules([T('light', 'grade: lighter, share: [0, 0.3]'), T('light-2', 'grade: lighter, share: [0, 0.2]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.7, 1]')]),
    expect: [{ code: 'TIER_GRADE_DUPLICATE', at: 'rules.yaml:9:9', message: 'tier "light-2" has grade lighter, like tier "light"' }],
  },
  {
    name: 'passes: a single tier needs no grades',
    rules: rules([T('only', 'grade: general, share: [0, 1]')]),
    expect: [],
  },

  // ── analysis limits ─────────────────────────────────────────────────────
  {
    name: 'warns: a condition whose normal form passes the cap is reported, not guessed',
    rules: rules([
      T(
        'huge',
        'when: { all: [' +
          Array.from({ length: 8 }, (_, i) => `{ any: [${[CIRCS[2 * i]!, CIRCS[2 * i + 1]!].map((c) => leaf(c, 'equal', true)).join(', ')}, ${leaf('days', 'equal', i)}, ${gv('equal', i)}] }`).join(', ') +
          '] }, share: [0, 1]',
      ),
    ], { itemExtra: '    fallback: huge\n' }),
    expect: [{ code: 'CONDITION_TOO_COMPLEX', at: 'rules.yaml:8:9', message: 'the condition of tier "huge" is too complex to analyse (more than 2000 boxes' }],
  },
];

runCases('verify: tiers (overlaps, gaps, masking, grades)', CASES.map((c) => ({ ...c, index: c.index ?? index() })));
