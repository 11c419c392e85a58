/**
 * What every EvidenceStore must do, as tests: each implementation's test file
 * calls `evidenceStoreContract` with a factory, so the local directory and the
 * S3 bucket are held to the same behaviour. Checks of one implementation's own
 * means (fsync, hard links, file modes) stay in that implementation's tests.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceStore } from '../storage/evidence-store.js';

export interface StoreFixture<S extends EvidenceStore = EvidenceStore> {
  store: S;
  /** What the store reported through its IntegrityLog. */
  logged: { sha256: string; problem: string }[];
  /** Everything the store holds, staging included: file paths or object keys. */
  list(): Promise<string[]>;
  /** Where content with this address is kept, as `list()` names it. */
  locationOf(sha256: string): string;
  /** Replaces stored content behind the store's back, as an intruder with storage access would. */
  overwrite(sha256: string, bytes: Buffer): Promise<void>;
  remove(sha256: string): Promise<void>;
  dispose(): Promise<void>;
}

export const digestOf = (bytes: Buffer) => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  sm3: createHash('sm3').update(bytes).digest('hex'),
  size: bytes.length,
});

/** A stream of `bytes` in chunks of odd sizes, as a network delivers them. */
export function chunked(bytes: Buffer, size = 65_519): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

export const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());

