import { type Kysely, sql } from 'kysely';

/**
 * Identity and access: people (with the 身份证号 encrypted at rest), users'
 * link to a person, forced password change, password history, TOTP, and the
 * security audit trail, which the database itself refuses to change.
 */
const statements = [
  `CREATE TABLE person (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    unit_id uuid REFERENCES unit(id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    kind text NOT NULL CHECK (kind IN ('officer', 'auxiliary', 'reviewer', 'head', 'staff')),
    position text NOT NULL DEFAULT '',
    id_number_cipher text NOT NULL,
    id_number_digest char(64) NOT NULL UNIQUE,
    id_number_masked text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX person_agency_idx ON person (agency_id)`,
  `ALTER TABLE app_user ADD COLUMN person_id uuid REFERENCES person(id)`,
  `ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`,
  `ALTER TABLE app_user ADD COLUMN totp_secret_cipher text`,
  `ALTER TABLE app_user ADD COLUMN totp_enabled_at timestamptz`,
  `CREATE TABLE password_history (
    id bigserial PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES app_user(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL
  )`,
  `CREATE INDEX password_history_user_idx ON password_history (user_id, created_at DESC)`,
  `CREATE TABLE security_audit (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    user_id uuid,
    username text,
    agency_id uuid,
    ip text NOT NULL DEFAULT '',
    event text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    target text NOT NULL DEFAULT '',
    detail jsonb NOT NULL DEFAULT '{}'
  )`,
  `CREATE INDEX security_audit_time_idx ON security_audit (occurred_at DESC)`,
  `CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END $$`,
  `CREATE TRIGGER security_audit_append_only BEFORE UPDATE OR DELETE ON security_audit
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER security_audit_no_truncate BEFORE TRUNCATE ON security_audit
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
