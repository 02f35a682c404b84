import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../src/report/diagnostics.js';
import { createServer, RulesNotLoaded, type RunningServer } from '../../src/serve/server.js';
import { openApiDocument } from '../../src/serve/openapi.js';
import { NOT_BUILT_PAGE } from '../../src/serve/static.js';
import { runCli } from '../helpers.js';
import { copyRules, fixtureCaseJson, rulesSubset, runCliStdin, tempDir, type Seen } from './helpers.js';

const require = createRequire(import.meta.url);

type Validate = ((d: unknown) => boolean) & { errors?: unknown };
/** Ajv for JSON Schema 2020-12, the dialect of OpenAPI 3.1 (ajv 8, installed as ajv-2020 beside the ajv 6 of the SARIF test). */
function newAjv(): { compile(s: object): Validate } {
  const Ajv2020 = require('ajv-2020/dist/2020.js') as new (o: object) => { compile(s: object): Validate };
  return new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
}

/** Every response the tests got from the API, checked against the OpenAPI document at the end. */
const seen: Seen[] = [];
/** One cache of the loaded rule sets for the server and the CLI runs it is compared with: each run loads in a fraction of the time. */
const CACHE = tempDir('cache');
const RULES = rulesSubset(['cn-samr-food', 'cn-air', 'cn-jx-market', 'cn-bj-eco']);
let server: RunningServer;
const logLines: string[] = [];

async function call(method: string, path: string, body?: string | Uint8Array, type?: string): Promise<{ status: number; type: string; body: string; headers: Headers }> {
  const res = await fetch(server.url + path, { method, ...(body !== undefined ? { body } : {}), headers: type ? { 'content-type': type } : {} });
  const text = await res.text();
  const ct = res.headers.get('content-type') ?? '';
  seen.push({ method, path: path.split('?')[0]!, status: res.status, type: ct.split(';')[0]!, body: text });
  return { status: res.status, type: ct, body: text, headers: res.headers };
}
const post = (path: string, body: string | Uint8Array, type = 'application/json') => call('POST', path, body, type);

const FIXTURES = [
  'fixtures/cn-samr-food/age-14-unlicensed-sale-lighter.yaml',
  'fixtures/cn-air/contradiction-no-fault-and-intentional.yaml',
  'fixtures/cn-air/dq115-dust-eliminated-harm-lighter.yaml',
  'fixtures/cn-air/dq115-dust-ended-time-barred.yaml',
  'fixtures/cn-jx-market/company-false-identity-red-line-general.yaml',
  'fixtures/cn-bj-eco/eia-in-use-intentional-heavier.yaml',
];

beforeAll(async () => {
  server = await createServer({ rulesDir: RULES, cache: CACHE, port: 0, watch: false, log: (l) => void logLines.push(l), playgroundDir: join(tempDir('none'), 'missing') });
});
afterAll(async () => {
  await server?.close();
});

