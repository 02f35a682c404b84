// How the playground's app.js is bundled for the browser: the page's code with the pure
// library, one IIFE file. Shared by scripts/build-playground.mjs and the bundle's test,
// so the test checks the bundle the build writes.

/** tsup options for app.js in `outDir`. */
export function appBundleOptions(outDir) {
  return {
    entry: { app: 'src/playground/main.ts' },
    outDir,
    format: ['iife'],
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeshake: true,
    sourcemap: false,
    clean: false,
    dts: false,
    silent: true,
    config: false,
    noExternal: [/.*/],
    outExtension: () => ({ js: '.js' }),
  };
}
