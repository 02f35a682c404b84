import type { DiagnosticCode } from '../../diagnostics/index.js';
import type { Citation, FineModel, Item, Law, PenaltyClause } from '../../load/model.js';
import { expectedModel, type FineOut } from '../../statute/layer.js';
import { citationText } from '../../statute/structure.js';
import type { LawReading, PenaltyProvision } from '../../statute/types.js';
import type { Check, VerifyContext } from '../context.js';

/**
 * Rule files checked against the statute they cite (verify --statutes): the
 * cited article, paragraph and item exist in the text of that version; the
 * statutory kinds, ranges, multiples and bases equal what the penalty
 * paragraph says. The text is read by the statute reader; a paragraph it
 * cannot read fully is reported as unchecked, never guessed at.
 */

interface StatuteFinding {
  readonly code: DiagnosticCode;
  readonly at: PenaltyClause['at'];
  readonly data: Record<string, string | number>;
  readonly item?: string;
}

const cache = new WeakMap<VerifyContext, StatuteFinding[]>();

function findings(ctx: VerifyContext): StatuteFinding[] {
  let out = cache.get(ctx);
  if (out) return out;
  out = [];
  cache.set(ctx, out);
  const source = ctx.options.statutes;
  if (!source) return out;
  const readings = new Map<string, LawReading | undefined>();
  const readingOf = (key: string): LawReading | undefined => {
    if (!readings.has(key)) {
      const law: Law | undefined = Object.prototype.hasOwnProperty.call(ctx.rs.laws, key) ? ctx.rs.laws[key] : undefined;
      const r = law ? source.find(law) : undefined;
      readings.set(key, r);
      if (law && !r) {
        const used = ctx.rs.items.some((i) => [...i.violates, ...i.penalizedBy].some((c) => c.law === key));
        if (used)
          out!.push({
            code: 'STATUTE_LAW_NOT_FOUND',
            at: ctx.rs.at?.index ?? ctx.indexPlace,
            data: { law: key, title: law.title, version: law.version, versions: source.versions?.(law.title).join(', ') || 'none' },
          });
      }
    }
    return readings.get(key);
  };

  for (const item of ctx.rs.items) {
    for (const c of [...item.violates, ...item.penalizedBy]) {
      const r = readingOf(c.law);
      if (r && !exists(r, c))
        out.push({ code: 'STATUTE_ARTICLE_MISSING', at: item.at, data: { citation: citeText(c), law: r.law.title, item: item.code }, item: item.code });
    }
    const cited = item.penalizedBy.flatMap((c) => {
      const r = readingOf(c.law);
      return r && exists(r, c) ? [{ c, p: provisionFor(r, c) }] : [];
    });
    // 除依照前款规定处罚外 / 依照前款规定处罚: the reading of the provision that refers already holds the
    // penalty of the one it refers to, so that one is not compared on its own.
    const referred = new Set(cited.flatMap(({ c, p }) => (p?.refersTo ? [`${c.law}|${p.refersTo.article}|${p.refersTo.paragraph ?? 1}`] : [])));
    for (const { c, p } of cited) {
      if (!p) {
        out.push({ code: 'STATUTE_NO_PENALTY', at: item.at, data: { citation: citeText(c), item: item.code }, item: item.code });
        continue;
      }
      if (referred.has(`${c.law}|${c.article}|${c.paragraph ?? 1}`) && c.item === undefined) continue;
      compare(item, c, p, out);
    }
  }
  return out;
}

function exists(r: LawReading, c: Citation): boolean {
  const a = r.law.articles.find((x) => x.number === c.article && x.suffix === undefined);
  if (!a) return false;
  if (c.paragraph === undefined) return c.item === undefined || (a.paragraphs[0]?.items.some((i) => i.number === c.item) ?? false);
  const para = a.paragraphs[c.paragraph - 1];
  if (!para) return false;
  return c.item === undefined || para.items.some((i) => i.number === c.item);
}

/** The penalty paragraph a citation names; without a paragraph, the article's first. */
function provisionFor(r: LawReading, c: Citation): PenaltyProvision | undefined {
  const paragraph = c.paragraph ?? 1;
  const at = r.provisions.filter((p) => p.ref.article === c.article && p.ref.suffix === undefined && p.ref.paragraph === paragraph);
  // An item with a penalty of its own is a provision of its own; otherwise the paragraph's.
  return at.find((p) => c.item !== undefined && p.ref.item === c.item) ?? at.find((p) => p.ref.item === undefined);
}

