/**
 * The evidence store in an S3-compatible bucket (AWS SDK v3). The layout follows
 * the local store: an upload streams, hashed as it passes, to `staging/<uuid>`
 * (multipart, a few parts in memory at a time, never the whole file); commit
 * copies it server-side to `objects/ab/cd/<sha256>` unless that key exists, then
 * deletes the staging object. Reads re-hash the whole object as it streams, as
 * the local store's do. Keys are built only from a validated SHA-256 and a UUID.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Config } from '../config.js';
import {
  type ByteRange,
  type ContentDigest,
  type EvidenceStore,
  EvidenceStoreError,
  headBytes,
  type IntegrityLog,
  integrityError,
  logToStderr,
  type StagedContent,
  type StageOptions,
  sha256Pattern,
} from './evidence-store.js';
import { HashingSink, type SinkTarget } from './hashing-sink.js';
import { verifiedRange } from './verifying-reader.js';

const mib = 1024 * 1024;
/** S3 limits: parts of at least 5 MiB, at most 10,000 of them; one CopyObject up to 5 GiB. */
const maxParts = 10_000;
const maxCopyObjectBytes = 5 * 1024 * mib;

export interface S3StoreOptions {
  log?: IntegrityLog;
  /** Larger objects are committed by a multipart copy (UploadPartCopy) in parts of `copyPartBytes`. */
  maxCopyObjectBytes?: number;
  copyPartBytes?: number;
}

export class S3EvidenceStore implements EvidenceStore {
  readonly client: S3Client;
  readonly bucket: string;
  private readonly log: IntegrityLog;
  private readonly maxCopyObjectBytes: number;
  private readonly copyPartBytes: number;

  constructor(config: S3Config, options: S3StoreOptions = {}) {
    this.bucket = config.bucket;
    this.log = options.log ?? logToStderr;
    this.maxCopyObjectBytes = options.maxCopyObjectBytes ?? maxCopyObjectBytes;
    this.copyPartBytes = options.copyPartBytes ?? 1024 * mib;
    this.client = new S3Client({
      ...(config.endpoint && { endpoint: config.endpoint }),
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Checksums only where S3 demands them: the SDK's default (CRC32 trailers in aws-chunked
      // bodies) is not understood by every S3-compatible server, and the content is checked by
      // its SHA-256 anyway — after the upload (size) and on every read.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 10_000 },
    });
  }

