import type { Check, ItemAnalysis } from '../context.js';
import type { PenaltyClause, Tier } from '../../load/model.js';
import { orderBoxes } from '../regions.js';
import { clauseModel, modelFor, tierRangeFor, type Party, type Target } from '../ranges.js';
import { amountText, fineModelText, valueText } from '../text.js';

/**
 * TIER_OUTSIDE_STATUTORY — a tier's range reaching outside the statutory range
 * of its clause: an absolute amount below the minimum or above the maximum, a
 * multiple outside the statutory factors, a share outside 0..1. For an amount
 * under a multiple (货值金额十倍以上…), the statutory range moves with the base
 * fact, so the check looks for a base value inside the tier's condition where
 * the amount falls outside, and names it.
 */
export const tierOutsideStatutory: Check = {
  code: 'TIER_OUTSIDE_STATUTORY',
  why: '行政处罚法 Art. 76 makes changing the statutory range (擅自改变行政处罚幅度) an offence; 国办发〔2022〕27号 requires tiers to stay strictly inside it. The engine clamps to the statute, so a tier outside it silently recommends something other than it says.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      for (const t of item.tiers) {
        for (const target of ['party', 'responsible'] as const) {
          const found = firstProblem(a, t, target);
          if (found) ctx.report('TIER_OUTSIDE_STATUTORY', t.at, { tier: t.id, item: item.code, ...found }, item.code);
        }
      }
    }
  },
};

function whereText(a: ItemAnalysis, cl: PenaltyClause, party: Party | undefined, target: Target): string {
  return `${a.branchText(cl)}${party ? ` for ${party === 'person' ? 'persons' : 'organizations'}` : ''}${target === 'responsible' ? ' (responsible persons)' : ''}`;
}

function firstProblem(a: ItemAnalysis, t: Tier, target: Target): { range: string; statutory: string; where: string } | undefined {
  const r = tierRangeFor(t, target);
  if (!r) return undefined;
  // Without responsibleAmount the engine applies the tier's own range to responsible persons too.
  for (const cl of a.clausesOf(t)) {
    const f = clauseModel(cl, target);
    if (!f) continue;
    const region = t.when ? a.applicable(t, cl) : a.clauseRegion(cl);
    if (region && region.length === 0) continue;
    const parties: (Party | undefined)[] = f.kind === 'byParty' ? (region ? a.parties(region) : ['person', 'organization']) : [undefined];
    for (const party of parties) {
      const m = modelFor(f, party ?? 'organization');
      // The texts only for a finding: most tiers are inside their range.
      const where = () => whereText(a, cl, party, target);
      const statutory = () => fineModelText(m);
      if (r.kind === 'share') {
        if (r.from < 0 || r.to > 1 || r.from > r.to) return { range: amountText(r.from, r.to, 'share'), statutory: 'share 0–1 of the statutory range', where: where() };
        continue;
      }
      if (r.kind === 'multiple') {
        if (m.kind === 'multiple' && (r.min < m.min || r.max > m.max)) return { range: amountText(r.min, r.max, 'factor'), statutory: statutory(), where: where() };
        continue;
      }
      const range = () => amountText(r.min, r.max, 'fen');
      if (m.kind === 'range' && (r.min < m.min || r.max > m.max)) return { range: range(), statutory: statutory(), where: where() };
      if (m.kind === 'upTo' && r.max > m.max) return { range: range(), statutory: statutory(), where: where() };
      if (m.kind === 'multiple' && region) {
        // The statutory range at base value v is [round(v·min), round(v·max)].
        const d = a.domains(m.of);
        if (!d) continue;
        for (const box of orderBoxes(region, a.domains)) {
          const c = box.get(m.of) ?? d.all;
          if (c.kind !== 'num') continue;
          const { lo, hi } = c.ivl;
          let v: number | undefined;
          if (Math.round(lo * m.max) < r.max) v = lo;
          else if (m.min > 0 && (!Number.isFinite(hi) || Math.round(hi * m.min) > r.min)) {
            v = Math.max(lo, Math.floor(r.min / m.min) + 1);
            while (Math.round(v * m.min) <= r.min) v++;
          }
          if (v === undefined) continue;
          const at = `${m.of} = ${valueText(v, d)} yuan`;
          return {
            range: range(),
            statutory: `${amountText(Math.round(v * m.min), Math.round(v * m.max), 'fen')} (${statutory()} at ${at})`,
            where: where(),
          };
        }
      }
    }
  }
  return undefined;
}
