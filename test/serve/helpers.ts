import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CliIO } from '../../src/cli/io.js';
import { cli } from '../../src/cli/cli.js';

/** A fixture's case as one line of JSON. */
export function fixtureCaseJson(path: string): string {
  return JSON.stringify((parse(readFileSync(path, 'utf8')) as { case: unknown }).case);
}

/** A temporary folder; `files` written into it. */
export function tempDir(prefix: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `cailiang-${prefix}-`));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A copy of a bundled rule-set folder in a temporary folder. */
export function copyRules(name: string): string {
  const dir = tempDir('rules');
  cpSync(join('rules', name), join(dir, name), { recursive: true });
  return dir;
}

/** Runs the CLI in process with `stdin` as standard input. */
export async function runCliStdin(stdin: string | Uint8Array, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = { code: 0, out: '', err: '' };
  const io: CliIO = {
    stdout: (s) => void (r.out += s),
    stderr: (s) => void (r.err += s),
    stdin: () =>
      (async function* () {
        yield typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
      })(),
  };
  r.code = await cli(args, io);
  return r;
}

/** A response as the OpenAPI check needs it. */
export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

/**
 * A folder holding copies of some bundled rule sets and the ones they extend:
 * the server and the CLI runs compared with it load these only (seconds
 * faster than all of rules/ on every run).
 */
export function rulesSubset(ids: readonly string[]): string {
  const dir = tempDir('rules');
  const todo = [...ids];
  const done = new Set<string>();
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (done.has(id) || !existsSync(join('rules', id))) continue;
    done.add(id);
    cpSync(join('rules', id), join(dir, id), { recursive: true });
    const parent = /^extends:\s*(\S+)/m.exec(readFileSync(join('rules', id, 'index.yaml'), 'utf8'))?.[1];
    if (parent) todo.push(parent);
  }
  return dir;
}
