import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

async function run(...argv: string[]) {
  const io = bufferIO();
  const code = await cli(argv, io);
  return { code, out: io.out, err: io.err };
}

function caseFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cailiang-case-'));
  const p = join(dir, 'case.yaml');
  writeFileSync(p, text);
  return p;
}

const GOOD = `id: t-1
item: T-1
party: { kind: organization }
dates: { act: 2025-03-01, discovered: 2025-03-10 }
facts: { goodsValue: 4000 }
circumstances: [harmSerious]
`;

describe('cailiang evaluate', () => {
  it('prints a zh-CN Markdown report with every section', async () => {
    const r = await run('evaluate', caseFile(GOOD), '--rules', 'test/data/mini');
    expect(r.code).toBe(0);
    for (const h of ['## 案件事实', '## 适用的裁量事项与阶次', '## 裁量结论', '## 法律依据', '## 推理过程'])
      expect(r.out).toContain(h);
    expect(r.out).toContain('从重处罚');
    expect(r.out).toContain('供执法人员裁量参考');
  });

  it('prints canonical JSON with --format json, the same bytes twice', async () => {
    const path = caseFile(GOOD);
    const a = await run('evaluate', path, '--rules', 'test/data/mini', '--format', 'json');
    const b = await run('evaluate', path, '--rules', 'test/data/mini', '--format', 'json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const d = JSON.parse(a.out);
    expect(Object.keys(d).slice(0, 4)).toEqual(['reportVersion', 'generator', 'caseId', 'ruleSet']);
    expect(d.outcome).toBe('penalty');
    expect(d.grade).toBe('heavier');
    // 50,000–100,000 yuan, 从重 = upper 30%: 85,000–100,000, midpoint 92,500 yuan.
    expect(d.penalties.find((p: { kind: string }) => p.kind === 'fine').recommended).toBe(9_250_000);
  });

  it('exits 1 with positioned diagnostics for an invalid case', async () => {
    const r = await run('evaluate', caseFile(GOOD.replace('goodsValue: 4000', 'goodsValue: lots')), '--rules', 'test/data/mini');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/case\.yaml:5:22 {2}error {2}FACT_TYPE_MISMATCH/);
    expect(r.out).toBe('');
  });

  it('exits 1 for an unknown item and an unknown circumstance', async () => {
    const r = await run('evaluate', caseFile(GOOD.replace('item: T-1', 'item: T-9').replace('harmSerious', 'harmSevere')), '--rules', 'test/data/mini');
    expect(r.code).toBe(1);
  });

  it('exits 2 for a missing case file or no arguments', async () => {
    expect((await run('evaluate', '/nonexistent/case.yaml', '--rules', 'test/data/mini')).code).toBe(2);
    expect((await run('evaluate')).code).toBe(2);
  });
});

describe('cailiang evaluate on a fixture file', () => {
  it('evaluates the fixture’s case', async () => {
    const io = bufferIO();
    const code = await cli(['evaluate', 'fixtures/cn-samr-food/expired-food-value-500-first-offence.yaml', '--rules', 'rules/', '--format', 'json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ caseId: 'samr-food-001', outcome: 'none', basis: 'first-offence' });
  });
});
