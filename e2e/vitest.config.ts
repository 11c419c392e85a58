import { defineConfig } from 'vitest/config';
import { slowestFirst } from '../vitest.sequencer.js';

// Browser tests: the built server in a child process, driven through Debian's chromium.
// Two files at a time, each with its server and browser: a walk through the console mostly
// waits on the page (one file kept about two thirds of a core busy), so two overlap well.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    sequence: {
      sequencer: slowestFirst(['case-walk.e2e.test.ts', 'seizure.e2e.test.ts', 'identity.e2e.test.ts']),
    },
    // Budgets against a hang, not speed checks: under load a walk through the console takes minutes.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // expect.poll gives up after 1 s by default: far too soon for a page on a busy machine.
    expect: { poll: { timeout: 120_000 } },
  },
});
