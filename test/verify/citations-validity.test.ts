import { index, list, load, rules, runCases, T, type VerifyCase } from './build.js';

/**
 * Citations and validity. The test item's tier k is on line 7 + k; the list
 * entry (after three tiers) starts on line 12, column 5. In index.yaml,
 * effective is on line 8 (value at column 12) and reviewed on line 9 (column 11).
 */

const SAMR = [T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.7, 1]')];
const XZCFF = '[{ law: xzcff, article: 33, paragraph: 1 }]';

const CASES: VerifyCase[] = [
  // ── citations ───────────────────────────────────────────────────────────
  {
    name: 'warns: a tier that cites nothing',
    rules: rules([T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]', false), T('heavy', 'grade: heavier, share: [0.7, 1]')]),
    expect: [{ code: 'TIER_NO_CITATION', at: 'rules.yaml:9:9', message: 'tier "mid" of item A-1 cites no basis' }],
  },
  {
    name: 'passes: a list entry citing 行政处罚法 Art. 33(1)',
    rules: rules(SAMR, { lists: list('E-1', XZCFF) }),
    expect: [],
  },
  {
    name: 'warns: a list entry citing only the special law',
    rules: rules(SAMR, { lists: list('E-1', '[{ law: spaqf, article: 124 }]') }),
    expect: [{ code: 'LIST_NO_XZCFF_CITATION', at: 'rules.yaml:12:5', message: 'list entry "E-1" cites no article of 中华人民共和国行政处罚法' }],
  },
  {
    name: 'warns: the Administrative Penalty Law is recognised by its title, not its key',
    index: index().replace('  xzcff: { title: 中华人民共和国行政处罚法', '  apl: { title: 中华人民共和国行政处罚法'),
    rules: rules(SAMR, { lists: list('E-1', XZCFF.replace('xzcff', 'apl')) }),
    expect: [],
  },

  // ── validity (asOf) ─────────────────────────────────────────────────────
  {
    name: 'warns: effective.to before the reference date',
    index: index('', { effective: '{ from: 2024-01-01, to: 2025-12-31 }' }),
    rules: rules(SAMR),
    options: { asOf: '2026-01-01' },
    expect: [{ code: 'RULESET_EXPIRED', at: 'index.yaml:8:12', message: 'rule set test-verify 1 was in force until 2025-12-31; it has expired (as of 2026-01-01)' }],
  },
  {
    name: 'passes: in force on its last day',
    index: index('', { effective: '{ from: 2024-01-01, to: 2025-12-31 }' }),
    rules: rules(SAMR),
    options: { asOf: '2025-12-31' },
    expect: [],
  },
  {
    name: 'passes: an ended version followed by a later one is history, not expired',
    index: index('', { effective: '{ from: 2024-01-01, to: 2025-12-31 }' }),
    rules: rules(SAMR),
    options: () => ({ asOf: '2026-06-01', catalog: [load(index('', { effective: '{ from: 2026-01-01, to: null }' }), rules(SAMR), 'rules/t2')] }),
    expect: [],
  },
  {
    name: 'passes: no reference date, no validity checks',
    index: index('', { effective: '{ from: 2020-01-01, to: 2020-12-31 }', reviewed: '2020-01-01' }),
    rules: rules(SAMR),
    expect: [],
  },
  {
    name: 'warns: reviewed more than P2Y before the reference date',
    index: index('', { reviewed: '2023-01-01' }),
    rules: rules(SAMR),
    options: { asOf: '2025-01-02' },
    expect: [{ code: 'RULESET_STALE', at: 'index.yaml:9:11', message: 'rule set test-verify was last reviewed on 2023-01-01, more than P2Y before 2025-01-02' }],
  },
  {
    name: 'passes: reviewed exactly P2Y before',
    index: index('', { reviewed: '2023-01-01' }),
    rules: rules(SAMR),
    options: { asOf: '2025-01-01' },
    expect: [],
  },
  {
    name: 'warns: a policy staleAfter of P6M',
    index: index('policy:\n  staleAfter: P6M\n', { reviewed: '2025-01-01' }),
    rules: rules(SAMR),
    options: { asOf: '2025-07-02' },
    expect: [{ code: 'RULESET_STALE', at: 'index.yaml:9:11', message: 'more than P6M before 2025-07-02' }],
  },
  {
    name: 'warns: a list entry whose source list has expired',
    rules: rules(SAMR, { lists: list('E-1', XZCFF, '{ document: 某市不予处罚清单, validUntil: 2025-01-11 }') }),
    options: { asOf: '2025-06-01' },
    expect: [{ code: 'LIST_SOURCE_EXPIRED', at: 'rules.yaml:12:5', message: 'list entry "E-1": its source 某市不予处罚清单 was valid until 2025-01-11 (as of 2025-06-01)' }],
  },
];

runCases('verify: citations and validity', CASES);
