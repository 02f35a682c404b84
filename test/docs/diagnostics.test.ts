import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { parseSource } from '../../src/load/source.js';

// docs/diagnostics.md documents every diagnostic code with an example, the
// message it yields and the fix (generated: npm run docs:diagnostics).

const doc = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
const documented = [...doc.matchAll(/^### ([A-Z][A-Z0-9_]*)$/gm)].map((m) => m[1]!);

describe('docs/diagnostics.md', () => {
  it.each(Object.keys(CODES))('documents %s with an example, the message and the fix', (code) => {
    expect(documented, `${code} is not in docs/diagnostics.md: run npm run docs:diagnostics`).toContain(code);
    const section = doc.slice(doc.indexOf(`### ${code}\n`)).split(/\n### /)[0]!;
    expect(section).toMatch(/Example — /);
    expect(section).toMatch(/\*\*Fix:\*\* \S/);
  });

  it('documents no code that does not exist', () => {
    expect(documented.filter((c) => !(c in CODES))).toEqual([]);
  });

  it('regression (found writing the page): YAML_DUPLICATE_KEY names the whole key, not its first letter', () => {
    const r = parseSource({ path: 'a.yaml', text: 'items:\n  - code: A\n    name: x\n    name: y\n' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['duplicate key "name" in the same mapping']);
  });
});
