import * as z from 'zod';
import { CODES } from '../diagnostics/codes.js';
import { CIRCUMSTANCE_EFFECTS, EXEMPT_BASES, FACT_TYPES, GRADES, PENALTY_KINDS } from '../schema/ruleset.js';

/**
 * The shapes the HTTP API sends and takes, as zod schemas: the OpenAPI
 * document is generated from these (z.toJSONSchema), and the tests validate
 * the server's real responses against that document.
 */

const Place = { file: z.string(), line: z.int().min(1), column: z.int().min(1) };

/** One diagnostic, keys as `cailiang verify --format json` writes them. */
export const DiagnosticRow = z
  .strictObject({
    ...Place,
    endLine: z.int().min(1).optional(),
    endColumn: z.int().min(1).optional(),
    severity: z.enum(['error', 'warning', 'info']),
    code: z.enum(Object.keys(CODES) as [keyof typeof CODES, ...(keyof typeof CODES)[]]),
    message: z.string(),
    hint: z.string().optional(),
    pointer: z.string().optional().meta({ description: 'JSON Pointer (RFC 6901) of the offending value in the body' }),
  })
  .meta({ id: 'Diagnostic', description: 'A problem in the input: the same code, position and message the CLI prints.' });

/** Every error response: what went wrong, and for bad input its diagnostics. */
export const Problem = z
  .strictObject({
    error: z.strictObject({
      status: z.int().min(400).max(599),
      code: z.string().meta({ description: 'BAD_REQUEST, INVALID_CASE, NOT_FOUND, METHOD_NOT_ALLOWED, BODY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TIMEOUT, NOT_READY, INTERNAL…' }),
      message: z.string(),
    }),
    diagnostics: z.array(DiagnosticRow).optional(),
  })
  .meta({ id: 'Problem' });

const Outcome = z.enum(['none', 'penalty', 'undetermined']);
const NoPenaltyBasis = z.enum(['time-barred', 'no-longer-illegal', 'under-14', 'incapacity', 'no-fault', 'correction-only', ...EXEMPT_BASES]);
const DispositionGrade = z.enum(['reduced', ...GRADES]);
const Fen = z.int().meta({ description: 'money in fen (1 yuan = 100 fen)' });
const FenRange = z.strictObject({ min: Fen, max: Fen });
const TraceStep = z.enum(['version', 'facts', 'items', 'limitation', 'mandatory', 'lists', 'first-offence', 'mitigation', 'clause', 'tier', 'amount', 'concurrence', 'measures', 'procedure', 'channel']);
const CitedArticle = z.strictObject({
  law: z.string(),
  lawTitle: z.string(),
  article: z.int(),
  paragraph: z.int().optional(),
  item: z.int().optional(),
  sentence: z.int().optional(),
  text: z.string(),
  role: z.enum(['violates', 'penalizedBy', 'benchmark', 'list', 'procedure', 'ground']),
});
const RuleRef = z.strictObject({
  kind: z.enum(['tier', 'list']),
  ruleSet: z.string(),
  item: z.string().optional(),
  id: z.string(),
  label: z.string().optional(),
  source: z.string().optional(),
});
const Penalty = z.strictObject({
  kind: z.enum(PENALTY_KINDS),
  target: z.enum(['party', 'responsible']),
  statutory: FenRange.optional(),
  range: FenRange.optional(),
  recommended: Fen.optional(),
  optional: z.boolean().optional(),
  base: z.strictObject({ fact: z.string(), value: z.number() }).optional(),
  note: z.string().optional(),
});
const VersionResult = z.strictObject({
  version: z.string(),
  effective: z.strictObject({ from: z.string(), to: z.string().nullable() }),
  outcome: Outcome,
  basis: NoPenaltyBasis.optional(),
  statutoryMax: Fen.optional(),
  recommended: Fen.optional(),
});
const Reading = z.strictObject({
  if: z.string(),
  outcome: Outcome,
  basis: NoPenaltyBasis.optional(),
  mandatory: z.boolean(),
  grade: DispositionGrade.optional(),
  tier: RuleRef.optional(),
  penalties: z.array(Penalty),
});

