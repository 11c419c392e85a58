import { type Kysely, sql } from 'kysely';

/**
 * 案件办理 (issue 6): the case, its officers, its 笔录 and its linked evidence.
 *
 * The facts the rules read (core/src/process/facts.ts) are held as one JSON
 * object per case (`facts`), validated by the API's schema on every write; what
 * lists and filters need is a column (stage, process kind, number, party, major
 * flag). `version` is the optimistic-concurrency counter: a change names the
 * version it was made on. Every change is also an event on the stream
 * case:<id> of the ledger, in the same transaction.
 *
 * The database keeps the hard lines it can: an archived case and everything
 * attached to it are read-only; a case flagged major stays major (no bypass of
 * the legal review, L1); an auxiliary is on a case only as assistant (Q2);
 * records and evidence links are append-only.
 */
const processKinds = `'penaltyGeneral', 'penaltySimple', 'seizure', 'inspection', 'licensing', 'expropriation'`;

const statements = [
  `CREATE TABLE enforcement_case (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    case_number text CHECK (length(case_number) <= 100),
    case_year smallint,
    case_serial integer CHECK (case_serial >= 1),
    process_kind text NOT NULL CHECK (process_kind IN (${processKinds})),
    stage text NOT NULL CHECK (length(stage) BETWEEN 1 AND 40),
    stage_outcome text CHECK (length(stage_outcome) <= 40),
    completed_stages text[] NOT NULL DEFAULT '{}',
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    source text NOT NULL CHECK (length(source) BETWEEN 1 AND 40),
    source_note text NOT NULL DEFAULT '' CHECK (length(source_note) <= 2000),
    party_kind text NOT NULL CHECK (party_kind IN ('individual', 'organisation')),
    party_name text NOT NULL CHECK (length(party_name) BETWEEN 1 AND 200),
    party_id_number_cipher text,
    party_id_number_masked text,
    enforcement_item_id uuid REFERENCES enforcement_item(id),
    facts jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(facts) = 'object'),
    major boolean NOT NULL DEFAULT false,
    registered_on date,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_by uuid REFERENCES app_user(id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    UNIQUE (agency_id, case_year, case_serial),
    UNIQUE (agency_id, case_number),
    CHECK ((case_number IS NULL) = (case_serial IS NULL) AND (case_serial IS NULL) = (case_year IS NULL)),
    CHECK ((party_id_number_cipher IS NULL) = (party_id_number_masked IS NULL))
  )`,
  `CREATE INDEX enforcement_case_agency_idx ON enforcement_case (agency_id, stage)`,
  `CREATE INDEX enforcement_case_item_idx ON enforcement_case (enforcement_item_id)`,
  `CREATE FUNCTION enforcement_case_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF OLD.archived_at IS NOT NULL THEN
      RAISE EXCEPTION 'case % is archived and read-only', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'cases are never deleted' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.major AND NOT NEW.major THEN
      RAISE EXCEPTION 'a case flagged major stays major' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER enforcement_case_guard BEFORE UPDATE OR DELETE ON enforcement_case
    FOR EACH ROW EXECUTE FUNCTION enforcement_case_guard()`,
  `CREATE TABLE case_officer (
    case_id uuid NOT NULL REFERENCES enforcement_case(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    person_id uuid NOT NULL REFERENCES person(id),
    person_kind text NOT NULL,
    role text NOT NULL CHECK (role IN ('lead', 'assisting', 'assistant')),
    assigned_by uuid REFERENCES app_user(id),
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (case_id, person_id),
    CHECK ((person_kind = 'auxiliary') = (role = 'assistant'))
  )`,
  `CREATE UNIQUE INDEX case_officer_one_lead ON case_officer (case_id) WHERE role = 'lead'`,
  `CREATE INDEX case_officer_person_idx ON case_officer (person_id)`,
  `CREATE TABLE case_record (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES enforcement_case(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    kind text NOT NULL CHECK (kind IN ('inquiry', 'onSite', 'hearing', 'defence')),
    stage text NOT NULL CHECK (length(stage) BETWEEN 1 AND 40),
    content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
    made_at timestamptz NOT NULL,
    recorded_by uuid NOT NULL REFERENCES app_user(id),
    recorded_at timestamptz NOT NULL
  )`,
  `CREATE INDEX case_record_case_idx ON case_record (case_id)`,
  `CREATE TABLE case_evidence (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_id uuid NOT NULL REFERENCES enforcement_case(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    evidence_id uuid NOT NULL REFERENCES evidence(id),
    stage text NOT NULL CHECK (length(stage) BETWEEN 1 AND 40),
    party_name text CHECK (length(party_name) <= 200),
    recording_kind text CHECK (recording_kind IN ('video', 'audio', 'photo')),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    linked_by uuid NOT NULL REFERENCES app_user(id),
    linked_at timestamptz NOT NULL,
    UNIQUE (case_id, evidence_id, stage)
  )`,
  `CREATE INDEX case_evidence_case_idx ON case_evidence (case_id)`,
  `CREATE INDEX case_evidence_evidence_idx ON case_evidence (evidence_id)`,
  // What hangs off an archived case is as read-only as the case; records and links are append-only.
  `CREATE FUNCTION case_part_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
  BEGIN
    IF EXISTS (SELECT 1 FROM enforcement_case WHERE id = target AND archived_at IS NOT NULL) THEN
      RAISE EXCEPTION 'case % is archived and read-only', target USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP <> 'INSERT' AND TG_TABLE_NAME <> 'case_officer' THEN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`,
  ...['case_officer', 'case_record', 'case_evidence'].map(
    (table) => `CREATE TRIGGER ${table}_guard BEFORE INSERT OR UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION case_part_guard()`,
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
