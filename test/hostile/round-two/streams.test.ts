import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCli, removeDir, tempDir, type Problem } from '../harness.js';
import { MINI_DIR } from './table.js';

// NDJSON is read as strictly as YAML and JSON case files, and a stream that
// is not a regular file is refused before it is opened (class 4). Each row:
// the bytes of one line, the diagnostic it must get, and the column, found
// in the line itself (the first byte of the marked text).

const GOOD = '{"id":"g","item":"T-1","party":{"kind":"organization"},"dates":{"act":"2025-03-01","discovered":"2025-03-10"},"facts":{"goodsValue":3000}}';
const enc = (s: string) => Buffer.from(s, 'utf8');
/** A row: name, the line's bytes, the code, and the text whose first byte the diagnostic must point at. */
type Row = [string, Buffer, string, Buffer];
const at = (line: Buffer, marker: Buffer) => {
  const i = line.indexOf(marker);
  if (i < 0) throw new Error('marker not in line');
  // Columns count characters; every marker here follows ASCII only.
  return i + 1;
};

const keyRows: Row[] = [
  ['a second id', '{"id":"a","item":"T-1","id":"b"}', 'YAML_DUPLICATE_KEY', '"id":"b"'],
  ['a second goodsValue, the smaller one last', GOOD.replace('"goodsValue":3000', '"goodsValue":3000,"goodsValue":30'), 'YAML_DUPLICATE_KEY', '"goodsValue":30}'],
  ['a second item', GOOD.replace('"item":"T-1"', '"item":"T-1","item":"T-2"'), 'YAML_DUPLICATE_KEY', '"item":"T-2"'],
  ['a second party kind', GOOD.replace('"kind":"organization"', '"kind":"organization","kind":"person"'), 'YAML_DUPLICATE_KEY', '"kind":"person"'],
  ['a second act date', GOOD.replace('"act":"2025-03-01"', '"act":"2025-03-01","act":"2019-01-01"'), 'YAML_DUPLICATE_KEY', '"act":"2019'],
  ['a duplicate written with an escape', GOOD.replace('"goodsValue":3000', '"goodsValue":3000,"\\u0067oodsValue":30'), 'YAML_DUPLICATE_KEY', '"\\u0067'],
  ['__proto__ at the top', GOOD.replace('"id":"g"', '"id":"g","__proto__":{"polluted":1}'), 'FORBIDDEN_KEY', '"__proto__"'],
  ['__proto__ in the facts', GOOD.replace('"goodsValue":3000', '"goodsValue":3000,"__proto__":{"goodsValue":1}'), 'FORBIDDEN_KEY', '"__proto__"'],
  ['constructor in the party', GOOD.replace('"kind":"organization"', '"kind":"organization","constructor":1'), 'FORBIDDEN_KEY', '"constructor"'],
  ['prototype in the dates', GOOD.replace('"act":"2025-03-01"', '"act":"2025-03-01","prototype":1'), 'FORBIDDEN_KEY', '"prototype"'],
  ['__proto__ written with an escape', GOOD.replace('"id":"g"', '"id":"g","\\u005f_proto__":{}'), 'FORBIDDEN_KEY', '"\\u005f'],
].map(([n, l, c, m]) => [n!, enc(l!), c!, enc(m!)]);

const utf8Rows: Row[] = [
  ['a lone 0xFF byte', Buffer.concat([enc('{"id":"'), Buffer.from([0xff]), enc('"}')]), 'FILE_NOT_UTF8', Buffer.from([0xff])],
  ['a truncated 3-byte sequence', Buffer.concat([enc('{"id":"x","note":"'), Buffer.from([0xe4, 0xb8]), enc('"}')]), 'FILE_NOT_UTF8', Buffer.from([0xe4, 0xb8])],
  ['an overlong slash', Buffer.concat([enc('{"id":"'), Buffer.from([0xc0, 0xaf]), enc('"}')]), 'FILE_NOT_UTF8', Buffer.from([0xc0, 0xaf])],
  ['an encoded surrogate', Buffer.concat([enc('{"id":"'), Buffer.from([0xed, 0xa0, 0x80]), enc('"}')]), 'FILE_NOT_UTF8', Buffer.from([0xed, 0xa0, 0x80])],
  ['Latin-1 é', Buffer.concat([enc('{"id":"caf'), Buffer.from([0xe9]), enc('"}')]), 'FILE_NOT_UTF8', Buffer.from([0xe9])],
  ['a GBK 中', Buffer.concat([enc('{"id":"'), Buffer.from([0xd6, 0xd0]), enc('"}')]), 'FILE_NOT_UTF8', Buffer.from([0xd6, 0xd0])],
];

