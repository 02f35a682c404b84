import { CONDITIONS, CRIME, ELSEWHERE, NOT_CRIME, NOT_PENALTY, findBase } from './lexicon.js';
import { NUMERAL_CHARS, parseFactor, parseNumeral, parseOrdinal, parseYuan } from './numerals.js';
import type {
  ClauseCondition,
  FineBase,
  PenaltyGroup,
  ReadFine,
  ReadMeasure,
  ReadProblem,
  Sanction,
  SanctionOrChoice,
  StatuteRef,
  Target,
  TextPosition,
} from './types.js';

/**
 * The penalty a paragraph sets, read piece by piece: the paragraph is cut at
 * 。 and ；, then at ，. The pieces before the first sanction (or the 由…部门
 * authority) describe the violation; after it, a piece ending in 的 opens a
 * conditional group (货值金额不足一万元的, 情节严重的, 拒不改正的), and every
 * other piece must be a sanction, a measure, a cross reference or a part that
 * is not an administrative penalty. A piece that is none of these makes the
 * paragraph `review`, with the piece and the reason: the reader never guesses.
 */

const N = `[${NUMERAL_CHARS}]+`;
/** What a fine per unit counts (每平方米, 每株 …), and the words for the count when the text names none. */
const COUNTED: Readonly<Record<string, string>> = { 平方米: '面积', 立方米: '体积', 吨: '重量', 株: '株数', 只: '只数', 人: '人数', 辆: '车辆数', 次: '次数', 件: '件数', 头: '头数', 台: '台数', 艘: '船舶数' };
const PER_UNITS = Object.keys(COUNTED).join('|');
/** A period: 三个月, 六个月以上一年以下, 3个月至6个月, 十日以内. */
const DURATION = `${N}(?:个月|日|天|年)(?:(?:以上|至|到)${N}(?:个月|日|天|年))?(?:以下|以内)?`;
const YUAN = `(?:人民币)?${N}元`;
const FACTOR = `(?:${N}倍|等值|[百千万]分之${N}|${N}分之${N}|[0-9.]+[%％‰])`;

/** A word that opens a sanction or measure (what follows 由…部门). */
/** An authority named without 由: 国家安全机关可以责令改正. */
const BARE_AUTHORITY = /^(?!或者|建议|并建议|或|直至|甚至|(?:并)?对|(?:并|可以|并可以)?(?:移送|移交|通报|提请)[^，；。]{2,30}?(?:部门|机关|机构)(?:依法|吊销|暂扣|处罚|给予|予以|责令|没收))((?:(?!责令|直至|并处|罚款|吊销|没收|给予|予以)[^，；。]){2,40}?(?:部门|机关|机构|人民政府|委员会|局|海关|中心|总队|支队|大队|所|站|人民银行))(?:按照职责|依法|应当依法)?(?:并)?(?:可以|应当|还可以|并可以|可)?(?=责令|处|给予|予以|没收|吊销|暂扣|对|依照|撤销|降低|禁止|取消|根据不同情节|根据不同情况|视情节轻重|视其情节)/;

/** …部门除责令其限期纠正、采取补救措施外: the authority (when named) and the orders it gives besides the sanctions. */
const EXCEPT = /^(?:由)?(?:(.{2,60}?(?:部门|机关|机构|单位|人民政府|委员会))(?:按照职责|依法)?)?除(责令[^，；。]+?)之?外$/;
/** 除依照前款规定处罚外 / 除由…部门依照本法处罚外: the authority (when named) and the penalty it is besides. */
const BESIDES = /^除(?:由([^，；。]{2,30}?(?:部门|机关|机构)))?((?:依照|按照|依据|依法)[^，；。]*?(?:处罚|处理))以?外$/;
const VERB = /^(?:责令|处|给予|予以|没收|吊销|暂扣|并处|可以|并可|并|依照|依据|按照|对|撤销|取消|降低|限制|停止|通报|警告|罚款|禁止|收缴|拆除|强制|注销)/;
/** 可以根据其造成的危害后果 / 可以视情节轻重: the measure of what the officer weighs, before the penalty it opens. */
const WEIGHING = /^(?:并)?(?:可以|可)(?:根据|依据|按照|视)[^，；。]*(?:情节|后果|情况|程度)$/;
const AUTHORITY = /^(?:并|可以|并可以|可|直至|甚至)?由((?:海关|.+?(?:部门|机关|机构|人民政府|委员会|局|办事处|处|主管|组织|单位|机关|法院|中心|队|所|站|办|办公室|厅|部|署|行|会|企业))(?:[（(][^）)，；。]{1,20}[）)])?)(?=在各自|按照权限|代作|责令|处|给予|予以|没收|吊销|暂扣|并处|可以|依照|按照|根据各自|依据各自|依据职|依照职|根据职|按照职|按各自|按规定|按职|依据法定|依照法定|依职|视其|视情节|根据不同|根据情节|根据违法|依照规定|按照规定|依法|追回|追缴|追还|收回|代为|组织|发放|决定|取缔|扣留|销毁|对|撤销|说服|批评|教育(?![^，；。]{0,12}(?:部门|机关|机构))|取消|暂停|降低|限制|停止|通报|警告|禁止|收缴|强制|注销|拆除|，|$)/;

export interface ClauseContext {
  readonly ref: StatuteRef;
  readonly at: TextPosition;
}

export interface ClauseReading {
  readonly violationText: string;
  readonly enumerated: boolean;
  readonly violates: StatuteRef[];
  readonly authority?: string;
  readonly groups: PenaltyGroup[];
  /** fineOnly: 依照前款规定处以罚款 takes the fines of that provision, not its other sanctions. */
  readonly refersTo?: { readonly ref: StatuteRef; readonly relative: 'law' | 'previous' | 'paragraph'; readonly fineOnly?: boolean };
  readonly notPenalties: string[];
  readonly elsewhere: string[];
  readonly problems: ReadProblem[];
  /** 依照下列规定处以罚款: the items that follow set the fines. */
  readonly listed?: boolean;
  /** 可按下列规定处以罚款: the fines the items set are the officer's choice. */
  readonly listedOptional?: boolean;
  /** 逾期不改正的，依照下列规定处以罚款: the condition the listed items' penalties are under. */
  readonly listedWhen?: readonly ClauseCondition[];
  /** 并处罚款 before items: a problem unless every item sets its amount. */
  readonly unsetFines: readonly ReadProblem[];
}

/**
 * Does this paragraph set an administrative penalty (as opposed to naming one
 * in passing, as procedure articles do)? A sanction phrase must follow a
 * condition (…的，) in the same sentence.
 */
export function setsPenalty(text: string): boolean {
  for (const sentence of text.replace(DISCIPLINE_SPAN, '').split('。')) {
    // …的，处… ; or 对违反…的设计单位，由…处…
    const i = /^对[^，,]+?(?:单位|人|者|企业|机构)[，,]/.test(sentence) ? 0 : sentence.search(/(?:的|之一者)[，,]/);
    if (i < 0) continue;
    if (SANCTION_PHRASE.test(sentence.slice(i))) return true;
  }
  return false;
}

/** 给予警告、记过或者记大过处分: discipline of officials, not an administrative penalty. */
const DISCIPLINE_SPAN = /(?:依法)?(?:给予|予以)[^，；。]*?(?:处分|记过|记大过|降级|撤职|开除)/g;

const SANCTION_PHRASE =
  /(?:处|并处|给予|予以)[^，；。]{0,40}?(?:罚款|警告|通报批评|(?<!审查)拘留(?!审查))|没收违法所得|没收非法财物|没收[^，；。]{0,30}?(?:违法所得|非法所得)|没收[^，；。]{0,20}?(?:商品|物品|工具|设备|财物|产品|食品|药品)|吊销[^，；。]{0,20}?(?:证|照|书|资质|资格)|暂扣[^，；。]{0,20}?(?:证|照|书)|责令停产停业|责令停业|责令关闭|(?:给予|予以)[^，；。]{0,20}?(?:停业整顿|停止执业|暂停执业)的处罚|降低资质等级|限制开展生产经营活动|依照[^，。；]*规定(?:给予|予以|从重)?处罚|依照前款规定处罚|年内不得(?:从事|担任)|终身(?:不得|禁止)(?:从事|担任)|禁止[^，；。]{0,6}从事|按日连续处罚|依法(?:给予|予以)处罚/;

interface Piece {
  readonly text: string;
  readonly offset: number;
  /** Which sentence (。) of the paragraph the piece is in. */
  readonly sentence: number;
}

function splitPieces(text: string): Piece[][] {
  // Segments at 。 and ；, pieces at ， — offsets kept for positions.
  const segments: Piece[][] = [];
  let seg: Piece[] = [];
  let start = 0;
  let sentence = 0;
  let depth = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth > 0 && i < text.length) continue;
    if (i === text.length || ch === '，' || ch === ',' || ch === '；' || ch === ';' || ch === '。' || ch === '：' || ch === ':') {
      const t = text.slice(start, i).trim();
      if (t !== '') seg.push({ text: t, offset: start, sentence });
      start = i + 1;
      if (i === text.length || ch === '；' || ch === ';' || ch === '。') {
        if (seg.length > 0) segments.push(seg);
        seg = [];
        if (ch === '。') sentence++;
      }
    }
  }
  return segments;
}

/** 情节较重的处一万元罚款 — a known condition and its sanction without a comma between. */
function splitConditionJoined(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const m = /^(.{2,24}?)的(?=(?:可以|可|并|应当)?(?:处|并处|给予|予以|没收|吊销|责令|暂扣))/.exec(p.text);
    // …直接排放、填埋的由自治县环境保护行政主管部门责令限期整改: the act and its authority with no comma between.
    const byAuthority = /^(.{4,}?的)(?=由[^，；。的]{2,30}?(?:部门|机关|机构)(?:责令|处|给予|没收|吊销|予以))/.exec(p.text);
    if (m && (CONDITIONS.some(([re]) => re.test(m[1]!)) || /^有违法所得$/.test(m[1]!))) {
      out.push({ text: m[0], offset: p.offset, sentence: p.sentence }, { text: p.text.slice(m[0].length), offset: p.offset + m[0].length, sentence: p.sentence });
    } else if (byAuthority) {
      const n = byAuthority[1]!.length;
      out.push({ text: p.text.slice(0, n), offset: p.offset, sentence: p.sentence }, { text: p.text.slice(n), offset: p.offset + n, sentence: p.sentence });
    } else out.push(p);
  }
  return out;
}

function position(ctx: ClauseContext, offset: number): TextPosition {
  return { offset: ctx.at.offset + offset, line: ctx.at.line, column: ctx.at.column + offset };
}

/** Read one paragraph's text. */
/**
 * The provisions a 违反本法第…规定 names, in order: 第三十三条第一款第二项、第三项 is two items of one
 * paragraph, 第二十五条第二款、第三十五条第二款 two paragraphs, 第八条第（六）、（七）项 two items.
 */
function citedRefs(words: string): StatuteRef[] {
  const refs: StatuteRef[] = [];
  let article: number | undefined;
  let paragraph: number | undefined;
  let pending = false;
  const flush = (): void => {
    if (pending && article !== undefined) refs.push({ article, ...(paragraph !== undefined ? { paragraph } : {}) });
    pending = false;
  };
  for (const t of words.matchAll(/第([零〇一二两三四五六七八九十百千]+)条|第([零〇一二两三四五六七八九十百千]+)款|第?[（(]?([一二三四五六七八九十]+)[）)]?项|[（(]([一二三四五六七八九十]+)[）)]/g)) {
    if (t[1] !== undefined) {
      flush();
      article = parseOrdinal(t[1]);
      paragraph = undefined;
      pending = true;
    } else if (t[2] !== undefined) {
      if (paragraph !== undefined) flush();
      paragraph = parseOrdinal(t[2]);
      pending = true;
    } else if (article !== undefined) {
      refs.push({ article, ...(paragraph !== undefined ? { paragraph } : {}), item: parseOrdinal((t[3] ?? t[4])!)! });
      pending = false;
    }
  }
  flush();
  return refs;
}

