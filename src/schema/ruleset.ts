import * as z from 'zod';
import { Condition } from './condition.js';
import {
  Period,
  Id,
  IsoDate,
  Money,
  MoneyRange,
  MultipleRange,
  Name,
  Ratio,
  ShareRange,
  Text,
  lineText,
  Unverified,
} from './primitives.js';

/**
 * The rule-set language, as zod schemas. Money is written in yuan; the loader
 * turns it into integer fen. A rule set is a folder: index.yaml (identity,
 * laws, policy) plus topic files (facts, circumstances, items, lists).
 */

// ── citations and laws ────────────────────────────────────────────────────

/** A pointer into a law: 第 article 条 第 paragraph 款 第 item 项 (sentence: 第 n 句). */
export const Citation = z
  .strictObject({
    law: Id.meta({ description: 'Key of a law declared under laws: in index.yaml' }),
    article: z.int().min(1).max(10000),
    paragraph: z.int().min(1).max(100).optional(),
    item: z.int().min(1).max(100).optional(),
    sentence: z.int().min(1).max(20).optional(),
    note: Text.optional(),
  })
  .meta({ id: 'Citation', description: '法律依据: law key, article (条), paragraph (款), item (项), sentence (句)' });

export const Law = z
  .strictObject({
    title: Text,
    version: IsoDate.meta({ description: 'Date of the text cited (adoption or last amendment)' }),
    effective: IsoDate.optional().meta({ description: 'Date this text came into force' }),
    repealed: IsoDate.optional().meta({ description: 'Date this text stopped being in force' }),
    articles: z.int().min(1).max(10000).optional().meta({ description: 'Number of articles in this text' }),
    source: Text.optional(),
    unverified: Unverified.optional(),
  })
  .meta({ id: 'Law' });

/** A published document a benchmark or list entry transcribes. */
export const SourceDoc = z
  .strictObject({
    document: Text.meta({ description: 'Document number, e.g. 国市监法〔2025〕10号' }),
    title: Text.optional(),
    issuer: Text.optional(),
    date: IsoDate.optional(),
    entry: z.union([z.int().min(1), Text]).optional().meta({ description: 'Entry (序号) in the document' }),
    validUntil: IsoDate.optional(),
    url: Text.optional(),
    unverified: Unverified.optional(),
  })
  .meta({ id: 'SourceDoc' });

// ── facts and circumstances ──────────────────────────────────────────────

export const FACT_TYPES = ['money', 'count', 'ratio', 'number', 'boolean', 'enum', 'date', 'duration'] as const;
export const FactType = z.enum(FACT_TYPES);

export const FactDecl = z
  .union([
    FactType,
    z.strictObject({
      type: FactType,
      label: Text.optional(),
      unit: Text.optional().meta({ description: 'Unit for number facts, e.g. m², 天, 小时' }),
      values: z.array(Id).min(1).max(200).optional().meta({ description: 'Allowed values of an enum fact' }),
      valueLabels: z.record(Id, Text).optional().meta({ description: 'zh-CN names of enum values, for reports' }),
      description: Text.optional(),
      aggravating: z
        .boolean()
        .optional()
        .meta({ description: 'More of this fact is worse (used by monotonicity checks)' }),
    }),
  ])
  .meta({ id: 'FactDecl' });

export const FactDecls = z.record(Name, FactDecl);

export const CIRCUMSTANCE_EFFECTS = ['exempt', 'mitigating', 'mitigating-optional', 'aggravating', 'neutral'] as const;

export const CircumstanceDecl = z
  .strictObject({
    label: Text,
    effect: z.enum(CIRCUMSTANCE_EFFECTS).default('neutral'),
    cites: z.array(Citation).optional(),
  })
  .meta({ id: 'CircumstanceDecl' });

/**
 * Circumstances (and facts) that cannot both hold: a case listing both sides
 * is contradictory, and nothing is recommended on it. `of` names one or two
 * circumstances; with `when`, one circumstance and a condition on the facts.
 */
