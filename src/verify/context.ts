import { diagnostic, type Diagnostic, type DiagnosticCode, type DiagnosticData, type Place } from '../diagnostics/index.js';
import type { FixtureResult } from '../fixture/fixture.js';
import type { FactDef, Item, PenaltyClause, RuleSet, ScalarValue, Tier } from '../load/model.js';
import { BUILTIN_FACTS } from '../schema/vocabulary.js';
import {
  domainOf,
  intersect,
  MAX_BOXES,
  overlapCandidates,
  regionOf,
  subtract,
  TooComplex,
  universe,
  type Domain,
  type Domains,
  type Region,
} from './regions.js';
import type { Party } from './ranges.js';
import type { Units } from './text.js';
import type { LawReading } from '../statute/types.js';

/** What {@link verifyRuleSet} needs beyond the rule set. The core never reads the clock: pass `asOf`. */
export interface VerifyOptions {
  /** Reference date YYYY-MM-DD for validity checks (expired, stale, list sources); skipped when absent. */
  readonly asOf?: string;
  /**
   * The rule sets this one `extends`, nearest first (e.g. [province, national]).
   * When given, tiers are checked against the nearest parent holding the same
   * item, and an `extends` id not among them is reported.
   */
  readonly parents?: readonly RuleSet[];
  /**
   * Other rule sets verified alongside (the CLI: all found under the folders).
   * A version followed by a later version of the same id is history, kept for
   * acts of its period (行政处罚法 Art. 37): it is not reported as expired.
   */
  readonly catalog?: readonly RuleSet[];
  /** Fixture results (from `runFixture`); when given, tiers and list entries no fixture reaches are reported. */
  readonly fixtures?: readonly FixtureResult[];
  /** Codes to drop (e.g. from `--ignore`), on top of the rule set's own `ignore:` entries. */
  readonly ignore?: readonly string[];
  /**
   * The law texts to check the rule set against (verify --statutes): the
   * reading of the text a `laws:` entry names (title and version date), or
   * undefined when the collection has none. Statute checks run only when given.
   */
  readonly statutes?: StatuteSource;
}

/** Where verify finds the text of a cited law. */
export interface StatuteSource {
  find(law: { readonly title: string; readonly version: string }): LawReading | undefined;
  /** Version dates the collection holds for a title (for the message when the cited one is missing). */
  versions?(title: string): readonly string[];
}

/** A diagnostic and the item it concerns, so that `ignore: [{ code, item }]` can match it. */
export interface Finding {
  readonly diagnostic: Diagnostic;
  /** Items the finding concerns (a list entry may cover several); empty for the rule set as a whole. */
  readonly items: readonly string[];
}

/** One semantic check: a code, the reason it exists, and how to run it. */
export interface Check {
  readonly code: DiagnosticCode;
  /** Why the check exists (legal or practical reason), as docs/verify.md says it. */
  readonly why: string;
  run(ctx: VerifyContext): void;
}

export class VerifyContext {
  readonly rs: RuleSet;
  readonly options: VerifyOptions;
  readonly findings: Finding[] = [];
  private readonly analyses = new Map<string, ItemAnalysis>();

  constructor(rs: RuleSet, options: VerifyOptions) {
    this.rs = rs;
    this.options = options;
  }

  report(code: DiagnosticCode, place: Place, data: DiagnosticData, item?: string | readonly string[]): void {
    const items = item === undefined ? [] : typeof item === 'string' ? [item] : [...item];
    this.findings.push({ diagnostic: diagnostic(code, place, data), items });
  }

  /** The region analysis of an item, shared by the checks. */
  analysis(item: Item): ItemAnalysis {
    let a = this.analyses.get(item.code);
    if (!a) {
      a = new ItemAnalysis(this, item);
      this.analyses.set(item.code, a);
    }
    return a;
  }

  private base?: Map<string, FactDef>;

  /** The facts in scope for every item of the rule set ({@link factScope} without an item), built once. */
  get baseScope(): ReadonlyMap<string, FactDef> {
    return (this.base ??= factScope(this.rs));
  }

  /** True when a later version of this rule set's id is in the catalogue. */
  get superseded(): boolean {
    return (this.options.catalog ?? []).some((o) => o.id === this.rs.id && o.effective.from > this.rs.effective.from);
  }

  /** Where index.yaml is, for findings about the rule set as a whole. */
  get indexPlace(): Place {
    return this.rs.at?.index ?? { file: this.rs.files.find((f) => /index\.ya?ml$/.test(f)) ?? this.rs.files[0] ?? '.', line: 1, column: 1 };
  }
}

/** Facts in scope for an item: built-ins, circumstances (booleans), rule-set facts, the item's own. */
export function factScope(rs: RuleSet, item?: Item): Map<string, FactDef> {
  const scope = new Map<string, FactDef>();
  for (const f of BUILTIN_FACTS) scope.set(f.name, f);
  for (const c of Object.values(rs.circumstances)) scope.set(c.name, { name: c.name, type: 'boolean', origin: 'builtin' });
  for (const f of Object.values(rs.facts)) scope.set(f.name, f);
  if (item) for (const f of Object.values(item.facts)) scope.set(f.name, f);
  return scope;
}

/**
 * Regions of one item: where each statutory clause applies (first matching
 * branch, then `otherwise`, as the engine picks them) and where each tier's
 * condition holds. Results that grew too complex are undefined and reported
 * once as CONDITION_TOO_COMPLEX.
 */
