import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import { auditCase, toDecision } from '../../src/report/audit.js';
import { DATA, readDir, withFile } from '../helpers.js';

// 行政处罚法 asks for facts before a penalty: which circumstances hold (Arts. 30–33),
// when the act ended and was discovered (Art. 36), when the decision is made (Art. 37).
// A case that gives contradictory or incomplete facts gets no confident answer.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const bundled: RuleSet[] = [];
for (const dir of await findRuleSetDirs(join(ROOT, 'rules'))) {
  const r = await loadRuleSetDir(dir);
  if (r.ruleSet) bundled.push(r.ruleSet);
}

const food = (over: Record<string, unknown> = {}) => ({
  id: 'food-1',
  item: 'SPAQF-124-1-5',
  party: { kind: 'organization' },
  dates: { act: '2025-06-03', discovered: '2025-06-10', decision: '2025-07-08' },
  facts: { goodsValue: 3000, businessStage: 'sale', sourceExplained: true, foodborneIllness: false },
  ...over,
});

function yamlCase(lines: string[]): { path: string; text: string } {
  return { path: 'case.yaml', text: lines.join('\n') + '\n' };
}

describe('contradictory facts are a data error, never an answer', () => {
  it('a case listing 没有造成危害后果 and 造成严重危害后果 gets a diagnostic at each, naming the other, and no recommendation', () => {
    const r = evaluateInCatalog(
      bundled,
      yamlCase([
        'id: food-1',
        'item: SPAQF-124-1-5',
        'party: { kind: organization }',
        'dates: { act: 2025-06-03, discovered: 2025-06-10, decision: 2025-07-08 }',
        'facts: { goodsValue: 3000, businessStage: sale, sourceExplained: true, foodborneIllness: false }',
        'circumstances: [minorViolation, correctedInTime, harmNone, harmSerious]',
      ]),
    );
    const found = r.diagnostics.filter((d) => d.code === 'CASE_FACTS_CONTRADICT');
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['6:17', '6:50', '6:60', '6:60']);
    expect(found[1]!.message).toContain('harmNone contradicts harmSerious (6:60)');
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    const d = r.disposition!;
    expect(d.outcome).toBe('undetermined');
    expect(d.mandatory).toBe(false);
    expect(d.basis).toBeUndefined();
    expect(d.penalties).toEqual([]);
    expect(d.undetermined?.map((u) => u.reason)).toEqual(['contradiction', 'contradiction']);
    expect(d.warnings.map((w) => w.code)).toContain('FACTS_CONTRADICT');
  });

  it('没有主观过错 beside 故意 is not a mandatory no penalty (Art. 33(2)) but a contradiction', () => {
    const d = evaluateInCatalog(bundled, { value: { ...food(), circumstances: ['noFaultProven', 'intentional'] } }).disposition!;
    expect(d.outcome).toBe('undetermined');
    expect(d.mandatory).toBe(false);
    expect(d.trace.find((t) => t.step === 'mandatory')).toBeUndefined();
  });

  it('a rule set declares its own exclusion between a circumstance and a fact: 食源性疾病 beside 没有造成危害后果, reported at the fact', () => {
    const r = evaluateInCatalog(
      bundled,
      yamlCase([
        'id: food-2',
        'item: SPAQF-124-1-5',
        'party: { kind: organization }',
        'dates: { act: 2025-06-03, discovered: 2025-06-10 }',
        'facts:',
        '  goodsValue: 300',
        '  foodborneIllness: true',
        'circumstances: [harmNone]',
      ]),
    );
    const found = r.diagnostics.filter((d) => d.code === 'CASE_FACTS_CONTRADICT');
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['7:21', '8:17']);
    expect(r.disposition?.outcome).toBe('undetermined');
    // Without the fact, or with it false, nothing contradicts.
    const ok = evaluateInCatalog(bundled, { value: food({ facts: { goodsValue: 300, foodborneIllness: false }, circumstances: ['harmNone'] }) });
    expect(ok.diagnostics.filter((d) => d.code === 'CASE_FACTS_CONTRADICT')).toEqual([]);
  });

  it('an exclusion naming an unknown circumstance, or two circumstances and a condition, is a load error at its position', () => {
    const files = readDir(join(DATA, 'mini'));
    const unknown = loadRuleSet(withFile(files, 'extra.yaml', 'exclusions:\n  - { of: [harmNone, harmBig], reason: 不能同时成立 }\n'));
    expect(unknown.ruleSet).toBeUndefined();
    expect(unknown.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['UNKNOWN_CIRCUMSTANCE 2:22']);
    const both = loadRuleSet(withFile(files, 'extra.yaml', 'exclusions:\n  - { of: [harmNone, harmMinor], when: { fact: harmSerious, operator: equal, value: true }, reason: x }\n'));
    expect(both.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['SCHEMA_VALUE 2:11']);
  });

  it('audit reports a decided case with contradictory facts as 事实矛盾 (FACTS_CONTRADICT), not as a deviation from the recommendation', () => {
    const r = evaluateInCatalog(bundled, { value: { ...food(), circumstances: ['minorViolation', 'correctedInTime', 'harmNone', 'harmSerious'] } });
    const flags = auditCase({ line: 1, disposition: r.disposition!, ruleSet: r.ruleSet!, case: r.case!, decision: toDecision({ outcome: 'penalty', fine: 80000 }) });
    expect(flags.map((f) => f.code)).toEqual(['FACTS_CONTRADICT']);
    expect(flags[0]!.severity).toBe('warning');
  });
});

