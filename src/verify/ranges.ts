import { modelFor } from '../load/lookup.js';
import type { FineModel, PenaltyClause, Tier } from '../load/model.js';

/**
 * Tier ranges made comparable: in fen for fixed statutory ranges and absolute
 * amounts, in factors for multiples of a base amount, the way the engine
 * computes them (share bands rounded to the fen).
 */

/** fen; factors of a money base; fen per unit of a count (每平方米…元). */
export type Unit = 'fen' | 'factor' | 'perUnit';
export interface Resolved {
  readonly unit: Unit;
  readonly min: number;
  readonly max: number;
}
export type Party = 'person' | 'organization';
export type Target = 'party' | 'responsible';
export type SimpleFine = Exclude<FineModel, { kind: 'byParty' }>;

export { modelFor };

/** The fine model of a clause for a target. */
export function clauseModel(cl: PenaltyClause, target: Target): FineModel | undefined {
  return target === 'party' ? cl.fine : cl.responsibleFine;
}

/** A statutory model as a range: fixed amounts in fen, multiples as factors; none for a fine with no amount (处以罚款). */
export function statutoryRange(m: SimpleFine): Resolved | undefined {
  switch (m.kind) {
    case 'range':
      return { unit: 'fen', min: m.min, max: m.max };
    case 'upTo':
      return { unit: 'fen', min: 0, max: m.max };
    case 'multiple':
      return { unit: 'factor', min: m.min, max: m.max };
    case 'perUnit':
      return { unit: 'perUnit', min: m.min, max: m.max };
    case 'unspecified':
      return undefined;
  }
}

/** The range a tier gives for a target: responsible persons use responsibleAmount when set, as the engine does. */
export function tierRangeFor(t: Tier, target: Target): Tier['range'] {
  if (target === 'responsible' && t.responsibleAmount) return { kind: 'amount', ...t.responsibleAmount };
  return t.range;
}

/**
 * A tier's range under a clause for one party, comparable with other tiers:
 * undefined when the tier has no range, or when it cannot be expressed in the
 * clause's terms (a multiple under a fixed range).
 */
export function resolveTier(t: Tier, cl: PenaltyClause, party: Party, target: Target = 'party'): Resolved | undefined {
  const r = tierRangeFor(t, target);
  const f = clauseModel(cl, target);
  if (!r || !f) return undefined;
  const s = statutoryRange(modelFor(f, party));
  // No statutory amount: a tier amount stands alone; a share or multiple of nothing cannot be compared.
  if (!s) return r.kind === 'amount' ? { unit: 'fen', min: r.min, max: r.max } : undefined;
  switch (r.kind) {
    case 'share': {
      const span = s.max - s.min;
      const at = (x: number) => (s.unit === 'fen' ? Math.round(s.min + span * x) : s.min + span * x);
      return { unit: s.unit, min: at(r.from), max: at(r.to) };
    }
    case 'amount':
      return { unit: 'fen', min: r.min, max: r.max };
    case 'multiple':
      return s.unit === 'factor' ? { unit: 'factor', min: r.min, max: r.max } : undefined;
  }
}

/** The parties whose models differ under a fine (both for byParty), else one representative. */
export function partiesOf(f: FineModel | undefined): Party[] {
  return f?.kind === 'byParty' ? ['person', 'organization'] : ['organization'];
}

/** True when a ≤ b at both ends. */
export function notAbove(a: Resolved, b: Resolved): boolean {
  return a.min <= b.min && a.max <= b.max;
}
