/**
 * SM3 on a worker thread. SM3 runs at about a quarter of SHA-256's speed, so
 * on the main thread it would cap an upload at its own speed; on a worker it
 * uses the second core while the main thread parses, hashes SHA-256 and writes.
 * Bytes are shared, not copied: the caller hands over a SharedArrayBuffer and
 * must not touch it until the returned promise resolves.
 */
import { Worker } from 'node:worker_threads';

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
    parentPort.postMessage({ id: m.id, seq: m.seq });
  } else if (m.type === 'end') {
    const hash = sessions.get(m.id) ?? createHash('sm3');
    sessions.delete(m.id);
    parentPort.postMessage({ id: m.id, seq: -1, hex: hash.digest('hex') });
  } else {
    sessions.delete(m.id);
  }
});`;

interface Pending {
  resolve(value: string): void;
  reject(error: Error): void;
}

/** One worker for the process, started on first use. */
let shared: { worker: Worker; pending: Map<string, Pending>; dead: boolean } | null = null;

function sm3Worker() {
  if (shared) return shared;
  const worker = new Worker(workerSource, { eval: true });
  const current = { worker, pending: new Map<string, Pending>(), dead: false };
  worker.on('message', (m: { id: number; seq: number; hex?: string }) => {
    const key = `${m.id}:${m.seq}`;
    current.pending.get(key)?.resolve(m.hex ?? '');
    current.pending.delete(key);
    if (current.pending.size === 0) worker.unref();
  });
  const fail = (error: Error) => {
    current.dead = true;
    if (shared === current) shared = null;
    for (const waiter of current.pending.values()) waiter.reject(error);
    current.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`SM3 worker exited with code ${code}`)));
  // Referenced only while an answer is awaited: an idle worker must not keep the process
  // alive, a busy one must (unref after the listeners, which would otherwise ref it again).
  worker.unref();
  shared = current;
  return current;
}

let nextId = 1;

export interface Sm3Session {
  /** Hashes `length` bytes of `buffer`; resolves when the worker is done with it. */
  update(buffer: SharedArrayBuffer, length: number): Promise<void>;
  digest(): Promise<string>;
  /** Drops the session's state on the worker (after a failed upload). */
  abort(): void;
}

export function openSm3Session(): Sm3Session {
  const current = sm3Worker();
  const id = nextId++;
  let seq = 0;
  const ask = (message: object, key: string) =>
    new Promise<string>((resolve, reject) => {
      // A session outlives a crashed worker only to fail, never to wait forever.
      if (current.dead) return reject(new Error('SM3 worker is gone'));
      current.pending.set(key, { resolve, reject });
      current.worker.ref();
      current.worker.postMessage(message);
    });
  return {
    update: async (buffer, length) => {
      seq += 1;
      await ask({ type: 'data', id, seq, buffer, length }, `${id}:${seq}`);
    },
    digest: () => ask({ type: 'end', id }, `${id}:-1`),
    abort: () => {
      if (!current.dead) current.worker.postMessage({ type: 'abort', id });
    },
  };
}
