import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './bundled.js';

// DESIGN.md, Invariants: same input, same bytes out, in every time zone. The
// bundled fixtures and generated cases (leap days, year ends, limitation
// boundaries) are evaluated in child processes at UTC, UTC+14 (Kiritimati) and
// UTC−8/−7 (Los Angeles, with daylight saving); every JSON and Markdown report
// must be byte-identical.

const WORKER = fileURLToPath(new URL('./tz-worker.ts', import.meta.url));
const ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];

function runIn(tz: string): Promise<{ header: { tz: string; offset: number; count: number }; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { cwd: ROOT, env: { ...process.env, TZ: tz } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`worker at TZ=${tz} exited ${code}: ${stderr}`));
      const [first, ...lines] = stdout.trimEnd().split('\n');
      resolve({ header: JSON.parse(first!), lines });
    });
  });
}

describe('invariant: reports are byte-identical in every time zone', () => {
  it('TZ=UTC, Pacific/Kiritimati and America/Los_Angeles give byte-identical JSON and Markdown reports for every fixture and generated case', async () => {
    const [utc, ...others] = await Promise.all(ZONES.map(runIn));
    // The zones really differ (the child saw its TZ).
    expect([utc!, ...others].map((r) => r.header.offset)).toEqual([0, -840, 480]);
    expect(utc!.header.count).toBeGreaterThan(100);
    for (const other of others) {
      expect(other.lines.length).toBe(utc!.lines.length);
      other.lines.forEach((line, i) => {
        if (line !== utc!.lines[i]) expect(`${other.header.tz}: ${line}`).toBe(`${other.header.tz}: ${utc!.lines[i]}`);
      });
    }
  }, 120_000);
});
