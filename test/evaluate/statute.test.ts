import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { Disposition, TraceStep } from '../../src/evaluate/types.js';
import { loadCase } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';
import { DATA, readDir, withFile } from '../helpers.js';

// Each rule of 行政处罚法 (2021) is written down from the statute first (see
// /work/shared/reference/law-facts.md §1.2) and then checked against the engine.
// Rule set: test/data/law (test data only). Amounts in a Disposition are fen.

const FILES = readDir(join(DATA, 'law'));
const loaded = loadRuleSet(FILES);
const RS = loaded.ruleSet!;

const XZCFF = '《中华人民共和国行政处罚法》';

interface CaseInput {
  item?: string;
  items?: string[];
  party?: { kind: 'person' | 'organization'; age?: number; capacity?: 'full' | 'partial' | 'none' };
  dates?: { act: string; actEnd?: string; discovered?: string; decision?: string };
  facts?: Record<string, number | string | boolean>;
  circumstances?: string[];
  history?: { item: string; date: string }[];
}

/** Builds a case as a plain object (money in yuan) and evaluates it. */
function run(input: CaseInput, rs: RuleSet = RS): Disposition {
  const value = {
    id: 'case-1',
    ...(input.items ? { items: input.items } : { item: input.item ?? 'RANGE' }),
    party: input.party ?? { kind: 'organization' },
    dates: input.dates ?? { act: '2025-03-01', discovered: '2025-03-10' },
    ...(input.facts ? { facts: input.facts } : {}),
    ...(input.circumstances ? { circumstances: input.circumstances } : {}),
    ...(input.history ? { history: input.history } : {}),
  };
  const { case: c, diagnostics } = loadCase({ path: 'case.yaml', value }, rs);
  if (!c) throw new Error(`case did not load: ${JSON.stringify(diagnostics)}`);
  return evaluate(rs, c);
}

const texts = (d: Disposition) => d.citations.map((c) => c.text);
const measureKinds = (d: Disposition) => d.measures.map((m) => m.kind);
const fine = (d: Disposition) => d.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
const warningCodes = (d: Disposition) => d.warnings.map((w) => w.code);
const person = (age?: number, capacity?: 'full' | 'partial' | 'none') => ({
  kind: 'person' as const,
  ...(age !== undefined ? { age } : {}),
  ...(capacity ? { capacity } : {}),
});

describe('test rule set test/data/law', () => {
  it('loads without diagnostics', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(RS.policy.hearing).toEqual({ person: 1_000_000, organization: 10_000_000 });
    expect(RS.policy.simpleProcedure).toEqual({ person: 20_000, organization: 300_000 });
    expect(RS.policy.reducedFloor).toBeNull();
  });
});

describe('行政处罚法第二十八条：实施行政处罚时应当责令改正；违法所得应当没收', () => {
  it.each<[string, CaseInput]>([
    ['a penalty', { item: 'RANGE' }],
    ['no penalty (Art. 33(1) 轻微不罚)', { item: 'RANGE', circumstances: ['minorViolation', 'correctedInTime', 'harmNone'] }],
    ['no penalty (Art. 36 time-barred)', { item: 'RANGE', dates: { act: '2020-01-01', discovered: '2025-01-01' } }],
    ['a child under 14 (Art. 30)', { item: 'RANGE', party: person(12) }],
    ['an undetermined amount (tier fact missing)', { item: 'FACTS' }],
  ])('Art. 28(1): the order to correct (责令改正) is present for %s, cited as 第二十八条第一款', (_, input) => {
    const d = run(input);
    expect(measureKinds(d)[0]).toBe('correct');
    expect(texts(d)).toContain(`${XZCFF}第二十八条第一款`);
  });

  it('Art. 28(1): 责令改正 is a measure, never one of the penalties (Art. 9 kinds)', () => {
    const d = run({ item: 'RANGE' });
    expect(d.penalties.map((p) => p.kind)).toEqual(['warning', 'fine']);
  });

  it('Art. 28(2): 违法所得 is confiscated in full (3,000 yuan → 300,000 fen)', () => {
    const d = run({ item: 'GAINS', facts: { illegalGains: 3000 } });
    const p = d.penalties.find((x) => x.kind === 'confiscateGains');
    expect(p).toMatchObject({ recommended: 300_000, base: { fact: 'illegalGains', value: 300_000 } });
  });

  it('Art. 28(2): confiscation is still ordered when the amount of 违法所得 is not yet known (no amount invented)', () => {
    const d = run({ item: 'GAINS' });
    const p = d.penalties.find((x) => x.kind === 'confiscateGains');
    expect(p).toBeDefined();
    expect(p!.recommended).toBeUndefined();
  });
});

