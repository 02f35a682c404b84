import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import type { RuleSet } from '../../src/load/model.js';
import { loadRuleSetDir } from '../../src/node/index.js';
import { VERSION } from '../../src/version.js';
import { bufferIO } from '../helpers.js';

// Golden files for every renderer (case report md / json / html, batch, audit,
// compare), made from the test rule sets and cases in test/report/data. They are
// reviewed like code. After an intended change, regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/report
// and read the diff. The rule-set hashes and the cailiang version are masked, so a
// change to the hashing or a release does not touch them; everything else is
// byte-for-byte. This file runs twice: in UTC and at UTC+14 (*.tz.test.ts).

const GOLDEN = fileURLToPath(new URL('../golden', import.meta.url));
const DATA = 'test/report/data';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let ruleSets: RuleSet[] = [];
beforeAll(async () => {
  ruleSets = [];
  for (const d of ['region-a', 'region-b']) ruleSets.push((await loadRuleSetDir(join(DATA, d))).ruleSet!);
});

function mask(s: string): string {
  let out = s;
  for (const rs of ruleSets) for (const h of [rs.hash, rs.hash.slice(0, 16), rs.hash.slice(0, 12)]) out = out.split(h).join(`<hash:${rs.id}>`);
  return out.split(`cailiang ${VERSION}`).join('cailiang <version>');
}

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  const text = mask(actual);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

