import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/index.js';
import { loadCase } from '../../../src/load/loadCase.js';
import { formatDiagnosticsGithub, formatDiagnosticsText } from '../../../src/report/diagnostics.js';
import { checkCli, removeDir, tempDir, type Problem } from '../harness.js';
import { at, errors, INDEX, loadMini, MINI, MINI_DIR } from './table.js';

// What a file says cannot change how a report looks (class 11): control
// characters, ANSI escape sequences and bidi overrides in ids, versions and
// labels are refused where they are written; file names (which no schema
// checks) are printed with the characters escaped, in every text format.

/** Hostile characters, as YAML double-quoted escapes and as the raw character. */
const HOSTILE: [string, string, string][] = [
  ['an ANSI clear-screen', '\\e[2J', '\u001b'],
  ['an OSC 8 hyperlink', '\\e]8;;https://x\\e\\\\', '\u001b'],
  ['a carriage return', '\\r', '\r'],
  ['a NUL', '\\0', '\u0000'],
  ['a C1 CSI', '\\x9b', '\u009b'],
  ['a right-to-left override', '\\u202E', '\u202e'],
  ['a left-to-right isolate', '\\u2066', '\u2066'],
  ['a line separator', '\\L', '\u2028'],
  ['a backspace', '\\b', '\b'],
  ['a DEL', '\\x7f', '\u007f'],
];
const WITH_NEWLINE: [string, string, string][] = [...HOSTILE, ['a line feed', '\\n', '\n']];
const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
/** How a character is shown once escaped: \n and \r by name, the rest as \uXXXX. */
const shown = (c: string) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${hex(c).toLowerCase()}`);

describe('a case id with a control character is refused at the id', () => {
  it.each(WITH_NEWLINE)('%s', (_, escaped, raw) => {
    const text = `id: "A-1${escaped}x"\nitem: T-1\nparty: { kind: organization }\ndates: { act: 2025-03-01 }\n`;
    const r = loadCase({ path: 'c.yaml', text }, MINI);
    expect(errors(r.diagnostics)).toEqual([{ code: 'TEXT_CONTROL_CHARACTER', ...at(text, '"A-1') }]);
    expect(r.diagnostics[0]!.message).toContain(`U+${hex(raw)}`);
    // The same given as a value (the API; the fast case check agrees with the schema).
    const v = loadCase({ value: { id: `A-1${raw}x`, item: 'T-1', party: { kind: 'organization' }, dates: { act: '2025-03-01' } } }, MINI);
    expect(v.diagnostics.map((d) => d.code)).toEqual(['TEXT_CONTROL_CHARACTER']);
  });
});

describe('a rule-set version or title with a control character is refused at the value', () => {
  it.each(WITH_NEWLINE)('version with %s', (_, escaped) => {
    const index = INDEX.replace('version: "1"', `version: "1${escaped}"`);
    const r = loadMini(index);
    expect(errors(r.diagnostics)).toEqual([{ code: 'TEXT_CONTROL_CHARACTER', ...at(index, '"1') }]);
  });
  it.each(HOSTILE)('title with %s', (_, escaped) => {
    const index = INDEX.replace('title: 测试用裁量基准', `title: "测试${escaped}"`);
    const r = loadMini(index);
    expect(errors(r.diagnostics)).toEqual([{ code: 'TEXT_CONTROL_CHARACTER', ...at(index, '"测试') }]);
  });
});

const dir = tempDir();
afterAll(() => removeDir(dir));

describe('file names are printed with their control characters escaped, in text and GitHub annotations', () => {
  it.each(WITH_NEWLINE)('a name with %s', (name, _, raw) => {
    const file = `rules/x${raw}food.yaml`;
    const d: Diagnostic = { code: 'YAML_SYNTAX', severity: 'error', file, line: 1, column: 1, message: `key "a${raw}b" is odd` };
    const text = formatDiagnosticsText([d]);
    const github = formatDiagnosticsGithub([d]);
    for (const out of [text, github]) {
      expect(out.slice(0, -1), name).not.toContain(raw);
      expect(out.split('\n')).toHaveLength(2);
    }
    expect(text).toContain(`x${shown(raw)}food`);
  });

  // A file name cannot hold NUL or "/" (the OSC 8 sequence has one).
  it.each(HOSTILE.filter(([, escaped, raw]) => raw !== '\u0000' && !escaped.includes('/')))('cailiang verify of a folder whose file name holds %s: escaped on the terminal', async (name, _, raw) => {
    const rules = join(dir, `v-${hex(raw)}`);
    mkdirSync(rules);
    writeFileSync(join(rules, 'index.yaml'), INDEX);
    writeFileSync(join(rules, `bad${raw}.yaml`), 'items: [\n');
    const problems: Problem[] = [];
    const r = await checkCli(['verify', rules], problems, [1]);
    expect(problems).toEqual([]);
    expect(r.out + r.err, name).not.toContain(raw);
    expect(r.out + r.err).toContain(`bad${shown(raw)}.yaml`);
  });

  it('cailiang evaluate of a case whose file name holds a line feed and a fake diagnostic: one line, escaped', async () => {
    const path = join(dir, 'x\nfake.yaml:1:1  error  FAKE  all is well.yaml');
    writeFileSync(path, 'id: [\n');
    const problems: Problem[] = [];
    const r = await checkCli(['evaluate', path, '--rules', MINI_DIR], problems, [1]);
    expect(problems).toEqual([]);
    expect(r.err.split('\n').filter((l) => l.includes('FAKE'))).toHaveLength(1);
    expect(r.err).toContain('x\\nfake.yaml');
  });
});
