import type { Options } from 'tsup';
export function appBundleOptions(outDir: string): Options;
