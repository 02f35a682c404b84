import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnostic } from '../diagnostics/index.js';
import { DEFAULT_LIMITS, type SourceInput } from '../load/source.js';
import { readSource } from '../node/fs.js';
import { UsageError, type CliIO } from './io.js';

/**
 * What the commands read, as named on the command line: files, quoted globs
 * (expanded here, as eslint and vitest do, so that `'cases/*.yaml'` works in
 * every shell) and `-` for standard input.
 */

/** The name `-` stands for standard input; diagnostics name it so. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

const GLOB_CHARS = /[*?[{]/;

/** True when a command-line argument is a glob pattern rather than a path. */
export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/** A glob segment as a regular expression: `*`, `?`, `[abc]`, `{a,b}`; `**` is handled by the walk. */
function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = segment.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${segment
          .slice(i + 1, end)
          .split(',')
          .map((a) => a.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function entries(dir: string): Promise<{ name: string; dir: boolean }[]> {
  try {
    return (await readdir(dir === '' ? '.' : dir, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => ({ name: e.name, dir: e.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

async function walk(base: string, segments: readonly string[], out: string[]): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === '**') {
    // Zero folders, then every folder below (hidden ones skipped).
    await walk(base, rest, out);
    for (const e of await entries(base)) if (e.dir) await walk(join(base, e.name), segments, out);
    return;
  }
  if (!isGlob(head)) {
    const next = base === '' ? head : join(base, head);
    if (rest.length === 0) {
      if ((await entries(base)).some((e) => e.name === head && !e.dir)) out.push(next);
    } else await walk(next, rest, out);
    return;
  }
  const re = segmentRegExp(head);
  for (const e of await entries(base)) {
    if (!re.test(e.name)) continue;
    const next = base === '' ? e.name : join(base, e.name);
    if (rest.length === 0) {
      if (!e.dir) out.push(next);
    } else if (e.dir) await walk(next, rest, out);
  }
}

/** The files a glob pattern matches, sorted, without hidden files. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  const out: string[] = [];
  await walk(absolute ? '/' : '', absolute ? segments.slice(1) : segments, out);
  return [...new Set(out)].sort();
}

/**
 * The inputs named on the command line: globs expanded (one that matches no
 * file is a usage error), paths and `-` as given, duplicates dropped, in the
 * order given. `-` may be named once.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    if (a !== STDIN && isGlob(a)) {
      const matched = await expandGlob(a);
      if (matched.length === 0) throw new UsageError(`no file matches "${a}"`);
      out.push(...matched);
    } else out.push(a);
  }
  if (out.filter((p) => p === STDIN).length > 1) throw new UsageError('standard input (-) can be read only once');
  return [...new Set(out)];
}

/** Standard input as given to the CLI; none (a test, or a closed stream) reads as empty. */
function stdinChunks(io: CliIO): AsyncIterable<string | Uint8Array> {
  return io.stdin ? io.stdin() : (async function* () {})();
}

/** Reads all of standard input as the source of one file named `<stdin>`, up to the file-size limit. */
export async function readStdin(io: CliIO, maxFileBytes = DEFAULT_LIMITS.maxFileBytes): Promise<{ source?: SourceInput; diagnostic?: ReturnType<typeof diagnostic> }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stdinChunks(io)) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > maxFileBytes) return { diagnostic: diagnostic('FILE_TOO_LARGE', { file: STDIN_NAME, line: 1, column: 1 }, { size, limit: maxFileBytes }) };
    parts.push(bytes);
  }
  const text = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    text.set(p, at);
    at += p.length;
  }
  return { source: { path: STDIN_NAME, text } };
}

/** One input file, or standard input for `-`. */
export function readInput(path: string, io: CliIO): Promise<{ source?: SourceInput; diagnostic?: ReturnType<typeof diagnostic> }> {
  return path === STDIN ? readStdin(io) : readSource(path);
}

/**
 * Standard input for batch and audit: NDJSON when its first non-blank
 * character is `{` (one JSON case per line; read as a stream), else one YAML
 * or JSON document holding a list of cases (read whole).
 */
export async function openStdinCases(io: CliIO): Promise<{ ndjson: true; chunks: AsyncIterable<string> } | { ndjson: false; source?: SourceInput; diagnostic?: ReturnType<typeof diagnostic> }> {
  const iterator = stdinChunks(io)[Symbol.asyncIterator]();
  const decoder = new TextDecoder('utf-8');
  let head = '';
  let done = false;
  while (head.replace(/^\uFEFF/, '').trim() === '') {
    const r = await iterator.next();
    if (r.done) {
      done = true;
      break;
    }
    head += typeof r.value === 'string' ? r.value : decoder.decode(r.value, { stream: true });
  }
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  const rest = async function* (): AsyncGenerator<string> {
    if (head !== '') yield head;
    if (done) return;
    for (;;) {
      const r = await iterator.next();
      if (r.done) break;
      yield typeof r.value === 'string' ? r.value : decoder.decode(r.value, { stream: true });
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  };
  if (first === '{') return { ndjson: true, chunks: rest() };
  let text = '';
  for await (const s of rest()) {
    text += s;
    if (text.length > DEFAULT_LIMITS.maxFileBytes)
      return { ndjson: false, diagnostic: diagnostic('FILE_TOO_LARGE', { file: STDIN_NAME, line: 1, column: 1 }, { size: text.length, limit: DEFAULT_LIMITS.maxFileBytes }) };
  }
  return { ndjson: false, source: { path: STDIN_NAME, text } };
}
