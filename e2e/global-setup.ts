import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startServer } from './support.js';

// Browser tests drive the built server and console: rebuild whatever is stale first
// (quick when nothing changed), so a single file run directly never tests an old build.
// Without vitest's NODE_ENV=test, which would make vite build the console in test mode.
// Then the demo is seeded once, by a first start of that server, and stopped cleanly: each
// file's server starts on a copy of its data directory (seeding renders the demo's documents).
export default async function setup(project: TestProject) {
  const { NODE_ENV: _, ...env } = process.env;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env });
  const first = await startServer();
  await first.stop({ keepData: true });
  project.provide('seededDataDir', first.dataDir);
  return () => rm(first.dataDir, { recursive: true, force: true });
}
