#!/usr/bin/env node
// End-to-end tests of the playground (dist/playground/) in a real headless
// Chromium, opened from the file system (no server):
//
//   - seven bundled fixture cases filled in the form as a user would; the page's
//     disposition JSON must be the bytes `cailiang evaluate --format json`
//     prints for the fixture, and the page's YAML must evaluate to them too
//   - the link of a case, opened in a new page, gives the same form and result
//   - the lint tab on broken rule files shows the problems at their line:col
//   - the main path with the keyboard only (every focused control has a
//     visible focus ring), tabs with the arrow keys
//   - no horizontal overflow at 390 px, text contrast at least 4.5:1
//   - screenshots at 1280 and 390 px, saved in the output folder (printed)
//
//   node test/browser/playground.mjs [out-dir]        (default: a temporary folder)
//
// Needs /usr/bin/chromium (apt-get install chromium fonts-noto-cjk) and the dev
// dependencies (playwright-core drives the installed Chromium; tsx runs the
// CLI). Builds dist/playground/ when it is missing. Not part of `npm test`.
// Exit 0 when all pass, 1 on a failure, 2 when Chromium is missing.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`playground: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk, or set CHROMIUM=)`);
  process.exit(2);
}
const out = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'cailiang-playground-')));
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'cailiang-playground-work-'));

