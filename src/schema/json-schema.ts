import * as z from 'zod';
import { Case } from './case.js';
import { Condition, OPERATORS } from './condition.js';
import { RuleSetIndex, RuleSetTopic } from './ruleset.js';

/** Which file the JSON Schema describes. */
export type SchemaKind = 'index' | 'topic' | 'case';

const CONDITION_JSON = {
  description:
    'json-rules-engine condition: { all: [...] }, { any: [...] }, { not: ... } or { fact, operator, value }. Money values in yuan.',
  oneOf: [
    {
      type: 'object',
      properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Condition' } } },
      required: ['all'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Condition' } } },
      required: ['any'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { not: { $ref: '#/$defs/Condition' } },
      required: ['not'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        fact: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
        operator: { enum: [...OPERATORS] },
        value: {
          anyOf: [
            { type: 'number' },
            { type: 'boolean' },
            { type: 'string' },
            { type: 'array', items: { type: ['number', 'boolean', 'string'] } },
          ],
        },
      },
      required: ['fact', 'operator', 'value'],
      additionalProperties: false,
    },
  ],
};

const SCHEMAS = { index: RuleSetIndex, topic: RuleSetTopic, case: Case } as const;
const TITLES: Record<SchemaKind, string> = {
  index: 'cailiang rule set — index.yaml',
  topic: 'cailiang rule set — topic file (facts, circumstances, items, lists)',
  case: 'cailiang case',
};

/**
 * The JSON Schema (draft 2020-12) of a rule file or case, generated from the
 * zod schemas, for editor completion (yaml-language-server `$schema=`).
 *
 * @example
 * const schema = jsonSchema('topic'); // write it next to the rule files
 */
export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const generated = z.toJSONSchema(SCHEMAS[kind], {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === (Condition as unknown)) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, CONDITION_JSON);
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  delete rest.id;
  return { $schema, title: TITLES[kind], ...rest };
}