describe('POST /v1/evaluate', () => {
  it.each(FIXTURES)('answers %s with the bytes of evaluate --format json, md and html', async (fixture) => {
    const json = fixtureCaseJson(fixture);
    const file = join(tempDir('case', { 'case.json': json }), 'case.json');
    for (const format of ['json', 'md', 'html'] as const) {
      const cliOut = await runCli('evaluate', file, '--format', format, '--cache-location', CACHE, '--rules', RULES);
      const r = await post(`/v1/evaluate?format=${format}`, json);
      expect(r.status).toBe(200);
      expect(r.body).toBe(cliOut.out);
      expect(r.type).toBe({ json: 'application/json', md: 'text/markdown', html: 'text/html' }[format] + '; charset=utf-8');
    }
  });

  it('takes YAML, ?trace=false and ?asOf like the CLI', async () => {
    const yaml = 'id: Y-1\nitem: SPAQF-124-1-5\nparty: { kind: organization }\ndates: { act: 2025-03-01, discovered: 2025-03-10 }\nfacts: { goodsValue: 4000 }\n';
    const cliOut = await runCliStdin(yaml, 'evaluate', '-', '--format', 'json', '--no-trace', '--as-of', '2025-06-01', '--cache-location', CACHE, '--rules', RULES);
    const r = await post('/v1/evaluate?trace=false&asOf=2025-06-01', yaml, 'application/yaml');
    expect(r.status).toBe(200);
    expect(r.body).toBe(cliOut.out);
    expect(JSON.parse(r.body).trace).toEqual([]);
  });

  it('names the warnings of a case it evaluates in a header', async () => {
    const r = await post('/v1/evaluate', fixtureCaseJson('fixtures/cn-air/contradiction-no-fault-and-intentional.yaml'));
    expect(r.status).toBe(200);
    expect(r.headers.get('cailiang-diagnostics')).toContain('CASE_FACTS_CONTRADICT');
  });

  // Each bad body: the status, and the diagnostics the CLI prints for the same bytes on standard input.
  const bad: [string, string | Uint8Array, number, string][] = [
    ['JSON syntax', '{"id": "A", "item": ', 400, 'YAML_SYNTAX'],
    ['a key twice', '{"id":"A","id":"B"}', 400, 'YAML_DUPLICATE_KEY'],
    ['__proto__', '{"id":"A","item":"SPAQF-124-1-5","__proto__":{"polluted":true}}', 400, 'FORBIDDEN_KEY'],
    ['deep nesting', '{"id":"A","facts":' + '['.repeat(5000) + ']'.repeat(5000) + '}', 400, 'YAML_TOO_DEEP'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400, 'FILE_NOT_UTF8'],
    ['an empty body', '', 422, 'SCHEMA_TYPE'],
    ['a list', '[1, 2]', 422, 'CASE_NO_RULESET'],
    ['an unknown item', '{"id":"A","item":"NO-SUCH-ITEM","party":{"kind":"person"},"dates":{"act":"2025-01-01"}}', 422, 'CASE_NO_RULESET'],
    ['a fact of the wrong type', fixtureCaseJson(FIXTURES[0]!).replace('"goodsValue":600', '"goodsValue":"six hundred"'), 422, 'FACT_TYPE_MISMATCH'],
  ];
  it.each(bad)('refuses %s with the diagnostics the CLI prints', async (_name, body, status, code) => {
    const before = await post('/v1/evaluate', fixtureCaseJson(FIXTURES[0]!));
    const r = await post('/v1/evaluate', body);
    expect(r.status).toBe(status);
    const problem = JSON.parse(r.body) as { error: { status: number }; diagnostics: { code: string; file: string; line: number; column: number; severity: 'error'; message: string; hint?: string; pointer?: string }[] };
    expect(problem.error.status).toBe(status);
    expect(problem.diagnostics.map((d) => d.code)).toContain(code);
    const cliOut = await runCliStdin(body, 'evaluate', '-', '--format', 'json', '--cache-location', CACHE, '--rules', RULES);
    expect(cliOut.code).not.toBe(0);
    expect(formatDiagnosticsText(problem.diagnostics.map((d) => ({ ...d, file: '<stdin>' })) as never)).toBe(cliOut.err);
    // Nothing the server holds changed: the same case, the same bytes; no prototype polluted.
    expect((await post('/v1/evaluate', fixtureCaseJson(FIXTURES[0]!))).body).toBe(before.body);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a body above 256 KiB with 413 and FILE_TOO_LARGE, before reading it all', async () => {
    const r = await post('/v1/evaluate', '{"id":"' + 'x'.repeat(300_000) + '"}');
    expect(r.status).toBe(413);
    const p = JSON.parse(r.body);
    expect(p.error.code).toBe('BODY_TOO_LARGE');
    expect(p.diagnostics[0].code).toBe('FILE_TOO_LARGE');
  });

  it('refuses a wrong content type or charset with 415, a bad query with 400', async () => {
    expect((await post('/v1/evaluate', '{}', 'text/plain')).status).toBe(415);
    expect((await post('/v1/evaluate', '{}', 'application/json; charset=gbk')).status).toBe(415);
    expect((await post('/v1/evaluate?format=pdf', '{}')).status).toBe(400);
    expect((await post('/v1/evaluate?asOf=yesterday', '{}')).status).toBe(400);
    expect((await post('/v1/evaluate?trace=maybe', '{}')).status).toBe(400);
  });
});

