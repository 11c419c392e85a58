// Ledger benchmarks (issue 4 targets): append throughput with 8 concurrent
// writers, and `verify` speed. Runs on PostgreSQL when DATABASE_URL is set
// (a fresh database is created and dropped), otherwise on in-memory PGlite.
// Needs a build (`npm run build`). Record results in docs/BENCHMARKS.md.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../server/dist/db/database.js';
import { initialiseDatabase } from '../server/dist/db/initialise.js';
import { appendEvent } from '../server/dist/ledger/append.js';
import { eventHash, genesisHash } from '../server/dist/ledger/hash.js';
import { verifyLedger } from '../server/dist/ledger/verify.js';

const writers = 8;
const appendsPerWriter = Number(process.env.APPENDS ?? 500);
const verifyEvents = Number(process.env.VERIFY_EVENTS ?? 200_000);

async function target() {
  const base = process.env.DATABASE_URL;
  if (!base)
    return { database: openDatabase({ memory: true }), drop: async () => {}, kind: 'PGlite (in memory)' };
  const name = `zhifa_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { database: openDatabase({ url: url.toString() }), drop, kind: 'PostgreSQL' };
}

const { database, drop, kind } = await target();
try {
  const { db } = database;
  await initialiseDatabase(db, new Date());

  // 1. Appends: 8 writers, each to its own cases' streams, one append in eight to a
  //    stream all writers share (appends to one stream serialise on its row lock).
  let started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, (_, w) =>
      (async () => {
        for (let i = 0; i < appendsPerWriter; i += 1) {
          const streamId = i % 8 === 0 ? 'bench:shared' : `bench:writer-${w}-case-${i % 50}`;
          await db.transaction().execute((trx) =>
            appendEvent(
              trx,
              {
                streamId,
                agencyId: null,
                actorId: null,
                kind: 'test.note',
                payload: { text: `事件 ${w}-${i}` },
              },
              new Date(),
            ),
          );
        }
      })(),
    ),
  );
  const appendSeconds = (performance.now() - started) / 1000;
  const appended = writers * appendsPerWriter;

  // 2. A long ledger for verify: valid chains built here and inserted in bulk.
  const streams = 1_000;
  const heads = Array.from({ length: streams }, () => ({ seq: 0, hash: genesisHash }));
  const at = new Date('2026-11-24T02:00:00.000Z');
  const rows = [];
  const flush = async () => {
    if (rows.length) await db.insertInto('ledger_event').values(rows.splice(0)).execute();
  };
  await db
    .insertInto('ledger_stream')
    .values(
      heads.map((_, s) => ({
        stream_id: `case:${s}`,
        agency_id: null,
        head_seq: 0,
        head_hash: genesisHash,
        updated_at: at,
      })),
    )
    .execute();
  for (let i = 0; i < verifyEvents; i += 1) {
    const s = i % streams;
    const head = heads[s];
    const fields = {
      streamId: `case:${s}`,
      seq: head.seq + 1,
      occurredAt: at,
      actorId: null,
      agencyId: null,
      kind: 'test.note',
      payload: { text: `现场检查笔录 第 ${i} 页` },
      prevHash: head.hash,
    };
    const hash = eventHash(fields);
    rows.push({
      stream_id: fields.streamId,
      seq: fields.seq,
      occurred_at: at,
      actor_id: null,
      agency_id: null,
      kind: fields.kind,
      payload: JSON.stringify(fields.payload),
      prev_hash: fields.prevHash,
      hash,
    });
    heads[s] = { seq: fields.seq, hash };
    if (rows.length === 2_000) await flush();
  }
  await flush();
  // Heads may only advance one event at a time (a trigger enforces it); the bulk
  // load sets them directly, as the owner, with that trigger briefly off.
  await sql`ALTER TABLE ledger_stream DISABLE TRIGGER USER`.execute(db);
  for (let s = 0; s < streams; s += 1) {
    await db
      .updateTable('ledger_stream')
      .set({ head_seq: heads[s].seq, head_hash: heads[s].hash })
      .where('stream_id', '=', `case:${s}`)
      .execute();
  }
  await sql`ALTER TABLE ledger_stream ENABLE TRIGGER USER`.execute(db);

  started = performance.now();
  const result = await verifyLedger(db);
  const verifySeconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`verify failed: ${JSON.stringify(result.firstBreak)}`);

  console.log(`database: ${kind}`);
  console.log(
    `append, ${writers} concurrent writers: ${appended} events in ${appendSeconds.toFixed(2)} s = ${Math.round(appended / appendSeconds)} events/s  (target ≥ 1,000/s on PostgreSQL)`,
  );
  console.log(
    `verify: ${result.events} events in ${result.streams} streams in ${verifySeconds.toFixed(2)} s = ${Math.round(result.events / verifySeconds)} events/s  (target ≥ 50,000/s)`,
  );
} finally {
  await database.close();
  await drop();
}