describe('unknown is not "no": a step that needs a date the case lacks is undetermined', () => {
  const freight = (dates: Record<string, string>) => ({ id: 'road-1', item: 'DLYS-63-FREIGHT', party: { kind: 'organization' }, dates, facts: { illegalGains: 0 } });
  const fine = (ps: readonly { kind: string; target: string; recommended?: number; statutory?: { max: number } }[]) => ps.find((p) => p.kind === 'fine' && p.target === 'party');

  it('without a discovery date the time bar (Art. 36) can go either way: undetermined, and the result in time and after the period are both shown', () => {
    const d = evaluateInCatalog(bundled, { value: food({ dates: { act: '2025-06-03' } }) }).disposition!;
    expect(d.outcome).toBe('undetermined');
    expect(d.undetermined).toEqual([expect.objectContaining({ reason: 'missing-date', step: 'limitation', needs: ['dates.discovered'] })]);
    expect(d.penalties).toEqual([]);
    expect(d.procedure).toEqual({ simple: false, hearing: false, legalReview: false, collective: false });
    const [inTime, barred] = d.readings!;
    expect(inTime!.if).toContain('2027-06-03');
    expect(inTime!.outcome).toBe('penalty');
    expect(fine(inTime!.penalties)?.recommended).toBe(7_500_000);
    expect(barred).toMatchObject({ outcome: 'none', basis: 'time-barred', mandatory: true, penalties: [] });
  });

  it('a decision date within the period bounds the discovery (a violation is discovered before it is decided on): the time bar is decided', () => {
    const d = evaluateInCatalog(bundled, { value: food({ dates: { act: '2025-06-03', decision: '2025-08-01' } }) }).disposition!;
    expect(d.outcome).toBe('penalty');
    expect(d.trace.find((t) => t.step === 'limitation')?.status).toBe('not-applied');
    // The caller's asOf bounds it the same way; a day after the period it does not.
    expect(evaluateInCatalog(bundled, { value: food({ dates: { act: '2025-06-03' } }) }, { asOf: '2027-06-03' }).disposition!.outcome).toBe('penalty');
    expect(evaluateInCatalog(bundled, { value: food({ dates: { act: '2025-06-03' } }) }, { asOf: '2027-06-04' }).disposition!.outcome).toBe('undetermined');
  });

  it('an act under the 2022 道路运输条例 without a decision date gets no 65,000-yuan recommendation: a decision from 2023-07-20 on must apply the lighter 2023 text (max 10,000)', () => {
    const d = evaluateInCatalog(bundled, { value: freight({ act: '2023-07-10', discovered: '2023-07-12' }) }).disposition!;
    expect(d.outcome).toBe('undetermined');
    expect(d.undetermined?.map((u) => [u.reason, u.step, u.needs])).toEqual([['missing-date', 'version', ['dates.decision']]]);
    expect(d.missingFacts).toEqual(['dates.decision']);
    expect(d.readings!.map((r) => [r.version, r.outcome, fine(r.penalties)?.recommended, fine(r.penalties)?.statutory?.max])).toEqual([
      ['2022.1', 'penalty', 6_500_000, 10_000_000],
      ['2023.1', 'penalty', 650_000, 1_000_000],
    ]);
    expect(d.citations.map((c) => c.text)).toContain('《中华人民共和国行政处罚法》第三十七条');
  });

  it('the caller’s asOf stands for the decision date (the core never reads the clock)', () => {
    // Evaluated on 2023-07-15 with no decision yet: the decision is on that day or later, and one
    // from 2023-07-20 on falls under the lighter 2023 text, so the result depends on the decision date.
    const before = evaluateInCatalog(bundled, { value: freight({ act: '2023-07-10', discovered: '2023-07-12' }) }, { asOf: '2023-07-15' }).disposition!;
    expect(before.outcome).toBe('undetermined');
    expect(before.ruleSet.version).toBe('2022.1');
    expect(before.undetermined?.map((u) => [u.reason, u.needs])).toEqual([['missing-date', ['dates.decision']]]);
    expect(before.readings?.map((r) => [r.version, r.outcome])).toEqual([['2022.1', 'penalty'], ['2023.1', 'penalty']]);
    expect(before.warnings.find((w) => w.code === 'DECISION_DATE_MISSING')?.message).toContain('评估基准日 2023-07-15');
    // Given a decision date, asOf plays no part.
    const decided = evaluateInCatalog(bundled, { value: freight({ act: '2023-07-10', discovered: '2023-07-12', decision: '2023-07-15' }) }, { asOf: '2023-07-15' }).disposition!;
    expect([decided.outcome, decided.ruleSet.version, decided.timeRule]).toEqual(['penalty', '2022.1', undefined]);
    const after = evaluateInCatalog(bundled, { value: freight({ act: '2023-07-10', discovered: '2023-07-12' }) }, { asOf: '2023-08-15' }).disposition!;
    expect(after.timeRule?.applied).toBe('decision');
    expect(after.ruleSet.version).toBe('2023.1');
  });
});

