import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

// The README is what users copy: its rule-file examples, put together, are a
// rule set that verifies clean, its case example evaluates, and its commands
// run on the bundled data.

const README = readFileSync('README.md', 'utf8');

/** The first `n` fenced blocks of `lang` after a heading. */
function blocksAfter(heading: string, n = 1, lang = 'yaml'): string[] {
  const at = README.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  return [...README.slice(at).matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].slice(0, n).map((m) => m[1]!);
}

const tmp = mkdtempSync(join(tmpdir(), 'cailiang-readme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the README', () => {
  it('its index.yaml, facts, circumstances, items and lists examples make a rule set that verifies clean', async () => {
    const dir = join(tmp, 'rules', 'demo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.yaml'), blocksAfter('### index.yaml')[0]!);
    const topic = [...blocksAfter('### Facts and circumstances', 2), ...blocksAfter('### Items (裁量事项)'), ...blocksAfter('### Lists (清单)')].join('');
    writeFileSync(join(dir, 'topic.yaml'), topic);
    const io = bufferIO();
    const code = await cli(['verify', dir, '--strict', '--as-of', '2026-01-01'], io);
    expect(io.out).toMatch(/1 rule set: 0 errors, 0 warnings/);
    expect(code).toBe(0);
  }, 60_000);

  it('its case example evaluates against the bundled rules', async () => {
    const path = join(tmp, 'case.yaml');
    writeFileSync(path, blocksAfter('## Cases')[0]!);
    const io = bufferIO();
    expect(await cli(['evaluate', path, '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out).item).toBe('SPAQF-124-1-5');
  }, 60_000);

  // `npx cailiang …` lines of the sh blocks that name only files of this package (not a user's
  // case.yaml), without pipes or redirections.
  const commands = [...README.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1]!.split('\n'))
    .map((l) => /^npx cailiang (.+?)(?:\s+#.*)?$/.exec(l.trim())?.[1])
    .filter((c): c is string => c !== undefined && !/[<>|]/.test(c))
    // `serve` runs until stopped: test/serve starts it, and runs the README's curl and Python examples against it.
    .filter((c) => !/^serve\b/.test(c))
    .filter((c) => c.split(/\s+/).every((a) => !/\.(ya?ml|ndjson|json)$|\//.test(a) || existsSync(a)));
  it('has commands to try', () => expect(commands.length).toBeGreaterThan(4));
  it.each(commands)('npx cailiang %s runs on the bundled data (exit 0, or 1 for findings it is meant to show)', async (command) => {
    const io = bufferIO();
    const code = await cli(command.split(/\s+/), io);
    expect(io.err).not.toMatch(/internal error|Usage:/);
    expect([0, 1]).toContain(code);
  }, 60_000);
});
