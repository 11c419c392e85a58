/**
 * The evidence store of the embedded deployment: a directory (ZHIFA_DATA_DIR/evidence)
 * with each file at ab/cd/<sha256>. Uploads stream into staging/ on the same
 * file system, are fsynced, then hard-linked into place: the link either
 * creates the final name with complete content or fails because that content
 * is already stored, so a file is never visible half-written and never rewritten.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isRunning } from '../db/database.js';
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
import { fileTarget, HashingSink } from './hashing-sink.js';
import { heldBytesLimit, verifiedRange } from './verifying-reader.js';

// Large reads: per-chunk overhead, not hashing, dominates below a few hundred KiB.
const readChunkBytes = 1024 * 1024;

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
    // An error before the pipeline below listens (client gone) is reported by the pipeline; it must not crash the process.
    source.on('error', () => {});
    await mkdir(this.stagingDir, { recursive: true });
    // Named after this process, so a restart can tell a crashed upload's file from a live one's.
    const temp = path.join(this.stagingDir, `${process.pid}-${randomUUID()}.part`);
    const file = await open(temp, 'wx', 0o600);
    let closed = false;
    try {
      const sink = new HashingSink({ target: fileTarget(file), maxBytes, headBytes });
      // The sink fsyncs before finishing, so a commit never links bytes only in the page cache.
      await pipeline(source, sink);
      closed = true;
      await file.close();
      const { head, ...digest } = sink.result!;
      return this.staged(temp, digest, head);
    } catch (error) {
      if (!closed) await file.close().catch(() => {});
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
        let created: string | undefined;
        let alreadyStored: boolean;
        try {
          created = await mkdir(path.dirname(final), { recursive: true });
          await chmod(temp, 0o400);
          alreadyStored = await linkOnce(temp, final);
        } finally {
          await removeQuietly(temp);
        }
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
    const whole = range ?? { start: 0, end: size - 1 };
    // Large ranges take two passes over the open file: the first leaves it open, the last closes it.
    let passes = whole.end - whole.start + 1 > heldBytesLimit ? 2 : 1;
    const fromStart = async () => {
      passes -= 1;
      return handle.createReadStream({ start: 0, highWaterMark: readChunkBytes, autoClose: passes === 0 });
    };
    try {
      return await verifiedRange(expected, whole, fromStart, (problem) => fail(problem, '哈希不符'));
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  }

  async rehash(sha256: string): Promise<ContentDigest | null> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) return null;
    const sink = new HashingSink();
    await pipeline(createReadStream(file, { highWaterMark: readChunkBytes }), sink);
    const { head: _, ...digest } = sink.result!;
    return digest;
  }

  /**
   * Removes staging files left by a crashed process: those whose owner no longer
   * runs, and any untouched for `olderThanMs` (an upload in progress keeps writing).
   */
  async sweepStaging(olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
    const names = await readdir(this.stagingDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.stagingDir, name);
      const info = await stat(file).catch(() => null);
      const owner = Number(/^(\d+)-/.exec(name)?.[1]);
      const abandoned = owner !== process.pid && !isRunning(owner);
      if (info && (abandoned || now - info.mtimeMs > olderThanMs)) {
        await removeQuietly(file);
        removed += 1;
      }
    }
    return removed;
  }
}

/** Links `temp` at `final` unless content is already there; true if it was. */
async function linkOnce(temp: string, final: string): Promise<boolean> {
  try {
    await link(temp, final);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return true;
    // File systems without hard links: a rename is atomic too, only not exclusive.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (await exists(final)) return true;
    await rename(temp, final);
    return false;
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
