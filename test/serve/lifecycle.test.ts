import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/serve/server.js';
import { copyRules, fixtureCaseJson } from './helpers.js';

const CASE = fixtureCaseJson('fixtures/cn-air/dq115-dust-eliminated-harm-lighter.yaml');

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('reloading the rule folder', () => {
  it('keeps the old rule sets when a reload fails and says why; swaps in the new ones once fixed', async () => {
    const dir = copyRules('cn-air');
    const log: string[] = [];
    const s = await createServer({ rulesDir: dir, port: 0, log: (l) => void log.push(l), watch: true });
    try {
      const evaluate = async () => {
        const r = await fetch(`${s.url}/v1/evaluate`, { method: 'POST', body: CASE, headers: { 'content-type': 'application/json' } });
        return { status: r.status, body: (await r.json()) as { ruleSet: { title: string; hash: string } } };
      };
      const ready = async () => (await (await fetch(`${s.url}/readyz`)).json()) as { status: string; generation: number; reload: { diagnostics: { file: string; code: string }[] } };
      const first = await evaluate();
      expect(first.status).toBe(200);

      // A broken rule file: the reload fails, the rule sets of before still answer.
      writeFileSync(join(dir, 'cn-air', 'broken.yaml'), 'items: [\n');
      const stale = await until('a failed reload', async () => {
        const r = await ready();
        return r.status === 'stale' ? r : undefined;
      });
      expect(stale.generation).toBe(1);
      expect(stale.reload.diagnostics[0]!.file).toContain('broken.yaml');
      expect(stale.reload.diagnostics[0]!.code).toBe('YAML_SYNTAX');
      expect(log.some((l) => JSON.parse(l).msg.startsWith('rules not loaded'))).toBe(true);
      const during = await evaluate();
      expect(during).toEqual(first);

      // Fixed, and the title changed: the new rule set answers.
      rmSync(join(dir, 'cn-air', 'broken.yaml'));
      const index = join(dir, 'cn-air', 'index.yaml');
      writeFileSync(index, readFileSync(index, 'utf8').replace(/^title: .*$/m, 'title: 重新加载后的标题'));
      await until('the reload', async () => ((await ready()).status === 'ready' ? true : undefined));
      const after = await evaluate();
      expect(after.status).toBe(200);
      expect(after.body.ruleSet.title).toBe('重新加载后的标题');
      expect(after.body.ruleSet.hash).not.toBe(first.body.ruleSet.hash);
      expect((await ready()).generation).toBe(2);
    } finally {
      await s.close();
    }
  });
});

describe('SIGTERM', () => {
  it('lets the request in flight finish, then exits 0', async () => {
    const dir = copyRules('cn-air');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'serve', '--rules', dir, '--port', '0', '--no-watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => void (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await until('the server to listen', async () => /"msg":"listening","url":"([^"]+)"/.exec(err)?.[1], 60_000);
      const { hostname, port } = new URL(url);
      // A batch whose body is still arriving when the signal comes.
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ hostname, port, path: '/v1/evaluate/batch', method: 'POST', agent: false, headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
          let body = '';
          res.on('data', (b: Buffer) => void (body += b.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.write(CASE + '\n');
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => {
            req.end(CASE + '\n');
          }, 500);
        }, 500);
      });
      const r = await response;
      expect(r.status).toBe(200);
      const lines = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.line)).toEqual([1, 2]);
      expect(lines.every((l) => l.disposition)).toBe(true);
      expect(await exited).toBe(0);
      expect(err).toContain('"msg":"shutting down: requests in flight finish","signal":"SIGTERM"');
      expect(err).toContain('"msg":"stopped"');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('the time limit', () => {
  it('cuts off a batch that runs past --timeout with an error line, after the lines done so far', async () => {
    const s = await createServer({ rulesDir: copyRules('cn-air'), port: 0, watch: false, log: () => {}, timeoutMs: 400 });
    try {
      const { hostname, port } = new URL(s.url);
      const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ hostname, port, path: '/v1/evaluate/batch', method: 'POST', agent: false, headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
          let body = '';
          res.on('data', (b: Buffer) => void (body += b.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
          res.on('error', reject);
        });
        req.on('error', () => {
          // The server stops reading the body once it cuts the batch off.
        });
        req.write(CASE + '\n');
        setTimeout(() => req.end(CASE + '\n' + CASE + '\n'), 900);
      });
      expect(r.status).toBe(200);
      const lines = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(lines[0].disposition).toBeDefined();
      expect(lines.at(-1).error).toMatchObject({ status: 408, code: 'TIMEOUT' });
      expect(lines.length).toBe(2);
    } finally {
      await s.close();
    }
  });
});
