import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { startS3rver, type TestS3 } from '../test/s3rver.js';
import { chunked, digestOf, evidenceStoreContract, readAll } from '../test/store-contract.js';
import { EvidenceStoreError } from './evidence-store.js';
import { openEvidenceStore } from './open.js';
import { S3EvidenceStore } from './s3.js';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(() => s3.close());

/** Every key in the store's bucket. */
async function keysOf(store: S3EvidenceStore): Promise<string[]> {
  const page = await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket }));
  return (page.Contents ?? []).map((o) => o.Key!).sort();
}

evidenceStoreContract('S3EvidenceStore', async () => {
  const logged: { sha256: string; problem: string }[] = [];
  const store = new S3EvidenceStore(await s3.bucket(), { log: (event) => logged.push(event) });
  return {
    store,
    logged,
    list: () => keysOf(store),
    locationOf: (sha256) => store.keyOf(sha256),
    overwrite: async (sha256, bytes) => {
      await store.client.send(
        new PutObjectCommand({ Bucket: store.bucket, Key: store.keyOf(sha256), Body: bytes }),
      );
    },
    remove: async (sha256) => {
      await store.client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: store.keyOf(sha256) }));
    },
    dispose: async () => store.client.destroy(),
  };
});

describe('S3EvidenceStore', () => {
  it('R7: keeps content at objects/ab/cd/<sha256>, byte for byte, staged under staging/<uuid> until commit', async () => {
    const store = new S3EvidenceStore(await s3.bucket());
    const bytes = randomBytes(20 * 1024 * 1024 + 3);
    const staged = await store.stage(chunked(bytes, 1024 * 1024 - 1), { maxBytes: 1 << 30 });
    const staging = await keysOf(store);
    expect(staging).toHaveLength(1);
    expect(staging[0]).toMatch(/^staging\/[0-9a-f-]{36}$/);
    await staged.commit();
    const key = `objects/${staged.sha256.slice(0, 2)}/${staged.sha256.slice(2, 4)}/${staged.sha256}`;
    expect(store.keyOf(staged.sha256)).toBe(key);
    expect(await keysOf(store)).toEqual([key]);
    const object = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key: key }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(bytes)).toBe(true);
    expect(await store.rehash(staged.sha256)).toEqual(digestOf(bytes));
  });

  it('R7: does not rewrite an object it already holds', async () => {
    const store = new S3EvidenceStore(await s3.bucket());
    const bytes = randomBytes(10_000);
    const first = await store.stage(chunked(bytes), { maxBytes: 1 << 20 });
    await first.commit();
    const key = { Bucket: store.bucket, Key: store.keyOf(first.sha256) };
    // Marks the stored object: a rewrite would replace the marker.
    await store.client.send(new PutObjectCommand({ ...key, Body: bytes, Metadata: { marker: 'first' } }));
    const second = await store.stage(chunked(bytes), { maxBytes: 1 << 20 });
    expect(await second.commit()).toEqual({ alreadyStored: true });
    expect((await store.client.send(new HeadObjectCommand(key))).Metadata).toEqual({ marker: 'first' });
    expect(await keysOf(store)).toEqual([key.Key]);
  });

  it('leaves nothing when a large upload is refused after parts were sent', async () => {
    const store = new S3EvidenceStore(await s3.bucket());
    await expect(
      store.stage(chunked(randomBytes(30 * 1024 * 1024)), { maxBytes: 25 * 1024 * 1024 }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await keysOf(store)).toEqual([]);
  });

  it('reports a failing bucket as a store error, not as the client’s', async () => {
    const settings = await s3.bucket();
    const store = new S3EvidenceStore({ ...settings, bucket: 'no-such-bucket' });
    const staging = store.stage(chunked(randomBytes(100_000)), { maxBytes: 1 << 20 });
    await expect(staging).rejects.toBeInstanceOf(EvidenceStoreError);
    await expect(staging).rejects.toThrow('NoSuchBucket');
    await expect(store.read({ sha256: 'a'.repeat(64), size: 1 })).rejects.toBeInstanceOf(EvidenceStoreError);
    await expect(store.sweepStaging()).rejects.toThrow(/S3 存储桶 no-such-bucket.*NoSuchBucket/);
    const unknownKey = new S3EvidenceStore({ ...settings, accessKeyId: 'UNKNOWN' });
    await expect(unknownKey.sweepStaging()).rejects.toThrow('InvalidAccessKeyId');
  });

  it('sweeps staging objects left by a crash, not recent ones or stored content', async () => {
    const store = new S3EvidenceStore(await s3.bucket());
    const stored = await store.stage(Readable.from([Buffer.from('stored')]), { maxBytes: 1000 });
    await stored.commit();
    const pending = await store.stage(Readable.from([Buffer.from('pending')]), { maxBytes: 1000 });
    expect(await store.sweepStaging()).toBe(0);
    // Two hours on, the pending upload's staging object counts as abandoned.
    expect(await store.sweepStaging(60 * 60 * 1000, Date.now() + 2 * 3600 * 1000)).toBe(1);
    expect(await keysOf(store)).toEqual([store.keyOf(stored.sha256)]);
    await expect(pending.commit()).rejects.toThrow();
    expect((await readAll(await store.read(stored))).toString()).toBe('stored');
  });
});

describe('S3 configuration', () => {
  const complete = {
    ZHIFA_S3_ENDPOINT: 'http://127.0.0.1:9000',
    ZHIFA_S3_BUCKET: 'zhifa-evidence',
    ZHIFA_S3_ACCESS_KEY_ID: 'key',
    ZHIFA_S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('uses the local store without S3 settings, and the bucket with them', async () => {
    expect(readConfig({}).s3).toBeUndefined();
    const config = readConfig(complete);
    expect(config.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'zhifa-evidence',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(await openEvidenceStore(config)).toBeInstanceOf(S3EvidenceStore);
    const local = await openEvidenceStore(readConfig({ ZHIFA_DATA_DIR: '/tmp/x' }));
    expect(local.constructor.name).toBe('LocalEvidenceStore');
    expect(
      readConfig({ ...complete, ZHIFA_S3_REGION: 'cn-north-1', ZHIFA_S3_FORCE_PATH_STYLE: 'false' }).s3,
    ).toMatchObject({ region: 'cn-north-1', forcePathStyle: false });
  });

  it('refuses to start with incomplete or invalid settings, naming what is wrong', () => {
    expect(() => readConfig({ ZHIFA_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(
      'S3 证据存储配置不完整：已设置 ZHIFA_S3_ENDPOINT，缺少 ZHIFA_S3_BUCKET、ZHIFA_S3_ACCESS_KEY_ID、ZHIFA_S3_SECRET_ACCESS_KEY',
    );
    expect(() => readConfig({ ...complete, ZHIFA_S3_SECRET_ACCESS_KEY: '' })).toThrow(
      '缺少 ZHIFA_S3_SECRET_ACCESS_KEY',
    );
    expect(() => readConfig({ ...complete, ZHIFA_S3_BUCKET: 'Evidence_Bucket' })).toThrow(
      'ZHIFA_S3_BUCKET 无效',
    );
    expect(() => readConfig({ ...complete, ZHIFA_S3_ENDPOINT: '127.0.0.1:9000' })).toThrow(
      'ZHIFA_S3_ENDPOINT 无效',
    );
    expect(() => readConfig({ ...complete, ZHIFA_S3_FORCE_PATH_STYLE: 'yes' })).toThrow(
      'ZHIFA_S3_FORCE_PATH_STYLE 无效',
    );
  });
});