export function readClause(text: string, ctx: ClauseContext): ClauseReading {
  const problems: ReadProblem[] = [];
  const notPenalties: string[] = [];
  const elsewhere: string[] = [];
  const violates: StatuteRef[] = [];
  const groups: { when: ClauseCondition[]; measures: ReadMeasure[]; sanctions: SanctionOrChoice[]; text: string[]; notPenalty: boolean; elsewhere: boolean; aside: number; segment?: number; inherited?: number; replaces?: true }[] = [];
  // 责令改正、并处罚款: the 、 before 并处 joins two sanctions as a comma would.
  // 有下列行为之一者，… is 有下列行为之一的 in older texts (the same length, so positions hold).
  const kept = penaltySentences(text);
  // 由…予以取缔，没收违法生产经营的食盐和违法所得。货值金额不足1万元的，可以处…: a sentence left out before the
  // one that sets the penalty must not hold a sanction of its own.
  const droppedHead = text.slice(0, text.length - kept.length);
  if (droppedHead !== '' && /没收|吊销|暂扣|罚款|警告|拘留|责令停产|责令停业|责令关闭|通报批评/.test(droppedHead.replace(DISCIPLINE_SPAN, '')))
    problems.push({ reason: 'a sanction in a sentence before the one read as the penalty: its place in the penalty is not read', text: droppedHead, at: ctx.at });
  const normalized = kept
    .replace(/、(?=并处|并可以|可以并处|并责令|并没收|并给予)/g, '，')
    .replace(/之一者(?=[，,])/g, '之一的');
  const segments = splitPieces(normalized).map(splitConditionJoined);
  const enumerated = /[：:]\s*$/.test(text);
  let authority: string | undefined;
  let refersTo: ClauseReading['refersTo'];
  const problem = (p: Piece, reason: string): void => {
    problems.push({ reason, text: p.text, at: position(ctx, p.offset) });
  };
  // 除依照前款规定处罚外: the penalty of the provision it names applies too (a cross reference);
  // 除依照有关法律、法规规定予以处罚外 / 除依照本法规定处罚外: besides a penalty set elsewhere, not read here.
  const besidesPenalty = (p: Piece, t: string): void => {
    const m = BESIDES.exec(t)!;
    if (m[1] !== undefined) authority ??= m[1];
    const ref = readCrossReference(m[2]!);
    if (!ref) elsewhere.push(p.text);
    else if (refersTo) problem(p, 'two cross references in one paragraph');
    else refersTo = ref;
  };

  // 1. The violation: pieces up to the authority or the first sanction.
  const first = segments[0] ?? [];
  const all = segments.flatMap((s, segment) => s.map((p, pi) => ({ p, sentence: p.sentence, segment, newSegment: pi === 0 && segment > 0 })));
  const unspecified: Piece[] = [];
  const reading_itemsCarry = /[：:]\s*$/.test(text);
  let k = 0;
  const description: string[] = [];
  for (; k < all.length; k++) {
    const t = all[k]!.p.text;
    if (k > 0 && AUTHORITY.test(t)) break;
    if (k > 0 && description[description.length - 1]!.endsWith('的') && BARE_AUTHORITY.test(t)) break;
    // 随意开除会员的: an act that ends in 的 is not the aside its words may look like (开除 a 处分).
    if (k > 0 && description.some((d) => d.endsWith('的')) && (isActionStart(t) || (isAside(t) && !t.endsWith('的')))) break;
    if (k > 0 && /^(?:应当|可以|并)?(?:责令|处|并处|给予|没收|吊销|暂扣)/.test(t) && description.some((d) => d.endsWith('的'))) break;
    if (k > 0 && /^(?:责令|处|并处|给予|没收|吊销|暂扣)/.test(t)) break;
    // 对…的拆船单位，可以根据其造成的危害后果，责令停业整顿或者关闭: the 可以 opens the penalty.
    if (k > 0 && WEIGHING.test(t)) break;
    if (k > 0 && description.some((d) => d.endsWith('的')) && EXCEPT.test(t)) break;
    // 对在工程承包中行贿的承包单位，除依照前款规定处罚外，可以…: the penalty it is besides, not the violation.
    if (k > 0 && k < first.length && BESIDES.test(t)) {
      besidesPenalty(all[k]!.p, t);
      continue;
    }
    if (k >= first.length) break;
    description.push(t);
  }
  // 未取得…经营，违法所得超过1万元的，没收…: a known or base condition closing the
  // description is the first group's condition, not part of the violation.
  const leading: ClauseCondition[] = [];
  // …泄露…个人信息，构成犯罪的，依法追究刑事责任；尚不构成犯罪的，由公安机关处…: the crime clause
  // closing the description opens a group that is not an administrative penalty.
  let crimeLeading = false;
  if (description.length > 1) {
    const last = description[description.length - 1]!;
    const c = last.endsWith('的') ? readCondition(last.slice(0, -1)) : undefined;
    if (c && c !== 'crime' && c !== 'other-law' && (c.kind !== 'stated' || /^(?:属于?|系|是)/.test(last))) {
      description.pop();
      leading.push(c);
    } else if (c === 'crime' && !/不构成|未构成|不够|没有构成/.test(last)) {
      description.pop();
      crimeLeading = true;
    }
  }
  // 由…部门依据…责令…: an authority the reader did not separate from what it orders must not be
  // taken as part of the violation (the sanctions after it would be lost).
  const authorityInDescription = description.slice(1).find((d) => /^(?:并)?由[^，；。]{2,40}?(?:部门|机关|机构|人民政府|委员会)/.test(d));
  if (authorityInDescription !== undefined)
    problems.push({ reason: 'an authority (由…部门) the reader did not separate from what it orders', text: authorityInDescription, at: ctx.at });
  // 对情节严重的运输单位，由…吊销…: the circumstance is in the words naming the party, not a violation.
  // 对知道或者应当知道…，仍然播出…的广告发布者: likewise a party singled out by what it knew.
  const circumstanceParty = description.find((d) => /^对[^，；。]*(?:情节严重|情节较重|情节特别严重|知道|明知)/.test(d));
  if (circumstanceParty !== undefined)
    problems.push({ reason: 'a party named by a circumstance (对情节严重的…单位): the condition is not read', text: circumstanceParty, at: ctx.at });
  // A sanction in the words taken as the violation is a sanction the reading would lose.
  const swallowed = description.find(
    (d, i) =>
      !d.endsWith('的') &&
      (/(?:^|[^违])(?:处以?|并处)[^，；。]{0,40}罚款|^(?:并)?(?:没收|吊销|暂扣|给予警告)/.test(d) ||
        // …医务人员，除依照前款处罚外，卫生行政部门并可以责令暂停六个月以上一年以下执业活动: an order after the
        // first words that only a sanction gives.
        (i > 0 && /(?:可以|应当|并|予以|给予)(?:责令)?(?:暂停|停业|停产|关闭|吊销|暂扣|降低|撤销|取消|拘留|没收|警告|通报批评)/.test(d)) ||
        // …的，暂停或者停止该项业务，没收…: after the act (…的), words that open with a sanction, or an authority's
        // 除没收其违法所得外, are part of the penalty.
        (description.slice(0, i).some((x) => x.endsWith('的')) &&
          (/^(?:并|可以|应当)?(?:暂停|停止[^，；。]{0,6}业务|取缔|予以取缔|撤销|取消|注销)/.test(d) || /除[^，；。]*(?:没收|吊销|暂扣|罚款|警告)[^，；。]*外$/.test(d) || /[\d零一二两三四五六七八九十]+年内不得|终身不得/.test(d)))),
  );
  if (swallowed !== undefined)
    problems.push({ reason: 'a sanction among the words read as the violation: its place in the penalty is not read', text: swallowed, at: ctx.at });
  const violationText = description
    .filter((d) => !/^(?:尚不构成犯罪|尚不够刑事处罚|尚未构成犯罪|不构成犯罪)的?$/.test(d))
    .join('，');
  for (const m of violationText.matchAll(/违反(?:本法|本条例|本规定|本办法|本细则)(第[零〇一二两三四五六七八九十百千]+条(?:第[零〇一二两三四五六七八九十百千]+[条款项]|第?[（(][一二三四五六七八九十]+[）)]项?|[、和或者及])*)(?:的)?规定/g))
    for (const r of citedRefs(m[1]!))
      if (!violates.some((v) => v.article === r.article && v.paragraph === r.paragraph && v.item === r.item)) violates.push(r);
  const conditionsBefore = description.filter(
    (d) => d.endsWith('的') && !/目的$/.test(d) && !/^(?:尚不构成犯罪|尚不够刑事处罚|尚未构成犯罪|不构成犯罪)的$/.test(d) && !/(?:下列|以下)(?:情形|行为|情况)之一的$/.test(d),
  );
  // …的，或者…的: one penalty for either of two acts, one violation in the text's words.
  const disjunctive =
    conditionsBefore.length > 1 &&
    (conditionsBefore.slice(1).every((d) => /^或者/.test(d)) ||
      conditionsBefore.every((d) => {
        const c = readCondition(d.slice(0, -1));
        return c !== undefined && c !== 'crime' && c !== 'other-law' && c.kind === 'stated' && !/^(?:属于?|系|是|造成|致使|导致|情节|违反前款|有前款|其中)/.test(d);
      }));
  if (conditionsBefore.length > 1 && !disjunctive)
    problem(first[0]!, 'several conditions (…的) before the first sanction: which sanction goes with which is not read');
  // 其中标无效。可以处以…；情节严重的，处…: when the sentence that sets the penalty opens with a
  // sanction, that sanction is not the violation's description.
  const opening = description[0] !== undefined ? readSanctions(description[0]) : undefined;
  if (opening !== undefined && typeof opening !== 'string' && opening.items.length > 0 && !description[0]!.endsWith('的'))
    problem(first[0]!, 'the penalty sentence opens with a sanction: the violation it punishes is in another sentence');
  else if (description[0] !== undefined && /^(?:并|可以|可)?(?:处以?|并处)/.test(description[0]))
    problem(first[0]!, 'the penalty sentence opens with a sanction: the violation it punishes is in another sentence');
  if (description.length === 0) {
    problem(first[0] ?? { text, offset: 0, sentence: 0 }, 'no violation ending in 的 before the sanctions');
  }

  // 2. The sanctions, in groups opened by conditions.
  let group: (typeof groups)[number] = { when: [], measures: [], sanctions: [], text: [], notPenalty: false, elsewhere: false, aside: 0 };
  groups.push(group);
  if (crimeLeading) {
    group = { when: [], measures: [], sanctions: [], text: [], notPenalty: true, elsewhere: false, aside: 0, segment: all[k]?.segment ?? 0 };
    groups.push(group);
  }
  if (leading.length > 0) {
    group = { when: leading, measures: [], sanctions: [], text: [], notPenalty: false, elsewhere: false, aside: 0, segment: all[k]?.segment ?? 0 };
    groups.push(group);
  }
  let openingConditions = false;
  let pendingTarget: Target | undefined;
  let pendingTargetText: string | undefined;
  let mixedAt = -1;
  let partySeen = false;
  let precondition: ClauseCondition | undefined;
  let lastMeasurePiece = -2;
  let carryOptional = -1;
  let personsOnly = false;
  let namedAt: { text: string; segment: number } | undefined;
  let pendingSegment = -1;
  let pendingInto: (typeof groups)[number] | undefined;
  const onBase = (c: ClauseCondition): boolean => c.kind === 'base' || c.kind === 'noBase' || (c.kind === 'any' && c.of.every(onBase));
  const isCircumstance = (c: ClauseCondition): boolean => c.kind === 'circumstance' || (c.kind === 'any' && c.of.every((x) => x.kind === 'circumstance'));
  const afterConditional = (g: (typeof groups)[number]): (typeof groups)[number] => (g.when.every(onBase) ? groups[0]! : g);
  let listed = false;
  let listedOptional = false;
  let listedWhen: ClauseCondition[] | undefined;
  let lastOptional = false;
  let lastPairOptional = -2;
  let lastSegment = -1;
  let lastSanctionPiece = -2;
  let lastCrimePiece = -2;
  // The piece after 其中, and the groups it opened: each must set a penalty of its own.
  let subsetAt = -1;
  const laterConditions: { cond: ClauseCondition; piece: Piece }[] = [];
  const subsets: { group: (typeof groups)[number]; piece: Piece }[] = [];
  let lastTarget: Target | undefined;
  let lastSanctionCount = 0;
  // The group the last sanctions went into (a ceiling after them applies there).
  let lastInto: (typeof groups)[number] | undefined;
  for (let i = k; i < all.length; i++) {
    const { p } = all[i]!;
    let t = p.text;
    // …部门除责令其纠正违法行为、采取补救措施外，可以并处警告、罚款: the orders named after 除 are measures
    // the authority always takes; the sanctions after them are read as any others.
    const except = EXCEPT.exec(t);
    if (except) {
      if (except[1] !== undefined) authority ??= except[1];
      const orders = except[2]!.split('、').map((x) => readMeasure(x) ?? readMeasure(`责令${x}`));
      if (orders.every((m) => m !== undefined)) {
        group.measures.push(...(orders as ReadMeasure[]));
        group.text.push(p.text);
      } else problem(p, 'not a sanction, measure or condition the reader knows');
      continue;
    }
    // 除依照前款规定处罚外，并责令停业整顿: the penalty of the paragraph it names applies, and this one's besides;
    // 除依照有关法律、法规规定予以处罚外 / 除依照本法规定处罚外: besides a penalty set elsewhere, not read here.
    if (BESIDES.test(t)) {
      besidesPenalty(p, t);
      group.aside++;
      continue;
    }
    const auth = AUTHORITY.exec(t);
    if (auth) {
      authority ??= auth[1];
      const optionalBy = /^(?:可以|并可以|可)由/.test(t);
      const upTo = /^(?:直至|甚至)由/.test(t);
      t = t.slice(auth[0].length).replace(/^，/, '');
      t = byCircumstanceAside(t);
      if (t === '') continue;
      if (optionalBy) t = '可以' + t;
      if (upTo) t = '直至' + t;
    }
    const bare = !auth ? BARE_AUTHORITY.exec(t) : null;
    if (bare) {
      authority ??= bare[1];
      // 可以会同工商行政部门没收…: a 可以 before the authority's words is kept as one after them is.
      t = (/(?:可以|可)$/.test(bare[0]) || /^(?:并)?(?:可以|可)(?!以外)/.test(bare[0]) ? '可以' : '') + byCircumstanceAside(t.slice(bare[0].length));
    }
    // …部门可以根据不同情节，给予警告或者处以…罚款: 可以 with only an aside after it holds for the sanctions that follow.
    if ((auth || bare) && /^(?:并)?(?:可以|可)(?:根据情节)?$/.test(t)) {
      carryOptional = all[i]!.segment;
      group.text.push(p.text);
      continue;
    }
    if (carryOptional === all[i]!.segment && !/^(?:并)?(?:可以|可)/.test(t) && !t.endsWith('的')) t = '可以' + t;
    carryOptional = -1;
    const condWithout = CONDITIONS.some(([re]) => re.test(t)) ? t + '的' : t;
    if (condWithout !== t) t = condWithout;
    if (/^(?:造成|致使|导致|情节)/.test(t) && !t.endsWith('的') && !CONDITIONS.some(([re]) => re.test(t)) && !isActionStart(t)) t += '的';
    // …处五十元以上五百元以下罚款；其中，从事婚庆…服务的，处一千元以上五千元以下的罚款: 其中 opens the
    // penalty of a part of the violations, a condition as any other (its fine takes the base fine's place).
    // Only after the paragraph's unconditional penalty: after 拒不清除的，…罚款。其中，… the part may or may not
    // be under that condition.
    if (t === '其中' && i + 1 < all.length && all[i + 1]!.p.text.endsWith('的')) {
      if (group.when.length > 0) problem(p, '其中 after a conditional penalty: whether the part it names is under that condition is not read');
      subsetAt = i + 1;
      group.text.push(p.text);
      continue;
    }
    if (t.endsWith('的') && NOT_CRIME.test(t.slice(0, -1))) {
      // 构成犯罪的，依法追究刑事责任；尚不构成犯罪的，处…: back to the group the crime clause interrupted.
      // 造成严重后果的，依法追究刑事责任；尚不够刑事处罚的，…: the condition led to the crime clause only.
      const last = groups.length - 1;
      if (group === groups[last] && group.notPenalty && !group.elsewhere && last > 0 && !openingConditions) group = groups[last - 1]!;
      else if (group === groups[last] && lastCrimePiece === i - 1 && !openingConditions && group.sanctions.length === 0 && group.measures.length === 0 && last > 0) {
        group.notPenalty = true;
        group = groups[last - 1]!;
      } else if (!(group === groups[0] && lastCrimePiece === i - 1 && !openingConditions))
        problem(p, '尚不构成犯罪的 that does not follow a 构成犯罪的 clause: which sanctions it governs is not read');
      openingConditions = false;
      group.text.push(p.text);
      continue;
    }
    // 转给慈善组织用于慈善目的: 目的 ends in 的 and is no condition.
    if (t.endsWith('的') && !/目的$/.test(t) && (CONDITIONS.some(([re]) => re.test(t.slice(0, -1))) || !isActionStart(t))) {
      // 警告后不改正的，或者放任动物恐吓他人的，处…罚款: either condition, not both.
      const alternative = /^或者?(.+)$/.exec(t.slice(0, -1));
      const lastWhen = group.when[group.when.length - 1];
      if (alternative && openingConditions && lastWhen !== undefined && group.sanctions.length === 0 && group.measures.length === 0 && !group.notPenalty) {
        const other = readCondition(alternative[1]!);
        if (other !== undefined && other !== 'crime' && other !== 'other-law') {
          group.when[group.when.length - 1] = { kind: 'any', of: [lastWhen, other], text: `${lastWhen.text}，${t.slice(0, -1)}` };
          group.text.push(p.text);
          continue;
        }
      }
      // 不得将医疗垃圾混入生活垃圾；违反规定的，处…罚款: breaking the rule just stated is the act itself.
      if (/^违反(?:上述|前述|以上|此项|本项|该)?规定$/.test(t.slice(0, -1)) && group === groups[0] && group.when.length === 0 && group.sanctions.length === 0 && group.measures.length === 0) {
        group.text.push(p.text);
        openingConditions = true;
        continue;
      }
      const cond = readCondition(t.slice(0, -1));
      // The condition in the text's own words, when it is one (not 构成犯罪 or another law's penalty).
      const stated = cond !== undefined && cond !== 'crime' && cond !== 'other-law' && cond.kind === 'stated' ? cond : undefined;
      if (!openingConditions || group.sanctions.length > 0 || group.measures.length > 0 || group.notPenalty) {
        // …不足一万元的，处三千元罚款，情节严重的，处一万元罚款: a condition after a conditional group in
        // the same clause (no ；between) refines that group's condition.
        const prev = group;
        const known = cond !== undefined && cond !== 'crime' && cond !== 'other-law';
        const sameClause = prev.when.length > 0 && !prev.notPenalty && prev.segment === all[i]!.segment && known;
        const own = prev.when.slice(prev.inherited ?? 0);
        // 逾期不改正的，没收…，货值金额不足1万元的，并处…，货值金额1万元以上的，并处…: the branches on the base
        // refine the circumstance before them, and the second branch is the first one's sibling.
        // 无法采取改正措施消除影响的，限期拆除，不能拆除的，没收…: a condition that the order just given could not be
        // carried out refines the condition of that order.
        const failed = stated !== undefined ? /^(?:不能|无法|逾期不|逾期未|拒不|未能)(.{2,6})$/.exec(stated.text) : null;
        const lastOrder = prev.text[prev.text.length - 1];
        const nestedByOrder = sameClause && failed !== null && lastOrder !== undefined && lastOrder.includes(failed[1]!) && prev.measures.length > 0;
        // 情节严重的，责令停业整顿，有执业许可证件的，由原发证部门暂扣或者吊销…: a condition of the text's own words
        // after a circumstance in the same clause refines it, as a branch on the base does.
        const nested = sameClause && (isCircumstance(cond) || ((onBase(cond) || stated !== undefined) && own.length > 0 && own.every(isCircumstance)) || nestedByOrder);
        // …情节严重的，没收违法所得，违法经营额50万元以上的，并处…；没有违法经营额或者…不足50万元的，并处…: a
        // branch on the base after a branch that refined a circumstance is its sibling, after ； too.
        const sibling = !nested && known && !prev.notPenalty && onBase(cond) && (prev.inherited ?? 0) > 0 && own.length > 0 && own.every(onBase);
        // 拒不召回的，责令停业整顿，没收…；货值金额不足1万元的，并处…: a branch on the base after ； whose sanction goes on
        // with 并处 continues the conditional penalty before it, or stands alone; the text does not say which.
        const nextPiece = all[i + 1]?.p.text ?? '';
        if (!sameClause && !nested && !sibling && known && onBase(cond) && !prev.notPenalty && prev.when.some((c) => !onBase(c) && !(c.kind === 'stated' && /违法所得|货值|经营额|销售额|收入|金额|费用|价值/.test(c.text))) && (prev.sanctions.length > 0 || prev.measures.length > 0) && /^并(?:处|没收)/.test(nextPiece))
          problem(p, 'a branch on the base after ； that follows a conditional penalty and goes on with 并处: whether it is under that condition is not read');
        const inherit = nested ? [...prev.when] : sibling ? prev.when.slice(0, prev.inherited) : [];
        // 逾期仍未达到本法规定条件的，责令关闭，对实行定点屠宰管理的，由发证机关依法吊销…: a condition of the text's own
        // words after a conditional sanction in the same clause may refine it or stand alone.
        if (sameClause && !nested && !sibling && stated !== undefined && prev.when.some((c) => !onBase(c)) && (prev.sanctions.length > 0 || prev.measures.length > 0))
          problem(p, 'a condition after a conditional sanction in the same clause: whether it is under that condition is not read');
        // 法律、行政法规没有规定的，由…处…；情节严重的，处…: every penalty after it is under that precondition.
        const withPre = precondition !== undefined && !inherit.includes(precondition) ? [precondition, ...inherit] : inherit;
        group = { when: withPre, inherited: withPre.length, measures: [], sanctions: [], text: [], notPenalty: false, elsewhere: false, aside: 0, segment: all[i]!.segment };
        groups.push(group);
        // 对单位处…罚款，有违法所得的，没收…: what follows the condition goes under it.
        pendingInto = undefined;
      }
      // 收缴…号牌、行驶证，未收缴的，公告作废，处二千元以下罚款: the condition is on the order just given, and
      // the fine after it may or may not depend on it.
      if (stated !== undefined && /^未(?:收缴|缴回|追回|收回|没收|扣留|扣押)/.test(stated.text))
        problem(p, 'a condition on the order before it (未收缴的): whether the sanctions after it depend on it is not read');
      if (subsetAt === i) subsets.push({ group, piece: p });
      openingConditions = true;
      group.text.push(p.text);
      if (stated !== undefined && /前款|第[一二三四五六七八九十]+项|[（(][一二三四五六七八九十]+[）)]项|(?:情形|行为)之一/.test(stated.text))
        problem(p, 'a condition naming other items or paragraphs (违反前款第…项): which penalty goes with which item is not read');
      // Said at the end, and only when a penalty or order is read under it: 给信息主体造成损失的，依法承担民事
      // 责任 and 属于国家公务员的，给予处分 set none.
      if (all[i]!.sentence > 0 && stated !== undefined && all[i - 1]?.sentence !== all[i]!.sentence)
        laterConditions.push({ cond: stated, piece: p });
      if (cond === 'crime' || cond === 'other-law') {
        group.notPenalty = true;
        group.elsewhere = cond === 'other-law';
      } else if (cond) {
        if (!group.when.includes(cond)) group.when.push(cond);
        if (cond.kind === 'stated' && /^(?:有关)?法律、(?:行政)?法规(?:对[^，；。]*)?(?:没有|未作|未)(?:处罚)?规定$/.test(cond.text)) precondition = cond;
      }
      continue;
    }
    openingConditions = false;
    group.text.push(p.text);
    if (/^(?:并)?(?:根据|依据|按照|视)(?:违法情节|危害后果|情节轻重|违法情节和危害后果|其违法情节)/.test(t) && !hasSanctionWord(t)) {
      group.aside++;
      continue;
    }
    const early = readCrossReference(t.replace(/、处分$/, ''));
    if (early) {
      if (refersTo) problem(p, 'two cross references in one paragraph');
      refersTo = early;
      continue;
    }
    if (group.elsewhere) {
      elsewhere.push(p.text);
      group.aside++;
      continue;
    }
    // 并可以报经有批准权的人民政府批准，责令停业、关闭: the 可以 holds for the order after the approval.
    if (/^(?:并|还)?(?:可以|可)报(?:经|请)[^，；。]*批准$/.test(t)) carryOptional = all[i]!.segment;
    // 可以根据其造成的危害后果，责令停业整顿或者关闭: likewise after the measure of what the officer weighs.
    if (WEIGHING.test(t) && !hasSanctionWord(t)) {
      carryOptional = all[i]!.segment;
      group.aside++;
      continue;
    }
    // 责令其停止私募基金业务活动并予以公告: the order is read; the 公告 after it is not a penalty.
    const announced = /^(.{2,}?)并(?:予以|向社会)?(?:公告|公布)$/.exec(t);
    if (announced && !group.notPenalty && !NOT_PENALTY.test(announced[1]!) && !DISCIPLINE.test(announced[1]!)) {
      notPenalties.push(p.text);
      t = announced[1]!;
    }
    if (group.notPenalty || DISCIPLINE.test(t) || (NOT_PENALTY.test(t) && !hasSanctionWord(t))) {
      if (/追究刑事责任|刑事处罚/.test(t)) lastCrimePiece = i;
      // 对直接负责的主管人员和其他直接责任人员给予纪律处分，处1万元以上10万元以下的罚款: the persons given 处分 are the
      // subject of the sanction after it in the clause.
      const disciplined = !group.notPenalty && DISCIPLINE.test(t) && /^(?:并)?对/.test(t) ? readTarget(t) : undefined;
      if (disciplined && disciplined.target !== undefined && disciplined.target !== 'party') {
        pendingTarget = disciplined.target;
        pendingTargetText = undefined;
        pendingSegment = all[i]!.segment;
        pendingInto = undefined;
      }
      notPenalties.push(p.text);
      group.aside++;
      continue;
    }
    // 并移送地质矿产主管部门依法吊销采矿许可证: a sanction another authority imposes under its own law.
    if (
      (ELSEWHERE.test(t) && !/^依照(?:本法|本条例|本规定|本办法|前款|第)/.test(t)) ||
      /^(?:并|可以|并可以)?(?:移送|移交|通报|提请)[^，；。]{2,30}?(?:部门|机关|机构)(?:依法)?(?:吊销|暂扣|处罚|给予|予以|责令|没收)[^，；。]*$/.test(t)
    ) {
      elsewhere.push(p.text);
      group.aside++;
      continue;
    }
    if (/^(?:应当|并|依法)?予以没收$/.test(t) && group.when.some((c) => c.kind === 'base' && (c.base.fact === 'illegalGains' || c.base.fact === 'illegalIncome') && c.value === 0)) {
      group.sanctions.push({ kind: 'confiscateGains', mandatory: true, target: 'party', text: p.text });
      continue;
    }
    const floor = /^按(.+?元)计算$/.exec(t);
    if (floor) {
      const v = parseYuan(floor[1]!);
      if (v === undefined) problem(p, 'base floor not an amount');
      else applyFloor(groups, group, v, p, problem);
      continue;
    }
    // 处违法所得三倍以上五倍以下罚款，但最高不超过十万元: a ceiling on the multiple just read.
    const cap = /^(?:但)?(?:罚款|罚款总额|罚款数额)?最高(?:不超过|不得超过)(.+?元)$/.exec(t);
    if (cap) {
      const v = parseYuan(cap[1]!);
      const into = lastInto;
      const last = into?.sanctions[into.sanctions.length - 1];
      if (v === undefined || v <= 0) problem(p, 'a ceiling on a fine that is not an amount');
      else if (into === undefined || lastSanctionPiece !== i - 1 || last === undefined || 'anyOf' in last || last.fine?.kind !== 'multiple' || last.fine.cap !== undefined)
        problem(p, 'a ceiling (最高不超过…元) that does not follow a multiple of a base');
      else into.sanctions[into.sanctions.length - 1] = { ...last, fine: { ...last.fine, cap: v } };
      continue;
    }
    if (/按日连续处罚/.test(t)) {
      problem(p, '按日连续处罚 (a fine for every day) is not in the rule-set language');
      continue;
    }
    // 由公安机关依法予以处罚 / 并依法给予处罚: the paragraph sets no penalty of its own, it leaves it to the
    // laws that authority applies (unnamed). As the whole penalty that is read as a penalty set elsewhere;
    // under a condition of the paragraph, what happens to the sanctions before it is not read.
    if (/^(?:并|可以|还可以)?(?:由[^，；。]{2,40}?)?依法(?:给予|予以)?(?:处罚|查处)$/.test(p.text) || /^(?:由[^，；。]{2,30}?)?依法(?:给予|予以)?处罚$/.test(t)) {
      if (group.when.length === 0 && group.sanctions.length === 0) {
        elsewhere.push(p.text);
        group.aside++;
      } else problem(p, 'a penalty left to “the law” without naming it (依法予以处罚)');
      continue;
    }
    // 由…部门依照下列规定予以处罚： / 并按下列规定处以罚款： — the items that follow set the penalty.
    const byList = /^(并)?(可以|可)?(?:依照|按照|按|依)(?:下列|以下)规定(?:处以罚款|予以处罚|给予处罚|处罚)$/.exec(t);
    if (byList && reading_itemsCarry) {
      listed = true;
      if (byList[2] !== undefined) listedOptional = true;
      if (group.when.length > 0) {
        listedWhen = [...group.when];
        group.aside++;
      }
      continue;
    }
    const ref = readCrossReference(t);
    if (ref) {
      if (refersTo) problem(p, 'two cross references in one paragraph');
      refersTo = ref;
      continue;
    }
    if (pendingTarget !== undefined && pendingSegment !== all[i]!.segment) pendingTarget = undefined;
    const read = readSanctions(t, pendingTarget, pendingTarget !== undefined ? pendingTargetText : undefined);
    if (read === undefined) {
      problem(p, 'not a sanction, measure or condition the reader knows');
      continue;
    }
    if (typeof read === 'string') {
      problem(p, read);
      continue;
    }
    // 可以责令停业整顿，降低资质等级: 可以 governs the sanctions listed after it in the clause.
    const prevOptional = lastOptional && lastSegment === all[i]!.segment;
    // Only an explicit 可以 carries: 予以收缴或者吊销 (an order or a revocation) makes the revocation optional, not
    // the 没收违法所得 after it.
    lastOptional =
      read.items.length > 0 && read.items.every((x) => !x.mandatory) && !read.items.some((x) => 'kind' in x && x.kind === 'fine') && /^(?:并|还)?(?:可以|可)(?!以外)/.test(t);
    lastSegment = all[i]!.segment;
    if (prevOptional && !/^(?:并|处|对|可以|可|应当)/.test(t) && read.items.every((x) => 'kind' in x && x.kind !== 'fine')) {
      read.items.splice(0, read.items.length, ...read.items.map((x) => ({ ...x, mandatory: false })));
      lastOptional = true;
    }
    // 可以对单位处…罚款，对个人处…罚款: the 可以 before the first subject governs the one paired with it.
    const pairOptional = lastPairOptional === i - 1 && lastSegment === all[i]!.segment;
    lastPairOptional = /^(?:并)?(?:可以|可)(?:并)?对(?:单位|个人)/.test(p.text) && read.items.length > 0 && read.items.every((x) => !x.mandatory) ? i : -2;
    if (pairOptional && /^(?:并)?对(?:单位|个人)/.test(p.text) && !/^(?:并)?对(?:单位|个人)(?:可以|可)/.test(p.text)) {
      read.items.splice(0, read.items.length, ...read.items.map((x) => ({ ...x, mandatory: false })));
      lastPairOptional = i;
    }
    // 处罚款，并公布…，直至吊销许可证: 直至 after a fine, or after a piece that was not a sanction, does not
    // say what the heavier end replaces.
    const lastSanction = group.sanctions[group.sanctions.length - 1];
    if (
      read.escalation &&
      (lastSanction === undefined || lastSanctionPiece !== i - 1 || ('anyOf' in lastSanction ? lastSanction.anyOf.some((x) => x.kind === 'fine') : lastSanction.kind === 'fine'))
    ) {
      problem(p, '直至 after a fine or a step that is not a sanction: what the heavier sanction replaces is not read');
      continue;
    }
    // 处一千元以上一万元以下的罚款，或者暂扣船员适任证书: one or the other.
    // 对个人处…罚款，或者对单位处…罚款 names another subject: not a choice.
    if (/^(?:或者(?!对)|或(?![者对]))/.test(t) && read.items.length > 0) {
      // 情节严重的，责令停止产生职业病危害的作业，或者提请有关人民政府…责令关闭: an order or a penalty, the
      // officer's choice — the penalty is then discretionary, as in one piece (责令停止建设或者停产停业整顿).
      if (lastMeasurePiece === i - 1 && lastSanctionPiece !== i - 1 && read.items.length === 1 && !('anyOf' in read.items[0]!) && group.measures.length > 0) {
        group.sanctions.push({ ...(read.items[0] as Sanction), mandatory: false });
        lastSanctionPiece = i;
        lastSanctionCount = 1;
        continue;
      }
      const prev = group.sanctions[group.sanctions.length - 1];
      if (prev === undefined || lastSanctionPiece !== i - 1 || lastSanctionCount !== 1 || 'anyOf' in prev || read.items.length !== 1 || 'anyOf' in read.items[0]!) {
        problem(p, '或者 after a sanction in another piece: which sanctions it chooses between is not read');
        continue;
      }
      // 责令责任人员限期改正；逾期不改正的，或者对其处…罚款: as below, for the choice too.
      if (read.selfTarget && all.slice(0, i).some((x) => /人员|负责人|船长|驾驶人|代表/.test(x.p.text)))
        problem(p, '对其 after words naming persons: whether 其 is the party or those persons is not read');
      if (read.items.some((x) => 'kind' in x && x.kind === 'fine' && x.fine?.kind === 'unspecified')) unspecified.push(p);
      group.sanctions.pop();
      group.sanctions.push({ anyOf: [prev, read.items[0] as Sanction], mandatory: prev.mandatory, text: `${prev.text}，${t}` });
      lastSanctionPiece = i;
      continue;
    }
    // 对船长处…罚款；情节严重的，暂扣其适任证书: 其 is the person fined before, not necessarily the party.
    if (/^(?:并处|并|可以|可)?(?:暂扣|吊销|暂停)其/.test(t) && lastTarget !== undefined && lastTarget !== 'party' && lastTarget !== 'organization' && lastTarget !== 'person') {
      problem(p, '其 after a sanction on persons the clause names: whose licence it is is not read');
      continue;
    }
    if (read.escalation && group.sanctions.length > 0 && read.items.length === 1) {
      // 责令停产停业，直至吊销许可证: the officer chooses up to the heavier one.
      const prev = group.sanctions.pop()!;
      const prevItems = 'anyOf' in prev ? prev.anyOf : [prev];
      const next = read.items[0]!;
      group.sanctions.push({ anyOf: [...prevItems, ...('anyOf' in next ? next.anyOf : [next])], mandatory: 'anyOf' in prev ? prev.mandatory : prev.mandatory, text: `${prev.text}，${t}` });
      lastSanctionPiece = i;
      continue;
    }
    if (read.notPenalty) {
      notPenalties.push(p.text);
      group.aside++;
      continue;
    }
    if (read.target !== undefined && read.items.length === 0 && read.measures.length === 0 && !read.notPenalty) {
      // 对直接负责的主管人员和其他直接责任人员，没收…，并处…: the target holds to the end of the clause.
      pendingTarget = read.target;
      pendingTargetText = read.mixedTarget ?? read.namedTarget;
      pendingSegment = all[i]!.segment;
      pendingInto =
        all[i]!.newSegment && group.when.length > 0
          ? read.target !== 'party' && all[i]!.sentence !== all[i - 1]?.sentence
            ? groups[0]!
            : afterConditional(group)
          : undefined;
      if (pendingInto !== undefined && pendingInto === group && read.target === 'named') problem(p, OTHER_PARTY_AFTER_CONDITION);
      continue;
    }
    // 责令责任人员限期改正；逾期不改正的，对其并处…罚款: 其 may be the persons named before, not the party.
    if (read.selfTarget && all.slice(0, i).some((x) => /人员|负责人|船长|驾驶人|代表/.test(x.p.text)))
      problem(p, '对其 after words naming persons: whether 其 is the party or those persons is not read');
    if (read.items.some((x) => 'kind' in x && x.kind === 'fine' && x.fine?.kind === 'unspecified')) unspecified.push(p);
    // 对单位主要负责人和直接责任人员处…收入百分之五十以下的罚款；收入难以认定的，处…罚款: after a sanction on the
    // persons the clause names, a sanction with no subject of its own may fall on them too.
    const onParty = read.items.some((x) => ('anyOf' in x ? x.anyOf : [x]).some((y) => y.target === 'party'));
    if (mixedAt >= 0 && onParty) problem(p, 'a sanction after one on the legal representative and the responsible persons: whether it falls on them too is not read');
    // 对直接负责的主管人员…处…罚款；情节严重的，十年内禁止从事…: when the persons are the only ones penalised so
    // far, a sanction with no subject of its own may be theirs.
    else if (personsOnly && onParty && read.target === undefined)
      problem(p, 'a sanction with no subject after sanctions on the responsible persons alone: whether it falls on them is not read');
    const onPersons = read.items.some((x) => ('anyOf' in x ? x.anyOf : [x]).some((y) => y.target === 'responsible' || y.target === 'legalRepresentative'));
    if (read.items.some((x) => ('anyOf' in x ? x.anyOf : [x]).some((y) => y.target !== 'responsible' && y.target !== 'legalRepresentative'))) partySeen = true;
    personsOnly = !partySeen && (personsOnly || onPersons);
    if (read.mixedTarget !== undefined || (pendingTarget !== undefined && pendingTarget !== 'named' && pendingTargetText !== undefined)) mixedAt = i;
    // 对公证机构处…罚款，对公证员处…罚款，并可以给予…停止执业的处罚: after a sanction on a party the clause
    // names, one with no subject of its own in the same clause may fall on that party too.
    if (namedAt !== undefined && namedAt.segment === all[i]!.segment && onParty)
      problem(p, `a sanction after one on a party the clause names (${namedAt.text}): whether it falls on them too is not read`);
    const namedHere = read.items.flatMap((x) => ('anyOf' in x ? x.anyOf : [x])).find((y) => y.target === 'named');
    if (namedHere) namedAt = { text: namedHere.targetText ?? '', segment: all[i]!.segment };
    // E. After ；, a sanction that opens the clause follows a conditional one: 对直接负责的主管人员… (a new
    // subject) applies whatever the condition; any other sanction could belong to either.
    // After branches on the base (…十万元以上的…；不足十万元的…) that cover every case it applies always; after a
    // circumstance (拒不改正的，处…；对其直接负责的主管人员…处…) it goes with that circumstance.
    let into = pendingInto !== undefined && pendingSegment === all[i]!.segment ? pendingInto : group;
    if (all[i]!.newSegment && group.when.length > 0) {
      // 。对直接负责的主管人员和其他直接责任人员给予警告，并处…: a sentence of its own on the persons applies to the
      // violation, whatever condition closed the sentence before.
      if (read.target !== undefined && read.target !== 'party' && all[i]!.sentence !== all[i - 1]?.sentence) into = groups[0]!;
      else if (read.target !== undefined || /^(?:并)?对/.test(p.text)) {
        into = afterConditional(group);
        if (into === group && read.target === 'named') problem(p, OTHER_PARTY_AFTER_CONDITION);
      }
      else problem(p, 'a sanction after ； that follows a conditional clause: whether it applies always or only then is not read');
    }
    // 情节严重的，处广告费用三倍以上五倍以下的罚款，广告费用无法计算或者明显偏低的，处…罚款，并可以暂停广告发布业务、
    // 吊销营业执照: a sanction after the fallback fine may be the circumstance's or the fallback's alone.
    const fallback = into.when[into.when.length - 1];
    if (
      fallback?.kind === 'stated' &&
      /无法计算|明显偏低|难以计算|无法确定|难以确定/.test(fallback.text) &&
      /^并/.test(p.text) &&
      read.items.some((x) => ('anyOf' in x ? x.anyOf : [x]).some((y) => y.kind !== 'fine'))
    )
      problem(p, 'a sanction after the fine for a base that cannot be counted: whether it goes with that fine alone is not read');
    into.measures.push(...read.measures);
    into.sanctions.push(...read.items);
    if (read.measures.length > 0 && read.items.length === 0 && into === group) lastMeasurePiece = i;
    if (read.items.length > 0) {
      lastSanctionPiece = i;
      lastSanctionCount = read.items.length;
      lastInto = into;
      const lastItem = read.items[read.items.length - 1]!;
      lastTarget = 'anyOf' in lastItem ? lastItem.anyOf[0]!.target : lastItem.target;
    }
    // 对单位处…罚款，有违法所得的，没收违法所得: the unit stays the subject to the end of the clause; so does a
    // party the clause names (对接收单位或者个人予以警告，并处…罚款).
    if (
      (read.target === 'organization' || read.target === 'person' || read.target === 'responsible' || (read.target === 'named' && read.namedTarget !== undefined)) &&
      /^(?:并)?(?:由[^，；。对]{1,30})?对/.test(p.text)
    ) {
      pendingTarget = read.target;
      pendingTargetText = read.target === 'named' ? read.namedTarget : undefined;
      pendingSegment = all[i]!.segment;
      // …的罚款。对直接负责的主管人员…给予警告，并处…罚款: the 并处 goes where the warning went.
      pendingInto = into !== group ? into : undefined;
    }
  }
  if (openingConditions) problem(all[all.length - 1]!.p, 'a condition with no sanction after it');
  for (const x of laterConditions)
    if (groups.some((g) => !g.notPenalty && g.when.includes(x.cond) && (g.sanctions.length > 0 || g.measures.length > 0)))
      problem(x.piece, 'a later sentence opens with a condition the reader does not know: it may state another violation');
  // 其中，破坏承重结构的，由房屋管理部门依照有关法律处理: whether the penalty before still applies to that part is not read.
  for (const x of subsets) if (x.group.sanctions.length === 0) problem(x.piece, '其中… sets no penalty of its own for that part: whether the penalty before still applies to it is not read');
  // 处以罚款 with no amount is read as it is written (a fine the text sets no amount for); when the items
  // that follow set amounts of their own, read.ts takes theirs.
  const unset = unspecified.map((p) => ({ reason: 'a fine with no amount in the clause (处以罚款), while other items set theirs', text: p.text, at: position(ctx, p.offset) }));

  // 处警告或者五百元以下罚款；情节严重的，处五日以下拘留: a conditional 处 of another kind than the base
  // group's warning, detention or choice may take their place or add to them; the text does not say —
  // except for the grades of the act itself (治安管理处罚法 Arts. 23–75: 处五日以下拘留或者五百元以下罚款；
  // 情节较重的，处五日以上十日以下拘留，可以并处五百元以下罚款): when the base is only warnings, detention,
  // fines or a choice among them, and the grade's own 处 restates such a penalty, it is that grade's whole
  // penalty, in the base's place.
  const base = groups[0]!;
  const scale = (x: SanctionOrChoice): boolean => 'anyOf' in x || x.kind === 'warning' || x.kind === 'detention' || x.kind === 'criticism';
  const onlyScale = (xs: readonly SanctionOrChoice[]): boolean =>
    xs.every((x) => ('anyOf' in x ? x.anyOf : [x]).every((y) => (y.kind === 'warning' || y.kind === 'detention' || y.kind === 'criticism' || y.kind === 'fine') && y.target === 'party'));
  const GRADES: ReadonlySet<string> = new Set(['lessSerious', 'minor', 'graver', 'serious', 'especiallySerious']);
  const kindsOf = (xs: readonly SanctionOrChoice[]): Set<string> => new Set(xs.flatMap((x) => ('anyOf' in x ? x.anyOf.map((y) => y.kind) : [x.kind])));
  const baseKinds = kindsOf(base.sanctions);
  if (base.sanctions.some(scale))
    for (const g of groups.slice(1))
      if (
        !g.notPenalty &&
        g.when.length > 0 &&
        g.sanctions.some((x) => scale(x) && /^(?:可以)?处/.test(x.text)) &&
        // 拘留五至十日；情节较重的，拘留十至十五日 too: one detention or two, the model cannot say.
        [...kindsOf(g.sanctions)].some((k) => k !== 'fine' && (baseKinds.has(k) || base.sanctions.some((x) => 'anyOf' in x) || g.sanctions.some((x) => 'anyOf' in x) || k === 'detention' || k === 'warning'))
      ) {
        const grade = g.when.length === 1 && g.when[0]!.kind === 'circumstance' && GRADES.has(g.when[0]!.name) && (g.inherited ?? 0) === 0;
        if (grade && base.when.length === 0 && base.measures.length === 0 && onlyScale(base.sanctions) && onlyScale(g.sanctions) && /^(?:可以)?处/.test(g.sanctions[0]!.text)) g.replaces = true;
        else problems.push({ reason: 'a heavier 处 under a condition beside a warning, detention or choice: whether it replaces them or adds to them is not read', text: g.text.join('，'), at: ctx.at });
      }
  // Two grades that take the base's place: each is the whole penalty of its own grade only.
  const replacing = groups.filter((g) => g.replaces);
  if (replacing.length > 1 && new Set(replacing.map((g) => (g.when[0] as { name: string }).name)).size < replacing.length)
    problems.push({ reason: 'the same grade twice', text: replacing.map((g) => g.text.join('，')).join('；'), at: ctx.at });
  // …责令停止违法行为，没收…，并处…罚款；食用其他陆生野生动物的，责令停止违法行为，给予批评教育，没收…: a condition
  // whose group restates the base's own sanctions or orders states another violation with a penalty of
  // its own, and the base's fine would wrongly carry over to it.
  const baseOwn = new Set([...kindsOf(base.sanctions)].filter((k) => k !== 'fine').concat(base.measures.map((m) => `measure ${m.kind}`)));
  // (A conditional fine of its own takes the base fine's place, as for any condition; 逾期不…的 and 拒不…的 are
  // the same act going on.)
  const baseFine = base.sanctions.some((x) => ('anyOf' in x ? x.anyOf : [x]).some((y) => y.kind === 'fine' && y.target === 'party'));
  for (const g of groups.slice(1))
    if (
      baseFine &&
      !g.notPenalty &&
      g.when.some((c) => c.kind === 'stated' && !/^(?:逾期|拒不|拒绝|仍不|仍未|经[^，]{0,10}(?:责令|通知|催告))/.test(c.text)) &&
      (g.inherited ?? 0) === 0 &&
      !kindsOf(g.sanctions).has('fine') &&
      [...kindsOf(g.sanctions), ...g.measures.map((m) => `measure ${m.kind}`)].some((k) => k !== 'fine' && baseOwn.has(k))
    )
      problems.push({ reason: 'a condition whose penalty restates the first one: it may state another violation, to which the first fine does not carry over', text: g.text.join('，'), at: ctx.at });
  // 拒不改正的，处…；拒不改正，且造成电力设施损坏的，处…: a group that restates all of an earlier group's
  // conditions and adds one refines it (its fine takes the earlier one's place), as if nested.
  const seenConditions = new Set<string>();
  const texts = (g: (typeof groups)[number]): Set<string> => new Set(g.when.map((c) => c.text));
  for (const [gi, g] of groups.entries())
    for (const c of g.when.slice(g.inherited ?? 0)) {
      const restates = groups.slice(0, gi).some((e) => e.when.some((x) => x.text === c.text) && e.when.length < g.when.length && [...texts(e)].every((t) => texts(g).has(t)));
      if (seenConditions.has(c.text) && !restates) problems.push({ reason: 'the same condition twice: nesting under an earlier condition is not read', text: c.text, at: ctx.at });
      seenConditions.add(c.text);
    }
  for (const g of groups)
    if (!g.notPenalty && g.aside === 0 && g.when.length > 0 && g.sanctions.length === 0 && g.measures.length === 0 && !refersTo)
      problems.push({ reason: 'a condition with no sanction after it', text: g.text.join('，'), at: ctx.at });
  const out: PenaltyGroup[] = groups
    .filter((g) => !g.notPenalty && (g.sanctions.length > 0 || g.measures.length > 0))
    .map((g) => ({ when: g.when, measures: g.measures, sanctions: g.sanctions, text: g.text.join('，'), ...(g.replaces ? { replaces: true as const } : {}) }));
  return {
    violationText,
    enumerated,
    violates,
    ...(authority !== undefined ? { authority } : {}),
    groups: out,
    ...(refersTo ? { refersTo } : {}),
    notPenalties,
    elsewhere,
    problems,
    ...(listed ? { listed } : {}),
    ...(listedOptional ? { listedOptional } : {}),
    ...(listedWhen ? { listedWhen } : {}),
    unsetFines: reading_itemsCarry ? unset : [],
  };
}

