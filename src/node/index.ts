/** Node.js entry: the only code that touches the file system. */
export { loadRuleSetDir } from './loadRuleSetDir.js';
export { readRuleSetFiles, readSource } from './fs.js';
export { findRuleSetDirs } from './ruleSetDirs.js';
export { bundledRulesDir, packageRoot } from './paths.js';
export { cli } from '../cli/cli.js';
export type { CliIO } from '../cli/io.js';
