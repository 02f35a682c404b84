import type { Check } from '../context.js';
import { boxText, firstBox } from '../text.js';

/**
 * TIER_UNREACHABLE — a tier the engine can never choose: its condition cannot
 * hold (contradictory bounds, or never inside its statutory branch), or it has
 * no `when` while the other tiers of its branch are chosen by facts and it is
 * not the fallback (the engine only looks at tiers with conditions there).
 */
export const tierUnreachable: Check = {
  code: 'TIER_UNREACHABLE',
  why: 'A tier that cannot apply is a drafting error (e.g. "货值1万元以上" filed under the "不足1万元" branch); the cases it was meant for fall elsewhere or nowhere.',
  run(ctx) {
    for (const item of ctx.rs.items) {
      const a = ctx.analysis(item);
      for (const t of item.tiers) {
        const clauses = a.clausesOf(t);
        let reachable = false;
        for (const cl of clauses) {
          if (t.when) {
            const r = a.applicable(t, cl);
            if (!r || r.length > 0) reachable = true;
          } else if (!a.byFacts(cl) || item.fallback === t.id) reachable = true;
          if (reachable) break;
        }
        if (reachable || clauses.length === 0) continue;
        let reason: string;
        let hintDetail: string;
        if (!t.when) {
          const only = clauses.length === 1 && item.clauses.length > 1 ? ` of branch "${clauses[0]!.id}"` : '';
          reason = `it has no when:, the other tiers${only} are chosen by facts, and it is not the item's fallback`;
          hintDetail = `give it a when: condition, or name it on the item as fallback: ${t.id}`;
        } else if (a.tierRegion(t)!.length === 0) {
          reason = 'its condition can never hold';
          hintDetail = 'check the bounds and operators of the condition (e.g. a lessThan below a greaterThan)';
        } else if (t.branch !== undefined) {
          const cl = clauses[0]!;
          const box = firstBox(a.clauseRegion(cl) ?? [], a.domains);
          reason = `its condition never holds under branch "${cl.id}"${box ? ` (which applies when ${boxText(box, a.domains, a.units)})` : ''}`;
          hintDetail = 'move the tier to the branch its condition belongs to, or correct the condition';
        } else {
          reason = 'its condition never holds under any statutory branch';
          hintDetail = 'correct the condition';
        }
        ctx.report('TIER_UNREACHABLE', t.at, { tier: t.id, item: item.code, reason, hintDetail }, item.code);
      }
    }
  },
};
