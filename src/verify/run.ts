import { sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { RuleSet } from '../load/model.js';
import { VerifyContext, type Check, type VerifyOptions } from './context.js';

/** A diagnostic dropped by an ignore rule, and why. */
export interface IgnoredDiagnostic {
  readonly diagnostic: Diagnostic;
  /** The rule set's recorded reason, or "--ignore" for a code given by the caller. */
  readonly reason: string;
}

export interface VerifyReport {
  /** What remains after ignores, sorted. */
  readonly diagnostics: Diagnostic[];
  readonly ignored: IgnoredDiagnostic[];
}

/** The rule set's own `ignore:` entry that drops a finding of `code` about `items`, if any. */
export function ignoreRuleFor(ruleSet: RuleSet, code: string, items: readonly string[]): { readonly reason: string } | undefined {
  return (ruleSet.ignore ?? []).find((r) => r.code === code && (r.item === undefined || items.includes(r.item)));
}

/** Runs the given checks and applies the ignore rules (the rule set's `ignore:` entries and `options.ignore`). */
export function runChecks(ruleSet: RuleSet, options: VerifyOptions, checks: readonly Check[]): VerifyReport {
  const ctx = new VerifyContext(ruleSet, options);
  for (const check of checks) check.run(ctx);
  const cli = new Set(options.ignore ?? []);
  const kept: Diagnostic[] = [];
  const ignored: IgnoredDiagnostic[] = [];
  for (const f of ctx.findings) {
    const code = f.diagnostic.code;
    if (cli.has(code)) {
      ignored.push({ diagnostic: f.diagnostic, reason: '--ignore' });
      continue;
    }
    const rule = ignoreRuleFor(ruleSet, code, f.items);
    if (rule) ignored.push({ diagnostic: f.diagnostic, reason: rule.reason });
    else kept.push(f.diagnostic);
  }
  return { diagnostics: sortDiagnostics(kept), ignored };
}