/**
 * The sentences that carry the penalty: from the first sentence that sets one
 * (a duty stated before it, 出租人应当配合…。出租人拒不配合的，处…, is not part of it).
 */
function penaltySentences(text: string): string {
  const sentences = text.split(/(?<=。)/);
  if (sentences.length < 2) return text;
  const i = sentences.findIndex((s) => setsPenalty(s));
  return i <= 0 ? text : sentences.slice(i).join('');
}

/** A piece that is neither violation nor sanction: 依法承担民事责任, 依照治安管理处罚法… */
function isAside(t: string): boolean {
  return DISCIPLINE.test(t) || (NOT_PENALTY.test(t) && !hasSanctionWord(t)) || ELSEWHERE.test(t);
}

const DISCIPLINE = /处分$|记过|记大过|降级|撤职|开除|政务处分|纪律处分/;

/**
 * 情节严重的，…吊销…；对授课人员，由…处五万元以下的罚款: a party the clause names after ；, following a
 * circumstance of the first party's: its penalty may apply always or only then.
 */
const OTHER_PARTY_AFTER_CONDITION = 'a sanction on another party the clause names after ； that follows a conditional clause: whether it applies always or only then is not read';

/** The words after an authority less its aside; 视其情节 and the like are kept as 根据情节 for the sanctions to see. */
function byCircumstanceAside(t: string): string {
  const m = ASIDE_AFTER_AUTHORITY.exec(t);
  if (!m) return t;
  const rest = t.slice(m[0].length);
  return /情节|情况/.test(m[0]) && rest !== '' ? `根据情节${rest}` : rest;
}

