/**
 * Text from the files (names, keys, ids, versions, paths) printed where a
 * reader takes it at face value: a terminal, a Markdown report, a GitHub
 * annotation. Control characters would move the cursor, recolour or clear
 * the screen (ANSI escapes), and bidirectional overrides would show text in
 * an order other than the one it has: each is written as a visible `\uXXXX`
 * escape instead. The escape is also a JSON string escape, so the same
 * filter leaves JSON output meaning exactly what it meant.
 */

// C0 and C1 controls, DEL, the Arabic letter mark, LRM/RLM, line and paragraph
// separators, the bidi embeddings, overrides and isolates, and the BOM.
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
// The same, except line feed and tab: for whole reports, whose lines are their own.
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const escape = (c: string) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** One value inside a line (a file name, a key, a case id): every control character escaped, line ends too. */
export function printable(s: string): string {
  UNSAFE_IN_LINE.lastIndex = 0;
  return UNSAFE_IN_LINE.test(s) ? s.replace(UNSAFE_IN_LINE, escape) : s;
}

/** A whole report or message stream: as {@link printable}, but its own line feeds and tabs kept. */
export function printableText(s: string): string {
  UNSAFE_IN_TEXT.lastIndex = 0;
  return UNSAFE_IN_TEXT.test(s) ? s.replace(UNSAFE_IN_TEXT, escape) : s;
}