export const ExclusionDecl = z
  .strictObject({
    of: z.array(Name).min(1).max(2).meta({ description: 'Two circumstances that exclude each other, or one with when:' }),
    when: Condition.optional().meta({ description: 'A condition on the facts that contradicts the one circumstance of of:' }),
    reason: Text.meta({ description: 'Why the two cannot both hold, in zh-CN, for the officer' }),
  })
  .superRefine((e, ctx) => {
    if ((e.of.length === 2) === (e.when !== undefined))
      ctx.addIssue({ code: 'custom', message: 'an exclusion names two circumstances, or one circumstance and when:', path: ['of'] });
  })
  .meta({ id: 'ExclusionDecl' });

// ── statutory penalties ──────────────────────────────────────────────────

/** Kinds of administrative penalty, 行政处罚法 Art. 9. */
export const PENALTY_KINDS = [
  'warning', // 警告
  'criticism', // 通报批评
  'fine', // 罚款
  'confiscateGains', // 没收违法所得
  'confiscateProperty', // 没收非法财物
  'suspendLicence', // 暂扣许可证件
  'lowerQualification', // 降低资质等级
  'revokeLicence', // 吊销许可证件
  'restrictBusiness', // 限制开展生产经营活动
  'suspendBusiness', // 责令停产停业
  'close', // 责令关闭
  'restrictPractice', // 限制从业
  'detention', // 行政拘留
  'other', // 法律、行政法规规定的其他行政处罚
] as const;
export const PenaltyKind = z.enum(PENALTY_KINDS);

const FineShape = {
  amount: MoneyRange.optional().meta({ description: 'Fixed range [min, max] in yuan' }),
  upTo: Money.optional().meta({ description: '“X 元以下”: maximum only, minimum 0' }),
  multiple: z
    .strictObject({
      of: Name.meta({ description: 'Money fact the multiple applies to, e.g. goodsValue' }),
      range: MultipleRange.optional(),
      upTo: z.number().min(0).max(1000).optional().meta({ description: '“N 倍以下”' }),
      floor: Money.optional().meta({
        description: '“货值金额不足十万元的，按十万元计算”: a base below this amount (yuan) counts as this amount',
      }),
      cap: Money.optional().meta({
        description: '“违法所得三倍以上五倍以下罚款，但最高不超过十万元”: the fine is at most this amount (yuan), whatever the base',
      }),
    })
    .optional(),
  perUnit: z
    .strictObject({
      of: Name.meta({ description: 'Count or number fact the fine is per unit of, e.g. area (平方米), trees (株)' }),
      range: MoneyRange.optional().meta({ description: '“每平方米 N 元以上 M 元以下”: yuan per unit' }),
      upTo: Money.optional().meta({ description: '“每平方米 N 元以下”' }),
    })
    .optional()
    .meta({ description: 'A fine per unit (每平方米, 每株, 每人): the range is the fact times the amounts per unit' }),
  unspecified: z
    .literal(true)
    .optional()
    .meta({ description: '“处以罚款” with no amount: the statute sets no range here (the amount comes from a tier amount of the benchmark, or the officer sets it under the implementing rules)' }),
};

export interface RawFine {
  amount?: [number, number];
  upTo?: number;
  multiple?: { of: string; range?: [number, number]; upTo?: number; floor?: number; cap?: number };
  perUnit?: { of: string; range?: [number, number]; upTo?: number };
  unspecified?: true;
  person?: RawFine;
  organization?: RawFine;
}

/**
 * A fine model: a fixed range, a maximum only, a multiple of a money fact, an
 * amount per unit of a count or number fact (每平方米…元), no amount at all
 * (处以罚款: unspecified), or separate models for persons and organisations.
 */
