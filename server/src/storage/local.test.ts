import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunked, digestOf, evidenceStoreContract } from '../test/store-contract.js';
import { HashingSink } from './hashing-sink.js';
import { LocalEvidenceStore } from './local.js';

/** Every file under `root`, staging included. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

evidenceStoreContract('LocalEvidenceStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhifa-store-'));
  const logged: { sha256: string; problem: string }[] = [];
  const store = new LocalEvidenceStore(path.join(dir, 'evidence'), (event) => logged.push(event));
  return {
    store,
    logged,
    list: async () => filesUnder(store.root),
    locationOf: (sha256) => store.pathOf(sha256),
    overwrite: async (sha256, bytes) => {
      chmodSync(store.pathOf(sha256), 0o600);
      writeFileSync(store.pathOf(sha256), bytes);
    },
    remove: async (sha256) => rmSync(store.pathOf(sha256)),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('HashingSink', () => {
  it('matches node:crypto across slot boundaries, with streams running side by side', async () => {
    const inputs = [0, 1, 1024 * 1024, 1024 * 1024 + 1, 9 * 1024 * 1024 + 7].map((n) => randomBytes(n));
    const sinks = inputs.map(() => new HashingSink());
    await Promise.all(inputs.map((input, i) => pipeline(chunked(input, 300_001), sinks[i]!)));
    for (const [i, input] of inputs.entries()) {
      const { head: _, ...digest } = sinks[i]!.result!;
      expect(digest).toEqual(digestOf(input));
    }
  });

  it('counts each chunk once when it has to wait for a slot (a slow target)', async () => {
    const input = randomBytes(9 * 1024 * 1024 + 5);
    const slowTarget = { write: () => new Promise<void>((resolve) => setTimeout(resolve, 5)) };
    const sink = new HashingSink({ target: slowTarget });
    // Slot-sized chunks: every chunk after the fourth arrives with all slots busy.
    await pipeline(chunked(input, 1024 * 1024), sink);
    const { head: _, ...digest } = sink.result!;
    expect(digest).toEqual(digestOf(input));
  });
});

describe('LocalEvidenceStore', () => {
  let dir: string;
  let store: LocalEvidenceStore;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhifa-store-'));
    store = new LocalEvidenceStore(path.join(dir, 'evidence'), () => {});
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function put(bytes: Buffer) {
    const staged = await store.stage(chunked(bytes), { maxBytes: 1 << 30 });
    return { staged, ...(await staged.commit()) };
  }

  it('R7: keeps a file at ab/cd/<sha256>, write-protected', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const { staged } = await put(bytes);
    const file = store.pathOf(staged.sha256);
    expect(file).toBe(
      path.join(dir, 'evidence', staged.sha256.slice(0, 2), staged.sha256.slice(2, 4), staged.sha256),
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o400);
    expect(filesUnder(path.join(dir, 'evidence'))).toEqual([file]);
  });

  it('R7: never rewrites a file it already holds', async () => {
    const bytes = randomBytes(10_000);
    const first = await put(bytes);
    const before = statSync(store.pathOf(first.staged.sha256));
    const second = await put(bytes);
    expect(second.alreadyStored).toBe(true);
    const after = statSync(store.pathOf(first.staged.sha256));
    expect({ ino: after.ino, mtime: after.mtimeMs }).toEqual({ ino: before.ino, mtime: before.mtimeMs });
  });

  it('stages into staging/ until commit', async () => {
    const staged = await store.stage(chunked(randomBytes(5000)), { maxBytes: 10_000 });
    const files = filesUnder(path.join(dir, 'evidence'));
    expect(files).toHaveLength(1);
    expect(files[0]!.startsWith(store.stagingDir)).toBe(true);
    await staged.discard();
  });

  it('sweeps staging files abandoned by a crash, not those still being written', async () => {
    const source = new Readable({ read() {} });
    const staging = store.stage(source, { maxBytes: 1 << 30 });
    source.push('in progress');
    // Until its staging file exists (not a fixed pause, which a busy machine can outlast).
    while (!existsSync(store.stagingDir) || readdirSync(store.stagingDir).length === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const abandoned = path.join(store.stagingDir, 'crashed.part');
    writeFileSync(abandoned, 'partial');
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(abandoned, old, old);
    // A process that no longer runs (PID beyond the kernel's limit) left this one a moment ago.
    const crashedNow = path.join(store.stagingDir, '4194305-crashed.part');
    writeFileSync(crashedNow, 'partial');
    expect(await store.sweepStaging()).toBe(2);
    source.push(null);
    const staged = await staging;
    await staged.commit();
    expect(await text(await store.read(staged))).toBe('in progress');
  });

  it('refuses an address that is not a SHA-256', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow();
  });
});