describe('行政处罚法第二十九条：同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚', () => {
  it.each([
    [['LOWER', 'RANGE']],
    [['RANGE', 'LOWER']],
  ])('items %j: RANGE (max 50,000) governs over LOWER (max 10,000) whatever the order; LOWER is concurrent', (items) => {
    const d = run({ items });
    expect(d.item).toBe('RANGE');
    expect(d.concurrent).toEqual(['LOWER']);
    expect(fine(d)!.statutory).toEqual({ min: 500_000, max: 5_000_000 });
  });

  it('one act is fined once: a single fine in the penalties (一事不再罚)', () => {
    const d = run({ items: ['LOWER', 'RANGE'] });
    expect(d.penalties.filter((p) => p.kind === 'fine')).toHaveLength(1);
  });

  it('the higher fine is judged on the facts: goods value 60,000 → EXACT (max 60,000) governs over RANGE (max 50,000)', () => {
    const d = run({ items: ['RANGE', 'EXACT'], facts: { goodsValue: 60000 } });
    expect(d.item).toBe('EXACT');
    expect(d.concurrent).toEqual(['RANGE']);
  });

  it('goods value 40,000 → RANGE (max 50,000) governs over EXACT (max 40,000)', () => {
    const d = run({ items: ['EXACT', 'RANGE'], facts: { goodsValue: 40000 } });
    expect(d.item).toBe('RANGE');
    expect(d.concurrent).toEqual(['EXACT']);
  });

  it('the choice is explained in the trace (step concurrence) and Art. 29 is cited', () => {
    const d = run({ items: ['LOWER', 'RANGE'] });
    expect(d.trace.some((t) => t.step === 'concurrence' && t.status === 'applied')).toBe(true);
    expect(texts(d)).toContain(`${XZCFF}第二十九条`);
  });

  it('Art. 29 bars only a second FINE: a revocation under the concurrent provision (LICENCE) is not dropped', () => {
    // LOWER is the only provision with a fine, so it governs the fine; LICENCE imposes 吊销许可证件,
    // which Art. 29 does not absorb, so it stays in the disposition (and brings the Art. 63 hearing).
    const d = run({ items: ['LOWER', 'LICENCE'] });
    expect(d.item).toBe('LOWER');
    expect(d.concurrent).toEqual(['LICENCE']);
    expect(d.penalties.filter((p) => p.kind === 'fine')).toHaveLength(1);
    expect(d.penalties.map((p) => p.kind)).toContain('revokeLicence');
    expect(d.procedure.hearing).toBe(true);
  });

  it('the concurrent provision is cited as violated (违法依据) but not as a penalty basis when nothing is imposed under it', () => {
    const d = run({ items: ['LOWER', 'RANGE'] });
    const byText = new Map(d.citations.map((c) => [c.text, c.role]));
    expect(byText.get('《测试用法律》第三条')).toBe('violates');
    expect(byText.get('《测试用法律》第五十二条第一款')).toBe('penalizedBy');
    expect(byText.has('《测试用法律》第五十三条')).toBe(false);
  });

  it('a penalty imposed under the concurrent provision (吊销 under LICENCE) cites its penalty article as a basis', () => {
    const d = run({ items: ['LOWER', 'LICENCE'] });
    const byText = new Map(d.citations.map((c) => [c.text, c.role]));
    expect(byText.get('《测试用法律》第九条')).toBe('violates');
    expect(byText.get('《测试用法律》第五十九条')).toBe('penalizedBy');
  });

  it('one item only: nothing concurrent, no Art. 29 step', () => {
    const d = run({ item: 'RANGE' });
    expect(d.concurrent).toEqual([]);
    expect(d.trace.some((t) => t.step === 'concurrence')).toBe(false);
    expect(texts(d)).not.toContain(`${XZCFF}第二十九条`);
  });
});

