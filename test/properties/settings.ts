import type fc from 'fast-check';

/**
 * fast-check settings for one property: a fixed seed per property so CI is
 * reproducible; CAILIANG_PROPERTY_SEED (a number, or "random") and
 * CAILIANG_PROPERTY_RUNS (a multiplier) explore further on demand:
 *
 *   CAILIANG_PROPERTY_SEED=random CAILIANG_PROPERTY_RUNS=10 npx vitest run --config test/vitest.config.ts test/properties
 */
export function runs(seed: number, numRuns: number): fc.Parameters<unknown> {
  const env = process.env.CAILIANG_PROPERTY_SEED;
  const chosen = env === undefined || env === '' ? seed : env === 'random' ? (Math.random() * 2 ** 31) | 0 : Number(env);
  const factor = Number(process.env.CAILIANG_PROPERTY_RUNS ?? 1) || 1;
  if (chosen !== seed) process.stderr.write(`fast-check seed ${chosen}\n`);
  return { seed: chosen, numRuns: Math.max(1, Math.round(numRuns * factor)) };
}
