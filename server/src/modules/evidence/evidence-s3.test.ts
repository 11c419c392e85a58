/** The real app with its evidence in an S3 bucket (s3rver), chosen from the configuration as in production. */
import { createHash, randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.js';
import { openEvidenceStore } from '../../storage/open.js';
import { S3EvidenceStore } from '../../storage/s3.js';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { mediaSamples } from '../../test/media-samples.js';
import { captureMetadata, multipartBody } from '../../test/multipart.js';
import { startS3rver, type TestS3 } from '../../test/s3rver.js';

let s3: TestS3;
let t: TestApp<S3EvidenceStore>;
let officer: Session;
const integrityLog: { sha256: string; problem: string }[] = [];

beforeAll(async () => {
  s3 = await startS3rver();
  const bucket = await s3.bucket();
  const config = readConfig({
    ZHIFA_S3_ENDPOINT: bucket.endpoint,
    ZHIFA_S3_BUCKET: bucket.bucket,
    ZHIFA_S3_ACCESS_KEY_ID: bucket.accessKeyId,
    ZHIFA_S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
  });
  const evidence = await openEvidenceStore(config, (event) => integrityLog.push(event));
  if (!(evidence instanceof S3EvidenceStore)) throw new Error('expected the S3 store');
  t = await createTestApp({ evidence });
  officer = await t.login('officer1');
});
afterAll(async () => {
  await t?.close();
  t?.evidence.client.destroy();
  await s3?.close();
});

const upload = (bytes: Buffer) =>
  t.request(officer, {
    method: 'POST',
    url: '/api/evidence',
    ...multipartBody(captureMetadata, [{ name: '执法记录仪-002.mp4', type: 'video/mp4', content: bytes }]),
  });

const content = (id: string, headers: Record<string, string> = {}) =>
  t.request(officer, { method: 'GET', url: `/api/evidence/${id}/content`, headers });

describe('evidence in an S3 bucket', () => {
  // Over one 8 MiB part: a multipart upload.
  const bytes = Buffer.concat([mediaSamples.mp4!.bytes, randomBytes(9 * 1024 * 1024)]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let id: string;

  it('R7: stores an upload in the bucket under its SHA-256, with hashes equal to node:crypto’s', async () => {
    const response = await upload(bytes);
    expect(response.statusCode, response.body).toBe(201);
    id = response.json().id;
    expect(response.json()).toMatchObject({
      sha256,
      sm3: createHash('sm3').update(bytes).digest('hex'),
      size: bytes.length,
      mediaType: 'video/mp4',
    });
    expect(await t.evidence.rehash(sha256)).toMatchObject({ sha256, size: bytes.length });
  });

  it('R7: serves the whole file, and a Range with 206 and exactly those bytes', async () => {
    const whole = await content(id);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(bytes)).toBe(true);
    const start = 5 * 1024 * 1024 - 10;
    const end = 8 * 1024 * 1024 + 10;
    const part = await content(id, { range: `bytes=${start}-${end}` });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(part.rawPayload.equals(bytes.subarray(start, end + 1))).toBe(true);
    const last = await content(id, { range: 'bytes=-1' });
    expect(last.rawPayload.equals(bytes.subarray(-1))).toBe(true);
  });

  it('R7: an object altered in the bucket is refused and logged', async () => {
    const altered = Buffer.from(bytes);
    altered[100] = altered[100]! ^ 0x01;
    await t.evidence.client.send(
      new PutObjectCommand({ Bucket: t.evidence.bucket, Key: t.evidence.keyOf(sha256), Body: altered }),
    );
    // The range lies before the change, yet its bytes are held back until the whole object matched.
    const response = await content(id, { range: 'bytes=0-99' });
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('EVIDENCE_INTEGRITY_FAILED');
    expect(integrityLog.at(-1)).toMatchObject({ sha256, problem: expect.stringMatching(/^sha256 /) });
  });
});

describe('a bucket that fails', () => {
  let broken: TestApp<S3EvidenceStore>;
  beforeAll(async () => {
    const settings = await s3.bucket();
    broken = await createTestApp({
      evidence: new S3EvidenceStore({ ...settings, bucket: 'no-such-bucket' }),
    });
  });
  afterAll(async () => {
    await broken?.close();
    broken?.evidence.client.destroy();
  });

  it('makes an upload a server error (500), not the client’s, and records nothing', async () => {
    const session = await broken.login('officer1');
    const rowsOf = () => broken.database.db.selectFrom('evidence').select('id').execute();
    const seeded = await rowsOf();
    const response = await broken.request(session, {
      method: 'POST',
      url: '/api/evidence',
      ...multipartBody(captureMetadata, [
        { name: 'a.jpg', type: 'image/jpeg', content: randomBytes(50_000) },
      ]),
    });
    expect(response.statusCode, response.body).toBe(500);
    expect(response.json().code).toBe('INTERNAL');
    expect(await rowsOf()).toEqual(seeded);
  });
});
