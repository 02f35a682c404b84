import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { diagnostic, sortDiagnostics, type Diagnostic, type Place } from '../../diagnostics/index.js';
import { evaluateInCatalog, evaluateInCatalogAt, type CatalogResult } from '../../evaluate/versions.js';
import type { EvaluateOptions } from '../../evaluate/types.js';
import type { RuleSet } from '../../load/model.js';
import { tooDeepAt } from '../../load/depth.js';
import { jsonKeysSuspect, parsedKeys, scanJsonText } from '../../load/json-keys.js';
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
const LINE_DEPTH_BOUND = scanBound(DEFAULT_LIMITS.maxDepth);

/** The line as JSON.parse reads it, when one pass over it shows nothing the slow checks would report. */
function plainJson(text: string): { value: unknown } | undefined {
  const scan = scanJsonText(text);
  if (scan.depth > LINE_DEPTH_BOUND) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return parsedKeys(value) === scan.keys ? { value } : undefined;
}

export function ndjsonRecord(path: string, line: number, text: string, stripKeys: readonly string[] = []): CaseRecord {
  let value: unknown;
  let parsed = true;
  const plain = plainJson(text);
  if (plain) value = plain.value;
  else {
    // Nesting is bounded before any parser sees the line (depth.ts).
    const deep = tooDeepAt(text, LINE_DEPTH_BOUND);
    if (deep >= 0) {
      const first = tooDeepAt(text, DEFAULT_LIMITS.maxDepth);
      return failed(line, [diagnostic('YAML_TOO_DEEP', { file: path, line, column: (first >= 0 ? first : deep) + 1 }, { limit: DEFAULT_LIMITS.maxDepth })]);
    }
    try {
      value = JSON.parse(text);
    } catch {
      parsed = false;
    }
    // As strict as YAML and JSON case files: a key twice in one object, or __proto__, goes to the
    // full parser, which reports each with its position.
    if (parsed && jsonKeysSuspect(text)) parsed = false;
  }
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
  const opened = await openNdjson(path);
  return 'diagnostic' in opened ? opened : { lines: numbered(path, opened.stream) };
}

async function openNdjson(path: string): Promise<{ stream: Readable } | { diagnostic: Diagnostic }> {
  let stream;
  try {
    // A folder opens fine and fails on the first read, out of reach of the
    // caller's error handling; a device (/dev/zero, /dev/urandom) never ends,
    // and a FIFO without a writer never opens: say so up front, as readSource does.
    const info = await stat(path);
    if (info.isDirectory()) return { diagnostic: diagnostic('IO_READ_FAILED', { file: path, line: 1, column: 1 }, { detail: 'is a folder' }) };
    if (!info.isFile()) return { diagnostic: diagnostic('IO_READ_FAILED', { file: path, line: 1, column: 1 }, { detail: 'not a regular file' }) };
    stream = createReadStream(path, { highWaterMark: 256 * 1024 });
    await new Promise<void>((resolve, reject) => {
      stream!.once('open', () => resolve());
      stream!.once('error', reject);
    });
  } catch (e) {
    return { diagnostic: ioDiagnostic(path, e) };
  }
  return { stream };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Splits bytes into lines at LF, CRLF or CR (as readline counts them), each
 * decoded strictly: a line above {@link NDJSON_MAX_LINE_BYTES} is not held
 * (its bytes are passed over up to its end) and a line that is not UTF-8 is
 * not guessed at; both come back as diagnostics at their line, and the lines
 * after them are read as usual. Blank lines are counted, not given. Bytes
 * come in pieces ({@link push}); {@link end} gives a last line without an
 * end. Lines are numbered from `before` + 1; `bom` removes a byte-order mark
 * from the first.
 */
export class LineSplitter {
  /** Lines ended so far (blank ones included). */
  count: number;
  private parts: Uint8Array[] = [];
  private size = 0;
  private tooLong = false;
  private pendingCR = false;

  constructor(
    private readonly path: string,
    before = 0,
    private readonly bom = before === 0,
  ) {
    this.count = before;
  }

  private finish(): NdjsonLine | undefined {
    const line = ++this.count;
    const parts = this.parts;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, this.size);
    const long = this.tooLong;
    this.parts = [];
    this.size = 0;
    this.tooLong = false;
    const path = this.path;
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
    if (line === 1 && this.bom && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return undefined;
    return { line, text };
  }

  private add(chunk: Uint8Array, from: number, to: number): void {
    if (to <= from || this.tooLong) return;
    if (this.size + (to - from) > NDJSON_MAX_LINE_BYTES) {
      this.tooLong = true;
      this.parts = [];
      this.size = 0;
      return;
    }
    this.parts.push(chunk.subarray(from, to));
    this.size += to - from;
  }

  /** The lines these bytes end, in order, to `out`. */
  push(chunk: Uint8Array, out: (l: NdjsonLine) => void): void {
    let start = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (chunk.length > 0 && chunk[0] === 10) start = 1;
    }
    for (let i = start; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b !== 10 && b !== 13) continue;
      this.add(chunk, start, i);
      const l = this.finish();
      if (l) out(l);
      if (b === 13) {
        if (i + 1 < chunk.length) {
          if (chunk[i + 1] === 10) i++;
        } else this.pendingCR = true;
      }
      start = i + 1;
    }
    this.add(chunk, start, chunk.length);
  }

  /** The last line, when the bytes stop without ending it. */
  end(out: (l: NdjsonLine) => void): void {
    if (this.size > 0 || this.tooLong) {
      const l = this.finish();
      if (l) out(l);
    }
  }
}

