import type { Diagnostic } from '../diagnostics/index.js';
import { checkCatalog } from '../load/catalog.js';
import type { RuleSet } from '../load/model.js';
import { loadRuleSetDir } from '../node/loadRuleSetDir.js';
import { scanRuleSetDirs } from '../node/ruleSetDirs.js';
import { gateRuleSet } from '../verify/gate.js';

export interface Checked {
  readonly dir: string;
  readonly ruleSet?: RuleSet;
  readonly diagnostics: readonly Diagnostic[];
  /** Findings dropped by ignore rules (after verify). */
  readonly ignored?: number;
  /** `unverified:` marks the rule set carries (after verify). */
  readonly unverified?: number;
}

/** Loads every rule set found under the given paths. */
export async function checkDirs(paths: readonly string[], options: { readonly cache?: string } = {}, skipped: Diagnostic[] = []): Promise<Checked[]> {
  const results: Checked[] = [];
  for (const p of paths) {
    const scan = await scanRuleSetDirs(p);
    for (const d of scan.skipped) skipped.push(d);
    const dirs = scan.dirs;
    if (dirs.length === 0) {
      results.push({ dir: p, ...(await loadRuleSetDir(p, options)) });
      continue;
    }
    for (const dir of dirs) results.push({ dir, ...(await loadRuleSetDir(dir, options)) });
  }
  return results;
}

/**
 * Loads the rule sets under `dir` as a catalogue (several regions and versions);
 * reports the diagnostics of any that fails, overlapping versions of one id,
 * and the errors of verify that stop evaluation (the gate: a tier outside the
 * statutory range, an `extends` cycle).
 */
export async function loadRules(dir: string, options: { readonly cache?: string } = {}): Promise<{ ruleSets: RuleSet[]; diagnostics: Diagnostic[] }> {
  const skipped: Diagnostic[] = [];
  const checked = await checkDirs([dir], options, skipped);
  const ruleSets = checked.flatMap((r) => (r.ruleSet ? [r.ruleSet] : []));
  return {
    ruleSets,
    diagnostics: [
      ...checked.flatMap((r) => (r.ruleSet ? [] : r.diagnostics)),
      ...ruleSets.flatMap((rs) => gateRuleSet(rs, ruleSets)),
      ...checkCatalog(ruleSets),
      ...skipped,
    ],
  };
}

