import type { Item, PenaltyClause, Policy, RuleSet, Tier } from '../../load/model.js';
import { VerifyContext, type Check, type ItemAnalysis } from '../context.js';
import { intersect, orderBoxes, type Domains, type Region } from '../regions.js';
import { partiesOf, resolveTier, type Party, type Resolved } from '../ranges.js';
import { amountText, pointText } from '../text.js';

/**
 * PARENT_TIER_EXCEEDED — a tier of a lower-level rule set (`extends:`) whose
 * range reaches outside the parent's tier for the same item and the same
 * cases. Cases are matched by region: for tiers chosen by facts, wherever the
 * two tiers' conditions (within their branches) can both hold; for tiers
 * chosen by grade, the parent's tier of the same grade (or, for a tier without
 * grade, the parent's whole set of tiers in that branch). Ranges are compared
 * in yuan, or in multiples; a tier without a range stands for its policy band.
 */
export const parentTierExceeded: Check = {
  code: 'PARENT_TIER_EXCEEDED',
  why: '国办发〔2022〕27号: where an upper level has made a benchmark, a lower level may refine it to local conditions but may not exceed the tiers or ranges it drew.',
  run(ctx) {
    const parents = (ctx.options.parents ?? []).filter((p) => p.id !== ctx.rs.id);
    if (parents.length === 0) return;
    for (const item of ctx.rs.items) {
      const parent = parents.find((p) => p.items.some((i) => i.code === item.code));
      if (!parent) continue;
      const pItem = parent.items.find((i) => i.code === item.code)!;
      const a = ctx.analysis(item);
      const pa = new VerifyContext(parent, {}).analysis(pItem);
      const domains: Domains = (f) => a.domains(f) ?? pa.domains(f);
      for (const t of item.tiers) {
        const found = firstExcess(a, pa, domains, t, ctx.rs.policy, parent);
        if (found) ctx.report('PARENT_TIER_EXCEEDED', t.at, { tier: t.id, item: item.code, parent: `${parent.id} ${parent.version}`, ...found }, item.code);
      }
    }
  },
};

/** A tier with its implied range: a tier chosen by grade without a range stands for its policy band. */
function withRange(t: Tier, policy: Policy): Tier {
  if (t.range) return t;
  const [lo, hi] = policy.split;
  const bands = { lighter: [0, lo], general: [lo, hi], heavier: [hi, 1] } as const;
  const band = !t.when && t.grade ? bands[t.grade] : [0, 1];
  return { ...t, range: { kind: 'share', from: band[0]!, to: band[1]! } };
}

function hull(list: Resolved[]): Resolved | undefined {
  if (list.length === 0 || list.some((r) => r.unit !== list[0]!.unit)) return undefined;
  return { unit: list[0]!.unit, min: Math.min(...list.map((r) => r.min)), max: Math.max(...list.map((r) => r.max)) };
}

interface Excess {
  range: string;
  parentTier: string;
  parentRange: string;
  where: string;
}

function firstExcess(a: ItemAnalysis, pa: ItemAnalysis, domains: Domains, t: Tier, policy: Policy, parent: RuleSet): Excess | undefined {
  const pItem: Item = pa.item;
  const mine = withRange(t, policy);
  for (const cl of a.clausesOf(t)) {
    const own = t.when ? a.applicable(t, cl) : a.clauseRegion(cl);
    if (!own || own.length === 0) continue;
    const same = pItem.clauses.filter((p) => p.id === cl.id);
    for (const pcl of same.length > 0 ? same : pItem.clauses) {
      const pRegion = pa.clauseRegion(pcl);
      if (!pRegion) continue;
      const shared = a.attempt(`the tiers of item ${pItem.code}`, t.at, () => intersect(own, pRegion, domains));
      if (!shared || shared.length === 0) continue;
      const candidates = pa.candidates(pcl);
      // Pairs (parent tiers, where) to compare against.
      const targets: { tiers: Tier[]; region: Region; grade?: string }[] = [];
      if (candidates.some((p) => p.when)) {
        for (const p of candidates.filter((x) => x.when)) {
          const pr = pa.tierRegion(p);
          if (!pr) continue;
          const both = a.attempt(`the tiers of item ${pItem.code}`, t.at, () => intersect(shared, pr, domains));
          if (both && both.length > 0) targets.push({ tiers: [p], region: both });
        }
      } else if (candidates.length > 0) {
        const graded = t.grade ? candidates.find((p) => p.grade === t.grade) : undefined;
        targets.push({ tiers: graded ? [graded] : candidates, region: shared, ...(graded ? { grade: t.grade } : {}) });
      }
      for (const target of targets) {
        for (const party of partiesFor(a, cl, target.region)) {
          const x = resolveTier(mine, cl, party);
          const ys = target.tiers.map((p) => resolveTier(withRange(p, parent.policy), pcl, party)).filter((r): r is Resolved => r !== undefined);
          const y = ys.length === target.tiers.length ? hull(ys) : undefined;
          if (!x || !y || x.unit !== y.unit) continue;
          if (x.min >= y.min && x.max <= y.max) continue;
          const box = orderBoxes(target.region, domains)[0]!;
          const point = pointText(box, domains, a.units);
          const where = [
            a.branchText(cl),
            target.grade ? ` for grade ${target.grade}` : point !== 'any case' && t.when ? ` (e.g. ${point})` : '',
            partiesOf(cl.fine).length > 1 ? ` for ${party === 'person' ? 'persons' : 'organizations'}` : '',
          ].join('');
          return {
            range: amountText(x.min, x.max, x.unit),
            parentTier: target.tiers.map((p) => p.id).join('", "'),
            parentRange: amountText(y.min, y.max, y.unit),
            where,
          };
        }
      }
    }
  }
  return undefined;
}

function partiesFor(a: ItemAnalysis, cl: PenaltyClause, region: Region): Party[] {
  const all = partiesOf(cl.fine);
  if (all.length === 1) return all;
  const possible = a.parties(region);
  return all.filter((p) => possible.includes(p));
}