describe('other routes', () => {
  it('says 404 for an unknown path and 405 (with Allow) for a wrong method', async () => {
    const nf = await call('GET', '/v1/nothing');
    expect(nf.status).toBe(404);
    expect(JSON.parse(nf.body).error.code).toBe('NOT_FOUND');
    const get = await call('GET', '/v1/evaluate');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const del = await call('DELETE', '/v1/rulesets');
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
  });

  it('lists the rule sets and describes one for a form', async () => {
    const list = JSON.parse((await call('GET', '/v1/rulesets')).body) as { ruleSets: { id: string; versions: { version: string }[] }[] };
    expect(list.ruleSets.map((r) => r.id)).toContain('cn-samr-food');
    expect(list.ruleSets.length).toBe(new Set(server.store.snapshot!.ruleSets.map((r) => r.id)).size);
    const r = await call('GET', '/v1/rulesets/cn-samr-food');
    expect(r.status).toBe(200);
    const detail = JSON.parse(r.body);
    const rs = server.store.snapshot!.byId.get('cn-samr-food')!.at(-1)!;
    expect(detail.items.map((i: { code: string }) => i.code)).toEqual(rs.items.map((i) => i.code));
    expect(detail.facts.map((f: { name: string }) => f.name).sort()).toEqual(Object.keys(rs.facts).sort());
    expect(detail.circumstances.length).toBe(Object.keys(rs.circumstances).length);
    expect((await call('GET', '/v1/rulesets/no-such-set')).status).toBe(404);
    expect((await call('GET', '/v1/rulesets/cn-samr-food?version=1999.1')).status).toBe(404);
  });

  it('serves the JSON Schemas of `cailiang schema`', async () => {
    for (const kind of ['index', 'topic', 'case']) {
      const r = await call('GET', `/v1/schema/${kind}`);
      expect(r.status).toBe(200);
      expect(r.body).toBe((await runCli('schema', kind)).out);
    }
    expect((await call('GET', '/v1/schema/other')).status).toBe(404);
  });

  it('answers /healthz and /readyz', async () => {
    expect(JSON.parse((await call('GET', '/healthz')).body).status).toBe('ok');
    const ready = await call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready', generation: 1, ruleSets: server.store.snapshot!.ruleSets.length });
  });

  it('says how to build the playground when dist/playground is missing', async () => {
    const r = await call('GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toBe(NOT_BUILT_PAGE);
    expect((await call('GET', '/app.js')).status).toBe(404);
  });

  it('logs one JSON line per request, without the case', async () => {
    const marker = 'MARKER-FACT-9731';
    await post('/v1/evaluate', fixtureCaseJson(FIXTURES[0]!).replace('"sale"', `"${marker}"`));
    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['time', 'id', 'method', 'path', 'status', 'ms']));
    expect(logLines.join('')).not.toContain(marker);
    expect(logLines.join('')).not.toContain('goodsValue');
  });
});

describe('POST /v1/evaluate/batch', () => {
  it('gives one line per case, each the single evaluation, streamed; the summary as batch --format json', async () => {
    const cases = FIXTURES.map(fixtureCaseJson);
    const body = [cases[0], '', '{not json', cases[2], '[1]', ...cases.slice(3)].join('\n') + '\n';
    const r = await post('/v1/evaluate/batch?summary=true', body, 'application/x-ndjson');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/x-ndjson; charset=utf-8');
    const lines = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line ?? 'summary')).toEqual([1, 3, 4, 5, 6, 7, 8, 'summary']);
    expect(lines[1].diagnostics[0].code).toBe('YAML_SYNTAX');
    expect(lines[1].diagnostics[0].line).toBe(3);
    expect(lines[3].diagnostics[0].code).toBe('SCHEMA_TYPE');
    const single = JSON.parse((await post('/v1/evaluate', cases[2]!)).body);
    expect(lines[2].disposition).toEqual(single);
    const cliOut = await runCliStdin(body, 'batch', '-', '--format', 'json', '--cache-location', CACHE, '--rules', RULES);
    expect(JSON.stringify(lines.at(-1).summary, null, 2) + '\n').toBe(cliOut.out.replaceAll('<stdin>', '<request>'));
  });

  it('refuses anything but NDJSON', async () => {
    expect((await post('/v1/evaluate/batch', '{}', 'application/json')).status).toBe(415);
  });

  it('reads a line above the case limit as a diagnostic and goes on', async () => {
    const body = '{"id":"' + 'x'.repeat(300_000) + '"}\n' + fixtureCaseJson(FIXTURES[0]!) + '\n';
    const lines = (await post('/v1/evaluate/batch', body, 'application/x-ndjson')).body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].diagnostics[0].code).toBe('NDJSON_LINE_TOO_LONG');
    expect(lines[1].disposition.caseId).toBe('samr-food-014');
  });
});

