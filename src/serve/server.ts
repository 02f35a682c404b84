import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';

import { checkCatalog } from '../load/catalog.js';
import { issuesToDiagnostics } from '../load/issues.js';
import { loadRuleSet } from '../load/loadRuleSet.js';
import type { RuleSet } from '../load/model.js';
import { CASE_MAX_BYTES, DEFAULT_LIMITS, parseSource } from '../load/source.js';
import { AuditCollector, renderAuditJson, renderAuditMarkdown, renderAuditText } from '../report/audit.js';
import { BatchTally, batchCase, renderBatchJson } from '../report/batch.js';
import { diagnosticRow, formatDiagnostics } from '../report/diagnostics.js';
import { renderDispositionsHtml } from '../report/disposition-html.js';
import { renderDispositionJson, renderDispositionJsonLine } from '../report/disposition-json.js';
import { renderDispositionMarkdown } from '../report/disposition-markdown.js';
import { isIsoDate } from '../schema/primitives.js';
import { jsonSchema, type SchemaKind } from '../schema/json-schema.js';
import { VERSION } from '../version.js';
import { isIgnorableCode, resolveParents, runVerify } from '../verify/index.js';
import { auditRecord } from '../cli/commands/audit.js';
import { listRecords, ndjsonLineRecord, ndjsonLines, type CaseRecord } from '../cli/commands/case-stream.js';
import { BodyTooLarge, declaredLength, JSON_TYPES, mediaType, NDJSON_TYPES, readBody, YAML_TYPES } from './body.js';
import { evaluateBody, REQUEST } from './evaluate-body.js';
import { openApiText } from './openapi.js';
import { VerifyRequest } from './schemas.js';
import { NOT_BUILT_PAGE, playgroundRoot, staticFile } from './static.js';
import { RuleStore, type Snapshot } from './store.js';

export interface ServeOptions {
  readonly rulesDir: string;
  readonly host?: string;
  /** 0: any free port. */
  readonly port?: number;
  readonly cache?: string;
  /** Reload the rule folder when its files change (default true). */
  readonly watch?: boolean;
  /** Log the case (facts, circumstances) of each evaluate request. */
  readonly logFacts?: boolean;
  /** Where the JSON log lines go (default standard error). */
  readonly log?: (line: string) => void;
  /** Most time to receive a request, and to answer a batch, in ms (default 30,000). */
  readonly timeoutMs?: number;
  /** Largest body of /v1/verify and of an audit list (default 32 MiB); a case is at most 256 KiB. */
  readonly maxBodyBytes?: number;
  /** The playground folder (default dist/playground beside the package). */
  readonly playgroundDir?: string;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: RuleStore;
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets the requests in flight finish, closes. */
  close(): Promise<void>;
}

/** Thrown by createServer when the first load of the rule folder fails: nothing to serve. */
export class RulesNotLoaded extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('the rule sets did not load');
  }
}


/** Error codes of the problem responses (the `error.code` field), by HTTP status. */
const PROBLEM_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'TIMEOUT',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'INVALID_INPUT',
  500: 'INTERNAL',
  503: 'NOT_READY',
};

/** Routes and their methods, for 405 and its Allow header. */
const ROUTES: readonly { re: RegExp; methods: string }[] = [
  { re: /^\/v1\/evaluate$/, methods: 'POST' },
  { re: /^\/v1\/evaluate\/batch$/, methods: 'POST' },
  { re: /^\/v1\/audit$/, methods: 'POST' },
  { re: /^\/v1\/verify$/, methods: 'POST' },
  { re: /^\/v1\/rulesets(\/[^/]+)?$/, methods: 'GET, HEAD' },
  { re: /^\/v1\/schema\/[^/]+$/, methods: 'GET, HEAD' },
  { re: /^\/(healthz|readyz|openapi\.json)$/, methods: 'GET, HEAD' },
];