function compare(item: Item, c: Citation, p: PenaltyProvision, out: StatuteFinding[]): void {
  const at = item.clauses[0]?.at ?? item.at;
  const cite = citeText(c);
  if (p.status === 'review') {
    out.push({ code: 'STATUTE_UNREAD', at, data: { citation: cite, reason: p.problems[0]?.reason ?? 'not read', item: item.code }, item: item.code });
    return;
  }
  const expected = expectedModel(p);
  if (!expected.ok) {
    out.push({ code: 'STATUTE_UNREAD', at, data: { citation: cite, reason: expected.reason, item: item.code }, item: item.code });
    return;
  }
  const wording = p.text.length > 160 ? p.text.slice(0, 160) + '…' : p.text;
  const textKinds = new Set(expected.outcomes.flatMap((o) => o.kinds));
  const itemKinds = new Set<string>(item.clauses.flatMap((cl) => cl.kinds));
  for (const k of [...itemKinds].sort())
    if (!textKinds.has(k))
      out.push({ code: 'STATUTE_KIND_EXTRA', at: clauseWith(item, (cl) => (cl.kinds as readonly string[]).includes(k)) ?? at, data: { kind: k, citation: cite, wording, item: item.code }, item: item.code });
  for (const k of [...textKinds].sort())
    if (!itemKinds.has(k)) out.push({ code: 'STATUTE_KIND_MISSING', at, data: { kind: k, citation: cite, wording, item: item.code }, item: item.code });

  // Fines: every fine of the item must be one the text sets; every fine the text sets should be in the item.
  const textFines = expected.outcomes.flatMap((o) => (o.fine ? [norm(o.fine, expected.facts)] : []));
  const itemFines = item.clauses.flatMap((cl) => (cl.fine ? [{ cl, f: fromModel(cl.fine) }] : []));
  for (const { cl, f } of itemFines) {
    if (textFines.some((t) => same(t, f))) continue;
    if (textFines.length === 0) continue; // no fine in the text: reported as STATUTE_KIND_EXTRA
    const code = mismatchCode(f, textFines);
    out.push({ code, at: cl.at, data: { found: show(f), expected: textFines.map(show).join(' / '), citation: cite, wording, item: item.code }, item: item.code });
  }
  if (itemFines.length > 0)
    for (const t of textFines)
      if (!itemFines.some(({ f }) => same(t, f)) && !itemFines.some(({ f }) => near(t, f)))
        out.push({ code: 'STATUTE_FINE_MISSING', at, data: { expected: show(t), citation: cite, wording, item: item.code }, item: item.code });
}

function clauseWith(item: Item, f: (c: PenaltyClause) => boolean): PenaltyClause['at'] | undefined {
  return item.clauses.find(f)?.at;
}

/** A fine in one comparable form: yuan, multiples with their base fact (undefined when the text's base is one no rule file would name alike). */
type Norm =
  | { k: 'range'; min: number; max: number }
  | { k: 'multiple'; of?: string; min: number; max: number; floor?: number; cap?: number }
  /** 每平方米…元: yuan per unit; `of` undefined when the text's count is one no rule file would name alike. */
  | { k: 'perUnit'; of?: string; min: number; max: number }
  /** 处以罚款: no amount in the text. */
  | { k: 'unspecified' }
  | { k: 'byParty'; person: Norm; organization: Norm };

function norm(f: FineOut, facts: ReadonlyMap<string, string>): Norm {
  if ('unspecified' in f) return { k: 'unspecified' };
  if ('amount' in f) return { k: 'range', min: f.amount[0], max: f.amount[1] };
  if ('upTo' in f) return { k: 'range', min: 0, max: f.upTo };
  if ('multiple' in f) {
    const known = !f.multiple.of.startsWith('base') || !facts.has(f.multiple.of);
    return { k: 'multiple', ...(known ? { of: f.multiple.of } : {}), min: f.multiple.range?.[0] ?? 0, max: f.multiple.range?.[1] ?? f.multiple.upTo ?? 0, ...(f.multiple.floor !== undefined ? { floor: f.multiple.floor } : {}), ...(f.multiple.cap !== undefined ? { cap: f.multiple.cap } : {}) };
  }
  if ('perUnit' in f) {
    const known = !f.perUnit.of.startsWith('units') || !facts.has(f.perUnit.of);
    return { k: 'perUnit', ...(known ? { of: f.perUnit.of } : {}), min: f.perUnit.range?.[0] ?? 0, max: f.perUnit.range?.[1] ?? f.perUnit.upTo ?? 0 };
  }
  return { k: 'byParty', person: norm(f.person, facts), organization: norm(f.organization, facts) };
}

function fromModel(f: FineModel): Norm {
  switch (f.kind) {
    case 'range':
      return { k: 'range', min: f.min / 100, max: f.max / 100 };
    case 'upTo':
      return { k: 'range', min: 0, max: f.max / 100 };
    case 'multiple':
      return { k: 'multiple', of: f.of, min: f.min, max: f.max, ...(f.floor !== undefined ? { floor: f.floor / 100 } : {}), ...(f.cap !== undefined ? { cap: f.cap / 100 } : {}) };
    case 'perUnit':
      return { k: 'perUnit', of: f.of, min: f.min / 100, max: f.max / 100 };
    case 'unspecified':
      return { k: 'unspecified' };
    case 'byParty':
      return { k: 'byParty', person: fromModel(f.person), organization: fromModel(f.organization) };
  }
}

