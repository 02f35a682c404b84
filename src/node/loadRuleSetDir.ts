import { sortDiagnostics } from '../diagnostics/index.js';
import { loadRuleSet, type LoadOptions, type LoadResult } from '../load/loadRuleSet.js';
import { readRuleSetFiles } from './fs.js';

/**
 * Reads a rule-set folder (index.yaml plus topic files) and loads it. The only
 * file-system door of the loader; everything else is {@link loadRuleSet}.
 *
 * @example
 * import { loadRuleSetDir } from 'cailiang/node';
 * const { ruleSet, diagnostics } = await loadRuleSetDir('rules/cn-samr-food');
 */
export async function loadRuleSetDir(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const read = await readRuleSetFiles(dir, options.maxFileBytes);
  if (read.files.length === 0) return { diagnostics: sortDiagnostics(read.diagnostics) };
  const loaded = loadRuleSet(read.files, options);
  if (read.diagnostics.length === 0) return loaded;
  const diagnostics = sortDiagnostics([...read.diagnostics, ...loaded.diagnostics]);
  return { diagnostics };
}
