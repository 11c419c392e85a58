import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { initialiseDatabase } from '../db/initialise.js';
import { openTestDatabase } from '../test/harness.js';
import { appendEvent } from './append.js';
import {
  checkpointConsistency,
  checkpointSignatureValid,
  createCheckpoint,
  eventInclusionProof,
  exportCheckpoint,
  verifyCheckpoints,
  verifyInclusionBundle,
} from './checkpoint.js';
import { verifyConsistency } from './merkle.js';
import { newSigner } from './signing.js';

let database: Database;
let dispose: () => Promise<void>;
const signer = newSigner();
const now = new Date('2026-11-24T02:00:00.000Z');

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  await initialiseDatabase(database.db, now);
});
afterAll(() => dispose());

const note = (streamId: string, text: string) =>
  database.db
    .transaction()
    .execute((trx) =>
      appendEvent(
        trx,
        { streamId, agencyId: null, actorId: null, kind: 'test.note', payload: { text } },
        now,
      ),
    );
const checkpoint = () => database.db.transaction().execute((trx) => createCheckpoint(trx, signer, now));

describe('signed checkpoints', () => {
  it('sign a Merkle root over the moved stream heads; nothing moved, no new checkpoint', async () => {
    for (const s of ['a', 'b', 'c']) await note(`case:${s}`, `${s}1`);
    const first = await checkpoint();
    expect(first).toMatchObject({ tree_size: 3 });
    expect(await checkpoint()).toBeNull();
    const exported = exportCheckpoint(first!);
    expect(checkpointSignatureValid(exported)).toBe(true);
    for (const tampered of [
      { ...exported, treeSize: 4 },
      { ...exported, root: exported.root.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) },
      { ...exported, createdAt: '2026-11-24T02:00:00.001Z' },
      { ...exported, signature: exported.signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')) },
    ]) {
      expect(checkpointSignatureValid(tampered)).toBe(false);
    }
  });

  it('prove an event’s inclusion with no database, and refuse a forged event', async () => {
    await note('case:a', 'a2');
    await note('case:a', 'a3');
    await note('case:d', 'd1');
    const second = await checkpoint();
    expect(second?.tree_size).toBe(5); // heads of case:a and case:d appended
    const idOf = async (seq: number) =>
      (
        await database.db
          .selectFrom('ledger_event')
          .select('id')
          .where('stream_id', '=', 'case:a')
          .where('seq', '=', seq)
          .executeTakeFirstOrThrow()
      ).id;
    // Seq 1 was a head in the first checkpoint: its own leaf proves it.
    expect((await eventInclusionProof(database.db, await idOf(1)))!.events.map((e) => e.seq)).toEqual([1]);
    // Seq 2 is proved through seq 3, the head in the second checkpoint.
    const bundle = (await eventInclusionProof(database.db, await idOf(2)))!;
    expect(bundle.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(verifyInclusionBundle(JSON.parse(JSON.stringify(bundle)))).toBeNull();

    const forged = structuredClone(bundle);
    forged.events[0]!.payload = { text: 'forged' };
    expect(verifyInclusionBundle(forged)).toContain('哈希与内容不符');
    const relinked = structuredClone(bundle);
    relinked.events[1]!.prevHash = relinked.events[0]!.prevHash;
    expect(verifyInclusionBundle(relinked)).not.toBeNull();
    const truncated = structuredClone(bundle);
    truncated.events.pop();
    expect(verifyInclusionBundle(truncated)).toContain('Merkle');
    const wrongIndex = { ...structuredClone(bundle), leafIndex: bundle.leafIndex + 1 };
    expect(verifyInclusionBundle(wrongIndex)).toContain('Merkle');
  });

  it('prove consistency between two checkpoints', async () => {
    const rows = await database.db.selectFrom('checkpoint').select('id').orderBy('id').execute();
    const proof = (await checkpointConsistency(database.db, rows[0]!.id, rows[1]!.id))!;
    const hex = (h: string) => Buffer.from(h, 'hex');
    expect(
      verifyConsistency(
        proof.from.treeSize,
        proof.to.treeSize,
        hex(proof.from.root),
        hex(proof.to.root),
        proof.proof.map(hex),
      ),
    ).toBe(true);
    expect(
      verifyConsistency(
        proof.from.treeSize,
        proof.to.treeSize,
        hex(proof.to.root),
        hex(proof.to.root),
        proof.proof.map(hex),
      ),
    ).toBe(false);
  });

  it('verification names a checkpoint leaf that no longer matches the ledger', async () => {
    expect(await verifyCheckpoints(database.db)).toEqual({ checkpoints: 2, problem: null });
    const { db } = database;
    await sql`ALTER TABLE checkpoint_leaf DISABLE TRIGGER USER`.execute(db);
    try {
      const { event_hash } = await db
        .selectFrom('checkpoint_leaf')
        .select('event_hash')
        .where('leaf_index', '=', 1)
        .executeTakeFirstOrThrow();
      await sql`UPDATE checkpoint_leaf SET event_hash = repeat('0', 64) WHERE leaf_index = 1`.execute(db);
      expect((await verifyCheckpoints(db)).problem).toContain('叶子 1');
      await sql`UPDATE checkpoint_leaf SET event_hash = ${event_hash} WHERE leaf_index = 1`.execute(db);
      expect((await verifyCheckpoints(db)).problem).toBeNull();
    } finally {
      await sql`ALTER TABLE checkpoint_leaf ENABLE TRIGGER USER`.execute(db);
    }
  });

  it('the database refuses to change checkpoints', async () => {
    await expect(database.db.deleteFrom('checkpoint').execute()).rejects.toThrow(/append-only/);
    await expect(database.db.updateTable('checkpoint_leaf').set({ seq: 9 }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