/** The lines of a byte stream ({@link LineSplitter}). */
async function* numbered(path: string, stream: Readable): AsyncGenerator<NdjsonLine> {
  const split = new LineSplitter(path);
  const ready: NdjsonLine[] = [];
  const take = (l: NdjsonLine) => void ready.push(l);
  try {
    for await (const raw of stream as AsyncIterable<Buffer | string>) {
      // Standard input comes as text; files as bytes.
      split.push(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw, take);
      for (let i = 0; i < ready.length; i++) yield ready[i]!;
      ready.length = 0;
    }
    split.end(take);
    yield* ready;
  } finally {
    // A reader that stops early (cli() in a longer-lived process) leaves no file open.
    stream.destroy();
  }
}

/**
 * An NDJSON file in pieces that end at a line end, as bytes, for the worker
 * threads of `batch --workers` to split, decode and parse
 * ({@link LineSplitter}, numbering from `before`): this thread only finds
 * the last line end of each piece and counts the line ends in it (native
 * searches), so it keeps up with any number of workers. A line with no end
 * in sight past {@link NDJSON_MAX_LINE_BYTES} is passed over here and comes
 * as `{ tooLong }`, its line number. Pieces start small, so that a short
 * file is shared too, and grow to `most` bytes.
 */
export type NdjsonPiece = { readonly bytes: Uint8Array; readonly before: number } | { readonly tooLong: number };

/** Line ends in `b` (LF, CR or CRLF, each one), a CR at the very end counting as one. */
function lineEnds(b: Uint8Array): number {
  let n = 0;
  if (b.indexOf(13) < 0) {
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
    return n;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (b[i + 1] === 10) i++;
    }
  }
  return n;
}

/** A copy with a buffer of its own (not a view into a pooled read buffer), so that it can be moved to a worker. */
const own = (b: Uint8Array, from = 0, to = b.length): Uint8Array => Uint8Array.prototype.slice.call(b, from, to);

export async function* ndjsonPieces(stream: Readable, first = 16 * 1024, most = 1024 * 1024): AsyncGenerator<NdjsonPiece> {
  let size = first;
  let carry: Uint8Array = new Uint8Array(0);
  let lines = 0;
  // Passing over a line too long to hold: its bytes are dropped up to its end.
  let skipping = false;
  // The last piece ended with a CR: an LF first in the next is the rest of that line end.
  let pendingCR = false;
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      let chunk: Uint8Array = raw;
      if (pendingCR) {
        pendingCR = false;
        if (chunk.length > 0 && chunk[0] === 10) chunk = chunk.subarray(1);
      }
      if (skipping) {
        const lf = chunk.indexOf(10);
        const cr = chunk.indexOf(13);
        const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        if (at < 0) continue;
        skipping = false;
        yield { tooLong: ++lines };
        let rest = at + 1;
        if (chunk[at] === 13) {
          if (rest < chunk.length) {
            if (chunk[rest] === 10) rest++;
          } else pendingCR = true;
        }
        chunk = chunk.subarray(rest);
      }
      const data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      if (data.length < size) {
        carry = data === chunk ? own(chunk) : data;
        continue;
      }
      // Cut after the last line end known to be whole: a CR as the last byte may be half of a CRLF.
      const lf = data.lastIndexOf(10);
      const cr = data.length > 1 ? data.lastIndexOf(13, data.length - 2) : -1;
      const cut = Math.max(lf, cr) + 1;
      if (cut === 0) {
        if (data.length > NDJSON_MAX_LINE_BYTES + 1) {
          // Longer than any case may be, whether or not a last CR ends it: not held.
          carry = new Uint8Array(0);
          if (data[data.length - 1] === 13) {
            yield { tooLong: ++lines };
            pendingCR = true;
          } else skipping = true;
        } else carry = data === chunk ? own(chunk) : data;
        continue;
      }
      const bytes = own(data, 0, cut);
      const before = lines;
      lines += lineEnds(bytes);
      yield { bytes, before };
      carry = own(data, cut);
      size = Math.min(most, size * 2);
    }
    if (skipping) yield { tooLong: ++lines };
    else if (carry.length > 0) yield { bytes: carry, before: lines };
  } finally {
    stream.destroy();
  }
}

/** The records of one piece, in order (in a worker thread). */
export function pieceRecords(path: string, piece: NdjsonPiece, out: (rec: CaseRecord) => void): void {
  if ('tooLong' in piece) {
    const line = piece.tooLong;
    out(failed(line, [diagnostic('NDJSON_LINE_TOO_LONG', { file: path, line, column: 1 }, { limit: NDJSON_MAX_LINE_BYTES })]));
    return;
  }
  const split = new LineSplitter(path, piece.before);
  const take = (l: NdjsonLine) => out(ndjsonLineRecord(path, l));
  split.push(piece.bytes, take);
  split.end(take);
}

/**
 * Opens an NDJSON file as {@link ndjsonPieces}, or a diagnostic when it
 * cannot be read (as {@link ndjsonLines} says it).
 */
export async function openNdjsonPieces(path: string): Promise<{ pieces: AsyncIterable<NdjsonPiece> } | { diagnostic: Diagnostic }> {
  const opened = await openNdjson(path);
  return 'diagnostic' in opened ? opened : { pieces: ndjsonPieces(opened.stream) };
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
export function* listRecords(source: Parameters<typeof parseSource>[0], stripKeys: readonly string[]): Generator<CaseRecord> {
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
