import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Dates are whole calendar days; the suite runs in UTC and the date-sensitive
// files (*.tz.test.ts) run again at UTC+14 so any local-time drift fails.
export default defineConfig({
  test: {
    root,
    // Generous: a per-test time limit is not a performance check (that is npm run bench), only a
    // guard against a hang, and it must not fail on a busy machine.
    testTimeout: 60_000,
    projects: [
      { test: { name: 'utc', root, include: ['test/**/*.test.ts'], env: { TZ: 'UTC' }, pool: 'forks', testTimeout: 60_000 } },
      {
        test: { name: 'kiritimati', root, include: ['test/**/*.tz.test.ts'], env: { TZ: 'Pacific/Kiritimati' }, pool: 'forks', testTimeout: 60_000 },
      },
    ],
  },
});
