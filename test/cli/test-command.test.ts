import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

describe('cailiang test', () => {
  it('fails on a wrong expectation with a diff pointing at the fixture line, and ends with "N passed, N failed"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cailiang-fx-'));
    const good = readFileSync('fixtures/cn-samr-food/expired-food-value-500-first-offence.yaml', 'utf8');
    writeFileSync(join(dir, 'good.yaml'), good);
    // The same case, with the discretionary exemption wrongly expected to be mandatory.
    const wrong = good.replace(/^( {2}mandatory:) false$/m, '$1 true');
    expect(wrong).not.toBe(good);
    writeFileSync(join(dir, 'wrong.yaml'), wrong);
    const line = wrong.split('\n').findIndex((l) => l === '  mandatory: true') + 1;
    const io = bufferIO();
    const code = await cli(['test', 'rules/', '--fixtures', dir], io);
    expect(code).toBe(1);
    expect(io.out).toContain(`${join(dir, 'wrong.yaml')}:${line}:14  mandatory`);
    expect(io.out).toContain('expected: true');
    expect(io.out).toContain('got:      false');
    expect(io.out).toMatch(/\n1 passed, 1 failed\n$/);
  });
});