describe('行政处罚法第三十六条第二款：违法行为有连续或者继续状态的，从行为终了之日起计算', () => {
  it('an act still going on (actEnd: ongoing) is not time-barred however long ago it began: the period has not started to run', () => {
    const r = evaluateInCatalog(bundled, { value: food({ dates: { act: '2025-02-10', actEnd: 'ongoing', discovered: '2025-06-10' } }) });
    expect(r.case?.dates).toEqual({ act: '2025-02-10', ongoing: true, discovered: '2025-06-10' });
    const d = r.disposition!;
    expect(d.outcome).toBe('penalty');
    expect(d.trace.find((t) => t.step === 'limitation')).toMatchObject({ status: 'not-applied' });
    expect(d.trace.find((t) => t.step === 'limitation')?.message).toContain('尚未开始计算');
  });

  it('actEnd: null is a single act, counted from the act date (not an act that ended long ago, nor one going on)', () => {
    const d = evaluateInCatalog(bundled, { value: { ...food({ dates: { act: '2025-02-10', actEnd: null, discovered: '2025-06-10' } }) } }).disposition!;
    expect(d.outcome).toBe('penalty');
    expect(d.trace.find((t) => t.step === 'limitation')?.message).toContain('自违法行为发生之日 2025-02-10 起计算');
  });

  it('a continuing act that goes on past a new text is judged under the text in force while it goes on, not compared under Art. 37', () => {
    const d = evaluateInCatalog(bundled, { value: { id: 'r', item: 'DLYS-63-FREIGHT', party: { kind: 'organization' }, dates: { act: '2023-05-01', actEnd: 'ongoing', discovered: '2023-08-10', decision: '2023-08-20' }, facts: { illegalGains: 0 } } }).disposition!;
    expect(d.ruleSet.version).toBe('2023.1');
    expect(d.timeRule).toBeUndefined();
  });

  it('actEnd takes a date, ongoing or null; anything else is a schema error at its position', () => {
    const r = evaluateInCatalog(bundled, yamlCase(['id: x', 'item: SPAQF-124-1-5', 'party: { kind: organization }', 'dates: { act: 2025-02-10, actEnd: continuing }']));
    expect(r.disposition).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['INVALID_DATE 4:35']);
  });
});