/** Codes of diagnostics about reading the text (as opposed to what it says): 400 rather than 422. */
const isReadingCode = (code: string) => /^(FILE_|YAML_|NDJSON_)/.test(code) || code === 'FORBIDDEN_KEY';

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly diagnostics?: readonly Diagnostic[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

function problemBody(status: number, message: string, diagnostics?: readonly Diagnostic[]): string {
  return (
    JSON.stringify({
      error: { status, code: PROBLEM_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'), message },
      ...(diagnostics ? { diagnostics: diagnostics.map(diagnosticRow) } : {}),
    }) + '\n'
  );
}

const JSON_UTF8 = 'application/json; charset=utf-8';

/** A boolean query parameter: absent → `fallback`; anything but true/false is a 400. */
function flag(q: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const v = q[name];
  if (v === undefined) return fallback;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new HttpProblem(400, `query parameter ${name} takes true or false, got ${JSON.stringify(v)}`);
}

function oneOf<T extends string>(q: Record<string, unknown>, name: string, allowed: readonly T[], fallback: T): T {
  const v = q[name] ?? fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new HttpProblem(400, `query parameter ${name} takes ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  return v as T;
}

function asOfOf(q: Record<string, unknown>): { asOf?: string } {
  const v = q.asOf;
  if (v === undefined) return {};
  if (typeof v !== 'string' || !isIsoDate(v)) throw new HttpProblem(400, `query parameter asOf takes a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
  return { asOf: v };
}

function requireType(req: FastifyRequest, allowed: ReadonlySet<string>[], what: string): string {
  const { type, utf8 } = mediaType(req.headers['content-type']);
  if (!utf8) throw new HttpProblem(415, `the body must be UTF-8 (Content-Type charset=utf-8 or none)`);
  if (!allowed.some((s) => s.has(type))) throw new HttpProblem(415, `${what}: Content-Type ${type === '' ? '(none)' : type} is not one of ${allowed.flatMap((s) => [...s]).join(', ')}`);
  return type;
}

/**
 * The request body as chunks for the NDJSON reader. Stopping early (a batch cut
 * off by the time limit, an audit refused) leaves the request as it is instead
 * of destroying it with its socket: the response still goes out.
 */
function bodyStream(req: FastifyRequest): AsyncIterable<string> {
  const stream = req.body as Readable | undefined;
  if (!stream) return Readable.from([]) as AsyncIterable<string>;
  return stream.iterator({ destroyOnReturn: false }) as AsyncIterable<string>;
}

async function bodyOf(req: FastifyRequest, limit: number): Promise<Uint8Array> {
  const stream = req.body as Readable | undefined;
  if (!stream) return new Uint8Array(0);
  try {
    return await readBody(stream, limit, declaredLength(req.headers['content-length']));
  } catch (e) {
    if (e instanceof BodyTooLarge)
      throw new HttpProblem(413, e.message, [diagnostic('FILE_TOO_LARGE', { file: REQUEST, line: 1, column: 1 }, { size: e.size, limit: e.limit })], { connection: 'close' });
    throw e;
  }
}

/** The one-line NDJSON result of a case record, evaluated. */
function batchLine(rec: CaseRecord, ruleSets: readonly RuleSet[], options: { trace: boolean; asOf?: string }, tally: BatchTally | undefined): string {
  const id = rec.caseId !== undefined ? `,"id":${JSON.stringify(rec.caseId)}` : '';
  const fail = (diags: readonly Diagnostic[]) => {
    tally?.addProblem(rec.line, diags, rec.caseId);
    return `{"line":${rec.line}${id},"diagnostics":${JSON.stringify(diags.map(diagnosticRow))}}\n`;
  };
  if (rec.diagnostics.length > 0) return fail(rec.diagnostics);
  const r = rec.evaluate(ruleSets, options);
  if (!r.disposition || !r.ruleSet) return fail(r.diagnostics);
  tally?.addCase(rec.line, batchCase(r.disposition, r.ruleSet));
  return `{"line":${rec.line}${id},"disposition":${renderDispositionJsonLine(r.disposition)}}\n`;
}

function ruleSetVersion(rs: RuleSet) {
  return { version: rs.version, effective: rs.effective, document: rs.document, hash: rs.hash, items: rs.items.length, lists: rs.lists.length };
}

function ruleSetHead(versions: readonly RuleSet[]) {
  const latest = versions[versions.length - 1]!;
  return {
    id: latest.id,
    title: latest.title,
    region: latest.region,
    issuer: latest.issuer,
    layer: latest.layer,
    ...(latest.extends !== undefined ? { extends: latest.extends } : {}),
    versions: versions.map(ruleSetVersion),
  };
}

const factRow = (f: RuleSet['facts'][string]) => ({
  name: f.name,
  type: f.type,
  ...(f.label !== undefined ? { label: f.label } : {}),
  ...(f.unit !== undefined ? { unit: f.unit } : {}),
  ...(f.values !== undefined ? { values: f.values } : {}),
  ...(f.valueLabels !== undefined ? { valueLabels: f.valueLabels } : {}),
  ...(f.aggravating !== undefined ? { aggravating: f.aggravating } : {}),
  origin: f.origin,
});
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const citation = (c: RuleSet['items'][number]['violates'][number]) => ({
  law: c.law,
  article: c.article,
  ...(c.paragraph !== undefined ? { paragraph: c.paragraph } : {}),
  ...(c.item !== undefined ? { item: c.item } : {}),
  ...(c.sentence !== undefined ? { sentence: c.sentence } : {}),
  ...(c.note !== undefined ? { note: c.note } : {}),
});

function ruleSetDetail(versions: readonly RuleSet[], rs: RuleSet) {
  return {
    ...ruleSetHead(versions),
    version: ruleSetVersion(rs),
    laws: Object.values(rs.laws)
      .map((l) => ({ key: l.key, title: l.title, version: l.version }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    facts: Object.values(rs.facts).map(factRow).sort(byName),
    circumstances: Object.values(rs.circumstances)
      .map((c) => ({ name: c.name, label: c.label, effect: c.effect, origin: c.origin }))
      .sort(byName),
    items: rs.items.map((i) => ({
      code: i.code,
      name: i.name,
      ...(i.field !== undefined ? { field: i.field } : {}),
      ...(i.description !== undefined ? { description: i.description } : {}),
      violates: i.violates.map(citation),
      penalizedBy: i.penalizedBy.map(citation),
      facts: Object.values(i.facts).map(factRow).sort(byName),
      tiers: i.tiers.map((t) => {
        const x = t as { id: string; label?: string; grade?: string };
        return { id: x.id, ...(x.label !== undefined ? { label: x.label } : {}), ...(x.grade !== undefined ? { grade: x.grade } : {}) };
      }),
    })),
  };
}

/** Today in the server's time zone, for verify's expiry checks when the request gives no asOf (as `cailiang verify` does). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Starts the HTTP server over the rule sets under `rulesDir`: loads them
 * (throws RulesNotLoaded when they do not load), listens, and reloads them on
 * change. Everything a request reads comes from one snapshot.
 */
export async function createServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => void process.stderr.write(line));
  const emit = (entry: Record<string, unknown>) => log(JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBody = options.maxBodyBytes ?? DEFAULT_LIMITS.maxFileBytes;

  const store = new RuleStore({
    dir: options.rulesDir,
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    onLoad: (e) => {
      const errors = e.diagnostics.filter((d) => d.severity === 'error');
      emit({
        level: e.ok ? 'info' : 'error',
        msg: e.ok ? 'rules loaded' : 'rules not loaded; the rule sets loaded before still answer',
        dir: options.rulesDir,
        generation: e.generation,
        ruleSets: e.ruleSets,
        ms: e.ms,
        ...(e.diagnostics.length > 0 ? { diagnostics: (e.ok ? e.diagnostics : errors).slice(0, 50).map(diagnosticRow) } : {}),
      });
    },
  });
  if (!(await store.reload())) throw new RulesNotLoaded(store.lastFailure?.diagnostics ?? []);

  const app = Fastify({
    logger: false,
    requestTimeout: timeoutMs,
    // Idle keep-alive connections are closed at shutdown; busy ones finish first.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Path parameters (a rule-set id) are short; /a/ and /a are different paths.
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: false },
    genReqId: (() => {
      let n = 0;
      return () => (++n).toString(36);
    })(),
  });

  // Bodies are read by the handlers themselves (as bytes, to a limit, or as a stream): the
  // loader's guards (UTF-8, nesting depth, duplicate and __proto__ keys) see exactly what came.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  const ready = (): Snapshot => {
    const s = store.snapshot;
    if (!s) throw new HttpProblem(503, 'no rule sets loaded yet');
    return s;
  };

  // One log line per request: no case facts unless asked (--log-facts).
  const logged = new WeakMap<FastifyRequest, Record<string, unknown>>();
  app.addHook('onResponse', async (req, reply) => {
    const extra = logged.get(req);
    emit({
      level: reply.statusCode >= 500 ? 'error' : 'info',
      msg: 'request',
      id: req.id,
      method: req.method,
      path: req.url.split('?')[0],
      ...(req.url.includes('?') ? { query: req.url.slice(req.url.indexOf('?') + 1) } : {}),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
      ...(declaredLength(req.headers['content-length']) !== undefined ? { bytesIn: declaredLength(req.headers['content-length']) } : {}),
      ...(extra ?? {}),
    });
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (error instanceof HttpProblem) {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
      return reply.code(error.status).type(JSON_UTF8).send(problemBody(error.status, error.message, error.diagnostics));
    }
    // Fastify's own: malformed URL, timeouts and the like are the client's; anything else is a bug.
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) emit({ level: 'error', msg: 'internal error', id: req.id, error: `${error.name}: ${error.message}` });
    return reply.code(status).type(JSON_UTF8).send(problemBody(status, status === 500 ? 'internal error (a bug in cailiang: please report it)' : error.message));
  });

  const notFound = (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!;
    const route = ROUTES.find((r) => r.re.test(path));
    if (route) {
      reply.header('allow', route.methods);
      return reply.code(405).type(JSON_UTF8).send(problemBody(405, `${req.method} is not allowed on ${path} (${route.methods})`));
    }
    return reply.code(404).type(JSON_UTF8).send(problemBody(404, `no such resource: ${path}`));
  };
  app.setNotFoundHandler(notFound);

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });

  // ── evaluate ──────────────────────────────────────────────────────────
  app.post('/v1/evaluate', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const format = oneOf(q, 'format', ['json', 'md', 'html'], 'json');
    const evalOptions = { trace: flag(q, 'trace', true), ...asOfOf(q) };
    const snap = ready();
    requireType(req, [JSON_TYPES, YAML_TYPES], 'a case');
    const text = await bodyOf(req, CASE_MAX_BYTES);
    const r = evaluateBody(snap.ruleSets, text, evalOptions);
    const info: Record<string, unknown> = { generation: snap.generation };
    logged.set(req, info);
    if (options.logFacts) info.case = Buffer.from(text).toString('utf8');
    if (!r.disposition) {
      const status = r.diagnostics.some((d) => d.severity === 'error' && isReadingCode(d.code)) ? 400 : 422;
      info.codes = [...new Set(r.diagnostics.map((d) => d.code))];
      throw new HttpProblem(status, 'the case cannot be evaluated: see diagnostics', r.diagnostics);
    }
    Object.assign(info, { ruleSet: r.disposition.ruleSet.id, item: r.disposition.item, outcome: r.disposition.outcome });
    if (r.diagnostics.length > 0) reply.header('cailiang-diagnostics', [...new Set(r.diagnostics.map((d) => d.code))].join(','));
    if (format === 'md') return reply.type('text/markdown; charset=utf-8').send(renderDispositionMarkdown(r.disposition, r.ruleSet!, r.case!));
    if (format === 'html')
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(renderDispositionsHtml([{ disposition: r.disposition, ruleSet: r.ruleSet!, case: r.case! }]));
    return reply.type(JSON_UTF8).send(renderDispositionJson(r.disposition));
  });

  // ── batch: NDJSON in, NDJSON out, line by line ────────────────────────
  app.post('/v1/evaluate/batch', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const evalOptions = { trace: flag(q, 'trace', true), ...asOfOf(q) };
    const summary = flag(q, 'summary', false);
    const snap = ready();
    requireType(req, [NDJSON_TYPES], 'cases');
    const opened = await ndjsonLines(REQUEST, bodyStream(req));
    if ('diagnostic' in opened) throw new HttpProblem(400, 'the body cannot be read', [opened.diagnostic]);
    const inputLines = opened.lines;
    const deadline = Date.now() + timeoutMs;
    const tally = summary ? new BatchTally() : undefined;
    const info: Record<string, unknown> = { generation: snap.generation, cases: 0 };
    logged.set(req, info);
    // Pulled by the response stream: the next input line is read only when the client has
    // taken the output so far (backpressure both ways).
    async function* lines(): AsyncGenerator<string> {
      let out = '';
      let n = 0;
      for await (const l of inputLines) {
        if (Date.now() > deadline) {
          yield out + `{"error":{"status":408,"code":"TIMEOUT","message":"the batch took longer than ${timeoutMs} ms and was cut off after ${n} cases"}}\n`;
          info.timedOut = true;
          // The rest of the body is not read; Node discards it once the response is sent.
          return;
        }
        out += batchLine(ndjsonLineRecord(REQUEST, l), snap.ruleSets, evalOptions, tally);
        n++;
        info.cases = n;
        // A few lines per chunk: fewer writes, still streamed.
        if (out.length >= 16_384) {
          yield out;
          out = '';
        }
      }
      if (tally) out += `{"summary":${JSON.stringify(JSON.parse(renderBatchJson(tally.summary(REQUEST))))}}\n`;
      if (out !== '') yield out;
    }
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines(), { objectMode: false, highWaterMark: 65_536 }));
  });

  // ── audit ─────────────────────────────────────────────────────────────
  app.post('/v1/audit', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const format = oneOf(q, 'format', ['json', 'md', 'text'], 'json');
    const spread = q.spread === undefined ? 2 : Number(q.spread);
    if (!Number.isFinite(spread) || spread < 1) throw new HttpProblem(400, `query parameter spread takes a ratio of at least 1, got ${JSON.stringify(q.spread)}`);
    const snap = ready();
    const type = requireType(req, [NDJSON_TYPES, JSON_TYPES, YAML_TYPES], 'decided cases');
    const collector = new AuditCollector(spread);
    const deadline = Date.now() + timeoutMs;
    let records: AsyncIterable<CaseRecord> | Iterable<CaseRecord>;
    if (NDJSON_TYPES.has(type)) {
      const opened = await ndjsonLines(REQUEST, bodyStream(req));
      if ('diagnostic' in opened) throw new HttpProblem(400, 'the body cannot be read', [opened.diagnostic]);
      const lines = opened.lines;
      records = (async function* () {
        for await (const l of lines) yield ndjsonLineRecord(REQUEST, l, ['decision']);
      })();
    } else {
      const text = await bodyOf(req, maxBody);
      const parsed = parseSource({ path: REQUEST, text }, { maxFileBytes: maxBody });
      if (!parsed.file || hasErrors(parsed.diagnostics)) throw new HttpProblem(400, 'the body cannot be read', parsed.diagnostics);
      if (!Array.isArray(parsed.file.value))
        throw new HttpProblem(422, 'the body must be a list of decided cases', [diagnostic('SCHEMA_TYPE', parsed.file.start, { expected: 'a list of cases', received: typeof parsed.file.value })]);
      records = listRecords({ path: REQUEST, text }, ['decision']);
    }
    for await (const rec of records) {
      if (Date.now() > deadline) throw new HttpProblem(408, `the audit took longer than ${timeoutMs} ms and was cut off`);
      if (rec.diagnostics.length > 0) collector.addProblem(rec.line, rec.diagnostics, rec.caseId);
      else auditRecord(collector, rec, snap.ruleSets);
    }
    const report = collector.report(REQUEST);
    logged.set(req, { generation: snap.generation, cases: report.cases });
    if (format === 'md') return reply.type('text/markdown; charset=utf-8').send(renderAuditMarkdown(report));
    if (format === 'text') return reply.type('text/plain; charset=utf-8').send(renderAuditText(report));
    return reply.type(JSON_UTF8).send(renderAuditJson(report));
  });

  // ── verify: a rule set posted as files ────────────────────────────────
  app.post('/v1/verify', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const format = oneOf(q, 'format', ['json', 'sarif'], 'json');
    requireType(req, [JSON_TYPES], 'a rule set as {"files": {"index.yaml": "…"}}');
    const text = await bodyOf(req, maxBody);
    const parsed = parseSource({ path: REQUEST, text }, { maxFileBytes: maxBody });
    if (!parsed.file || hasErrors(parsed.diagnostics)) throw new HttpProblem(400, 'the body cannot be read', parsed.diagnostics);
    const body = VerifyRequest.safeParse(parsed.file.value, { reportInput: true });
    if (!body.success) throw new HttpProblem(422, 'the body is not a rule set as files', issuesToDiagnostics(body.error.issues, parsed.file, []));
    const ignore = body.data.ignore ?? [];
    const notIgnorable = ignore.filter((c) => !isIgnorableCode(c));
    if (notIgnorable.length > 0) throw new HttpProblem(422, `not semantic-check codes: ${notIgnorable.join(', ')}`);
    const asOf = body.data.asOf ?? today();
    const files = Object.keys(body.data.files)
      .sort()
      .map((name) => ({ path: name, text: body.data.files[name]! }));
    const loaded = loadRuleSet(files);
    const others = store.snapshot?.ruleSets ?? [];
    let diagnostics: Diagnostic[] = [...loaded.diagnostics];
    if (loaded.ruleSet) {
      const rs = loaded.ruleSet;
      // Its parent (extends:) may be one of the rule sets the server holds.
      const available = [rs, ...others.filter((o) => o.id !== rs.id)];
      const report = runVerify(rs, { asOf, parents: resolveParents(rs, available), catalog: [rs], ignore });
      diagnostics = [...diagnostics, ...report.diagnostics, ...checkCatalog([rs])];
    }
    if (body.data.strict) diagnostics = diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d));
    const all = sortDiagnostics(diagnostics);
    logged.set(req, { files: files.length, ruleSet: loaded.ruleSet?.id ?? null, errors: all.filter((d) => d.severity === 'error').length });
    if (format === 'sarif') return reply.type('application/sarif+json; charset=utf-8').send(formatDiagnostics(all, 'sarif'));
    const rs = loaded.ruleSet;
    return reply.type(JSON_UTF8).send(
      JSON.stringify(
        {
          ok: !hasErrors(all),
          errors: all.filter((d) => d.severity === 'error').length,
          warnings: all.filter((d) => d.severity === 'warning').length,
          ruleSet: rs
            ? { id: rs.id, version: rs.version, hash: rs.hash, items: rs.items.length, tiers: rs.items.reduce((n, i) => n + i.tiers.length, 0), lists: rs.lists.length }
            : null,
          diagnostics: all.map(diagnosticRow),
        },
        null,
        2,
      ) + '\n',
    );
  });

  // ── rule sets, schemas, health ────────────────────────────────────────
  app.get('/v1/rulesets', async (_req, reply) => {
    const snap = ready();
    const ids = [...snap.byId.keys()].sort();
    return reply.type(JSON_UTF8).send(JSON.stringify({ generation: snap.generation, ruleSets: ids.map((id) => ruleSetHead(snap.byId.get(id)!)) }, null, 2) + '\n');
  });

  app.get('/v1/rulesets/:id', async (req, reply) => {
    const snap = ready();
    const { id } = req.params as { id: string };
    const versions = snap.byId.get(id);
    if (!versions) throw new HttpProblem(404, `no rule set "${id}" is loaded`);
    const asked = (req.query as Record<string, unknown>).version;
    const rs = asked === undefined ? versions[versions.length - 1]! : versions.find((v) => v.version === asked);
    if (!rs) throw new HttpProblem(404, `rule set "${id}" has no version ${JSON.stringify(asked)} (${versions.map((v) => v.version).join(', ')})`);
    return reply.type(JSON_UTF8).send(JSON.stringify(ruleSetDetail(versions, rs), null, 2) + '\n');
  });

  app.get('/v1/schema/:kind', async (req, reply) => {
    const { kind } = req.params as { kind: string };
    if (kind !== 'index' && kind !== 'topic' && kind !== 'case') throw new HttpProblem(404, `no schema "${kind}" (index, topic or case)`);
    return reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(jsonSchema(kind as SchemaKind), null, 2) + '\n');
  });

  app.get('/healthz', async (_req, reply) => reply.type(JSON_UTF8).send(JSON.stringify({ status: 'ok', version: VERSION }) + '\n'));

  app.get('/readyz', async (_req, reply) => {
    const snap = store.snapshot;
    const failed = store.lastFailure;
    const body = {
      status: !snap ? 'not-ready' : failed ? 'stale' : 'ready',
      generation: snap?.generation ?? 0,
      ruleSets: snap?.ruleSets.length ?? 0,
      ...(snap ? { loadedAt: snap.loadedAt } : {}),
      ...(snap && snap.warnings.length > 0 ? { warnings: snap.warnings.map(diagnosticRow) } : {}),
      ...(failed ? { reload: { ok: false, at: failed.at, diagnostics: failed.diagnostics.filter((d) => d.severity === 'error').map(diagnosticRow) } } : {}),
    };
    return reply
      .code(snap ? 200 : 503)
      .type(JSON_UTF8)
      .send(JSON.stringify(body, null, 2) + '\n');
  });

  app.get('/openapi.json', async (_req, reply) => reply.type(JSON_UTF8).send(openApiText()));

  // ── the playground ────────────────────────────────────────────────────
  const root = playgroundRoot(options.playgroundDir ?? '');
  const servePage = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/v1/') || ROUTES.some((r) => r.re.test(path))) return notFound(req, reply);
    if (!root) {
      if (path !== '/') throw new HttpProblem(404, `no such resource: ${path}`);
      return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    }
    const file = await staticFile(root, path);
    if (!file) throw new HttpProblem(404, `no such resource: ${path}`);
    reply.header('content-length', file.size);
    if (file.type.startsWith('text/html')) reply.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'");
    return reply.type(file.type).send(file.stream);
  };
  app.get('/', servePage);
  app.get('/*', servePage);

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  if (options.watch !== false) store.watch();
  emit({ level: 'info', msg: 'listening', url: `http://${host}:${address.port}`, ruleSets: store.snapshot!.ruleSets.length, playground: root ?? null });

  return {
    app,
    store,
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: async () => {
      store.unwatch();
      await app.close();
    },
  };
}
