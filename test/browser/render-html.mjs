#!/usr/bin/env node
// Renders the HTML reports in a real headless Chromium, saves PNG screenshots
// and checks that no page overflows horizontally and no table column is
// squeezed to a character a line (at a phone's 390 px, the printable width of A4
// and a desktop width).
//
//   node test/browser/render-html.mjs [out-dir]        (default: a temporary folder)
//
// Needs /usr/bin/chromium (Debian: apt-get install chromium fonts-noto-cjk) and
// the dev dependencies (it runs the CLI through tsx). Not part of `npm test`:
// the suite must not depend on a browser. Exit 0 when every page fits, 1 when
// one overflows (the offending elements are printed), 2 when Chromium is missing.
//
// What it renders: the case reports of a few cases of fixtures/samples/batch.ndjson
// (a penalty, 可以不予处罚 with the fine that would otherwise apply, an undetermined
// case, a case decided under Art. 37), two cases in one page, and the batch report
// of the whole file.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// 180 mm: A4 (210 mm) less the 15 mm side margins of the print style, at 96 dpi.
// `print` forces the @media print rules on screen (Chromium's command line cannot
// switch the media type), to see the printed layout at the printable width.
const WIDTHS = [
  { name: 'phone', width: 390 },
  { name: 'a4', width: 680 },
  { name: 'print', width: 680, print: true },
  { name: 'desktop', width: 1280 },
];

if (!existsSync(CHROMIUM)) {
  console.error(`render-html: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk, or set CHROMIUM=)`);
  process.exit(2);
}

const out = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'cailiang-html-')));
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'cailiang-render-'));

function cli(...args) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`cailiang ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// The reports to look at.
const pages = [];
const lines = readFileSync(join(root, 'fixtures/samples/batch.ndjson'), 'utf8').split('\n');
const pickIds = ['B-0001', 'B-0074', 'B-0010', 'B-0067'];
const caseFiles = [];
for (const id of pickIds) {
  const line = lines.find((l) => l.includes(`"id":"${id}"`));
  if (!line) continue;
  const f = join(work, `${id}.json`);
  writeFileSync(f, line);
  caseFiles.push(f);
}
for (const f of caseFiles) {
  const name = `case-${f.replace(/.*\//, '').replace('.json', '')}`;
  pages.push({ name, html: cli('evaluate', f, '--rules', 'rules', '--format', 'html') });
}
pages.push({ name: 'cases-together', html: cli('evaluate', ...caseFiles.slice(0, 2), '--rules', 'rules', '--format', 'html') });
pages.push({ name: 'batch', html: cli('batch', 'fixtures/samples/batch.ndjson', '--rules', 'rules', '--format', 'html') });

// Injected only into the copy Chromium measures: the report itself has no script.
const PROBE = `<script>
addEventListener('load', () => {
  // Headless Chromium's window is at least 500 px wide: a narrower screen is the width of the page's root.
  const forced = parseFloat(document.documentElement.dataset.width || '0');
  const vw = forced || document.documentElement.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
  // Inside a box that scrolls (a wide table, a chart), content may be wider than the screen.
  const scrolls = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  const wide = [];
  const squeezed = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 0.5 && !scrolls(el)) wide.push(name(el) + ' right=' + Math.round(r.right));
    // A table cell with a longer text, narrower than six characters: its text would stand a few characters a line.
    if ((el.tagName === 'TD' || el.tagName === 'TH') && el.textContent.trim().length > 8 && r.width < 6 * parseFloat(getComputedStyle(el).fontSize))
      squeezed.push(name(el) + ' "' + el.textContent.trim().slice(0, 20) + '" width=' + Math.round(r.width));
  }
  const probe = document.createElement('pre');
  probe.id = 'cailiang-probe';
  probe.textContent = JSON.stringify({ viewport: vw, scrollWidth: forced ? vw : document.documentElement.scrollWidth, height: document.documentElement.scrollHeight, wide: wide.slice(0, 20), squeezed: squeezed.slice(0, 20) });
  document.body.appendChild(probe);
});
</script>`;

function chromium(args, profile) {
  return execFileSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${profile}`, ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 },
  );
}

let failed = 0;
for (const p of pages) {
  const file = join(out, `${p.name}.html`);
  writeFileSync(file, p.html);
  if (/<script|<link[^>]+href=|src="https?:/i.test(p.html)) {
    console.log(`✗ ${p.name}: the report is not self-contained (script, link or remote source)`);
    failed++;
  }
  for (const w of WIDTHS) {
    let html = w.print ? p.html.replace(/@media print/g, '@media all') : p.html;
    // Below Chromium's smallest window (500 px) the page's root is made that narrow, and the
    // small-screen rules that media queries would pick are forced on.
    if (w.width < 500)
      html = html
        .replace('<html', `<html data-width="${w.width}" style="width:${w.width}px"`)
        .replace(/@media \(max-width: [^)]*\)/g, '@media all');
    const shown = join(work, `${p.name}-${w.name}.html`);
    writeFileSync(shown, html);
    const probeFile = join(work, `${p.name}-${w.name}.probe.html`);
    writeFileSync(probeFile, html.replace('</body>', `${PROBE}\n</body>`));
    const profile = mkdtempSync(join(tmpdir(), 'cailiang-chromium-'));
    try {
      const dom = chromium([`--window-size=${w.width},900`, '--virtual-time-budget=3000', '--dump-dom', `file://${probeFile}`], profile);
      const m = /<pre id="cailiang-probe">([^<]*)<\/pre>/.exec(dom);
      if (!m) throw new Error(`no probe result for ${p.name}`);
      const r = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      const png = join(out, `${p.name}-${w.name}.png`);
      chromium([`--window-size=${w.width},${Math.min(r.height, 16000)}`, '--virtual-time-budget=3000', `--screenshot=${png}`, `file://${shown}`], profile);
      const overflow = r.scrollWidth > r.viewport || r.wide.length > 0 || r.squeezed.length > 0;
      console.log(`${overflow ? '✗' : '✓'} ${p.name} at ${w.width}px: width ${r.scrollWidth}/${r.viewport}, height ${r.height} → ${png}`);
      if (overflow) {
        failed++;
        for (const x of r.wide) console.log(`    too wide: ${x}`);
        for (const x of r.squeezed) console.log(`    squeezed: ${x}`);
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
}
rmSync(work, { recursive: true, force: true });
console.log(failed ? `\n${failed} problem(s); pages in ${out}` : `\nall pages fit; pages and screenshots in ${out}`);
process.exit(failed ? 1 : 0);
