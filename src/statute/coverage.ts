import { readPenalties } from './read.js';
import type { LawReading, PenaltyProvision } from './types.js';

/** One law's share of penalty paragraphs read fully. */
export interface LawCoverage {
  readonly name: string;
  readonly title: string;
  readonly paragraphs: number;
  readonly read: number;
  readonly review: readonly { readonly provision: PenaltyProvision; readonly reasons: readonly string[] }[];
}

export interface CoverageReport {
  readonly laws: readonly LawCoverage[];
  readonly paragraphs: number;
  readonly read: number;
  /** Reasons for review, with how many paragraphs each stopped, most frequent first. */
  readonly reasons: readonly { readonly reason: string; readonly count: number }[];
}

/**
 * How much of a collection of law texts the reader reads fully: penalty
 * paragraphs found, the share read, and why the rest need review.
 * Pure: the caller gives each text with a name (its file).
 */
export function statuteCoverage(texts: Iterable<{ readonly name: string; readonly text: string }>): CoverageReport {
  const laws: LawCoverage[] = [];
  const reasons = new Map<string, number>();
  for (const { name, text } of texts) {
    const reading: LawReading = readPenalties(text);
    const review = reading.provisions
      .filter((p) => p.status === 'review')
      .map((p) => ({ provision: p, reasons: [...new Set(p.problems.map((x) => x.reason))] }));
    for (const r of review) for (const reason of r.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    laws.push({
      name,
      title: reading.law.title,
      paragraphs: reading.provisions.length,
      read: reading.provisions.length - review.length,
      review,
    });
  }
  laws.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    laws,
    paragraphs: laws.reduce((n, l) => n + l.paragraphs, 0),
    read: laws.reduce((n, l) => n + l.read, 0),
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
  };
}
