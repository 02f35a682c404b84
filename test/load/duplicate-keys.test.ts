import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSource } from '../../src/load/source.js';

// The duplicate-key check costs one lookup per key. yaml's own check
// (uniqueKeys) compares each key with every key before it: 40,000 keys took
// about 10 s. Counted in operations, not timed, so that a loaded machine
// cannot make it fail: the key lookups cailiang makes, and the key
// comparisons yaml's check makes.

// yaml's CommonJS module that its block and flow mappings call through, as loaded by `import 'yaml'`.
const require = createRequire(import.meta.url);
const yamlMapIncludes = require(join(dirname(require.resolve('yaml')), 'compose/util-map-includes.js')) as {
  mapIncludes: (ctx: { options: { uniqueKeys?: unknown } }, items: readonly unknown[], search: unknown) => boolean;
};

afterEach(() => vi.restoreAllMocks());

/** Key lookups and comparisons while parsing a mapping of `n` keys (and whether it parsed clean). */
function operations(n: number, fullParserOnly: boolean, duplicateAtEnd = false): { ops: number; codes: string[] } {
  const lines = Array.from({ length: n }, (_, i) => `  f${i}: money`);
  if (duplicateAtEnd) lines.push('  f0: money');
  const text = 'facts:\n' + lines.join('\n') + '\n';
  let ops = 0;
  const hasOwn = Object.prototype.hasOwnProperty;
  vi.spyOn(Object.prototype, 'hasOwnProperty').mockImplementation(function (this: object, key: PropertyKey) {
    ops++;
    return hasOwn.call(this, key);
  });
  const original = yamlMapIncludes.mapIncludes;
  vi.spyOn(yamlMapIncludes, 'mapIncludes').mockImplementation((ctx, items, search) => {
    if (ctx.options.uniqueKeys !== false) ops += items.length;
    return original(ctx, items, search);
  });
  try {
    const r = parseSource({ path: 'keys.yaml', text }, {}, { fullParserOnly });
    return { ops, codes: r.diagnostics.map((d) => d.code) };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('checking a mapping’s keys for duplicates', () => {
  it.each([
    ['the fast reader', false],
    ['the full parser', true],
  ])('takes operations linear in the keys, in %s', (_, full) => {
    const small = operations(1_000, full);
    const large = operations(8_000, full);
    expect(small.codes).toEqual([]);
    expect(large.codes).toEqual([]);
    // Eight times the keys: about eight times the work (a quadratic check would be 64 times).
    expect(small.ops).toBeGreaterThanOrEqual(1_000);
    expect(large.ops / small.ops).toBeLessThan(10);
  });

  it.each([
    ['the fast reader', false],
    ['the full parser', true],
  ])('still finds the duplicate after 8,000 keys, in %s', (_, full) => {
    expect(operations(8_000, full, true).codes).toEqual(['YAML_DUPLICATE_KEY']);
  });

  it('counts the comparisons yaml’s own check would make (so the count above can catch it)', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ key: { value: i } }));
    let ops = 0;
    const original = yamlMapIncludes.mapIncludes;
    vi.spyOn(yamlMapIncludes, 'mapIncludes').mockImplementation((ctx, list, search) => {
      if (ctx.options.uniqueKeys !== false) ops += list.length;
      return original(ctx, list, search);
    });
    yamlMapIncludes.mapIncludes({ options: {} }, items, { value: -1 });
    expect(ops).toBe(100);
  });
});
