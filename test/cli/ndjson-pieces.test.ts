import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ndjsonLineRecord, ndjsonLines, ndjsonPieces, pieceRecords, NDJSON_MAX_LINE_BYTES, type CaseRecord } from '../../src/cli/commands/case-stream.js';

// `batch --workers` cuts the file into pieces at line ends in the main thread and splits,
// decodes and numbers the lines in the workers. Whatever the read sizes, the records must be
// those of the one-thread line reader: same line numbers, same texts, same diagnostics.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cailiang-pieces-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Seen = { line: number; caseId?: string; codes: string[] };

const seen = (r: CaseRecord): Seen => ({ line: r.line, ...(r.caseId !== undefined ? { caseId: r.caseId } : {}), codes: r.diagnostics.map((d) => `${d.code}@${d.line}`) });

function streamOf(bytes: Uint8Array, cuts: readonly number[]): Readable {
  const parts: Buffer[] = [];
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c <= at || c >= bytes.length) continue;
    parts.push(Buffer.from(bytes.subarray(at, c)));
    at = c;
  }
  parts.push(Buffer.from(bytes.subarray(at)));
  return Readable.from(parts);
}

/** The one-thread reader (ndjsonLines over the file, as `batch` without --workers reads it). */
async function byLines(bytes: Uint8Array): Promise<Seen[]> {
  const path = join(dir, 'cases.ndjson');
  writeFileSync(path, bytes);
  const opened = await ndjsonLines(path);
  if (!('lines' in opened)) throw new Error('cannot read the test file');
  const out: Seen[] = [];
  for await (const l of opened.lines) out.push(seen(ndjsonLineRecord('x.ndjson', l)));
  return out;
}

async function byPieces(bytes: Uint8Array, cuts: readonly number[], first: number, most: number): Promise<{ seen: Seen[]; pieces: number }> {
  const out: Seen[] = [];
  let pieces = 0;
  for await (const p of ndjsonPieces(streamOf(bytes, cuts), first, most)) {
    pieces++;
    pieceRecords('x.ndjson', p, (r) => out.push(seen(r)));
  }
  return { seen: out, pieces };
}

const CASE = (n: number) => `{"id":"C${n}","item":"X-1","facts":{"a":${n}}}`;
const END = fc.constantFrom('\n', '\r\n', '\r');
const LINE = fc.oneof(
  { weight: 6, arbitrary: fc.nat(999).map(CASE) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'not json', '{"id":"d","id":"e"}', '[1,2]', '\uFEFF{"id":"bom"}', '{"id":"中文","note":"字"}') },
);

describe('ndjson pieces (batch --workers) read as the line reader reads', () => {
  it('same records for any line ends, blank and bad lines, BOM, and any read sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(LINE, END), { maxLength: 40 }),
        fc.boolean(),
        fc.array(fc.nat(4000), { maxLength: 12 }),
        fc.integer({ min: 1, max: 300 }),
        async (bom, lines, lastEnd, cuts, first) => {
          const text = (bom ? '\uFEFF' : '') + lines.map(([l, e], i) => l + (i < lines.length - 1 || lastEnd ? e : '')).join('');
          const bytes = Buffer.from(text, 'utf8');
          const expected = await byLines(bytes);
          const got = await byPieces(bytes, cuts, first, first * 4);
          expect(got.seen).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 18 },
    );
  });

  it('pieces end at line ends, start small and grow', async () => {
    const text = Array.from({ length: 200 }, (_, i) => CASE(i)).join('\n') + '\n';
    // Reads of 500 bytes, pieces from 256 to 1,024 bytes.
    const got = await byPieces(Buffer.from(text), Array.from({ length: 40 }, (_, i) => (i + 1) * 500), 256, 1024);
    expect(got.pieces).toBeGreaterThan(5);
    expect(got.seen.map((s) => s.line)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('a line too long to hold, across reads and ended by CR, LF, CRLF or the end of the file: one diagnostic at its line', async () => {
    const long = `{"id":"L","note":"${'x'.repeat(NDJSON_MAX_LINE_BYTES + 10)}"}`;
    for (const end of ['\n', '\r\n', '\r', '']) {
      const text = `${CASE(1)}\n${long}${end}${end ? CASE(3) + '\n' : ''}`;
      const bytes = Buffer.from(text);
      const expected = await byLines(bytes);
      expect(expected.map((s) => s.codes)).toEqual(end ? [[], ['NDJSON_LINE_TOO_LONG@2'], []] : [[], ['NDJSON_LINE_TOO_LONG@2']]);
      // Reads of 64 KiB, and a cut right after the CR of a CRLF.
      const cuts = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => (i + 1) * 65536);
      const cr = text.indexOf('\r');
      if (cr > 0) cuts.push(cr + 1);
      expect((await byPieces(bytes, cuts, 16 * 1024, 64 * 1024)).seen).toEqual(expected);
    }
  });
});