/** 在各自职责范围内, 按照职责 … after an authority. */

const ASIDE_AFTER_AUTHORITY = /^(?:按照|依照|根据|依据|按|在)各自的?(?:职责|职权)(?:分工|范围内|范围)?|^(?:按照|依照|依据|根据|按|依)(?:法定)?(?:职责|职权|规定权限|规定的权限|权限)(?:分工)?|^(?:视其情节|视情节轻重|根据不同情况|根据不同情节|根据情节轻重|根据违法行为的情节)|^按照[^，]*?规定的权限|^依法/;

function hasSanctionWord(t: string): boolean {
  return /罚款|警告|没收|吊销|暂扣|拘留|停产|停业|关闭|暂停|降低[^，；。]{0,4}资质|通报批评|(?:不得|禁止)[^，；。]{0,10}从事|(?:限制|禁止)(?:其)?开展|停止从业|停止执业|取消[^，；。、]{0,8}资格/.test(t);
}

function isActionStart(t: string): boolean {
  if (new RegExp(`^[^，；。]{0,40}?(?:[${NUMERAL_CHARS}]+年(?:内)?|终身)(?:不得|禁止)(?:从事|担任)`).test(t)) return true;
  return VERB.test(t.replace(/^(?:并且|同时|还|另外|并|可以|可)/, '')) && !/^对.+的$/.test(t);
}

