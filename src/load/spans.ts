/**
 * Where each part of a parsed YAML value came from, as character offsets.
 *
 * Both parsers (the full `yaml` one and the fast one for plain files, see
 * fast-yaml.ts) record the same compact table while they build a value: for
 * every mapping and sequence, the offsets of its keys and values, packed into
 * one Int32Array per file. Offsets become line:column only when a position is
 * asked for, and no YAML node tree is kept once a file is converted (an
 * 11,000-item rule set would otherwise hold a gigabyte of nodes; objects per
 * container would still hold several hundred megabytes).
 *
 * Offsets follow yaml's node ranges (`range[0]`, `range[1]`), so both parsers
 * give the same positions to the character. A position is found from a path
 * alone: the value need not be kept once it is validated.
 */

const MAP = 0;
const SEQ = 1;
/** Ints per mapping entry: key index, key start, key end, value start, value end (-1: no value node), child record (-1: scalar). */
const MAP_WIDTH = 6;
/** Ints per sequence item: start, end, child record (-1: scalar). */
const SEQ_WIDTH = 3;

/** The packed table: records `[kind, entries, ...entries]`, children before their parents. */
export interface SpanTable {
  readonly data: Int32Array;
  readonly keys: readonly string[];
  /** Record of the root container, -1 when the root is a scalar. */
  readonly root: number;
}

/**
 * Builds a {@link SpanTable} while a value is built. A container is opened
 * before its contents are read and closed after: its entries wait on a stack
 * meanwhile, so nested containers are written first and their record index is
 * known when the parent's entry is added.
 */
export class SpanBuilder {
  private data = new Int32Array(4096);
  private length = 0;
  private readonly keys: string[] = [];
  private readonly pending: number[] = [];
  private readonly marks: number[] = [];

  open(): void {
    this.marks.push(this.pending.length);
  }

  mapEntry(key: string, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number, child: number): void {
    this.pending.push(this.keys.length, keyStart, keyEnd, valueStart, valueEnd, child);
    this.keys.push(key);
  }

  seqItem(start: number, end: number, child: number): void {
    this.pending.push(start, end, child);
  }

  /** Writes the container opened last; returns its record index. */
  closeMap(): number {
    return this.close(MAP, MAP_WIDTH);
  }

  closeSeq(): number {
    return this.close(SEQ, SEQ_WIDTH);
  }

  private close(kind: number, width: number): number {
    const mark = this.marks.pop()!;
    const n = this.pending.length - mark;
    if (this.length + n + 2 > this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, this.length + n + 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    const at = this.length;
    this.data[at] = kind;
    this.data[at + 1] = n / width;
    for (let i = 0; i < n; i++) this.data[at + 2 + i] = this.pending[mark + i]!;
    this.pending.length = mark;
    this.length = at + 2 + n;
    return at;
  }

  finish(root: number): SpanTable {
    return { data: this.data.slice(0, this.length), keys: this.keys, root };
  }
}

/** The same table with every offset passed through `map` (key indexes and child records unchanged). */
export function mapSpanOffsets(table: SpanTable, map: (offset: number) => number): SpanTable {
  const data = table.data.slice();
  for (let r = 0; r < data.length; ) {
    const kind = data[r]!;
    const n = data[r + 1]!;
    const width = kind === MAP ? MAP_WIDTH : SEQ_WIDTH;
    for (let j = 0; j < n; j++) {
      const b = r + 2 + j * width;
      if (kind === MAP) {
        data[b + 1] = map(data[b + 1]!);
        data[b + 2] = map(data[b + 2]!);
        if (data[b + 3]! >= 0) {
          data[b + 3] = map(data[b + 3]!);
          data[b + 4] = map(data[b + 4]!);
        }
      } else {
        data[b] = map(data[b]!);
        data[b + 1] = map(data[b + 1]!);
      }
    }
    r += 2 + n * width;
  }
  return { data, keys: table.keys, root: table.root };
}

/**
 * Offsets of the node at `path` (or of its key when `key` is set), starting
 * from the root's; when the path leaves the table (a missing key, an index out
 * of range, a scalar), those of the nearest existing ancestor.
 */
export function spanOf(table: SpanTable, rootFrom: number, rootTo: number, path: readonly PropertyKey[], key: boolean): [number, number] {
  const { data, keys } = table;
  let record = table.root;
  let from = rootFrom;
  let to = rootTo;
  for (let i = 0; i < path.length && record >= 0; i++) {
    const seg = path[i]!;
    const n = data[record + 1]!;
    let base = -1;
    if (data[record] === MAP) {
      const name = String(seg);
      for (let j = 0; j < n; j++) {
        const b = record + 2 + j * MAP_WIDTH;
        if (keys[data[b]!] === name) {
          base = b;
          break;
        }
      }
      if (base < 0) break;
      if ((i === path.length - 1 && key) || data[base + 3]! < 0) {
        from = data[base + 1]!;
        to = data[base + 2]!;
      } else {
        from = data[base + 3]!;
        to = data[base + 4]!;
      }
      record = data[base + 5]!;
    } else {
      const k = Number(seg);
      if (!Number.isInteger(k) || k < 0 || k >= n) break;
      base = record + 2 + k * SEQ_WIDTH;
      from = data[base]!;
      to = data[base + 1]!;
      record = data[base + 2]!;
    }
  }
  return [from, to];
}

/** Start offsets of the lines of a text, for offset → line:column (1-based, in UTF-16 units as yaml counts). */
export class LineIndex {
  private starts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  private build(): Int32Array {
    let count = 1;
    const text = this.text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    return starts;
  }

  /** Line and column of an offset. */
  linePos(offset: number): { line: number; col: number } {
    const starts = (this.starts ??= this.build());
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  }
}
