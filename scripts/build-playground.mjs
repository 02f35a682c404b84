#!/usr/bin/env node
// Builds the playground (src/playground/) into dist/playground/: a static
// folder that works from the file system or any static host, no server.
//
//   index.html   the page (labels in Chinese)
//   app.js       the pure library bundled for the browser with the page's code
//   app.css      the page's style
//   rules.js     the bundled rule sets (rules/) as data: the file texts, which
//                the page loads with the same loader as the CLI, and a summary
//                (id, version, dates, items) for the picker
//
// Run by `npm run build` after tsup. Flags: --silent (no summary line).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { parse } from 'yaml';
import { appBundleOptions } from './playground-bundle.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = join(root, 'dist/playground');
const silent = process.argv.includes('--silent');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build(appBundleOptions(out));

// The rule sets, one entry per folder (two folders may hold two versions of one id).
const sets = [];
const rulesDir = join(root, 'rules');
for (const dir of readdirSync(rulesDir).sort()) {
  const full = join(rulesDir, dir);
  if (!statSync(full).isDirectory()) continue;
  const names = readdirSync(full).filter((f) => /\.ya?ml$/i.test(f)).sort();
  if (!names.includes('index.yaml')) continue;
  const files = names.map((f) => ({ path: `rules/${dir}/${f}`, text: readFileSync(join(full, f), 'utf8') }));
  const index = parse(files.find((f) => f.path.endsWith('/index.yaml')).text) ?? {};
  const items = [];
  for (const f of files) {
    if (f.path.endsWith('/index.yaml')) continue;
    const topic = parse(f.text) ?? {};
    for (const it of Array.isArray(topic.items) ? topic.items : []) if (typeof it?.code === 'string') items.push([it.code, String(it.name ?? '')]);
  }
  items.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  sets.push({
    dir,
    id: String(index.id ?? dir),
    version: String(index.version ?? ''),
    title: String(index.title ?? ''),
    region: String(index.region?.name ?? ''),
    layer: index.layer === 'statutory' ? 'statutory' : 'benchmark',
    ...(typeof index.extends === 'string' ? { extends: index.extends } : {}),
    from: String(index.effective?.from ?? ''),
    to: index.effective?.to == null ? null : String(index.effective.to),
    items,
    files,
  });
}
const data = JSON.stringify({ sets });
// Inside a <script>, "</script" and U+2028/9 in a string would end or break it.
const safe = data.replace(/<\/(script)/gi, '<\\/$1').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
writeFileSync(join(out, 'rules.js'), `globalThis.CAILIANG_PLAYGROUND_DATA=${safe};\n`);
copyFileSync(join(root, 'src/playground/index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'src/playground/app.css'), join(out, 'app.css'));

if (!silent) {
  const size = (f) => statSync(join(out, f)).size;
  const items = sets.reduce((n, s) => n + s.items.length, 0);
  console.log(`playground: dist/playground/ (${sets.length} rule-set folders, ${items} items; app.js ${(size('app.js') / 1024).toFixed(0)} KiB, rules.js ${(size('rules.js') / 1024).toFixed(0)} KiB)`);
}
