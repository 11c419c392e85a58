import { type Kysely, sql } from 'kysely';

/**
 * Evidence (证据): one row per upload, pointing at content in the evidence store
 * by its SHA-256. Capture metadata is what a court asks about (who, when, where,
 * with which device); the client's file name is kept as metadata only and never
 * names anything on disk. Rows are append-only like the ledger: a correction is
 * a new upload, and every view is a ledger event on the stream evidence:<id>.
 */
const statements = [
  `CREATE TABLE evidence (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    sm3 char(64) NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
    size bigint NOT NULL CHECK (size > 0),
    media_type text NOT NULL CHECK (length(media_type) BETWEEN 1 AND 200),
    original_name text CHECK (length(original_name) <= 255),
    captured_by text NOT NULL CHECK (length(captured_by) BETWEEN 1 AND 100),
    captured_at timestamptz NOT NULL,
    location text CHECK (length(location) <= 200),
    device_id text CHECK (length(device_id) <= 100),
    duration_seconds double precision CHECK (duration_seconds >= 0),
    uploaded_by uuid NOT NULL REFERENCES app_user(id),
    uploaded_at timestamptz NOT NULL
  )`,
  'CREATE INDEX evidence_agency ON evidence (agency_id, uploaded_at)',
  'CREATE INDEX evidence_sha256 ON evidence (sha256)',
  `CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
