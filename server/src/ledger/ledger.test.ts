import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/database.js';
import { initialiseDatabase } from '../db/initialise.js';
import { openTestDatabase } from '../test/harness.js';
import { appendEvent } from './append.js';
import { genesisHash } from './hash.js';
import { verifyLedger } from './verify.js';

let database: Database;
let databaseUrl: string | undefined;
let dispose: () => Promise<void>;
const now = new Date('2026-11-24T02:00:00.123Z');

beforeAll(async () => {
  ({ database, dispose, url: databaseUrl } = await openTestDatabase());
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

describe('ledger: hash chains', () => {
  it('R7: chains events per stream from the genesis hash, and verifies', async () => {
    const first = await note('case:a', '立案');
    const second = await note('case:a', '调查取证 — 询问笔录');
    await note('case:b', '立案');
    expect(first).toMatchObject({ seq: 1 });
    expect(second.seq).toBe(2);
    const rows = await database.db
      .selectFrom('ledger_event')
      .selectAll()
      .where('stream_id', '=', 'case:a')
      .orderBy('seq')
      .execute();
    expect(rows[0]!.prev_hash).toBe(genesisHash);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(await verifyLedger(database.db)).toMatchObject({ ok: true, streams: 2, events: 3 });
    expect(await verifyLedger(database.db, { streamId: 'case:a' })).toMatchObject({
      ok: true,
      streams: 1,
      events: 2,
    });
  });

  it('R7: the database refuses UPDATE, DELETE and TRUNCATE of events, and moving a head back', async () => {
    const { db } = database;
    await expect(db.updateTable('ledger_event').set({ kind: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('ledger_event').where('stream_id', '=', 'case:b').execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`TRUNCATE ledger_event CASCADE`.execute(db)).rejects.toThrow(/append-only/);
    await expect(db.updateTable('ledger_stream').set({ head_seq: 0 }).execute()).rejects.toThrow(
      /advance by one/,
    );
  });

  it('rolls back with the business write: no event without its change', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendEvent(
          trx,
          { streamId: 'case:c', agencyId: null, actorId: null, kind: 'test.note', payload: { text: 'x' } },
          now,
        );
        throw new Error('business write failed');
      }),
    ).rejects.toThrow('business write failed');
    expect(
      await database.db.selectFrom('ledger_event').select('id').where('stream_id', '=', 'case:c').execute(),
    ).toEqual([]);
  });
});

describe('ledger: tampering is detected', () => {
  const columns = [
    'seq',
    'occurred_at',
    'actor_id',
    'agency_id',
    'kind',
    'payload',
    'prev_hash',
    'hash',
  ] as const;

  /** One character of a value's text changed to another of the same class, so the type still parses. */
  function mutate(text: string, random: () => number): string {
    const positions = [...text]
      .map((c, i) => [c, i] as const)
      .filter(([c]) => /[0-9a-zA-Z\u4e00-\u9fff]/.test(c));
    const [c, i] = positions[Math.floor(random() * positions.length)]!;
    const pool = /[0-9]/.test(c)
      ? '0123456789'
      : /[a-f]/.test(c)
        ? 'abcdef'
        : /[a-z]/.test(c)
          ? 'abcdefghijklmnopqrstuvwxyz'
          : /[A-Z]/.test(c)
            ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
            : '甲乙丙丁戊己庚辛';
    const choices = [...pool].filter((x) => x !== c);
    return text.slice(0, i) + choices[Math.floor(random() * choices.length)] + text.slice(i + 1);
  }

  it('R7: 1,000 random single-character mutations of ledger rows — every one named by verify', async () => {
    for (let i = 0; i < 20; i += 1)
      await note(`case:t${i % 4}`, `事件 ${i}：现场检查，当事人张某某陈述 ${i * 37}`);
    const { db } = database;
    let seed = 20_261_124;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const ids = (await db.selectFrom('ledger_event').select('id').execute()).map((r) => r.id);
    await sql`ALTER TABLE ledger_event DISABLE TRIGGER USER`.execute(db);
    let tried = 0;
    try {
      while (tried < 1000) {
        const id = ids[Math.floor(random() * ids.length)]!;
        const column = columns[Math.floor(random() * columns.length)]!;
        const original = await sql<{
          value: string | null;
        }>`SELECT ${sql.ref(column)}::text AS value FROM ledger_event WHERE id = ${id}`.execute(db);
        const before = original.rows[0]!.value;
        if (before === null) continue;
        const after = mutate(before, random);
        const type =
          column === 'payload'
            ? sql`jsonb`
            : column === 'seq'
              ? sql`integer`
              : column === 'occurred_at'
                ? sql`timestamptz`
                : column.endsWith('_id')
                  ? sql`uuid`
                  : sql`text`;
        try {
          await sql`UPDATE ledger_event SET ${sql.ref(column)} = ${after}::${type} WHERE id = ${id}`.execute(
            db,
          );
        } catch {
          continue; // not a valid value of the column's type (e.g. 30 February, a duplicate seq)
        }
        const result = await verifyLedger(db);
        expect(result.ok, `${column} ${before} → ${after} went unnoticed`).toBe(false);
        expect(result.firstBreak?.streamId).toMatch(/^case:/);
        await sql`UPDATE ledger_event SET ${sql.ref(column)} = ${before}::${type} WHERE id = ${id}`.execute(
          db,
        );
        tried += 1;
      }
    } finally {
      await sql`ALTER TABLE ledger_event ENABLE TRIGGER USER`.execute(db);
    }
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});

describe('ledger: concurrent writers', () => {
  it('8 writers on two pools (two processes’ worth of connections) never fork or gap a chain', async () => {
    // On PostgreSQL the second pool is a separate set of connections, as another
    // server process would have; PGlite has one connection, so there both pools are one.
    const second = databaseUrl ? openDatabase({ url: databaseUrl }) : database;
    try {
      const writers = Array.from({ length: 8 }, (_, w) =>
        (async () => {
          const db = (w % 2 ? second : database).db;
          for (let i = 0; i < 25; i += 1) {
            const streamId = i % 2 ? 'shared' : `own:${w}`;
            await db.transaction().execute((trx) =>
              appendEvent(
                trx,
                {
                  streamId,
                  agencyId: null,
                  actorId: null,
                  kind: 'test.note',
                  payload: { text: `${w}-${i}` },
                },
                now,
              ),
            );
          }
        })(),
      );
      await Promise.all(writers);
    } finally {
      if (second !== database) await second.close();
    }
    const shared = await database.db
      .selectFrom('ledger_event')
      .select('seq')
      .where('stream_id', '=', 'shared')
      .orderBy('seq')
      .execute();
    expect(shared.map((r) => r.seq)).toEqual(Array.from({ length: 8 * 12 }, (_, i) => i + 1));
    const own = await database.db
      .selectFrom('ledger_event')
      .select('seq')
      .where('stream_id', '=', 'own:3')
      .orderBy('seq')
      .execute();
    expect(own.map((r) => r.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });
});
