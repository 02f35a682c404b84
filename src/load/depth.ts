/**
 * A bound on nesting, found before any parser sees the text. The `yaml`
 * library recurses per level (and builds per-indent regular expressions): a
 * 10 KB file of `- - - - … x` thousands deep overflows its stack, and a
 * larger one aborts the process with an out-of-memory no caller can catch.
 * JSON.parse and everything after it recurse too. So every text (rule file,
 * case file, NDJSON line, JSON) is scanned once, in linear time and constant
 * stack, for how deep it can nest.
 *
 * Each open flow bracket `[` `{` outside quotes and comments is one level;
 * in block context, each compact indicator (`- `, `? `, `: `) opens a node
 * one deeper on the same line, a `key:` opens its value one deeper, and a
 * line indented under another starts as deep as what that line opened.
 * Block scalar (`|`, `>`) content is skipped. The count is the converter's
 * on the usual shapes (and points where it would) and runs one level low
 * where a sequence sits at its key's indentation; callers stop at twice
 * their limit plus a margin and leave the exact limit to the converter.
 */

/** The offset where nesting first goes deeper than `maxDepth`, or -1. */
export function tooDeepAt(text: string, maxDepth: number): number {
  const n = text.length;
  let flow = 0;
  // Depth of the node a flow collection opened at flow level 1 would be (the converter's count: the root is 0).
  let base = 0;
  // The block lines still open, by indentation: each with the depth it starts at and the depth of what nests under it.
  const indents: number[] = [];
  const starts: number[] = [];
  const opens: number[] = [];
  let i = 0;
  // Inside a block scalar: lines indented more than this belong to it.
  let blockScalarIndent = -1;
  let quote = 0; // 0, or the char code of the open quote (a quoted scalar can span lines)
  while (i < n) {
    // Start of a line.
    let indent = 0;
    while (i + indent < n && text.charCodeAt(i + indent) === 32) indent++;
    const lineStart = i;
    i += indent;
    const c0 = i < n ? text.charCodeAt(i) : 10;
    const blank = c0 === 10 || c0 === 13 || (c0 === 35 && quote === 0);
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) {
        i = lineEnd(text, i);
        continue;
      }
      blockScalarIndent = -1;
    }
    if (quote === 0 && flow === 0 && !blank) {
      while (indents.length > 0 && indents[indents.length - 1]! > indent) {
        indents.pop();
        starts.pop();
        opens.pop();
      }
      const top = indents.length - 1;
      if (top >= 0 && indents[top] === indent) base = starts[top]!; // a sibling of the line above
      else {
        // Nested under the line above (the root is level 0, as the converter counts).
        base = top >= 0 ? opens[top]! : 0;
        indents.push(indent);
        starts.push(base);
        opens.push(base);
      }
      if (base > maxDepth) return lineStart + indent;
      // Compact nesting on one line: `- - - x`, `? - x`; each indicator opens a node one deeper.
      while (i < n) {
        const c = text.charCodeAt(i);
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 10;
        if ((c === 45 || c === 63 || c === 58) && (next === 32 || next === 10 || next === 13)) {
          base++;
          i++;
          while (i < n && text.charCodeAt(i) === 32) i++;
          if (base > maxDepth) return i;
        } else break;
      }
    }
    // The rest of the line: quotes, comments, flow brackets, a block key's value.
    let prev = 32;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (quote !== 0) {
        // Jump to the next character that can end the quoted text (or the line).
        const re = quote === 34 ? IN_DOUBLE : IN_SINGLE;
        re.lastIndex = i;
        if (re.test(text)) {
          i = re.lastIndex;
          prev = text.charCodeAt(i - 1);
          continue;
        }
        if (c === quote) {
          if (quote === 39 && i + 1 < n && text.charCodeAt(i + 1) === 39) i++; // '' inside '…'
          else quote = 0;
        } else if (quote === 34 && c === 92) i++; // \x inside "…"
        prev = c;
        i++;
        continue;
      }
      // A run of ordinary characters changes nothing: skip it at once.
      PLAIN_RUN.lastIndex = i;
      if (PLAIN_RUN.test(text)) {
        i = PLAIN_RUN.lastIndex;
        prev = text.charCodeAt(i - 1);
        continue;
      }
      if (c === 35 && (prev === 32 || prev === 9)) break;
      const starts = prev === 32 || prev === 9 || prev === 91 || prev === 123 || prev === 44 || prev === 58;
      if ((c === 34 || c === 39) && starts) quote = c;
      else if (c === 91 || c === 123) {
        flow++;
        if (base + flow - 1 > maxDepth) return i;
      } else if (c === 93 || c === 125) {
        if (flow > 0) flow--;
      } else if (c === 58 && flow === 0 && (i + 1 >= n || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 13)) {
        // `key: value`: the value is one deeper than the mapping.
        base++;
      }
      prev = c;
      i++;
    }
    if (flow === 0 && quote === 0 && opens.length > 0) opens[opens.length - 1] = base;
    // `key: |` / `- >-` … : the lines after belong to a block scalar.
    if (quote === 0 && flow === 0 && blockScalarHeader(text, lineStart, i)) blockScalarIndent = indent;
    i = lineEnd(text, i);
  }
  return -1;
}

// Runs the scan can pass over in one step: inside "…" up to a quote, backslash or line end;
// inside '…' up to a quote or line end; outside quotes, anything that is not a quote,
// comment sign, bracket, colon, comma, space or line end (and does not follow a space).
const IN_DOUBLE = /[^"\\\n\r]+/y;
const IN_SINGLE = /[^'\n\r]+/y;
const PLAIN_RUN = /[^\s"'#[\]{}:,]+/y;

function lineEnd(text: string, i: number): number {
  const lf = text.indexOf('\n', i);
  return lf < 0 ? text.length : lf + 1;
}

/** True when the line [from, to) ends with a block scalar indicator (`|`, `>`, with optional modifiers). */
function blockScalarHeader(text: string, from: number, to: number): boolean {
  let j = to - 1;
  while (j >= from && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 13)) j--;
  // Optional chomping / indentation indicators: |-, |+, |2, >-2 …
  let k = j;
  while (k >= from && /[-+0-9]/.test(text[k]!)) k--;
  if (k < from) return false;
  const c = text[k];
  if (c !== '|' && c !== '>') return false;
  const before = k > from ? text[k - 1] : ' ';
  return before === ' ' || before === '\t';
}

/** 1-based line and column of an offset (for texts that have not been parsed). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let p = text.indexOf('\n'); p >= 0 && p < offset; p = text.indexOf('\n', p + 1)) {
    line++;
    start = p + 1;
  }
  return { line, column: offset - start + 1 };
}