describe('行政处罚法第三十条：不满十四周岁不予处罚、责令监护人管教；已满十四周岁不满十八周岁应当从轻或者减轻', () => {
  it('age 13: no penalty (mandatory), basis under-14, the guardian is ordered to discipline', () => {
    const d = run({ party: person(13) });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('under-14');
    expect(d.mandatory).toBe(true);
    expect(d.penalties).toEqual([]);
    expect(measureKinds(d)).toContain('guardianDiscipline');
    expect(texts(d)).toContain(`${XZCFF}第三十条`);
  });

  it.each([14, 17])('age %i: a penalty, 从轻 (or 减轻) is mandatory (应当)', (age) => {
    const d = run({ party: person(age) });
    expect(d.outcome).toBe('penalty');
    expect(d.grade).toBe('lighter');
    expect(d.mandatory).toBe(true);
    expect(fine(d)!.range).toEqual({ min: 500_000, max: 1_850_000 });
    expect(measureKinds(d)).not.toContain('guardianDiscipline');
  });

  it('age 16 with an aggravating circumstance: mitigation is still mandatory, the conflict is flagged', () => {
    const d = run({ party: person(16), circumstances: ['intentional'] });
    expect(d.grade).toBe('lighter');
    expect(d.mandatory).toBe(true);
    expect(warningCodes(d)).toContain('GROUNDS_CONFLICT');
  });

  it('age 18: an adult, 一般 (no mandatory mitigation)', () => {
    const d = run({ party: person(18) });
    expect(d.outcome).toBe('penalty');
    expect(d.grade).toBe('general');
    expect(d.mandatory).toBe(false);
  });
});

describe('行政处罚法第三十一条：不能辨认或者控制自己行为时不予处罚；尚未完全丧失能力的可以从轻或者减轻', () => {
  it('capacity none: no penalty (mandatory), basis incapacity, the guardian is ordered to supervise and treat', () => {
    const d = run({ party: person(40, 'none') });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('incapacity');
    expect(d.mandatory).toBe(true);
    expect(measureKinds(d)).toContain('guardianCare');
    expect(texts(d)).toContain(`${XZCFF}第三十一条`);
  });

  it('capacity partial: 从轻 as a choice (可以), not mandatory', () => {
    const d = run({ party: person(40, 'partial') });
    expect(d.outcome).toBe('penalty');
    expect(d.grade).toBe('lighter');
    expect(d.mandatory).toBe(false);
    expect(warningCodes(d)).toContain('OPTIONAL_MITIGATION');
  });

  it('capacity full: 一般', () => {
    const d = run({ party: person(40, 'full') });
    expect(d.grade).toBe('general');
  });
});

describe('行政处罚法第三十二条：有下列情形之一的，应当从轻或者减轻行政处罚', () => {
  it.each([
    ['eliminatedHarm', '（一）主动消除或者减轻违法行为危害后果', '第三十二条第（一）项'],
    ['coerced', '（二）受他人胁迫或者诱骗实施违法行为', '第三十二条第（二）项'],
    ['confessedUnknown', '（三）主动供述行政机关尚未掌握的违法行为', '第三十二条第（三）项'],
    ['meritorious', '（四）配合行政机关查处违法行为有立功表现', '第三十二条第（四）项'],
    ['otherMandatoryMitigation', '（五）法律、法规、规章规定的其他情形', '第三十二条第（五）项'],
  ])('%s %s → 从轻, mandatory (应当), citing %s', (circumstance, _label, article) => {
    const d = run({ circumstances: [circumstance] });
    expect(d.outcome).toBe('penalty');
    expect(d.grade).toBe('lighter');
    expect(d.mandatory).toBe(true);
    expect(texts(d)).toContain(`${XZCFF}${article}`);
  });
});

