import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, HELP } from '../../src/cli/cli.js';
import { expandGlob, expandInputs } from '../../src/cli/inputs.js';
import { VERIFY_HELP } from '../../src/cli/commands/verify.js';
import { bufferIO } from '../helpers.js';

// The conventions users know from eslint and vitest: - for standard input,
// several files and quoted globs, help for every command, short flags, exit
// codes in the help, a progress line only on a terminal, quiet ends on a
// closed pipe.

const CASE = 'fixtures/cn-samr-food/expired-food-value-500-first-offence.yaml';
const BATCH = 'fixtures/samples/batch.ndjson';
const DECIDED = 'fixtures/samples/decided.ndjson';

async function run(argv: string[], options: { stdin?: string; tty?: boolean } = {}) {
  const io = bufferIO();
  const text = options.stdin;
  const code = await cli(argv, {
    stdout: io.stdout,
    stderr: io.stderr,
    ...(text !== undefined ? { stdin: async function* () { yield Buffer.from(text); } } : {}),
    stderrIsTTY: options.tty ?? false,
  });
  return { code, out: io.out, err: io.err };
}

describe('help', () => {
  it('bare cailiang prints the usage on stderr and exits 2, nothing on stdout', async () => {
    const r = await run([]);
    expect(r).toEqual({ code: 2, out: '', err: HELP });
  }, 60_000);

  it('cailiang --help and cailiang help print it on stdout with exit 0', async () => {
    for (const argv of [['--help'], ['help'], ['-h']]) expect(await run(argv)).toEqual({ code: 0, out: HELP, err: '' });
  }, 60_000);

  it('cailiang help verify is the help of verify, as verify --help is', async () => {
    expect(await run(['help', 'verify'])).toEqual({ code: 0, out: VERIFY_HELP, err: '' });
    expect(await run(['verify', '--help'])).toEqual({ code: 0, out: VERIFY_HELP, err: '' });
  }, 60_000);

  it('every command answers --help with its own usage', async () => {
    for (const name of ['evaluate', 'batch', 'audit', 'compare', 'verify', 'test', 'diff', 'schema', 'demo']) {
      const r = await run([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.out, name).toMatch(new RegExp(`^Usage: cailiang ${name}`));
    }
  }, 60_000);

  it('help of a command that does not exist is a usage error', async () => {
    const r = await run(['help', 'evaluat']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "evaluat"/);
  }, 60_000);

  it('the top-level help lists the exit codes 0, 1, 2 and 3, and so does the README', () => {
    expect(HELP).toMatch(/Exit codes: 0 ok, 1 problems in the input, 2 usage or I\/O error,\s+3 internal error/);
    expect(readFileSync('README.md', 'utf8')).toMatch(/`3`[^\n]*(internal|bug)/);
  });
});

describe('standard input', () => {
  it('evaluate - reads the case from standard input, with the same report as from the file', async () => {
    const fromFile = await run(['evaluate', CASE, '--format', 'json']);
    const fromStdin = await run(['evaluate', '-', '--format', 'json'], { stdin: readFileSync(CASE, 'utf8') });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.out).toBe(fromFile.out.replaceAll(CASE, '<stdin>'));
  }, 60_000);

  it('a bad case on standard input is pointed at as <stdin>:line:col', async () => {
    const r = await run(['evaluate', '-'], { stdin: 'item: [unclosed\n' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^<stdin>:\d+:\d+ /m);
  }, 60_000);

  it('batch - reads NDJSON from standard input and counts what the file gives', async () => {
    const fromFile = await run(['batch', BATCH, '--format', 'json']);
    const fromStdin = await run(['batch', '-', '--format', 'json'], { stdin: readFileSync(BATCH, 'utf8') });
    expect(fromStdin.code).toBe(fromFile.code);
    expect(fromStdin.out).toBe(fromFile.out.replaceAll(BATCH, '<stdin>'));
  }, 60_000);

  it('batch - reads a YAML list of cases from standard input too', async () => {
    const list = readFileSync(BATCH, 'utf8').trim().split('\n').slice(0, 5).map((l) => `- ${l}`).join('\n');
    const r = await run(['batch', '-', '--format', 'json'], { stdin: list });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).cases).toBe(5);
  }, 60_000);

  it('audit - reads decided cases from standard input', async () => {
    const fromFile = await run(['audit', DECIDED, '--format', 'json']);
    const fromStdin = await run(['audit', '-', '--format', 'json'], { stdin: readFileSync(DECIDED, 'utf8') });
    expect(fromStdin.code).toBe(fromFile.code);
    expect(fromStdin.out).toBe(fromFile.out.replaceAll(DECIDED, '<stdin>'));
  }, 60_000);

  it('standard input can be named once only', async () => {
    const r = await run(['evaluate', '-', '-'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/only once/);
  }, 60_000);
});

