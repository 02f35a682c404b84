import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';

/** How many folder levels below the given folder rule sets are looked for. */
export const RULESET_SEARCH_DEPTH = 3;

/**
 * The rule-set folders at or below `dir`: `dir` itself when it holds
 * index.yaml, otherwise every folder below it (to {@link RULESET_SEARCH_DEPTH}
 * levels) that does.
 */
export async function findRuleSetDirs(dir: string, depth = RULESET_SEARCH_DEPTH): Promise<string[]> {
  return (await scanRuleSetDirs(dir, depth)).dirs;
}

/**
 * {@link findRuleSetDirs}, and what it passed over and why, as warnings
 * (RULESET_DIR_SKIPPED): `verify` and `evaluate` read a tree through this one
 * function, so they read the same folders and say the same about the rest.
 * Symbolic links to folders are not followed; hidden folders and
 * node_modules, and folders below the search depth, are named when they hold
 * an index.yaml; a folder that cannot be listed is named always.
 */
export async function scanRuleSetDirs(dir: string, depth = RULESET_SEARCH_DEPTH): Promise<{ dirs: string[]; skipped: Diagnostic[] }> {
  const dirs: string[] = [];
  const skipped: Diagnostic[] = [];
  const skip = (path: string, reason: string) => skipped.push(diagnostic('RULESET_DIR_SKIPPED', { file: path, line: 1, column: 1 }, { reason }));
  const walk = async (d: string, left: number): Promise<void> => {
    if (isFile(join(d, 'index.yaml')) || isFile(join(d, 'index.yml'))) {
      dirs.push(d);
      return;
    }
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      // The top folder's own problems (missing, a file) are the loader's to report.
      if (d !== dir && code !== 'ENOENT' && code !== 'ENOTDIR') skip(d, `it cannot be listed (${code ?? 'error'})`);
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, e.name);
      if (e.isSymbolicLink()) {
        if (await isDir(path)) skip(path, 'it is a symbolic link (links to folders are not followed)');
        continue;
      }
      if (!e.isDirectory()) continue;
      if (e.name.startsWith('.') || e.name === 'node_modules') {
        if (await holdsIndex(path)) skip(path, `${e.name.startsWith('.') ? 'it is hidden' : 'it is node_modules'}`);
        continue;
      }
      if (left === 0) {
        if (await holdsIndex(path)) skip(path, `it is deeper than ${depth} levels below ${dir}`);
        continue;
      }
      await walk(path, left - 1);
    }
  };
  await walk(dir, depth);
  return { dirs, skipped };
}

// Synchronous calls: a scan is a few hundred stats, each cheaper than a round trip through the thread pool.
async function holdsIndex(d: string): Promise<boolean> {
  return isFile(join(d, 'index.yaml')) || isFile(join(d, 'index.yml'));
}

function isFile(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

async function isDir(p: string): Promise<boolean> {
  try {
    return lstatSync(p).isSymbolicLink() && statSync(p).isDirectory();
  } catch {
    return false;
  }
}
