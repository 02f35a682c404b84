import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

// The bundled rule sets are what users copy: they must pass the checks a region
// would run in CI. The date is fixed so that the outcome does not change with
// the day the suite runs.
describe('bundled rule sets', () => {
  it('verify clean under --strict (as of 2026-11-22)', async () => {
    const io = bufferIO();
    const code = await cli(['verify', 'rules/', '--strict', '--as-of', '2026-11-22'], io);
    expect(io.out).toMatch(/\d+ rule sets: 0 errors, 0 warnings/);
    expect(code).toBe(0);
  });

  it('pass their fixtures with every tier and list entry exercised', async () => {
    const io = bufferIO();
    const code = await cli(['test', 'rules/', '--require-coverage'], io);
    expect(io.out).toMatch(/\n(\d+) passed, 0 failed\n$/);
    expect(Number(/\n(\d+) passed/.exec(io.out)![1])).toBeGreaterThanOrEqual(100);
    expect(code).toBe(0);
  });
});
