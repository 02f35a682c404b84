import { checkLimits, checkPath } from '../load/arguments.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { loadRuleSet, type LoadOptions, type LoadResult } from '../load/loadRuleSet.js';
import type { SourceInput } from '../load/source.js';
import { cacheKey, readCached, writeCached } from './cache.js';
import { readRuleSetFiles } from './fs.js';

export interface LoadDirOptions extends LoadOptions {
  /**
   * A folder for the content-hash cache of validated rule sets (see cache.ts):
   * when the rule set's files are unchanged since the last successful load, the
   * loaded rule set comes from there. Off when absent.
   */
  readonly cache?: string;
}

/**
 * Reads a rule-set folder (index.yaml plus topic files) and loads it. The only
 * file-system door of the loader; everything else is {@link loadRuleSet}.
 *
 * @example
 * import { loadRuleSetDir } from 'cailiang/node';
 * const { ruleSet, diagnostics } = await loadRuleSetDir('rules/cn-samr-food');
 * // With a cache: unchanged rule sets load in a fraction of the time.
 * const again = await loadRuleSetDir('rules/cn-samr-food', { cache: '.cailiang-cache' });
 */
export async function loadRuleSetDir(dir: string, options: LoadDirOptions = {}): Promise<LoadResult> {
  checkPath('loadRuleSetDir', dir, 'dir');
  checkLimits('loadRuleSetDir', options);
  if (options.cache !== undefined) checkPath('loadRuleSetDir', options.cache, 'options.cache');
  return loadReadRuleSet(dir, await readRuleSetFiles(dir, options.maxFileBytes), options);
}

/** {@link loadRuleSetDir} for a folder whose files are already read (readRuleSetFiles). */
export async function loadReadRuleSet(
  dir: string,
  read: { readonly files: readonly SourceInput[]; readonly diagnostics: readonly Diagnostic[] },
  options: LoadDirOptions = {},
): Promise<LoadResult> {
  const { cache, ...limits } = options;
  if (read.files.length === 0) return { diagnostics: sortDiagnostics([...read.diagnostics]) };
  if (read.diagnostics.length > 0) {
    const loaded = loadRuleSet(read.files, limits);
    return { diagnostics: sortDiagnostics([...read.diagnostics, ...loaded.diagnostics]) };
  }
  if (cache === undefined) return loadRuleSet(read.files, limits);
  const key = cacheKey(read.files, limits);
  const hit = await readCached(cache, dir, key);
  if (hit) return hit;
  const loaded = loadRuleSet(read.files, limits);
  await writeCached(cache, dir, key, loaded);
  return loaded;
}
