import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { canonicalHash } from '../../src/load/canonical.js';
import { loadRuleSetDir } from '../../src/node/loadRuleSetDir.js';

/** The definition the hash has always had: JSON.stringify of a copy with sorted keys. */
function reference(value: unknown, omit: ReadonlySet<string>): string {
  const sortDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortDeep);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        if (omit.has(key)) continue;
        const x = (v as Record<string, unknown>)[key];
        if (x !== undefined) out[key] = sortDeep(x);
      }
      return out;
    }
    return v;
  };
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(sortDeep(value)))));
}

describe('the content hash of a rule set', () => {
  const omit = new Set(['at']);
  const odd: unknown[] = [
    null,
    0,
    -0,
    1.5e300,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    '罚款\u2028"\\\n\ud83d\ude00',
    'x'.repeat(70_000) + '中',
    [undefined, () => 1, null, [], {}],
    { b: 1, a: { d: undefined, c: [1, 'x'], at: { line: 3 } }, f: () => 1, e: new Date(0), m: new Map([[1, 2]]) },
    Object.assign(Object.create(null) as object, { z: 1, y: ['甲', '乙'] }),
    Array.from({ length: 5_000 }, (_, i) => ({ i, s: `第${i}条` })),
  ];

  it('is the sha256 of the sorted JSON, for values of every kind', () => {
    for (const v of odd) expect(canonicalHash(v, omit)).toBe(reference(v, omit));
  });

  it('is the hash every bundled rule set always had', async () => {
    for (const dir of ['rules/cn-samr-food', 'rules/cn-road-transport-2023', 'rules/cn-law-dlys-2023']) {
      const { ruleSet } = await loadRuleSetDir(dir);
      const { hash, files, at, ...content } = ruleSet!;
      void files;
      void at;
      expect(hash).toBe(reference(content, omit));
    }
  });
});