describe('行政处罚法第三十条 turns on the age on the act date, computed from the birth date', () => {
  const person = (party: Record<string, unknown>, act = '2025-08-02') => ({
    id: 'p-1', ruleSet: 'cn-air', item: 'DQ-118-3', party: { kind: 'person', ...party }, dates: { act, discovered: act }, facts: { illegalGains: 0 },
  });

  it.each([
    ['2011-08-02', 13, 'none'],      // the 14th birthday itself: still under 14
    ['2011-08-01', 14, 'penalty'],   // the day after the birthday: 14
    ['2011-08-03', 13, 'none'],
    ['2007-08-02', 17, 'penalty'],   // the 18th birthday: still a minor
    ['2007-08-01', 18, 'penalty'],
  ])('born %s, act on 2025-08-02: %i full years (an age is reached on the day after the birthday)', (birthDate, age, outcome) => {
    const r = evaluateInCatalog(bundled, { value: person({ birthDate }) });
    expect(r.case?.party.age).toBe(age);
    expect(r.disposition?.outcome).toBe(outcome);
  });

  it('born on 29 February: in a common year the age is reached on 1 March', () => {
    expect(evaluateInCatalog(bundled, { value: person({ birthDate: '2008-02-29' }, '2022-02-28') }).case?.party.age).toBe(13);
    expect(evaluateInCatalog(bundled, { value: person({ birthDate: '2008-02-29' }, '2022-03-01') }).case?.party.age).toBe(14);
  });

  it('an age and a birth date that disagree are an error at the age, naming the birth date; agreeing ones are accepted', () => {
    const r = evaluateInCatalog(bundled, yamlCase(['id: p', 'ruleSet: cn-air', 'item: DQ-118-3', 'party: { kind: person, age: 14, birthDate: 2011-08-02 }', 'dates: { act: 2025-08-02, discovered: 2025-08-02 }']));
    expect(r.disposition).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['CASE_AGE_MISMATCH 4:29']);
    expect(r.diagnostics[0]!.message).toContain('2011-08-02 (4:44)');
    expect(evaluateInCatalog(bundled, { value: person({ age: 13, birthDate: '2011-08-02' }) }).disposition?.basis).toBe('under-14');
  });

  it('a birth date after the act is a date-order error', () => {
    const r = evaluateInCatalog(bundled, { value: person({ birthDate: '2025-09-01' }) });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CASE_DATE_ORDER']);
  });
});

describe('行政处罚法第三十七条：适用新的规定时，引用新的规定，不提示其“行为时尚未施行”', () => {
  it('an act on 2023-07-19 decided on 2023-08-15 applies the 2023 道路运输条例 text with its own citations and without LAW_NOT_IN_FORCE', () => {
    const d = evaluateInCatalog(bundled, { value: { id: 'r', item: 'DLYS-63-FREIGHT', party: { kind: 'organization' }, dates: { act: '2023-07-19', discovered: '2023-07-25', decision: '2023-08-15' }, facts: { illegalGains: 0 } } }).disposition!;
    expect(d.timeRule?.applied).toBe('decision');
    expect(d.warnings.map((w) => w.code)).not.toContain('LAW_NOT_IN_FORCE');
    expect(d.citations.map((c) => c.text)).toContain('《中华人民共和国道路运输条例》第六十三条第（一）项');
  });
});

