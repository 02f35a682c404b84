import { mapSpanOffsets, SpanBuilder, type SpanTable } from './spans.js';

/**
 * A fast reader for the plain YAML that rule files are written in: block
 * mappings and sequences, single-line flow collections, plain and quoted
 * single-line scalars, comments. It builds the plain value and the offsets
 * of every key and value (spans.ts) in one pass over the text, with none of
 * the node tree a general YAML parser builds: on an 11,000-item rule set it
 * reads in well under a second what the general parser needs twenty for.
 *
 * Block scalars (`|`, `>`, with `-` / `+` chomping and, as mapping values,
 * an indentation indicator) are read too, as rule files write them: prose
 * under a key, in lines of one indentation.
 *
 * It accepts a strict subset and gives up (returns undefined) at anything
 * else — anchors, aliases, tags, block scalars with leading blank lines,
 * more-indented folded lines or no final line break, other multi-line
 * scalars or flow collections, directives, tabs, a CR outside a CRLF line end, control
 * characters, empty values, odd
 * indentation, duplicate or forbidden keys, too deep nesting, anything that
 * might be an error. The caller then parses the file with `yaml`, which gives
 * the diagnostics. So this reader never decides what a file means differently
 * from `yaml` (YAML 1.2, core schema): a test compares both on every bundled
 * and hostile file and on generated documents, values and positions alike.
 */

export interface FastParse {
  readonly value: unknown;
  /** Offsets of the root node (yaml's range[0], range[1]). */
  readonly root: readonly [number, number];
  /** Offsets of everything inside the root. */
  readonly spans: SpanTable;
}

