import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest files, slowest first (docs/BENCHMARKS.md, CI). On two workers the run ends when
 * the last long file does, so the long ones start first and the short ones fill in around them.
 * Vitest orders by the durations it cached on an earlier run; a fresh clone (CI) has none.
 */
const slowest = [
  'server/src/http/bad-input.test.ts',
  'server/src/http/authorization-matrix.test.ts',
  'server/src/cli/cli.test.ts',
  'server/src/crash.test.ts',
  'server/src/backup/backup.test.ts',
  'server/src/modules/evidence/verify-cli.test.ts',
  'server/src/ledger/package.test.ts',
  'server/src/modules/cases/cases.test.ts',
  'server/src/modules/users/identity.test.ts',
  'server/src/ledger/ledger.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = slowest.findIndex((name) => file.moduleId.endsWith(name));
      return i === -1 ? slowest.length : i;
    };
    // Array sort is stable: the rest keep the order vitest chose.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: SlowestFirst },
    // Budgets against a hang, not speed checks: on a loaded machine a CLI test or a file's
    // setup takes minutes, and a test must not fail for it.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
