import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/index.js';
import { lineColumn, tooDeepAt } from './depth.js';
import { parseFast } from './fast-yaml.js';
import { LineIndex, SpanBuilder, spanOf, type SpanTable } from './spans.js';

/** A file as given to the pure loader: its path (for messages) and its content. */
export interface SourceInput {
  readonly path: string;
  readonly text: string | Uint8Array;
}

export interface ParseLimits {
  /** Largest accepted file, in bytes of UTF-8. Default 32 MiB. */
  readonly maxFileBytes?: number;
  /** Deepest accepted nesting of mappings and sequences. Default 64. */
  readonly maxDepth?: number;
  /** Most nodes that aliases may add to a file when expanded. Default 100,000. */
  readonly maxAliasNodes?: number;
}

export const DEFAULT_LIMITS: Required<ParseLimits> = {
  maxFileBytes: 32 * 1024 * 1024,
  maxDepth: 64,
  maxAliasNodes: 100_000,
};

/** What the nesting scan before parsing allows for a depth limit (see depth.ts). */
export function scanBound(maxDepth: number): number {
  return 2 * maxDepth + 8;
}

/** JSON Pointer (RFC 6901) of a path in the data. */
export function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Most problems of one kind reported for a file: past that, more lines help nobody. */
export const MAX_REPORTED = 200;

/** Largest case file accepted: a case is a few kilobytes; its lists are capped too. */
export const CASE_MAX_BYTES = 256 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Offset → line and column: yaml's LineCounter, or the fast reader's LineIndex. */
interface Lines {
  linePos(offset: number): { line: number; col: number };
}

/** The lines of a source without text (a value given through the API): never read, shared. */
const NO_LINES: Lines = { linePos: (offset) => ({ line: 0, col: offset }) }; // as an empty LineCounter answers

/**
 * A parsed YAML file: its plain value and a way back from any path in that
 * value to a line and column in the text (offsets recorded while parsing, see
 * spans.ts; no YAML node tree is kept).
 */
export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly value: unknown;
  private readonly lines: Lines;
  /** Offsets of the root node; undefined when there is none (a value given through the API). */
  private readonly root: readonly [number, number] | undefined;
  private readonly spans: SpanTable | undefined;

  constructor(path: string, text: string, value: unknown, lines: Lines, root: readonly [number, number] | undefined, spans: SpanTable | undefined) {
    this.path = path;
    this.text = text;
    this.value = value;
    this.lines = lines;
    this.root = root;
    this.spans = spans;
  }

  /**
   * The same file without its value: positions only. A loader that has validated
   * the value (and holds the validated copy) keeps this, so the parsed value can go.
   */
  positionsOnly(): SourceFile {
    return new SourceFile(this.path, this.text, undefined, this.lines, this.root, this.spans);
  }

  /** Position of a character offset. */
  placeAt(offset: number, endOffset?: number): Place {
    const start = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    const place: Place = { file: this.path, line: start.line, column: start.col };
    if (endOffset === undefined || endOffset <= offset) return place;
    const end = this.lines.linePos(Math.min(endOffset, this.text.length));
    return { ...place, endLine: end.line, endColumn: end.col };
  }

  /** Position of the start of the file. */
  get start(): Place {
    return { file: this.path, line: 1, column: 1 };
  }

  /**
   * Position of the value at `path` (or of its key when `key` is set). When the
   * path does not exist (a missing key), the nearest existing ancestor is used.
   */
  locate(path: readonly PropertyKey[], key = false): Place {
    const pointer = pointerOf(path);
    if (!this.root) return { ...this.start, pointer };
    const [from, to] = this.spans ? spanOf(this.spans, this.root[0], this.root[1], path, key) : this.root;
    return { ...this.placeAt(from, to), pointer };
  }

  /** A source made from a plain value (API input): positions are unknown, pointers still say where. */
  static fromValue(path: string, value: unknown): SourceFile {
    return new SourceFile(path, '', value, NO_LINES, undefined, undefined);
  }
}

function byteLength(text: string): number {
  // Cheap upper bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
  return new TextEncoder().encode(text).length;
}

function decode(path: string, bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Find the first offending byte to point at it.
    let lo = 0;
    let hi = bytes.length;
    const dec = new TextDecoder('utf-8', { fatal: true });
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        dec.decode(bytes.subarray(0, mid), { stream: true });
        dec.decode();
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    const good = new TextDecoder('utf-8').decode(bytes.subarray(0, lo));
    const lines = good.split('\n');
    return {
      diagnostic: diagnostic(
        'FILE_NOT_UTF8',
        { file: path, line: lines.length, column: lines[lines.length - 1]!.length + 1 },
        { offset: lo },
      ),
    };
  }
}

