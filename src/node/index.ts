/** Node.js entry: the only code that touches the file system. */
export { loadRuleSetDir, type LoadDirOptions } from './loadRuleSetDir.js';
export { DEFAULT_CACHE_DIR } from './cache.js';
export { readRuleSetFiles, readSource } from './fs.js';
export { findRuleSetDirs } from './ruleSetDirs.js';
export { bundledRulesDir, packageRoot } from './paths.js';
export { cli } from '../cli/cli.js';
export type { CliIO } from '../cli/io.js';
