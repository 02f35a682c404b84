import { readClause, setsPenalty, type ClauseReading } from './clause.js';
import { parseLawText } from './structure.js';
import type { LawReading, LawText, PenaltyProvision, ReadProblem, ReadViolation, Sanction, SanctionOrChoice, StatuteRef } from './types.js';

/**
 * Every paragraph of a law that sets an administrative penalty, read into
 * its violations and sanctions. Cross references (依照本法第一百二十四条的规定
 * 给予处罚, 依照前款规定处罚) are resolved to the provision they name, whose
 * sanctions are copied in; a reference that cannot be resolved, or leads to a
 * provision that needs review, makes this one need review too.
 *
 * @example
 * const { provisions } = readPenalties(text);
 * provisions.filter((p) => p.status === 'review').map((p) => p.problems);
 */
export function readPenalties(input: string | LawText): LawReading {
  const law = typeof input === 'string' ? parseLawText(input) : input;
  const raw: { ref: StatuteRef; reading: ClauseReading; text: string; at: PenaltyProvision['at']; violations: ReadViolation[] }[] = [];
  for (const article of law.articles) {
    for (const para of article.paragraphs) {
      if (!setsPenalty(para.text)) continue;
      const ref: StatuteRef = {
        article: article.number,
        ...(article.suffix !== undefined ? { suffix: article.suffix } : {}),
        paragraph: para.number,
      };
      const reading = readClause(para.text, { ref, at: para.at });
      const violations: ReadViolation[] =
        reading.enumerated && para.items.length > 0
          ? para.items.map((it) => ({ ref: { ...ref, item: it.number }, text: it.text.replace(/[；;。，]$/, ''), at: it.at }))
          : [{ ref, text: reading.violationText, at: para.at }];
      if (reading.enumerated && para.items.length === 0)
        reading.problems.push({ reason: 'ends with ： but no items (（一）…) follow', text: para.text, at: para.at });
      // Items that set their own penalty (道路运输条例 2023 Art. 63: 并处罚款 in the paragraph, the
      // amounts in each item) are provisions of their own: the paragraph's sanctions, less its fine
      // with no amount, and the item's.
      const own = reading.enumerated ? para.items.filter((it) => setsPenalty(it.text)) : [];
      if (own.length > 0 && own.length === para.items.length) {
        for (const it of para.items) {
          const iref: StatuteRef = { ...ref, item: it.number };
          const ir = readClause(it.text, { ref: iref, at: it.at });
          const shared = reading.groups.map((g) => ({
            ...g,
            sanctions: g.sanctions.filter((x) => !('kind' in x && x.kind === 'fine' && x.fine?.kind === 'unspecified')),
          }));
          // 可按下列规定处以罚款, 可以并处罚款：（一）…处以…罚款: the items' fines are optional; their other sanctions
          // keep their own words.
          const optionalFine =
            reading.listedOptional ||
            reading.groups.some((g) => g.sanctions.some((x) => 'kind' in x && x.kind === 'fine' && x.fine?.kind === 'unspecified' && !x.mandatory));
          const optionalGroups = optionalFine
            ? ir.groups.map((g) => ({ ...g, sanctions: g.sanctions.map((x) => (fineOnlyChoice(x) ? { ...x, mandatory: false } : x)) }))
            : ir.groups;
          // 逾期不改正的，依照下列规定处以罚款: each item's penalty is under that condition.
          const listedWhen = reading.listedWhen;
          const itemGroups = listedWhen ? optionalGroups.map((g) => ({ ...g, when: [...listedWhen, ...g.when] })) : optionalGroups;
          raw.push({
            ref: iref,
            reading: {
              ...ir,
              groups: [...shared, ...itemGroups],
              notPenalties: [...reading.notPenalties, ...ir.notPenalties],
              elsewhere: [...reading.elsewhere, ...ir.elsewhere],
              problems: [...reading.problems, ...ir.problems],
              ...(reading.authority !== undefined ? { authority: reading.authority } : {}),
            },
            text: `${para.text}\n（${it.number}）${it.text}`,
            at: it.at,
            violations: [{ ref: iref, text: ir.violationText.replace(/[；;。，]$/, ''), at: it.at }],
          });
        }
        continue;
      }
      if (own.length > 0) reading.problems.push(...reading.unsetFines);
      if (own.length > 0 || reading.listed)
        reading.problems.push({ reason: 'some items set a penalty of their own and others do not', text: para.text, at: para.at });
      raw.push({ ref, reading, text: para.text, at: para.at, violations });
    }
  }

  const byKey = new Map<string, (typeof raw)[number]>();
  for (const r of raw) byKey.set(key(r.ref), r);
  const resolved = new Map<string, PenaltyProvision>();

  const resolve = (r: (typeof raw)[number], seen: Set<string>): PenaltyProvision => {
    const k = key(r.ref);
    const done = resolved.get(k);
    if (done) return done;
    const problems: ReadProblem[] = [...r.reading.problems];
    let groups = r.reading.groups;
    let refersTo: StatuteRef | undefined;
    const ref = r.reading.refersTo;
    if (ref) {
      const target: StatuteRef =
        ref.relative === 'previous'
          ? { article: r.ref.article, ...suffixOf(r.ref), paragraph: (r.ref.paragraph ?? 1) - 1 }
          : ref.relative === 'paragraph'
            ? { article: r.ref.article, ...suffixOf(r.ref), paragraph: ref.ref.paragraph! }
            : ref.ref.paragraph !== undefined
              ? { article: ref.ref.article, paragraph: ref.ref.paragraph }
              : soleParagraph(raw, ref.ref.article);
      refersTo = { ...target, ...(ref.ref.item !== undefined ? { item: ref.ref.item } : {}) };
      const t = target.paragraph !== undefined ? byKey.get(key(target)) : undefined;
      if (!t) problems.push({ reason: `the provision it refers to (${refText(target)}) sets no penalty the reader found`, text: r.text, at: r.at });
      else if (seen.has(key(target))) problems.push({ reason: 'cross references that come back to this provision', text: r.text, at: r.at });
      else {
        const p = resolve(t, new Set([...seen, k]));
        if (p.status === 'review') problems.push({ reason: `the provision it refers to (${refText(target)}) needs review`, text: r.text, at: r.at });
        const taken = ref.fineOnly
          ? p.groups
              .map((g) => ({ ...g, measures: [], sanctions: g.sanctions.filter(fineOnlyChoice) }))
              .filter((g) => g.sanctions.length > 0)
          : p.groups;
        groups = [...taken, ...groups.filter((g) => g.sanctions.length > 0 || g.when.length > 0 || g.measures.length > 0)];
      }
    }
    // 处以罚款 here, and 有前款第一项行为的，处…元罚款 in another paragraph of the article: the amount is set
    // there, per item, which this reading would lose.
    const unspecifiedFine = groups.some((g) => g.sanctions.some((x) => ('anyOf' in x ? x.anyOf : [x]).some((y) => y.kind === 'fine' && y.fine?.kind === 'unspecified')));
    if (unspecifiedFine) {
      const article = law.articles.find((a) => a.number === r.ref.article && a.suffix === r.ref.suffix);
      const other = article?.paragraphs.find((q) => q.number !== r.ref.paragraph && /前款|本条第[一二三四五六七八九十]+款|第[一二三四五六七八九十]+款/.test(q.text) && /[0-9零一二两三四五六七八九十百千万]+(?:元|倍)[^，；。]{0,12}罚款/.test(q.text));
      if (other) problems.push({ reason: 'a fine with no amount here whose amounts another paragraph of the article sets', text: other.text, at: other.at });
    }
    const named = new Set(groups.flatMap((g) => g.sanctions.flatMap((x) => ('anyOf' in x ? x.anyOf : [x])).filter((x) => x.target === 'named').map((x) => x.targetText)));
    // 代表机构提交的年度报告隐瞒真实情况的，…对代表机构处以…罚款 / 公证机构及其公证员有下列行为之一的，…对公证机构处…:
    // a party the clause names that the act opens with is the party itself (its 及其… are others).
    const act = r.reading.violationText.replace(/^违反[^，；。]*?规定的?，?/, '');
    const opener = [...named].find(
      (x) =>
        x !== undefined &&
        x.length >= 2 &&
        !/、|和|及其|以及|或者|其他/.test(x) &&
        act.startsWith(x) &&
        !/^(?:的|及(?!其)|和|与|、|或者|或|以及)/.test(act.slice(x.length)),
    );
    if (opener !== undefined) {
      const asParty = (x: Sanction): Sanction => (x.target === 'named' && x.targetText === opener ? (({ targetText: _t, ...rest }) => ({ ...rest, target: 'party' as const }))(x) : x);
      groups = groups.map((g) => ({ ...g, sanctions: g.sanctions.map((x) => ('anyOf' in x ? { ...x, anyOf: x.anyOf.map(asParty) } : asParty(x))) }));
      named.delete(opener);
    }
    if (named.size > 1) problems.push({ reason: `sanctions on several parties the clause names (${[...named].join('、')}): which falls on whom is not read`, text: r.text, at: r.at });
    const hasSanction = groups.some((g) => g.sanctions.length > 0);
    if (!hasSanction && problems.length === 0 && r.reading.elsewhere.length === 0)
      problems.push({ reason: 'no administrative penalty read from the paragraph', text: r.text, at: r.at });
    const out: PenaltyProvision = {
      ref: r.ref,
      status: problems.length === 0 ? 'read' : 'review',
      violations: r.violations,
      violates: r.reading.violates,
      ...(r.reading.authority !== undefined ? { authority: r.reading.authority } : {}),
      groups,
      ...(refersTo ? { refersTo } : {}),
      notPenalties: r.reading.notPenalties,
      elsewhere: r.reading.elsewhere,
      problems,
      text: r.text,
      at: r.at,
    };
    resolved.set(k, out);
    return out;
  };

  return { law, provisions: raw.map((r) => resolve(r, new Set())) };
}

/** A fine, or a choice between fines only. */
function fineOnlyChoice(x: SanctionOrChoice): boolean {
  return 'anyOf' in x ? x.anyOf.every((y) => y.kind === 'fine') : x.kind === 'fine';
}

function suffixOf(r: StatuteRef): { suffix?: number } {
  return r.suffix !== undefined ? { suffix: r.suffix } : {};
}

/** 依照本法第X条: the article's one penalty paragraph, or its first paragraph when it has several. */
function soleParagraph(raw: readonly { ref: StatuteRef }[], article: number): StatuteRef {
  const paras = raw.filter((r) => r.ref.article === article && r.ref.suffix === undefined);
  return { article, paragraph: paras.length >= 1 ? paras[0]!.ref.paragraph! : 1 };
}

function key(r: StatuteRef): string {
  return `${r.article}.${r.suffix ?? 0}.${r.paragraph ?? 0}${r.item !== undefined ? `.${r.item}` : ''}`;
}

function refText(r: StatuteRef): string {
  return `Art. ${r.article}${r.suffix ? `-${r.suffix}` : ''}${r.paragraph ? `(${r.paragraph})` : ''}`;
}
