import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, runCli as run } from '../helpers.js';

// cailiang statute show / import / coverage on an excerpt of 食品安全法 (2021-04-29) kept in test/data.
const LAW = join(DATA, 'statute/laws/食品安全法(2021-04-29).md');


describe('cailiang statute', () => {
  it('show prints Art. 124(1) with its nine violations, the 货值 branches and 情节严重', async () => {
    const r = await run('statute', 'show', LAW, '--article', '124');
    expect(r.code).toBe(0);
    expect(r.out).toContain('第一百二十四条第一款 read');
    expect(r.out).toContain('货值金额<10000: fine 50000-100000');
    expect(r.out).toContain('货值金额>=10000: fine 货值金额×10-20');
    expect(r.out).toContain('serious: revokeLicence');
    expect(r.out).toContain('（九）食品生产经营者在食品安全监督管理部门责令其召回或者停止经营后');
  });

  it('show --format json gives the provisions with their positions', async () => {
    const r = await run('statute', 'show', LAW, '--article', '126', '--format', 'json');
    const j = JSON.parse(r.out) as { provisions: { ref: { article: number }; at: { line: number }; violations: unknown[] }[] };
    expect(j.provisions[0]!.ref.article).toBe(126);
    expect(j.provisions[0]!.violations).toHaveLength(13);
    expect(readFileSync(LAW, 'utf8').split('\n')[j.provisions[0]!.at.line - 1]).toMatch(/^第一百二十六条/);
  });

  it('import writes a statutory layer that verifies clean, and the same text twice gives the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cailiang-statute-'));
    const out = join(dir, 'spaqf');
    const args = ['statute', 'import', LAW, '--id', 'cn-law-spaqf', '--law-key', 'spaqf', '--prefix', 'SPAQF', '--out', out];
    expect((await run(...args)).code).toBe(0);
    const first = readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f), 'utf8')]);
    expect(first.map(([f]) => f)).toEqual(['REVIEW.md', 'index.yaml', 'items.yaml']);
    expect((await run(...args)).code).toBe(0);
    expect(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f), 'utf8')])).toEqual(first);
    const v = await run('verify', out, '--strict');
    expect(v.code, v.out).toBe(0);
    const items = readFileSync(join(out, 'items.yaml'), 'utf8');
    // One item per violation: Art. 124(1) has nine.
    for (let i = 1; i <= 9; i++) expect(items).toContain(`- code: SPAQF-124-1-${i} `);
    expect(items).toContain('penalizedBy: [{ law: spaqf, article: 124, paragraph: 1, item: 5 }]');
  });

  it('import refuses a folder holding files it did not write, and changes nothing there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cailiang-statute-'));
    writeFileSync(join(dir, 'mine.yaml'), 'keep: me\n');
    const r = await run('statute', 'import', LAW, '--id', 'x', '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('mine.yaml');
    expect(readdirSync(dir)).toEqual(['mine.yaml']);
  });

  it('import without --id is a usage error', async () => {
    expect((await run('statute', 'import', LAW, '--out', '/tmp/x')).code).toBe(2);
  });

  it('coverage counts the penalty paragraphs and the share read fully, with reasons', async () => {
    const r = await run('statute', 'coverage', join(DATA, 'statute/laws'), '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { paragraphs: number; read: number; byLaw: { review: { citation: string; reasons: string[] }[] }[] };
    // Arts. 122–126 of the excerpt: 122(1)(2), 123(1)(2)(3), 124(1)(2)(3), 125(1)(2), 126(1)–(4).
    expect(j.paragraphs).toBe(14);
    // 123(3) (可以由公安机关依照第一款规定给予拘留) is the one that needs review.
    expect(j.byLaw[0]!.review.map((x) => x.citation)).toEqual(['第一百二十三条第三款']);
    expect(j.read).toBe(13);
  });

  it('a file that cannot be read is exit 2 with one line, no stack trace', async () => {
    const r = await run('statute', 'show', join(DATA, 'statute/no-such-law.md'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cailiang statute: cannot read .*ENOENT/);
  });
});
