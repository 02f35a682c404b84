import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { decodeResults, encodeResults, type BatchResult } from '../../src/cli/batch-eval.js';
import { mapInWorkers, WorkerFailure } from '../../src/cli/worker-pool.js';
import { bufferIO } from '../helpers.js';

// `cailiang batch --workers <n>` spreads the NDJSON cases over worker threads
// and must print exactly what the single-thread batch prints: same bytes, same
// problems at the same lines in the same order, same exit code.
//
// From the TypeScript sources the workers run src/cli/batch-worker.ts through
// tsx, which compiles the sources again in every thread (1–3 s a run). So the
// tests bundle the worker once, as tsup does for dist/, and run that; one test
// keeps the tsx path.

const worker = vi.hoisted(() => ({ script: undefined as URL | undefined }));
vi.mock('../../src/cli/worker-pool.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/cli/worker-pool.js')>();
  return { ...real, workerScript: (name: string) => worker.script ?? real.workerScript(name) };
});

const SAMPLES = 'fixtures/samples/batch.ndjson';

async function run(...argv: string[]) {
  const io = bufferIO();
  const code = await cli(argv, io);
  return { code, out: io.out, err: io.err };
}

let dir: string;
let bundled: URL;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cailiang-batch-workers-'));
  // Self-contained (dependencies inside, CommonJS so they may require node:*), in the temporary folder.
  await build({ entry: { 'batch-worker': 'src/cli/batch-worker.ts' }, outDir: dir, format: ['cjs'], target: 'node20', noExternal: [/./], splitting: false, config: false, silent: true });
  bundled = pathToFileURL(join(dir, 'batch-worker.cjs'));
  worker.script = bundled;
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch --workers: the same report as one thread', () => {
  it.each(['md', 'json', 'html'])('%s, fixtures/samples/batch.ndjson, --workers 2', async (format) => {
    const one = await run('batch', SAMPLES, '--rules', 'rules', '--format', format);
    const two = await run('batch', SAMPLES, '--rules', 'rules', '--format', format, '--workers', '2');
    expect(one.code).toBe(1); // the samples hold bad lines on purpose
    expect(two.err).toBe('');
    expect(two.code).toBe(one.code);
    expect(two.out).toBe(one.out);
  }, 30_000);

  it('bad lines (syntax, not an object, invalid cases), blank lines, CRLF and a BOM: same problems, same lines, same order', async () => {
    const good = readFileSync(SAMPLES, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"id":"B-0'))
      .slice(0, 40);
    const bad = [
      '{"id": "X-1", "item": "DLYS-64", "party": {"kind": "person"}', // cut short
      '["not", "a", "case"]',
      '42',
      'null',
      '{"id": "X-2", "item": "NO-SUCH-ITEM", "party": {"kind": "person"}, "dates": {"act": "2024-03-01"}}',
      '{"id": "X-3", "item": "DLYS-64", "party": {"kind": "robot"}, "dates": {"act": "2024-03-01", "discovered": "2024-03-02"}}',
      'not json at all',
      '{"id": 7, "item": "DLYS-64"}',
    ];
    // Good and bad lines interleaved, spread over several chunks, with blank lines and CRLF endings.
    const lines: string[] = [];
    good.forEach((g, i) => {
      lines.push(g);
      if (i % 5 === 2) lines.push(bad[(i / 5) | 0]!);
      if (i % 7 === 3) lines.push('', '   ');
    });
    const path = join(dir, 'mixed.ndjson');
    writeFileSync(path, '\uFEFF' + lines.join('\r\n') + '\r\n');

    const one = await run('batch', path, '--rules', 'rules', '--format', 'json');
    const two = await run('batch', path, '--rules', 'rules', '--format', 'json', '--workers', '2');
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.out).toBe(one.out);
    const problems = JSON.parse(two.out).problems.list as { line: number; diagnostics: { line: number }[] }[];
    expect(problems.length).toBe(bad.length);
    const expected = lines.flatMap((l, i) => (bad.includes(l) ? [i + 1] : []));
    expect(problems.map((p) => p.line)).toEqual(expected);
    for (const p of problems) expect(p.diagnostics.every((d) => d.line === p.line)).toBe(true);
  }, 30_000);

  it('from the sources, the worker runs through tsx', async () => {
    worker.script = undefined;
    try {
      const one = await run('batch', SAMPLES, '--rules', 'rules', '--format', 'json');
      expect(await run('batch', SAMPLES, '--rules', 'rules', '--format', 'json', '--workers', '1')).toEqual(one);
    } finally {
      worker.script = bundled;
    }
  }, 30_000);

  it('--workers 0 is one thread', async () => {
    const path = join(dir, 'three.ndjson');
    writeFileSync(path, readFileSync(SAMPLES, 'utf8').split('\n').slice(0, 3).join('\n') + '\n');
    const one = await run('batch', path, '--rules', 'rules', '--format', 'json');
    expect(one.code).toBe(0);
    expect(await run('batch', path, '--rules', 'rules', '--format', 'json', '--workers', '0')).toEqual(one);
  });

  it('a YAML / JSON list runs in one thread, with the same report', async () => {
    const path = join(dir, 'list.json');
    const cases = readFileSync(SAMPLES, 'utf8').split('\n').slice(0, 5);
    writeFileSync(path, `[\n${cases.join(',\n')}\n]\n`);
    const one = await run('batch', path, '--rules', 'rules', '--format', 'md');
    expect(one.code).toBe(0);
    expect(await run('batch', path, '--rules', 'rules', '--format', 'md', '--workers', '2')).toEqual(one);
  });

  it('an input that cannot be read: exit 2, as in one thread', async () => {
    const folder = join(dir, 'folder.ndjson');
    mkdirSync(folder, { recursive: true });
    for (const path of [join(dir, 'missing.ndjson'), folder]) {
      const one = await run('batch', path, '--rules', 'rules');
      expect(one.code).toBe(2);
      expect(one.err).toMatch(/IO_(NOT_FOUND|READ_FAILED)/);
      expect(await run('batch', path, '--rules', 'rules', '--workers', '2')).toEqual(one);
    }
  });
});

