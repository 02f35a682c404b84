import type { ExemptBasis, Grade, PenaltyKind, ScalarValue } from '../load/model.js';

/**
 * A case as the engine uses it: validated against a rule set, fact values in
 * internal units (money in fen, dates as day numbers, durations in minutes).
 * Made by {@link loadCase}.
 */
export interface Case {
  readonly id: string;
  readonly ruleSet?: string;
  /** Item codes; more than one when one act breaks several norms (Art. 29). */
  readonly items: readonly string[];
  readonly party: {
    readonly kind: 'person' | 'organization';
    readonly name?: string;
    /** Full years on the act date: given, or computed from the birth date. */
    readonly age?: number;
    readonly birthDate?: string;
    readonly capacity?: 'full' | 'partial' | 'none';
  };
  readonly dates: {
    readonly act: string;
    readonly actEnd?: string;
    /** The act goes on (`actEnd: ongoing` in the case): the limitation has not started to run. */
    readonly ongoing?: true;
    readonly discovered?: string;
    readonly decision?: string;
  };
  /** Declared facts, internal units. */
  readonly facts: Readonly<Record<string, ScalarValue>>;
  /** Circumstance names, sorted, unique. */
  readonly circumstances: readonly string[];
  /** Prior violations, sorted by date. */
  readonly history: readonly { readonly item: string; readonly date: string }[];
  readonly note?: string;
}

/**
 * 不予处罚 grounds, in the order the law checks them. `correction-only`: the
 * provision orders correction first and penalises only a refusal (拒不改正的，处…),
 * and the party did not refuse. `no-longer-illegal`: the version in force at the
 * decision no longer treats the act as a violation (Art. 37).
 */
export type NoPenaltyBasis =
  | 'time-barred'
  | 'no-longer-illegal'
  | 'under-14'
  | 'incapacity'
  | 'no-fault'
  | 'correction-only'
  | ExemptBasis;

export type Outcome = 'none' | 'penalty' | 'undetermined';
/** 减轻 / 从轻 / 一般 / 从重. */
export type DispositionGrade = 'reduced' | Grade;
/** 721 channel. */
export type Channel = 'service' | 'supervision' | 'penalty';

/** A citation as it appears in a result: resolved law title and a readable text. */
export interface CitedArticle {
  readonly law: string;
  readonly lawTitle: string;
  readonly article: number;
  readonly paragraph?: number;
  readonly item?: number;
  readonly sentence?: number;
  /** 《中华人民共和国行政处罚法》第三十三条第一款 */
  readonly text: string;
  /** Why it is cited. */
  readonly role: 'violates' | 'penalizedBy' | 'benchmark' | 'list' | 'procedure' | 'ground';
}

/** A reference to the benchmark entry or list entry applied. */
export interface RuleRef {
  readonly kind: 'tier' | 'list';
  readonly ruleSet: string;
  readonly item?: string;
  readonly id: string;
  readonly label?: string;
  /** Source document and entry, for list entries. */
  readonly source?: string;
}

/** A range of money in fen. */
export interface FenRange {
  readonly min: number;
  readonly max: number;
}

export interface Penalty {
  readonly kind: PenaltyKind;
  /** Who bears it: the party, or the responsible persons (直接负责的主管人员). */
  readonly target: 'party' | 'responsible';
  /** Statutory range (fen), for fines. */
  readonly statutory?: FenRange;
  /** Recommended range (fen) after tier and grade. */
  readonly range?: FenRange;
  /** Recommended amount (fen); absent when the officer must set it (减轻 without a floor). */
  readonly recommended?: number;
  /** The fine is discretionary (可以处). */
  readonly optional?: boolean;
  /**
   * For multiples and confiscation: the base fact and its value (fen); countedAs when the statute
   * counts a base below a floor as the floor (按十万元计算); cap when the statute's ceiling on the
   * fine (但最高不超过十万元) cut the range.
   */
  readonly base?: { readonly fact: string; readonly value: number; readonly countedAs?: number; readonly cap?: number };
  readonly note?: string;
}

export type MeasureKind = 'correct' | 'educate' | 'guardianDiscipline' | 'guardianCare';

/** Measures that are not penalties (Arts. 28, 30, 31, 33(3)). */
export interface Measure {
  readonly kind: MeasureKind;
  readonly text: string;
  readonly cites: readonly CitedArticle[];
}

export interface Procedure {
  /** 简易程序 allowed (Art. 51). */
  readonly simple: boolean;
  /** 告知听证权利 required (Art. 63). */
  readonly hearing: boolean;
  /** 法制审核 required (Art. 58), as the rule set declares. */
  readonly legalReview: boolean;
  /** 集体讨论决定 required (Art. 57), as the rule set declares. */
  readonly collective: boolean;
}

export type TraceStep =
  | 'version'
  | 'facts'
  | 'items'
  | 'limitation'
  | 'mandatory'
  | 'lists'
  | 'first-offence'
  | 'mitigation'
  | 'clause'
  | 'tier'
  | 'amount'
  | 'concurrence'
  | 'measures'
  | 'procedure'
  | 'channel';

/** One step of the reasoning, in zh-CN, with its citations. */
export interface TraceEntry {
  readonly step: TraceStep;
  /** applied: the rule decided something; not-applied: checked and did not apply; info; missing: facts lacking. */
  readonly status: 'applied' | 'not-applied' | 'info' | 'missing';
  readonly item?: string;
  readonly message: string;
  readonly cites: readonly CitedArticle[];
  readonly ref?: RuleRef;
}

