/**
 * SEC-15 (issue 15): a tampered 5 MiB evidence file streamed 4 MiB of altered bytes under
 * a 200 before the connection was cut. Content is now verified before the first byte is
 * sent; the client gets 500 EVIDENCE_INTEGRITY_FAILED and none of the altered content.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldBytesLimit } from '../../storage/verifying-reader.js';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { captureMetadata, multipartBody } from '../../test/multipart.js';

let t: TestApp;
let officer: Session;
const size = 5 * 1024 * 1024;
const original = randomBytes(size);
let stored: { id: string; sha256: string };

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('officer1');
  const response = await t.request(officer, {
    method: 'POST',
    url: '/api/evidence',
    ...multipartBody(captureMetadata, [
      { name: '现场.bin', type: 'application/octet-stream', content: original },
    ]),
  });
  expect(response.statusCode, response.body).toBe(201);
  stored = response.json();
});
afterAll(() => t.close());

describe('SEC-15: no unverified byte of evidence leaves the server', () => {
  it('SEC-15: a tampered 5 MiB file is refused before any byte, whole or ranged', async () => {
    const file = t.evidence.pathOf(stored.sha256);
    // The tamperer changes the last byte and marks the rest so it can be recognised.
    const altered = Buffer.alloc(size, 0x5a);
    altered[size - 1] = original[size - 1]! ^ 0xff;
    chmodSync(file, 0o600);
    writeFileSync(file, altered);
    try {
      for (const headers of [{}, { range: 'bytes=0-4194303' }, { range: 'bytes=1048576-' }]) {
        const response = await t.request(officer, {
          method: 'GET',
          url: `/api/evidence/${stored.id}/content`,
          headers,
        });
        expect(response.statusCode, JSON.stringify(headers)).toBe(500);
        expect(response.json().code).toBe('EVIDENCE_INTEGRITY_FAILED');
        expect(response.rawPayload.length).toBeLessThan(4096);
        expect(response.rawPayload.includes(Buffer.alloc(64, 0x5a))).toBe(false);
      }
    } finally {
      writeFileSync(file, original);
      chmodSync(file, 0o400);
    }
    const clean = await t.request(officer, { method: 'GET', url: `/api/evidence/${stored.id}/content` });
    expect(clean.statusCode).toBe(200);
    expect(clean.rawPayload.equals(original)).toBe(true);
  });

  it('SEC-15: above the held limit the whole file is hashed first: a tampered 17 MiB file sends nothing', async () => {
    const big = randomBytes(heldBytesLimit + 1024 * 1024);
    const uploaded = await t.request(officer, {
      method: 'POST',
      url: '/api/evidence',
      ...multipartBody(captureMetadata, [
        { name: '录像.bin', type: 'application/octet-stream', content: big },
      ]),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id, sha256 } = uploaded.json();
    const file = t.evidence.pathOf(sha256);
    const altered = Buffer.from(big);
    altered.fill(0x5a, 0, 1024 * 1024);
    chmodSync(file, 0o600);
    writeFileSync(file, altered);
    try {
      const response = await t.request(officer, { method: 'GET', url: `/api/evidence/${id}/content` });
      expect(response.statusCode).toBe(500);
      expect(response.json().code).toBe('EVIDENCE_INTEGRITY_FAILED');
      expect(response.rawPayload.length).toBeLessThan(4096);
    } finally {
      writeFileSync(file, big);
      chmodSync(file, 0o400);
    }
    const clean = await t.request(officer, { method: 'GET', url: `/api/evidence/${id}/content` });
    expect(clean.statusCode).toBe(200);
    expect(clean.rawPayload.equals(big)).toBe(true);
  });
});
