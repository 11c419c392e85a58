/**
 * SEC-15 (issue 15): one corrupt evidence file made `zhifa backup` refuse to run, so a
 * deployment with one damaged file had no backup at all. The backup now leaves out the
 * files that fail their hash, lists them in the manifest, and backs up everything else.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateFieldKeys } from '../crypto/field-cipher.js';
import { loadOrCreateSigner } from '../ledger/signing.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { captureMetadata, multipartBody } from '../test/multipart.js';
import { unzip } from '../test/zip.js';
import { createBackup } from './backup.js';

let t: TestApp;
let dir: string;
const good = randomBytes(100_000);
const bad = randomBytes(100_000);
const shas: Record<'good' | 'bad', string> = { good: '', bad: '' };

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'zhifa-backup-corrupt-'));
  loadOrCreateFieldKeys(dir);
  const officer = await t.login('officer1');
  for (const [name, content] of [
    ['good', good],
    ['bad', bad],
  ] as const) {
    const response = await t.request(officer, {
      method: 'POST',
      url: '/api/evidence',
      ...multipartBody(captureMetadata, [{ name: `${name}.bin`, type: 'application/octet-stream', content }]),
    });
    expect(response.statusCode).toBe(201);
    shas[name] = response.json().sha256;
  }
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SEC-15: a backup with a corrupt evidence file', () => {
  it('SEC-15: completes, lists the corrupt file, and backs up everything else', async () => {
    const file = t.evidence.pathOf(shas.bad);
    const altered = Buffer.from(bad);
    altered[500] = altered[500]! ^ 0x01;
    chmodSync(file, 0o600);
    writeFileSync(file, altered);
    const progress: string[] = [];
    const out = path.join(dir, 'backup.zip');
    try {
      const manifest = await createBackup(out, {
        db: t.database.db,
        databaseKind: t.database.kind,
        dataDir: dir,
        evidence: t.evidence,
        signer: loadOrCreateSigner(dir),
        now: t.now,
        progress: (line) => progress.push(line),
      });
      expect(manifest.corruptEvidence).toEqual([
        expect.objectContaining({ sha256: shas.bad, size: bad.length }),
      ]);
      expect(manifest.evidence.map((e) => e.sha256)).toContain(shas.good);
      expect(manifest.evidence.map((e) => e.sha256)).not.toContain(shas.bad);
      expect(existsSync(out)).toBe(true);
      const files = await unzip(out);
      expect(files.get(`evidence/${shas.good}`)?.equals(good)).toBe(true);
      expect(files.has(`evidence/${shas.bad}`)).toBe(false);
      expect(progress.join('\n')).toContain(shas.bad);
    } finally {
      writeFileSync(file, bad);
      chmodSync(file, 0o400);
    }
  });
});