describe('batch --workers: usage and failures', () => {
  it.each(['-1', '1.5', 'two', '', '65', '2x', '0x10'])('--workers %j is a usage error (exit 2)', async (n) => {
    const r = await run('batch', SAMPLES, '--rules', 'rules', `--workers=${n}`);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--workers takes a whole number of threads from 1 to 64, or 0 for none/);
  });

  it('a worker that cannot start: a one-line message, exit 3, no report, no stack trace', async () => {
    worker.script = pathToFileURL(join(dir, 'no-such-worker.js'));
    try {
      const r = await run('batch', SAMPLES, '--rules', 'rules', '--workers', '2');
      expect(r.code).toBe(3);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^cailiang batch: worker thread failed: .*; no report was written\.\n$/);
      expect(r.err).not.toMatch(/\n\s+at /);
    } finally {
      worker.script = bundled;
    }
  });
});

describe('results from a worker', () => {
  const evaluated = (fine: number, title = '标题'): BatchResult => ({
    line: 3,
    case: {
      caseId: 'null',
      ruleSet: { id: 'r', version: '1', title },
      item: 'A-1',
      itemName: '',
      outcome: 'penalty',
      channel: 'penalty',
      target: { service: 0.7, supervision: 0.2, penalty: 0.1 },
      mandatory: false,
      fine: { recommended: fine },
      missingFacts: [],
      warnings: [{ code: 'NO_TIER', message: '\ud800 "quoted" null' }],
    },
  });
  const problem: BatchResult = { line: 4, problem: [{ code: 'YAML_SYNTAX', severity: 'error', file: 'x.ndjson', line: 4, column: 2, message: 'm' }], unread: true };

  it('go as JSON, and come back equal', () => {
    const results = [evaluated(5000), problem];
    expect(typeof encodeResults(results)).toBe('string');
    expect(decodeResults(encodeResults(results))).toEqual(results);
  });

  it('go as objects when JSON would lose a value (a non-finite number), or text looks like it might', () => {
    const lookalike = [evaluated(1, '{"a":null}')];
    expect(encodeResults(lookalike)).toBe(lookalike);
    for (const fine of [Infinity, -Infinity, NaN]) {
      const results = [problem, evaluated(fine)];
      expect(encodeResults(results)).toBe(results);
      expect(decodeResults(encodeResults(results))).toBe(results);
    }
  });
});

describe('mapInWorkers', () => {
  const script = (name: string, code: string) => {
    const p = join(dir, name);
    writeFileSync(p, code);
    return pathToFileURL(p);
  };
  async function* numbers(n: number) {
    for (let i = 0; i < n; i++) yield i;
  }

  it('gives the outputs in input order, however late each comes back', async () => {
    // Later inputs come back sooner.
    const echo = script(
      'echo.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ seq, input }) => setTimeout(() => parentPort.postMessage({ seq, output: input * 10 }), (40 - input) % 7));`,
    );
    const seen: number[] = [];
    await mapInWorkers<number, number>(numbers(40), { script: echo, workers: 3, workerData: null }, (o) => void seen.push(o));
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i * 10));
  });

  it('more workers than inputs', async () => {
    const echo = script('echo3.mjs', `import { parentPort } from 'node:worker_threads'; parentPort.on('message', ({ seq, input }) => parentPort.postMessage({ seq, output: input }));`);
    const seen: number[] = [];
    await mapInWorkers<number, number>(numbers(2), { script: echo, workers: 5, workerData: null }, (o) => void seen.push(o));
    expect(seen).toEqual([0, 1]);
    await mapInWorkers<number, number>(numbers(0), { script: echo, workers: 2, workerData: null }, (o) => void seen.push(o));
    expect(seen).toEqual([0, 1]);
  });

  it('stops reading when the sink says so', async () => {
    const echo = script('echo2.mjs', `import { parentPort } from 'node:worker_threads'; parentPort.on('message', ({ seq, input }) => parentPort.postMessage({ seq, output: input }));`);
    let read = 0;
    async function* counted() {
      for (let i = 0; i < 1000; i++, read++) yield i;
    }
    const seen: number[] = [];
    await mapInWorkers<number, number>(counted(), { script: echo, workers: 2, workerData: null, window: 4 }, (o) => (seen.push(o), o < 9));
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(read).toBeLessThan(20); // the window held the reading back
  });

  it.each([
    ['throws at start', `throw new Error('boom');`, /worker thread failed: Error: boom/],
    ['exits', `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(7));`, /stopped unexpectedly \(exit code 7\)/],
    ['reports an error', `import { parentPort } from 'node:worker_threads'; parentPort.on('message', ({ seq }) => parentPort.postMessage({ seq, error: 'bad input' }));`, /^bad input$/],
  ])('a worker that %s: rejects with a WorkerFailure, never hangs', async (name, code, message) => {
    const p = mapInWorkers<number, number>(numbers(100), { script: script(`${name.replace(/\W/g, '-')}.mjs`, code), workers: 2, workerData: null }, () => {});
    await expect(p).rejects.toBeInstanceOf(WorkerFailure);
    await expect(p).rejects.toThrow(message);
  });
});