export class ItemAnalysis {
  readonly item: Item;
  readonly domains: Domains;
  readonly units: Units;
  private readonly ctx: VerifyContext;
  private readonly clauseRegions = new Map<string, Region | undefined>();
  private readonly tierRegions = new Map<string, Region | undefined>();
  private readonly applicableRegions = new Map<string, Region | undefined>();
  private readonly candidateTiers = new Map<string, Tier[]>();
  private readonly reported = new Set<string>();

  constructor(ctx: VerifyContext, item: Item) {
    this.ctx = ctx;
    this.item = item;
    // The rule set's scope once per context, the item's own facts over it (as factScope orders them).
    const base = ctx.baseScope;
    const own = item.facts;
    const lookup = (fact: string): FactDef | undefined => (Object.prototype.hasOwnProperty.call(own, fact) ? own[fact] : base.get(fact));
    const cache = new Map<string, Domain>();
    this.domains = (fact) => {
      let d = cache.get(fact);
      if (!d) {
        const def = lookup(fact);
        if (!def) return undefined;
        d = domainOf(fact, def.type, def.values);
        cache.set(fact, d);
      }
      return d;
    };
    this.units = (fact) => lookup(fact)?.unit;
  }

  /** Runs a region computation; on blow-up reports it (once per subject) and returns undefined. */
  attempt<T>(subject: string, at: Place, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof TooComplex)) throw e;
      if (!this.reported.has(subject)) {
        this.reported.add(subject);
        this.ctx.report('CONDITION_TOO_COMPLEX', at, { what: subject, limit: MAX_BOXES, item: this.item.code }, this.item.code);
      }
      return undefined;
    }
  }

  /** Where a clause applies: its condition minus earlier conditional clauses; `otherwise` takes what none covers. */
  clauseRegion(cl: PenaltyClause): Region | undefined {
    if (this.clauseRegions.has(cl.id)) return this.clauseRegions.get(cl.id);
    const clauses = this.item.clauses;
    const r = this.attempt(`the statutory branches of item ${this.item.code}`, cl.at, () => {
      if (clauses.length === 1) return universe();
      const conditional = clauses.filter((c) => c.when);
      if (cl.when) {
        let own = regionOf(cl.when, this.domains);
        for (const earlier of conditional.slice(0, conditional.indexOf(cl)))
          own = subtract(own, regionOf(earlier.when!, this.domains), this.domains);
        return own;
      }
      // Only the first `otherwise` branch is ever chosen.
      if (clauses.find((c) => c.otherwise) !== cl) return [];
      let rest = universe();
      for (const c of conditional) rest = subtract(rest, regionOf(c.when!, this.domains), this.domains);
      return rest;
    });
    this.clauseRegions.set(cl.id, r);
    return r;
  }

  /** Where a tier's condition holds (everywhere for a tier chosen by grade). */
  tierRegion(t: Tier): Region | undefined {
    if (this.tierRegions.has(t.id)) return this.tierRegions.get(t.id);
    const r = t.when ? this.attempt(`the condition of tier "${t.id}"`, t.at, () => regionOf(t.when!, this.domains)) : universe();
    this.tierRegions.set(t.id, r);
    return r;
  }

  /** Where a tier's condition holds while the clause applies. */
  applicable(t: Tier, cl: PenaltyClause): Region | undefined {
    // Kept per tier and clause: every check asks, and a rule set may have thousands of tiers.
    const key = `${t.id}\u0000${cl.id}`;
    if (this.applicableRegions.has(key)) return this.applicableRegions.get(key);
    const tr = this.tierRegion(t);
    const cr = this.clauseRegion(cl);
    const r = !tr || !cr ? undefined : this.attempt(`the condition of tier "${t.id}"`, t.at, () => intersect(tr, cr, this.domains));
    this.applicableRegions.set(key, r);
    return r;
  }

  /** Tiers that compete under a clause: its own and those without a branch, in file order. */
  candidates(cl: PenaltyClause): Tier[] {
    let c = this.candidateTiers.get(cl.id);
    if (!c) {
      c = this.item.tiers.filter((t) => t.branch === undefined || t.branch === cl.id);
      this.candidateTiers.set(cl.id, c);
    }
    return c;
  }

  /**
   * The pairs [i, j] (i < j, ordered by j then i) of `regions` that may
   * intersect: every pair that does is among them (see {@link overlapCandidates}),
   * so that checks comparing tiers pairwise look at neighbours only.
   */
  mayOverlap(regions: readonly (Region | undefined)[]): [number, number][] {
    return overlapCandidates(regions, this.domains);
  }

  /** Clauses a tier can apply under: its branch, or all of them. */
  clausesOf(t: Tier): PenaltyClause[] {
    return this.item.clauses.filter((c) => t.branch === undefined || c.id === t.branch);
  }

  /** True when the clause's tiers are chosen by facts (some candidate has `when`). */
  byFacts(cl: PenaltyClause): boolean {
    return this.candidates(cl).some((t) => t.when);
  }

  /** The party kinds possible in a region (partyKind is a built-in enum fact). */
  parties(r: Region): Party[] {
    const kinds = new Set<ScalarValue>();
    for (const b of r) {
      const c = b.get('partyKind');
      for (const v of c && c.kind === 'set' ? c.values : ['person', 'organization']) kinds.add(v);
    }
    return (['person', 'organization'] as const).filter((p) => kinds.has(p));
  }

  /** " under branch "x"" for items with several clauses, else "". */
  branchText(cl: PenaltyClause | undefined): string {
    return cl && this.item.clauses.length > 1 ? ` under branch "${cl.id}"` : '';
  }
}