/** The canonical disposition, as `cailiang evaluate --format json` prints it. */
export const Disposition = z
  .strictObject({
    reportVersion: z.literal(1),
    generator: z.string(),
    caseId: z.string(),
    ruleSet: z.strictObject({ id: z.string(), version: z.string(), hash: z.string(), title: z.string() }),
    statuteOnly: z.literal(true).optional(),
    timeRule: z.strictObject({ atAct: VersionResult, atDecision: VersionResult, applied: z.enum(['act', 'decision']), reason: z.string() }).optional(),
    outcome: Outcome,
    basis: NoPenaltyBasis.optional(),
    undetermined: z
      .array(
        z.strictObject({
          reason: z.enum(['contradiction', 'missing-facts', 'missing-date', 'benchmark-gap', 'exemption-open', 'versions']),
          step: TraceStep,
          needs: z.array(z.string()).optional(),
          message: z.string(),
        }),
      )
      .optional(),
    readings: z.array(Reading).optional(),
    mandatory: z.boolean(),
    grade: DispositionGrade.optional(),
    item: z.string(),
    concurrent: z.array(z.string()),
    clause: z.string().optional(),
    tier: RuleRef.optional(),
    penalties: z.array(Penalty),
    otherwise: z
      .strictObject({
        item: z.string(),
        grade: DispositionGrade,
        gradeMandatory: z.boolean(),
        clause: z.string().optional(),
        tier: RuleRef.optional(),
        penalties: z.array(Penalty),
      })
      .optional(),
    measures: z.array(z.strictObject({ kind: z.enum(['correct', 'educate', 'guardianDiscipline', 'guardianCare']), text: z.string(), cites: z.array(CitedArticle) })),
    channel: z.enum(['service', 'supervision', 'penalty']),
    procedure: z.strictObject({ simple: z.boolean(), hearing: z.boolean(), legalReview: z.boolean(), collective: z.boolean() }),
    lists: z.array(RuleRef),
    citations: z.array(CitedArticle),
    trace: z.array(
      z.strictObject({
        step: TraceStep,
        status: z.enum(['applied', 'not-applied', 'info', 'missing']),
        item: z.string().optional(),
        message: z.string(),
        cites: z.array(CitedArticle),
        ref: RuleRef.optional(),
      }),
    ),
    missingFacts: z.array(z.string()),
    warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'Disposition', description: 'The recommended disposition of one case: the bytes of `cailiang evaluate --format json`.' });

/** One line of the batch response: the input line's disposition or its diagnostics; the last line may be the summary. */
export const BatchLine = z
  .union([
    z.strictObject({ line: z.int().min(1), id: z.string().optional(), disposition: Disposition }),
    z.strictObject({ line: z.int().min(1), id: z.string().optional(), diagnostics: z.array(DiagnosticRow) }),
    z.strictObject({ summary: z.record(z.string(), z.unknown()).meta({ description: 'the report of `cailiang batch --format json`' }) }),
    z.strictObject({ error: z.strictObject({ status: z.int(), code: z.string(), message: z.string() }) }),
  ])
  .meta({ id: 'BatchLine' });

const Effective = z.strictObject({ from: z.string(), to: z.string().nullable() });
const RuleSetVersion = z.strictObject({
  version: z.string(),
  effective: Effective,
  document: z.string().nullable(),
  hash: z.string(),
  items: z.int().min(0),
  lists: z.int().min(0),
});
const RuleSetHead = {
  id: z.string(),
  title: z.string(),
  region: z.strictObject({ code: z.string(), name: z.string() }),
  issuer: z.string(),
  layer: z.enum(['statutory', 'benchmark']),
  extends: z.string().optional(),
  versions: z.array(RuleSetVersion),
};

