import { type Kysely, sql } from 'kysely';

/**
 * 行政执法证件 (Q1, P7, P8) and the auxiliary register (Q2).
 *
 * `certificate.state` is what someone decided (active, suspended, revoked); the
 * status on a date (valid, not yet valid, expired, suspended by an overdue annual
 * check) is derived in core from the dates, so nothing has to flip at midnight.
 * `certificate_event` is the status history (append-only, like the ledger that
 * also records each change). A person who leaves enforcement work gets
 * `left_enforcement_on`; their certificates are cancelled and a cancellation
 * request (注销申请) goes to the supervising justice bureau.
 */
const statements = [
  `ALTER TABLE person ADD COLUMN left_enforcement_on date`,
  `CREATE TABLE certificate (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    person_id uuid NOT NULL REFERENCES person(id),
    number text NOT NULL UNIQUE CHECK (number ~ '^[0-9A-Z][0-9A-Z-]{3,39}$'),
    categories text[] NOT NULL CHECK (cardinality(categories) BETWEEN 1 AND 20),
    region_code char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    region_name text NOT NULL CHECK (length(region_name) BETWEEN 1 AND 50),
    valid_from date NOT NULL,
    valid_to date NOT NULL,
    issuing_authority text NOT NULL CHECK (length(issuing_authority) BETWEEN 1 AND 100),
    annual_check_due date NOT NULL,
    state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'suspended', 'revoked')),
    revocation_kind text CHECK (revocation_kind IN ('revoked', 'cancelled')),
    state_reason text NOT NULL DEFAULT '' CHECK (length(state_reason) <= 500),
    issued_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (valid_to >= valid_from),
    CHECK ((state = 'revoked') = (revocation_kind IS NOT NULL))
  )`,
  `CREATE INDEX certificate_agency_idx ON certificate (agency_id, state)`,
  `CREATE INDEX certificate_person_idx ON certificate (person_id)`,
  `CREATE TABLE certificate_event (
    id bigserial PRIMARY KEY,
    certificate_id uuid NOT NULL REFERENCES certificate(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    kind text NOT NULL CHECK (kind IN ('issued', 'annualCheckPassed', 'annualCheckFailed', 'suspended',
      'reinstated', 'revoked', 'cancelled')),
    occurred_on date NOT NULL,
    reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    actor_id uuid REFERENCES app_user(id),
    recorded_at timestamptz NOT NULL
  )`,
  `CREATE INDEX certificate_event_certificate_idx ON certificate_event (certificate_id, id)`,
  `CREATE TRIGGER certificate_event_append_only BEFORE UPDATE OR DELETE ON certificate_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER certificate_event_no_truncate BEFORE TRUNCATE ON certificate_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  `CREATE TABLE certificate_cancellation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    certificate_id uuid NOT NULL UNIQUE REFERENCES certificate(id),
    addressed_to_agency_id uuid REFERENCES agency(id),
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    requested_on date NOT NULL,
    requested_by uuid REFERENCES app_user(id),
    requested_at timestamptz NOT NULL,
    completed_at timestamptz,
    completed_by uuid REFERENCES app_user(id),
    completion_note text NOT NULL DEFAULT '' CHECK (length(completion_note) <= 500)
  )`,
  `CREATE INDEX certificate_cancellation_agency_idx ON certificate_cancellation (agency_id)`,
  `CREATE TABLE auxiliary_register (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    person_id uuid NOT NULL UNIQUE REFERENCES person(id),
    duties text NOT NULL CHECK (length(duties) BETWEEN 1 AND 500),
    supervising_person_id uuid REFERENCES person(id),
    registered_on date NOT NULL,
    ended_on date,
    CHECK (ended_on IS NULL OR ended_on >= registered_on)
  )`,
  `CREATE INDEX auxiliary_register_agency_idx ON auxiliary_register (agency_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