describe('POST /v1/audit and /v1/verify', () => {
  it('audits decided cases as `cailiang audit --format json` does', async () => {
    const { readFileSync } = await import('node:fs');
    const body = readFileSync('fixtures/samples/decided.ndjson', 'utf8');
    const cliOut = await runCliStdin(body, 'audit', '-', '--format', 'json', '--cache-location', CACHE, '--rules', RULES);
    const r = await post('/v1/audit', body, 'application/x-ndjson');
    expect(r.status).toBe(200);
    expect(r.body).toBe(cliOut.out.replaceAll('<stdin>', '<request>'));
    // The same cases as a JSON list.
    const list = '[' + body.trim().split('\n').join(',\n') + ']';
    const asList = await post('/v1/audit', list, 'application/json');
    expect(asList.status).toBe(200);
    expect(JSON.parse(asList.body).cases).toBe(JSON.parse(r.body).cases);
  });

  it('verifies a rule set posted as files with the diagnostics of `cailiang verify --format json`', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = copyRules('cn-air');
    const folder = join(dir, 'cn-air');
    // Break it: a tier range above the statute, and an unknown key.
    const air = readFileSync(join(folder, 'air.yaml'), 'utf8');
    writeFileSync(join(folder, 'air.yaml'), air.replace(/\nitems:/, '\nunknownKey: 1\nitems:'));
    const files: Record<string, string> = {};
    for (const n of readdirSync(folder)) files[n] = readFileSync(join(folder, n), 'utf8');
    const cliOut = await runCli('verify', folder, '--format', 'json', '--as-of', '2026-12-01');
    const r = await post('/v1/verify', JSON.stringify({ files, asOf: '2026-12-01' }));
    expect(r.status).toBe(200);
    const result = JSON.parse(r.body);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.diagnostics, null, 2) + '\n').toBe(cliOut.out.replaceAll(folder + '/', ''));
    // The bundled one is clean.
    const clean: Record<string, string> = {};
    for (const n of readdirSync('rules/cn-air')) clean[n] = readFileSync(join('rules/cn-air', n), 'utf8');
    expect(JSON.parse((await post('/v1/verify', JSON.stringify({ files: clean, asOf: '2026-12-01' }))).body)).toMatchObject({ ok: true, errors: 0 });
  });

  it('refuses a verify body that is not files', async () => {
    const r = await post('/v1/verify', JSON.stringify({ files: { '../etc/passwd': 'x' } }));
    expect(r.status).toBe(422);
    expect(JSON.parse(r.body).diagnostics[0].pointer).toMatch(/^\/files/);
    expect((await post('/v1/verify', JSON.stringify({ file: {} }))).status).toBe(422);
  });
});

