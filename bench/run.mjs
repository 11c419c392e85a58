// Foundation benchmarks (issue 2 targets): start to healthy, first start with
// database creation and demo seed, console initial JavaScript, portal page weight.
// Run after a build: `npm run bench`. Record results in docs/BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

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

function consoleInitialJs() {
  const dist = path.join(root, 'web/dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/console\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let js = 0;
  let css = 0;
  for (const file of files) {
    const size = gzipSync(readFileSync(path.join(dist, file))).length;
    if (file.endsWith('.js')) js += size;
    else css += size;
  }
  return { files, js, css };
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const dataDir = mkdtempSync(path.join(tmpdir(), 'zhifa-bench-'));
try {
  const first = await startToHealthy(dataDir);
  const again = [];
  for (let i = 0; i < 3; i += 1) again.push((await startToHealthy(dataDir)).elapsed);
  const bundle = consoleInitialJs();
  const portalBytes = Buffer.byteLength(first.portal);
  console.log(
    `first start (create database, migrate, seed demo) to healthy: ${(first.elapsed / 1000).toFixed(2)} s  (target ≤ 30 s)`,
  );
  console.log(
    `start on existing data to healthy, median of 3:          ${(median(again) / 1000).toFixed(2)} s  (target ≤ 5 s)`,
  );
  console.log(
    `console initial JavaScript, gzipped:                     ${kb(bundle.js)}  (target ≤ 400 KB; CSS ${kb(bundle.css)})`,
  );
  console.log(
    `portal home HTML incl. inline CSS, no JavaScript:         ${kb(portalBytes)}  (target ≤ 50 KB; script tags: ${(first.portal.match(/<script/g) ?? []).length})`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
