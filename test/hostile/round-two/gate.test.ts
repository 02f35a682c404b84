import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCli, removeDir, tempDir, type Problem } from '../harness.js';
import { at, FOOD, INDEX } from './table.js';

// One validation gate (class 7): the errors verify reports for a tier above
// the statutory maximum and for an `extends` cycle stop evaluate, batch and
// audit too, with the same diagnostic at the same place (exit 1), also when
// the rule set sits in a tree with others and the case names it; a rule set
// that records the finding under ignore: passes both alike.

const dir = tempDir('cailiang-gate-');
afterAll(() => removeDir(dir));

function ruleSet(path: string, index: string, food: string): string {
  const d = join(dir, path);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'index.yaml'), index);
  writeFileSync(join(d, 'food.yaml'), food);
  return d;
}

/** The heavy tier of the small branch (statute: 50,000–100,000 yuan) reaching 150,000 yuan. */
const HEAVY = '{ id: heavy, grade: heavier, branch: small, share: [0.7, 1] }';
const OVER = FOOD.replace(HEAVY, '{ id: heavy, grade: heavier, branch: small, amount: [70000, 150000] }');
const CASE_LINES = (ruleSet: string) =>
  `id: gate-1\nruleSet: ${ruleSet}\nitem: T-1\nparty: { kind: organization }\ndates: { act: 2025-03-01, discovered: 2025-03-10, decision: 2025-04-01 }\nfacts: { goodsValue: 3000 }\n`;

interface Setup {
  readonly name: string;
  /** The tree given to --rules, and the folder verify is run on. */
  readonly rules: string;
  readonly caseFor: string;
  /** The file and the text at which the diagnostic must point. */
  readonly file: string;
  readonly text: string;
  readonly marker: string;
  readonly code: 'TIER_OUTSIDE_STATUTORY' | 'PARENT_CYCLE';
}

const tierTree = join(dir, 'tier-tree');
ruleSet('tier-tree/ok', INDEX, FOOD);
const overDir = ruleSet('tier-tree/over', INDEX.replace('id: test-mini', 'id: test-over'), OVER);
const cycleTree = join(dir, 'cycle-tree');
const A = INDEX.replace('id: test-mini', 'id: cycle-a\nextends: cycle-b');
const B = INDEX.replace('id: test-mini', 'id: cycle-b\nextends: cycle-a');
const aDir = ruleSet('cycle-tree/a', A, FOOD);
ruleSet('cycle-tree/b', B, FOOD);
ruleSet('cycle-tree/mini', INDEX, FOOD);

const SETUPS: Setup[] = [
  { name: 'a tier above the statutory maximum', rules: tierTree, caseFor: 'test-over', file: join(overDir, 'food.yaml'), text: OVER, marker: '{ id: heavy', code: 'TIER_OUTSIDE_STATUTORY' },
  { name: 'an extends cycle', rules: cycleTree, caseFor: 'cycle-a', file: join(aDir, 'index.yaml'), text: A, marker: 'cycle-b', code: 'PARENT_CYCLE' },
];

/** The diagnostic line of `code` at the marker's position, as the text format prints it. */
function lineOf(s: Setup): RegExp {
  const p = at(s.text, s.marker);
  return new RegExp(`${s.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${p.line}:${p.column}\\s+error\\s+${s.code}\\b`);
}