describe('the playground folder', () => {
  it('serves its files with their types, and nothing outside it', async () => {
    const root = tempDir('pg');
    const pg = join(root, 'playground');
    mkdirSync(join(pg, 'assets'), { recursive: true });
    writeFileSync(join(pg, 'index.html'), '<!doctype html><title>裁量</title>');
    writeFileSync(join(pg, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(pg, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    symlinkSync(join(root, 'secret.txt'), join(pg, 'link.txt'));
    const s = await createServer({ rulesDir: 'rules/cn-air', port: 0, watch: false, log: () => {}, playgroundDir: pg });
    try {
      const get = async (p: string) => {
        const res = await fetch(s.url + p);
        return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
      };
      expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>裁量</title>' });
      expect(await get('/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
      expect(await get('/assets/app.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
      for (const p of ['/link.txt', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%00', '/.hidden', '/assets/..%2f..%2fsecret.txt'])
        expect((await get(p)).status, p).toBe(404);
      expect((await get('/v1/rulesets')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('createServer', () => {
  it('does not start on rule sets that do not load', async () => {
    const dir = tempDir('broken', { 'index.yaml': 'id: [' });
    await expect(createServer({ rulesDir: dir, port: 0, watch: false, log: () => {} })).rejects.toBeInstanceOf(RulesNotLoaded);
  });
});

describe('OpenAPI', () => {
  it('documents every response the tests got, and each validates against its schema', async () => {
    const r = await call('GET', '/openapi.json');
    const doc = JSON.parse(r.body) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(doc.openapi).toBe('3.1.0');
    const ajv = newAjv();
    const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
    const components = (doc as unknown as { components: object }).components;
    const templates = Object.keys(doc.paths).map((p) => ({ p, re: new RegExp('^' + p.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.') + '$') }));
    let checked = 0;
    const statuses = new Set<string>();
    for (const s of seen) {
      const template = templates.find((t) => t.re.test(s.path));
      const op = template && doc.paths[template.p]![s.method.toLowerCase()];
      if (!op) {
        // Not a documented operation: a 404 (no such path) or 405 (no such method), as a Problem.
        expect([404, 405], `${s.method} ${s.path}`).toContain(s.status);
        compiled.set('Problem', compiled.get('Problem') ?? ajv.compile({ $ref: '#/components/schemas/Problem', components }));
        expect(compiled.get('Problem')!(JSON.parse(s.body))).toBe(true);
        checked++;
        continue;
      }
      const response = op.responses[String(s.status)];
      expect(response, `${s.method} ${s.path} ${s.status} is documented`).toBeDefined();
      const media = response!.content?.[s.type];
      expect(media, `${s.method} ${s.path} ${s.status} ${s.type} is documented`).toBeDefined();
      const key = `${template!.p} ${s.method} ${s.status} ${s.type}`;
      // The media type's schema, with the components beside it so that its references resolve.
      if (!compiled.has(key)) compiled.set(key, ajv.compile({ ...media!.schema, components }));
      const validate = compiled.get(key)!;
      const values = s.type === 'application/x-ndjson' ? s.body.trimEnd().split('\n').map((l) => JSON.parse(l)) : /json/.test(s.type) ? [JSON.parse(s.body)] : [s.body];
      for (const v of values) {
        expect(validate(v), `${s.method} ${s.path} ${s.status}: ${JSON.stringify(validate.errors)?.slice(0, 500)}`).toBe(true);
        checked++;
      }
      statuses.add(`${template!.p} ${s.status}`);
    }
    expect(checked).toBeGreaterThan(50);
    for (const must of ['/v1/evaluate 200', '/v1/evaluate 400', '/v1/evaluate 413', '/v1/evaluate 415', '/v1/evaluate 422', '/v1/evaluate/batch 200', '/v1/audit 200', '/v1/verify 200', '/v1/verify 422', '/v1/rulesets/{id} 200', '/v1/rulesets/{id} 404', '/readyz 200'])
      expect(statuses).toContain(must);
  });

  it('is a valid OpenAPI 3.1 document (the official schema), and the validator can say no', async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const validator = new Validator();
    const r = await validator.validate(openApiDocument());
    expect(r.errors).toBeUndefined();
    expect(r.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const broken = openApiDocument() as { paths: Record<string, Record<string, { responses: unknown }>> };
    broken.paths['/healthz']!.get!.responses = 'none';
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('rejects a disposition that does not fit its schema (the check can fail)', () => {
    const doc = openApiDocument();
    const validate = newAjv().compile({ $ref: '#/components/schemas/Disposition', components: doc.components });
    const good = JSON.parse(seen.find((s) => s.path === '/v1/evaluate' && s.status === 200 && s.type === 'application/json')!.body);
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, outcome: 'maybe' })).toBe(false);
    expect(validate({ ...good, extra: 1 })).toBe(false);
  });
});
