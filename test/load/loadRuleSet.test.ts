import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { miniFiles, withFile } from '../helpers.js';

describe('loadRuleSet', () => {
  const { ruleSet, diagnostics } = loadRuleSet(miniFiles());

  it('loads a valid rule set without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(ruleSet?.id).toBe('test-mini');
    expect(ruleSet?.files).toEqual(['test/data/mini/food.yaml', 'test/data/mini/index.yaml']);
  });

  it('holds money as integer fen: 50,000 yuan → 5,000,000 fen; condition values too', () => {
    const item = ruleSet!.items[0]!;
    expect(item.clauses[0]!.fine).toEqual({ kind: 'range', min: 5_000_000, max: 10_000_000 });
    expect(item.clauses[0]!.when).toEqual({ all: [{ fact: 'goodsValue', operator: 'lessThan', value: 1_000_000 }] });
    expect(item.clauses[1]!.fine).toEqual({ kind: 'multiple', of: 'goodsValue', min: 10, max: 20 });
    expect(ruleSet!.policy.rounding).toBe(10_000);
    expect(ruleSet!.policy.hearing).toEqual({ person: 1_000_000, organization: 10_000_000 });
  });

  it('applies policy defaults: Art. 51 limits 200 / 3,000 yuan, split 30/70, P2Y window', () => {
    expect(ruleSet!.policy.simpleProcedure).toEqual({ person: 20_000, organization: 300_000 });
    expect(ruleSet!.policy.split).toEqual([0.3, 0.7]);
    expect(ruleSet!.policy.firstOffenceWindow).toBe('P2Y');
    expect(ruleSet!.policy.reducedFloor).toBeNull();
  });

  it('marks 首违不罚 entries as discretionary (可以, Art. 33(1) second sentence)', () => {
    expect(ruleSet!.lists[0]!.discretionary).toBe(true);
    const minor = loadRuleSet(
      withFile(miniFiles(), 'food.yaml', (miniFiles()[0]!.text as string).replace('basis: first-offence', 'basis: minor')),
    );
    expect(minor.ruleSet!.lists[0]!.discretionary).toBe(false);
  });

  it('keeps positions of items, tiers and list entries', () => {
    expect(ruleSet!.items[0]!.at).toMatchObject({ file: 'test/data/mini/food.yaml', line: 2, column: 5 });
    expect(ruleSet!.items[0]!.tiers[1]!.at).toMatchObject({ line: 19, column: 9 });
    expect(ruleSet!.lists[0]!.at).toMatchObject({ line: 22, column: 5 });
  });

  it('gives the same hash whatever the key order, comments and layout', () => {
    const food = miniFiles()[0]!.text as string;
    const reordered = food
      .replace('    name: 测试事项\n', '')
      .replace('    violates:', '    name: 测试事项\n    violates:')
      .replace('# ', '# changed comment ');
    const other = loadRuleSet(withFile(miniFiles(), 'food.yaml', reordered + '\n# trailing comment\n'));
    expect(other.ruleSet!.hash).toBe(ruleSet!.hash);
  });

  it('changes the hash when content changes', () => {
    const food = (miniFiles()[0]!.text as string).replace('[50000, 100000]', '[50000, 100001]');
    expect(loadRuleSet(withFile(miniFiles(), 'food.yaml', food)).ruleSet!.hash).not.toBe(ruleSet!.hash);
  });

  it('sorts items by code whatever order the files give', () => {
    const extra = `items:
  - code: A-0
    name: 另一事项
    violates: [{ law: spaqf, article: 34 }]
    penalizedBy: [{ law: spaqf, article: 124 }]
    statutory: { kinds: [fine], fine: { amount: [2000, 5000] } }
    tiers: [{ id: t, grade: general }]
`;
    const r = loadRuleSet(withFile(miniFiles(), 'zz.yaml', extra));
    expect(r.ruleSet!.items.map((i) => i.code)).toEqual(['A-0', 'T-1']);
  });

  it('accepts bytes with a UTF-8 BOM', () => {
    const files = miniFiles().map((f) => ({
      path: f.path,
      text: Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(f.text as string)]),
    }));
    const r = loadRuleSet(files);
    expect(r.diagnostics).toEqual([]);
    expect(r.ruleSet!.hash).toBe(ruleSet!.hash);
  });

  it('reports every problem, not only the first', () => {
    const food = (miniFiles()[0]!.text as string)
      .replace('law: spaqf, article: 34', 'law: nope, article: 34')
      .replace('operator: lessThanInclusive', 'operator: atMost');
    const r = loadRuleSet(withFile(miniFiles(), 'food.yaml', food));
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['UNKNOWN_LAW', 'UNKNOWN_OPERATOR']);
  });

  it('warns on an empty topic file but still loads', () => {
    const r = loadRuleSet(withFile(miniFiles(), 'empty.yaml', '# nothing yet\n'));
    expect(r.ruleSet).toBeDefined();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['FILE_EMPTY', 'warning']]);
  });
});