describe('行政处罚法第三十二条 with a 减轻 list', () => {
  it('an Art. 32(1) ground still counts (and is cited) when a 减轻 list entry also applies', () => {
    const d = run({ item: 'REDUCED', circumstances: ['remediedVoluntarily', 'eliminatedHarm'] });
    expect(d.grade).toBe('reduced');
    expect(texts(d)).toContain(`${XZCFF}第三十二条第（一）项`);
  });
});

describe('行政处罚法第三十三条第一款第一句：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚', () => {
  it('minorViolation + correctedInTime + harmNone → no penalty, basis minor, mandatory (应当)', () => {
    const d = run({ circumstances: ['minorViolation', 'correctedInTime', 'harmNone'] });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('minor');
    expect(d.mandatory).toBe(true);
    expect(d.otherwise).toBeUndefined();
    expect(texts(d)).toContain(`${XZCFF}第三十三条第一款第一句`);
  });

  it('it is not limited to a first violation: a prior violation of the same item does not matter', () => {
    const d = run({
      circumstances: ['minorViolation', 'correctedInTime', 'harmNone'],
      history: [{ item: 'RANGE', date: '2024-09-01' }],
    });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('minor');
    expect(d.mandatory).toBe(true);
  });

  it('without 违法行为轻微: not the mandatory exemption (at most 首违不罚, which is only 可以)', () => {
    const d = run({ circumstances: ['correctedInTime', 'harmNone'] });
    expect(d.basis).not.toBe('minor');
    expect(d.mandatory).toBe(false);
  });

  it('without 及时改正: a penalty', () => {
    const d = run({ circumstances: ['minorViolation', 'harmNone'] });
    expect(d.outcome).toBe('penalty');
  });

  it('without 没有造成危害后果: a penalty', () => {
    const d = run({ circumstances: ['minorViolation', 'correctedInTime'] });
    expect(d.outcome).toBe('penalty');
  });

  it('with harm that is minor (not none): not the mandatory exemption', () => {
    const d = run({ circumstances: ['minorViolation', 'correctedInTime', 'harmMinor'] });
    expect(d.basis).not.toBe('minor');
    expect(d.mandatory).toBe(false);
  });
});

describe('行政处罚法第三十三条第一款第二句：初次违法且危害后果轻微并及时改正的，可以不予行政处罚', () => {
  const act = { act: '2025-03-01', discovered: '2025-03-10' };

  it('first violation + harmMinor + correctedInTime → no penalty as a choice (可以), the penalty otherwise due is given', () => {
    const d = run({ dates: act, circumstances: ['harmMinor', 'correctedInTime'] });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('first-offence');
    expect(d.mandatory).toBe(false);
    expect(d.penalties).toEqual([]);
    expect(d.otherwise).toBeDefined();
    expect(d.otherwise!.item).toBe('RANGE');
    expect(d.otherwise!.grade).toBe('general');
    expect(d.otherwise!.penalties.map((p) => p.kind)).toEqual(['warning', 'fine']);
    expect(d.otherwise!.penalties.find((p) => p.kind === 'fine')!.recommended).toBe(2_750_000);
    expect(texts(d)).toContain(`${XZCFF}第三十三条第一款第二句`);
  });

  it('a prior violation of the same item within the 2-year window (2024-06-01) → not a first violation → penalty', () => {
    const d = run({ dates: act, circumstances: ['harmMinor', 'correctedInTime'], history: [{ item: 'RANGE', date: '2024-06-01' }] });
    expect(d.outcome).toBe('penalty');
  });

  it('a prior violation exactly 2 years before (2023-03-01, the window counted like Art. 36) → penalty', () => {
    const d = run({ dates: act, circumstances: ['harmMinor', 'correctedInTime'], history: [{ item: 'RANGE', date: '2023-03-01' }] });
    expect(d.outcome).toBe('penalty');
  });

  it('a prior violation just outside the window (2023-02-28) → first violation → no penalty (可以)', () => {
    const d = run({ dates: act, circumstances: ['harmMinor', 'correctedInTime'], history: [{ item: 'RANGE', date: '2023-02-28' }] });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('first-offence');
    expect(d.mandatory).toBe(false);
  });

  it('a prior violation of a different kind (another item) inside the window does not count', () => {
    const d = run({ dates: act, circumstances: ['harmMinor', 'correctedInTime'], history: [{ item: 'LOWER', date: '2024-06-01' }] });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('first-offence');
  });

  it('not corrected in time → penalty', () => {
    const d = run({ dates: act, circumstances: ['harmMinor'] });
    expect(d.outcome).toBe('penalty');
  });

  it('serious harm (not minor) → penalty', () => {
    const d = run({ dates: act, circumstances: ['harmSerious', 'correctedInTime'] });
    expect(d.outcome).toBe('penalty');
  });
});