describe.each(SETUPS)('$name: verify reports it, evaluate, batch and audit refuse the rule set with the same diagnostic', (s) => {
  const caseFile = join(dir, `${s.caseFor}.yaml`);
  writeFileSync(caseFile, CASE_LINES(s.caseFor));
  const listFile = join(dir, `${s.caseFor}-list.yaml`);
  writeFileSync(listFile, '- ' + CASE_LINES(s.caseFor).trimEnd().split('\n').join('\n  ') + '\n');
  const ndjson = join(dir, `${s.caseFor}.ndjson`);
  writeFileSync(ndjson, JSON.stringify({ id: 'gate-1', ruleSet: s.caseFor, item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01', discovered: '2025-03-10', decision: '2025-04-01' }, facts: { goodsValue: 3000 } }) + '\n');
  const decided = join(dir, `${s.caseFor}-decided.yaml`);
  writeFileSync(decided, '- ' + (CASE_LINES(s.caseFor) + 'decision: { outcome: penalty, fine: 60000 }\n').trimEnd().split('\n').join('\n  ') + '\n');

  it('verify: exit 1, the error at the tier / the extends: key', async () => {
    const problems: Problem[] = [];
    const r = await checkCli(['verify', s.rules, '--as-of', '2025-06-01'], problems, [1]);
    expect(problems).toEqual([]);
    expect(r.out).toMatch(lineOf(s));
  });

  it.each([
    ['evaluate', () => ['evaluate', caseFile, '--rules', s.rules]],
    ['evaluate --format json', () => ['evaluate', caseFile, '--rules', s.rules, '--format', 'json']],
    ['batch (YAML list)', () => ['batch', listFile, '--rules', s.rules, '--format', 'json']],
    ['batch (NDJSON)', () => ['batch', ndjson, '--rules', s.rules, '--format', 'json']],
    ['audit', () => ['audit', decided, '--rules', s.rules, '--format', 'json']],
  ])('%s: exit 1, the same diagnostic on stderr, nothing on stdout', async (_, argv) => {
    const problems: Problem[] = [];
    const r = await checkCli(argv(), problems, [1]);
    expect(problems).toEqual([]);
    expect(r.err).toMatch(lineOf(s));
    expect(r.out).toBe('');
  });
});

describe('the gate is verify’s, with its exceptions', () => {
  it('a rule set that records the tier under ignore: (with a reason) is evaluated, as verify passes it', async () => {
    const index = INDEX.replace('id: test-mini', 'id: test-ignored') + 'ignore:\n  - { code: TIER_OUTSIDE_STATUTORY, item: T-1, reason: 经上级批准的例外（测试） }\n';
    const rules = ruleSet('ignored', index, OVER);
    const caseFile = join(dir, 'ignored-case.yaml');
    writeFileSync(caseFile, CASE_LINES('test-ignored'));
    const problems: Problem[] = [];
    const v = await checkCli(['verify', rules, '--as-of', '2025-06-01'], problems, [0, 1]);
    expect(v.out).not.toMatch(/error\s+TIER_OUTSIDE_STATUTORY/);
    const e = await checkCli(['evaluate', caseFile, '--rules', rules, '--format', 'json'], problems, [0]);
    expect(problems).toEqual([]);
    expect(JSON.parse(e.out).ruleSet.id).toBe('test-ignored');
  });

  it('in a tree with a cycle, a case naming a sound rule set is evaluated (only what it needs is loaded); a case any of the three could judge is refused', async () => {
    const caseFile = join(dir, 'mini-case.yaml');
    writeFileSync(caseFile, CASE_LINES('test-mini'));
    const problems: Problem[] = [];
    // test-mini holds T-1 as cycle-a and cycle-b do, but is not related to them: named, it is evaluated.
    const e = await checkCli(['evaluate', caseFile, '--rules', cycleTree, '--format', 'json'], problems, [0]);
    expect(problems).toEqual([]);
    expect(JSON.parse(e.out).ruleSet.id).toBe('test-mini');
    // Unnamed, the case could be judged under any of the three: the whole tree is loaded, and the cycle refuses it.
    const unnamed = join(dir, 'unnamed-case.yaml');
    writeFileSync(unnamed, CASE_LINES('x').replace('ruleSet: x\n', ''));
    const u = await checkCli(['evaluate', unnamed, '--rules', cycleTree], problems, [1]);
    expect(problems).toEqual([]);
    expect(u.err).toMatch(lineOf(SETUPS[1]!));
  });
});
