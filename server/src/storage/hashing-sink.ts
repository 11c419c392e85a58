/**
 * The end of an upload's pipeline: gathers the stream into 1 MiB slots of
 * shared memory; each full slot is hashed with SHA-256 here, with SM3 on the
 * worker and handed to the target (a file, written by the thread pool; or an
 * object store's upload), all at once. At most a few slots exist per stream,
 * so a slow disk, network or hash slows the sender down instead of filling
 * memory. A file is flushed to disk every 64 MiB, so the final fsync has
 * little left to do.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { AppError } from '@zhifa/core';
import type { ContentDigest } from './evidence-store.js';
import { openSm3Session } from './sm3-worker.js';

const slotBytes = 1024 * 1024;
const maxSlots = 4;
const syncEveryBytes = 64 * 1024 * 1024;

interface Slot {
  shared: SharedArrayBuffer;
  view: Buffer;
}

/** Where the bytes go. */
export interface SinkTarget {
  /**
   * Called in stream order, before earlier writes have resolved (at their `position`).
   * `bytes` is a view of a slot the sink reuses once the promise resolves: a
   * target that keeps the bytes longer must copy them.
   */
  write(bytes: Buffer, position: number): Promise<void>;
  /** Makes what was written durable; called every 64 MiB and once at the end. */
  sync?(): Promise<void>;
}

/**
 * A file as the target: positional writes, datasync. Closing it is the caller's job.
 * Writes go one at a time: parallel writes to one file contend for its inode lock in the
 * kernel, which spins, and cost several times the CPU of the same writes in a row.
 */
export function fileTarget(file: FileHandle): SinkTarget {
  let previous: Promise<void> = Promise.resolve();
  const writeAll = async (bytes: Buffer, position: number) => {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await file.write(bytes, done, bytes.length - done, position + done);
      done += bytesWritten;
    }
  };
  return {
    write: (bytes, position) => {
      // After the previous write settles either way; a failure reaches the sink through its own promise.
      const next = previous.catch(() => {}).then(() => writeAll(bytes, position));
      previous = next;
      return next;
    },
    sync: () => file.datasync(),
  };
}

export interface SinkOptions {
  /** Where the bytes go; without one the sink only hashes. */
  target?: SinkTarget;
  maxBytes?: number;
  /** How many leading bytes to keep (for type detection). */
  headBytes?: number;
}

export class HashingSink extends Writable {
  private readonly sha256 = createHash('sha256');
  private readonly sm3 = openSm3Session();
  private readonly free: Slot[] = [];
  private slots = 0;
  private filling: Slot | null = null;
  private filled = 0;
  private written = 0;
  private syncedAt = 0;
  private syncing: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;
  private readonly head: Buffer[] = [];
  private headLength = 0;
  size = 0;
  result: (ContentDigest & { head: Buffer }) | null = null;

  constructor(private readonly options: SinkOptions = {}) {
    super({ highWaterMark: slotBytes });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // Most chunks fit a slot at hand: no promise, no extra turn of the event loop.
    let pending: Promise<void> | undefined;
    try {
      this.count(chunk);
      pending = this.accept(chunk);
    } catch (error) {
      callback(error as Error);
      return;
    }
    if (pending) pending.then(() => callback(), callback);
    else callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.finish().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.result) this.sm3.abort();
    // Writes still in flight finish into a file the caller is about to remove.
    Promise.allSettled(this.inFlight).then(() => callback(error));
  }

  /** Takes the chunk in; returns a promise only when it has to wait for a free slot. */
  private accept(chunk: Buffer, from = 0): Promise<void> | undefined {
    let offset = from;
    while (offset < chunk.length) {
      if (!this.filling) {
        const slot = this.freeSlot();
        if (!slot) return this.slotFreed().then(() => this.accept(chunk, offset));
        this.filling = slot;
      }
      const copied = chunk.copy(this.filling.view, this.filled, offset);
      this.filled += copied;
      offset += copied;
      if (this.filled === slotBytes) this.dispatch();
    }
    return undefined;
  }

  private count(chunk: Buffer): void {
    const { maxBytes = Number.POSITIVE_INFINITY, headBytes = 0 } = this.options;
    if (this.size + chunk.length > maxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `证据文件超过上传上限（${maxBytes} 字节）`);
    }
    this.size += chunk.length;
    if (this.headLength < headBytes) {
      const part = Buffer.from(chunk.subarray(0, headBytes - this.headLength));
      this.head.push(part);
      this.headLength += part.length;
    }
  }

  private async finish(): Promise<void> {
    if (this.filled > 0) this.dispatch();
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    await this.syncing;
    if (this.failure) throw this.failure;
    await this.options.target?.sync?.();
    const sm3 = await this.sm3.digest();
    this.result = {
      sha256: this.sha256.digest('hex'),
      sm3,
      size: this.size,
      head: Buffer.concat(this.head),
    };
  }

  /** A free slot, or a new one while under the limit; null when all are busy. */
  private freeSlot(): Slot | null {
    if (this.failure) throw this.failure;
    const slot = this.free.pop();
    if (slot) return slot;
    if (this.slots >= maxSlots) return null;
    this.slots += 1;
    const shared = new SharedArrayBuffer(slotBytes);
    return { shared, view: Buffer.from(shared) };
  }

  private async slotFreed(): Promise<void> {
    await Promise.race(this.inFlight);
  }

  /** Hashes and writes the filling slot; it returns to the free list when both are done. */
  private dispatch(): void {
    const slot = this.filling!;
    const length = this.filled;
    const position = this.written;
    this.filling = null;
    this.filled = 0;
    this.written += length;
    const bytes = slot.view.subarray(0, length);
    this.sha256.update(bytes);
    const work = Promise.all([
      this.sm3.update(slot.shared, length),
      this.options.target?.write(bytes, position),
    ])
      .then(() => {
        this.free.push(slot);
        this.maybeSync();
      })
      .catch((error: Error) => {
        this.failure ??= error;
      });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Starts flushing what is written so far, one flush at a time. */
  private maybeSync(): void {
    const target = this.options.target;
    if (!target?.sync || this.syncing || this.written - this.syncedAt < syncEveryBytes) return;
    const upTo = this.written;
    this.syncing = target.sync().then(
      () => {
        this.syncedAt = upTo;
        this.syncing = null;
      },
      (error: Error) => {
        this.failure ??= error;
        this.syncing = null;
      },
    );
  }
}
