import { defineConfig } from 'vitest/config';

// Browser tests: the built server in a child process, driven through Debian's chromium.
// One fork, one file at a time: two cores, one server, one browser.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // Budgets against a hang, not speed checks: under load a walk through the console takes minutes.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
