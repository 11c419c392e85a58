import { execFileSync } from 'node:child_process';

// Browser tests drive the built server and console: rebuild whatever is stale first
// (quick when nothing changed), so a single file run directly never tests an old build.
// Without vitest's NODE_ENV=test, which would make vite build the console in test mode.
export default function setup() {
  const { NODE_ENV: _, ...env } = process.env;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env });
}
