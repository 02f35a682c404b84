import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The dependencies are bundled, tree-shaken, into dist/ (one file to load
// instead of hundreds): yaml is CommonJS and requires Node's modules, which
// an ES module can do through createRequire.
const BUNDLED = ['date-fns', 'zod', 'yaml', '@noble/hashes'];
/** The licences of the bundled packages, shipped beside the code that includes them. */
function writeNotices(): void {
  const files: Record<string, string> = { 'date-fns': 'LICENSE.md', zod: 'LICENSE', yaml: 'LICENSE', '@noble/hashes': 'LICENSE' };
  const text = Object.entries(files)
    .map(([name, file]) => {
      const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
      return `${name} ${version}\n\n${readFileSync(`node_modules/${name}/${file}`, 'utf8').trim()}\n`;
    })
    .join('\n' + '-'.repeat(72) + '\n\n');
  writeFileSync('dist/THIRD-PARTY-LICENSES.txt', `dist/ bundles code of these packages, under these licences:\n\n${text}`);
}

const ESM_REQUIRE = "import { createRequire as __cailiangRequire } from 'node:module'; const require = __cailiangRequire(import.meta.url);";

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', 'json-rules-engine': 'src/json-rules-engine.ts' },
    noExternal: BUNDLED,
    banner: ({ format }) => (format === 'esm' ? { js: ESM_REQUIRE } : {}),
    onSuccess: async () => writeNotices(),
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    // dist/playground/ is written after tsup by scripts/build-playground.mjs.
    clean: ['!playground/**'],
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    // The CLI, split so that each command's code (and dependencies) loads only
    // when it runs; and the worker thread of `cailiang batch --workers`, loaded
    // by file name from dist/, sharing the chunks.
    entry: { cli: 'src/cli/bin.ts', 'batch-worker': 'src/cli/batch-worker.ts' },
    format: ['esm'],
    target: 'node20',
    splitting: true,
    treeshake: true,
    noExternal: BUNDLED,
    banner: { js: `#!/usr/bin/env node\n${ESM_REQUIRE}` },
  },
]);
