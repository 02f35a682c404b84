import { statSync } from 'node:fs';
import { DEFAULT_CACHE_DIR } from '../node/cache.js';
import { UsageError } from './io.js';

/** The options of every command that loads rule sets from folders. */
export const CACHE_OPTIONS = {
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
} as const;

/** The help lines of the cache options, descriptions starting at column `at` like the command's own. */
export function cacheHelp(at: number): string {
  const pad = (left: string) => (left.length < at ? left.padEnd(at) : `${left}\n${' '.repeat(at)}`);
  return [
    `${pad('  --cache')}keep validated rule sets in ${DEFAULT_CACHE_DIR}/ and reuse them`,
    `${' '.repeat(at)}while their files are unchanged (content hash)`,
    `${pad('  --cache-location <dir>')}the cache folder (implies --cache)`,
  ].join('\n');
}

/** The cache folder the options ask for, or undefined when the cache is off. */
export function cacheDirOf(values: { cache?: boolean; 'cache-location'?: string }): string | undefined {
  const dir = values['cache-location'] ?? (values.cache ? DEFAULT_CACHE_DIR : undefined);
  if (dir === undefined) return undefined;
  if (dir === '') throw new UsageError('--cache-location needs a folder');
  let isFile = false;
  try {
    isFile = !statSync(dir).isDirectory();
  } catch {
    // not there yet: created on first write
  }
  // Never write over a file the user has: the cache only ever adds *.ruleset.json files to a folder.
  if (isFile) throw new UsageError(`--cache-location ${dir}: not a folder (the cache is a folder of *.ruleset.json files)`);
  return dir;
}
