import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { slowestFirst } from './vitest.sequencer.js';

// The slowest files, slowest first (measured: docs/BENCHMARKS.md, CI).
const slowest = [
  'server/src/http/authorization-matrix.test.ts',
  'server/src/cli/cli.test.ts',
  'server/src/crash.test.ts',
  'server/src/http/bad-input.test.ts',
  'server/src/backup/backup.test.ts',
  'server/src/modules/cases/calendar-bounds.test.ts',
  'server/src/modules/cases/cases.test.ts',
  'server/src/modules/evidence/verify-cli.test.ts',
  'server/src/ledger/package.test.ts',
  'server/src/modules/users/identity.test.ts',
];

// Unit and integration tests: core rules and the server against a real database
// (PGlite in memory by default; PostgreSQL when DATABASE_URL is set).
export default defineConfig({
  resolve: {
    alias: { '@zhifa/core': fileURLToPath(new URL('./core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['core/src/**/*.test.ts', 'server/src/**/*.test.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    pool: 'forks',
    // Two workers on two cores: many tests wait on the database, child processes or scrypt,
    // so the default (one worker fewer than the cores) leaves a core idle.
    maxWorkers: 2,
    // One process per worker for all its files, not one per file: a new process per file spent
    // more than a third of the run importing modules and warming up PGlite (docs/BENCHMARKS.md).
    // No test mocks modules, and each file opens and closes its own database and app.
    isolate: false,
    sequence: { sequencer: slowestFirst(slowest) },
    // Budgets against a hang, not speed checks: on a loaded machine a CLI test or a file's
    // setup takes minutes, and a test must not fail for it.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
