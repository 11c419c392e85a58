import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { createSeedSnapshot } from './server/src/test/seed-snapshot.js';

// Tests that run the `zhifa` command or the server process need the compiled server; an
// incremental build is quick when nothing changed. Then the migrated and the seeded database,
// built once for the whole run and copied by each test file (see seed-snapshot.ts).
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'server'], { stdio: 'inherit' });
  const { snapshot, remove } = await createSeedSnapshot(process.env.DATABASE_URL);
  project.provide('seedSnapshot', snapshot);
  return remove;
}
