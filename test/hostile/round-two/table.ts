import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/diagnostics/index.js';
import { loadRuleSet } from '../../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../../src/load/model.js';
import { ROOT } from '../harness.js';

/**
 * Shared pieces of the round-two hostile tables: the mini rule set's files,
 * a way to find where a piece of text sits in an input (the expected
 * position is read off the input, never off the output), and the first
 * error of a list of diagnostics.
 */

export const MINI_DIR = join(ROOT, 'test/data/mini');
export const INDEX = readFileSync(join(MINI_DIR, 'index.yaml'), 'utf8');
export const FOOD = readFileSync(join(MINI_DIR, 'food.yaml'), 'utf8');
export const MINI: RuleSet = loadRuleSet([
  { path: 'mini/index.yaml', text: INDEX },
  { path: 'mini/food.yaml', text: FOOD },
]).ruleSet!;

/** 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" is not in the input`);
  }
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - before.lastIndexOf('\n') };
}

/** Code, line and column of each error, in order. */
export function errors(list: readonly Diagnostic[]): { code: string; line: number; column: number }[] {
  return list.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, line: d.line, column: d.column }));
}

/** Loads the mini rule set with its two files changed. */
export function loadMini(index: string, food: string = FOOD) {
  return loadRuleSet([
    { path: 'mini/index.yaml', text: index },
    { path: 'mini/food.yaml', text: food },
  ]);
}

/** A well-formed case of the mini rule set's item, with its parts overridden. */
export function caseValue(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'r2-1',
    item: 'T-1',
    party: { kind: 'organization' },
    dates: { act: '2025-03-01', discovered: '2025-03-10', decision: '2025-04-01' },
    facts: { goodsValue: 300 },
    circumstances: ['correctedInTime'],
    ...over,
  };
}

/** Names that a plain object answers for without having them. */
export const PROTOTYPE_NAMES = [
  'valueOf',
  'toString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'constructor',
] as const;