export const Fine: z.ZodType<RawFine> = z.lazy(() =>
  z
    .strictObject({
      ...FineShape,
      person: Fine.optional(),
      organization: Fine.optional(),
    })
    .superRefine((f, ctx) => {
      const shapes = [f.amount, f.upTo, f.multiple, f.perUnit, f.unspecified].filter((x) => x !== undefined).length;
      const byParty = f.person !== undefined || f.organization !== undefined;
      if (byParty && (f.person === undefined || f.organization === undefined))
        ctx.addIssue({ code: 'custom', message: 'give both person and organization, or neither' });
      else if (shapes + (byParty ? 1 : 0) !== 1)
        ctx.addIssue({ code: 'custom', message: 'a fine has exactly one of amount, upTo, multiple, perUnit, unspecified, or person + organization' });
      if (f.multiple && (f.multiple.range === undefined) === (f.multiple.upTo === undefined))
        ctx.addIssue({ code: 'custom', message: 'a multiple has exactly one of range or upTo', path: ['multiple'] });
      if (f.perUnit && (f.perUnit.range === undefined) === (f.perUnit.upTo === undefined))
        ctx.addIssue({ code: 'custom', message: 'a fine per unit has exactly one of range or upTo', path: ['perUnit'] });
    }),
).meta({ id: 'Fine' });

const PenaltyFields = {
  label: Text.optional(),
  kinds: z.array(PenaltyKind).min(1).optional().meta({ description: 'Penalty kinds the provision imposes (Art. 9)' }),
  fine: Fine.optional(),
  optional: z.boolean().optional().meta({ description: '“可以处”: the fine is discretionary' }),
  responsibleFine: Fine.optional().meta({ description: 'Fine on the responsible persons (直接负责的主管人员)' }),
  fineOnlyIf: Name.optional().meta({
    description: 'Circumstance that must hold for the fine, e.g. refusedToCorrect (责令改正，拒不改正的，处…)',
  }),
  cites: z.array(Citation).optional(),
};

export const StatutoryBranch = z
  .strictObject({
    id: Id,
    when: Condition.optional(),
    otherwise: z.literal(true).optional().meta({ description: 'This branch applies when no other branch does' }),
    ...PenaltyFields,
  })
  .superRefine((b, ctx) => {
    if ((b.when === undefined) === (b.otherwise === undefined))
      ctx.addIssue({ code: 'custom', message: 'a branch has exactly one of when or otherwise: true' });
  })
  .meta({ id: 'StatutoryBranch' });

export const Statutory = z
  .strictObject({
    ...PenaltyFields,
    branches: z.array(StatutoryBranch).min(2).optional().meta({
      description: 'Alternative penalty clauses, e.g. 货值不足1万元 / 1万元以上',
    }),
  })
  .superRefine((s, ctx) => {
    if (s.branches === undefined && s.kinds === undefined)
      ctx.addIssue({ code: 'custom', message: 'statutory needs kinds (and fine), or branches' });
  })
  .meta({ id: 'Statutory' });

// ── tiers, items, lists ──────────────────────────────────────────────────

export const GRADES = ['lighter', 'general', 'heavier'] as const;

export const Tier = z
  .strictObject({
    id: Id,
    label: Text.optional().meta({ description: 'The region’s own name, e.g. 情节较轻' }),
    grade: z.enum(GRADES).optional().meta({ description: 'Band this tier stands for: 从轻 / 一般 / 从重' }),
    when: Condition.optional().meta({ description: 'Facts that put a case in this tier' }),
    branch: Id.optional().meta({ description: 'Statutory branch this tier refines' }),
    share: ShareRange.optional().meta({ description: 'Part of the statutory range, e.g. [0, 0.3]' }),
    amount: MoneyRange.optional().meta({ description: 'Absolute range in yuan' }),
    multiple: MultipleRange.optional().meta({ description: 'Range of multiples of the statutory base fact' }),
    responsibleAmount: MoneyRange.optional(),
    kinds: z.array(PenaltyKind).min(1).optional(),
    description: Text.optional(),
    cites: z.array(Citation).optional(),
    unverified: Unverified.optional(),
  })
  .superRefine((t, ctx) => {
    const n = [t.share, t.amount, t.multiple].filter((x) => x !== undefined).length;
    if (n > 1) ctx.addIssue({ code: 'custom', message: 'a tier has at most one of share, amount or multiple' });
    if (t.when === undefined && t.grade === undefined)
      ctx.addIssue({ code: 'custom', message: 'a tier needs when (chosen by facts) or grade (chosen by circumstances)' });
  })
  .meta({ id: 'Tier' });