export function evidenceStoreContract<S extends EvidenceStore>(
  name: string,
  open: () => Promise<StoreFixture<S>>,
): void {
  describe(`${name}: the evidence store contract`, () => {
    let f: StoreFixture<S>;
    beforeEach(async () => {
      f = await open();
    });
    afterEach(() => f.dispose());

    async function put(bytes: Buffer) {
      const staged = await f.store.stage(chunked(bytes), { maxBytes: 1 << 30 });
      return { staged, ...(await staged.commit()) };
    }

    it('R7: stores content under its SHA-256, hashed while streaming, with nothing left in staging', async () => {
      // Over 8 MiB: more than one part of an S3 multipart upload.
      const bytes = randomBytes(9 * 1024 * 1024 + 123);
      const { staged, alreadyStored } = await put(bytes);
      expect({ sha256: staged.sha256, sm3: staged.sm3, size: staged.size }).toEqual(digestOf(bytes));
      expect(alreadyStored).toBe(false);
      expect(staged.head.equals(bytes.subarray(0, 64 * 1024))).toBe(true);
      expect(await f.list()).toEqual([f.locationOf(staged.sha256)]);
      expect((await readAll(await f.store.read(staged))).equals(bytes)).toBe(true);
    });

    it('hashes small content too, keeping all of it as the head', async () => {
      const bytes = Buffer.from('执法文书');
      const { staged } = await put(bytes);
      expect({ sha256: staged.sha256, sm3: staged.sm3, size: staged.size }).toEqual(digestOf(bytes));
      expect(staged.head.equals(bytes)).toBe(true);
      expect((await readAll(await f.store.read(staged))).equals(bytes)).toBe(true);
    });

    it('R7: commits the same content twice as one stored copy, reporting the second as already stored', async () => {
      const bytes = randomBytes(10_000);
      const first = await put(bytes);
      const second = await put(bytes);
      expect([first.alreadyStored, second.alreadyStored]).toEqual([false, true]);
      expect(await f.list()).toEqual([f.locationOf(first.staged.sha256)]);
      expect((await readAll(await f.store.read(first.staged))).equals(bytes)).toBe(true);
    });

    it('shows nothing until commit, and nothing after discard', async () => {
      const staged = await f.store.stage(chunked(randomBytes(5000)), { maxBytes: 10_000 });
      expect(await f.list()).not.toContain(f.locationOf(staged.sha256));
      await expect(f.store.read(staged)).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED' });
      await staged.discard();
      await staged.discard();
      expect(await f.list()).toEqual([]);
      await expect(staged.commit()).rejects.toThrow();
    });

    it('refuses a second commit; a discard after commit keeps the content', async () => {
      const { staged } = await put(randomBytes(3000));
      await expect(staged.commit()).rejects.toThrow();
      await staged.discard();
      expect(await f.list()).toEqual([f.locationOf(staged.sha256)]);
    });

    it('refuses a stream over the limit as soon as it passes it, leaving nothing', async () => {
      await expect(
        f.store.stage(chunked(randomBytes(20_001), 1000), { maxBytes: 20_000 }),
      ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(await f.list()).toEqual([]);
    });

    it('leaves nothing when the source fails halfway', async () => {
      const source = new Readable({ read() {} });
      const staging = f.store.stage(source, { maxBytes: 1 << 30 });
      source.push(randomBytes(2 * 1024 * 1024));
      setTimeout(() => source.destroy(new Error('connection reset')), 20);
      await expect(staging).rejects.toThrow('connection reset');
      expect(await f.list()).toEqual([]);
    });

    it('R7: reads whole content and ranges (first byte, last byte, middle, whole), verifying as it goes', async () => {
      const bytes = randomBytes(1024 * 1024 + 17);
      const { staged } = await put(bytes);
      expect((await readAll(await f.store.read(staged))).equals(bytes)).toBe(true);
      for (const range of [
        { start: 0, end: 0 },
        { start: bytes.length - 1, end: bytes.length - 1 },
        { start: 0, end: 99 },
        { start: 300_000, end: 700_000 },
        { start: bytes.length - 100, end: bytes.length - 1 },
        { start: 0, end: bytes.length - 1 },
      ]) {
        const part = await readAll(await f.store.read(staged, range));
        expect(part.equals(bytes.subarray(range.start, range.end + 1))).toBe(true);
      }
      expect(f.logged).toEqual([]);
    });

    it('R7: destroys the stream and logs when stored content was altered, even for a range before the change', async () => {
      const bytes = randomBytes(600_000);
      const { staged } = await put(bytes);
      const altered = Buffer.from(bytes);
      altered[599_000] = altered[599_000]! ^ 0x01;
      await f.overwrite(staged.sha256, altered);
      await expect(readAll(await f.store.read(staged))).rejects.toMatchObject({
        code: 'EVIDENCE_INTEGRITY_FAILED',
      });
      const range = await f.store.read(staged, { start: 0, end: 99 });
      await expect(readAll(range)).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED' });
      expect(f.logged).toHaveLength(2);
      expect(f.logged[0]).toMatchObject({
        sha256: staged.sha256,
        problem: `sha256 ${digestOf(altered).sha256}`,
      });
      expect(await f.store.rehash(staged.sha256)).toEqual(digestOf(altered));
    });

    it('R7: a range never releases its last byte before the whole content has matched', async () => {
      const bytes = randomBytes(300_000);
      const { staged } = await put(bytes);
      const altered = Buffer.from(bytes);
      altered[299_999] = altered[299_999]! ^ 0x80;
      await f.overwrite(staged.sha256, altered);
      const received: Buffer[] = [];
      const stream = await f.store.read(staged, { start: 0, end: 0 });
      stream.on('data', (chunk: Buffer) => received.push(chunk));
      await expect(
        new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject)),
      ).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED' });
      expect(Buffer.concat(received).length).toBe(0);
    });

    it('R7: fails before any byte, with the same error, when content is missing or has the wrong size', async () => {
      const { staged } = await put(randomBytes(1000));
      await expect(f.store.read({ sha256: staged.sha256, size: 999 })).rejects.toMatchObject({
        code: 'EVIDENCE_INTEGRITY_FAILED',
      });
      await f.remove(staged.sha256);
      await expect(f.store.read(staged)).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED' });
      await expect(f.store.read(staged, { start: 0, end: 9 })).rejects.toMatchObject({
        code: 'EVIDENCE_INTEGRITY_FAILED',
      });
      expect(f.logged.map((l) => l.problem)).toEqual(['size 1000, recorded 999', 'missing', 'missing']);
    });

    it('R7: rehashes stored content, and knows when it is gone', async () => {
      const bytes = randomBytes(2 * 1024 * 1024 + 5);
      const { staged } = await put(bytes);
      expect(await f.store.rehash(staged.sha256)).toEqual(digestOf(bytes));
      await f.remove(staged.sha256);
      expect(await f.store.rehash(staged.sha256)).toBeNull();
    });

    it('refuses an address that is not a SHA-256', async () => {
      for (const sha256 of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(64)}/x`]) {
        await expect(f.store.read({ sha256, size: 1 })).rejects.toThrow('not a SHA-256');
        await expect(f.store.rehash(sha256)).rejects.toThrow('not a SHA-256');
      }
    });
  });
}
