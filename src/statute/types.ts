/**
 * The statute as data: a law text split into articles, paragraphs and items,
 * and the administrative penalties its paragraphs set, as read by
 * `readPenalties`. Money is in yuan here (as the text writes it); the
 * statutory layer turns it into the rule-set language.
 */
import type { PENALTY_KINDS } from '../schema/ruleset.js';

type PenaltyKind = (typeof PENALTY_KINDS)[number];

/** Where a piece of text starts: 0-based offset, 1-based line and column. */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** An enumerated item (项): （一）… */
export interface ListItem {
  readonly number: number;
  readonly text: string;
  readonly at: TextPosition;
}

/** A paragraph (款) of an article, with the items that follow it. */
export interface LawParagraph {
  readonly number: number;
  readonly text: string;
  readonly items: readonly ListItem[];
  readonly at: TextPosition;
}

export interface LawArticle {
  readonly number: number;
  /** 第X条之一 → 1. */
  readonly suffix?: number;
  readonly chapter?: string;
  readonly section?: string;
  readonly paragraphs: readonly LawParagraph[];
  readonly at: TextPosition;
}

export interface LawText {
  /** Full title from the `# ` heading, e.g. 中华人民共和国食品安全法. */
  readonly title: string;
  /** Adoption and amendment lines of the header. */
  readonly history: readonly string[];
  readonly articles: readonly LawArticle[];
}

/** A place in a law: 第 article 条 第 paragraph 款 第 item 项. */
export interface StatuteRef {
  readonly article: number;
  readonly suffix?: number;
  readonly paragraph?: number;
  readonly item?: number;
}

/** Who a sanction falls on. */
export type Target =
  | 'party' // the offender the clause is about
  | 'organization' // 对单位
  | 'person' // 对个人
  | 'responsible' // 直接负责的主管人员和其他直接责任人员
  | 'legalRepresentative' // 法定代表人 / 主要负责人
  | 'named'; // a party the clause names (对建设单位、施工单位…): see targetText

/** The amount a multiple is taken of: 货值金额, 违法所得, 广告费用 … */
export interface FineBase {
  /** The words of the text, e.g. 违法生产经营的食品货值金额 → 货值金额. */
  readonly text: string;
  /** The rule-set fact it maps to, when the reader knows one (goodsValue, illegalGains …). */
  readonly fact?: string;
}

/** A fine as the text sets it, in yuan or as factors of a base. */
export type ReadFine =
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'upTo'; readonly max: number }
  | { readonly kind: 'atLeast'; readonly min: number }
  | {
      readonly kind: 'multiple';
      readonly base: FineBase;
      /** Lowest factor; absent for “N 倍以下”. */
      readonly min?: number;
      readonly max: number;
      /** 按一万元计算: a base below this counts as this (yuan). */
      readonly baseFloor?: number;
      /** 但最高不超过十万元: the fine is at most this (yuan), whatever the base. */
      readonly cap?: number;
    }
  /** 每平方米五十元以上二百元以下: yuan per unit of what is counted (占用绿地面积, 株数). */
  | { readonly kind: 'perUnit'; readonly unit: string; readonly counted: string; readonly min: number; readonly max: number }
  /** 处以罚款: a fine with no amount in this clause. */
  | { readonly kind: 'unspecified' };

export type SanctionKind = PenaltyKind;

export interface Sanction {
  readonly kind: SanctionKind;
  /** 处 / 并处 (true) or 可以 / 可以并处 (false). */
  readonly mandatory: boolean;
  readonly target: Target;
  /** The words naming the target, when it is `named`. */
  readonly targetText?: string;
  readonly fine?: ReadFine;
  /** 行政拘留: days. */
  readonly days?: { readonly min?: number; readonly max: number };
  /** 限制从业 / 不得从事: years, when the text gives them. */
  readonly years?: { readonly min?: number; readonly max: number };
  /** The words the sanction was read from. */
  readonly text: string;
}

/** 处警告或者五千元以下罚款: one of the options. */
export interface SanctionChoice {
  readonly anyOf: readonly Sanction[];
  readonly mandatory: boolean;
  readonly text: string;
}