function applyFloor(
  groups: { when: ClauseCondition[]; sanctions: SanctionOrChoice[] }[],
  group: { when: ClauseCondition[] },
  floor: number,
  p: Piece,
  problem: (p: Piece, reason: string) => void,
): void {
  // 货值金额不足一万元的，按一万元计算: the condition names the base; multiples of it get the floor.
  const cond = group.when.length === 1 ? group.when[0] : undefined;
  if (!cond || cond.kind !== 'base' || cond.operator !== 'lessThan' || cond.value !== floor) {
    problem(p, 'a base floor whose condition is not “base below the same amount”');
    return;
  }
  // 违法零售的药品货值金额不足一万元的，按一万元计算: a floor for some of the sales only.
  if (!cond.text.startsWith(cond.base.text)) {
    problem(p, 'a base floor for part of the base only (the words before the base narrow it)');
    return;
  }
  group.when.length = 0;
  (group as { floorOf?: FineBase }).floorOf = cond.base;
  let applied = 0;
  for (const g of groups)
    g.sanctions = g.sanctions.map((s) => {
      const fix = (x: Sanction): Sanction =>
        x.fine?.kind === 'multiple' && x.fine.base.text === cond.base.text ? (applied++, { ...x, fine: { ...x.fine, baseFloor: floor } }) : x;
      return 'anyOf' in s ? { ...s, anyOf: s.anyOf.map(fix) } : fix(s);
    });
  if (applied === 0) problem(p, 'a base floor with no multiple of that base before it');
}

/** 依照本法第一百二十四条的规定给予处罚; 依照前款规定处罚; 依照第一款规定给予处罚. */
function readCrossReference(t: string): ClauseReading['refersTo'] | undefined {
  const s = t.replace(/^(?:并|可以|并可以)/, '');
  const fineOnly = /处以罚款$/.test(s);
  if (/^依照前款(?:的)?(?:规定)?(?:给予|予以)?(?:处罚|处理|处以罚款)(?:、处分)?$/.test(s)) return { ref: { article: 0 }, relative: 'previous', ...(fineOnly ? { fineOnly } : {}) };
  const own = /^(?:依照|按照|依据)本条第([一二三四五六七八九十]+)款(?:的)?规定(?:给予|予以)?(?:处罚|处以罚款)$/.exec(s);
  if (own) return { ref: { article: 0, paragraph: parseOrdinal(own[1]!)! }, relative: 'paragraph', ...(fineOnly ? { fineOnly } : {}) };
  const m = /^(?:依照|按照|依据)(本法|本条例|本规定|本办法)?第([零〇一二两三四五六七八九十百千]+)(条|款)(?:第([一二三四五六七八九十]+)款)?(?:第[（(]([一二三四五六七八九十]+)[）)]项)?(?:的)?规定(?:给予|予以)?(?:处罚|的处罚|处以罚款)?$/.exec(s);
  if (!m) return undefined;
  const n = parseOrdinal(m[2]!)!;
  if (m[3] === '款') return { ref: { article: 0, paragraph: n, ...(m[5] ? { item: parseOrdinal(m[5])! } : {}) }, relative: 'paragraph', ...(fineOnly ? { fineOnly } : {}) };
  return {
    ...(fineOnly ? { fineOnly } : {}),
    ref: { article: n, ...(m[4] ? { paragraph: parseOrdinal(m[4])! } : {}), ...(m[5] ? { item: parseOrdinal(m[5])! } : {}) },
    relative: 'law',
  };
}