describe('行政处罚法第三十三条第二款：当事人有证据足以证明没有主观过错的，不予行政处罚', () => {
  it('noFaultProven → no penalty, basis no-fault, mandatory', () => {
    const d = run({ circumstances: ['noFaultProven'] });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('no-fault');
    expect(d.mandatory).toBe(true);
    expect(texts(d)).toContain(`${XZCFF}第三十三条第二款`);
  });

  it('also when aggravating circumstances are present', () => {
    const d = run({ circumstances: ['noFaultProven', 'harmSerious'] });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('no-fault');
  });
});

describe('行政处罚法第三十三条第三款：对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育', () => {
  it.each<[string, CaseInput]>([
    ['time-barred', { dates: { act: '2020-01-01', discovered: '2025-01-01' } }],
    ['under-14', { party: person(13) }],
    ['incapacity', { party: person(30, 'none') }],
    ['no-fault', { circumstances: ['noFaultProven'] }],
    ['minor', { circumstances: ['minorViolation', 'correctedInTime', 'harmNone'] }],
    ['first-offence', { circumstances: ['harmMinor', 'correctedInTime'] }],
  ])('no penalty (%s) → educate, cited as 第三十三条第三款', (basis, input) => {
    const d = run(input);
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe(basis);
    expect(measureKinds(d)).toContain('educate');
    expect(texts(d)).toContain(`${XZCFF}第三十三条第三款`);
  });

  it.each<[string, CaseInput]>([
    ['一般', {}],
    ['从轻 (Art. 32)', { circumstances: ['eliminatedHarm'] }],
    ['warning only', { item: 'REFUSE' }],
  ])('a penalty (%s) → no education measure', (_, input) => {
    const d = run(input);
    expect(d.outcome).toBe('penalty');
    expect(measureKinds(d)).not.toContain('educate');
  });
});

