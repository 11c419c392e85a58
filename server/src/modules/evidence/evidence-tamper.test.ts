/**
 * R7: every single-byte change to a stored evidence file is detected by the
 * verification `zhifa verify` runs, naming the evidence that changed.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { chmodSync, closeSync, openSync, readSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidence } from '../../ledger/verify.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { captureMetadata, multipartBody } from '../../test/multipart.js';

let t: TestApp;
const stored: { id: string; sha256: string; size: number }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const officer = await t.login('officer1');
  for (const size of [1, 4_096, 70_000]) {
    const response = await t.request(officer, {
      method: 'POST',
      url: '/api/evidence',
      ...multipartBody(captureMetadata, [
        { name: '现场.bin', type: 'application/octet-stream', content: randomBytes(size) },
      ]),
    });
    expect(response.statusCode).toBe(201);
    stored.push(response.json());
  }
});
afterAll(() => t.close());

/** Writes one byte in place (the store keeps files read-only; a tamperer would not care). */
function writeByte(file: string, offset: number, value: number): number {
  chmodSync(file, 0o600);
  const fd = openSync(file, 'r+');
  try {
    const old = Buffer.alloc(1);
    readSync(fd, old, 0, 1, offset);
    writeSync(fd, Buffer.from([value]), 0, 1, offset);
    return old[0]!;
  } finally {
    closeSync(fd);
    chmodSync(file, 0o400);
  }
}

describe('R7: tampering with evidence files', () => {
  it('R7: 1,000 random single-byte mutations of evidence files — every one detected and named', async () => {
    expect((await verifyEvidence(t.database.db, t.evidence)).ok).toBe(true);
    for (let i = 0; i < 1_000; i += 1) {
      const target = stored[randomInt(stored.length)]!;
      const file = t.evidence.pathOf(target.sha256);
      const offset = randomInt(target.size);
      const original = writeByte(file, offset, 0);
      // A different value at the same place: XOR with 1..255.
      writeByte(file, offset, original ^ randomInt(1, 256));
      // The check `zhifa verify --stream evidence:<id>` runs; the whole store (the demo's files too) is
      // verified before and after the loop.
      const result = await verifyEvidence(t.database.db, t.evidence, { evidenceId: target.id });
      expect(result.ok, `mutation ${i} at byte ${offset} of ${target.id}`).toBe(false);
      expect(result.firstProblem).toMatchObject({ evidenceId: target.id, problem: 'sha256' });
      writeByte(file, offset, original);
    }
    expect((await verifyEvidence(t.database.db, t.evidence)).ok).toBe(true);
  });
});