async function run(...argv: string[]) {
  const io = bufferIO();
  const code = await cli(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('case report', () => {
  for (const [format, ext] of [['md', 'md'], ['json', 'json'], ['html', 'html']] as const) {
    it(`${format} matches its golden file`, async () => {
      const r = await run('evaluate', `${DATA}/case.yaml`, '--rules', DATA, '--format', format);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      golden(`case-report.${ext}`, r.out);
    });
  }

  it('html: several cases in one self-contained page', async () => {
    const r = await run('evaluate', `${DATA}/case.yaml`, `${DATA}/case-exempt.yaml`, '--rules', DATA, '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.out.match(/<!DOCTYPE html>/g)).toHaveLength(1);
    expect(r.out.match(/<article class="case">/g)).toHaveLength(2);
    golden('case-reports.html', r.out);
  });

  it('html escapes every user string and loads nothing from outside', async () => {
    const { out } = await run('evaluate', `${DATA}/case.yaml`, '--rules', DATA, '--format', 'html');
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<b>/);
    expect(out).toContain('T-&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;b&gt;甲 &amp; 乙&lt;/b&gt; &quot;公司&quot;');
    expect(out).toContain('甲市 &lt;测试&gt; 生态环境行政处罚裁量基准 &amp; 清单');
    expect(out).not.toMatch(/<link|@import|url\(|src=/i);
    expect(out).toContain('@media print');
    expect(out).toContain('size: A4');
  });

  it('md and html show the same sections, in the same order', async () => {
    const md = (await run('evaluate', `${DATA}/case-exempt.yaml`, '--rules', DATA)).out;
    const html = (await run('evaluate', `${DATA}/case-exempt.yaml`, '--rules', DATA, '--format', 'html')).out;
    const mdSections = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const htmlSections = [...html.matchAll(/<h2>(.+?)<\/h2>/g)].map((m) => m[1]);
    expect(htmlSections).toEqual(mdSections);
    expect(mdSections.slice(0, 5)).toEqual(['案件事实', '适用的裁量事项与阶次', '裁量结论', '法律依据', '推理过程']);
    expect(html).toContain('供执法人员裁量参考');
    expect(html).toContain('<strong>1.18万元</strong>');
  });
});

describe('batch', () => {
  for (const format of ['md', 'json', 'html'] as const) {
    it(`${format} matches its golden file; bad lines are reported and the batch goes on`, async () => {
      const r = await run('batch', `${DATA}/cases.ndjson`, '--rules', DATA, '--format', format);
      expect(r.code).toBe(1);
      golden(`batch.${format}`, r.out);
    });
  }

  it('same input, same bytes', async () => {
    const a = await run('batch', `${DATA}/cases.ndjson`, '--rules', DATA, '--format', 'html');
    const b = await run('batch', `${DATA}/cases.ndjson`, '--rules', DATA, '--format', 'html');
    expect(a.out).toBe(b.out);
  });

  it('counts, 721 shares per rule set, exemption totals and problem lines', async () => {
    const s = JSON.parse((await run('batch', `${DATA}/cases.ndjson`, '--rules', DATA, '--format', 'json')).out);
    expect(s.cases).toBe(16);
    expect(s.outcomes).toEqual({ none: 4, penalty: 8, undetermined: 1 });
    expect(s.problems.list.map((p: { line: number }) => p.line)).toEqual([13, 14, 17]);
    expect(s.problems.list[2].diagnostics[0]).toMatchObject({ code: 'FACT_TYPE_MISMATCH', line: 17 });
    expect(s.channels.map((g: { ruleSet: string }) => g.ruleSet)).toEqual(['test-region-a', 'test-region-b']);
    expect(s.channels[0].shares[0].text).toBe('服务类占比 25.0%，低于目标 60% 共 35.0 个百分点');
    expect(s.channels[1].shares[2].text).toBe('执法类占比 50.0%，高于目标 10% 共 40.0 个百分点');
    // T-07 (5,000–50,000, 从轻 for a 16-year-old) and T-09 would otherwise have been fined.
    expect(s.exemptions).toEqual({ cases: 4, mandatory: 2, discretionary: 2, withAmount: { cases: 2, fineTotal: 27_750_000 }, withoutAmount: 2 });
  });

  it('html draws the 721 shares and the outcomes by item as inline SVG', async () => {
    const { out } = await run('batch', `${DATA}/cases.ndjson`, '--rules', DATA, '--format', 'html');
    expect(out.match(/<svg /g)).toHaveLength(3);
    expect(out).toContain('stroke-dasharray');
    expect(out).not.toMatch(/<script/i);
  });
});

describe('audit', () => {
  for (const [format, ext] of [['text', 'txt'], ['md', 'md'], ['json', 'json']] as const) {
    it(`${format} matches its golden file`, async () => {
      const r = await run('audit', `${DATA}/decided.yaml`, '--rules', DATA, '--format', format);
      expect(r.code).toBe(1);
      golden(`audit.${ext}`, r.out);
    });
  }

  it('flags each kind of departure, each with the rule it rests on', async () => {
    const r = JSON.parse((await run('audit', `${DATA}/decided.yaml`, '--rules', DATA, '--format', 'json')).out);
    const codes = new Set(r.flags.map((f: { code: string }) => f.code));
    for (const code of [
      'LEGAL_REVIEW_MISSING',
      'COLLECTIVE_DECISION_MISSING',
      'FINE_BELOW_STATUTORY_MIN',
      'FINE_ABOVE_STATUTORY_MAX',
      'FINE_OUTSIDE_TIER',
      'HEARING_NOT_NOTIFIED',
      'KIND_NOT_PROVIDED',
      'MANDATORY_EXEMPTION_IGNORED',
      'DISCRETIONARY_EXEMPTION_NOT_CONSIDERED',
      'PENALTY_NOT_IMPOSED',
      'NOT_AUDITABLE',
    ])
      expect(codes).toContain(code);
    for (const f of r.flags) if (f.severity !== 'info') expect(f.cites.length).toBeGreaterThan(0);
    expect(r.flags.find((f: { code: string }) => f.code === 'LEGAL_REVIEW_MISSING').cites).toEqual(['《中华人民共和国行政处罚法》第五十八条第一款']);
    expect(r.flags.find((f: { code: string }) => f.code === 'FINE_ABOVE_STATUTORY_MAX').cites).toContain('《中华人民共和国行政处罚法》第七十六条');
    // D-01 is within its tier, notified and reviewed where needed: no flag.
    expect(r.flags.filter((f: { caseId: string }) => f.caseId === 'D-01')).toEqual([]);
    const spread = r.spreads.find((s: { flagged: boolean }) => s.flagged);
    expect(spread).toMatchObject({ item: 'A-99-2', tier: 'low', min: 9_000_000, max: 28_000_000, ratio: 3.11 });
    expect(r.problems[0].diagnostics[0]).toMatchObject({ code: 'MONEY_NEGATIVE', line: 55 });
  });

  it('--spread raises the 类案不同罚 threshold; exit 0 needs no error-level flag', async () => {
    const r = JSON.parse((await run('audit', `${DATA}/decided.yaml`, '--rules', DATA, '--format', 'json', '--spread', '4')).out);
    expect(r.spreads.some((s: { flagged: boolean }) => s.flagged)).toBe(false);
    expect((await run('audit', `${DATA}/decided.yaml`, '--spread', '0.5')).code).toBe(2);
  });
});

describe('compare', () => {
  for (const format of ['md', 'json'] as const) {
    it(`${format} matches its golden file`, async () => {
      const r = await run('compare', `${DATA}/region-a`, `${DATA}/region-b`, '--format', format);
      expect(r.code).toBe(0);
      golden(`compare.${format}`, r.out);
    });
  }

  it('matches items by provision across law keys, and finds the cases treated differently', async () => {
    const c = JSON.parse((await run('compare', `${DATA}/region-a`, `${DATA}/region-b`, '--format', 'json')).out);
    expect(c.pairs.map((p: { a: { code: string }; b: { code: string }; match: string }) => [p.a.code, p.b.code, p.match])).toEqual([
      ['A-99-2', 'B-DQ-99-2', 'exact'],
      ['A-99-3', 'B-DQ-99', 'article'],
    ]);
    expect(c.onlyA.map((i: { code: string }) => i.code)).toEqual(['A-108-1']);
    expect(c.onlyB.map((i: { code: string }) => i.code)).toEqual(['B-120']);
    // At the 0.1 boundary A's list exempts (应当), B has no such entry for the same facts.
    const at = c.samples.cases.find((s: { facts: string }) => s.facts.includes('超标倍数 0.1倍；次日完成整改 是'));
    expect(at.a.outcome).toBe('none');
    expect(at.b.outcome).toBe('penalty');
    expect(at.verdict).toBe('different');
  });

  it('--cases carries given cases over to B', async () => {
    const r = await run('compare', `${DATA}/region-a`, `${DATA}/region-b`, '--cases', `${DATA}/cases.ndjson`, '--format', 'json');
    // cases.ndjson holds bad lines and region-b cases: they are reported, the rest compared.
    expect(r.code).toBe(1);
    const c = JSON.parse(r.out);
    expect(c.samples.source).toBe('cases');
    expect(c.samples.cases.map((s: { id: string }) => s.id)).toContain('T-01');
  });
});