const dir = tempDir();
afterAll(() => removeDir(dir));

async function batchProblems(name: string, bytes: Buffer): Promise<{ line: number; code: string; column: number }[]> {
  const path = join(dir, `${name.replace(/\W+/g, '-')}.ndjson`);
  // The hostile line sits between two good ones: the batch must read on past it.
  writeFileSync(path, Buffer.concat([enc(GOOD + '\n'), bytes, enc('\n' + GOOD.replace('"g"', '"h"') + '\n')]));
  const problems: Problem[] = [];
  const r = await checkCli(['batch', path, '--rules', MINI_DIR, '--format', 'json'], problems, [1]);
  expect(problems).toEqual([]);
  const report = JSON.parse(r.out) as { evaluated: number; problems: { list: { line: number; diagnostics: { code: string; column: number }[] }[] } };
  expect(report.evaluated).toBe(2);
  return report.problems.list.map((p) => ({ line: p.line, code: p.diagnostics[0]!.code, column: p.diagnostics[0]!.column }));
}

describe('an NDJSON line with a key twice or a forbidden key is a diagnostic at the key, and the batch goes on', () => {
  it.each(keyRows)('%s', async (name, line, code, marker) => {
    expect(await batchProblems(name, line)).toEqual([{ line: 2, code, column: at(line, marker) }]);
  });
});

describe('an NDJSON line that is not UTF-8 is a diagnostic at the first bad byte, never a guess', () => {
  it.each(utf8Rows)('%s', async (name, line, code, marker) => {
    expect(await batchProblems(name, line)).toEqual([{ line: 2, code, column: at(line, marker) }]);
  });
});

describe('an NDJSON line longer than one case may be is a diagnostic at its line', () => {
  it.each([
    ['300,000 bytes in a string', enc(`{"id":"x","note":"${'y'.repeat(300_000)}"}`)],
    ['3 MB of spaces', enc('{' + ' '.repeat(3_000_000) + '}')],
    ['20 MB without a line end', enc('x'.repeat(20_000_000))],
  ] as [string, Buffer][])('%s', async (name, line) => {
    expect(await batchProblems(name, line)).toEqual([{ line: 2, code: 'NDJSON_LINE_TOO_LONG', column: 1 }]);
  }, 30_000);

  it('lines end at LF, CRLF or CR alike, and a bad line keeps its number', async () => {
    const path = join(dir, 'line-ends.ndjson');
    writeFileSync(path, `${GOOD}\r\n${GOOD}\r{"id":"b","id":"c"}\n\n${GOOD}\r\n`);
    const problems: Problem[] = [];
    const r = await checkCli(['batch', path, '--rules', MINI_DIR, '--format', 'json'], problems, [1]);
    const report = JSON.parse(r.out);
    expect(report.evaluated).toBe(3);
    expect(report.problems.list.map((p: { line: number }) => p.line)).toEqual([3]);
  });
});

describe('an input that is not a regular file is refused before it is read: exit 2, IO_READ_FAILED', () => {
  const fifo = join(dir, 'fifo.ndjson');
  execFileSync('mkfifo', [fifo]);
  const links: [string, string][] = [
    ['/dev/zero', 'zero'],
    ['/dev/urandom', 'urandom'],
    ['/dev/null', 'null'],
  ];
  for (const [target, name] of links) for (const ext of ['ndjson', 'yaml']) symlinkSync(target, join(dir, `${name}.${ext}`));
  mkdirSync(join(dir, 'folder.ndjson'));
  const inputs = [...links.flatMap(([, n]) => [`${n}.ndjson`, `${n}.yaml`]), 'fifo.ndjson', 'folder.ndjson'];
  const commands: [string, (p: string) => string[]][] = [
    ['batch', (p) => ['batch', p, '--rules', MINI_DIR]],
    ['audit', (p) => ['audit', p, '--rules', MINI_DIR]],
    ['evaluate', (p) => ['evaluate', p, '--rules', MINI_DIR]],
  ];
  const rows = commands.flatMap(([c, argv]) => inputs.map((i) => [c, i, argv] as const));
  it.each(rows)('cailiang %s %s', async (_, input, argv) => {
    const problems: Problem[] = [];
    const r = await checkCli(argv(join(dir, input)), problems, [2], 5000);
    expect(problems).toEqual([]);
    expect(r.err).toMatch(new RegExp(`${input}:1:1\\s+error\\s+IO_READ_FAILED`));
  });
});
