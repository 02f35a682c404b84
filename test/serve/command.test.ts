import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/cli.js';
import { SERVE_HELP } from '../../src/serve/command.js';
import { createServer, type RunningServer } from '../../src/serve/server.js';
import { runCli } from '../helpers.js';
import { rulesSubset, tempDir } from './helpers.js';

const run = promisify(execFile);

describe('cailiang serve (the command)', () => {
  it('has its help, listed in the top-level help', async () => {
    expect(await runCli('help', 'serve')).toEqual({ code: 0, out: SERVE_HELP, err: '' });
    expect(await runCli('serve', '--help')).toEqual({ code: 0, out: SERVE_HELP, err: '' });
    expect(HELP).toMatch(/\n {2}serve \[--rules <dir>\] \[--port <n>\]/);
  });

  it('refuses bad options with exit 2, and rule sets that do not load with exit 1 and their diagnostics', async () => {
    for (const args of [['--port', '70000'], ['--port', 'x'], ['--timeout', '0'], ['rules/']]) {
      const r = await runCli('serve', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^cailiang serve: /);
    }
    const broken = tempDir('broken', { 'index.yaml': 'id: [\n' });
    const r = await runCli('serve', '--rules', broken, '--port', '0');
    expect(r.code).toBe(1);
    expect(r.err).toContain('YAML_SYNTAX');
    expect(r.err).toContain('the rule sets did not load');
    expect((await runCli('serve', '--rules', tempDir('empty') + '/missing', '--port', '0')).code).toBe(2);
  });
});

/** The code blocks of the README's "Use from other languages" section. */
function readmeBlocks(): { sh: string; python: string } {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Use from other languages'), readme.indexOf('\n## ', readme.indexOf('## Use from other languages') + 5));
  const block = (lang: string) => [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].find((m) => m[1] === lang)?.[2];
  return { sh: block('sh')!, python: block('python')! };
}

async function has(cmd: string): Promise<boolean> {
  try {
    await run(cmd, ['--version']);
    return true;
  } catch {
    return false;
  }
}

describe('the README examples for other languages', async () => {
  let server: RunningServer;
  const python = await has('python3');
  const curl = await has('curl');
  beforeAll(async () => {
    server = await createServer({ rulesDir: rulesSubset(['cn-samr-food']), port: 0, watch: false, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(!curl)('the curl example answers with the disposition (skipped without curl)', async () => {
    const { sh } = readmeBlocks();
    const { stdout } = await run('sh', ['-c', sh.replaceAll('http://127.0.0.1:8080', server.url)]);
    const d = JSON.parse(stdout);
    expect(d.outcome).toBe('penalty');
    expect(d.penalties.find((p: { kind: string }) => p.kind === 'fine').recommended).toBe(9_250_000);
  });

  it.skipIf(!python)('the Python example prints what its comment says, and reports diagnostics (skipped without python3)', async () => {
    const { python: code } = readmeBlocks();
    const script = code.replaceAll('http://127.0.0.1:8080', server.url);
    const { stdout } = await run('python3', ['-c', script]);
    expect(stdout.trim()).toBe(/# (.*)$/m.exec(code.split('\n').at(-2)!)![1]!.trim());
    // The error path: a case with a bad fact raises with its diagnostics.
    const bad = script.replace('"goodsValue": 4000', '"goodsValue": "x"');
    await expect(run('python3', ['-c', bad])).rejects.toMatchObject({ stderr: expect.stringContaining('FACT_TYPE_MISMATCH /facts/goodsValue') });
  });
});
