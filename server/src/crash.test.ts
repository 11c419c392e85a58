/**
 * R7 crash test: the built server is killed with SIGKILL while uploads and
 * ledger appends are in flight. After it, `zhifa verify` passes, every write
 * the server acknowledged is there, and no partial evidence file exists.
 * Runs on PGlite, or on a fresh PostgreSQL database when DATABASE_URL is set.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnZhifa } from './test/cli.js';
import { freshPostgresDatabase } from './test/harness.js';
import { captureMetadata } from './test/multipart.js';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const password = 'Crash-Test-Pass-2026';
const dataDir = mkdtempSync(path.join(tmpdir(), 'zhifa-crash-'));
let env: NodeJS.ProcessEnv = { ...process.env, ZHIFA_DATA_DIR: dataDir, ZHIFA_DEMO_PASSWORD: password };
let dropDatabase = async () => {};

beforeAll(async () => {
  env.PORT = String(await freePort());
  if (process.env.DATABASE_URL) {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL);
    env = { ...env, DATABASE_URL: fresh.url };
    dropDatabase = fresh.drop;
  } else {
    env.DATABASE_URL = '';
  }
});
afterAll(async () => {
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
});

const baseUrl = () => `http://127.0.0.1:${env.PORT}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(serverDir, 'dist/main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${errors}`);
    const healthy = await fetch(`${baseUrl()}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server not healthy within 600 s: ${errors}`);
}

async function stopped(child: ChildProcess, signal: NodeJS.Signals) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

async function login(username: string) {
  const response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('zhifa_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under a directory, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));

describe('R7: crash, backup and restore of a running deployment', () => {
  it('R7: after kill -9, verify passes, acknowledged writes are present, no partial evidence file exists', async () => {
    let server = await startServer();
    const officer = await login('officer1');
    const uploaded = new Map<string, string>(); // id → sha256, only once the server answered 201
    const views = new Map<string, number>(); // id → acknowledged metadata views (each one a ledger append)
    let crashed = false;

    const uploadLoop = async () => {
      while (!crashed) {
        const bytes = randomBytes(256 * 1024 + Math.floor(Math.random() * 2 * 1024 * 1024));
        const form = new FormData();
        for (const [name, value] of Object.entries(captureMetadata)) form.append(name, value);
        form.append('file', new Blob([bytes]), '现场录像.bin');
        const response = await fetch(`${baseUrl()}/api/evidence`, {
          method: 'POST',
          headers: officer,
          body: form,
        }).catch(() => null);
        if (!response) return;
        if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
        const body = (await response.json()) as { id: string; sha256: string };
        expect(body.sha256).toBe(sha256(bytes));
        uploaded.set(body.id, body.sha256);
      }
    };
    const appendLoop = async () => {
      while (!crashed) {
        const ids = [...uploaded.keys()];
        if (ids.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        // Half the appends go to one shared stream, half spread over the others.
        const id = Math.random() < 0.5 ? ids[0]! : ids[Math.floor(Math.random() * ids.length)]!;
        const response = await fetch(`${baseUrl()}/api/evidence/${id}`, { headers: officer }).catch(
          () => null,
        );
        if (!response) return;
        if (response.status !== 200) throw new Error(`view: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        views.set(id, (views.get(id) ?? 0) + 1);
      }
    };
    const work = Promise.all([
      uploadLoop(),
      uploadLoop(),
      uploadLoop(),
      appendLoop(),
      appendLoop(),
      appendLoop(),
    ]);

    // Let enough be acknowledged, then kill at a moment the test does not choose.
    while (uploaded.size < 6 || [...views.values()].reduce((a, b) => a + b, 0) < 30)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 300));
    crashed = true;
    await stopped(server, 'SIGKILL');
    await work;

    // 1. The ledger, the checkpoints and every stored file verify (the dead server's lock is taken over).
    const verify = await spawnZhifa(env, 'verify');
    expect(verify.stdout).toMatch(/^校验通过/);

    // 2. Nothing partial under an address: every stored file is complete, its name its hash.
    const evidenceDir = path.join(dataDir, 'evidence');
    for (const file of filesUnder(evidenceDir).filter((f) => !f.includes(`${path.sep}staging${path.sep}`)))
      expect(sha256(readFileSync(file))).toBe(path.basename(file));

    // 3. Restarted, the server removes what the crash left in staging and serves every acknowledged write.
    server = await startServer();
    try {
      expect(filesUnder(path.join(evidenceDir, 'staging'))).toEqual([]);
      const auditor = await login('auditadmin');
      for (const [id, expected] of uploaded) {
        const content = await fetch(`${baseUrl()}/api/evidence/${id}/content`, { headers: officer });
        expect(content.status).toBe(200);
        expect(sha256(Buffer.from(await content.arrayBuffer()))).toBe(expected);
        const events = await fetch(`${baseUrl()}/api/ledger/streams/evidence:${id}/events?pageSize=1000`, {
          headers: auditor,
        });
        const { items } = (await events.json()) as {
          items: { kind: string; payload: { access?: string } }[];
        };
        expect(items[0]!.kind).toBe('evidence.stored');
        const metadataViews = items.filter((e) => e.payload.access === 'metadata').length;
        expect(metadataViews).toBeGreaterThanOrEqual(views.get(id) ?? 0);
      }
      expect(statSync(evidenceDir).isDirectory()).toBe(true);
    } finally {
      await stopped(server, 'SIGTERM');
    }
  });

  it('R7: zhifa backup, then zhifa restore into a new deployment, gives the same checkpoint root', async () => {
    const zhifa = (args: string[], environment: NodeJS.ProcessEnv) => spawnZhifa(environment, ...args);
    const file = path.join(dataDir, 'backup.zip');
    const backup = await zhifa(['backup', file], env);
    const root = /检查点根 ([0-9a-f]{64})/.exec(backup.stdout)?.[1];
    expect(root).toMatch(/^[0-9a-f]{64}$/);
    expect(backup.stderr).toMatch(/证据文件 \d+\/\d+/);

    const restoredDir = mkdtempSync(path.join(tmpdir(), 'zhifa-restored-'));
    const target: NodeJS.ProcessEnv = { ...env, ZHIFA_DATA_DIR: restoredDir };
    let dropTarget = async () => {};
    if (process.env.DATABASE_URL) {
      const fresh = await freshPostgresDatabase(process.env.DATABASE_URL);
      target.DATABASE_URL = fresh.url;
      dropTarget = fresh.drop;
    }
    try {
      const restored = await zhifa(['restore', file], target);
      expect(restored.stdout).toContain(`检查点根 ${root}，与备份时一致`);
      expect((await zhifa(['verify'], target)).stdout).toMatch(/^校验通过/);
      // A second restore would mix two histories: refused, exit 1.
      const again = await zhifa(['restore', file], target);
      expect(again).toMatchObject({ code: 1 });
      expect(again.stderr).toMatch(/空的部署/);
    } finally {
      await dropTarget();
      rmSync(restoredDir, { recursive: true, force: true });
    }
  });
});
