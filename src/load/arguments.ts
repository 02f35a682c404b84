/**
 * Arguments of the public functions. Bad *input* (a file's content, a case's
 * values) is always a diagnostic. A call that is not what the function takes
 * (`loadRuleSet(null)`, a number where a path is expected, a depth limit of
 * 1e9) is a programmer's error: it throws a {@link CailiangArgumentError},
 * the one error type cailiang throws on purpose, before any work is done.
 */
export class CailiangArgumentError extends TypeError {
  readonly code = 'INVALID_ARGUMENT';
  constructor(fn: string, message: string) {
    super(`${fn}: ${message}`);
    this.name = 'CailiangArgumentError';
  }
}

/** The ranges a caller may set the parse limits to (the defaults are in source.ts). */
export const LIMIT_RANGES = {
  maxFileBytes: [1, 512 * 1024 * 1024],
  // Past a few hundred levels the parsers' own recursion is at risk (depth.ts scans to twice this).
  maxDepth: [1, 500],
  maxAliasNodes: [0, 10_000_000],
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `the string "${v.slice(0, 40)}"` : typeof v;
}

/** Parse limits: absent, or an object whose known keys are integers in {@link LIMIT_RANGES}. */
export function checkLimits(fn: string, limits: unknown): void {
  if (limits === undefined) return;
  if (!isObject(limits)) throw new CailiangArgumentError(fn, `options must be an object, got ${describe(limits)}`);
  for (const [key, [lo, hi]] of Object.entries(LIMIT_RANGES)) {
    const v = limits[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < lo || v > hi)
      throw new CailiangArgumentError(fn, `${key} must be a whole number from ${lo} to ${hi}, got ${describe(v)}${typeof v === 'number' ? ` ${v}` : ''}`);
  }
}

/** One file given to a loader: `{ path: string, text: string | Uint8Array }`. */
export function checkSource(fn: string, input: unknown, what = 'a file'): void {
  if (!isObject(input)) throw new CailiangArgumentError(fn, `${what} must be { path, text }, got ${describe(input)}`);
  if (typeof input.path !== 'string') throw new CailiangArgumentError(fn, `${what}'s path must be a string, got ${describe(input.path)}`);
  if (typeof input.text !== 'string' && !(input.text instanceof Uint8Array))
    throw new CailiangArgumentError(fn, `${what}'s text must be a string or a Uint8Array, got ${describe(input.text)}`);
}

export function checkSources(fn: string, files: unknown): void {
  if (!Array.isArray(files)) throw new CailiangArgumentError(fn, `files must be an array of { path, text }, got ${describe(files)}`);
  files.forEach((f, i) => checkSource(fn, f, `files[${i}]`));
}

/** A case given to loadCase / evaluateInCatalog: a file `{ path, text }` or a value `{ path?, value }`. */
export function checkCaseInput(fn: string, input: unknown): void {
  if (!isObject(input)) throw new CailiangArgumentError(fn, `the case must be { path, text } or { value }, got ${describe(input)}`);
  if ('text' in input) return checkSource(fn, input, 'the case');
  if (!('value' in input)) throw new CailiangArgumentError(fn, 'the case must be { path, text } or { value }');
  if (input.path !== undefined && typeof input.path !== 'string') throw new CailiangArgumentError(fn, `the case's path must be a string, got ${describe(input.path)}`);
}

/** A rule set as the loader returns it (the shape, not its content: that was checked when it was loaded). */
export function checkRuleSet(fn: string, rs: unknown, what = 'ruleSet'): void {
  if (!isObject(rs) || typeof rs.id !== 'string' || !Array.isArray(rs.items) || !Array.isArray(rs.lists) || !isObject(rs.laws) || !isObject(rs.policy))
    throw new CailiangArgumentError(fn, `${what} must be a RuleSet from loadRuleSet or loadRuleSetDir, got ${describe(rs)}`);
}

export function checkRuleSets(fn: string, list: unknown): void {
  if (!Array.isArray(list)) throw new CailiangArgumentError(fn, `ruleSets must be an array of RuleSet, got ${describe(list)}`);
  list.forEach((rs, i) => checkRuleSet(fn, rs, `ruleSets[${i}]`));
}

/** A case as loadCase returns it. */
export function checkCase(fn: string, c: unknown): void {
  if (!isObject(c) || typeof c.id !== 'string' || !Array.isArray(c.items) || !isObject(c.dates) || !isObject(c.party) || !isObject(c.facts))
    throw new CailiangArgumentError(fn, `the case must be a Case from loadCase, got ${describe(c)}`);
}

/** Evaluate options: absent or an object. */
export function checkOptions(fn: string, options: unknown): void {
  if (options !== undefined && !isObject(options)) throw new CailiangArgumentError(fn, `options must be an object, got ${describe(options)}`);
}

/** A string argument (a folder path). */
export function checkPath(fn: string, path: unknown, what = 'the path'): void {
  if (typeof path !== 'string' || path.length === 0) throw new CailiangArgumentError(fn, `${what} must be a non-empty string, got ${describe(path)}`);
}

/** A disposition as evaluate returns it. */
export function checkDisposition(fn: string, d: unknown): void {
  if (!isObject(d) || typeof d.outcome !== 'string' || !Array.isArray(d.penalties) || !Array.isArray(d.citations))
    throw new CailiangArgumentError(fn, `the disposition must be a Disposition from evaluate, got ${describe(d)}`);
}