/** A condition phrase without its 的, or 'crime' for 构成犯罪, or undefined when it names nothing known. */
function readCondition(t: string): ClauseCondition | 'crime' | 'other-law' | undefined {
  if (CRIME.test(t)) return 'crime';
  if (/^(?:构成|有)违反治安管理(?:处罚)?行为$|^应当给予治安管理处罚$|^(?:进口行为)?构成走私(?:行为)?$/.test(t)) return 'other-law';
  // 法律、行政法规有规定的，依照其规定；法律、行政法规没有规定的，由…处…: the first half is left to those laws.
  if (/^(?:有关)?法律、(?:行政)?法规(?:已)?有(?:处罚)?规定$|^(?:《[^》]+》及)?其他有关法律、法规已有处罚规定$/.test(t)) return 'other-law';
  // 违反治安管理规定的，由公安机关依法予以处罚 / 违反其他法律、行政法规的，由有关主管部门依法处理: left to other laws.
  if (/^(?:并)?违反治安管理(?:规定|处罚法)?$|^(?:同时)?违反其他(?:有关)?法律、(?:行政)?法规(?:规定)?$/.test(t)) return 'other-law';
  // 法律、行政法规另有规定的 / 本法另有规定的: a reservation, the clause that follows is not a penalty here.
  if (/另有规定$/.test(t)) return 'crime';
  for (const [re, name] of CONDITIONS) if (re.test(t)) return { kind: 'circumstance', name, text: t };
  const any = /^(?:没有|无)(违法所得|.+?)(?:或者|或)(.+)$/.exec(t);
  if (any) {
    const base = findBase(any[1]!) ?? { text: any[1]! };
    const rest = readBaseCondition(any[2]!);
    if (rest && rest.base.text === base.text)
      return { kind: 'any', of: [{ kind: 'noBase', base, text: `没有${any[1]}` }, rest], text: t };
  }
  const has = /^(?:有|获得|取得)(违法所得|.+)$/.exec(t);
  if (has) {
    const base = findBase(has[1]!);
    if (base && base.text === has[1]) return { kind: 'base', base, operator: 'greaterThan', value: 0, text: t };
  }
  const none = /^(?:没有|无)(.+)$/.exec(t);
  if (none) {
    const base = findBase(none[1]!);
    if (base && base.text === none[1]) return { kind: 'noBase', base, text: t };
  }
  const bc = readBaseCondition(t);
  if (bc) return bc;
  // 逾期不改正或者造成严重后果: either of two known conditions.
  const either = t.split(/或者/);
  if (either.length === 2) {
    const parts = either.map((x) => CONDITIONS.find(([re]) => re.test(x)));
    if (parts.every((x) => x))
      return { kind: 'any', of: parts.map((x, i) => ({ kind: 'circumstance' as const, name: x![1], text: either[i]! })), text: t };
  }
  return { kind: 'stated', text: t.replace(/^(?:并且|且)(?=.{2})/, '') };
}

function readBaseCondition(t: string): Extract<ClauseCondition, { kind: 'base' }> | undefined {
  const m = new RegExp(`^(.*?)(?:在)?(不足|不满|低于|少于|未达到|超过|高于|多于|达到)?(${YUAN})(以上|以下|以内)?$`).exec(t.replace(/在(?=[${NUMERAL_CHARS}])/, ''));
  if (!m) return undefined;
  const value = parseYuan(m[3]!);
  const baseText = m[1]!.replace(/(?:的|在)$/, '');
  const base = findBase(baseText);
  if (value === undefined || !base || !baseText.endsWith(base.text)) return undefined;
  const before = m[2];
  const after = m[4];
  if (before && after) return undefined;
  const operator =
    before === '不足' || before === '不满' || before === '低于' || before === '少于' || before === '未达到'
      ? 'lessThan'
      : before === '超过' || before === '高于' || before === '多于'
        ? 'greaterThan'
        : before === '达到' || after === '以上'
          ? 'greaterThanInclusive'
          : after === '以下' || after === '以内'
            ? 'lessThanInclusive'
            : undefined;
  if (operator === undefined) return undefined;
  return { kind: 'base', base, operator, value, text: t };
}

interface ReadSanctions {
  readonly items: SanctionOrChoice[];
  readonly measures: ReadMeasure[];
  /** A piece that only names whom the next piece's sanction falls on (对直接负责的主管人员，处…). */
  readonly target?: Target;
  /** 依法给予处分 and the like after a target: recognised, not a penalty. */
  readonly notPenalty?: true;
  /** The target names the legal representative or principal together with the responsible persons: the words. */
  readonly mixedTarget?: string;
  /** The target is a party the clause names (对旅行社, 对公证员): the words. */
  readonly namedTarget?: string;
  /** 对其处…: the target is 其. */
  readonly selfTarget?: true;
  /** 直至…: the heavier end of a choice with the sanction before it. */
  readonly escalation: boolean;
}

/** One piece (between commas) as sanctions and measures; a string is the reason it could not be read. */
export function readSanctions(piece: string, defaultTarget?: Target, defaultTargetText?: string): ReadSanctions | string | undefined {
  let t = piece;
  let mandatory = true;
  let escalation = false;
  let byCircumstance = false;
  // 单处或者并处警告、没收违法所得、罚款: one or several of them, the officer's choice — not a choice the
  // rule-set language holds (anyOf is exactly one). With one sanction after it, 可以单处或者并处罚款 reads.
  if (/单处或者并处|单处或并处/.test(piece) && /[、，]|或者|和/.test(piece.replace(/^.*?(?:单处或者并处|单处或并处)/, '')))
    return 'a choice of one or several sanctions (单处或者并处…、…) is not in the rule-set language';
  for (;;) {
    const m = /^(?:并且|同时|还|另外|并|也|以及|和|或者|可以|可|直至|甚至|分别|应当|依法|单处或者并处|单处或并处|根据情节|根据情节轻重|视情节轻重|按照情节轻重|区别不同情况|按照管理权限|根据违法情节和危害后果|根据违法情节|根据危害后果|处(?=没收|吊销|暂扣|警告|责令)|决定(?=吊销|暂扣|没收|责令|给予|予以|处))/.exec(t);
    if (!m) break;
    if (m[0] === '可以' || m[0] === '可') mandatory = false;
    if (m[0] === '直至' || m[0] === '甚至') escalation = true;
    if (/情节|情况/.test(m[0])) byCircumstance = true;
    t = t.slice(m[0].length);
  }
  let target: Target = defaultTarget ?? 'party';
  let targetText: string | undefined = defaultTargetText;
  // 由公安机关对其处三千元以下罚款: 其 is the party the clause is about.
  const self = /^(?:并)?对其(?=处|给予|予以|没收|并处|可以|可)/.exec(t);
  if (self) t = t.slice(self[0].length);
  const who = self ? undefined : readTarget(t);
  let mixed = false;
  // 对情节严重的运输单位，由…吊销…: the circumstance is in the words naming the party.
  if (who && /情节|严重|较重|多次|屡次/.test(who.text)) return 'a party named by a circumstance (对情节严重的…单位): the condition is not read';
  if (who) {
    target = who.target ?? 'named';
    // 对法定代表人、主要负责人、直接负责的主管人员和其他责任人员处…: one range for each of the persons
    // named, read as the responsible persons' with the text's words, so the layer can say whom.
    mixed = /法定代表人|主要负责人|负责人/.test(who.text) && /主管人员|责任人员/.test(who.text);
    if (who.target === undefined || mixed) targetText = who.text;
    t = t.slice(who.length).replace(/^(?:分别|各|依法|应当)/, '');
    // 对个人由公安机关处…罚款 / 对水路和道路运输单位分别由…部门处…: the authority between the party and its sanction.
    t = t.replace(/^(?:分别)?由[^，；。对]{2,40}?(?:部门|机关|机构)(?=处|给予|予以|没收|吊销|暂扣|可以|可|并处)/, '');
    if (t === '') return { items: [], measures: [], escalation, target, ...(mixed ? { mixedTarget: who.text } : {}), ...(who.target === undefined ? { namedTarget: who.text } : {}) };
    const again = /^(?:可以|可)/.exec(t);
    if (again) {
      mandatory = false;
      t = t.slice(again[0].length);
    }
    t = t.replace(/^并/, '');
  }
  if (DISCIPLINE.test(t) || (NOT_PENALTY.test(t) && !hasSanctionWord(t))) return { items: [], measures: [], escalation, notPenalty: true };
  let one = readOne(t, mandatory, target, targetText);
  if (one?.measure && t.includes('、')) {
    // 责令其限期改正、恢复原状: two measures.
    const raw = t.split('、');
    const parts = raw.map((a, i) => (i === 0 ? readMeasure(a) : /^(?:责令|限期)/.test(a) || /^(?:恢复|采取|消除|拆除|补种|修复)/.test(a) ? readMeasure(a) : undefined));
    if (parts.every((x) => x)) return { items: [], measures: parts as ReadMeasure[], escalation };
  }
  // Whom the sanctions fall on, for every reading below: 对直接负责的主管人员…给予警告或者通报批评 names them
  // as 对…给予警告 does.
  const out = (r: ReadSanctions): ReadSanctions => ({
    ...(self ? { selfTarget: true as const } : {}),
    ...r,
    ...(who ? { target } : {}),
    ...(mixed && who ? { mixedTarget: who.text } : {}),
    ...(who && who.target === undefined ? { namedTarget: who.text } : {}),
  });
  if (one) return out({ items: sanctionsOf(one), measures: one.measure ? [one.measure] : [], escalation });
  // 责令停产停业整顿直至吊销许可证 — up to the heavier one.
  const upTo = t.split('直至');
  if (upTo.length === 2 && upTo[0] !== '' && upTo[1] !== '') {
    const parts = [readOne(upTo[0]!, mandatory, target, targetText), readOne(upTo[1]!, mandatory, target, targetText)];
    if (parts.every((x) => x?.sanction && !x.also))
      return out({ items: [{ anyOf: parts.map((x) => x!.sanction!), mandatory, text: piece }], measures: [], escalation });
  }
  // 处警告或者五千元以下罚款 — one of several.
  const alts = splitJoined(t, /或者|或/)?.map((a, i, all) => {
    const obj = /^(?:暂停|暂扣|吊销|降低)(.*)$/.exec(all[all.length - 1]!)?.[1];
    return i < all.length - 1 && /^(?:暂停|暂扣)$/.test(a) && obj ? a + obj : a;
  });
  if (alts) {
    const parts = alts.map((a) => readOne(a, mandatory, target, targetText));
    if (parts.every((x) => x?.sanction && !x.also)) {
      const anyOf = dedupe(parts.map((x) => x!.sanction!));
      return out({ items: [anyOf.length === 1 ? anyOf[0]! : { anyOf, mandatory, text: piece }], measures: [], escalation });
    }
    // 责令停止建设或者停产停业整顿: a measure or a penalty, the officer's choice — the penalty is then discretionary.
    if (parts.every((x) => x && !x.also) && parts.some((x) => x!.sanction) && parts.some((x) => x!.measure)) {
      const sanctions = parts.flatMap((x) => (x!.sanction ? [{ ...x!.sanction, mandatory: false }] : []));
      return out({
        items: sanctions.length === 1 ? sanctions : [{ anyOf: sanctions, mandatory: false, text: piece }],
        measures: parts.flatMap((x) => (x!.measure ? [x!.measure] : [])),
        escalation,
      });
    }
  }
  // 责令暂停相关业务、停业整顿、吊销相关业务许可证或者吊销营业执照: a list closed by 或者 is one of its
  // sanctions (not for the objects of one 没收, which are taken together).
  const lastOr = t.lastIndexOf('或者');
  if (lastOr > t.lastIndexOf('、') && t.includes('、') && !/^没收/.test(t)) {
    const list = splitJoined(t, /、|或者/);
    const parts = list?.map((a) => readOne(a, mandatory, target, targetText));
    if (parts && parts.every((x) => x?.sanction && !x.also)) {
      const anyOf = dedupe(parts.map((x) => x!.sanction!));
      return out({ items: [anyOf.length === 1 ? anyOf[0]! : { anyOf, mandatory, text: piece }], measures: [], escalation });
    }
  }
  // 没收违法所得、违法财物; 处警告、罚款 — several together.
  const joined = splitJoined(t, /、|和|并处|并/);
  if (joined) {
    const parts = joined.map((a) => readOne(a, mandatory, target, targetText));
    if (parts.every((x) => x)) {
      const got = parts.flatMap((x) => sanctionsOf(x!));
      // 责令停业、关闭: one or the other.
      if (got.length === 2 && got.some((x) => x.kind === 'suspendBusiness') && got.some((x) => x.kind === 'close'))
        return out({ items: [{ anyOf: got, mandatory, text: piece }], measures: [], escalation });
      // 视其情节给予警告、停业整顿一个月以上六个月以下的处罚: by the circumstances, one of them or several?
      if (byCircumstance && got.length > 1) return 'sanctions listed after 视其情节 (根据情节轻重): whether one of them or all apply is not read';
      return out({
        items: parts.flatMap((x) => sanctionsOf(x!)),
        measures: parts.flatMap((x) => (x!.measure ? [x!.measure] : [])),
        escalation,
      });
    }
  }
  if (/每(?:平方米|株|只|件|头|吨|立方米|日|人|辆|次|个)/.test(t)) return 'a fine per unit (每…) is not in the rule-set language';
  if (/^撤销/.test(t)) return '撤销 is not one of the kinds of administrative penalty in 行政处罚法 Art. 9';
  return undefined;
}

