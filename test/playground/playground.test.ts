import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { renderDispositionJson } from '../../src/report/disposition-json.js';
import { loadRuleSetDir } from '../../src/node/loadRuleSetDir.js';
import type { RuleSet } from '../../src/load/model.js';
import { caseFragment, caseYaml, readFragment, tidyCase, type FormCase } from '../../src/playground/case-link.js';
import { foldersFor, pickerEntries, searchEntries, type BundledSet } from '../../src/playground/catalog.js';
import { factValue, formModel } from '../../src/playground/form-model.js';
import { appBundleOptions } from '../../scripts/playground-bundle.mjs';

async function load(dir: string): Promise<RuleSet> {
  const r = await loadRuleSetDir(`rules/${dir}`);
  if (!r.ruleSet) throw new Error(`rules/${dir} did not load`);
  return r.ruleSet;
}

describe('the browser bundle', () => {
  it('builds for the browser from the pure library, with no node: module and nothing of src/node or src/cli', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cailiang-pg-bundle-'));
    try {
      // platform browser: a node: import would not resolve and the build would fail.
      await build({ ...appBundleOptions(out), metafile: true });
      const meta = JSON.parse(readFileSync(join(out, 'metafile-iife.json'), 'utf8')) as { inputs: Record<string, unknown> };
      const inputs = Object.keys(meta.inputs);
      expect(inputs).toContain('src/load/loadRuleSet.ts');
      expect(inputs).toContain('src/report/disposition-html.ts');
      expect(inputs.filter((p) => /^src\/(node|cli|serve)\//.test(p) || p.startsWith('node:'))).toEqual([]);
      const js = readFileSync(join(out, 'app.js'), 'utf8');
      expect(js).not.toMatch(/(?:require\(|from |import\()\s*["']node:/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('formModel', () => {
  it('asks for the facts and circumstances an item of a benchmark reads, with labels, units and enum values', async () => {
    const m = formModel([await load('cn-samr-food')], 'SPAQF-124-1-5')!;
    expect(m.item).toMatchObject({ code: 'SPAQF-124-1-5', field: '食品安全' });
    const goods = m.facts.find((f) => f.name === 'goodsValue')!;
    expect(goods).toMatchObject({ type: 'money', label: '货值金额', unit: '元', used: true, aggravating: true });
    const stage = m.facts.find((f) => f.name === 'businessStage')!;
    expect(stage.options).toEqual([
      { value: 'production', label: '食品生产' },
      { value: 'sale', label: '食品销售' },
      { value: 'catering', label: '餐饮服务' },
    ]);
    // The party's facts are asked as the party.
    expect(m.facts.map((f) => f.name)).not.toContain('partyKind');
    // Used ones first.
    const firstUnused = m.facts.findIndex((f) => !f.used);
    expect(m.facts.slice(firstUnused).every((f) => !f.used)).toBe(true);
    // The 首违不罚 entry for this item reads harmMinor and correctedInTime.
    const used = m.circumstances.filter((c) => c.used).map((c) => c.name);
    expect(used).toEqual(expect.arrayContaining(['correctedInTime', 'harmMinor']));
    expect(m.circumstances.find((c) => c.name === 'intentional')).toMatchObject({ label: '故意实施违法行为', effect: 'aggravating' });
  });

  it('gives a number fact its unit, and a statutory item the circumstances its clauses branch on', async () => {
    const jx = formModel([await load('cn-zj-jiaxing-urban')], 'JX-ZJSRHW-12-2')!;
    expect(jx.facts.find((f) => f.name === 'occupiedArea')).toMatchObject({ type: 'number', unit: 'm²', used: true });
    const dlys = formModel([await load('cn-law-dlys-2023'), await load('cn-law-dlys-2022')], 'DLYS-65-3')!;
    expect(dlys.circumstances.find((c) => c.name === 'refusedCorrection')).toMatchObject({ used: true });
    expect(formModel([await load('cn-zj-jiaxing-urban')], 'NO-SUCH-ITEM')).toBeUndefined();
  });

  it('reads field text into case values; unreadable numbers stay text for the loader to report', () => {
    expect(factValue({ type: 'money' }, ' 1,500.5 ')).toBe(1500.5);
    expect(factValue({ type: 'money' }, '')).toBeUndefined();
    expect(factValue({ type: 'count' }, '十')).toBe('十');
    expect(factValue({ type: 'boolean' }, 'false')).toBe(false);
    expect(factValue({ type: 'enum' }, 'sale')).toBe('sale');
  });
});

describe('the case link and YAML', () => {
  const c: FormCase = {
    id: '案件-1',
    item: 'SPAQF-124-1-5',
    party: { kind: 'person', name: '张三', age: 17 },
    dates: { act: '2025-06-03', actEnd: 'ongoing' },
    facts: { goodsValue: 500, businessStage: 'sale', sourceExplained: true },
    circumstances: ['harmMinor'],
    history: [{ item: 'SPAQF-124-1-5', date: '2024-01-02', note: '前次' }],
  };

  it('round-trips through the fragment, Chinese text included', () => {
    const frag = caseFragment(c);
    expect(frag).toMatch(/^#case=[A-Za-z0-9_-]+$/);
    expect(readFragment(frag)).toEqual({ value: tidyCase(c) });
    expect(readFragment('#other')).toBeUndefined();
    expect(readFragment('#case=@@')).toHaveProperty('error');
    expect(readFragment('#case=' + btoa('{not json').replace(/=+$/, ''))).toHaveProperty('error');
  });

  it('writes YAML that reads back as the case, without empty parts', () => {
    expect(parse(caseYaml(c))).toEqual(c);
    const bare = caseYaml({ ...c, facts: {}, circumstances: [], history: [] });
    expect(bare).not.toMatch(/facts|circumstances|history/);
  });

  it('evaluates to the same disposition from the YAML as from the object', async () => {
    const rs = [await load('cn-samr-food'), await load('cn-law-spaqf')];
    const a = evaluateInCatalog(rs, { path: 'case', value: tidyCase(c) });
    const b = evaluateInCatalog(rs, { path: 'case.yaml', text: caseYaml(c) });
    expect(a.disposition).toBeDefined();
    expect(renderDispositionJson(a.disposition!)).toBe(renderDispositionJson(b.disposition!));
  });
});

describe('the catalogue of bundled rule sets', () => {
  const set = (dir: string, id: string, items: string[], from = '2020-01-01'): BundledSet => ({
    dir,
    id,
    version: from,
    title: `${id} 标题`,
    region: '全国',
    layer: 'benchmark',
    from,
    to: null,
    items: items.map((c) => [c, `${c} 名称`] as const),
    files: [],
  });
  const sets = [set('a-2022', 'a', ['A-1'], '2022-01-01'), set('a-2023', 'a', ['A-1', 'A-2'], '2023-01-01'), set('b', 'b', ['A-1']), set('c', 'c', ['C-1'])];

  it('loads every version of every rule set holding the item, and the one a case names', () => {
    expect(foldersFor(sets, 'A-2')).toEqual(['a-2022', 'a-2023']);
    expect(foldersFor(sets, 'A-1')).toEqual(['a-2022', 'a-2023', 'b']);
    expect(foldersFor(sets, 'C-1', 'b')).toEqual(['b', 'c']);
    expect(foldersFor(sets, 'X')).toEqual([]);
  });

  it('lists one entry per id and item, and searches every word', () => {
    const entries = pickerEntries(sets);
    expect(entries.map((e) => `${e.id}|${e.code}`)).toEqual(['a|A-1', 'a|A-2', 'b|A-1', 'c|C-1']);
    expect(searchEntries(entries, 'a-1 名称').map((e) => e.id)).toEqual(['a', 'b']);
    expect(searchEntries(entries, 'a-1', 'b').map((e) => e.id)).toEqual(['b']);
    expect(searchEntries(entries, '没有')).toEqual([]);
  });
});
