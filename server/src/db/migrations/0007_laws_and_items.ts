import { type Kysely, sql } from 'kysely';

/**
 * 法律法规库, 行政执法事项清单 (P3) and the publication workflow (P1, P10, P11).
 *
 * `law` is one text (one revision) of a legal norm; its status on a date (in
 * force, amended, repealed) is derived in core from its dates. Laws are public
 * facts shared by the deployment, like the calendar: no agency_id.
 *
 * An enforcement item belongs to an agency; its content lives in numbered
 * versions (`enforcement_item_version`, with the cited articles in
 * `enforcement_item_basis`). `revision` counts edits of a draft version: a
 * legality review (`legality_review`, append-only) is of one revision, so an
 * edit after the review voids it.
 *
 * `publication` is generic: one row per (subject kind, subject id, version) with
 * its state, and `publication_event` (append-only) the history of transitions.
 * The database holds what it can of the rules: one published and one open
 * (draft or submitted) version per subject; a withdrawal needs its reason; an
 * enforcement item's version is published only with a passed legality review
 * of its current revision; a version that left draft never changes.
 */
const statements = [
  `CREATE TABLE law (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('law', 'administrativeRegulation', 'localRegulation',
      'departmentalRule', 'localGovernmentRule', 'normativeDocument')),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    short_title text NOT NULL CHECK (length(short_title) BETWEEN 1 AND 100),
    issuing_body text NOT NULL CHECK (length(issuing_body) BETWEEN 1 AND 200),
    document_number text NOT NULL DEFAULT '' CHECK (length(document_number) <= 100),
    promulgated_on date NOT NULL,
    effective_on date NOT NULL,
    amended_on date,
    repealed_on date,
    superseded_by uuid REFERENCES law(id),
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (title, effective_on),
    CHECK (effective_on >= promulgated_on),
    CHECK (amended_on IS NULL OR amended_on >= effective_on),
    CHECK (repealed_on IS NULL OR repealed_on >= promulgated_on),
    CHECK (superseded_by IS NULL OR superseded_by <> id)
  )`,
  `CREATE TABLE law_article (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    law_id uuid NOT NULL REFERENCES law(id),
    number text NOT NULL CHECK (length(number) BETWEEN 1 AND 30),
    ordinal integer NOT NULL CHECK (ordinal BETWEEN 1 AND 99999999),
    text text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (law_id, ordinal),
    UNIQUE (law_id, number)
  )`,
  `CREATE TABLE enforcement_item (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    code text NOT NULL CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$'),
    latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (agency_id, code)
  )`,
  `CREATE TABLE enforcement_item_version (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    item_id uuid NOT NULL REFERENCES enforcement_item(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    version integer NOT NULL CHECK (version >= 1),
    revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type text NOT NULL CHECK (type IN ('licensing', 'penalty', 'coercion', 'inspection', 'expropriation', 'other')),
    category text NOT NULL CHECK (length(category) BETWEEN 1 AND 50),
    unit_id uuid REFERENCES unit(id),
    duties text NOT NULL CHECK (length(duties) BETWEEN 1 AND 2000),
    penalty_kinds text[] NOT NULL DEFAULT '{}',
    fine_min_yuan bigint CHECK (fine_min_yuan >= 0),
    fine_max_yuan bigint CHECK (fine_max_yuan >= 0),
    penalty_note text NOT NULL DEFAULT '' CHECK (length(penalty_note) <= 1000),
    change_note text NOT NULL DEFAULT '' CHECK (length(change_note) <= 500),
    created_by uuid REFERENCES app_user(id),
    created_at timestamptz NOT NULL,
    updated_by uuid REFERENCES app_user(id),
    updated_at timestamptz NOT NULL,
    UNIQUE (item_id, version),
    CHECK (fine_min_yuan IS NULL OR fine_max_yuan IS NULL OR fine_min_yuan <= fine_max_yuan),
    CHECK (type = 'penalty' OR (cardinality(penalty_kinds) = 0 AND fine_min_yuan IS NULL AND fine_max_yuan IS NULL)),
    CHECK (type <> 'penalty' OR cardinality(penalty_kinds) >= 1)
  )`,
  `CREATE INDEX enforcement_item_version_agency_idx ON enforcement_item_version (agency_id)`,
  `CREATE TABLE enforcement_item_basis (
    version_id uuid NOT NULL REFERENCES enforcement_item_version(id),
    article_id uuid NOT NULL REFERENCES law_article(id),
    position smallint NOT NULL CHECK (position >= 0),
    PRIMARY KEY (version_id, article_id)
  )`,
  `CREATE INDEX enforcement_item_basis_article_idx ON enforcement_item_basis (article_id)`,
  `CREATE TABLE legality_review (
    id bigserial PRIMARY KEY,
    agency_id uuid NOT NULL REFERENCES agency(id),
    item_id uuid NOT NULL REFERENCES enforcement_item(id),
    version_id uuid NOT NULL REFERENCES enforcement_item_version(id),
    revision integer NOT NULL,
    result text NOT NULL CHECK (result IN ('passed', 'failed')),
    opinion text NOT NULL CHECK (length(opinion) BETWEEN 1 AND 2000),
    reviewer_id uuid NOT NULL REFERENCES app_user(id),
    reviewer_name text NOT NULL,
    reviewed_at timestamptz NOT NULL
  )`,
  `CREATE INDEX legality_review_version_idx ON legality_review (version_id, id)`,
  `CREATE TRIGGER legality_review_append_only BEFORE UPDATE OR DELETE ON legality_review
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER legality_review_no_truncate BEFORE TRUNCATE ON legality_review
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  `CREATE TABLE publication (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    subject_kind text NOT NULL CHECK (subject_kind ~ '^[a-z][A-Za-z]{1,40}$'),
    subject_id uuid NOT NULL,
    version integer NOT NULL CHECK (version >= 1),
    state text NOT NULL CHECK (state IN ('draft', 'submitted', 'published', 'superseded', 'withdrawn')),
    submitted_at timestamptz,
    submitted_by uuid REFERENCES app_user(id),
    published_at timestamptz,
    published_by uuid REFERENCES app_user(id),
    correction_note text NOT NULL DEFAULT '' CHECK (length(correction_note) <= 1000),
    superseded_at timestamptz,
    withdrawn_at timestamptz,
    withdrawn_by uuid REFERENCES app_user(id),
    withdrawal_reason text NOT NULL DEFAULT '' CHECK (length(withdrawal_reason) <= 1000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (subject_kind, subject_id, version),
    CHECK (state NOT IN ('published', 'superseded', 'withdrawn') OR published_at IS NOT NULL),
    CHECK (state <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND length(withdrawal_reason) > 0))
  )`,
  `CREATE UNIQUE INDEX publication_one_published ON publication (subject_kind, subject_id) WHERE state = 'published'`,
  `CREATE UNIQUE INDEX publication_one_open ON publication (subject_kind, subject_id)
    WHERE state IN ('draft', 'submitted')`,
  `CREATE INDEX publication_agency_idx ON publication (agency_id, subject_kind, state)`,
  `CREATE TABLE publication_event (
    id bigserial PRIMARY KEY,
    publication_id uuid NOT NULL REFERENCES publication(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    subject_kind text NOT NULL,
    subject_id uuid NOT NULL,
    version integer NOT NULL,
    action text NOT NULL CHECK (action IN ('drafted', 'submitted', 'returned', 'published', 'corrected',
      'superseded', 'withdrawn')),
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    actor_id uuid REFERENCES app_user(id),
    actor_name text NOT NULL DEFAULT '',
    occurred_at timestamptz NOT NULL
  )`,
  `CREATE INDEX publication_event_subject_idx ON publication_event (subject_kind, subject_id, id)`,
  `CREATE TRIGGER publication_event_append_only BEFORE UPDATE OR DELETE ON publication_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER publication_event_no_truncate BEFORE TRUNCATE ON publication_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  // P3 as a database rule: no enforcement item version is published unless the latest
  // legality review of its current revision passed.
  `CREATE FUNCTION enforcement_item_publication_gate() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    current_version record;
    latest_result text;
  BEGIN
    IF NEW.subject_kind <> 'enforcementItem' OR NEW.state <> 'published' THEN RETURN NEW; END IF;
    IF TG_OP = 'UPDATE' AND OLD.state = 'published' THEN RETURN NEW; END IF;
    SELECT id, revision INTO current_version FROM enforcement_item_version
      WHERE item_id = NEW.subject_id AND version = NEW.version;
    SELECT result INTO latest_result FROM legality_review
      WHERE version_id = current_version.id AND revision = current_version.revision
      ORDER BY id DESC LIMIT 1;
    IF latest_result IS DISTINCT FROM 'passed' THEN
      RAISE EXCEPTION 'enforcement item % version % has no passed legality review', NEW.subject_id, NEW.version
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER publication_enforcement_item_gate BEFORE INSERT OR UPDATE OF state ON publication
    FOR EACH ROW EXECUTE FUNCTION enforcement_item_publication_gate()`,
  // A version that left draft is a record of what was (or was to be) published: frozen.
  `CREATE FUNCTION enforcement_item_version_frozen(item uuid, item_version integer) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM publication WHERE subject_kind = 'enforcementItem'
      AND subject_id = item AND version = item_version AND state <> 'draft')
  $$`,
  `CREATE FUNCTION enforcement_item_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF enforcement_item_version_frozen(OLD.item_id, OLD.version) THEN
      RAISE EXCEPTION 'enforcement item version % is no longer a draft', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER enforcement_item_version_frozen BEFORE UPDATE OR DELETE ON enforcement_item_version
    FOR EACH ROW EXECUTE FUNCTION enforcement_item_version_guard()`,
  `CREATE FUNCTION enforcement_item_basis_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    target record;
  BEGIN
    SELECT item_id, version INTO target FROM enforcement_item_version
      WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END);
    IF enforcement_item_version_frozen(target.item_id, target.version) THEN
      RAISE EXCEPTION 'the basis of a version that left draft cannot change' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER enforcement_item_basis_frozen BEFORE INSERT OR UPDATE OR DELETE ON enforcement_item_basis
    FOR EACH ROW EXECUTE FUNCTION enforcement_item_basis_guard()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
