/** Semantic checks on loaded rule sets (`cailiang verify`): pure, one check per file under checks/. */
export {
  CHECKS,
  VERIFY_CODES,
  countUnverified,
  isIgnorableCode,
  runVerify,
  verifyRuleSet,
  type IgnoredDiagnostic,
  type VerifyReport,
} from './verifyRuleSet.js';
export type { Check, VerifyOptions } from './context.js';
export { resolveParents } from './parents.js';
