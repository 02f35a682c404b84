import * as z from 'zod';
import { jsonSchema } from '../schema/json-schema.js';
import { VERSION } from '../version.js';
import { BatchLine, Disposition, Health, Problem, Ready, RuleSetDetail, RuleSetList, VerifyRequest, VerifyResult } from './schemas.js';

/**
 * The OpenAPI 3.1 document of `cailiang serve`, generated from the zod
 * schemas the server uses (src/serve/schemas.ts, and the case schema of the
 * rule language): one source for the server, the document and the tests,
 * which validate real responses against it.
 */

type Json = Record<string, unknown>;

/** Moves `$defs` into components and points every reference there. */
function hoist(schema: Json, components: Json): Json {
  const { $defs, $schema: _s, id: _id, ...rest } = schema as Json & { $defs?: Json };
  const text = (v: unknown) => JSON.stringify(v).replace(/"#\/\$defs\//g, '"#/components/schemas/');
  for (const [name, def] of Object.entries($defs ?? {})) components[name] = JSON.parse(text(def));
  return JSON.parse(text(rest)) as Json;
}

function component(name: string, schema: z.ZodType, components: Json): Json {
  const generated = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', reused: 'inline' }) as Json;
  const root = hoist(generated, components);
  // A schema with an id comes back as a reference to its own definition, hoisted above.
  if (root.$ref !== ref(name).$ref) components[name] = root;
  return ref(name);
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const text = (description: string): Json => ({ type: 'string', description });
const problem = (description: string): Json => ({ description, content: { 'application/json': { schema: ref('Problem') } } });

let cached: string | undefined;

/** The document, as the bytes GET /openapi.json sends. */
export function openApiText(): string {
  cached ??= JSON.stringify(openApiDocument(), null, 2) + '\n';
  return cached;
}

export function openApiDocument(): Json {
  const components: Json = {};
  // Each schema with an id is its own component, whichever schema first names it.
  component('Problem', Problem, components);
  component('Disposition', Disposition, components);
  component('BatchLine', BatchLine, components);
  component('RuleSetList', RuleSetList, components);
  component('RuleSetDetail', RuleSetDetail, components);
  component('Health', Health, components);
  component('Ready', Ready, components);
  component('VerifyRequest', VerifyRequest, components);
  component('VerifyResult', VerifyResult, components);
  const { title: _t, ...caseSchema } = jsonSchema('case');
  const caseRoot = hoist(caseSchema, components);
  if (caseRoot.$ref !== ref('Case').$ref) components.Case = caseRoot;
  components.JsonSchema = { type: 'object', description: 'a JSON Schema (draft 2020-12) document' };
  components.AuditReport = {
    type: 'object',
    required: ['reportVersion'],
    properties: { reportVersion: { type: 'integer' } },
    description: 'the report of `cailiang audit --format json`: flags per case, spreads, problems',
  };

  const bad = {
    '400': problem('the body cannot be read (syntax, not UTF-8, too deep, a key twice, __proto__), or a bad query parameter'),
    '413': problem('the body is above the limit'),
    '415': problem('a media type the endpoint does not take'),
    '503': problem('no rule sets loaded yet'),
  };
  const caseBody = {
    required: true,
    content: {
      'application/json': { schema: ref('Case') },
      'application/yaml': { schema: text('the case as YAML, as in a case file') },
    },
  };
  const ndjsonBody = (what: string) => ({ required: true, content: { 'application/x-ndjson': { schema: text(`${what}, one JSON object per line`) } } });

  return {
    openapi: '3.1.0',
    info: {
      title: 'cailiang',
      version: VERSION,
      description:
        '裁量: administrative-penalty discretion rules as code. Evaluate cases against the rule sets the server has loaded, audit decided cases, verify rule files. Every request sees one version of the rule folder. Money is in fen in JSON responses and in yuan in cases.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/v1/evaluate': {
        post: {
          operationId: 'evaluate',
          summary: 'One case → its recommended disposition (the bytes of `cailiang evaluate --format json`)',
          parameters: [
            { name: 'format', in: 'query', schema: { enum: ['json', 'md', 'html'], default: 'json' } },
            { name: 'trace', in: 'query', schema: { enum: ['true', 'false'], default: 'true' }, description: 'false leaves out the reasoning steps (--no-trace)' },
            { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date' }, description: 'the day of evaluation, for a case without a decision date (--as-of)' },
          ],
          requestBody: caseBody,
          responses: {
            '200': {
              description: 'the disposition; warnings about the case (codes) in the Cailiang-Diagnostics header',
              headers: { 'Cailiang-Diagnostics': { schema: { type: 'string' }, description: 'codes of the warnings, comma-separated' } },
              content: {
                'application/json': { schema: ref('Disposition') },
                'text/markdown': { schema: text('the zh-CN report') },
                'text/html': { schema: text('the self-contained HTML report') },
              },
            },
            ...bad,
            '422': problem('the case is invalid, or no loaded rule set holds its items'),
          },
        },
      },
      '/v1/evaluate/batch': {
        post: {
          operationId: 'evaluateBatch',
          summary: 'Many cases as NDJSON → one line per case, streamed in input order',
          parameters: [
            { name: 'trace', in: 'query', schema: { enum: ['true', 'false'], default: 'true' } },
            { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date' } },
            { name: 'summary', in: 'query', schema: { enum: ['true', 'false'], default: 'false' }, description: 'true adds a last line with the statistics of `cailiang batch --format json`' },
          ],
          requestBody: ndjsonBody('cases'),
          responses: {
            '200': {
              description:
                'one BatchLine per non-blank input line: its disposition, or its diagnostics (the batch goes on); an error line ends a batch cut off by the time limit',
              content: { 'application/x-ndjson': { schema: ref('BatchLine') } },
            },
            '400': bad['400'],
            '415': bad['415'],
            '503': bad['503'],
          },
        },
      },
      '/v1/audit': {
        post: {
          operationId: 'audit',
          summary: 'Decided cases (each with decision:) against the recommendations: the report of `cailiang audit`',
          parameters: [
            { name: 'format', in: 'query', schema: { enum: ['json', 'md', 'text'], default: 'json' } },
            { name: 'spread', in: 'query', schema: { type: 'number', minimum: 1, default: 2 } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/x-ndjson': { schema: text('decided cases, one per line') },
              'application/json': { schema: { type: 'array', items: { type: 'object' } } },
              'application/yaml': { schema: text('a YAML list of decided cases') },
            },
          },
          responses: {
            '200': {
              description: 'the audit report',
              content: {
                'application/json': { schema: ref('AuditReport') },
                'text/markdown': { schema: text('the report in zh-CN Markdown') },
                'text/plain': { schema: text('the report as text') },
              },
            },
            ...bad,
          },
        },
      },
      '/v1/verify': {
        post: {
          operationId: 'verify',
          summary: 'A rule set posted as files → the diagnostics of `cailiang verify --format json`',
          parameters: [{ name: 'format', in: 'query', schema: { enum: ['json', 'sarif'], default: 'json' } }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('VerifyRequest') } } },
          responses: {
            '200': {
              description: 'the findings (ok is false when there is an error)',
              content: { 'application/json': { schema: ref('VerifyResult') }, 'application/sarif+json': { schema: { type: 'object' } } },
            },
            '400': bad['400'],
            '413': bad['413'],
            '415': bad['415'],
            '422': problem('the body is not a VerifyRequest'),
          },
        },
      },
      '/v1/rulesets': {
        get: { operationId: 'listRuleSets', summary: 'The rule sets loaded', responses: { '200': { description: 'the list', content: { 'application/json': { schema: ref('RuleSetList') } } }, '503': bad['503'] } },
      },
      '/v1/rulesets/{id}': {
        get: {
          operationId: 'getRuleSet',
          summary: 'One rule set: versions, items, facts with types and units, circumstances',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'version', in: 'query', schema: { type: 'string' }, description: 'default: the latest' },
          ],
          responses: {
            '200': { description: 'the rule set', content: { 'application/json': { schema: ref('RuleSetDetail') } } },
            '404': problem('no such rule set or version'),
            '503': bad['503'],
          },
        },
      },
      '/v1/schema/{kind}': {
        get: {
          operationId: 'getSchema',
          summary: 'The JSON Schema of index.yaml, a topic file or a case (`cailiang schema`)',
          parameters: [{ name: 'kind', in: 'path', required: true, schema: { enum: ['index', 'topic', 'case'] } }],
          responses: { '200': { description: 'the schema', content: { 'application/schema+json': { schema: ref('JsonSchema') } } }, '404': problem('no such schema') },
        },
      },
      '/healthz': { get: { operationId: 'health', summary: 'The process answers', responses: { '200': { description: 'up', content: { 'application/json': { schema: ref('Health') } } } } } },
      '/readyz': {
        get: {
          operationId: 'ready',
          summary: 'Rule sets loaded; and why the last reload failed, if it did',
          responses: {
            '200': { description: 'ready (or stale: serving the rule sets of before a failed reload)', content: { 'application/json': { schema: ref('Ready') } } },
            '503': { description: 'not ready', content: { 'application/json': { schema: ref('Ready') } } },
          },
        },
      },
      '/openapi.json': { get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      '/': { get: { operationId: 'playground', summary: 'The playground page (or how to build it)', responses: { '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } } } },
    },
    components: { schemas: components },
  };
}
