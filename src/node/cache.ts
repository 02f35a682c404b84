import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CODES } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { canonicalHash } from '../load/canonical.js';
import type { LoadOptions, LoadResult } from '../load/loadRuleSet.js';
import type { RuleSet } from '../load/model.js';
import { sealRuleSet } from '../load/seal.js';
import type { SourceInput } from '../load/source.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './write.js';

/**
 * A content-hash cache of validated rule sets, like ESLint's `--cache`: a rule
 * set whose files are byte for byte those of the last successful load is
 * taken from the cache instead of being parsed, validated and checked again.
 *
 * One entry per rule-set folder (named by a hash of the folder's absolute
 * path), holding the loaded rule set and its warnings under a key made of the
 * cache format, the cailiang version, the load limits and every file's path
 * and bytes. Any difference is a miss and the folder is loaded from its files;
 * a later successful load replaces the entry, so the cache does not grow with
 * edits. Only loads without errors are cached. A cache that cannot be read or
 * written, or holds anything unexpected, is passed over: it only saves time.
 */

/** Bumped whenever the shape of a cached rule set changes. */
export const CACHE_FORMAT = 2;

/** The default cache folder (relative to the working directory), as `.eslintcache` is for ESLint. */
export const DEFAULT_CACHE_DIR = '.cailiang-cache';

/** Files in a cache folder end in this; nothing else there is read or written. */
const ENTRY_SUFFIX = '.ruleset.json';

interface Entry {
  readonly format: number;
  readonly key: string;
  readonly ruleSet: RuleSet;
  readonly diagnostics: readonly Diagnostic[];
}

/** The key of a rule set's files: what must be equal for a cached load to be reused. */
export function cacheKey(files: readonly SourceInput[], options: LoadOptions): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: CACHE_FORMAT, version: VERSION, options: Object.entries(options).sort() }));
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const bytes = typeof f.text === 'string' ? Buffer.from(f.text, 'utf8') : f.text;
    h.update(`\0${f.path}\0${bytes.byteLength}\0`);
    h.update(bytes);
  }
  return h.digest('hex');
}

function entryPath(cacheDir: string, ruleSetDir: string): string {
  const name = createHash('sha256').update(resolve(ruleSetDir)).digest('hex').slice(0, 24);
  return join(cacheDir, name + ENTRY_SUFFIX);
}

/** The cached load of `ruleSetDir` under `key`, or undefined on a miss. */
export async function readCached(cacheDir: string, ruleSetDir: string, key: string): Promise<LoadResult | undefined> {
  let text: string;
  try {
    text = await readFile(entryPath(cacheDir, ruleSetDir), 'utf8');
  } catch {
    return undefined;
  }
  // The key sits near the start: a stale entry is recognised without parsing megabytes.
  if (!text.slice(0, 200).includes(`"key":"${key}"`)) return undefined;
  try {
    const entry = JSON.parse(text) as Entry;
    if (entry === null || typeof entry !== 'object' || entry.format !== CACHE_FORMAT || entry.key !== key) return undefined;
    if (!validEntry(entry)) return undefined;
    return { ruleSet: sealRuleSet(entry.ruleSet), diagnostics: entry.diagnostics };
  } catch {
    // Anything unexpected in an entry (a shape the checks above let through and the sealing trips on) is a miss too.
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isPlace = (v: unknown): boolean =>
  isObject(v) && typeof v.file === 'string' && Number.isSafeInteger(v.line) && Number.isSafeInteger(v.column) && (v.line as number) >= 1 && (v.column as number) >= 1;

/**
 * An entry is an input like any other: it is used only when what it holds is
 * what a load of these files gives. The rule set's content (everything but
 * positions, file names and the hash) must hash to the `hash` it carries, the
 * hash the reports print; positions must be places; the warnings must be
 * diagnostics with known codes. Any edit or damage is then a miss.
 */
function validEntry(entry: Entry): boolean {
  const rs = entry.ruleSet as unknown;
  if (!isObject(rs) || typeof rs.hash !== 'string' || !Array.isArray(rs.items) || !Array.isArray(rs.lists)) return false;
  if (!Array.isArray(rs.files) || !rs.files.every((f) => typeof f === 'string')) return false;
  if (!isObject(rs.laws) || !isObject(rs.facts) || !isObject(rs.circumstances) || !isObject(rs.policy) || !isObject(rs.at)) return false;
  if (!Array.isArray(entry.diagnostics)) return false;
  for (const d of entry.diagnostics as unknown[]) {
    if (!isPlace(d) || !isObject(d) || typeof d.code !== 'string' || !Object.prototype.hasOwnProperty.call(CODES, d.code) || typeof d.message !== 'string') return false;
  }
  // Every position in the rule set (the `at` keys the content hash leaves out) is a place.
  const stack: unknown[] = [rs];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
    } else if (isObject(v)) {
      for (const k of Object.keys(v)) {
        const x = v[k];
        if (k === 'at' && v !== rs) {
          if (!isPlace(x)) return false;
        } else if (x !== null && typeof x === 'object') stack.push(x);
      }
    }
  }
  for (const p of Object.values(rs.at as Record<string, unknown>)) if (!isPlace(p)) return false;
  const { files: _files, hash: _hash, at: _at, ...content } = rs;
  return canonicalHash(content, new Set(['at'])) === rs.hash;
}

/** Stores a successful load. Never fails: a cache that cannot be written is simply not used. */
export async function writeCached(cacheDir: string, ruleSetDir: string, key: string, result: LoadResult): Promise<void> {
  if (!result.ruleSet) return;
  try {
    await mkdir(cacheDir, { recursive: true });
    if (!(await stat(cacheDir)).isDirectory()) return;
    const entry: Entry = { format: CACHE_FORMAT, key, ruleSet: result.ruleSet, diagnostics: result.diagnostics };
    await writeFileAtomic(entryPath(cacheDir, ruleSetDir), JSON.stringify(entry));
  } catch {
    // An optimisation only: a read-only checkout or a full disk loads from the files next time too.
  }
}