  /** Where stored content lives; the address comes from the database, but a key is built from it. */
  keyOf(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256 address: ${sha256}`);
    return `objects/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async stage(source: Readable, { maxBytes }: StageOptions): Promise<StagedContent> {
    // An error before the pipeline below listens (client gone) is reported by the pipeline; it must not crash the process.
    source.on('error', () => {});
    const key = `staging/${randomUUID()}`;
    const body = new PassThrough({ highWaterMark: mib });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body },
      // Parts big enough that the largest allowed file fits in S3's 10,000.
      partSize: Math.max(8 * mib, Math.ceil(maxBytes / (maxParts - 1) / mib) * mib),
      queueSize: 4,
    });
    const sink = new HashingSink({ target: uploadTarget(body), maxBytes, headBytes });
    let abandoned = false;
    let storeFailure: EvidenceStoreError | null = null;
    const uploaded = upload.done().catch((error: unknown) => {
      if (abandoned) return;
      // The store failed first: stop taking the client's bytes.
      storeFailure = this.failure('upload', key, error);
      body.destroy(storeFailure);
      sink.destroy(storeFailure);
    });
    try {
      await pipeline(source, sink);
      body.end();
      await uploaded;
      if (storeFailure) throw storeFailure;
      const { head, ...digest } = sink.result!;
      // What the store holds must be what was hashed: a server that stored the request body
      // differently (say, with its transfer framing) is caught here, not at the first read.
      const stored = await this.send('head', key, () =>
        this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })),
      );
      if (stored.ContentLength !== digest.size) {
        throw new EvidenceStoreError(
          `staged object ${key} has ${stored.ContentLength} bytes, sent ${digest.size}`,
        );
      }
      return this.staged(key, digest, head);
    } catch (error) {
      abandoned = true;
      // Ends the upload's read of the body with an error: lib-storage then aborts a multipart upload.
      body.destroy(new Error('upload abandoned'));
      await uploaded;
      await this.deleteQuietly(key);
      throw storeFailure ?? error;
    }
  }

  private staged(key: string, digest: ContentDigest, head: Buffer): StagedContent {
    let done = false;
    return {
      ...digest,
      head,
      commit: async () => {
        if (done) throw new Error('staged content already committed or discarded');
        done = true;
        try {
          return { alreadyStored: !(await this.copyOnce(key, this.keyOf(digest.sha256), digest.size)) };
        } finally {
          await this.deleteQuietly(key);
        }
      },
      discard: async () => {
        if (done) return;
        done = true;
        await this.deleteQuietly(key);
      },
    };
  }

  /** Copies `from` to `to` unless `to` exists; true if it copied. */
  private async copyOnce(from: string, to: string, size: number): Promise<boolean> {
    if (await this.exists(to)) return false;
    // `If-None-Match: *` makes the copy itself refuse to replace an object that appeared
    // meanwhile (AWS S3; servers without conditional writes ignore it).
    try {
      if (size <= this.maxCopyObjectBytes) {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: to,
            CopySource: `${this.bucket}/${from}`,
            IfNoneMatch: '*',
          }),
        );
      } else {
        await this.copyInParts(from, to, size);
      }
      return true;
    } catch (error) {
      const status = statusOf(error);
      // 412: it exists now; 409: a concurrent write of it — the same bytes, as the key is their hash.
      if ((status === 412 || status === 409) && (await this.exists(to))) return false;
      throw this.failure('copy', to, error);
    }
  }

  /** A copy beyond CopyObject's 5 GiB: a multipart upload whose parts are ranges of the source. */
  private async copyInParts(from: string, to: string, size: number): Promise<void> {
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: to }),
    );
    try {
      const parts: { PartNumber: number; ETag: string | undefined }[] = [];
      for (let start = 0; start < size; start += this.copyPartBytes) {
        const end = Math.min(start + this.copyPartBytes, size) - 1;
        const part = await this.client.send(
          new UploadPartCopyCommand({
            Bucket: this.bucket,
            Key: to,
            UploadId,
            PartNumber: parts.length + 1,
            CopySource: `${this.bucket}/${from}`,
            CopySourceRange: `bytes=${start}-${end}`,
          }),
        );
        parts.push({ PartNumber: parts.length + 1, ETag: part.CopyPartResult?.ETag });
      }
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: to,
          UploadId,
          MultipartUpload: { Parts: parts },
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: to, UploadId }))
        .catch(() => {});
      throw error;
    }
  }

  async read(expected: { sha256: string; size: number }, range?: ByteRange): Promise<Readable> {
    const key = this.keyOf(expected.sha256);
    const fail = (problem: string, what: string) => {
      this.log({ sha256: expected.sha256, problem });
      return integrityError(expected.sha256, what);
    };
    const body = await this.getObject(key);
    if (!body) throw fail('missing', '文件缺失');
    if (body.size !== expected.size) {
      body.stream.destroy();
      throw fail(`size ${body.size}, recorded ${expected.size}`, '大小不符');
    }
    // The first pass (large ranges only) reads the body already open; a second GET follows.
    let first: Readable | null = body.stream;
    const fromStart = async () => {
      if (first) {
        const stream = first;
        first = null;
        return stream;
      }
      const again = await this.getObject(key);
      if (!again) throw fail('missing', '文件缺失');
      return again.stream;
    };
    return verifiedRange(expected, range ?? { start: 0, end: body.size - 1 }, fromStart, (problem) =>
      fail(problem, '哈希不符'),
    );
  }

  async rehash(sha256: string): Promise<ContentDigest | null> {
    const body = await this.getObject(this.keyOf(sha256));
    if (!body) return null;
    const sink = new HashingSink();
    await pipeline(body.stream, sink);
    const { head: _, ...digest } = sink.result!;
    return digest;
  }

  /**
   * Removes staging objects left by a crashed process (an upload in progress is not an object
   * yet). Parts of multipart uploads cut off by a crash are the bucket's lifecycle rule's to
   * remove (AbortIncompleteMultipartUpload). Fails with a clear message when the bucket cannot
   * be reached, which makes it the startup check too.
   */
  async sweepStaging(olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.send('list', 'staging/', () =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: 'staging/', ContinuationToken: token }),
        ),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && now - object.LastModified.getTime() > olderThanMs) {
          await this.deleteQuietly(object.Key);
          removed += 1;
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return removed;
  }

  /** The object's body and size, or null if there is no such object. */
  private async getObject(key: string): Promise<{ stream: Readable; size: number } | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { stream: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw this.failure('get', key, error);
    }
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw this.failure('head', key, error);
    }
  }

  private async deleteQuietly(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (!isNotFound(error)) throw this.failure('delete', key, error);
    }
  }

  private async send<T>(operation: string, key: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.failure(operation, key, error);
    }
  }

  private failure(operation: string, key: string, error: unknown): EvidenceStoreError {
    if (error instanceof EvidenceStoreError) return error;
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new EvidenceStoreError(`S3 存储桶 ${this.bucket}：${operation} ${key} 失败（${what}）`, {
      cause: error,
    });
  }
}

/** No such object (GET answers NoSuchKey, HEAD a bare 404); a missing bucket is a failure, not absence. */
function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404 && (error as Error).name !== 'NoSuchBucket';
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/**
 * The sink's target for an upload: bytes go into the stream the Upload reads
 * from. The Upload keeps chunks until a part is full, so each is copied out of
 * the sink's slot; a full stream (all parts in flight) makes the sink wait.
 */
function uploadTarget(body: PassThrough): SinkTarget {
  const closed = () => body.errored ?? new Error('upload stream closed');
  return {
    write: async (bytes) => {
      if (body.destroyed) throw closed();
      if (body.write(Buffer.from(bytes))) return;
      await new Promise<void>((resolve, reject) => {
        const settle = () => {
          body.off('drain', settle).off('close', settle);
          if (body.destroyed) reject(closed());
          else resolve();
        };
        body.on('drain', settle).on('close', settle);
      });
    },
  };
}
