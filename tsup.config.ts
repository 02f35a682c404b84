import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// The dependencies are bundled, tree-shaken, into dist/ (one file to load
// instead of hundreds): yaml is CommonJS and requires Node's modules, which
// an ES module can do through createRequire.
const BUNDLED = ['date-fns', 'zod', 'yaml', '@noble/hashes'];
/** The folders of a package and of everything it depends on (production dependencies), as Node resolves them, sorted. */
function dependencyTree(root: string): string[] {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      // The nearest node_modules/<dep> up from the package's folder.
      for (let at = dir; ; at = dirname(at)) {
        const candidate = join(at, 'node_modules', dep);
        if (existsSync(join(candidate, 'package.json'))) {
          visit(candidate);
          break;
        }
        if (dirname(at) === at) break;
      }
    }
  };
  visit(root);
  return [...seen].sort();
}

/** The licences of the bundled packages, shipped beside the code that includes them. */
function writeNotices(): void {
  const files: Record<string, string> = { 'date-fns': 'LICENSE.md', zod: 'LICENSE', yaml: 'LICENSE', '@noble/hashes': 'LICENSE' };
  const notices = Object.entries(files).map(([name, file]) => {
    const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
    return `${name} ${version}\n\n${readFileSync(`node_modules/${name}/${file}`, 'utf8').trim()}\n`;
  });
  // dist/vendor/fastify.js: fastify and every package it depends on.
  for (const dir of dependencyTree('node_modules/fastify')) {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    notices.push(`${name} ${version} (dist/vendor/fastify.js)\n\n${file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${license ?? 'see package'}`}\n`);
  }
  const text = notices.join('\n' + '-'.repeat(72) + '\n\n');
  writeFileSync('dist/THIRD-PARTY-LICENSES.txt', `dist/ bundles code of these packages, under these licences:\n\n${text}`);
}

/**
 * The HTTP server of `cailiang serve` is only in the CLI build. The library
 * entries reach the CLI (cailiang/node exports `cli`) but get a stub in its
 * place, and the CLI loads the framework from one minified file of its own,
 * dist/vendor/fastify.js, when the command runs.
 */
const serveStub: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'serve-stub',
  setup(build) {
    build.onResolve({ filter: /^\.\/server\.js$/ }, (args) => (args.importer.endsWith('src/serve/command.ts') ? { path: resolve('src/serve/server-stub.ts') } : undefined));
  },
};
const vendorFastify: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'vendor-fastify',
  setup(build) {
    build.onResolve({ filter: /^fastify$/ }, (args) => (args.importer.endsWith('vendor-fastify.ts') ? undefined : { path: './vendor/fastify.js', external: true }));
  },
};

const ESM_REQUIRE = "import { createRequire as __cailiangRequire } from 'node:module'; const require = __cailiangRequire(import.meta.url);";

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', 'json-rules-engine': 'src/json-rules-engine.ts' },
    noExternal: BUNDLED,
    banner: ({ format }) => (format === 'esm' ? { js: ESM_REQUIRE } : {}),
    onSuccess: async () => writeNotices(),
    format: ['esm', 'cjs'],
    esbuildPlugins: [serveStub],
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
    esbuildPlugins: [vendorFastify],
    banner: { js: `#!/usr/bin/env node\n${ESM_REQUIRE}` },
  },
  {
    entry: { 'vendor/fastify': 'src/serve/vendor-fastify.ts' },
    format: ['esm'],
    target: 'node20',
    minify: true,
    noExternal: ['fastify'],
    banner: { js: ESM_REQUIRE },
  },
]);