export const HIT_POLICIES = ['unique', 'priority'] as const;

export const Item = z
  .strictObject({
    code: Id.meta({ description: 'Stable code of the 裁量事项' }),
    name: Text,
    field: Text.optional().meta({ description: '领域, e.g. 食品安全' }),
    violates: z.array(Citation).min(1).meta({ description: '违法依据' }),
    penalizedBy: z.array(Citation).min(1).meta({ description: '处罚依据' }),
    facts: FactDecls.optional(),
    statutory: Statutory,
    hitPolicy: z.enum(HIT_POLICIES).optional(),
    fallback: Id.optional().meta({ description: 'Tier that applies when no tier matches (declared gap)' }),
    formerly: z
      .array(Id)
      .min(1)
      .max(20)
      .optional()
      .meta({
        description:
          'Codes this item had in earlier versions of the rule set: the same conduct, renumbered (国际海运条例 2019 Art. 45 → 2023 Art. 40). Art. 37 compares an act under such a code with this item instead of taking the code as gone',
      }),
    tiers: z.array(Tier).min(1),
    source: SourceDoc.optional(),
    description: Text.optional(),
    unverified: Unverified.optional(),
  })
  .meta({ id: 'Item' });

export const LIST_KINDS = ['exempt', 'lighter', 'reduced', 'heavier'] as const;
export const EXEMPT_BASES = ['first-offence', 'minor', 'no-fault', 'time-barred', 'other'] as const;

export const ListEntry = z
  .strictObject({
    id: Id,
    kind: z.enum(LIST_KINDS),
    basis: z.enum(EXEMPT_BASES).optional().meta({ description: 'Ground of an exempt entry: 首违 / 轻微 / 无过错 …' }),
    title: Text.optional(),
    items: z.array(Id).min(1),
    when: Condition.optional(),
    unless: Condition.optional().meta({ description: 'Red lines: the entry does not apply when this holds' }),
    lookBack: z
      .strictObject({
        window: Period,
        scope: z.enum(['item', 'entry']).default('item'),
      })
      .optional()
      .meta({ description: 'No prior violation of the same kind within the window (首违)' }),
    discretionary: z.boolean().optional().meta({ description: '可以 (true) or 应当 (false); default by basis' }),
    cites: z.array(Citation).min(1),
    source: SourceDoc,
    description: Text.optional(),
    unverified: Unverified.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'exempt' && e.basis === undefined)
      ctx.addIssue({ code: 'custom', message: 'an exempt entry needs basis', path: ['basis'] });
  })
  .meta({ id: 'ListEntry' });

// ── policy ───────────────────────────────────────────────────────────────

const ByParty = z.strictObject({ person: Money, organization: Money });

export const Policy = z
  .strictObject({
    split: ShareRange.default([0.3, 0.7]).meta({ description: '从轻 / 一般 / 从重 boundaries as shares of a range' }),
    point: z.enum(['midpoint', 'floor', 'ceiling']).default('midpoint'),
    rounding: Money.default(100).meta({ description: 'Round recommendations to this many yuan' }),
    reducedFloor: Money.nullable().default(null).meta({ description: '减轻 floor in yuan; null: officer decides' }),
    firstOffenceWindow: Period.default('P2Y'),
    staleAfter: Period.default('P2Y').meta({ description: 'Warn when reviewed is older than this' }),
    hitPolicy: z.enum(HIT_POLICIES).default('unique'),
    hearing: ByParty.nullable().default(null).meta({ description: 'Art. 63 较大数额 thresholds, from the region' }),
    simpleProcedure: ByParty.default({ person: 200, organization: 3000 }).meta({ description: 'Art. 51 limits' }),
    limitation: z
      .strictObject({ general: Period.default('P2Y'), extended: Period.default('P5Y') })
      .default({ general: 'P2Y', extended: 'P5Y' })
      .meta({ description: 'Art. 36 periods; a special law may set its own' }),
    channels: z
      .strictObject({
        target: z
          .strictObject({ service: Ratio, supervision: Ratio, penalty: Ratio })
          .default({ service: 0.7, supervision: 0.2, penalty: 0.1 }),
      })
      .default({ target: { service: 0.7, supervision: 0.2, penalty: 0.1 } }),
    legalReview: Condition.optional().meta({ description: 'Art. 58: when 法制审核 is required' }),
    collective: Condition.optional().meta({ description: 'Art. 57: when 集体讨论 is required' }),
  })
  .meta({ id: 'Policy' });

