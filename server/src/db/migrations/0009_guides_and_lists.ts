import { type Kysely, sql } from 'kysely';

/**
 * 事前公开 lists an agency publishes before it acts (P2): 服务指南 (P5),
 * 随机抽查事项清单 (P4, Q9), 行政处罚裁量基准 (X4) and 免罚清单 (Q8).
 *
 * The four kinds share one shape: an entry (`list_entry`, of an agency and a
 * kind) with numbered versions (`list_entry_version`) that go through the
 * generic publication workflow of migration 0007 (`publication`, subject kind =
 * the entry's kind). A version's fields differ by kind and are held as one JSON
 * object (`content`), validated by the API's schema for the kind and read back
 * through the same schema; what every kind has is a column: the title, the
 * enforcement item it belongs to (权责清单, optional), the articles it cites
 * (`list_entry_basis`, optional: the text basis in the content is what is
 * published), and the text the portal searches.
 *
 * As for enforcement items, a version that left draft never changes: it is the
 * record of what was (or was to be) published.
 */
const kinds = `'serviceGuide', 'inspectionItem', 'discretionBenchmark', 'exemption'`;

const statements = [
  `CREATE TABLE list_entry (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agency(id),
    kind text NOT NULL CHECK (kind IN (${kinds})),
    latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (id, kind)
  )`,
  `CREATE INDEX list_entry_agency_idx ON list_entry (agency_id, kind)`,
  `CREATE TABLE list_entry_version (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    entry_id uuid NOT NULL,
    kind text NOT NULL,
    agency_id uuid NOT NULL REFERENCES agency(id),
    version integer NOT NULL CHECK (version >= 1),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    enforcement_item_id uuid REFERENCES enforcement_item(id),
    content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
    search_text text NOT NULL CHECK (length(search_text) <= 100000),
    change_note text NOT NULL DEFAULT '' CHECK (length(change_note) <= 500),
    created_by uuid REFERENCES app_user(id),
    created_at timestamptz NOT NULL,
    updated_by uuid REFERENCES app_user(id),
    updated_at timestamptz NOT NULL,
    FOREIGN KEY (entry_id, kind) REFERENCES list_entry(id, kind),
    UNIQUE (entry_id, version)
  )`,
  `CREATE INDEX list_entry_version_agency_idx ON list_entry_version (agency_id, kind)`,
  `CREATE INDEX list_entry_version_item_idx ON list_entry_version (enforcement_item_id)`,
  `CREATE TABLE list_entry_basis (
    version_id uuid NOT NULL REFERENCES list_entry_version(id),
    article_id uuid NOT NULL REFERENCES law_article(id),
    position smallint NOT NULL CHECK (position >= 0),
    PRIMARY KEY (version_id, article_id)
  )`,
  `CREATE INDEX list_entry_basis_article_idx ON list_entry_basis (article_id)`,
  `CREATE FUNCTION list_entry_version_frozen(entry uuid, entry_kind text, entry_version integer) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM publication WHERE subject_kind = entry_kind
      AND subject_id = entry AND version = entry_version AND state <> 'draft')
  $$`,
  `CREATE FUNCTION list_entry_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF list_entry_version_frozen(OLD.entry_id, OLD.kind, OLD.version) THEN
      RAISE EXCEPTION 'list entry version % is no longer a draft', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER list_entry_version_frozen BEFORE UPDATE OR DELETE ON list_entry_version
    FOR EACH ROW EXECUTE FUNCTION list_entry_version_guard()`,
  `CREATE FUNCTION list_entry_basis_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    target record;
  BEGIN
    SELECT entry_id, kind, version INTO target FROM list_entry_version
      WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END);
    IF list_entry_version_frozen(target.entry_id, target.kind, target.version) THEN
      RAISE EXCEPTION 'the basis of a version that left draft cannot change' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER list_entry_basis_frozen BEFORE INSERT OR UPDATE OR DELETE ON list_entry_basis
    FOR EACH ROW EXECUTE FUNCTION list_entry_basis_guard()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
