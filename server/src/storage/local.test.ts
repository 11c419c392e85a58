import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
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
import { HashingSink } from './hashing-sink.js';
import { LocalEvidenceStore } from './local.js';

let dir: string;
let store: LocalEvidenceStore;
let logged: { sha256: string; problem: string }[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhifa-store-'));
  logged = [];
  store = new LocalEvidenceStore(path.join(dir, 'evidence'), (event) => logged.push(event));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const digestOf = (bytes: Buffer) => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  sm3: createHash('sm3').update(bytes).digest('hex'),
  size: bytes.length,
});

/** A stream of `bytes` in chunks of odd sizes, as a network delivers them. */
function chunked(bytes: Buffer, size = 65_519): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

/** Every file under the store, staging included. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function put(bytes: Buffer) {
  const staged = await store.stage(chunked(bytes), { maxBytes: 1 << 30 });
  return { staged, ...(await staged.commit()) };
}

const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());

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
});

describe('LocalEvidenceStore', () => {
  it('stores content under its SHA-256, hashed while streaming, write-protected, with nothing left in staging', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 123);
    const { staged, alreadyStored } = await put(bytes);
    expect({ sha256: staged.sha256, sm3: staged.sm3, size: staged.size }).toEqual(digestOf(bytes));
    expect(alreadyStored).toBe(false);
    const file = store.pathOf(staged.sha256);
    expect(file).toBe(
      path.join(dir, 'evidence', staged.sha256.slice(0, 2), staged.sha256.slice(2, 4), staged.sha256),
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o400);
    expect(staged.head.equals(bytes.subarray(0, 64 * 1024))).toBe(true);
    expect(filesUnder(path.join(dir, 'evidence'))).toEqual([file]);
  });

  it('never rewrites content it already holds', async () => {
    const bytes = randomBytes(10_000);
    const first = await put(bytes);
    const before = statSync(store.pathOf(first.staged.sha256));
    const second = await put(bytes);
    expect(second.alreadyStored).toBe(true);
    const after = statSync(store.pathOf(first.staged.sha256));
    expect({ ino: after.ino, mtime: after.mtimeMs }).toEqual({ ino: before.ino, mtime: before.mtimeMs });
    expect(filesUnder(path.join(dir, 'evidence'))).toHaveLength(1);
  });

  it('shows nothing until commit, and nothing after discard', async () => {
    const staged = await store.stage(chunked(randomBytes(5000)), { maxBytes: 10_000 });
    expect(filesUnder(path.join(dir, 'evidence')).every((f) => f.startsWith(store.stagingDir))).toBe(true);
    await staged.discard();
    expect(filesUnder(path.join(dir, 'evidence'))).toEqual([]);
  });

  it('refuses a stream over the limit as soon as it passes it, leaving no file', async () => {
    await expect(store.stage(chunked(randomBytes(20_001), 1000), { maxBytes: 20_000 })).rejects.toMatchObject(
      {
        code: 'PAYLOAD_TOO_LARGE',
      },
    );
    expect(filesUnder(path.join(dir, 'evidence'))).toEqual([]);
  });

  it('leaves no file when the source fails halfway', async () => {
    const source = new Readable({ read() {} });
    const staging = store.stage(source, { maxBytes: 1 << 30 });
    source.push(randomBytes(2 * 1024 * 1024));
    setTimeout(() => source.destroy(new Error('connection reset')), 20);
    await expect(staging).rejects.toThrow('connection reset');
    expect(filesUnder(path.join(dir, 'evidence'))).toEqual([]);
  });

  it('reads whole content and ranges, verifying as it goes', async () => {
    const bytes = randomBytes(1024 * 1024 + 17);
    const { staged } = await put(bytes);
    expect((await readAll(await store.read(staged))).equals(bytes)).toBe(true);
    for (const range of [
      { start: 0, end: 0 },
      { start: 0, end: 99 },
      { start: 300_000, end: 700_000 },
      { start: bytes.length - 100, end: bytes.length - 1 },
    ]) {
      const part = await readAll(await store.read(staged, range));
      expect(part.equals(bytes.subarray(range.start, range.end + 1))).toBe(true);
    }
  });

  it('destroys the stream and logs when the file was altered, even for a range before the change', async () => {
    const bytes = randomBytes(600_000);
    const { staged } = await put(bytes);
    const file = store.pathOf(staged.sha256);
    chmodSync(file, 0o600);
    const altered = Buffer.from(bytes);
    altered[599_000] = altered[599_000]! ^ 0x01;
    writeFileSync(file, altered);
    await expect(readAll(await store.read(staged))).rejects.toMatchObject({
      code: 'EVIDENCE_INTEGRITY_FAILED',
    });
    const range = await store.read(staged, { start: 0, end: 99 });
    await expect(readAll(range)).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED' });
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ sha256: staged.sha256 });
  });

  it('fails before any byte when the file is missing or has the wrong size', async () => {
    const { staged } = await put(randomBytes(1000));
    await expect(store.read({ sha256: staged.sha256, size: 999 })).rejects.toMatchObject({
      code: 'EVIDENCE_INTEGRITY_FAILED',
    });
    rmSync(store.pathOf(staged.sha256));
    await expect(store.read(staged)).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED' });
    expect(logged.map((l) => l.problem)).toEqual(['size 1000, recorded 999', 'missing']);
  });

  it('rehashes stored content, and knows when it is gone', async () => {
    const bytes = randomBytes(2 * 1024 * 1024 + 5);
    const { staged } = await put(bytes);
    expect(await store.rehash(staged.sha256)).toEqual(digestOf(bytes));
    rmSync(store.pathOf(staged.sha256));
    expect(await store.rehash(staged.sha256)).toBeNull();
  });

  it('sweeps staging files abandoned by a crash, not those still being written', async () => {
    const source = new Readable({ read() {} });
    const staging = store.stage(source, { maxBytes: 1 << 30 });
    source.push('in progress');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abandoned = path.join(store.stagingDir, 'crashed.part');
    writeFileSync(abandoned, 'partial');
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(abandoned, old, old);
    expect(await store.sweepStaging()).toBe(1);
    source.push(null);
    const staged = await staging;
    await staged.commit();
    expect(await text(await store.read(staged))).toBe('in progress');
  });

  it('refuses an address that is not a SHA-256', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow();
  });
});
