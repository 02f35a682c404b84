/**
 * cailiang — administrative-penalty discretion rules as code.
 *
 * The core is pure: it takes strings and objects and never touches the file
 * system, the clock or the environment. File access lives in `cailiang/node`.
 */
export { loadRuleSet, type LoadOptions, type LoadResult } from './load/loadRuleSet.js';
export { CailiangArgumentError } from './load/arguments.js';
export type { SourceInput, ParseLimits } from './load/source.js';
export type {
  Circumstance,
  CircumstanceEffect,
  Citation,
  Condition,
  FactDef,
  FactType,
  FineModel,
  Grade,
  HitPolicy,
  IgnoreRule,
  Item,
  Law,
  LeafCondition,
  ListEntry,
  ListKind,
  ExemptBasis,
  Exclusion,
  PenaltyClause,
  PenaltyKind,
  Policy,
  RuleSet,
  ScalarValue,
  SourceDoc,
  Tier,
  TierRange,
} from './load/model.js';
export { loadCase, type CaseResult, type CaseValue } from './load/loadCase.js';
export { checkCatalog, inForce, versionsOf } from './load/catalog.js';
export { evaluate } from './evaluate/evaluate.js';
export { compareVersions, evaluateInCatalog, type CatalogResult } from './evaluate/versions.js';
export type {
  Case,
  Channel,
  CitedArticle,
  Disposition,
  Reading,
  UndeterminedReason,
  UndeterminedStep,
  DispositionGrade,
  EvaluateOptions,
  EvaluationWarning,
  FenRange,
  Measure,
  MeasureKind,
  NoPenaltyBasis,
  Outcome,
  Penalty,
  PenaltyAssessment,
  Procedure,
  RuleRef,
  TimeRule,
  TraceEntry,
  TraceStep,
  VersionResult,
} from './evaluate/types.js';
export { diffRuleSets, renderDiffJson, renderDiffMarkdown, type Change, type RuleSetDiff } from './report/diff.js';
export { renderDispositionJson } from './report/disposition-json.js';
export { renderDispositionMarkdown } from './report/disposition-markdown.js';
export { renderDispositionHtml } from './report/disposition-html.js';
export {
  BatchTally,
  renderBatchJson,
  renderBatchMarkdown,
  type BatchCase,
  type BatchProblem,
  type BatchSummary,
  type ChannelGroup,
  type ChannelShare,
  type ItemRow,
  type UndeterminedCase,
} from './report/batch.js';
export { renderBatchHtml } from './report/batch-html.js';
export {
  AuditCollector,
  auditCase,
  renderAuditJson,
  renderAuditMarkdown,
  renderAuditText,
  toDecision,
  type AuditCode,
  type AuditFlag,
  type AuditReport,
  type AuditSeverity,
  type AuditSpread,
  type DecidedCaseInput,
  type Decision,
} from './report/audit.js';
export {
  compareRegions,
  renderCompareJson,
  renderCompareMarkdown,
  type CompareCaseInput,
  type ItemPair,
  type ItemSide,
  type RegionComparison,
  type RuleSetRef,
  type SampleCase,
  type SampleResult,
} from './report/compare.js';
export type { RawDecision } from './schema/decided.js';
export type { Operator } from './schema/condition.js';
export { runFixture, type FixtureFailure, type FixtureResult } from './fixture/fixture.js';
export { CODES, type CodeInfo, type DiagnosticCode, type Diagnostic, type Place, type Severity } from './diagnostics/index.js';
export { jsonSchema, type SchemaKind } from './schema/json-schema.js';
export {
  formatDiagnostics,
  formatDiagnosticsGithub,
  formatDiagnosticsJson,
  formatDiagnosticsSarif,
  formatDiagnosticsText,
  type DiagnosticFormat,
} from './report/diagnostics.js';
export { resolveParents, verifyRuleSet, type VerifyOptions } from './verify/index.js';
export type { StatuteSource } from './verify/context.js';
export type {
  ClauseCondition,
  ConditionName,
  FineBase,
  LawArticle,
  LawParagraph,
  LawReading,
  LawText,
  ListItem,
  PenaltyGroup,
  PenaltyProvision,
  ReadFine,
  ReadMeasure,
  ReadProblem,
  ReadViolation,
  Sanction,
  SanctionChoice,
  SanctionKind,
  SanctionOrChoice,
  StatuteRef,
  Target,
  TextPosition,
} from './statute/types.js';
export { VERSION } from './version.js';
