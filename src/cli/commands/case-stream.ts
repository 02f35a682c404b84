import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { diagnostic, sortDiagnostics, type Diagnostic, type Place } from '../../diagnostics/index.js';
import { evaluateInCatalog, evaluateInCatalogAt, type CatalogResult } from '../../evaluate/versions.js';
import type { EvaluateOptions } from '../../evaluate/types.js';
import type { RuleSet } from '../../load/model.js';
import { tooDeepAt } from '../../load/depth.js';
import { jsonKeysSuspect } from '../../load/json-keys.js';
import { CASE_MAX_BYTES, DEFAULT_LIMITS, parseSource, scanBound, SourceFile } from '../../load/source.js';
import { ioDiagnostic, readSource } from '../../node/fs.js';
import type { CliIO } from '../io.js';
import { openStdinCases, STDIN, STDIN_NAME } from '../inputs.js';

/**
 * Cases for batch work, one at a time: NDJSON read line by line (a stream, so
 * memory stays flat whatever the file size), or a YAML / JSON file holding a
 * list. A line that cannot be parsed is a record with diagnostics, and the
 * batch goes on.
 */

export interface CaseRecord {
  /** 1-based line where the case starts. */
  readonly line: number;
  /** The case's id, when it has one (for reports about bad cases). */
  readonly caseId?: string;
  /** The case as read (without the keys in `stripKeys`, for NDJSON). */
  readonly value?: Record<string, unknown>;
  /** The values of the keys taken out of the case before it is evaluated (e.g. `decision`). */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Problems reading the record itself (syntax, not an object). */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Evaluates the case (without the keys in `strip`, e.g. `decision`) against
   * the catalogue; diagnostics point at the input file's line and column.
   */
  evaluate(ruleSets: readonly RuleSet[], options?: EvaluateOptions): CatalogResult;
  /** Position of a path inside the case (e.g. ['decision', 'fine']) in the input file. */
  locate(path: readonly PropertyKey[], key?: boolean): Place;
}

/** True for files read as NDJSON (one JSON case per line). */
export function isNdjson(path: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(path);
}

function idOf(v: unknown): string | undefined {
  const id = (v as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function strip(v: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const k of keys) {
    if (Object.prototype.hasOwnProperty.call(v, k)) out[k] = (v as Record<string, unknown>)[k];
    delete (v as Record<string, unknown>)[k];
  }
  return out;
}

function pick(v: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(v, k)) out[k] = (v as Record<string, unknown>)[k];
  return out;
}

function failed(line: number, diags: readonly Diagnostic[]): CaseRecord {
  const at = diags[0] ? { file: diags[0].file, line: diags[0].line, column: diags[0].column } : { file: '', line, column: 1 };
  return { line, extra: {}, diagnostics: diags, evaluate: () => ({ diagnostics: diags }), locate: () => at };
}

/** Moves diagnostics of a one-line source to the line it came from. */
function atLine(list: readonly Diagnostic[], line: number): Diagnostic[] {
  return list.map((d) => ({ ...d, line: line + d.line - 1, ...(d.endLine !== undefined ? { endLine: line + d.endLine - 1 } : {}) }));
}

function notObject(path: string, line: number, v: unknown): Diagnostic {
  return diagnostic('SCHEMA_TYPE', { file: path, line, column: 1 }, { expected: 'a case (an object)', received: Array.isArray(v) ? 'a list' : v === null ? 'nothing' : typeof v });
}

/**
 * One NDJSON line as a case record (exported for the batch worker threads,
 * which get the lines from {@link ndjsonLines} and build the records there).
 */
