import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The rule-set folders at or below `dir`: `dir` itself when it holds
 * index.yaml, otherwise every folder below it (to a small depth) that does.
 */
export async function findRuleSetDirs(dir: string, depth = 3): Promise<string[]> {
  if (await isFile(join(dir, 'index.yaml')) || (await isFile(join(dir, 'index.yml')))) return [dir];
  if (depth === 0) return [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') {
      found.push(...(await findRuleSetDirs(join(dir, e.name), depth - 1)));
    }
  }
  return found;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
