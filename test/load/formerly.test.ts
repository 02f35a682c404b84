import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { miniFiles, withFile } from '../helpers.js';

const food = () => miniFiles().find((f) => f.path.endsWith('/food.yaml'))!.text as string;

describe('an item renumbered from an earlier version (formerly)', () => {
  it('keeps the codes it had before', () => {
    const r = loadRuleSet(withFile(miniFiles(), 'food.yaml', food().replace('  - code: T-1\n', '  - code: T-1\n    formerly: [T-OLD-9]\n')));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ruleSet!.items.find((i) => i.code === 'T-1')!.formerly).toEqual(['T-OLD-9']);
  });

  it('may not name an item this version still has', () => {
    const r = loadRuleSet(withFile(miniFiles(), 'food.yaml', food().replace('  - code: T-1\n', '  - code: T-1\n    formerly: [T-1]\n')));
    const d = r.diagnostics.find((x) => x.code === 'DUPLICATE_ID');
    expect(d?.message).toMatch(/former item code id "T-1"/);
    expect(d?.line).toBe(3);
  });
});
