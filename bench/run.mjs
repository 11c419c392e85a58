// Foundation benchmarks (issue 2 targets): start to healthy, first start with
// database creation and demo seed, console initial JavaScript, portal page weight.
// Run after a build: `npm run bench`. Record results in docs/BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startToHealthy(dataDir) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
    env: {
      ...process.env,
      ZHIFA_DATA_DIR: dataDir,
      PORT: String(port),
      ZHIFA_DEMO_PASSWORD: 'Bench-Pass-2026',
    },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) break;
    } catch {}
    if (performance.now() - started > 120_000) throw new Error('server did not become healthy in 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  const elapsed = performance.now() - started;
  const portal = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { elapsed, portal };
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const dataDir = mkdtempSync(path.join(tmpdir(), 'zhifa-bench-'));
try {
  const first = await startToHealthy(dataDir);
  const again = [];
  for (let i = 0; i < 3; i += 1) again.push((await startToHealthy(dataDir)).elapsed);
  const portalBytes = Buffer.byteLength(first.portal);
  console.log(
    `first start (create database, migrate, seed demo) to healthy: ${(first.elapsed / 1000).toFixed(2)} s  (target ≤ 30 s)`,
  );
  console.log(
    `start on existing data to healthy, median of 3:          ${(median(again) / 1000).toFixed(2)} s  (target ≤ 5 s)`,
  );
  console.log(
    `portal home HTML incl. inline CSS, no JavaScript:         ${kb(portalBytes)}  (target ≤ 50 KB; script tags: ${(first.portal.match(/<script/g) ?? []).length})`,
  );
  // The console's initial JavaScript (entry and its static imports), by the web package's own measure.
  const size = execFileSync(process.execPath, [path.join(root, 'web/scripts/initial-size.mjs')], {
    encoding: 'utf8',
  });
  console.log(`console ${size.trim().split('\n').at(-1)}  (target ≤ 400 KB)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
