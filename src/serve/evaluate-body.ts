import { evaluateInCatalog, type CatalogResult } from '../evaluate/versions.js';
import { tooDeepAt } from '../load/depth.js';
import { jsonKeysSuspect } from '../load/json-keys.js';
import type { RuleSet } from '../load/model.js';
import { DEFAULT_LIMITS, scanBound } from '../load/source.js';

/** The file name diagnostics give a request body. */
export const REQUEST = '<request>';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * One case from a request body, as `cailiang evaluate` reads a case file, with
 * a faster way for the common JSON object: nesting bounded before parsing
 * (depth.ts), JSON.parse, no key twice and no __proto__ (json-keys.ts); when
 * that gives a disposition, it is the one the full reader gives. Anything
 * else, and any case that does not evaluate, goes through the full reader,
 * so the diagnostics (with line and column) are those the CLI prints.
 */
export function evaluateBody(ruleSets: readonly RuleSet[], bytes: Uint8Array, options: { trace: boolean; asOf?: string }): CatalogResult {
  let text: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && /^\s*\{/.test(text) && tooDeepAt(text, scanBound(DEFAULT_LIMITS.maxDepth)) < 0 && !jsonKeysSuspect(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const fast = evaluateInCatalog(ruleSets, { path: REQUEST, value }, options);
      if (fast.disposition) return fast;
    }
  }
  return evaluateInCatalog(ruleSets, { path: REQUEST, text: bytes }, options);
}

