import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary root per run (TMPDIR for the workers), removed when the run ends.
    globalSetup: ['test/helpers/temp-root.ts'],
    // Corpus tests parse ~2,000 real pages once per file; give them room on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
