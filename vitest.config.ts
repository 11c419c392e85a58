import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