export type SanctionOrChoice = Sanction | SanctionChoice;

/** Measures that are not penalties (行政处罚法 Art. 28): 责令改正, 责令停止违法行为 … */
export interface ReadMeasure {
  readonly kind: 'correct' | 'stop' | 'restore' | 'other';
  readonly text: string;
}

/** Names of the conditions the reader knows (each a circumstance in the rule-set language). */
export const CONDITION_NAMES = {
  serious: '情节严重',
  graver: '情节较重',
  especiallySerious: '情节特别严重',
  lessSerious: '情节较轻',
  minor: '情节轻微',
  seriousConsequences: '造成严重后果',
  consequences: '造成后果',
  refusedToCorrect: '拒不改正',
  notCorrectedInTime: '逾期不改正',
  refusedToStop: '拒不停止',
  repeated: '再次违反或多次违反',
} as const;
export type ConditionName = keyof typeof CONDITION_NAMES;

export type ClauseCondition =
  | { readonly kind: 'circumstance'; readonly name: ConditionName; readonly text: string }
  /** A condition the reader keeps in the text's words (declared as its own circumstance). */
  | { readonly kind: 'stated'; readonly text: string }
  | {
      readonly kind: 'base';
      readonly base: FineBase;
      readonly operator: 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';
      readonly value: number;
      readonly text: string;
    }
  /** 没有违法所得 */
  | { readonly kind: 'noBase'; readonly base: FineBase; readonly text: string }
  /** 对单位 / 对个人 … as a condition of the group. */
  | { readonly kind: 'any'; readonly of: readonly ClauseCondition[]; readonly text: string };

/**
 * Sanctions that apply together, when all the conditions hold (none: always).
 * Groups read in order: the kinds of every group whose conditions hold add
 * up (责令改正，给予警告；拒不改正的，处罚款 is a warning and, on refusal, a
 * fine), but a fine in a group with conditions takes the place of the fine of
 * the unconditional group (处五千元罚款；情节严重的，处二万元罚款 is one fine,
 * the heavier range when serious), as the texts are applied.
 */
export interface PenaltyGroup {
  readonly when: readonly ClauseCondition[];
  readonly measures: readonly ReadMeasure[];
  readonly sanctions: readonly SanctionOrChoice[];
  readonly text: string;
  /**
   * A grade of the act with a penalty of its own (…处五日以下拘留或者五百元以下罚款；情节较重的，处五日以上
   * 十日以下拘留，可以并处五百元以下罚款): when it holds, its sanctions take the place of the
   * unconditional group's, not only its fine.
   */
  readonly replaces?: true;
}

/** A violation a penalty paragraph names: the paragraph itself, or one of its items. */
export interface ReadViolation {
  readonly ref: StatuteRef;
  readonly text: string;
  readonly at: TextPosition;
}

/** What the reader could not read, with where and why. */
export interface ReadProblem {
  readonly reason: string;
  readonly text: string;
  readonly at: TextPosition;
}

/** One paragraph that sets an administrative penalty, as read. */
export interface PenaltyProvision {
  readonly ref: StatuteRef;
  /** read: every part understood; review: some part was not (see problems). */
  readonly status: 'read' | 'review';
  readonly violations: readonly ReadViolation[];
  /** 违反本法第X条规定 … : the articles the text says are broken. */
  readonly violates: readonly StatuteRef[];
  readonly authority?: string;
  readonly groups: readonly PenaltyGroup[];
  /** 依照本法第X条的规定处罚: the provision whose penalty applies (its groups are copied in). */
  readonly refersTo?: StatuteRef;
  /** Parts that are not administrative penalties (刑事责任, 处分, 赔偿), recognised and left out. */
  readonly notPenalties: readonly string[];
  /** Penalties the paragraph leaves to another law (依照治安管理处罚法的规定处罚 …), recognised and not read here. */
  readonly elsewhere: readonly string[];
  readonly problems: readonly ReadProblem[];
  readonly text: string;
  readonly at: TextPosition;
}

export interface LawReading {
  readonly law: LawText;
  readonly provisions: readonly PenaltyProvision[];
}