describe('行政处罚法第三十六条第一款：二年内未被发现的不再给予处罚；涉及生命健康安全、金融安全且有危害后果的延长至五年；自行为发生之日起计算，连续或者继续状态自行为终了之日起计算', () => {
  it('act 2023-03-01, discovered 2025-03-01 (the last day of 2 years) → not barred', () => {
    const d = run({ dates: { act: '2023-03-01', discovered: '2025-03-01' } });
    expect(d.outcome).toBe('penalty');
    expect(d.trace.find((t) => t.step === 'limitation')!.status).toBe('not-applied');
  });

  it('act 2023-03-01, discovered 2025-03-02 → barred: no penalty, mandatory, Art. 36(1) cited', () => {
    const d = run({ dates: { act: '2023-03-01', discovered: '2025-03-02' } });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('time-barred');
    expect(d.mandatory).toBe(true);
    expect(d.trace.some((t) => t.step === 'limitation' && t.status === 'applied')).toBe(true);
    expect(texts(d)).toContain(`${XZCFF}第三十六条第一款`);
  });

  it('continuing act 2021-01-01 … 2023-03-01, discovered 2025-03-01 → counted from the end, not barred', () => {
    const d = run({ dates: { act: '2021-01-01', actEnd: '2023-03-01', discovered: '2025-03-01' } });
    expect(d.outcome).toBe('penalty');
  });

  it('continuing act 2021-01-01 … 2023-03-01, discovered 2025-03-02 → barred', () => {
    const d = run({ dates: { act: '2021-01-01', actEnd: '2023-03-01', discovered: '2025-03-02' } });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('time-barred');
  });

  it.each(['harmMinor', 'harmSerious'])(
    'life/health or financial safety + %s: 5 years — act 2020-03-01, discovered 2025-03-01 → not barred',
    (harm) => {
      const d = run({ dates: { act: '2020-03-01', discovered: '2025-03-01' }, circumstances: ['lifeHealthOrFinancial', harm] });
      expect(d.outcome).toBe('penalty');
    },
  );

  it.each(['harmMinor', 'harmSerious'])(
    'life/health or financial safety + %s: 5 years — act 2020-03-01, discovered 2025-03-02 → barred',
    (harm) => {
      const d = run({ dates: { act: '2020-03-01', discovered: '2025-03-02' }, circumstances: ['lifeHealthOrFinancial', harm] });
      expect(d.outcome).toBe('none');
      expect(d.basis).toBe('time-barred');
    },
  );

  it.each<[string, string[]]>([
    ['life/health or financial safety but no harm (harmNone)', ['lifeHealthOrFinancial', 'harmNone']],
    ['life/health or financial safety, harm not shown', ['lifeHealthOrFinancial']],
    ['harm but not life/health or financial safety', ['harmSerious']],
  ])('%s → stays 2 years: act 2023-03-01, discovered 2025-03-02 → barred', (_, circumstances) => {
    const d = run({ dates: { act: '2023-03-01', discovered: '2025-03-02' }, circumstances });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('time-barred');
  });

  it('act 2024-02-29: the period ends 2026-02-28 (no 29 February) — discovered 2026-02-28 → not barred', () => {
    const d = run({ dates: { act: '2024-02-29', discovered: '2026-02-28' } });
    expect(d.outcome).toBe('penalty');
    expect(d.trace.find((t) => t.step === 'limitation')!.message).toContain('2026-02-28');
  });

  it('act 2024-02-29, discovered 2026-03-01 → barred', () => {
    const d = run({ dates: { act: '2024-02-29', discovered: '2026-03-01' } });
    expect(d.outcome).toBe('none');
    expect(d.basis).toBe('time-barred');
  });

  it('the time bar comes before every other ground (a time-barred act of a 13-year-old is time-barred)', () => {
    const d = run({ party: person(13), dates: { act: '2020-01-01', discovered: '2025-01-01' } });
    expect(d.basis).toBe('time-barred');
  });

  it('no discovery date: the period cannot be checked — flagged, never assumed', () => {
    const d = run({ dates: { act: '2023-03-01' } });
    expect(warningCodes(d)).toContain('DISCOVERY_DATE_MISSING');
    expect(d.missingFacts).toContain('dates.discovered');
    expect(d.trace.find((t) => t.step === 'limitation')!.status).toBe('missing');
  });
});

