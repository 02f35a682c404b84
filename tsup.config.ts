import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The worker thread of `cailiang batch --workers`, loaded by file name
    // from dist/ (next to cli.js and the chunks of node.js / node.cjs).
    entry: { 'batch-worker': 'src/cli/batch-worker.ts' },
    format: ['esm'],
    target: 'node20',
    splitting: false,
  },
]);
