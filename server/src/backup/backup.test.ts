import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { loadOrCreateFieldKeys } from '../crypto/field-cipher.js';
import { openDatabase } from '../db/database.js';
import { appendEvent } from '../ledger/append.js';
import { createCheckpoint, verifyCheckpoints } from '../ledger/checkpoint.js';
import { loadOrCreateSigner } from '../ledger/signing.js';
import { storedFiles, verifyEvidence, verifyLedger } from '../ledger/verify.js';
import { inquiryRecordExample } from '../modules/documents/test-fixtures.js';
import { LocalEvidenceStore } from '../storage/local.js';
import { createTestApp, databaseFingerprint, openTestDatabase, type TestApp } from '../test/harness.js';
import { mediaSamples } from '../test/media-samples.js';
import { captureMetadata, multipartBody } from '../test/multipart.js';
import { createBackup } from './backup.js';
import type { BackupManifest } from './format.js';
import { restoreBackup } from './restore.js';

let source: TestApp;
let workDir: string;
let backupFile: string;
let manifest: BackupManifest;
let seededFiles: number;
const progress: string[] = [];

const sourceDataDir = () => path.join(workDir, 'source');

beforeAll(async () => {
  source = await createTestApp();
  workDir = mkdtempSync(path.join(tmpdir(), 'zhifa-backup-'));
  // The source deployment's key files (the test app keeps its keys in memory).
  loadOrCreateFieldKeys(sourceDataDir());
  const seeded = await sql<{ n: number }>`
    SELECT count(DISTINCT sha256)::int AS n FROM ${storedFiles} AS stored`.execute(source.database.db);
  seededFiles = seeded.rows[0]!.n;
  const officer = await source.login('officer1');
  const video = Buffer.concat([mediaSamples.mp4!.bytes, randomBytes(300_000)]);
  for (const bytes of [video, video, mediaSamples.png!.bytes]) {
    const response = await source.request(officer, {
      method: 'POST',
      url: '/api/evidence',
      ...multipartBody(captureMetadata, [{ name: '现场.mp4', type: 'video/mp4', content: bytes }]),
    });
    expect(response.statusCode).toBe(201);
  }
  // A rendered document lives in the same store and must come back too.
  const document = await source.request(officer, {
    method: 'POST',
    url: '/api/documents',
    payload: { kind: 'inquiryRecord', data: inquiryRecordExample },
  });
  expect(document.statusCode, document.body).toBe(201);
  backupFile = path.join(workDir, 'backup.zip');
  manifest = await createBackup(backupFile, {
    db: source.database.db,
    databaseKind: source.database.kind,
    dataDir: sourceDataDir(),
    evidence: source.evidence,
    signer: loadOrCreateSigner(sourceDataDir()),
    now: source.now,
    progress: (line) => progress.push(line),
  });
});
afterAll(async () => {
  await source.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function restoreInto(database: { db: TestApp['database']['db'] }, file = backupFile) {
  const dataDir = mkdtempSync(path.join(workDir, 'target-'));
  const evidence = new LocalEvidenceStore(path.join(dataDir, 'evidence'));
  const restored = await restoreBackup(file, { db: database.db, dataDir, evidence, progress: () => {} });
  return { dataDir, evidence, restored };
}

/** The backup with one entry's bytes replaced. */
async function alteredBackup(entryName: string, alter: (content: Buffer) => Buffer) {
  const zip = await yauzl.openPromise(backupFile);
  const out = new yazl.ZipFile();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    const content = Buffer.concat(chunks);
    out.addBuffer(entry.fileName === entryName ? alter(content) : content, entry.fileName);
  }
  const file = path.join(workDir, `altered-${randomBytes(4).toString('hex')}.zip`);
  const written = pipeline(out.outputStream, createWriteStream(file));
  out.end();
  await written;
  return file;
}

const flipLastCharacter = (content: Buffer) => {
  const copy = Buffer.from(content);
  const at = copy.lastIndexOf('"');
  copy[at - 1] = copy[at - 1] === 0x61 ? 0x62 : 0x61;
  return copy;
};

/**
 * Every row of every table, but when each migration ran (the target ran them itself) and the
 * rule data's version (the restore bumps the target's own, so no process keeps the old rules).
 */
const contentOf = async (database: TestApp['database']) =>
  (await databaseFingerprint(database)).replace(/(kysely_migration|rule_data_version):[^,]*,/g, '');

async function isEmpty(database: { db: TestApp['database']['db'] }) {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM app_user`.execute(database.db);
  return rows[0]!.n === 0;
}

describe('R7: backup and restore', () => {
  it('R7: backs up every table, each distinct stored file (evidence, documents) once, and the keys, with progress', () => {
    expect(manifest.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'agency',
        'app_user',
        'ledger_event',
        'ledger_stream',
        'checkpoint',
        'evidence',
      ]),
    );
    expect(manifest.tables.map((t) => t.name)).not.toContain('user_session');
    // The demo's stored files, the two distinct uploads and the rendered document, each once.
    expect(manifest.evidence).toHaveLength(seededFiles + 3);
    expect(new Set(manifest.evidence.map((e) => e.sha256)).size).toBe(manifest.evidence.length);
    expect(manifest.keys.map((k) => k.name).sort()).toEqual(['field-keys.json', 'sm2-private.key']);
    expect(manifest.checkpoint?.root).toMatch(/^[0-9a-f]{64}$/);
    expect(progress).toContain(
      `数据表 ledger_event：${manifest.tables.find((t) => t.name === 'ledger_event')!.rows} 行`,
    );
    const total = manifest.evidence.length;
    expect(progress.some((line) => line.startsWith(`证据文件 ${total}/${total}`))).toBe(true);
  });

  it('R7: the round trip restores identical rows, files and keys, and the same checkpoint root', async () => {
    const target = await openTestDatabase();
    try {
      const { dataDir, evidence } = await restoreInto(target.database);
      expect(await contentOf(target.database)).toBe(await contentOf(source.database));
      const latest = await target.database.db
        .selectFrom('checkpoint')
        .select('root')
        .orderBy('tree_size', 'desc')
        .executeTakeFirstOrThrow();
      expect(latest.root).toBe(manifest.checkpoint!.root);
      expect((await verifyLedger(target.database.db)).ok).toBe(true);
      expect((await verifyCheckpoints(target.database.db)).problem).toBeNull();
      expect((await verifyEvidence(target.database.db, evidence)).firstProblem).toBeNull();
      // Every head is already in the restored checkpoint: nothing new to sign.
      const signer = loadOrCreateSigner(dataDir);
      expect(
        await target.database.db.transaction().execute((trx) => createCheckpoint(trx, signer, new Date())),
      ).toBe(null);
      for (const name of ['field-keys.json', 'sm2-private.key'])
        expect(readFileSync(path.join(dataDir, 'keys', name))).toEqual(
          readFileSync(path.join(sourceDataDir(), 'keys', name)),
        );
      // Serial columns continue after the restored rows: a new event appends.
      await target.database.db.transaction().execute((trx) =>
        appendEvent(
          trx,
          {
            streamId: 'test:after-restore',
            agencyId: null,
            actorId: null,
            kind: 'test.note',
            payload: { text: '恢复后' },
          },
          new Date(),
        ),
      );
    } finally {
      await target.dispose();
    }
  });

  it('R7: a backup of one database kind restores into the embedded one', async () => {
    const embedded = openDatabase({ memory: true });
    try {
      await restoreInto(embedded);
      expect(await contentOf(embedded)).toBe(await contentOf(source.database));
    } finally {
      await embedded.close();
    }
  });

  it('R7: refuses to restore over a deployment that has records, and changes nothing', async () => {
    const before = await databaseFingerprint(source.database);
    await expect(restoreInto(source.database)).rejects.toThrow(/空的部署/);
    expect(await databaseFingerprint(source.database)).toBe(before);
  });

  it('R7: an altered table in the backup is refused and the target stays empty', async () => {
    const altered = await alteredBackup('database/ledger_event.jsonl', flipLastCharacter);
    const target = await openTestDatabase();
    try {
      await expect(restoreInto(target.database, altered)).rejects.toThrow(
        /ledger_event 的内容与清单的 SHA-256 不符/,
      );
      expect(await isEmpty(target.database)).toBe(true);
    } finally {
      await target.dispose();
    }
  });

  it('R7: an altered evidence file in the backup is refused before any row is loaded', async () => {
    const { entry } = manifest.evidence[0]!;
    const altered = await alteredBackup(entry, (content) =>
      Buffer.concat([content.subarray(0, -1), Buffer.from([content.at(-1)! ^ 1])]),
    );
    const target = await openTestDatabase();
    try {
      await expect(restoreInto(target.database, altered)).rejects.toThrow(/内容与其哈希不符/);
      expect(await isEmpty(target.database)).toBe(true);
    } finally {
      await target.dispose();
    }
  });

  it('R7: a file that is not a backup is refused with a clear message', async () => {
    const target = await openTestDatabase();
    try {
      const notZip = path.join(workDir, 'not-a-backup.zip');
      await pipeline(async function* () {
        yield Buffer.from('这不是备份');
      }, createWriteStream(notZip));
      await expect(restoreInto(target.database, notZip)).rejects.toThrow(/无法读取备份文件/);
      const wrongManifest = await alteredBackup('manifest.json', () => Buffer.from('{"format":"other"}'));
      await expect(restoreInto(target.database, wrongManifest)).rejects.toThrow(/不是 zhifa 备份文件/);
    } finally {
      await target.dispose();
    }
  });
});
