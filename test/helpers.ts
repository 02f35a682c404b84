import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceInput } from '../src/load/source.js';
import type { CliIO } from '../src/cli/io.js';
import { cli } from '../src/cli/cli.js';

export const DATA = fileURLToPath(new URL('./data', import.meta.url));

/** The files of a test rule-set folder, as inputs for loadRuleSet. */
export function readDir(dir: string): SourceInput[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => ({ path: `${dir.replace(/.*\/test\//, 'test/')}/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
}

export function miniFiles(): SourceInput[] {
  return readDir(join(DATA, 'mini'));
}

/** Replaces one file's text in a set of inputs. */
export function withFile(files: SourceInput[], name: string, text: string): SourceInput[] {
  const out = files.filter((f) => !f.path.endsWith('/' + name));
  const dir = files[0]!.path.replace(/\/[^/]+$/, '');
  return [...out, { path: `${dir}/${name}`, text }];
}

export function bufferIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
  };
  return io;
}

/** Runs the CLI in process on `args`: its exit code and what it printed. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIO();
  const code = await cli(args, io);
  return { code, out: io.out, err: io.err };
}

/** The files below `dir` (recursively, sorted by path) whose names match `ext` (default: YAML). */
export function filesUnder(dir: string, ext: RegExp = /\.ya?ml$/): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p, ext) : ext.test(n) ? [p] : [];
    });
}
