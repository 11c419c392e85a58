/**
 * The one function every module calls to record a state change. It runs in the
 * caller's transaction, so the business write and its ledger event commit
 * together or not at all. Appenders to one stream wait on the stream's row
 * lock; the UNIQUE (stream_id, seq) constraint is the last line against a fork.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { eventHash, genesisHash } from './hash.js';
import { type LedgerEventKind, type LedgerPayload, ledgerPayloadSchemas } from './kinds.js';

export interface NewLedgerEvent<K extends LedgerEventKind> {
  streamId: string;
  agencyId: string | null;
  actorId: string | null;
  kind: K;
  payload: LedgerPayload<K>;
}

export interface AppendedEvent {
  streamId: string;
  seq: number;
  hash: string;
}

export async function appendEvent<K extends LedgerEventKind>(
  db: Kysely<DB>,
  event: NewLedgerEvent<K>,
  now: Date,
): Promise<AppendedEvent> {
  // Payloads are plain JSON by construction: the schema strips anything else.
  const payload = ledgerPayloadSchemas[event.kind].parse(event.payload);
  // One statement creates the stream if new and locks its row (the no-op update).
  const head = await db
    .insertInto('ledger_stream')
    .values({
      stream_id: event.streamId,
      agency_id: event.agencyId,
      head_seq: 0,
      head_hash: genesisHash,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('stream_id').doUpdateSet((eb) => ({ stream_id: eb.ref('excluded.stream_id') })),
    )
    .returning(['head_seq', 'head_hash'])
    .executeTakeFirstOrThrow();
  // Millisecond precision: the value read back must hash the same.
  const occurredAt = new Date(Math.floor(now.getTime()));
  const fields = {
    streamId: event.streamId,
    seq: head.head_seq + 1,
    occurredAt,
    actorId: event.actorId,
    agencyId: event.agencyId,
    kind: event.kind,
    payload,
    prevHash: head.head_hash,
  };
  const hash = eventHash(fields);
  // And one statement writes the event and moves the head.
  await db
    .with('event', (qb) =>
      qb.insertInto('ledger_event').values({
        stream_id: fields.streamId,
        seq: fields.seq,
        occurred_at: occurredAt,
        actor_id: fields.actorId,
        agency_id: fields.agencyId,
        kind: fields.kind,
        payload: JSON.stringify(payload),
        prev_hash: fields.prevHash,
        hash,
      }),
    )
    .updateTable('ledger_stream')
    .set({ head_seq: fields.seq, head_hash: hash, updated_at: now })
    .where('stream_id', '=', event.streamId)
    .execute();
  return { streamId: event.streamId, seq: fields.seq, hash };
}
