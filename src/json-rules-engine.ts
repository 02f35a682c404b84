/**
 * `cailiang/json-rules-engine`: an item's branches, tiers and list entries as
 * json-rules-engine rules, and evaluation with json-rules-engine deciding the
 * conditions. A separate entry, so that `import 'cailiang'` does not load
 * json-rules-engine and the packages behind it.
 */
export { evaluateWithJsonRulesEngine, toJsonRulesEngineRules } from './evaluate/jre.js';
