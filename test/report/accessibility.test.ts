import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

// The HTML reports are read on phones and printed: text at least 4.5:1
// against what it stands on (WCAG 2 AA), table headers with their scope. The
// layout at 390 px is checked in Chromium by test/browser/render-html.mjs
// (npm run test:browser).

async function html(...argv: string[]): Promise<string> {
  const io = bufferIO();
  await cli(argv, io);
  expect(io.out).toMatch(/^<!doctype html>/i);
  return io.out;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(full.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const pages = {
  batch: () => html('batch', 'fixtures/samples/batch.ndjson', '--format', 'html'),
  case: () => html('evaluate', 'fixtures/cn-samr-food/expired-food-value-500-first-offence.yaml', 'fixtures/cn-air/dq115-dust-general.yaml', '--format', 'html'),
};

describe('the HTML reports', () => {
  it('contrast is computed as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(Object.keys(pages))('%s: every text colour of the style sheet is at least 4.5:1 on white and on the shaded background', async (name) => {
    const page = await pages[name as keyof typeof pages]();
    const vars = Object.fromEntries([...page.matchAll(/--([a-z]+): (#[0-9a-f]{3,6})/g)].map((m) => [m[1]!, m[2]!]));
    const soft = vars.soft!;
    const used = [...new Set([...page.matchAll(/[{;]\s*color: var\(--([a-z]+)\)/g)].map((m) => m[1]!))];
    expect(used.length).toBeGreaterThan(3);
    for (const v of used) {
      expect(contrast(vars[v]!, '#ffffff'), `--${v} on white`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(vars[v]!, soft), `--${v} on --soft`).toBeGreaterThanOrEqual(4.5);
    }
  }, 60_000);

  it('batch: chart labels are at least 4.5:1 on white, and the counts on the bars against their bar', async () => {
    const page = await pages.batch();
    const svg = [...page.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).join('\n');
    let onBars = 0;
    let onWhite = 0;
    let lastRect = '#ffffff';
    for (const m of svg.matchAll(/<(rect|text)\b[^>]*\bfill="(#[0-9a-f]{3,6})"/g)) {
      if (m[1] === 'rect') {
        lastRect = m[2]!;
        continue;
      }
      if (m[2] === '#fff' || m[2] === '#ffffff') {
        expect(contrast('#ffffff', lastRect), `white on ${lastRect}`).toBeGreaterThanOrEqual(4.5);
        onBars++;
      } else {
        expect(contrast(m[2]!, '#ffffff'), `${m[2]} on white`).toBeGreaterThanOrEqual(4.5);
        onWhite++;
      }
    }
    expect(onBars).toBeGreaterThan(5);
    expect(onWhite).toBeGreaterThan(5);
  }, 60_000);

  it.each(Object.keys(pages))('%s: every table header says what it heads (scope)', async (name) => {
    const page = await pages[name as keyof typeof pages]();
    const th = [...page.matchAll(/<th\b[^>]*>/g)].map((m) => m[0]);
    if (name === 'batch') expect(th.length).toBeGreaterThan(10);
    for (const t of th) expect(t).toMatch(/\bscope="(col|row|colgroup|rowgroup)"/);
  }, 60_000);

  it('batch: wide tables and charts scroll in their own box on a narrow screen', async () => {
    const page = await pages.batch();
    const tables = page.match(/<table\b/g)!.length;
    expect(page.match(/<div class="table-scroll"><table\b/g)!.length).toBe(tables);
    expect(page).toMatch(/\.table-scroll \{ overflow-x: auto;/);
    expect(page.match(/<figure class="chart">/g)!.length).toBeGreaterThan(0);
  }, 60_000);
});