describe('行政处罚法第五十一条：警告或者对公民处二百元以下、对法人或者其他组织处三千元以下罚款的，可以当场作出决定', () => {
  it.each<[string, 'person' | 'organization', number, number, boolean]>([
    ['citizen, 200 yuan (the limit)', 'person', 200, 20_000, true],
    ['citizen, 200.01 yuan (just above)', 'person', 200.01, 20_001, false],
    ['citizen, 3,000 yuan (an organisation’s limit)', 'person', 3000, 300_000, false],
    ['organisation, 3,000 yuan (the limit)', 'organization', 3000, 300_000, true],
    ['organisation, 3,000.01 yuan (just above)', 'organization', 3000.01, 300_001, false],
    ['organisation, 200 yuan', 'organization', 200, 20_000, true],
  ])('%s → simple procedure %s', (_, kind, goodsValue, fen, simple) => {
    const d = run({ item: 'EXACT', party: kind === 'person' ? { kind, age: 40 } : { kind }, facts: { goodsValue } });
    expect(d.outcome).toBe('penalty');
    expect(fine(d)!.recommended).toBe(fen);
    expect(d.procedure.simple).toBe(simple);
    expect(texts(d).includes(`${XZCFF}第五十一条`)).toBe(simple);
  });

  it('a warning alone → simple procedure, whoever the party (REFUSE, not refused)', () => {
    const d = run({ item: 'REFUSE', party: { kind: 'organization' } });
    expect(d.penalties.map((p) => p.kind)).toEqual(['warning']);
    expect(d.procedure.simple).toBe(true);
  });

  it('a fine of 150 yuan for a citizen → simple procedure', () => {
    const d = run({ item: 'NARROW', party: person(30) });
    expect(fine(d)!.recommended).toBe(15_000);
    expect(d.procedure.simple).toBe(true);
  });

  it('a warning plus confiscation of 违法所得 (50 yuan) → not a simple-procedure penalty', () => {
    const d = run({ item: 'GAINS', party: person(30), facts: { illegalGains: 50 } });
    expect(d.procedure.simple).toBe(false);
  });

  it('no penalty → no penalty procedure at all', () => {
    const d = run({ circumstances: ['noFaultProven'] });
    expect(d.procedure).toEqual({ simple: false, hearing: false, legalReview: false, collective: false });
  });
});

describe('行政处罚法第六十三条：较大数额罚款、没收较大数额违法所得、吊销许可证件等，应当告知听证权利', () => {
  it.each<[string, 'person' | 'organization', number, boolean]>([
    ['citizen, 10,000 yuan (the 较大数额 here)', 'person', 10000, true],
    ['citizen, 9,999.99 yuan', 'person', 9999.99, false],
    ['organisation, 100,000 yuan (the 较大数额 here)', 'organization', 100000, true],
    ['organisation, 99,999.99 yuan', 'organization', 99999.99, false],
    ['organisation, 10,000 yuan (a citizen’s threshold only)', 'organization', 10000, false],
  ])('fine for a %s → hearing %s', (_, kind, goodsValue, hearing) => {
    const d = run({ item: 'EXACT', party: kind === 'person' ? { kind, age: 40 } : { kind }, facts: { goodsValue } });
    expect(fine(d)!.recommended).toBe(Math.round(goodsValue * 100));
    expect(d.procedure.hearing).toBe(hearing);
    expect(texts(d).includes(`${XZCFF}第六十三条第一款`)).toBe(hearing);
  });

  it.each<[number, boolean]>([
    [10000, true],
    [9999.99, false],
  ])('Art. 63(1)(2): confiscating 违法所得 of %s yuan from a citizen → hearing %s', (illegalGains, hearing) => {
    const d = run({ item: 'GAINS', party: person(30), facts: { illegalGains } });
    expect(d.procedure.hearing).toBe(hearing);
  });

  it('Art. 63(1)(3): 吊销许可证件 → hearing whatever the amount, and no simple procedure', () => {
    const d = run({ item: 'LICENCE' });
    expect(d.penalties.map((p) => p.kind)).toEqual(['revokeLicence']);
    expect(d.procedure.hearing).toBe(true);
    expect(d.procedure.simple).toBe(false);
  });

  it('the Law sets no 较大数额: without a regional threshold the engine flags it rather than guessing', () => {
    const index = (FILES.find((f) => f.path.endsWith('/index.yaml'))!.text as string).replace(
      '  hearing: { person: 10000, organization: 100000 }\n',
      '',
    );
    const rs = loadRuleSet(withFile(FILES, 'index.yaml', index)).ruleSet!;
    expect(rs.policy.hearing).toBeNull();
    const d = run({ item: 'EXACT', party: { kind: 'organization' }, facts: { goodsValue: 500000 } }, rs);
    expect(d.procedure.hearing).toBe(false);
    expect(warningCodes(d)).toContain('HEARING_THRESHOLD_UNSET');
  });
});

