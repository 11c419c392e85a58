/**
 * The evidence store of the embedded deployment: a directory (ZHIFA_DATA_DIR/evidence)
 * with each file at ab/cd/<sha256>. Uploads stream into staging/ on the same
 * file system, are fsynced, then hard-linked into place: the link either
 * creates the final name with complete content or fails because that content
 * is already stored, so a file is never visible half-written and never rewritten.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline as pipelineCallback, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@zhifa/core';
import {
  type ByteRange,
  type ContentDigest,
  type EvidenceStore,
  headBytes,
  type IntegrityLog,
  integrityError,
  logToStderr,
  type StagedContent,
  type StageOptions,
  sha256Pattern,
} from './evidence-store.js';
import { DualHasher } from './hasher.js';
import { VerifyingReader } from './verifying-reader.js';

const readChunkBytes = 256 * 1024;

export class LocalEvidenceStore implements EvidenceStore {
  readonly stagingDir: string;

  constructor(
    readonly root: string,
    private readonly log: IntegrityLog = logToStderr,
  ) {
    this.stagingDir = path.join(root, 'staging');
  }

  pathOf(sha256: string): string {
    // The address comes from the database, but a path is built from it: refuse anything else.
    if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256 address: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable, { maxBytes }: StageOptions): Promise<StagedContent> {
    await mkdir(this.stagingDir, { recursive: true });
    const temp = path.join(this.stagingDir, `${randomUUID()}.part`);
    const hasher = new DualHasher();
    const head: Buffer[] = [];
    let headLength = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (hasher.size + chunk.length > maxBytes) {
          callback(new AppError('PAYLOAD_TOO_LARGE', `证据文件超过上传上限（${maxBytes} 字节）`));
          return;
        }
        if (headLength < headBytes) {
          const part = chunk.subarray(0, headBytes - headLength);
          head.push(Buffer.from(part));
          headLength += part.length;
        }
        let wait: Promise<void> | undefined;
        try {
          wait = hasher.update(chunk);
        } catch (error) {
          callback(error as Error);
          return;
        }
        if (wait) wait.then(() => callback(null, chunk), callback);
        else callback(null, chunk);
      },
    });
    try {
      // `flush`: fsync before close, so a commit never links bytes still only in the page cache.
      await pipeline(source, tap, createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true }));
      const { sha256, sm3 } = await hasher.digest();
      return this.staged(temp, { sha256, sm3, size: hasher.size }, Buffer.concat(head));
    } catch (error) {
      hasher.abort();
      await removeQuietly(temp);
      throw error;
    }
  }

  private staged(temp: string, digest: ContentDigest, head: Buffer): StagedContent {
    let done = false;
    return {
      ...digest,
      head,
      commit: async () => {
        if (done) throw new Error('staged content already committed or discarded');
        done = true;
        const final = this.pathOf(digest.sha256);
        const created = await mkdir(path.dirname(final), { recursive: true });
        await chmod(temp, 0o400);
        let alreadyStored = false;
        try {
          await link(temp, final);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') alreadyStored = true;
          // File systems without hard links: a rename is atomic too, only not exclusive.
          else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
            alreadyStored = await exists(final);
            if (!alreadyStored) await rename(temp, final);
          } else throw error;
        }
        await removeQuietly(temp);
        if (!alreadyStored) {
          await fsyncDirectory(path.dirname(final));
          // New ab/ and ab/cd/ directories are entries in their parents, which need the same.
          if (created)
            for (const dir of [path.dirname(path.dirname(final)), this.root]) await fsyncDirectory(dir);
        }
        return { alreadyStored };
      },
      discard: async () => {
        if (done) return;
        done = true;
        await removeQuietly(temp);
      },
    };
  }

  async read(expected: { sha256: string; size: number }, range?: ByteRange): Promise<Readable> {
    const file = this.pathOf(expected.sha256);
    const fail = (problem: string, what: string) => {
      this.log({ sha256: expected.sha256, problem });
      return integrityError(expected.sha256, what);
    };
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw fail('missing', '文件缺失');
      throw error;
    });
    const { size } = await handle.stat();
    if (size !== expected.size) {
      await handle.close();
      throw fail(`size ${size}, recorded ${expected.size}`, '大小不符');
    }
    const reader = new VerifyingReader(expected, range ?? { start: 0, end: size - 1 }, (problem) =>
      fail(problem, '哈希不符'),
    );
    const source = handle.createReadStream({ highWaterMark: readChunkBytes });
    // Errors are the reader's to report; destroying it (client gone) closes the file.
    pipelineCallback(source, reader, () => {});
    return reader;
  }

  async rehash(sha256: string): Promise<ContentDigest | null> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) return null;
    const hasher = new DualHasher();
    try {
      for await (const chunk of createReadStream(file, { highWaterMark: readChunkBytes })) {
        await hasher.update(chunk as Buffer);
      }
      return { ...(await hasher.digest()), size: hasher.size };
    } catch (error) {
      hasher.abort();
      throw error;
    }
  }

  /** Removes staging files left by a crashed process; an upload in progress keeps touching its file. */
  async sweepStaging(olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
    const names = await readdir(this.stagingDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.stagingDir, name);
      const info = await stat(file).catch(() => null);
      if (info && now - info.mtimeMs > olderThanMs) {
        await removeQuietly(file);
        removed += 1;
      }
    }
    return removed;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** Makes a new directory entry durable: without it a crash may forget a link already acknowledged. */
async function fsyncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
