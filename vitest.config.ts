// Test runner settings: every *.test.ts under test/, run in forked workers (the e2e tests open
// real sockets and a native SQLite module, which are happier in processes than threads).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
