import type { Check } from '../context.js';

/** Title of the Administrative Penalty Law, as index.yaml declares it. */
export const XZCFF_TITLE = '中华人民共和国行政处罚法';

/**
 * LIST_NO_XZCFF_CITATION (warning) — a list entry citing no article of the
 * Administrative Penalty Law (any law key whose title is 中华人民共和国行政处罚法).
 */
export const listNoXzcffCitation: Check = {
  code: 'LIST_NO_XZCFF_CITATION',
  why: '不予处罚, 从轻 and 减轻 rest on 行政处罚法 Arts. 30–33 and 36 (and 从重 on special laws or Art. 49); a list entry should say which ground it makes concrete.',
  run(ctx) {
    const keys = new Set(Object.values(ctx.rs.laws).filter((l) => l.title.trim() === XZCFF_TITLE).map((l) => l.key));
    for (const e of ctx.rs.lists)
      if (!e.cites.some((c) => keys.has(c.law))) ctx.report('LIST_NO_XZCFF_CITATION', e.at, { id: e.id }, e.items);
  },
};