/** Why the fast reader stopped: the file goes to the full parser. */
class GiveUp {}
const GIVE_UP = new GiveUp();

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// Characters that never appear in a file this reader accepts (YAML non-printables, tab, CR, BOM inside).
// eslint-disable-next-line no-control-regex
const REFUSED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// YAML 1.2 core schema (as yaml resolves plain scalars).
const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const INF_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value of a plain scalar, as yaml's core schema resolves it. */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only strings starting with one of these can be anything but a string.
  // digits + - . ~ n N t T f F 0
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) {
    return s;
  }
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return s[0] === 't' || s[0] === 'T';
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (INF_NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

const SP = 32;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const LBRACK = 91;
const RBRACK = 93;
const LBRACE = 123;
const RBRACE = 125;
const SQUOTE = 39;
const DQUOTE = 34;
const PIPE = 124;
const GT = 62;
const PLUS = 43;

/** A scalar or collection read, with yaml's range: start, end of the node, end after its trailing space/comment/newline. */
interface Read {
  value: unknown;
  /** Span record of a mapping or sequence; -1 for a scalar. */
  rec: number;
  /** A flow collection (its trailing comments attach as a scalar's do). */
  flow?: boolean;
  start: number;
  end: number;
  after: number;
}

export function parseFast(text: string, maxDepth: number): FastParse | undefined {
  // Files saved with CRLF line ends (Windows editors) are read without their CRs, and the
  // offsets mapped back to the text as it is; a CR anywhere else goes to the full parser.
  const crlf = text.includes('\r');
  const src = crlf ? text.replace(/\r\n/g, '\n') : text;
  if (REFUSED_CHARS.test(src)) return undefined;
  let read: FastParse | undefined;
  try {
    read = new Reader(src, maxDepth).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
  return read && crlf ? withCrs(read, text) : read;
}

/** Offsets in the text without the CRs of its CRLFs → offsets in the text as it is (mixed line ends too). */
function withCrs(read: FastParse, text: string): FastParse {
  // Where each removed CR was, as an offset in the text without them (the offset of its LF there).
  const removed: number[] = [];
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) removed.push(i - removed.length);
  // An offset moves by the number of CRs removed before it.
  const map = (offset: number): number => {
    let lo = 0;
    let hi = removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (removed[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
  return { value: read.value, root: [map(read.root[0]), map(read.root[1])], spans: mapSpanOffsets(read.spans, map) };
}

class Reader {
  private pos = 0;
  private readonly spans = new SpanBuilder();
  private readonly len: number;

  constructor(
    private readonly src: string,
    private readonly maxDepth: number,
  ) {
    this.len = src.length;
  }

  document(): FastParse | undefined {
    const first = this.nextContentLine(0);
    if (first >= this.len) return undefined; // empty or comments only: yaml reports it
    const indent = this.indentAt(first);
    const node = this.block(first, indent, 0);
    // Nothing may follow the root but blank and comment lines.
    if (this.nextContentLine(this.pos) < this.len) throw GIVE_UP;
    return { value: node.value, root: [node.start, node.end], spans: this.spans.finish(node.rec) };
  }

  // ---- lines -----------------------------------------------------------

  /** Start of the first line at or after `lineStart` that has content (not blank, not only a comment); len if none. */
  private nextContentLine(lineStart: number): number {
    const s = this.src;
    let p = lineStart;
    while (p < this.len) {
      let q = p;
      while (q < this.len && s.charCodeAt(q) === SP) q++;
      const c = s.charCodeAt(q);
      if (q >= this.len) return this.len;
      if (c === NL) {
        p = q + 1;
        continue;
      }
      if (c === HASH) {
        const nl = s.indexOf('\n', q);
        if (nl < 0) return this.len;
        p = nl + 1;
        continue;
      }
      // Document markers and directives are beyond this reader.
      if (q === p && (c === 37 /* % */ || ((c === DASH || c === 46) && s.startsWith(c === DASH ? '---' : '...', p)))) throw GIVE_UP;
      return p;
    }
    return this.len;
  }

  private indentAt(lineStart: number): number {
    let q = lineStart;
    while (this.src.charCodeAt(q) === SP) q++;
    return q - lineStart;
  }

  /** After a node on a line: spaces, an optional comment (after a space), the newline. Returns the offset after them. */
  private endOfLine(p: number): number {
    const s = this.src;
    const from = p;
    while (p < this.len && s.charCodeAt(p) === SP) p++;
    if (p >= this.len) return this.len;
    const c = s.charCodeAt(p);
    if (c === HASH) {
      if (p === from) throw GIVE_UP; // "a#b" would be part of a scalar: not expected here
      const nl = s.indexOf('\n', p);
      return nl < 0 ? this.len : nl + 1;
    }
    if (c === NL) return p + 1;
    throw GIVE_UP;
  }

  // ---- block nodes -----------------------------------------------------

  /** A block node whose first token is at `lineStart + indent`. */
  private block(lineStart: number, indent: number, depth: number): Read {
    if (depth > this.maxDepth) throw GIVE_UP;
    const p = lineStart + indent;
    const c = this.src.charCodeAt(p);
    if (c === DASH && this.isBlank(p + 1)) return this.blockSeq(p, indent, depth);
    if (this.keyEnd(p) >= 0) return this.blockMap(p, indent, depth);
    // A lone scalar or flow collection as the whole document.
    if (depth > 0) throw GIVE_UP;
    const node = this.inline(p, depth);
    this.pos = node.after;
    return node;
  }

  /** True when the character at p is a space, a newline or the end. */
  private isBlank(p: number): boolean {
    if (p >= this.len) return true;
    const c = this.src.charCodeAt(p);
    return c === SP || c === NL;
  }

  /**
   * A block mapping whose first key is at `first` (in column `indent`).
   * Ends at the first content line indented less; `this.pos` is left at the start of that line.
   */
  private blockMap(first: number, indent: number, depth: number): Read {
    const s = this.src;
    const out: Record<string, unknown> = {};
    this.spans.open();
    let p = first;
    let end = first;
    let attaches = false;
    let closed = { end: first, after: first };
    for (;;) {
      // Key.
      const key = this.key(p);
      if (FORBIDDEN_KEYS.has(key.name) || Object.prototype.hasOwnProperty.call(out, key.name)) throw GIVE_UP;
      let q = key.colon + 1;
      while (q < this.len && s.charCodeAt(q) === SP) q++;
      let value: Read;
      const c = q < this.len ? s.charCodeAt(q) : NL;
      if (c === NL || c === HASH) {
        if (c === HASH && q === key.colon + 1) throw GIVE_UP;
        // The value is a block node on the following lines.
        const lineEnd = c === NL ? q : s.indexOf('\n', q);
        const next = lineEnd < 0 ? this.len : this.nextContentLine(lineEnd + 1);
        if (next >= this.len) throw GIVE_UP; // empty value
        const nextIndent = this.indentAt(next);
        if (nextIndent > indent) value = this.block(next, nextIndent, depth + 1);
        else if (nextIndent === indent && s.charCodeAt(next + indent) === DASH && this.isBlank(next + indent + 1)) {
          // A sequence at the key's own indentation ("key:\n- a").
          value = this.blockSeq(next + indent, indent, depth + 1);
        } else throw GIVE_UP; // empty value
      } else if (c === PIPE || c === GT) {
        value = this.blockScalar(q, indent, true);
      } else {
        value = this.inline(q, depth + 1);
        this.pos = value.after;
      }
      out[key.name] = value.value;
      this.spans.mapEntry(key.name, key.start, key.end, value.start, value.end, value.rec);
      end = value.after;
      attaches = value.rec < 0 || value.flow === true;
      if (c === PIPE || c === GT) attaches = false;
      // Next entry, or the end of this mapping.
      const next = this.nextContentLine(this.pos);
      if (next >= this.len) {
        closed = this.closing(end, attaches, indent, this.len, this.len);
        break;
      }
      const nextIndent = this.indentAt(next);
      if (nextIndent < indent) {
        closed = this.closing(end, attaches, indent, next, next + nextIndent);
        this.pos = next;
        break;
      }
      if (nextIndent > indent) throw GIVE_UP; // a continuation line or a mistake
      // Same indentation: another key (a "- " here belongs to the enclosing sequence, which the caller sees).
      if (s.charCodeAt(next + indent) === DASH && this.isBlank(next + indent + 1)) {
        closed = this.closing(end, attaches, indent, next, next + nextIndent);
        this.pos = next;
        break;
      }
      p = next + indent;
    }
    return { value: out, rec: this.spans.closeMap(), start: first, end: closed.end, after: closed.after };
  }

  /**
   * A block sequence whose first "-" is at `first` (in column `indent`).
   * yaml ends a sequence's range after the trailing comment and blank lines; its items end after their line.
   */
  private blockSeq(first: number, indent: number, depth: number): Read {
    if (depth > this.maxDepth) throw GIVE_UP;
    const s = this.src;
    const out: unknown[] = [];
    this.spans.open();
    let p = first;
    let end = first;
    let closed = { end: first, after: first };
    for (;;) {
      // p is at "-"; the item starts after the spaces that follow it.
      let q = p + 1;
      while (q < this.len && s.charCodeAt(q) === SP) q++;
      const c = q < this.len ? s.charCodeAt(q) : NL;
      if (c === NL || c === HASH) throw GIVE_UP; // "-" alone on its line
      let item: Read;
      if (c === DASH && this.isBlank(q + 1)) throw GIVE_UP; // "- - x"
      const mapItem = this.keyEnd(q) >= 0;
      const scalarBlock = c === PIPE || c === GT;
      if (mapItem) {
        // A mapping starting on the dash's line: its keys line up with the first one.
        const col = q - this.lineStartOf(q);
        item = this.blockMap(q, col, depth + 1);
      } else if (c === PIPE || c === GT) {
        item = this.blockScalar(q, indent, false);
      } else {
        item = this.inline(q, depth + 1);
        this.pos = item.after;
      }
      out.push(item.value);
      this.spans.seqItem(item.start, item.end, item.rec);
      end = item.after;
      const attaches = !scalarBlock && (item.rec < 0 || item.flow === true) && !mapItem;
      const next = this.nextContentLine(this.pos);
      if (next >= this.len) {
        closed = this.closing(end, attaches, indent, this.len, this.len);
        this.pos = this.len;
        break;
      }
      const nextIndent = this.indentAt(next);
      if (nextIndent > indent) throw GIVE_UP;
      if (nextIndent < indent || !(s.charCodeAt(next + indent) === DASH && this.isBlank(next + indent + 1))) {
        closed = this.closing(end, attaches, indent, next, next + nextIndent);
        this.pos = next;
        break;
      }
      p = next + indent;
    }
    return { value: out, rec: this.spans.closeSeq(), start: first, end: closed.end, after: closed.after };
  }

  /**
   * A block scalar whose indicator (`|` or `>`) is at p, the value of a node
   * indented `parent` (a mapping's keys, a sequence's dashes). Its range, as
   * yaml gives it, runs from the indicator to the end of its last content line
   * (with `+`, of its last blank line); `this.pos` is left there.
   */
  private blockScalar(p: number, parent: number, indicatorAllowed: boolean): Read {
    const s = this.src;
    const folded = s.charCodeAt(p) === GT;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    let explicit = 0;
    let q = p + 1;
    for (let i = 0; i < 2; i++) {
      const c = s.charCodeAt(q);
      if ((c === DASH || c === PLUS) && chomp === 0) {
        chomp = c === DASH ? -1 : 1;
        q++;
      } else if (c >= 49 && c <= 57 && explicit === 0) {
        if (!indicatorAllowed) throw GIVE_UP;
        explicit = c - 48;
        q++;
      }
    }
    // The rest of the header line: spaces, and a comment after a space.
    const lineEnd = s.indexOf('\n', q);
    if (lineEnd < 0) throw GIVE_UP;
    let r = q;
    while (r < lineEnd && s.charCodeAt(r) === SP) r++;
    if (r < lineEnd && !(s.charCodeAt(r) === HASH && r > q)) throw GIVE_UP;
    // Content lines: the first sets the indentation n (unless given); a blank
    // line before it, or a first line not indented past the parent, goes to yaml.
    const first = lineEnd + 1;
    const n = explicit > 0 ? parent + explicit : this.indentAt(first);
    if (first >= this.len || n <= parent) throw GIVE_UP;
    const lines: string[] = [];
    let blanks = 0; // blank lines after the last content line so far
    let contentEnd = first; // after the newline of the last content line
    let blankEnd = first; // after the newline of the last blank line
    let at = first;
    while (at < this.len) {
      const nl = s.indexOf('\n', at);
      if (nl < 0) throw GIVE_UP; // no final line break: yaml's clipping differs from the spec's
      let sp = at;
      while (sp < nl && s.charCodeAt(sp) === SP) sp++;
      if (sp === nl) {
        // A blank line: part of the scalar; one with spaces past n would be content.
        if (sp - at > n) throw GIVE_UP;
        if (lines.length === 0) throw GIVE_UP;
        blanks++;
        blankEnd = nl + 1;
        at = nl + 1;
        continue;
      }
      if (sp - at < n) break; // less indented: the scalar has ended
      if (sp - at > n && folded) throw GIVE_UP; // more-indented lines fold differently
      for (let i = 0; i < blanks; i++) lines.push('');
      blanks = 0;
      lines.push(s.slice(at + n, nl));
      contentEnd = nl + 1;
      blankEnd = nl + 1;
      at = nl + 1;
    }
    if (lines.length === 0) throw GIVE_UP;
    let body = '';
    if (folded) {
      // Between two lines a break becomes a space; k blank lines between them, k breaks.
      let pendingBlanks = 0;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (line === '') {
          pendingBlanks++;
          continue;
        }
        if (i > 0) body += pendingBlanks > 0 ? '\n'.repeat(pendingBlanks) : ' ';
        pendingBlanks = 0;
        body += line;
      }
    } else body = lines.join('\n');
    const value = chomp < 0 ? body : chomp === 0 ? body + '\n' : body + '\n'.repeat(1 + blanks);
    const end = chomp > 0 ? blankEnd : contentEnd;
    this.pos = end;
    return { value, rec: -1, start: p, end, after: end };
  }

  /**
   * yaml's two ends of a block collection indented `indent` whose last entry
   * ends at `from` (after its line), when only blank and comment lines lie
   * between there and the next content line (`lineTo`; its first token at
   * `tokenAt`), as yaml's parser attaches those comments:
   * - after a scalar or flow value (`attaches`), comment lines indented more
   *   than the collection belong to that value, up to the first that is not:
   *   the collection's range (`end`) runs over them;
   * - the comments left over stay with the collection when one of them is
   *   indented as far as it or further (and it is not in column 0): its outer
   *   end (`after`, where its parent's range ends) is then the next token;
   *   otherwise they go to the parent, which decides alike when it ends.
   */
  private closing(from: number, attaches: boolean, indent: number, lineTo: number, tokenAt: number): { end: number; after: number } {
    const s = this.src;
    let end = from;
    let p = from;
    let keep = false;
    let attaching = attaches;
    while (p < lineTo) {
      const nl = s.indexOf('\n', p);
      const next = nl < 0 || nl >= lineTo ? lineTo : nl + 1;
      let q = p;
      while (q < next && s.charCodeAt(q) === SP) q++;
      if (q < next && s.charCodeAt(q) === HASH) {
        const col = q - p;
        if (attaching && col > indent) end = nl < 0 ? this.len : nl + 1;
        else {
          attaching = false;
          if (col >= indent) keep = true;
        }
      }
      p = next;
    }
    return { end, after: keep && indent !== 0 ? tokenAt : end };
  }

  private lineStartOf(p: number): number {
    return this.src.lastIndexOf('\n', p - 1) + 1;
  }

  /**
   * If an implicit key starts at p (a plain or quoted scalar on this line followed by ":" and a
   * space or the end of the line), the offset of that ":"; otherwise -1.
   */
  private keyEnd(p: number): number {
    const s = this.src;
    const c = s.charCodeAt(p);
    if (c === LBRACK || c === LBRACE) return -1;
    let q: number;
    if (c === DQUOTE || c === SQUOTE) {
      q = this.quotedEnd(p);
      while (q < this.len && s.charCodeAt(q) === SP) q++;
      return s.charCodeAt(q) === COLON && this.isBlank(q + 1) ? q : -1;
    }
    // A plain key: up to ": " or ":" at the end of the line, before any " #".
    for (q = p; q < this.len; q++) {
      const d = s.charCodeAt(q);
      if (d === NL) return -1;
      if (d === HASH && q > p && s.charCodeAt(q - 1) === SP) return -1;
      if (d === COLON && this.isBlank(q + 1)) return q;
    }
    return -1;
  }

  /** The key at p: its name (as yaml turns a key into a property name), offsets, and its ":". */
  private key(p: number): { name: string; start: number; end: number; colon: number } {
    const s = this.src;
    const colon = this.keyEnd(p);
    if (colon < 0) throw GIVE_UP;
    const c = s.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const end = this.quotedEnd(p);
      return { name: this.quoted(p, end), start: p, end, colon };
    }
    let end = colon;
    while (end > p && s.charCodeAt(end - 1) === SP) end--;
    const raw = s.slice(p, end);
    this.checkPlainStart(raw, false);
    // yaml limits implicit keys to 1024 characters.
    if (colon - p > 1000) throw GIVE_UP;
    return { name: String(resolvePlain(raw)), start: p, end, colon };
  }

  // ---- nodes on one line ---------------------------------------------

  /** A scalar or flow collection starting at p, ending on the same line. */
  private inline(p: number, depth: number): Read {
    if (depth > this.maxDepth) throw GIVE_UP;
    const s = this.src;
    const c = s.charCodeAt(p);
    let value: unknown;
    let rec = -1;
    let end: number;
    if (c === LBRACK || c === LBRACE) {
      const r = this.flow(p, depth);
      value = r.value;
      rec = r.rec;
      end = r.end;
    } else if (c === DQUOTE || c === SQUOTE) {
      end = this.quotedEnd(p);
      value = this.quoted(p, end);
    } else {
      // A plain scalar in block context: to the end of the line or a " #" comment.
      let stop = p;
      for (; stop < this.len; stop++) {
        const d = s.charCodeAt(stop);
        if (d === NL || (d === HASH && s.charCodeAt(stop - 1) === SP)) break;
      }
      end = stop;
      while (end > p && s.charCodeAt(end - 1) === SP) end--;
      const raw = s.slice(p, end);
      this.checkPlainStart(raw, false);
      // ": " inside would make it a mapping; yaml would complain or read it differently.
      if (raw.includes(': ') || raw.charCodeAt(raw.length - 1) === COLON) throw GIVE_UP;
      value = resolvePlain(raw);
    }
    return { value, rec, ...(rec >= 0 ? { flow: true } : {}), start: p, end, after: this.endOfLine(end) };
  }

  /** Refuses plain scalars that start with an indicator or are empty. */
  private checkPlainStart(raw: string, flow: boolean): void {
    if (raw.length === 0) throw GIVE_UP;
    const c = raw.charCodeAt(0);
    // - ? : , [ ] { } # & * ! | > ' " % @ `
    if (c === DASH || c === 63 || c === COLON) {
      const d = raw.charCodeAt(1);
      if (raw.length === 1 || d === SP) throw GIVE_UP;
      if (flow && (d === COMMA || d === LBRACK || d === RBRACK || d === LBRACE || d === RBRACE)) throw GIVE_UP;
      return;
    }
    if (
      c === COMMA || c === LBRACK || c === RBRACK || c === LBRACE || c === RBRACE || c === HASH || c === 38 || c === 42 ||
      c === 33 || c === 124 || c === 62 || c === SQUOTE || c === DQUOTE || c === 37 || c === 64 || c === 96
    ) {
      throw GIVE_UP;
    }
  }

  /** Offset after the closing quote of a quoted scalar at p (on the same line). */
  private quotedEnd(p: number): number {
    const s = this.src;
    const q = s.charCodeAt(p);
    let i = p + 1;
    for (;;) {
      if (i >= this.len) throw GIVE_UP;
      const c = s.charCodeAt(i);
      if (c === NL) throw GIVE_UP; // multi-line: folding rules are the full parser's job
      if (q === DQUOTE && c === 92 /* \ */) {
        i += 2;
        continue;
      }
      if (c === q) {
        if (q === SQUOTE && s.charCodeAt(i + 1) === SQUOTE) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
  }

  private quoted(p: number, end: number): string {
    const s = this.src;
    if (s.charCodeAt(p) === SQUOTE) return s.slice(p + 1, end - 1).replace(/''/g, "'");
    const body = s.slice(p, end);
    if (!body.includes('\\')) return body.slice(1, -1);
    // Only the escapes YAML shares with JSON; the rest (\x, \U, \N, \_, ...) go to the full parser.
    if (/\\[^"\\/bfnrtu]/.test(body)) throw GIVE_UP;
    try {
      return JSON.parse(body) as string;
    } catch {
      throw GIVE_UP;
    }
  }

  // ---- flow collections (on one line) --------------------------------

  private skipFlowSpace(p: number): number {
    const s = this.src;
    while (p < this.len) {
      const c = s.charCodeAt(p);
      if (c === SP) p++;
      else if (c === NL || c === HASH) throw GIVE_UP; // multi-line flow or a comment inside
      else return p;
    }
    throw GIVE_UP;
  }

  private flow(p: number, depth: number): { value: unknown; rec: number; end: number } {
    if (depth > this.maxDepth) throw GIVE_UP;
    const s = this.src;
    const isMap = s.charCodeAt(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACK;
    const out: unknown = isMap ? {} : [];
    this.spans.open();
    const done = (end: number) => ({ value: out, rec: isMap ? this.spans.closeMap() : this.spans.closeSeq(), end });
    let q = this.skipFlowSpace(p + 1);
    if (s.charCodeAt(q) === close) return done(q + 1);
    for (;;) {
      if (isMap) {
        const k = this.flowScalar(q, true);
        const name = String(k.value);
        if (FORBIDDEN_KEYS.has(name) || Object.prototype.hasOwnProperty.call(out, name)) throw GIVE_UP;
        q = this.skipFlowSpace(k.end);
        if (s.charCodeAt(q) !== COLON || s.charCodeAt(q + 1) !== SP) throw GIVE_UP;
        q = this.skipFlowSpace(q + 1);
        const v = this.flowNode(q, depth + 1);
        (out as Record<string, unknown>)[name] = v.value;
        this.spans.mapEntry(name, k.start, k.end, v.start, v.end, v.rec);
        q = this.skipFlowSpace(v.end);
      } else {
        const v = this.flowNode(q, depth + 1);
        (out as unknown[]).push(v.value);
        this.spans.seqItem(v.start, v.end, v.rec);
        q = this.skipFlowSpace(v.end);
        if (s.charCodeAt(q) === COLON) throw GIVE_UP; // "[a: b]" is a mapping inside a sequence
      }
      const c = s.charCodeAt(q);
      if (c === close) return done(q + 1);
      if (c !== COMMA) throw GIVE_UP;
      q = this.skipFlowSpace(q + 1);
      if (s.charCodeAt(q) === close) throw GIVE_UP; // a trailing comma: yaml's business
    }
  }

  private flowNode(p: number, depth: number): { value: unknown; rec: number; start: number; end: number } {
    if (depth > this.maxDepth) throw GIVE_UP;
    const c = this.src.charCodeAt(p);
    if (c === LBRACK || c === LBRACE) {
      const r = this.flow(p, depth);
      return { value: r.value, rec: r.rec, start: p, end: r.end };
    }
    return this.flowScalar(p, false);
  }

  /** A quoted or plain scalar inside a flow collection. */
  private flowScalar(p: number, isKey: boolean): { value: unknown; rec: number; start: number; end: number } {
    const s = this.src;
    const c = s.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const end = this.quotedEnd(p);
      return { value: this.quoted(p, end), rec: -1, start: p, end };
    }
    // Plain: up to a flow indicator, ": " (or ":" before an indicator), " #" or the line's end.
    let q = p;
    for (; q < this.len; q++) {
      const d = s.charCodeAt(q);
      if (d === COMMA || d === LBRACK || d === RBRACK || d === LBRACE || d === RBRACE || d === NL) break;
      if (d === COLON) {
        const e = s.charCodeAt(q + 1);
        if (e === SP || e === COMMA || e === RBRACK || e === RBRACE || e === NL || q + 1 >= this.len) break;
      }
      if (d === HASH && s.charCodeAt(q - 1) === SP) throw GIVE_UP;
    }
    let end = q;
    while (end > p && s.charCodeAt(end - 1) === SP) end--;
    const raw = s.slice(p, end);
    this.checkPlainStart(raw, true);
    if (isKey && end - p > 1000) throw GIVE_UP;
    return { value: resolvePlain(raw), rec: -1, start: p, end };
  }
}
