import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { RuleSet } from './model.js';

/** The versions of one rule-set id, oldest first. */
export function versionsOf<R extends Pick<RuleSet, 'id' | 'effective'>>(ruleSets: readonly R[], id: string): R[] {
  return ruleSets.filter((r) => r.id === id).sort((a, b) => (a.effective.from < b.effective.from ? -1 : a.effective.from > b.effective.from ? 1 : 0));
}

/** The version in force on a day (YYYY-MM-DD), if any. */
export function inForce<R extends Pick<RuleSet, 'effective'>>(versions: readonly R[], day: string): R | undefined {
  return versions.find((r) => r.effective.from <= day && (r.effective.to === null || day <= r.effective.to));
}

/**
 * Checks a catalogue of rule sets: two versions of one id may not be in force
 * on the same day (the one-book rule needs exactly one version per date).
 */
export function checkCatalog(ruleSets: readonly Pick<RuleSet, 'id' | 'version' | 'effective' | 'at'>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = [...new Set(ruleSets.map((r) => r.id))].sort();
  for (const id of ids) {
    const versions = versionsOf(ruleSets, id);
    for (let i = 1; i < versions.length; i++) {
      const prev = versions[i - 1]!;
      const cur = versions[i]!;
      if (prev.effective.to === null || prev.effective.to >= cur.effective.from) {
        out.push(
          diagnostic('CATALOG_OVERLAP', cur.at.effective, {
            id,
            version: cur.version,
            from: cur.effective.from,
            to: cur.effective.to ?? '…',
            other: prev.version,
            otherFrom: prev.effective.from,
            otherTo: prev.effective.to ?? '…',
          }),
        );
      }
    }
  }
  return out;
}
