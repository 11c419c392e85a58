import { type Kysely, sql } from 'kysely';

/**
 * The tamper-evident ledger (执法全过程记录 · 防删改): one hash chain per stream
 * (aggregate). Events are append-only — the database refuses UPDATE, DELETE
 * and TRUNCATE. `ledger_stream` holds each chain's head so appenders to one
 * stream serialise on its row while other streams proceed in parallel.
 */
const statements = [
  `CREATE TABLE ledger_stream (
    stream_id text PRIMARY KEY CHECK (length(stream_id) BETWEEN 1 AND 200),
    agency_id uuid REFERENCES agency(id),
    head_seq integer NOT NULL DEFAULT 0,
    head_hash char(64) NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE ledger_event (
    id bigserial PRIMARY KEY,
    stream_id text NOT NULL REFERENCES ledger_stream(stream_id),
    seq integer NOT NULL CHECK (seq >= 1),
    occurred_at timestamptz NOT NULL,
    actor_id uuid,
    agency_id uuid,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    prev_hash char(64) NOT NULL,
    hash char(64) NOT NULL,
    UNIQUE (stream_id, seq)
  )`,
  `CREATE TRIGGER ledger_event_append_only BEFORE UPDATE OR DELETE ON ledger_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER ledger_event_no_truncate BEFORE TRUNCATE ON ledger_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  // A head may only move forward, one event at a time. (A no-op update is how an
  // appender locks the row: INSERT … ON CONFLICT DO UPDATE … RETURNING.)
  `CREATE FUNCTION ledger_stream_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.stream_id = OLD.stream_id AND NEW.head_seq = OLD.head_seq AND NEW.head_hash = OLD.head_hash THEN
        RETURN NEW;
      END IF;
      IF NEW.stream_id <> OLD.stream_id OR NEW.head_seq <> OLD.head_seq + 1 THEN
        RAISE EXCEPTION 'ledger stream % may only advance by one event', OLD.stream_id
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $$`,
  `CREATE TRIGGER ledger_stream_forward BEFORE UPDATE ON ledger_stream
    FOR EACH ROW EXECUTE FUNCTION ledger_stream_forward_only()`,
  `CREATE TRIGGER ledger_stream_no_delete BEFORE DELETE ON ledger_stream
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER ledger_stream_no_truncate BEFORE TRUNCATE ON ledger_stream
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