function yamlErrorDiagnostic(file: SourceFile, err: YAMLError): Diagnostic {
  const place = file.placeAt(err.pos[0], err.pos[1]);
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return diagnostic('YAML_TAB_INDENT', place);
    case 'DUPLICATE_KEY': {
      // yaml points at the key's first character only: read the whole key (plain or quoted).
      const m = /^(?:\? *)?("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:,{}\[\]\n]+?)\s*(?::|$)/m.exec(file.text.slice(err.pos[0], err.pos[0] + 1024));
      const raw = (m?.[1] ?? file.text.slice(err.pos[0], err.pos[1])).trim();
      const key = (/^["']/.test(raw) ? raw.slice(1, -1) : raw).slice(0, 80) || '?';
      return diagnostic('YAML_DUPLICATE_KEY', place, { key });
    }
    case 'MULTIPLE_DOCS':
      return diagnostic('YAML_MULTIPLE_DOCUMENTS', place);
    case 'RESOURCE_EXHAUSTION':
      return diagnostic('YAML_TOO_DEEP', place, { limit: DEFAULT_LIMITS.maxDepth });
    case 'TAG_RESOLVE_FAILED': {
      const tag = /Unresolved tag: (\S+)/.exec(err.message)?.[1] ?? 'tag';
      return diagnostic('YAML_UNKNOWN_TAG', place, { tag: tag.replace('tag:yaml.org,2002:', '!!') });
    }
    default: {
      const detail = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return diagnostic('YAML_SYNTAX', place, { detail });
    }
  }
}

class Stop extends Error {
  constructor(readonly d: Diagnostic) {
    super(d.message);
  }
}

/**
 * Parses one YAML file into a plain value, keeping the offsets of each key and
 * value (spans.ts). Plain files are read by the fast reader (fast-yaml.ts);
 * the rest, and every file with a problem, by yaml. `fullParserOnly` skips the
 * fast reader (tests compare the two). Never throws for bad input: every
 * problem is a diagnostic with its position.
 */
export function parseSource(
  input: SourceInput,
  limits: ParseLimits = {},
  options: { readonly fullParserOnly?: boolean } = {},
): { file?: SourceFile; diagnostics: Diagnostic[] } {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const path = input.path;
  const startPlace: Place = { file: path, line: 1, column: 1 };
  let text: string;
  if (typeof input.text === 'string') {
    text = input.text;
    const size = text.length > lim.maxFileBytes / 3 ? byteLength(text) : text.length;
    if (size > lim.maxFileBytes) {
      return { diagnostics: [diagnostic('FILE_TOO_LARGE', startPlace, { size, limit: lim.maxFileBytes })] };
    }
  } else {
    if (input.text.length > lim.maxFileBytes) {
      return {
        diagnostics: [diagnostic('FILE_TOO_LARGE', startPlace, { size: input.text.length, limit: lim.maxFileBytes })],
      };
    }
    const decoded = decode(path, input.text);
    if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic] };
    text = decoded.text!;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  if (!options.fullParserOnly) {
    // Plain files (nearly all rule files) take the fast reader, which bounds its own depth (past
    // maxDepth, counted as the converter counts, it gives up); anything it does not take on,
    // including every file with a problem, goes to yaml for the diagnostics.
    const fast = parseFast(text, lim.maxDepth);
    if (fast && fast.value !== null) {
      return { file: new SourceFile(path, text, fast.value, new LineIndex(text), fast.root, fast.spans), diagnostics: [] };
    }
  }
  // yaml never sees text nested deeper than it can take (depth.ts). The scan's count may run up to
  // twice the real depth, so it stops at twice the limit; the exact limit is applied while converting.
  const deep = tooDeepAt(text, scanBound(lim.maxDepth));
  if (deep >= 0) {
    // Point at the first place past the limit itself (at or before where the scan stopped).
    const first = tooDeepAt(text, lim.maxDepth);
    return { diagnostics: [diagnostic('YAML_TOO_DEEP', { file: path, ...lineColumn(text, first >= 0 ? first : deep) }, { limit: lim.maxDepth })] };
  }
  return parseWithYaml(path, text, lim);
}

function parseWithYaml(path: string, text: string, lim: Required<ParseLimits>): { file?: SourceFile; diagnostics: Diagnostic[] } {
  const startPlace: Place = { file: path, line: 1, column: 1 };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    // Duplicate keys are found while converting (linear); yaml's own check is quadratic.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    version: '1.2',
    schema: 'core',
    merge: false,
    customTags: [],
    keepSourceTokens: false,
  });
  const probe = new SourceFile(path, text, undefined, lineCounter, undefined, undefined);
  const spans = new SpanBuilder();
  // Span record of the node converted last (convert returns the value; this is its second result).
  let lastRec = -1;
  const diagnostics: Diagnostic[] = [];
  // Index of the one YAML_TOO_DEEP kept (tracked, not searched: 100,000s of errors must stay linear).
  let prior = -1;
  for (const err of doc.errors) {
    const d = yamlErrorDiagnostic(probe, err);
    // Deep nesting yields one error per level: keep the first.
    if (d.code === 'YAML_TOO_DEEP' && prior >= 0) {
      const p = diagnostics[prior]!;
      if (d.line < p.line || (d.line === p.line && d.column < p.column)) diagnostics[prior] = d;
      continue;
    }
    if (d.code === 'YAML_TOO_DEEP') prior = diagnostics.length;
    diagnostics.push(d);
  }
  for (const warn of doc.warnings) {
    if (warn.code === 'TAG_RESOLVE_FAILED') diagnostics.push(yamlErrorDiagnostic(probe, warn));
  }
  if (diagnostics.length > 0) return { diagnostics };

  // Each alias's target, found in one pass (the last anchor of that name
  // before the alias, as Alias.resolve does; calling it per alias walks the
  // whole document each time, quadratic: 16,000 aliases in 64 KB took 47 s).
  const targets = new Map<YamlNode, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  const resolve = (node: YamlNode): YamlNode | undefined => targets.get(node);

  // Expanded size of a node, aliases followed, memoised: an alias bomb is
  // caught by arithmetic before anything is built.
  const sizes = new Map<YamlNode, number>();
  const expandedSize = (node: YamlNode | null | undefined, depth: number): number => {
    if (node === null || node === undefined || depth > lim.maxDepth) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, Infinity); // a cycle counts as unbounded
    let size = 1;
    if (isAlias(node)) size = expandedSize(resolve(node), depth + 1);
    else if (isMap(node)) for (const p of node.items) size += expandedSize(p.value as YamlNode | null, depth + 1);
    else if (isSeq(node)) for (const i of node.items) size += expandedSize(i as YamlNode | null, depth + 1);
    sizes.set(node, Math.min(size, Number.MAX_SAFE_INTEGER));
    return Math.min(size, Number.MAX_SAFE_INTEGER);
  };
  const duplicates: Diagnostic[] = [];
  let aliasNodes = 0;
  const convert = (node: YamlNode | null | undefined, depth: number, aliasDepth: number): unknown => {
    lastRec = -1;
    if (node === null || node === undefined) return null;
    if (isAlias(node) && aliasDepth === 0) {
      aliasNodes += expandedSize(node, 0);
      if (aliasNodes > lim.maxAliasNodes) {
        throw new Stop(diagnostic('YAML_ALIAS_LIMIT', probe.placeAt(node.range?.[0] ?? 0), { limit: lim.maxAliasNodes }));
      }
    }
    if (depth > lim.maxDepth) {
      throw new Stop(diagnostic('YAML_TOO_DEEP', probe.placeAt(node.range?.[0] ?? 0), { limit: lim.maxDepth }));
    }
    if (isAlias(node)) {
      const target = resolve(node);
      if (!target || aliasDepth > lim.maxDepth) {
        throw new Stop(
          diagnostic('YAML_SYNTAX', probe.placeAt(node.range?.[0] ?? 0), { detail: `unresolved alias *${node.source}` }),
        );
      }
      return convert(target, depth, aliasDepth + 1);
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'bigint') return Number(v);
      return v;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      spans.open();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === 'object')) {
          throw new Stop(
            diagnostic('YAML_SYNTAX', probe.placeAt(keyNode?.range?.[0] ?? node.range?.[0] ?? 0), {
              detail: 'only plain scalar keys are allowed',
            }),
          );
        }
        const key = String(keyNode.value);
        if (FORBIDDEN_KEYS.has(key)) {
          throw new Stop(
            diagnostic('FORBIDDEN_KEY', probe.placeAt(keyNode.range?.[0] ?? 0, keyNode.range?.[1]), { key }),
          );
        }
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          // 1 and "1" are one key too: the second would silently replace the first.
          duplicates.push(diagnostic('YAML_DUPLICATE_KEY', probe.placeAt(keyNode.range?.[0] ?? 0, keyNode.range?.[1]), { key }));
          continue;
        }
        out[key] = convert(pair.value as YamlNode | null, depth + 1, aliasDepth);
        const valueRange = (pair.value as YamlNode | null)?.range;
        spans.mapEntry(key, keyNode.range?.[0] ?? 0, keyNode.range?.[1] ?? 0, valueRange ? valueRange[0] : -1, valueRange ? valueRange[1] : -1, lastRec);
      }
      lastRec = spans.closeMap();
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      spans.open();
      for (const item of node.items) {
        out.push(convert(item as YamlNode | null, depth + 1, aliasDepth));
        const r = (item as YamlNode | null)?.range;
        spans.seqItem(r ? r[0] : 0, r ? r[1] : 0, lastRec);
      }
      lastRec = spans.closeSeq();
      return out;
    }
    return null;
  };

  let value: unknown;
  let rootRec = -1;
  try {
    value = convert(doc.contents as YamlNode | null, 0, 0);
    rootRec = lastRec;
  } catch (e) {
    if (e instanceof Stop) return { diagnostics: [e.d] };
    if (e instanceof RangeError) {
      return { diagnostics: [diagnostic('YAML_TOO_DEEP', startPlace, { limit: lim.maxDepth })] };
    }
    throw e;
  }
  if (duplicates.length > 0) return { diagnostics: duplicates.slice(0, MAX_REPORTED) };
  const root = (doc.contents as YamlNode | null)?.range;
  const file = new SourceFile(path, text, value, lineCounter, root ? [root[0], root[1]] : undefined, spans.finish(rootRec));
  if (value === null || value === undefined) {
    diagnostics.push(diagnostic('FILE_EMPTY', startPlace));
  }
  return { file, diagnostics };
}
