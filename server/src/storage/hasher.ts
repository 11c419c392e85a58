/**
 * SHA-256 and SM3 of a stream, computed as it passes. SM3 runs at about a
 * quarter of SHA-256's speed, so it runs on a worker thread (the second core)
 * while the main thread parses the upload, hashes SHA-256 and writes to disk.
 * Bytes go to the worker in 1 MiB batches (transferred, not copied again) and at
 * most a few batches are in flight, so a slow hash slows the upload down
 * instead of filling memory.
 */
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

const batchBytes = 1024 * 1024;
const maxInFlight = 4;

// Evaluated source: it needs no build step, so the same code runs under the
// test runner (TypeScript sources) and in production (compiled output).
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const sessions = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'data') {
    let hash = sessions.get(m.id);
    if (!hash) sessions.set(m.id, (hash = createHash('sm3')));
    hash.update(new Uint8Array(m.buffer, 0, m.length));
    parentPort.postMessage({ id: m.id, type: 'ack' });
  } else if (m.type === 'end') {
    const hash = sessions.get(m.id) ?? createHash('sm3');
    sessions.delete(m.id);
    parentPort.postMessage({ id: m.id, type: 'digest', hex: hash.digest('hex') });
  } else if (m.type === 'abort') {
    sessions.delete(m.id);
  }
});`;

interface Listener {
  ack(): void;
  digest(hex: string): void;
  fail(error: Error): void;
}

/** One worker for the process, started on first use; it never keeps the process alive. */
let shared: { worker: Worker; listeners: Map<number, Listener> } | null = null;
let nextId = 1;

function sm3Worker() {
  if (shared) return shared;
  const worker = new Worker(workerSource, { eval: true });
  worker.unref();
  const listeners = new Map<number, Listener>();
  const current = { worker, listeners };
  worker.on('message', (m: { id: number; type: 'ack' | 'digest'; hex?: string }) => {
    const listener = listeners.get(m.id);
    if (m.type === 'ack') listener?.ack();
    else listener?.digest(m.hex!);
  });
  const fail = (error: Error) => {
    if (shared === current) shared = null;
    for (const listener of listeners.values()) listener.fail(error);
    listeners.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`SM3 worker exited with code ${code}`)));
  shared = current;
  return current;
}

export class DualHasher {
  private readonly sha256: Hash = createHash('sha256');
  private readonly id = nextId++;
  private readonly pool = sm3Worker();
  // Unpooled, so the whole ArrayBuffer can be transferred to the worker.
  private batch = Buffer.allocUnsafeSlow(batchBytes);
  private filled = 0;
  private inFlight = 0;
  private failure: Error | null = null;
  private resume: (() => void) | null = null;
  private finish: { resolve(hex: string): void; reject(error: Error): void } | null = null;
  size = 0;

  constructor() {
    this.pool.listeners.set(this.id, {
      ack: () => {
        this.inFlight -= 1;
        this.wake();
      },
      digest: (hex) => {
        this.pool.listeners.delete(this.id);
        this.finish?.resolve(hex);
      },
      fail: (error) => {
        this.failure = error;
        this.wake();
        this.finish?.reject(error);
      },
    });
  }

  /** Adds bytes; returns a promise only when the caller should wait for the SM3 worker. */
  update(chunk: Buffer): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    this.sha256.update(chunk);
    this.size += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const copied = chunk.copy(this.batch, this.filled, offset);
      this.filled += copied;
      offset += copied;
      if (this.filled === batchBytes) this.send();
    }
    if (this.inFlight < maxInFlight) return undefined;
    return new Promise((resolve, reject) => {
      this.resume = () => (this.failure ? reject(this.failure) : resolve());
    });
  }

  async digest(): Promise<{ sha256: string; sm3: string }> {
    if (this.failure) throw this.failure;
    if (this.filled > 0) this.send();
    const sm3 = new Promise<string>((resolve, reject) => {
      this.finish = { resolve, reject };
    });
    this.pool.worker.postMessage({ id: this.id, type: 'end' });
    return { sha256: this.sha256.digest('hex'), sm3: await sm3 };
  }

  /** Forgets the session (on a failed upload); the worker drops its state. */
  abort(): void {
    this.pool.listeners.delete(this.id);
    this.pool.worker.postMessage({ id: this.id, type: 'abort' });
  }

  private send(): void {
    const buffer = this.batch.buffer as ArrayBuffer;
    this.pool.worker.postMessage({ id: this.id, type: 'data', buffer, length: this.filled }, [buffer]);
    this.inFlight += 1;
    this.batch = Buffer.allocUnsafeSlow(batchBytes);
    this.filled = 0;
  }

  private wake(): void {
    if (this.inFlight >= maxInFlight && !this.failure) return;
    const resume = this.resume;
    this.resume = null;
    resume?.();
  }
}
