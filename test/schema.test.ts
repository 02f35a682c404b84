import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../src/schema/json-schema.js';

describe('JSON Schema for editors', () => {
  for (const kind of ['index', 'topic', 'case'] as const) {
    it(`rules/schema/${kind}.schema.json is the one generated from the zod schemas (run npm run schemas)`, () => {
      const committed = readFileSync(new URL(`../rules/schema/${kind}.schema.json`, import.meta.url), 'utf8');
      expect(committed).toBe(JSON.stringify(jsonSchema(kind), null, 2) + '\n');
    });
  }
  it('describes conditions recursively', () => {
    const s = jsonSchema('topic') as { $defs: Record<string, { oneOf?: unknown[] }> };
    expect(s.$defs.Condition?.oneOf).toHaveLength(4);
    expect(JSON.stringify(s.$defs.Condition)).toContain('#/$defs/Condition');
  });
});
