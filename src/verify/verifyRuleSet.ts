import { checkOptions, checkRuleSet } from '../load/arguments.js';
import { diagnostic, sortDiagnostics, type Diagnostic, type DiagnosticCode } from '../diagnostics/index.js';
import type { RuleSet } from '../load/model.js';
import { fineRangeTooWide } from './checks/fineRangeTooWide.js';
import { listEntryNotExercised } from './checks/listEntryNotExercised.js';
import { listNoXzcffCitation } from './checks/listNoXzcffCitation.js';
import { listSourceExpired } from './checks/listSourceExpired.js';
import { parentCycle } from './checks/parentCycle.js';
import { parentTierExceeded } from './checks/parentTierExceeded.js';
import { parentUnknown } from './checks/parentUnknown.js';
import { reducedFloor } from './checks/reducedFloor.js';
import { rulesetExpired } from './checks/rulesetExpired.js';
import { rulesetStale } from './checks/rulesetStale.js';
import { tierGap } from './checks/tierGap.js';
import { tierGradeDuplicate } from './checks/tierGradeDuplicate.js';
import { tierGradeInverted } from './checks/tierGradeInverted.js';
import { tierGradeMissing } from './checks/tierGradeMissing.js';
import { tierKindNotStatutory } from './checks/tierKindNotStatutory.js';
import { tierMasked } from './checks/tierMasked.js';
import { tierNoCitation } from './checks/tierNoCitation.js';
import { tierNotExercised } from './checks/tierNotExercised.js';
import { tierOutsideStatutory } from './checks/tierOutsideStatutory.js';
import { tierOverlap } from './checks/tierOverlap.js';
import { tierRangeKind } from './checks/tierRangeKind.js';
import { tierShareOrder } from './checks/tierShareOrder.js';
import { tierUnreachable } from './checks/tierUnreachable.js';
import { STATUTE_CHECKS } from './checks/statute.js';
import type { Check, VerifyOptions } from './context.js';
import { runChecks, type VerifyReport } from './run.js';

export { ignoreRuleFor, type IgnoredDiagnostic, type VerifyReport } from './run.js';

/** Every semantic check, in the order docs/verify.md lists them. */
export const CHECKS: readonly Check[] = [
  // Tiers: overlaps, gaps, masking.
  tierOverlap,
  tierGap,
  tierMasked,
  tierUnreachable,
  tierGradeMissing,
  tierGradeDuplicate,
  // Bounds.
  tierOutsideStatutory,
  tierRangeKind,
  tierKindNotStatutory,
  tierShareOrder,
  tierGradeInverted,
  fineRangeTooWide,
  reducedFloor,
  // Hierarchy.
  parentUnknown,
  parentCycle,
  parentTierExceeded,
  // Citations.
  tierNoCitation,
  listNoXzcffCitation,
  // Validity.
  rulesetExpired,
  rulesetStale,
  listSourceExpired,
  // Fixture coverage.
  tierNotExercised,
  listEntryNotExercised,
  // Against the statute text (verify --statutes).
  ...STATUTE_CHECKS,
];

/** Codes the semantic checks can produce: the ones `ignore:` and `--ignore` accept. */
export const VERIFY_CODES: readonly DiagnosticCode[] = [...CHECKS.map((c) => c.code), 'CONDITION_TOO_COMPLEX', 'IGNORE_UNKNOWN_CODE'];

const IGNORABLE = new Set<string>(VERIFY_CODES.filter((c) => c !== 'IGNORE_UNKNOWN_CODE'));

/** True when `--ignore` / `ignore:` may name the code. */
export function isIgnorableCode(code: string): boolean {
  return IGNORABLE.has(code);
}

/**
 * Runs every semantic check and applies the ignore rules (the rule set's
 * `ignore:` entries and `options.ignore`); returns what remains and what was
 * dropped. Pure: the reference date comes in `options.asOf`.
 */
export function runVerify(ruleSet: RuleSet, options: VerifyOptions = {}): VerifyReport {
  const own: Diagnostic[] = [];
  for (const r of ruleSet.ignore ?? []) {
    if (!IGNORABLE.has(r.code)) own.push(diagnostic('IGNORE_UNKNOWN_CODE', r.at, { code: r.code, known: [...IGNORABLE].sort().join(', ') }));
  }
  const report = runChecks(ruleSet, options, CHECKS);
  return { diagnostics: sortDiagnostics([...own, ...report.diagnostics]), ignored: report.ignored };
}

/**
 * The semantic checks of `cailiang verify` on a loaded rule set: overlapping
 * tiers and gaps (with a counterexample), masked and unreachable tiers, ranges
 * outside the statute or a parent rule set, citations, validity, and fixture
 * coverage. Pure and deterministic; returns diagnostics sorted by position,
 * without those the rule set (or `options.ignore`) ignores.
 *
 * @example
 * import { loadRuleSet, verifyRuleSet } from 'cailiang';
 * const { ruleSet } = loadRuleSet(files);
 * const problems = verifyRuleSet(ruleSet!, { asOf: '2026-01-01' });
 * // e.g. TIER_OVERLAP at food.yaml:21:9 — goodsValue = 10000 yuan matches "light" and "general" of item A-1
 */
export function verifyRuleSet(ruleSet: RuleSet, options: VerifyOptions = {}): Diagnostic[] {
  checkRuleSet('verifyRuleSet', ruleSet);
  checkOptions('verifyRuleSet', options);
  return runVerify(ruleSet, options).diagnostics;
}

/**
 * How many `unverified:` marks the rule set carries (rule-set points, laws,
 * items, tiers, list entries and their sources): shown in the summary line
 * rather than as one diagnostic each.
 */
export function countUnverified(rs: RuleSet): number {
  let n = rs.unverified.length;
  for (const l of Object.values(rs.laws)) if (l.unverified) n++;
  for (const i of rs.items) {
    if (i.unverified) n++;
    if (i.source?.unverified) n++;
    for (const t of i.tiers) if (t.unverified) n++;
  }
  for (const e of rs.lists) {
    if (e.unverified) n++;
    if (e.source.unverified) n++;
  }
  return n;
}