export interface EvaluationWarning {
  readonly code:
    | 'MISSING_FACTS'
    | 'TIER_CONFLICT'
    | 'NO_TIER'
    | 'NO_CLAUSE'
    | 'REDUCED_NO_FLOOR'
    | 'GROUNDS_CONFLICT'
    | 'HEARING_THRESHOLD_UNSET'
    | 'DISCOVERY_DATE_MISSING'
    | 'LAW_REPEALED'
    | 'LAW_NOT_IN_FORCE'
    | 'VERSIONS_NOT_COMPARED'
    | 'FACTS_CONTRADICT'
    | 'DECISION_DATE_MISSING'
    | 'NO_BENCHMARK'
    | 'AGE_MISSING'
    | 'OPTIONAL_MITIGATION'
    | 'FINE_AMOUNT_NOT_SET'
    | 'HEARING_UNDETERMINED';
  readonly message: string;
}

/**
 * Why an outcome is undetermined. `contradiction`: the case holds circumstances
 * (or facts) that exclude each other. `missing-facts`: a condition, base or
 * list entry needs a fact the case lacks. `missing-date`: a step needs a date
 * the case lacks (discovery for the limitation, decision for Art. 37).
 * `benchmark-gap`: no clause or tier fits, or two tiers do. `exemption-open`:
 * an exemption the missing facts may still meet. `versions`: Art. 37 could not
 * compare the versions.
 */
export type UndeterminedReason = 'contradiction' | 'missing-facts' | 'missing-date' | 'benchmark-gap' | 'exemption-open' | 'versions';

/** One step that could not be decided, and what it needs. */
export interface UndeterminedStep {
  readonly reason: UndeterminedReason;
  readonly step: TraceStep;
  /** What the case must supply (fact names, dates.discovered, dates.decision), sorted; absent when nothing can be supplied. */
  readonly needs?: readonly string[];
  readonly message: string;
}

/** What a penalty would be for one item: the part of a disposition after the exemptions. */
export interface PenaltyAssessment {
  readonly item: string;
  readonly grade: DispositionGrade;
  /** Whether the grade is required by law (应当) or a choice (可以). */
  readonly gradeMandatory: boolean;
  readonly clause?: string;
  readonly tier?: RuleRef;
  readonly penalties: readonly Penalty[];
}

/** One version's result, as compared under Art. 37. */
export interface VersionResult {
  readonly version: string;
  readonly effective: { readonly from: string; readonly to: string | null };
  readonly outcome: Outcome;
  readonly basis?: NoPenaltyBasis;
  /** Highest statutory fine on the case's facts (fen); absent when there is no fine. */
  readonly statutoryMax?: number;
  readonly recommended?: number;
}

/** 从旧兼从轻 (Art. 37): the version in force at the act and the one at the decision, and which applies. */
export interface TimeRule {
  readonly atAct: VersionResult;
  readonly atDecision: VersionResult;
  readonly applied: 'act' | 'decision';
  /** Why, in zh-CN. */
  readonly reason: string;
}

/**
 * The recommended disposition of a case. Same input, same bytes: no clock,
 * fixed key order, sorted lists.
 */
export interface Disposition {
  readonly reportVersion: 1;
  readonly caseId: string;
  readonly ruleSet: { readonly id: string; readonly version: string; readonly hash: string; readonly title: string };
  /**
   * Present when no version of the benchmark was in force at the act: the case is judged
   * on the statute alone (the statutory model of `ruleSet`), with no tier, no list and no
   * recommended amount.
   */
  readonly statuteOnly?: true;
  /** Present when a later version was in force at the decision (Art. 37). */
  readonly timeRule?: TimeRule;
  readonly outcome: Outcome;
  /** For `none`: the ground. */
  readonly basis?: NoPenaltyBasis;
  /** For `undetermined`: every step that could not be decided, and why. */
  readonly undetermined?: readonly UndeterminedStep[];
  /** For `undetermined` on a missing date: the outcome under each reading of it. */
  readonly readings?: readonly Reading[];
  /** 应当 (true) or 可以 (false): whether the outcome is required by law. */
  readonly mandatory: boolean;
  readonly grade?: DispositionGrade;
  /** Governing item (Art. 29) and the others the act also breaks. */
  readonly item: string;
  readonly concurrent: readonly string[];
  readonly clause?: string;
  readonly tier?: RuleRef;
  readonly penalties: readonly Penalty[];
  /** For a discretionary exemption (可以不予处罚): the penalty that would otherwise apply. */
  readonly otherwise?: PenaltyAssessment;
  readonly measures: readonly Measure[];
  readonly channel: Channel;
  readonly procedure: Procedure;
  readonly lists: readonly RuleRef[];
  readonly citations: readonly CitedArticle[];
  readonly trace: readonly TraceEntry[];
  readonly missingFacts: readonly string[];
  readonly warnings: readonly EvaluationWarning[];
}

export interface EvaluateOptions {
  /** Build the zh-CN trace (default true). Off is faster for batches that only count outcomes. */
  readonly trace?: boolean;
  /**
   * The day the caller evaluates on (YYYY-MM-DD), for a case without a decision date: the
   * decision is taken to be made that day (Art. 37), and a violation is discovered by then
   * (Art. 36). The core never reads the clock; without it such steps stay undetermined.
   */
  readonly asOf?: string;
}

/** What the outcome would be under one reading of a fact or date the case does not give. */
export interface Reading {
  /** The assumption, in zh-CN (e.g. 在 2025-03-01 前发现). */
  readonly if: string;
  readonly outcome: Outcome;
  readonly basis?: NoPenaltyBasis;
  readonly mandatory: boolean;
  readonly grade?: DispositionGrade;
  readonly tier?: RuleRef;
  readonly penalties: readonly Penalty[];
  /** The rule-set version the reading applies (Art. 37 readings). */
  readonly version?: string;
}