export function ndjsonRecord(path: string, line: number, text: string, stripKeys: readonly string[] = []): CaseRecord {
  // Nesting is bounded before any parser sees the line (depth.ts).
  const deep = tooDeepAt(text, scanBound(DEFAULT_LIMITS.maxDepth));
  if (deep >= 0) {
    const first = tooDeepAt(text, DEFAULT_LIMITS.maxDepth);
    return failed(line, [diagnostic('YAML_TOO_DEEP', { file: path, line, column: (first >= 0 ? first : deep) + 1 }, { limit: DEFAULT_LIMITS.maxDepth })]);
  }
  let value: unknown;
  let parsed = true;
  try {
    value = JSON.parse(text);
  } catch {
    parsed = false;
  }
  // As strict as YAML and JSON case files: a key twice in one object, or __proto__, goes to the
  // full parser, which reports each with its position.
  if (parsed && jsonKeysSuspect(text)) parsed = false;
  // Slow path, for positions: the line parsed as YAML (JSON is YAML 1.2) keeps line:column.
  const positioned = (): { file?: SourceFile; diagnostics: Diagnostic[] } => {
    const p = parseSource({ path, text });
    return { ...(p.file ? { file: p.file } : {}), diagnostics: atLine(p.diagnostics, line) };
  };
  if (!parsed) {
    const p = positioned();
    return failed(line, p.diagnostics.length > 0 ? p.diagnostics : [diagnostic('YAML_SYNTAX', { file: path, line, column: 1 }, { detail: 'not a JSON value' })]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return failed(line, [notObject(path, line, value)]);
  const extra = strip(value, stripKeys);
  const caseId = idOf(value);
  let slow: { file?: SourceFile; diagnostics: Diagnostic[] } | undefined;
  const slowParse = () => {
    if (!slow) {
      slow = positioned();
      if (slow.file) strip(slow.file.value, stripKeys);
    }
    return slow;
  };
  return {
    line,
    ...(caseId !== undefined ? { caseId } : {}),
    value: value as Record<string, unknown>,
    extra,
    diagnostics: [],
    evaluate(ruleSets, options) {
      const fast = evaluateInCatalog(ruleSets, { path, value }, options);
      if (fast.disposition && !fast.diagnostics.some((d) => d.severity === 'error')) return fast;
      // Something is wrong: evaluate again from the text to point at line:column.
      const p = slowParse();
      if (!p.file) return { diagnostics: p.diagnostics };
      const r = evaluateInCatalogAt(ruleSets, p.file, [], options);
      return { ...r, diagnostics: sortDiagnostics(atLine(r.diagnostics, line)) };
    },
    locate(at, key = false) {
      // The stripped keys are gone from the re-parsed value too: locate them in a fresh parse.
      const p = parseSource({ path, text });
      const place = p.file ? p.file.locate(at, key) : { file: path, line: 1, column: 1 };
      return { ...place, line: line + place.line - 1, ...(place.endLine !== undefined ? { endLine: line + place.endLine - 1 } : {}) };
    },
  };
}

/** A non-blank line of an NDJSON file and its 1-based number; or, for a line that cannot be read (too long, not UTF-8), why. */
export interface NdjsonLine {
  readonly line: number;
  readonly text: string;
  readonly diagnostics?: readonly Diagnostic[];
}

/** The case record of one line as {@link ndjsonLines} gives it. */
export function ndjsonLineRecord(path: string, l: NdjsonLine, stripKeys: readonly string[] = []): CaseRecord {
  return l.diagnostics ? failed(l.line, l.diagnostics) : ndjsonRecord(path, l.line, l.text, stripKeys);
}

/** Longest NDJSON line read, in bytes: one case, as large as a case file may be. Longer lines are a diagnostic. */
export const NDJSON_MAX_LINE_BYTES = CASE_MAX_BYTES;

/**
 * Opens an NDJSON file for reading line by line (a stream): the non-blank
 * lines with their numbers, a leading byte-order mark removed. Lines end at
 * LF, CRLF or CR, as readline counts them. The single-thread batch and the
 * threads of `batch --workers` both read through this, so they number lines
 * alike. A file that cannot be opened is a diagnostic instead.
 */
export async function ndjsonLines(path: string, chunks?: AsyncIterable<string>): Promise<{ lines: AsyncIterable<NdjsonLine> } | { diagnostic: Diagnostic }> {
  // Standard input (or any text stream) as it comes.
  if (chunks) return { lines: numbered(path, Readable.from(chunks)) };
  let stream;
  try {
    // A folder opens fine and fails on the first read, out of reach of the
    // caller's error handling; a device (/dev/zero, /dev/urandom) never ends,
    // and a FIFO without a writer never opens: say so up front, as readSource does.
    const info = await stat(path);
    if (info.isDirectory()) return { diagnostic: diagnostic('IO_READ_FAILED', { file: path, line: 1, column: 1 }, { detail: 'is a folder' }) };
    if (!info.isFile()) return { diagnostic: diagnostic('IO_READ_FAILED', { file: path, line: 1, column: 1 }, { detail: 'not a regular file' }) };
    stream = createReadStream(path);
    await new Promise<void>((resolve, reject) => {
      stream!.once('open', () => resolve());
      stream!.once('error', reject);
    });
  } catch (e) {
    return { diagnostic: ioDiagnostic(path, e) };
  }
  return { lines: numbered(path, stream) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The lines of a byte stream, split at LF, CRLF or CR (as readline counts
 * them), each decoded strictly: a line above {@link NDJSON_MAX_LINE_BYTES} is
 * not held (its bytes are passed over up to its end) and a line that is not
 * UTF-8 is not guessed at; both come back as diagnostics at their line, and
 * the lines after them are read as usual.
 */
async function* numbered(path: string, stream: Readable): AsyncGenerator<NdjsonLine> {
  let n = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let pendingCR = false;
  const finish = (): NdjsonLine | undefined => {
    n++;
    const line = n;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    const long = tooLong;
    parts = [];
    size = 0;
    tooLong = false;
    if (long) {
      return { line, text: '', diagnostics: [diagnostic('NDJSON_LINE_TOO_LONG', { file: path, line, column: 1 }, { limit: NDJSON_MAX_LINE_BYTES })] };
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      const bad = parseSource({ path, text: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }).diagnostics;
      const d = bad.find((x) => x.code === 'FILE_NOT_UTF8') ?? diagnostic('FILE_NOT_UTF8', { file: path, line: 1, column: 1 }, { offset: 0 });
      return { line, text: '', diagnostics: [{ ...d, line }] };
    }
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return undefined;
    return { line, text };
  };
  const add = (chunk: Buffer, from: number, to: number) => {
    if (to <= from || tooLong) return;
    if (size + (to - from) > NDJSON_MAX_LINE_BYTES) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(chunk.subarray(from, to));
    size += to - from;
  };
  try {
    for await (const raw of stream as AsyncIterable<Buffer | string>) {
      // Standard input comes as text; files as bytes.
      const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      let start = 0;
      if (pendingCR) {
        pendingCR = false;
        if (chunk.length > 0 && chunk[0] === 10) start = 1;
      }
      for (let i = start; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b !== 10 && b !== 13) continue;
        add(chunk, start, i);
        const l = finish();
        if (l) yield l;
        if (b === 13) {
          if (i + 1 < chunk.length) {
            if (chunk[i + 1] === 10) i++;
          } else pendingCR = true;
        }
        start = i + 1;
      }
      add(chunk, start, chunk.length);
    }
    if (size > 0 || tooLong) {
      const l = finish();
      if (l) yield l;
    }
  } finally {
    // A reader that stops early (cli() in a longer-lived process) leaves no file open.
    stream.destroy();
  }
}

/**
 * Reads cases from `path`: NDJSON (`.ndjson`, `.jsonl`) as a stream, anything
 * else as one YAML or JSON document holding a list of cases. `stripKeys` are
 * removed from each case before it is evaluated (e.g. an officer's `decision`,
 * read separately from `value`). An I/O problem is a single record at line 1.
 */
export async function* readCases(path: string, stripKeys: readonly string[] = [], io?: CliIO): AsyncGenerator<CaseRecord> {
  if (path === STDIN && io) {
    const input = await openStdinCases(io);
    if (input.ndjson) {
      const opened = await ndjsonLines(STDIN_NAME, input.chunks);
      if ('lines' in opened) for await (const { line, text } of opened.lines) yield ndjsonRecord(STDIN_NAME, line, text, stripKeys);
      return;
    }
    if (!input.source) {
      yield failed(1, [input.diagnostic!]);
      return;
    }
    yield* listRecords(input.source, stripKeys);
    return;
  }
  if (isNdjson(path)) {
    const opened = await ndjsonLines(path);
    if ('diagnostic' in opened) {
      yield failed(1, [opened.diagnostic]);
      return;
    }
    for await (const l of opened.lines) yield ndjsonLineRecord(path, l, stripKeys);
    return;
  }

  const read = await readSource(path);
  if (!read.source) {
    yield failed(1, [read.diagnostic!]);
    return;
  }
  yield* listRecords(read.source, stripKeys);
}

/** The cases of one YAML / JSON document holding a list. */
function* listRecords(source: Parameters<typeof parseSource>[0], stripKeys: readonly string[]): Generator<CaseRecord> {
  const path = source.path;
  const parsed = parseSource(source);
  if (!parsed.file || parsed.diagnostics.length > 0) {
    yield failed(parsed.diagnostics[0]?.line ?? 1, parsed.diagnostics);
    return;
  }
  const file = parsed.file;
  if (!Array.isArray(file.value)) {
    yield failed(1, [diagnostic('SCHEMA_TYPE', file.start, { expected: 'a list of cases', received: file.value === null ? 'nothing' : typeof file.value })]);
    return;
  }
  const list = file.value as unknown[];
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    const line = file.locate([i]).line;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield failed(line, [{ ...notObject(path, line, value), column: file.locate([i]).column }]);
      continue;
    }
    const extra = pick(value, stripKeys);
    const caseId = idOf(value);
    yield {
      line,
      ...(caseId !== undefined ? { caseId } : {}),
      value: value as Record<string, unknown>,
      extra,
      diagnostics: [],
      evaluate: (ruleSets, options) => {
        // Take the keys out for the engine (cases are strict) and put them back,
        // so positions inside them can still be found.
        strip(value, stripKeys);
        try {
          return evaluateInCatalogAt(ruleSets, file, [i], options);
        } finally {
          Object.assign(value, extra);
        }
      },
      locate: (at, key = false) => file.locate([i, ...at], key),
    };
  }
}
