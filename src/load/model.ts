import type { Place } from '../diagnostics/index.js';
import type { Operator } from '../schema/condition.js';
import type {
  CIRCUMSTANCE_EFFECTS,
  EXEMPT_BASES,
  FACT_TYPES,
  GRADES,
  HIT_POLICIES,
  LIST_KINDS,
  PENALTY_KINDS,
} from '../schema/ruleset.js';

/**
 * A validated rule set as the engine uses it. Money is integer fen, dates
 * inside conditions are day numbers (days since 1970-01-01), durations inside
 * conditions are minutes. `at` fields point back into the YAML and are left
 * out of the content hash.
 */

export type FactType = (typeof FACT_TYPES)[number];
export type PenaltyKind = (typeof PENALTY_KINDS)[number];
export type Grade = (typeof GRADES)[number];
export type HitPolicy = (typeof HIT_POLICIES)[number];
export type ListKind = (typeof LIST_KINDS)[number];
export type ExemptBasis = (typeof EXEMPT_BASES)[number];
export type CircumstanceEffect = (typeof CIRCUMSTANCE_EFFECTS)[number];

/** A declared fact with its type. */
export interface FactDef {
  readonly name: string;
  readonly type: FactType;
  readonly label?: string;
  readonly unit?: string;
  readonly values?: readonly string[];
  readonly valueLabels?: Readonly<Record<string, string>>;
  readonly aggravating?: boolean;
  /** Where the fact comes from: built into cailiang, the rule set, or one item. */
  readonly origin: 'builtin' | 'ruleset' | 'item';
}

export interface Citation {
  readonly law: string;
  readonly article: number;
  readonly paragraph?: number;
  readonly item?: number;
  readonly sentence?: number;
  readonly note?: string;
}

export interface Law {
  readonly key: string;
  readonly title: string;
  readonly version: string;
  readonly effective?: string;
  readonly repealed?: string;
  readonly articles?: number;
  readonly source?: string;
  readonly unverified?: string;
}

export interface SourceDoc {
  readonly document: string;
  readonly title?: string;
  readonly issuer?: string;
  readonly date?: string;
  readonly entry?: number | string;
  readonly validUntil?: string;
  readonly url?: string;
  readonly unverified?: string;
}

export type ScalarValue = number | boolean | string;

/** A leaf comparison, with `value` in internal units (fen, day numbers, minutes). */
export interface LeafCondition {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: ScalarValue | readonly ScalarValue[];
}
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | LeafCondition;

/** A fine model in fen (multiples are plain factors). */
export type FineModel =
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'upTo'; readonly max: number }
  /**
   * 货值金额十五倍以上三十倍以下；不足十万元的，按十万元计算: floor is the base counted at least (fen);
   * 但最高不超过十万元: cap is the most the fine can be (fen).
   */
  | { readonly kind: 'multiple'; readonly of: string; readonly min: number; readonly max: number; readonly floor?: number; readonly cap?: number }
  /** 每平方米 N 元以上 M 元以下: fen per unit of a count or number fact. */
  | { readonly kind: 'perUnit'; readonly of: string; readonly unit?: string; readonly min: number; readonly max: number }
  /** 处以罚款: a fine the statute sets no amount for here. */
  | { readonly kind: 'unspecified' }
  | { readonly kind: 'byParty'; readonly person: FineModel; readonly organization: FineModel };

/** One statutory penalty clause; an item without branches has a single clause with id "default". */
export interface PenaltyClause {
  readonly id: string;
  readonly label?: string;
  readonly when?: Condition;
  readonly otherwise: boolean;
  readonly kinds: readonly PenaltyKind[];
  readonly fine?: FineModel;
  /** 可以处: the fine is discretionary. */
  readonly optional: boolean;
  readonly responsibleFine?: FineModel;
  /** Circumstance that must hold for the fine (e.g. refusedToCorrect). */
  readonly fineOnlyIf?: string;
  readonly cites: readonly Citation[];
  readonly at: Place;
}

export type TierRange =
  | { readonly kind: 'share'; readonly from: number; readonly to: number }
  | { readonly kind: 'amount'; readonly min: number; readonly max: number }
  | { readonly kind: 'multiple'; readonly min: number; readonly max: number };

export interface Tier {
  readonly id: string;
  readonly label?: string;
  readonly grade?: Grade;
  readonly when?: Condition;
  readonly branch?: string;
  readonly range?: TierRange;
  readonly responsibleAmount?: { readonly min: number; readonly max: number };
  readonly kinds?: readonly PenaltyKind[];
  readonly description?: string;
  readonly cites: readonly Citation[];
  readonly unverified?: string;
  readonly at: Place;
}

