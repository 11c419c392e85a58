/**
 * `zhifa verify` (in this process; the crash test runs it as a process), over evidence: clean, then one byte
 * of a stored file changed, then the file gone — exit 1 naming the evidence.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { LocalEvidenceStore } from '../../storage/local.js';
import { runZhifa } from '../../test/cli.js';
import { freshPostgresDatabase } from '../../test/harness.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'zhifa-verify-'));
let env: NodeJS.ProcessEnv = {
  ...process.env,
  ZHIFA_DATA_DIR: dataDir,
  ZHIFA_DEMO_PASSWORD: 'Demo-Pass-2026',
};
let dropDatabase = async () => {};
const store = new LocalEvidenceStore(path.join(dataDir, 'evidence'));
let stored: { id: string; sha256: string; bytes: Buffer };

const zhifa = (...args: string[]) => runZhifa(env, ...args);

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL);
    env = { ...env, DATABASE_URL: fresh.url };
    dropDatabase = fresh.drop;
  }
  expect((await zhifa('seed', '--demo')).code).toBe(0);
  // Stored as the upload route stores it; the CLI must be the only one holding PGlite afterwards.
  const bytes = randomBytes(300_000);
  const staged = await store.stage(Readable.from([bytes]), { maxBytes: 1 << 20 });
  await staged.commit();
  const database = openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
  try {
    const { db } = database;
    const officer = await db
      .selectFrom('app_user')
      .select(['id', 'agency_id'])
      .where('username', '=', 'officer1')
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('evidence')
      .values({
        agency_id: officer.agency_id,
        sha256: staged.sha256,
        sm3: staged.sm3,
        size: staged.size,
        media_type: 'application/octet-stream',
        original_name: null,
        captured_by: '赵执法',
        captured_at: new Date(),
        location: null,
        device_id: null,
        duration_seconds: null,
        uploaded_by: officer.id,
        uploaded_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    stored = { id: row.id, sha256: staged.sha256, bytes };
  } finally {
    await database.close();
  }
});
afterAll(async () => {
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
});

// Each case starts the CLI (and PGlite) once or twice: slow on a busy machine.
describe('zhifa verify over evidence', { timeout: 120_000 }, () => {
  it('passes and counts the evidence files', async () => {
    const result = await zhifa('verify');
    expect(result.code, result.stderr).toBe(0);
    // The demo's files and this test's one: every file in the store.
    const files = readdirSync(store.root, { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile() && !entry.parentPath.startsWith(store.stagingDir),
    );
    expect(files.length).toBeGreaterThan(1);
    expect(result.stdout).toContain(`${files.length} 个证据文件`);
  });

  it('a changed byte: exit 1 naming the evidence and what differs', async () => {
    const file = store.pathOf(stored.sha256);
    chmodSync(file, 0o600);
    const altered = readFileSync(file);
    altered[150_000] = altered[150_000]! ^ 0x01;
    writeFileSync(file, altered);
    const result = await zhifa('verify');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(stored.id);
    expect(result.stderr).toContain('sha256');
    // One evidence stream alone is checked the same way.
    expect((await zhifa('verify', '--stream', `evidence:${stored.id}`)).code).toBe(1);
  });

  it('a missing file: exit 1', async () => {
    rmSync(store.pathOf(stored.sha256));
    const result = await zhifa('verify');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing');
    writeFileSync(store.pathOf(stored.sha256), stored.bytes);
    expect((await zhifa('verify')).code).toBe(0);
  });
});