describe('行政处罚法第五十七条、第五十八条：集体讨论、法制审核（按本基准规定的情形）', () => {
  it('Art. 58: a recommended fine of 300,000 yuan (≥ 100,000 set by this rule set) → legal review', () => {
    const d = run({ item: 'BRANCH', facts: { goodsValue: 20000 } });
    expect(fine(d)!.recommended).toBe(30_000_000);
    expect(d.procedure.legalReview).toBe(true);
    expect(texts(d)).toContain(`${XZCFF}第五十八条第一款`);
  });

  it('Art. 58: 27,500 yuan → no legal review', () => {
    const d = run({ item: 'RANGE' });
    expect(d.procedure.legalReview).toBe(false);
  });

  it('Art. 57(2): 减轻 (as this rule set requires) → collective decision', () => {
    const d = run({ item: 'REDUCED', circumstances: ['remediedVoluntarily'] });
    expect(d.grade).toBe('reduced');
    expect(d.procedure.collective).toBe(true);
    expect(texts(d)).toContain(`${XZCFF}第五十七条第二款`);
  });
});

describe('责令改正，拒不改正的，处罚款 (fineOnlyIf, e.g. 食品安全法第一百二十六条)', () => {
  it('not refused: a warning, no fine', () => {
    const d = run({ item: 'REFUSE' });
    expect(d.penalties.map((p) => p.kind)).toEqual(['warning']);
  });

  it('refused: warning and fine; the refusal is the trigger and is not counted again as aggravating (一般)', () => {
    const d = run({ item: 'REFUSE', circumstances: ['refusedToCorrect'] });
    expect(d.penalties.map((p) => p.kind)).toEqual(['warning', 'fine']);
    expect(d.grade).toBe('general');
    expect(fine(d)!.recommended).toBe(2_750_000);
  });

  it('refused and intentional: 从重', () => {
    const d = run({ item: 'REFUSE', circumstances: ['refusedToCorrect', 'intentional'] });
    expect(d.grade).toBe('heavier');
    expect(fine(d)!.recommended).toBe(4_330_000);
  });
});

describe('citations and trace', () => {
  it('a penalty cites the violated and the penalty provisions first, in that order', () => {
    const d = run({ item: 'RANGE' });
    expect(d.citations[0]).toMatchObject({ text: '《测试用法律》第二条', role: 'violates' });
    expect(d.citations[1]).toMatchObject({ text: '《测试用法律》第五十二条第一款', role: 'penalizedBy' });
  });

  it('citations are not repeated', () => {
    const d = run({ items: ['LOWER', 'RANGE'], circumstances: ['eliminatedHarm', 'coerced'] });
    expect(new Set(texts(d)).size).toBe(texts(d).length);
  });

  it('the trace walks the statute in order: limitation, mandatory grounds, first offence, mitigation, tier, amount, procedure', () => {
    const d = run({ item: 'RANGE' });
    const steps = d.trace.map((t) => t.step);
    const order: TraceStep[] = ['limitation', 'mandatory', 'first-offence', 'mitigation', 'tier', 'amount', 'procedure', 'channel'];
    for (const s of order) expect(steps).toContain(s);
    const firsts = order.map((s) => steps.indexOf(s));
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
  });

  it('every amount in the disposition is integer fen', () => {
    for (const d of [run({ item: 'RANGE' }), run({ item: 'BRANCH', facts: { goodsValue: 12345.67 } }), run({ item: 'FACTS', facts: { area: 7 } })]) {
      for (const p of d.penalties) {
        for (const v of [p.recommended, p.range?.min, p.range?.max, p.statutory?.min, p.statutory?.max])
          if (v !== undefined) expect(Number.isInteger(v)).toBe(true);
      }
    }
  });

  it('721: no penalty → service; a warning only → supervision; a fine → penalty', () => {
    expect(run({ circumstances: ['noFaultProven'] }).channel).toBe('service');
    expect(run({ item: 'REFUSE' }).channel).toBe('supervision');
    expect(run({ item: 'RANGE' }).channel).toBe('penalty');
  });
});