// ── deliberate exceptions to verify checks ──────────────────────────────

/**
 * A finding of `cailiang verify` the rule set keeps on purpose, with the
 * reason on record (e.g. a statutory range wider than 10× that no tier can
 * narrow). Only semantic-check codes can be ignored.
 */
export const IgnoreEntry = z
  .strictObject({
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, 'a diagnostic code such as FINE_RANGE_TOO_WIDE')
      .meta({ description: 'Code of a semantic check (see docs/verify.md)' }),
    reason: Text.meta({ description: 'Why the finding is kept: the legal or practical reason, for reviewers' }),
    item: Id.optional().meta({ description: 'Only for this item; all items when left out' }),
  })
  .meta({ id: 'IgnoreEntry' });

// ── files ────────────────────────────────────────────────────────────────

const TopicFields = {
  facts: FactDecls.optional(),
  circumstances: z.record(Name, CircumstanceDecl).optional(),
  items: z.array(Item).optional(),
  lists: z.array(ListEntry).optional(),
  exclusions: z.array(ExclusionDecl).optional().meta({ description: 'Circumstances and facts that contradict each other, beside the built-in ones' }),
};

export const RuleSetIndex = z
  .strictObject({
    id: Id,
    region: z.strictObject({ code: z.string().regex(/^\d{6}$/, 'a 6-digit administrative division code'), name: Text }),
    title: Text,
    issuer: Text,
    document: Text.nullable().optional().meta({ description: 'Number of the published document transcribed' }),
    method: z
      .strictObject({
        kind: z.enum(['transcribed', 'derived']),
        description: Text,
        source: Text.optional(),
      })
      .optional()
      .meta({ description: 'derived: built by applying a published method (e.g. the SAMR split) to statutes' }),
    layer: z
      .enum(['statutory', 'benchmark'])
      .optional()
      .meta({
        description:
          'statutory: the statutory layer of one law, generated from its text (cailiang statute import); benchmark (default): a regional benchmark, which may extend a statutory layer',
      }),
    version: lineText(40),
    effective: z.strictObject({ from: IsoDate, to: IsoDate.nullable().optional() }),
    reviewed: IsoDate.optional(),
    extends: Id.optional(),
    laws: z.record(Id, Law),
    policy: Policy.default(Policy.parse({})),
    unverified: z.array(Unverified).optional(),
    ignore: z.array(IgnoreEntry).optional().meta({ description: 'Findings of cailiang verify kept on purpose, each with its reason' }),
    ...TopicFields,
  })
  .meta({ id: 'RuleSetIndex', title: 'cailiang rule set: index.yaml' });

export const RuleSetTopic = z
  .strictObject(TopicFields)
  .meta({ id: 'RuleSetTopic', title: 'cailiang rule set: topic file' });

export type RawIndex = z.output<typeof RuleSetIndex>;
export type RawTopic = z.output<typeof RuleSetTopic>;
export type RawItem = z.output<typeof Item>;
export type RawTier = z.output<typeof Tier>;
export type RawListEntry = z.output<typeof ListEntry>;
export type RawStatutory = z.output<typeof Statutory>;
export type RawBranch = z.output<typeof StatutoryBranch>;
export type RawPolicy = z.output<typeof Policy>;
export type RawFactDecl = z.output<typeof FactDecl>;
export type RawCitation = z.output<typeof Citation>;
export type RawLaw = z.output<typeof Law>;
export type RawSourceDoc = z.output<typeof SourceDoc>;
export type RawIgnoreEntry = z.output<typeof IgnoreEntry>;