describe('several files and quoted globs', () => {
  it('a glob matches files in sorted order, folders and hidden files left out', async () => {
    const files = await expandGlob('fixtures/cn-samr-food/*.yaml');
    expect(files.length).toBeGreaterThan(5);
    expect(files).toEqual([...files].sort());
    expect(files.every((f) => /^fixtures\/cn-samr-food\/[^/.][^/]*\.yaml$/.test(f))).toBe(true);
    const deep = await expandGlob('fixtures/**/*.ndjson');
    expect(deep).toEqual(['fixtures/samples/batch.ndjson', 'fixtures/samples/decided.ndjson']);
    expect(await expandGlob('fixtures/{samples,cn-air}/batch.ndjson')).toEqual(['fixtures/samples/batch.ndjson']);
  }, 60_000);

  it('a glob that matches nothing is a usage error naming it', async () => {
    await expect(expandInputs(['nowhere/*.yaml'])).rejects.toThrow(/no file matches "nowhere\/\*\.yaml"/);
    const r = await run(['evaluate', 'nowhere/*.yaml']);
    expect(r.code).toBe(2);
  }, 60_000);

  it('evaluate with a quoted glob evaluates every case it matches', async () => {
    const files = await expandGlob('fixtures/cn-samr-food/expired*.yaml');
    expect(files.length).toBeGreaterThan(1);
    const r = await run(['evaluate', 'fixtures/cn-samr-food/expired*.yaml', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(files.length);
  }, 60_000);

  it('batch over two files counts the cases of both', async () => {
    const one = JSON.parse((await run(['batch', BATCH, '-f', 'json'])).out);
    const two = JSON.parse((await run(['batch', BATCH, DECIDED, '-f', 'json'])).out);
    const decided = readFileSync(DECIDED, 'utf8').trim().split('\n').length;
    expect(two.cases).toBe(one.cases + decided);
  }, 60_000);
});

describe('short flags', () => {
  it('-f, -r and -o are --format, --rules and --output', async () => {
    const long = await run(['evaluate', CASE, '--format', 'json', '--rules', 'rules/cn-samr-food']);
    const short = await run(['evaluate', CASE, '-f', 'json', '-r', 'rules/cn-samr-food']);
    expect(short).toEqual(long);
    expect(long.code).toBe(0);
  }, 60_000);
});

describe('progress line', () => {
  const many = readFileSync(BATCH, 'utf8').trim().split('\n');
  const input = Array.from({ length: 5 }, () => many).flat().join('\n') + '\n'; // 1,090 cases
  it('batch on a terminal shows the count on stderr every 1,000 cases and clears it', async () => {
    const r = await run(['batch', '-', '-f', 'json'], { stdin: input, tty: true });
    expect(r.err).toBe('\rcailiang batch: 1,000 cases…\r\x1b[K');
    expect(JSON.parse(r.out).cases).toBe(many.length * 5);
  }, 60_000);

  it('never when stderr is not a terminal, nor with --quiet, and the report is the same', async () => {
    const tty = await run(['batch', '-', '-f', 'json'], { stdin: input, tty: true });
    const pipe = await run(['batch', '-', '-f', 'json'], { stdin: input, tty: false });
    const quiet = await run(['batch', '-', '-f', 'json', '--quiet'], { stdin: input, tty: true });
    expect(pipe.err).toBe('');
    expect(quiet.err).toBe('');
    expect(pipe.out).toBe(tty.out);
    expect(quiet.out).toBe(tty.out);
  }, 60_000);

  it('audit shows it too, on a terminal only', async () => {
    const lines = readFileSync(DECIDED, 'utf8').trim().split('\n');
    const input = Array.from({ length: 60 }, () => lines).flat().join('\n');
    expect((await run(['audit', '-', '-f', 'json'], { stdin: input, tty: true })).err).toMatch(/^\rcailiang audit: 1,000 cases…/);
    expect((await run(['audit', '-', '-f', 'json'], { stdin: input, tty: false })).err).toBe('');
  }, 60_000);
});

describe('a closed pipe', () => {
  it('evaluate | head -1 ends quietly with exit 0, no stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'evaluate', CASE, CASE, CASE], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // Read the first bytes, then close the pipe, as head does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
