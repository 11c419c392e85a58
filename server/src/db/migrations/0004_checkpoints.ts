import { type Kysely, sql } from 'kysely';

/**
 * Signed checkpoints over the ledger. Each checkpoint appends one leaf per
 * stream whose head moved since the last one (the stream, its head seq and hash),
 * so the leaves form an append-only log and RFC 6962 consistency proofs hold
 * between any two checkpoints. Both tables are append-only.
 */
const statements = [
  `CREATE TABLE checkpoint_leaf (
    leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
    stream_id text NOT NULL REFERENCES ledger_stream(stream_id),
    seq integer NOT NULL,
    event_hash char(64) NOT NULL,
    UNIQUE (stream_id, seq)
  )`,
  `CREATE TABLE checkpoint (
    id serial PRIMARY KEY,
    tree_size bigint NOT NULL UNIQUE CHECK (tree_size >= 1),
    root char(64) NOT NULL,
    created_at timestamptz NOT NULL,
    public_key text NOT NULL,
    signature text NOT NULL
  )`,
  ...['checkpoint_leaf', 'checkpoint'].flatMap((table) => [
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  ]),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
