import { BRANCHES, CITE, index, leaf, rules, runCases, T, when, type VerifyCase } from './build.js';

/**
 * Bounds: tier ranges against the statutory range, range kinds and penalty
 * kinds, grade order, width, and the 减轻 floor. Tier k of the test item is on
 * line 7 + k, column 9; the statutory clause is on line 6, column 16.
 */

const gv = (op: string, v: number) => leaf('goodsValue', op, v);
const UP_TO = `{ kinds: [fine], fine: { upTo: 2000 }, ${CITE} }`;
const MULTIPLE = `{ kinds: [fine], fine: { multiple: { of: goodsValue, range: [10, 20] } }, ${CITE} }`;
const BY_PARTY = `{ kinds: [fine], fine: { person: { amount: [500, 2000] }, organization: { amount: [5000, 20000] } }, ${CITE} }`;
const SAMR = [T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.7, 1]')];

const CASES: VerifyCase[] = [
  // ── tier range within the statutory range (行政处罚法 Art. 76) ─────────
  {
    name: 'passes: absolute amounts inside 5000–50000',
    rules: rules([T('light', 'grade: lighter, amount: [5000, 18500]'), T('mid', 'grade: general, amount: [18500, 36500]'), T('heavy', 'grade: heavier, amount: [36500, 50000]')]),
    expect: [],
  },
  {
    name: 'fails: amount below the statutory minimum',
    rules: rules([T('light', 'grade: lighter, amount: [3000, 18500]'), T('mid', 'grade: general, amount: [18500, 36500]'), T('heavy', 'grade: heavier, amount: [36500, 50000]')]),
    expect: [{ code: 'TIER_OUTSIDE_STATUTORY', at: 'rules.yaml:8:9', message: 'tier "light" of item A-1 (3000–18500 yuan) is outside the statutory range 5000–50000 yuan' }],
  },
  {
    name: 'fails: amount above a “2000元以下” maximum',
    rules: rules([T('light', 'grade: lighter, amount: [0, 600]'), T('mid', 'grade: general, amount: [600, 1400]'), T('heavy', 'grade: heavier, amount: [1400, 2500]')], { statutory: UP_TO }),
    expect: [{ code: 'TIER_OUTSIDE_STATUTORY', at: 'rules.yaml:10:9', message: '(1400–2500 yuan) is outside the statutory range 0–2000 yuan' }],
  },
  {
    name: 'fails: multiples outside the statutory 10–20×',
    rules: rules([T('light', 'grade: lighter, multiple: [5, 13]'), T('mid', 'grade: general, multiple: [13, 17]'), T('heavy', 'grade: heavier, multiple: [17, 20]')], { statutory: MULTIPLE }),
    expect: [{ code: 'TIER_OUTSIDE_STATUTORY', at: 'rules.yaml:8:9', message: '(5–13×) is outside the statutory range 10–20× goodsValue' }],
  },
  {
    name: 'fails: an absolute amount under “货值金额十倍以上二十倍以下” is below the minimum for larger values',
    rules: rules(
      [T('small', 'branch: small, grade: general, share: [0, 1]'), T('large', 'branch: large, grade: general, amount: [100000, 200000]')],
      { statutory: BRANCHES },
    ),
    expect: [
      {
        code: 'TIER_OUTSIDE_STATUTORY',
        at: 'rules.yaml:9:9',
        message: 'tier "large" of item A-1 (100000–200000 yuan) is outside the statutory range 100000.1–200000.2 yuan (10–20× goodsValue at goodsValue = 10000.01 yuan) under branch "large"',
      },
    ],
  },
  {
    name: 'passes: an absolute amount under a multiple, within it for every value the tier covers',
    rules: rules(
      [
        T('small', 'branch: small, grade: general, share: [0, 1]'),
        T('large', `branch: large, ${when(gv('lessThanInclusive', 20000))}, amount: [200000, 200000]`),
        T('larger', `branch: large, ${when(gv('greaterThan', 20000))}, multiple: [10, 20]`),
      ],
      { statutory: BRANCHES },
    ),
    expect: [],
  },
  {
    name: 'fails: separate ranges for persons and organisations — checked per party',
    rules: rules([T('person', `${when(leaf('partyKind', 'equal', 'person'))}, amount: [500, 3000]`), T('org', `${when(leaf('partyKind', 'equal', 'organization'))}, amount: [5000, 20000]`)], { statutory: BY_PARTY }),
    expect: [{ code: 'TIER_OUTSIDE_STATUTORY', at: 'rules.yaml:8:9', message: 'is outside the statutory range 500–2000 yuan for persons' }],
  },
  {
    name: 'passes: per-party tiers inside their own ranges',
    rules: rules([T('person', `${when(leaf('partyKind', 'equal', 'person'))}, amount: [500, 2000]`), T('org', `${when(leaf('partyKind', 'equal', 'organization'))}, amount: [5000, 20000]`)], { statutory: BY_PARTY }),
    expect: [],
  },

  // ── range and penalty kinds ─────────────────────────────────────────────
  {
    name: 'fails: multiples under a fine fixed in yuan',
    rules: rules([T('only', 'grade: general, multiple: [1, 3]')]),
    expect: [{ code: 'TIER_RANGE_KIND', at: 'rules.yaml:8:9', message: 'tier "only" of item A-1 gives multiples (1–3×), but the statutory fine is 5000–50000 yuan' }],
  },
  {
    name: 'fails: a fine range under a clause that imposes no fine',
    rules: rules([T('only', 'grade: general, amount: [100, 200]')], { statutory: `{ kinds: [warning], ${CITE} }` }),
    expect: [{ code: 'TIER_RANGE_KIND', at: 'rules.yaml:8:9', message: 'gives a fine range, but the statutory fine is not provided' }],
  },
  {
    name: 'fails: a tier imposing 吊销许可证 the clause does not provide',
    rules: rules([T('only', 'grade: general, share: [0, 1], kinds: [fine, revokeLicence]')]),
    expect: [{ code: 'TIER_KIND_NOT_STATUTORY', at: 'rules.yaml:8:9', message: 'imposes revokeLicence, which the statutory clause does not provide (fine)' }],
  },
  {
    name: 'passes: a tier choosing fewer kinds than the clause',
    rules: rules([T('only', 'grade: general, share: [0, 1], kinds: [warning]')], { statutory: `{ kinds: [warning, fine], fine: { amount: [5000, 50000] }, ${CITE} }` }),
    expect: [],
  },

  // ── grade order ─────────────────────────────────────────────────────────
  {
    name: 'passes: SAMR 30/40/30 shares',
    rules: rules(SAMR),
    expect: [],
  },
  {
    name: 'fails: 从重 share below 一般',
    rules: rules([T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.2, 0.6]')]),
    expect: [
      { code: 'TIER_SHARE_ORDER', at: 'rules.yaml:10:9', message: 'tier "heavy" (heavier, share 0.2–0.6) is not above tier "mid" (general, share 0.3–0.7)' },
    ],
  },
  {
    name: 'fails: a 从轻 tier above a 从重 tier (amounts)',
    rules: rules([
      T('small', `grade: lighter, ${when(gv('lessThan', 1000))}, amount: [20000, 30000]`),
      T('large', `grade: heavier, ${when(gv('greaterThanInclusive', 1000))}, amount: [5000, 10000]`),
    ]),
    expect: [{ code: 'TIER_GRADE_INVERTED', at: 'rules.yaml:8:9', message: '从轻 tier "small" (20000–30000 yuan) reaches above 从重 tier "large" (5000–10000 yuan)' }],
  },
  {
    name: 'fails: a 从轻 share compared with a 从重 amount, in yuan',
    rules: rules([T('light', 'grade: lighter, share: [0, 0.5]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, amount: [20000, 25000]')]),
    expect: [{ code: 'TIER_GRADE_INVERTED', at: 'rules.yaml:8:9', message: '从轻 tier "light" (5000–27500 yuan) reaches above 从重 tier "heavy" (20000–25000 yuan)' }],
  },

  // ── width (国发〔2024〕5号 guidance) ──────────────────────────────────────
  {
    name: 'warns: a tier spanning 20×',
    rules: rules([T('light', 'grade: lighter, amount: [1000, 20000]'), T('mid', 'grade: general, amount: [20000, 36500]'), T('heavy', 'grade: heavier, amount: [36500, 50000]')], {
      statutory: `{ kinds: [fine], fine: { amount: [1000, 50000] }, ${CITE} }`,
    }),
    expect: [{ code: 'FINE_RANGE_TOO_WIDE', at: 'rules.yaml:8:9', message: 'tier "light" of item A-1 allows 1000–20000 yuan: the highest is 20× the lowest; the range may be too wide' }],
  },
  {
    name: 'passes: exactly 10× is not flagged',
    rules: rules([T('only', 'grade: general, share: [0, 1]')]),
    expect: [],
  },
  {
    name: 'passes: a range starting at 0 (“2000元以下”) has no ratio',
    rules: rules([T('only', 'grade: general, share: [0, 1]')], { statutory: UP_TO }),
    expect: [],
  },

  // ── 减轻 floor ──────────────────────────────────────────────────────────
  {
    name: 'fails: policy reducedFloor equal to the statutory minimum',
    index: index('policy:\n  reducedFloor: 5000\n'),
    rules: rules(SAMR),
    expect: [{ code: 'REDUCED_FLOOR_NOT_BELOW_MINIMUM', at: 'rules.yaml:6:16', message: 'policy reducedFloor 5000 yuan is not below the statutory minimum 5000 yuan of item A-1' }],
  },
  {
    name: 'passes: policy reducedFloor below every minimum',
    index: index('policy:\n  reducedFloor: 1000\n'),
    rules: rules(SAMR),
    expect: [],
  },
];

runCases('verify: bounds', CASES);
