import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

// The bundled samples under fixtures/samples run against the bundled rules: the
// batch shows every outcome and its bad lines, the decided cases show each kind
// of audit flag the bundled rule sets allow (none of them asks for 法制审核 or
// 集体讨论 in its policy; test/report/data covers those).

async function run(...argv: string[]) {
  const io = bufferIO();
  const code = await cli(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('bundled samples', () => {
  it('fixtures/samples/batch.ndjson: 200+ cases, every outcome, the invalid lines listed', async () => {
    const r = await run('batch', 'fixtures/samples/batch.ndjson', '--rules', 'rules', '--format', 'json');
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out);
    expect(s.cases).toBeGreaterThanOrEqual(200);
    expect(s.outcomes.none).toBeGreaterThan(0);
    expect(s.outcomes.penalty).toBeGreaterThan(0);
    expect(s.outcomes.undetermined).toBeGreaterThan(0);
    // Line 145 (an act in 2019, before every version of cn-road-transport) is judged on the statute alone.
    expect(s.problems.list.map((p: { line: number }) => p.line)).toEqual([18, 59, 102, 171, 200]);
    expect(s.exemptions.withAmount.fineTotal).toBeGreaterThan(0);
    expect(s.channels.map((g: { ruleSet: string }) => g.ruleSet)).toEqual(['cn-road-transport', 'cn-samr-food']);
  });

  it('fixtures/samples/decided.ndjson: each kind of flag', async () => {
    const r = await run('audit', 'fixtures/samples/decided.ndjson', '--rules', 'rules', '--format', 'json');
    expect(r.code).toBe(1);
    const a = JSON.parse(r.out);
    const codes = new Set(a.flags.map((f: { code: string }) => f.code));
    for (const code of [
      'FINE_OUTSIDE_TIER',
      'FINE_ABOVE_STATUTORY_MAX',
      'FINE_BELOW_STATUTORY_MIN',
      'MANDATORY_EXEMPTION_IGNORED',
      'DISCRETIONARY_EXEMPTION_NOT_CONSIDERED',
      'HEARING_NOT_NOTIFIED',
      'KIND_NOT_PROVIDED',
      'PENALTY_NOT_IMPOSED',
      'NOT_AUDITABLE',
    ])
      expect(codes).toContain(code);
    expect(a.spreads.some((s: { flagged: boolean }) => s.flagged)).toBe(true);
    expect(a.problems.map((p: { line: number }) => p.line)).toEqual([17, 18]);
  });
});