describe('cailiang evaluate --as-of', () => {
  it('takes the day of evaluation as the decision date of a case without one, and refuses a bad date with exit 2', async () => {
    const { cli } = await import('../../src/cli/cli.js');
    const { bufferIO } = await import('../helpers.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'cailiang-asof-'));
    const file = join(dir, 'case.yaml');
    writeFileSync(file, 'id: r\nitem: DLYS-63-FREIGHT\nparty: { kind: organization }\ndates: { act: 2023-07-10, discovered: 2023-07-12 }\nfacts: { illegalGains: 0 }\n');
    const open = bufferIO();
    expect(await cli(['evaluate', file, '--format', 'json'], open)).toBe(0);
    expect(JSON.parse(open.out).outcome).toBe('undetermined');
    const after = bufferIO();
    expect(await cli(['evaluate', file, '--format', 'json', '--as-of', '2023-08-15'], after)).toBe(0);
    expect(JSON.parse(after.out).timeRule.applied).toBe('decision');
    const bad = bufferIO();
    expect(await cli(['evaluate', file, '--as-of', '2023-13-01'], bad)).toBe(2);
  });

  it('exits with 1 on a case whose facts contradict each other, and still prints the report', async () => {
    const { cli } = await import('../../src/cli/cli.js');
    const { bufferIO } = await import('../helpers.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'cailiang-contra-'));
    const file = join(dir, 'case.yaml');
    writeFileSync(file, 'id: c\nitem: SPAQF-124-1-5\nparty: { kind: organization }\ndates: { act: 2025-06-03, discovered: 2025-06-10 }\nfacts: { goodsValue: 3000 }\ncircumstances: [harmNone, harmSerious]\n');
    const io = bufferIO();
    expect(await cli(['evaluate', file], io)).toBe(1);
    expect(io.err).toContain('CASE_FACTS_CONTRADICT');
    expect(io.out).toContain('事实矛盾');
  });
});

describe('行政处罚法第三十条 needs the age: a person of unknown age is not taken to be an adult', () => {
  const barbecue = (party: Record<string, unknown>, circumstances: string[] = []) => ({
    id: 'p-2', ruleSet: 'cn-air', item: 'DQ-118-3', party, dates: { act: '2025-08-02', discovered: '2025-08-02' }, facts: { illegalGains: 120 }, circumstances,
  });

  it('no age and no birth date: undetermined, with the result under 14, at 14–17 and as an adult', () => {
    const d = evaluateInCatalog(bundled, { value: barbecue({ kind: 'person' }) }).disposition!;
    expect(d.outcome).toBe('undetermined');
    expect(d.undetermined?.[0]).toMatchObject({ reason: 'missing-facts', step: 'mandatory', needs: ['party.birthDate'] });
    expect(d.readings?.map((r) => [r.outcome, r.basis ?? r.grade, r.mandatory])).toEqual([
      ['none', 'under-14', true],
      ['penalty', 'lighter', true],
      ['penalty', 'general', false],
    ]);
    expect(d.missingFacts).toEqual(['party.birthDate']);
  });

  it('when every age gives 应当不予处罚 (no fault proven, Art. 33(2)) the outcome is decided without the age', () => {
    const d = evaluateInCatalog(bundled, { value: barbecue({ kind: 'person' }, ['noFaultProven']) }).disposition!;
    expect(d).toMatchObject({ outcome: 'none', basis: 'no-fault', mandatory: true });
    expect(d.undetermined).toBeUndefined();
  });

  it('an organisation has no age to ask for', () => {
    expect(evaluateInCatalog(bundled, { value: barbecue({ kind: 'organization' }) }).disposition!.outcome).toBe('penalty');
  });
});