export interface Item {
  readonly code: string;
  readonly name: string;
  readonly field?: string;
  readonly violates: readonly Citation[];
  readonly penalizedBy: readonly Citation[];
  /** Facts declared on this item (rule-set facts and built-ins are in scope too). */
  readonly facts: Readonly<Record<string, FactDef>>;
  readonly clauses: readonly PenaltyClause[];
  readonly hitPolicy: HitPolicy;
  readonly fallback?: string;
  /** Codes the same conduct had in earlier versions of the rule set (renumbered): for Art. 37. */
  readonly formerly?: readonly string[];
  readonly tiers: readonly Tier[];
  readonly source?: SourceDoc;
  readonly description?: string;
  readonly unverified?: string;
  readonly at: Place;
}

export interface ListEntry {
  readonly id: string;
  readonly kind: ListKind;
  readonly basis?: ExemptBasis;
  readonly title?: string;
  readonly items: readonly string[];
  readonly when?: Condition;
  readonly unless?: Condition;
  readonly lookBack?: { readonly window: string; readonly scope: 'item' | 'entry' };
  /** 可以 (true) or 应当 (false). */
  readonly discretionary: boolean;
  readonly cites: readonly Citation[];
  readonly source: SourceDoc;
  readonly description?: string;
  readonly unverified?: string;
  readonly at: Place;
}

export interface Circumstance {
  readonly name: string;
  readonly label: string;
  readonly effect: CircumstanceEffect;
  readonly cites: readonly Citation[];
  readonly origin: 'builtin' | 'ruleset';
}

/**
 * Two sides that cannot both hold in one case: two circumstances, or one
 * circumstance and a condition on the facts. Built in (src/schema/vocabulary.ts)
 * or declared by the rule set (`exclusions:`).
 */
export interface Exclusion {
  /** One or two circumstance names. */
  readonly of: readonly string[];
  /** With one circumstance: the condition on the facts that contradicts it. */
  readonly when?: Condition;
  /** Why, in zh-CN. */
  readonly reason: string;
  readonly origin: 'builtin' | 'ruleset';
}

export interface Policy {
  readonly split: readonly [number, number];
  readonly point: 'midpoint' | 'floor' | 'ceiling';
  /** Fen. */
  readonly rounding: number;
  /** Fen, or null when the region sets no 减轻 floor. */
  readonly reducedFloor: number | null;
  readonly firstOffenceWindow: string;
  readonly staleAfter: string;
  readonly hitPolicy: HitPolicy;
  /** Fen thresholds for Art. 63, or null when the rule set gives none. */
  readonly hearing: { readonly person: number; readonly organization: number } | null;
  /** Fen limits for Art. 51. */
  readonly simpleProcedure: { readonly person: number; readonly organization: number };
  readonly limitation: { readonly general: string; readonly extended: string };
  readonly channels: { readonly target: { readonly service: number; readonly supervision: number; readonly penalty: number } };
  readonly legalReview?: Condition;
  readonly collective?: Condition;
}

/** A verify finding kept on purpose (index.yaml `ignore:`), with its reason. */
export interface IgnoreRule {
  /** Code of a semantic check, e.g. FINE_RANGE_TOO_WIDE. */
  readonly code: string;
  readonly reason: string;
  /** Only findings about this item; all items when absent. */
  readonly item?: string;
  readonly at: Place;
}

/** A loaded, validated rule set (one version of one region's benchmark). */
export interface RuleSet {
  readonly id: string;
  readonly region: { readonly code: string; readonly name: string };
  readonly title: string;
  readonly issuer: string;
  readonly document: string | null;
  readonly method?: { readonly kind: 'transcribed' | 'derived'; readonly description: string; readonly source?: string };
  /** statutory: a law's statutory layer generated from its text; benchmark: a regional benchmark. */
  readonly layer: 'statutory' | 'benchmark';
  readonly version: string;
  readonly effective: { readonly from: string; readonly to: string | null };
  readonly reviewed?: string;
  readonly extends?: string;
  readonly laws: Readonly<Record<string, Law>>;
  readonly policy: Policy;
  /** Rule-set-wide facts (built-ins and item facts are not repeated here). */
  readonly facts: Readonly<Record<string, FactDef>>;
  /** Built-in and declared circumstances, by name. */
  readonly circumstances: Readonly<Record<string, Circumstance>>;
  /** Exclusions the rule set declares (the built-in ones are in BUILTIN_EXCLUSIONS); absent when none. */
  readonly exclusions?: readonly Exclusion[];
  /** Items sorted by code. */
  readonly items: readonly Item[];
  /** List entries sorted by id. */
  readonly lists: readonly ListEntry[];
  readonly unverified: readonly string[];
  /** Findings of `cailiang verify` kept on purpose; absent when index.yaml has no `ignore:`. */
  readonly ignore?: readonly IgnoreRule[];
  /** Paths of the files it was loaded from, sorted. */
  readonly files: readonly string[];
  /** sha256 of the canonical content (independent of key order, comments and file layout). */
  readonly hash: string;
  /** Positions of index.yaml entries (left out of the hash). */
  readonly at: { readonly index: Place; readonly effective: Place; readonly reviewed?: Place; readonly extends?: Place };
}
