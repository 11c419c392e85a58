import { type Kysely, sql } from 'kysely';

/**
 * 音像记录事项清单 (R5): each agency's list of which steps need which kind of
 * recording. One row per agency holding the whole list as JSON, versioned for
 * optimistic concurrency; every version is a ledger event on the agency's
 * stream, so the list in force on any day can be shown. No row means the
 * definitions' defaults (R4) apply.
 */
const statements = [
  `CREATE TABLE recording_list (
    agency_id uuid PRIMARY KEY REFERENCES agency(id),
    entries jsonb NOT NULL CHECK (jsonb_typeof(entries) = 'array'),
    version integer NOT NULL CHECK (version >= 1),
    updated_by uuid NOT NULL REFERENCES app_user(id),
    updated_at timestamptz NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