export const RuleSetList = z
  .strictObject({ generation: z.int().min(1), ruleSets: z.array(z.strictObject(RuleSetHead)) })
  .meta({ id: 'RuleSetList', description: 'The rule sets loaded, with their versions (latest last).' });

const Fact = z.strictObject({
  name: z.string(),
  type: z.enum(FACT_TYPES),
  label: z.string().optional(),
  unit: z.string().optional().meta({ description: 'unit as written in the rule set; money facts are in yuan in cases' }),
  values: z.array(z.string()).optional(),
  valueLabels: z.record(z.string(), z.string()).optional(),
  aggravating: z.boolean().optional(),
  origin: z.enum(['builtin', 'ruleset', 'item']),
});
const Circumstance = z.strictObject({ name: z.string(), label: z.string(), effect: z.enum(CIRCUMSTANCE_EFFECTS), origin: z.enum(['builtin', 'ruleset']) });
const CitationRef = z.strictObject({ law: z.string(), article: z.int(), paragraph: z.int().optional(), item: z.int().optional(), sentence: z.int().optional(), note: z.string().optional() });

export const RuleSetDetail = z
  .strictObject({
    ...RuleSetHead,
    version: RuleSetVersion.meta({ description: 'the version described below (?version=, default the latest)' }),
    laws: z.array(z.strictObject({ key: z.string(), title: z.string(), version: z.string() })),
    facts: z.array(Fact).meta({ description: 'facts declared for the whole rule set (each item may add its own)' }),
    circumstances: z.array(Circumstance),
    items: z.array(
      z.strictObject({
        code: z.string(),
        name: z.string(),
        field: z.string().optional(),
        description: z.string().optional(),
        violates: z.array(CitationRef),
        penalizedBy: z.array(CitationRef),
        facts: z.array(Fact).meta({ description: "the item's own facts" }),
        tiers: z.array(z.strictObject({ id: z.string(), label: z.string().optional(), grade: z.string().optional() })),
      }),
    ),
  })
  .meta({ id: 'RuleSetDetail', description: 'What a form for a case needs: items, their facts with types and units, circumstances.' });

export const Health = z.strictObject({ status: z.literal('ok'), version: z.string() }).meta({ id: 'Health' });

export const Ready = z
  .strictObject({
    status: z.enum(['ready', 'stale', 'not-ready']).meta({ description: 'stale: the last reload failed and the rule sets loaded before it still answer' }),
    generation: z.int().min(0),
    ruleSets: z.int().min(0),
    loadedAt: z.string().optional(),
    warnings: z.array(DiagnosticRow).optional(),
    reload: z.strictObject({ ok: z.literal(false), at: z.string(), diagnostics: z.array(DiagnosticRow) }).optional(),
  })
  .meta({ id: 'Ready' });

/** The body of POST /v1/verify: a rule set as files. */
export const VerifyRequest = z
  .strictObject({
    files: z
      .record(
        z
          .string()
          .regex(/^(?!\.)[^/\\\0]{1,200}\.ya?ml$/i)
          .meta({ description: 'a file name: index.yaml, food.yaml… (one folder, no paths)' }),
        z.string(),
      )
      .refine((f) => Object.keys(f).length >= 1 && Object.keys(f).length <= 500, { message: 'from 1 to 500 files' }),
    asOf: z.iso.date().optional().meta({ description: 'reference date for expiry and staleness (default: today on the server)' }),
    strict: z.boolean().optional(),
    ignore: z.array(z.string()).optional(),
  })
  .meta({ id: 'VerifyRequest' });

export const VerifyResult = z
  .strictObject({
    ok: z.boolean(),
    errors: z.int().min(0),
    warnings: z.int().min(0),
    ruleSet: z.strictObject({ id: z.string(), version: z.string(), hash: z.string(), items: z.int(), tiers: z.int(), lists: z.int() }).nullable(),
    diagnostics: z.array(DiagnosticRow).meta({ description: 'the array `cailiang verify --format json` prints' }),
  })
  .meta({ id: 'VerifyResult' });