if (!existsSync(join(root, 'dist/playground/index.html'))) {
  const b = spawnSync(process.execPath, [join(root, 'scripts/build-playground.mjs'), '--silent'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const PAGE = pathToFileURL(join(root, 'dist/playground/index.html')).href;

function cli(...args) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`cailiang ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

let failed = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${what}${!ok && detail ? `\n    ${detail}` : ''}`);
  if (!ok) failed++;
  return ok;
}

const CASES = [
  'fixtures/cn-samr-food/expired-food-value-500-first-offence.yaml', // 首违不罚, benchmark over its layer, no ruleSet
  'fixtures/cn-samr-food/age-14-unlicensed-sale-lighter.yaml', // a person, age 14 (Art. 30)
  'fixtures/cn-road-transport/freight-act-day-before-decided-after.yaml', // two versions (Art. 37)
  'fixtures/cn-air/dq115-dust-ongoing-not-time-barred.yaml', // a continuing act, ruleSet named
  'fixtures/cn-law-dlys-2023/station-not-filed-refused.yaml', // a statutory layer, a neutral circumstance
  'fixtures/cn-zj-jiaxing-urban/org-area-10-intentional-heavier.yaml', // a decimal fact, 从重
  'fixtures/cn-samr-food/expired-food-prior-violation-in-window.yaml', // an earlier violation: no 首违不罚
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const errors = [];

async function open(width, url = PAGE) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${url}: console: ${m.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]');
  return page;
}

/** Waits until the page has recomputed the result after the last input. */
async function settled(page) {
  await page.waitForFunction(() => !document.getElementById('result').dataset.pending);
}

/** Fills the form with a fixture's case, as a user would (pointer and typing). */
async function fillCase(page, c, pickId) {
  await page.fill('#search', c.item);
  await page.selectOption('#item', `${pickId}|${c.item}`);
  await page.waitForSelector('#case-fields:not([hidden])');
  await page.selectOption('#case-ruleset', c.ruleSet ?? '');
  await page.fill('#case-id', String(c.id));
  await page.check(c.party.kind === 'person' ? '#party-person' : '#party-org');
  if (c.party.age !== undefined) await page.fill('#party-age', String(c.party.age));
  await page.fill('#date-act', c.dates.act);
  if (c.dates.actEnd === 'ongoing') await page.check('#date-ongoing');
  else if (c.dates.actEnd) await page.fill('#date-act-end', c.dates.actEnd);
  if (c.dates.discovered) await page.fill('#date-discovered', c.dates.discovered);
  if (c.dates.decision) await page.fill('#date-decision', c.dates.decision);
  for (const [name, v] of Object.entries(c.facts ?? {})) {
    const sel = `[data-fact="${name}"]`;
    if (!(await page.isVisible(sel))) await page.click('#facts-more-box > summary');
    if ((await page.$eval(sel, (e) => e.tagName)) === 'SELECT') await page.selectOption(sel, String(v));
    else await page.fill(sel, String(v));
  }
  for (const name of c.circumstances ?? []) {
    const sel = `[data-circumstance="${name}"]`;
    if (!(await page.isVisible(sel))) await page.click('#circs-more-box > summary');
    await page.check(sel);
  }
  for (const h of c.history ?? []) {
    await page.click('#history-add');
    const row = '#history > li:last-child';
    await page.fill(`${row} [data-history=item]`, h.item);
    await page.fill(`${row} [data-history=date]`, h.date);
    if (h.note) await page.fill(`${row} [data-history=note]`, h.note);
  }
  if (c.note) await page.fill('#case-note', c.note);
  await settled(page);
}

const pageJson = (page) => page.$eval('#disposition-json', (e) => e.textContent);

// ── 1. Six fixtures through the form, against the CLI ──
let firstLink;
let firstPage;
for (const file of CASES) {
  const fixture = parse(readFileSync(join(root, file), 'utf8'));
  const c = fixture.case;
  const expected = cli('evaluate', file, '--rules', 'rules', '--format', 'json');
  const exp = JSON.parse(expected);
  const page = await open(1280);
  // The picker's rule set: the one the case names, else the one the CLI applied.
  await fillCase(page, c, c.ruleSet ?? exp.ruleSet.id);
  const got = await pageJson(page);
  const g = got ? JSON.parse(got) : {};
  const fine = (d) => (d.penalties?.length ? d.penalties : (d.otherwise?.penalties ?? [])).find((p) => p.kind === 'fine' && p.target === 'party');
  const brief = (d) => `${d.outcome} ${d.ruleSet?.id} ${d.ruleSet?.version} fine ${JSON.stringify(fine(d)?.range ?? null)} rec ${fine(d)?.recommended ?? '-'} cites ${(d.citations ?? []).length}`;
  check(got === expected, `${file}: page = CLI (${brief(exp)})`, `page: ${brief(g)}`);
  const outcome = await page.$eval('#result', (e) => e.dataset.outcome);
  check(outcome === exp.outcome, `${file}: data-outcome ${outcome}`);
  // The case the page shows as YAML evaluates to the same bytes.
  const yaml = await page.inputValue('#case-yaml');
  const yfile = join(work, `${c.id}.yaml`);
  writeFileSync(yfile, yaml);
  check(cli('evaluate', yfile, '--rules', 'rules', '--format', 'json') === expected, `${file}: the page's YAML gives the same result in the CLI`);
  // The citations are in the report the page shows.
  const report = await page.frameLocator('#report').locator('body').innerText();
  const missing = exp.citations.filter((x) => !report.includes(x.text));
  check(missing.length === 0, `${file}: the report cites all ${exp.citations.length} articles`, `missing: ${missing.map((x) => x.text).join(', ')}`);
  if (!firstLink) {
    firstLink = await page.inputValue('#case-link');
    firstPage = { json: got, yaml };
    await page.click('#copy-yaml');
    await page.waitForFunction(() => document.getElementById('copy-yaml-status').textContent !== '');
    check((await page.textContent('#copy-yaml-status')) === '已复制', 'the copy button copies the YAML', await page.textContent('#copy-yaml-status'));
    for (const [name, width] of [['case-desktop', 1280], ['case-phone', 390]]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(100);
      await page.evaluate(() => document.getElementById('report').dispatchEvent(new Event('load')));
      const png = join(out, `${name}.png`);
      await page.screenshot({ path: png, fullPage: true });
      console.log(`  screenshot ${png}`);
    }
  }
  await page.context().close();
}

// ── 2. The link reproduces the case ──
{
  const page = await open(1280, firstLink);
  await settled(page);
  check((await pageJson(page)) === firstPage.json, 'the link gives the same result in a new page');
  check((await page.inputValue('#case-yaml')) === firstPage.yaml, 'the link gives the same case (YAML)');
  check((await page.inputValue('#date-act')) !== '' && (await page.isChecked('[data-circumstance="harmMinor"]')), 'the link fills the form (dates, circumstances)');
  await page.context().close();
  const bad = await open(1280, PAGE + '#case=@@@');
  check(/无法解码/.test(await bad.textContent('#link-notes')), 'a broken link is reported on the page');
  await bad.context().close();
}

// ── 3. The lint tab ──
{
  const page = await open(1280);
  await page.click('#tab-lint');
  const index = readFileSync(join(root, 'rules/cn-samr-food/index.yaml'), 'utf8');
  const lines = index.split('\n');
  // A date that is no date: a schema error at the value.
  const li = lines.findIndex((l) => l.startsWith('effective:'));
  lines[li] = 'effective: { from: 2025-13-45, to: null }';
  const col = lines[li].indexOf('2025-13-45') + 1;
  await page.fill('#lint-text', lines.join('\n'));
  await page.click('#lint-run');
  const positions = await page.$$eval('#lint-list button.pos', (bs) => bs.map((b) => b.textContent));
  check(positions.includes(`${li + 1}:${col}`), `lint: a bad date in index.yaml is shown at ${li + 1}:${col}`, `shown: ${positions.join(' ')}`);
  // YAML that does not parse.
  await page.fill('#lint-text', 'id: x\nregion: { code: 1\ntitle: y\n');
  await page.click('#lint-run');
  const yamlErr = await page.$$eval('#lint-list li', (ls) => ls.map((l) => l.textContent));
  check(yamlErr.length > 0 && /^\d+:\d+/.test(yamlErr[0]), 'lint: a YAML syntax error has a position', yamlErr.join(' | '));
  // A topic file alone: the page says it needs its index.
  await page.fill('#lint-path', 'food.yaml');
  await page.fill('#lint-text', readFileSync(join(root, 'rules/cn-samr-food/food.yaml'), 'utf8'));
  await page.click('#lint-run');
  check(/放入规则集/.test(await page.textContent('#lint-hint')), 'lint: a topic file alone is told to go with its index.yaml');
  // A topic file inside a bundled rule set: a condition on a fact nobody declared.
  const food = readFileSync(join(root, 'rules/cn-samr-food/food.yaml'), 'utf8').split('\n');
  const fi = food.findIndex((l) => /fact: goodsValue/.test(l));
  food[fi] = food[fi].replace('fact: goodsValue', 'fact: goodsValeu');
  const fcol = food[fi].indexOf('goodsValeu') + 1;
  await page.selectOption('#lint-context', 'cn-samr-food');
  await page.fill('#lint-path', 'food.yaml');
  await page.fill('#lint-text', food.join('\n'));
  await page.click('#lint-run');
  const topic = await page.$$eval('#lint-list li', (ls) => ls.map((l) => l.textContent));
  check(topic.some((t) => t.startsWith(`${fi + 1}:`) && t.includes('goodsValeu')), `lint: an unknown fact in food.yaml (in cn-samr-food) at line ${fi + 1}`, topic.join(' | '));
  check(topic.some((t) => t.startsWith(`${fi + 1}:${fcol}`)), `lint: … at column ${fcol}`, topic.join(' | '));
  // Clicking a position puts the cursor there.
  await page.click(`#lint-list button.pos >> nth=0`);
  const caret = await page.$eval('#lint-text', (t) => ({ focused: document.activeElement === t, line: t.value.slice(0, t.selectionStart).split('\n').length }));
  check(caret.focused && caret.line === fi + 1, `lint: the position button moves the cursor to line ${fi + 1}`, JSON.stringify(caret));
  // The rule file unchanged: clean.
  await page.fill('#lint-text', readFileSync(join(root, 'rules/cn-samr-food/food.yaml'), 'utf8'));
  await page.click('#lint-run');
  check((await page.$$('#lint-list li')).length === 0, 'lint: the bundled food.yaml in its rule set has no problem', await page.textContent('#lint-summary'));
  await page.fill('#lint-text', lines.join('\n'));
  await page.selectOption('#lint-context', '');
  await page.fill('#lint-path', 'index.yaml');
  await page.click('#lint-run');
  for (const [name, width] of [['lint-desktop', 1280], ['lint-phone', 390]]) {
    await page.setViewportSize({ width, height: 900 });
    const png = join(out, `${name}.png`);
    await page.screenshot({ path: png, fullPage: true });
    console.log(`  screenshot ${png}`);
  }
  await page.context().close();
}

// ── 4. Keyboard only ──
{
  const page = await open(1280);
  const focus = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      return { id: e.id || e.tagName, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
  const order = [];
  const noRing = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const f = await focus();
    order.push(f.id);
    if (!f.ring) noRing.push(f.id);
    if (f.id === 'search') break;
  }
  check(order.join(' ') === 'tab-case ruleset search' || order.join(' ') === 'A tab-case ruleset search', `keyboard: focus order ${order.join(' → ')}`);
  await page.keyboard.type('SPAQF-124-1-5');
  await page.keyboard.press('Tab');
  check((await focus()).id === 'item', 'keyboard: Tab from the search reaches the item list');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('#case-fields:not([hidden])');
  // On through the form to the first fact, type a value.
  let steps = 0;
  let f;
  do {
    await page.keyboard.press('Tab');
    f = await focus();
    if (!f.ring) noRing.push(f.id);
  } while (f.id !== 'fact-goodsValue' && ++steps < 30);
  check(f.id === 'fact-goodsValue', `keyboard: the fact 货值金额 reached in ${steps + 1} Tabs`);
  await page.keyboard.type('500');
  // Further to a circumstance: Space checks it.
  do {
    await page.keyboard.press('Tab');
    f = await focus();
    if (!f.ring) noRing.push(f.id);
  } while (!f.id.startsWith('circ-') && ++steps < 60);
  await page.keyboard.press('Space');
  await settled(page);
  const json = await pageJson(page);
  check(json !== '' && JSON.parse(json).item === 'SPAQF-124-1-5' && (await page.isChecked(`#${f.id}`)), `keyboard: a case evaluated (${f.id} checked)`);
  check(noRing.length === 0, 'keyboard: every focused control shows a focus ring', `without: ${[...new Set(noRing)].join(', ')}`);
  // Tabs by arrow keys.
  await page.focus('#tab-case');
  await page.keyboard.press('ArrowRight');
  check((await focus()).id === 'tab-lint' && (await page.isVisible('#panel-lint')) && !(await page.isVisible('#panel-case')), 'keyboard: ArrowRight moves to the 规则检查 tab');
  await page.context().close();
}

// ── 5. Phone width and contrast ──
{
  const page = await open(390, firstLink);
  await settled(page);
  const r = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const b = el.getBoundingClientRect();
      if (b.width > 0 && b.right > vw + 0.5 && !el.closest('select, textarea, input')) wide.push(`${el.tagName.toLowerCase()}#${el.id} right=${Math.round(b.right)}`);
    }
    const rgb = (s) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const bg = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const low = [];
    for (const el of document.querySelectorAll('body *')) {
      if (!el.offsetParent && el.tagName !== 'BODY') continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own) continue;
      const s = getComputedStyle(el);
      const a = lum(rgb(s.color).slice(0, 3));
      const b = lum(bg(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) low.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 16)}"`);
    }
    return { vw, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 10), low: low.slice(0, 10) };
  });
  check(r.scroll <= r.vw && r.wide.length === 0, `phone: nothing wider than ${r.vw} px (page ${r.scroll})`, r.wide.join('; '));
  check(r.low.length === 0, 'contrast: all text at least 4.5:1', r.low.join('; '));
  await page.context().close();
}

check(errors.length === 0, 'no script error on any page', errors.join('\n    '));
await browser.close();
rmSync(work, { recursive: true, force: true });
console.log(failed ? `\n${failed} failure(s); screenshots in ${out}` : `\nall passed; screenshots in ${out}`);
process.exit(failed ? 1 : 0);
