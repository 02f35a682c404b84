import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as nodeApi from '../src/node/index.js';
import * as jreApi from '../src/json-rules-engine.js';

// The public API is hand-picked: adding or removing an export is a decision.
describe('public exports', () => {
  it('cailiang', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AuditCollector',
      'BatchTally',
      'CODES',
      'CailiangArgumentError',
      'VERSION',
      'auditCase',
      'checkCatalog',
      'compareRegions',
      'compareVersions',
      'diffRuleSets',
      'evaluate',
      'evaluateInCatalog',
      'formatDiagnostics',
      'formatDiagnosticsGithub',
      'formatDiagnosticsJson',
      'formatDiagnosticsSarif',
      'formatDiagnosticsText',
      'inForce',
      'jsonSchema',
      'loadCase',
      'loadRuleSet',
      'renderAuditJson',
      'renderAuditMarkdown',
      'renderAuditText',
      'renderBatchHtml',
      'renderBatchJson',
      'renderBatchMarkdown',
      'renderCompareJson',
      'renderCompareMarkdown',
      'renderDiffJson',
      'renderDiffMarkdown',
      'renderDispositionHtml',
      'renderDispositionJson',
      'renderDispositionMarkdown',
      'resolveParents',
      'runFixture',
      'toDecision',
      'verifyRuleSet',
      'versionsOf',
    ]);
  });
  it('cailiang/node', () => {
    expect(Object.keys(nodeApi).sort()).toEqual([
      'DEFAULT_CACHE_DIR',
      'bundledRulesDir',
      'cli',
      'findRuleSetDirs',
      'loadRuleSetDir',
      'packageRoot',
      'readRuleSetFiles',
      'readSource',
    ]);
  });
  it('cailiang/json-rules-engine', () => {
    expect(Object.keys(jreApi).sort()).toEqual(['evaluateWithJsonRulesEngine', 'toJsonRulesEngineRules']);
  });
});
