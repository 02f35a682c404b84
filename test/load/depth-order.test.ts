import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/source.js';

// The fast reader runs before the depth scan: what it accepts must be what the full path accepts,
// at the depth limit (64) and around it, for every way of nesting.
const shapes: Record<string, (d: number) => string> = {
  'block mappings': (d) => Array.from({ length: d }, (_, i) => ' '.repeat(2 * i) + 'a:').join('\n') + ' x\n',
  'block sequences': (d) => Array.from({ length: d }, (_, i) => ' '.repeat(2 * i) + '-').join('\n') + ' x\n',
  'flow sequences': (d) => 'a: ' + '['.repeat(d) + 'x' + ']'.repeat(d) + '\n',
  'flow mappings in a block mapping': (d) => 'a:\n  b: ' + '{c: '.repeat(d) + 'x' + '}'.repeat(d) + '\n',
  'sequences and mappings in turn': (d) => Array.from({ length: d }, (_, i) => ' '.repeat(2 * i) + (i % 2 ? 'k:' : '-')).join('\n') + ' x\n',
};

describe('a file nested near the depth limit', () => {
  for (const [name, make] of Object.entries(shapes))
    it(`of ${name} is accepted or refused (YAML_TOO_DEEP) alike by the fast reader and by yaml`, () => {
      const outcome = (r: ReturnType<typeof parseSource>) => `${r.file ? 'parsed' : ''}${r.diagnostics.map((x) => x.code).join(',')}`;
      const seen = new Set<string>();
      for (let d = 56; d <= 72; d++) {
        const text = make(d);
        const fast = outcome(parseSource({ path: 'a.yaml', text }));
        expect(fast, `depth ${d}`).toBe(outcome(parseSource({ path: 'a.yaml', text }, {}, { fullParserOnly: true })));
        seen.add(fast);
      }
      // Both sides of the limit were tried.
      expect([...seen].some((x) => x.includes('YAML_TOO_DEEP'))).toBe(true);
      expect([...seen].some((x) => x.startsWith('parsed'))).toBe(true);
    });
});
