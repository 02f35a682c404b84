import * as z from 'zod';

/**
 * A json-rules-engine condition as written in a file. Its shape, facts,
 * operators and value types are checked by the loader (load/conditions.ts),
 * which knows the declared facts and reports each problem at its node; the
 * JSON Schema for editors gets the full recursive shape (schema/json-schema.ts).
 */
export const Condition = z
  .custom<RawCondition>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), {
    message: 'a condition is an object: { all: [...] }, { any: [...] }, { not: ... } or { fact, operator, value }',
  })
  .meta({ id: 'Condition' });

export type RawCondition =
  | { all: RawCondition[] }
  | { any: RawCondition[] }
  | { not: RawCondition }
  | { fact: string; operator: string; value: unknown };

/** json-rules-engine's built-in operators that make sense on scalar facts. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
] as const;
export type Operator = (typeof OPERATORS)[number];