/** A choice without repeats: 暂扣或者吊销执业许可证件或者经营许可证件 is (暂扣 | 吊销). */
function dedupe(list: readonly Sanction[]): Sanction[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = `${x.kind}|${x.target}|${JSON.stringify(x.fine ?? null)}|${JSON.stringify(x.days ?? null)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sanctionsOf(o: One): Sanction[] {
  return [o.sanction, o.also].filter((x): x is Sanction => x !== undefined);
}

/** 对单位 / 对直接负责的主管人员和其他直接责任人员 / 对违法行为人 … at the start of a piece. */
function readTarget(t: string): { target: Target | undefined; length: number; text: string } | undefined {
  const m = /^(?:并)?(?:对|由)?(?:其|该)?((?:[^，；。处给没吊暂可并依]|处(?=分))*?(?:单位|个人|人员|法定代表人|负责人|行为人|违法者|当事人|经营者|生产者|销售者|所有人|管理人|使用人|企业|机构|广告主|船长|船员|驾驶人|承运人|托运人|组织|公司|业主|场所|医疗机构|分子|人|[^，；。]员|[^，；。]者|旅行社|委托方|受托方|[^，；。]{2}中心|[^，；。]{2}协会|委员会))(?:分别|各)?(?=处|给予|予以|没收|吊销|暂扣|可以|可|并处|依法|由|分别由|\d|[零〇一二两三四五六七八九十]+年内|终身|$)/.exec(t);
  if (!m || !/^(?:并)?(?:对|直接负责)/.test(t)) return undefined;
  const w = m[1]!;
  const target: Target | undefined = /(?:主管|责任|负责|管理|工作)人员/.test(w)
    ? 'responsible'
    : /法定代表人|主要负责人/.test(w)
      ? 'legalRepresentative'
      : /^(?:违法)?单位$/.test(w)
        ? 'organization'
        : /^个人$/.test(w)
          ? 'person'
          : /^(?:违法行为人|违法者|当事人|行为人|首要分子)$/.test(w)
            ? 'party'
            : undefined;
  return { target, length: m[0].length, text: w };
}

/** Split on a joiner, carrying a leading 处 / 给予 / 没收 to the parts that lack a verb. */
function splitJoined(t: string, joiner: RegExp): string[] | undefined {
  const parts = t.split(joiner).map((x) => x.trim());
  if (parts.length < 2 || parts.some((x) => x === '')) return undefined;
  const verb = /^(处以|处|给予|予以|没收|吊销|暂扣|责令)/.exec(parts[0]!)?.[1];
  // 责令停业整顿或者由原发证机关吊销许可证: a part with an authority of its own keeps its own verb.
  // 吊销许可证或者告知乡、镇人民政府…注销临时备案: nor a part that opens with a verb of its own.
  return parts.map((x, i) =>
    i > 0 && verb && !/^(处|给予|予以|没收|吊销|暂扣|责令|警告|通报批评|由|告知|通知|提请|报请|移送|建议|注销|撤销|取消|收回|限制|禁止|停止|暂停|降低)/.test(x) ? verb + x : x,
  );
}

interface One {
  readonly sanction?: Sanction;
  /** 没收违法所得和违法生产经营的食品: a second sanction read from the same words. */
  readonly also?: Sanction;
  readonly measure?: ReadMeasure;
}

function readOne(t: string, mandatory: boolean, target: Target, targetText?: string): One | undefined {
  const s = (kind: Sanction['kind'], extra: Partial<Sanction> = {}): One => ({
    sanction: { kind, mandatory, target, ...(targetText !== undefined ? { targetText } : {}), text: t, ...extra },
  });
  // 暂扣船长、责任船员的船员适任证书 / 吊销违法船舶所有人、经营人或者管理人的有关证书: persons named in the object.
  if (/^(?:暂扣|吊销)[^，。；]{1,30}?(?:船长|船员|所有人|经营人|管理人|驾驶人员|驾驶员|从业人员|作业人员)的/.test(t) && (target === 'party' || target === 'named')) return undefined;
  // 对负有责任的主管人员…给予处分，并可以依法吊销采供血机构的执业许可证: an organisation's licence after persons.
  if (/^(?:依法)?(?:暂扣|吊销)[^，。；]{1,30}?(?:机构|单位|企业|公司|医院|学校)的/.test(t) && (target === 'responsible' || target === 'legalRepresentative')) return undefined;
  // 对负有责任的主管人员…给予…处分，并可以依法吊销血站、单采血浆站的执业许可证: a licence after persons is theirs only
  // when the words say so (吊销其执业证书, 吊销负有责任的医疗卫生人员的执业证书).
  if (
    /^(?:依法)?(?:暂扣|吊销)/.test(t) &&
    (target === 'responsible' || target === 'legalRepresentative') &&
    (/机构|单位|企业|公司|医院|学校|场所|站的|站、/.test(t) || !/人员|医师|护士|其|导游证|领队证|执业证|执业资格|从业资格|资格证|驾驶证|适任证书|上岗证|职业资格/.test(t))
  )
    return undefined;
  // 给予三个月以上六个月以下停业整顿的处罚 / 责令停业整顿三个月至六个月: the period is part of the
  // sanction's words; the kind is what the model holds.
  // 可以给予吊销执照的处罚: the sanction inside the words 给予…的处罚.
  const given = /^(?:给予|予以)(吊销[^，；。]{1,20}|警告|通报批评|暂扣[^，；。]{1,20})的处罚$/.exec(t);
  if (given) return readOne(given[1]!, mandatory, target, targetText);
  const wrapped = new RegExp(`^(?:给予|予以|处以?)(${DURATION})(?:的)?(停业整顿|停产停业|停产整顿|停止执业|暂停执业)(?:的)?(?:处罚)?$`).exec(t);
  if (wrapped) return readOne(`${wrapped[2] === '停止执业' || wrapped[2] === '暂停执业' ? '暂停执业' : '责令' + wrapped[2]}`, mandatory, target, targetText);
  // 给予停止执业三个月以下的处罚 / 处以停业整顿: the period after the sanction, or none.
  const after = new RegExp(`^(?:给予|予以|处以?)(停业整顿|停产停业|停产整顿|停止执业|暂停执业)(?:${DURATION})?(?:的)?(?:处罚)?$`).exec(t);
  if (after) return readOne(`${after[1] === '停止执业' || after[1] === '暂停执业' ? '暂停执业' : '责令' + after[1]}`, mandatory, target, targetText);
  const timed = new RegExp(`^(.+?(?:停业整顿|停产停业|停产整顿|停业|证书|证件|执照|许可证|资格证))(?:${DURATION})$`).exec(t);
  if (timed && !/罚款|或者|直至/.test(t)) {
    const one = readOne(timed[1]!, mandatory, target, targetText);
    if (one?.sanction && (one.sanction.kind === 'suspendBusiness' || one.sanction.kind === 'suspendLicence')) return one;
  }
  if (/^(?:给予|予以|处以?)?警告$/.test(t)) return s('warning');
  if (/^(?:给予|予以)?通报批评$/.test(t)) return s('criticism');
  // 停工整治 / 停业整治 (大气污染防治法): an order to stop operating, read as 责令停产停业 (Art. 9(4)).
  const unit = /^(?:责令)?((?:[^停，；。其该]{1,12}?)单位)(?=(?:限期)?(?:停产|停业))/.exec(t);
  if (unit && !/罚款|吊销|或者|直至/.test(t)) return { sanction: { kind: 'suspendBusiness', mandatory, target: 'named', targetText: unit[1]!, text: t } };
  if (/^(?:责令)?(?:其|该[^停，]{1,12}|[^停，；。]{1,12}?单位)?(?:限期)?(?:停产停业|停工整治|停业整治|停产整治|停业整顿|停产整顿|停止营业|停业|停止生产经营|暂停营业|停产)(?:整顿)?(?:[一二三四五六七八九十0-9]+(?:个月|日|天)(?:以上[一二三四五六七八九十0-9]+(?:个月|日|天))?(?:以下)?)?$/.test(t))
    return s('suspendBusiness');
  if (/^(?:责令|予以)?(?:其)?关闭(?:[^，；。或]{0,10})?$/.test(t) && !/吊销|暂扣|罚款/.test(t)) return s('close');
  // 降低资质等级; 并可以责令停业整顿或者降低测绘资质等级 (责令 carried over from the first of the choice).
  if (/^(?:责令)?降低(?:其)?[^，；。、]{0,4}资质等级$/.test(t)) return s('lowerQualification');
  if (/^(?:限制开展生产经营活动|限制生产|限产)$/.test(t)) return s('restrictBusiness');
  if (/^(?:暂停|暂扣)[^，；。]{0,30}?(?:资格|许可|证书|证件|执照)$/.test(t) && !/执业|从业|吊销|或者/.test(t)) return s('suspendLicence');
  // 吊销直接责任人员的资格证书: the persons named in the object, not the party, lose the licence.
  if (/吊销[^，。；]{0,6}(?:直接责任人员|主管人员|有关责任人员|直接负责的主管人员|法定代表人|主要负责人)的/.test(t) && target !== 'responsible') return undefined;
  if (/^(?:由[^吊]+)?吊销[^，。；]{0,40}$/.test(t) && !/罚款|暂扣|暂停|或者|直至/.test(t)) return s('revokeLicence');
  if (/^暂扣[^，。；]{0,40}(?:证|照|证件|证书|执照|许可|资格|标志牌)$/.test(t) && !/罚款|吊销|或者|直至/.test(t)) return s('suspendLicence');
  const detention = new RegExp(`^(?:处以?)?(?:(${N})日以上)?(${N})日以下(?:的)?(?:行政)?拘留$`).exec(t);
  if (detention) {
    const max = parseNumeral(detention[2]!);
    const min = detention[1] ? parseNumeral(detention[1]) : undefined;
    if (max === undefined || (detention[1] && min === undefined)) return undefined;
    return s('detention', { days: { ...(min !== undefined ? { min } : {}), max } });
  }
  if (/^(?:处以?)?(?:行政)?拘留$/.test(t)) return s('detention');
  // 暂停相关业务、停产停业: the words after 暂停… are another sanction, not part of this one.
  // 暂停相关业务或者停业整顿: nor the words after 或者.
  // 责令停止从业两年以上五年以下 (资产评估法 Art. 45): barred from practice for a time, as 暂停执业 is.
  const suspendPractice = (/^(?:责令|并)?暂停(?:其)?[^，；。、或]{0,30}?(?:执业|从业|执行业务)[^，；。、或]*$/.test(t) || /^(?:责令|并)?停止(?:其)?(?:执业|从业)(?!活动)[^，；。、或]*$/.test(t)) ? 'restrictPractice' : /^(?:责令|并)?暂停(?:其)?[^，；。、或]{0,30}?(?:业务|经营|营业)[^，；。、或]*$/.test(t) ? 'restrictBusiness' : undefined;
  if (suspendPractice && !/罚款|吊销/.test(t)) return s(suspendPractice);
  const ban = new RegExp(
    `^([^，；。]{0,40}?)(?:禁止其?)?(?:在)?(?:(?:${N}(?:至|到|年以上))?(${N})年(?:以下)?(?:的期限)?(?:内)?(?:直至终身)?|终身)(?:禁止其?|不得)?(?:重新|再)?(?:从事|担任|参与|进入|开展|作为|对外承包)`,
  ).exec(t);
  if (ban && (ban[1] === '' || /主管人员|责任人员|负责人|投资人/.test(ban[1]!))) {
    // 十年直至终身禁止: ten years is the least, not the most; the years are left out.
    const y = ban[2] && !/直至终身/.test(t) ? parseNumeral(ban[2]) : undefined;
    const who: Target = ban[1] === '' ? target : 'responsible';
    return {
      sanction: { kind: 'restrictPractice', mandatory, target: who, ...(who === 'named' ? { targetText: ban[1]! } : targetText !== undefined ? { targetText } : {}), text: t, ...(y !== undefined ? { years: { max: y } } : {}) },
    };
  }
  if (/^(?:禁止|终身禁止)(?:其)?从事/.test(t)) return s('restrictPractice');
  // 提请有关人民政府按照国务院规定的权限责令关闭: the closure the law sets, ordered by the government on request.
  if (/^(?:提请|报请)[^，；。]{2,20}?人民政府(?:按照国务院规定的权限)?(?:决定)?(?:责令|予以)关闭$/.test(t)) return s('close');
  // 退还所收费用后没收违法所得: the fees go back to those who paid, what is left of the gains is confiscated.
  if (/^(?:责令)?退还(?:所收|收取的)?费用后没收(?:其)?违法所得$/.test(t)) return { ...s('confiscateGains'), measure: { kind: 'restore', text: t } };
  // 并处没收木材价款10%至50%的罚款: a fine whose base is the value of what is confiscated.
  if (/^没收[^，；。、和]*罚款$/.test(t)) {
    const fine = readFine(`处${t}`);
    return fine ? s('fine', { fine }) : undefined;
  }
  if (/^没收/.test(t)) {
    const obj = t.slice(2);
    // 没收违法所得或者责令停止开采: the words after 或者 are another sanction or an order, not a thing taken.
    if (obj === '' || /责令|罚款|警告|吊销|暂扣|停业|停产|拘留/.test(obj)) return undefined;
    const parts = obj.split(/和|、|以及|及|或者/);
    const gains = parts.some((x) => /^(?:其)?(?:违法|非法)所得$/.test(x));
    const others = parts.filter((x) => !/^(?:其)?(?:违法|非法)所得$/.test(x));
    if (gains && others.length === 0) return s('confiscateGains');
    if (!gains) return s('confiscateProperty');
    return { sanction: s('confiscateGains').sanction!, also: s('confiscateProperty').sanction! };
  }
  const fine = readFine(t);
  if (fine) return s('fine', { fine });
  const measure = readMeasure(t);
  if (measure) return { measure };
  return undefined;
}

function readMeasure(t: string): ReadMeasure | undefined {
  if (/罚款|警告|没收|吊销|拘留|停产|停业|关闭|通报批评|降低[^，；。]{0,4}资质|降低[^，；。]{0,6}等级/.test(t)) return undefined;
  if (/^(?:责令|限期)(?:其)?(?:限期)?(?:改正|整改|纠正|补正|更正)/.test(t) || /^责令(?:其)?(?:立即|限期|在[^，；。]{1,10}内)?(?:改正|整改|备案|补办备案)/.test(t)) return { kind: 'correct', text: t };
  if (/停产|停业/.test(t)) return undefined;
  // 停止相关业务 is a sanction of some kind (停产停业? 限制开展生产经营活动?), not the order to stop the act.
  // 停止接受新业务, 停止承接新的专利代理业务, 停止执行业务, 停止经营相关业务: a licensed party's business cut back.
  if (/停止(?:从业|执业)(?!活动)/.test(t) && !/非法执业|违法执业/.test(t)) return undefined;
  // 责令停止招生: the school's business restricted (限制开展生产经营活动?), not the order to stop the act.
  if (/停止招生|暂停招生/.test(t)) return undefined;
  // 责令其停止私募基金业务活动: the party's licensed business stopped, a sanction rather than the order to stop the act.
  if (/^责令其停止[^，；。、]{0,10}?业务/.test(t) && !/违法|非法/.test(t)) return undefined;
  if (/^(?:责令|并)?(?:其)?(?:立即)?停止(?:(?:相关|有关|其|相应)[^，；。、]{0,4}?(?:业务|执业)|(?:接受|承接|承办)新|执行业务|经营相关业务)/.test(t)) return undefined;
  if (/^(?:责令|并)?(?:其)?(?:立即)?停止/.test(t) || /^(?:予以)?制止/.test(t)) return { kind: 'stop', text: t };
  if (/^责令(?:其)?(?:限期)?(?:及时|立即)?(?:恢复|拆除|补种|退还|清除|消除|采取|治理|补办|召回|改造|重新|迁出|搬迁|赔偿|补缴|返还|退回|履行|补建|缴纳)/.test(t))
    return { kind: 'restore', text: t };
  if (/^责令/.test(t) && !/罚款|吊销|没收|暂扣|暂停/.test(t)) return { kind: 'other', text: t };
  if (/^(?:限期|依法|并)?(?:恢复原状|恢复植被|采取(?:其他)?(?:补救|治理|改正|整改)措施|修复|补种|补植|消除影响|消除污染|消除危害|消除隐患)/.test(t)) return { kind: 'restore', text: t };
  if (/^对[^，；。]{1,20}(?:进行无害化处理|予以监督销毁)(?:或者予以监督销毁)?$/.test(t)) return { kind: 'other', text: t };
  if (/^(?:追回|追缴|追还|收回|代为收回|发放|责令退还|退还|销毁|取缔|予以取缔|依法取缔|扣留)[^，；。]{0,30}$/.test(t) && !/罚款|吊销|暂扣|没收/.test(t)) return { kind: 'other', text: t };
  if (/^[^，；。]{0,30}?(?:指定|委托)[^，；。]{0,20}?代为|^(?:并)?委托他人代为|^(?:限期|责令)?整顿$|^组织拆除|^注销|^(?:予以)?收缴|^扣留|^(?:可以|可)?暂扣[^，；。]{0,20}?(?:物品|工具|车辆|设备|财物)$|^(?:责令)?(?:其)?(?:限期|立即|及时)?备案/.test(t)) return { kind: 'other', text: t };
  if (/^(?:限期|依法|予以|强制|强行)?(?:拆除|取缔|补办|调整|收回|收容|代为|代作|组织代为|清除|说服教育|批评教育|没收并销毁|销毁|封存|扣押|查封)/.test(t) && !/罚款|吊销|暂扣/.test(t))
    return { kind: 'other', text: t };
  if (/^(?:其|该)?(?:车辆|船舶|产品|设备)?不得(?:上道路行驶|使用|销售|出厂|进口|生产|开工|投入使用|继续)/.test(t)) return { kind: 'other', text: t };
  // 督促其限期改正, 限期清理, 归还业主: orders to put the matter right; 批评教育, 训诫: education, not a penalty
  // (行政处罚法 Art. 9 does not list them); 强制其履行义务, 强制排除妨碍, 限期办理相关手续: enforcement.
  if (/^(?:并)?督促(?:其)?(?:限期)?(?:改正|整改)$/.test(t)) return { kind: 'correct', text: t };
  if (/^(?:并)?(?:责令)?(?:限期)?(?:清理|归还[^，；。]{1,10}|退还[^，；。]{1,10})$/.test(t) && !/罚款|没收/.test(t)) return { kind: 'restore', text: t };
  if (/^(?:给予|予以|进行|并)?(?:批评教育|训诫)$/.test(t)) return { kind: 'other', text: t };
  if (/^(?:并)?(?:强制其履行(?:义务)?|强制排除妨碍|限期办理相关手续)$/.test(t)) return { kind: 'other', text: t };
  // 按日加收滞纳部分万分之五的滞纳金: a late charge to compel payment (行政强制法 Arts. 12, 45), not a penalty.
  if (/^(?:并)?(?:(?:自|从)[^，；。]{1,12}之日起)?按日加收[^，；。]{0,20}滞纳金$|^但加收的滞纳金不得超过[^，；。]{1,10}$/.test(t)) return { kind: 'other', text: t };
  return undefined;
}

/** 处五万元以上十万元以下罚款; 处货值金额十倍以上二十倍以下的罚款; 处二千元以下罚款; 处以罚款. */
export function readFine(t: string): ReadFine | undefined {
  // 处每平方米五十元以上二百元以下罚款; 按占用绿地面积每平方米…处以罚款; 以每人二百元的标准处以罚款.
  const per = new RegExp(
    `^(?:处以?|并处|按照?|以)?([^，；。每元倍]{0,20}?)每(${PER_UNITS})(${YUAN})(?:(?:以上|至|到)(${YUAN}))?(以下)?(?:的)?(?:标准|数额)?(?:处以?|计算)?(?:的)?罚款$`,
  ).exec(t);
  if (per) {
    const a = parseYuan(per[3]!);
    const b = per[4] !== undefined ? parseYuan(per[4]) : undefined;
    if (a === undefined || (per[4] !== undefined && b === undefined)) return undefined;
    const [min, max] = per[5] !== undefined && b === undefined ? [0, a] : [a, b ?? a];
    if (min > max) return undefined;
    const words = per[1]!.replace(/^(?:按照?|处以?)/, '').replace(/(?:并处|处以?)$/, '').replace(/的$/, '');
    // 按照面积对个人处每平方米…: a target inside the words is not read here.
    if (/对|[，；。]/.test(words)) return undefined;
    const counted = words || COUNTED[per[2]!]!;
    return { kind: 'perUnit', unit: per[2]!, counted, min, max };
  }
  const calc = /^(?:处以?|并处)?按照?(.+?)计算罚款$/.exec(t);
  if (calc) return readFine(`处${calc[1]!.replace(/的(?=[^的]*$)/, '')}罚款`);
  const m = /^(?:处以|处|并处|给予|罚款)?(.*?)(?:的)?罚款$/.exec(t);
  if (!m) return undefined;
  const inner = m[1]!.replace(/^以/, '');
  if (inner === '') return { kind: 'unspecified' };
  let r = new RegExp(`^(${YUAN})(?:以上|至|到|-|－|～)(${YUAN})(?:以下)?$`).exec(inner);
  if (!r) {
    // 一万至五万元: the first amount without 元 takes the unit of the second.
    r = new RegExp(`^(${N})(?:至|到)(${YUAN})$`).exec(inner) ?? new RegExp(`^(${N})以上(${YUAN})以下$`).exec(inner);
    if (r) r[1] = r[1] + '元';
  }
  if (r) {
    let min = parseYuan(r[1]!);
    const max = parseYuan(r[2]!);
    if (min !== undefined && max !== undefined && /^[^万千百]+元$/.test(r[1]!) && /万元$/.test(r[2]!) && min < 10 && !/[0-9]/.test(r[1]!))
      min = min * 10_000; // 一至五万元 reads 一万至五万元
    if (min === undefined || max === undefined || min > max) return undefined;
    return { kind: 'range', min, max };
  }
  // 一万元以上不满十万元: the upper bound excludes itself, so the range ends one fen below it.
  r = new RegExp(`^(${YUAN})以上不满(${YUAN})$`).exec(inner);
  if (r) {
    const min = parseYuan(r[1]!);
    const below = parseYuan(r[2]!);
    if (min === undefined || below === undefined || min >= below) return undefined;
    return { kind: 'range', min, max: (Math.round(below * 100) - 1) / 100 };
  }
  r = new RegExp(`^(${YUAN})以下$`).exec(inner);
  if (r) {
    const max = parseYuan(r[1]!);
    return max === undefined ? undefined : { kind: 'upTo', max };
  }
  r = new RegExp(`^(${YUAN})以上$`).exec(inner);
  if (r) {
    const min = parseYuan(r[1]!);
    return min === undefined ? undefined : { kind: 'atLeast', min };
  }
  r = new RegExp(`^(${YUAN})$`).exec(inner);
  if (r) {
    const v = parseYuan(r[1]!);
    return v === undefined ? undefined : { kind: 'range', min: v, max: v };
  }
  // Multiples of a base.
  r =
    new RegExp(`^(.+?)(${FACTOR})以上(${FACTOR})以下$`).exec(inner) ??
    new RegExp(`^(.+?)(${FACTOR})(?:至|到)(${FACTOR})$`).exec(inner) ??
    new RegExp(`^(.+?)(${N})(?:至|到)(${FACTOR})$`).exec(inner);
  if (r) {
    const base = baseOf(r[1]!);
    const f2 = parseFactor(r[3]!);
    let f1 = parseFactor(r[2]!);
    if (f1 === undefined && /倍$/.test(r[3]!)) f1 = parseNumeral(r[2]!);
    if (!base || f1 === undefined || f2 === undefined || f1 > f2) return undefined;
    return { kind: 'multiple', base, min: f1, max: f2 };
  }
  r = new RegExp(`^(.+?)(${FACTOR})以下$`).exec(inner);
  if (r) {
    const base = baseOf(r[1]!);
    const f = parseFactor(r[2]!);
    if (!base || f === undefined) return undefined;
    return { kind: 'multiple', base, max: f };
  }
  r = new RegExp(`^(.+?)(${FACTOR})$`).exec(inner);
  if (r) {
    const base = baseOf(r[1]!);
    const f = parseFactor(r[2]!);
    if (!base || f === undefined) return undefined;
    return { kind: 'multiple', base, min: f, max: f };
  }
  return undefined;
}

/** The base of a multiple: a known one, or the text's own words (no amount, no verb in it). */
function baseOf(raw: string): FineBase | undefined {
  const t = raw.replace(/[（(][^）)]*[）)]/g, '').replace(/^(?:其|该项|该|相当于)/, '').replace(/的$/, '');
  // 处五倍以上十倍以下罚款 (the base left to an earlier clause) and 一倍以上不满二倍 (a bound that
  // excludes itself) must not read a factor word as the base.
  // 不缴或者少缴的税款, 被破坏或者被占用耕地的…: 或者 between short verbs before 的 joins two ways of one
  // amount (not 相关营业所得或者…财物价值, two amounts).
  // 不缴或者少缴财政收入, 奖品或者赠品货值金额, 承销或者转让企业债券金额: two short words before one
  // amount name the same amount (not 虚假出资金额或者抽逃出资金额, two amounts).
  const u = t
    .replace(/^((?:[^，；。的、]{1,4}、)*[^，；。的、]{1,4})或者([^，；。的]{1,15}的)(?=[^，；。或的]{1,12}$)/, (all, a: string, b: string) =>
      /所得|金额|价值|费|额|款|收入/.test(a) ? all : `${a}、${b}`,
    )
    .replace(/^([^，；。的、或]{1,3})或者([^，；。的、或]{1,3})(?=[^，；。或的、]{2,12}$)/, (all, a: string, b: string) =>
      /所得|金额|价值|费|额|款|收入|税|资金/.test(a + b) ? all : `${a}、${b}`,
    );
  if (u === '' || /元|罚款|[，；。]|^对|处|或者|或|倍|以上|以下|不满|不足|分之|[%％‰]|每|[至到]$/.test(u) || new RegExp(`^${N}$`).test(u) || u.length > 30) return undefined;
  const known = findBase(t);
  if (known && t.endsWith(known.text)) return known;
  return { text: t };
}
