import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceInput } from '../src/load/source.js';
import type { CliIO } from '../src/cli/io.js';

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