function same(a: Norm, b: Norm): boolean {
  if (a.k !== b.k) return false;
  if (a.k === 'byParty' && b.k === 'byParty') return same(a.person, b.person) && same(a.organization, b.organization);
  if (a.k === 'multiple' && b.k === 'multiple' && (a.floor !== b.floor || a.cap !== b.cap)) return false;
  if ((a.k === 'multiple' && b.k === 'multiple') || (a.k === 'perUnit' && b.k === 'perUnit')) return a.min === b.min && a.max === b.max && (a.of === undefined || b.of === undefined || a.of === b.of);
  if (a.k === 'unspecified') return true;
  return a.k === 'range' && b.k === 'range' && a.min === b.min && a.max === b.max;
}

/** Same shape and base, other figures: reported once, as the mismatch, not again as missing. */
function near(a: Norm, b: Norm): boolean {
  if ((a.k === 'multiple' && b.k === 'multiple') || (a.k === 'perUnit' && b.k === 'perUnit')) return a.of === undefined || b.of === undefined || a.of === b.of;
  return a.k === b.k;
}

function mismatchCode(f: Norm, text: readonly Norm[]): DiagnosticCode {
  if (f.k === 'multiple') {
    const sameFigures = text.some((t) => t.k === 'multiple' && t.min === f.min && t.max === f.max && t.floor === f.floor && t.cap === f.cap);
    if (sameFigures) return 'STATUTE_BASE_MISMATCH';
    return 'STATUTE_MULTIPLE_MISMATCH';
  }
  return 'STATUTE_RANGE_MISMATCH';
}

function show(n: Norm): string {
  if (n.k === 'range') return n.min === 0 ? `≤ ${n.max} 元` : `${n.min}–${n.max} 元`;
  if (n.k === 'multiple') return `${n.of ?? '基数'} × ${n.min}–${n.max}${n.floor !== undefined ? `（不足 ${n.floor} 元按 ${n.floor} 元计）` : ''}${n.cap !== undefined ? `（最高 ${n.cap} 元）` : ''}`;
  if (n.k === 'perUnit') return `每单位 ${n.min === 0 ? `≤ ${n.max}` : `${n.min}–${n.max}`} 元 × ${n.of ?? '计罚数量'}`;
  if (n.k === 'unspecified') return '未规定数额';
  return `个人 ${show(n.person)}, 单位 ${show(n.organization)}`;
}

function citeText(c: Citation): string {
  return citationText({ article: c.article, ...(c.paragraph !== undefined ? { paragraph: c.paragraph } : {}), ...(c.item !== undefined ? { item: c.item } : {}) });
}

function check(code: DiagnosticCode, why: string): Check {
  return {
    code,
    why,
    run(ctx) {
      for (const f of findings(ctx)) if (f.code === code) ctx.report(code, f.at, f.data, f.item);
    },
  };
}

export const statuteLawNotFound = check(
  'STATUTE_LAW_NOT_FOUND',
  'A rule set is checked against the text of the version it cites; a title or version date that matches no text in the collection cannot be checked (and may be mistyped).',
);
export const statuteArticleMissing = check(
  'STATUTE_ARTICLE_MISSING',
  'A citation to an article, paragraph or item the cited text does not have points an officer and the party at nothing (行政处罚法 Art. 44: the decision states its legal basis).',
);
export const statuteNoPenalty = check(
  'STATUTE_NO_PENALTY',
  '处罚依据 must be a provision that sets the penalty; a paragraph that sets none is the wrong basis (or the reader could not find it).',
);
export const statuteUnread = check(
  'STATUTE_UNREAD',
  'The cited penalty paragraph could not be read fully, so the rule file’s figures were not checked against it: check them by hand.',
);
export const statuteRangeMismatch = check(
  'STATUTE_RANGE_MISMATCH',
  'A fine range that is not the statute’s (5万 typed for 50万) passes every other check; the text is the source of truth (行政处罚法 Art. 4: penalties as the law sets them).',
);
export const statuteMultipleMismatch = check('STATUTE_MULTIPLE_MISMATCH', 'Multiples of a base (货值金额十倍以上二十倍以下) must be the statute’s.');
export const statuteBaseMismatch = check(
  'STATUTE_BASE_MISMATCH',
  'A multiple of the wrong base (违法所得 for 货值金额) gives a wrong amount with the right figures.',
);
export const statuteKindExtra = check('STATUTE_KIND_EXTRA', 'A penalty kind the statute does not set for the act cannot be imposed (行政处罚法 Art. 4, 38).');
export const statuteKindMissing = check(
  'STATUTE_KIND_MISSING',
  'A kind the statute sets (没收违法所得, 吊销许可证 when serious) missing from the rule file is left out of every recommendation; keep it out only on purpose, recorded under ignore:.',
);
export const statuteFineMissing = check(
  'STATUTE_FINE_MISSING',
  'A fine the statute sets for some case (a branch on the base, 情节严重) that the rule file does not model leaves those cases without the statute’s range.',
);

export const STATUTE_CHECKS: readonly Check[] = [
  statuteLawNotFound,
  statuteArticleMissing,
  statuteNoPenalty,
  statuteUnread,
  statuteRangeMismatch,
  statuteMultipleMismatch,
  statuteBaseMismatch,
  statuteKindExtra,
  statuteKindMissing,
  statuteFineMissing,
];
