import { type Kysely, sql } from 'kysely';

/**
 * 执法文书 (docs/decisions/0013-documents.md).
 *
 * - `document_counter`: the last serial given per (agency, kind, year). It is
 *   incremented by INSERT … ON CONFLICT DO UPDATE … RETURNING in the transaction
 *   that stores the document, so the row lock orders concurrent requests and a
 *   rolled-back render takes its increment with it: numbers are gapless.
 * - `document`: one row per rendered document, append-only like evidence. The
 *   content lives in the evidence store under its SHA-256; the row carries both
 *   hashes, the signer's public key and the SM2 signature. (agency, kind, year,
 *   serial) is unique: a second line of defence behind the counter.
 * - `document_template`: an agency's replacement for the default template of a
 *   kind (content in the evidence store). Deleting the row is the reset; both are
 *   ledger events, so every template ever used stays findable by its hash.
 * - `user_signing_key`: each signer's SM2 key pair, created on first signing. The
 *   private key is stored encrypted with the deployment's field cipher (SM4 +
 *   HMAC-SM3). Keys are never changed or deleted: documents name the public key
 *   they were signed with.
 */
const kinds = [
  'filingApproval',
  'inquiryRecord',
  'sceneRecord',
  'seizureDecision',
  'seizureExtension',
  'seizureRelease',
  'correctionNotice',
  'priorNotice',
  'hearingNotice',
  'penaltyDecision',
  'noPenaltyDecision',
  'summaryPenaltyDecision',
  'serviceReceipt',
  'closingReport',
]
  .map((k) => `'${k}'`)
  .join(', ');

const hash = (column: string) => `${column} char(64) NOT NULL CHECK (${column} ~ '^[0-9a-f]{64}$')`;

const statements = [
  `CREATE TABLE document_counter (
    agency_id uuid NOT NULL REFERENCES agency(id),
    kind text NOT NULL CHECK (kind IN (${kinds})),
    year smallint NOT NULL CHECK (year BETWEEN 1949 AND 2200),
    last_serial integer NOT NULL CHECK (last_serial >= 1),
    PRIMARY KEY (agency_id, kind, year)
  )`,
  // A counter only moves forward, one at a time: a manual reset would reuse numbers.
  `CREATE FUNCTION document_counter_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.agency_id <> OLD.agency_id OR NEW.kind <> OLD.kind OR NEW.year <> OLD.year
        OR NEW.last_serial <> OLD.last_serial + 1 THEN
        RAISE EXCEPTION 'document counters only move forward by one' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`,
  `CREATE TRIGGER document_counter_forward_only BEFORE UPDATE ON document_counter
    FOR EACH ROW EXECUTE FUNCTION document_counter_forward_only()`,
  `CREATE TRIGGER document_counter_no_delete BEFORE DELETE ON document_counter
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TABLE user_signing_key (
    user_id uuid PRIMARY KEY REFERENCES app_user(id),
    agency_id uuid NOT NULL REFERENCES agency(id),
    public_key text NOT NULL CHECK (public_key ~ '^04[0-9a-f]{128}$'),
    private_key_cipher text NOT NULL,
    created_at timestamptz NOT NULL
  )`,
  `CREATE TRIGGER user_signing_key_append_only BEFORE UPDATE OR DELETE ON user_signing_key
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TABLE document (
    id uuid PRIMARY KEY,
    agency_id uuid NOT NULL REFERENCES agency(id),
    kind text NOT NULL CHECK (kind IN (${kinds})),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 50),
    year smallint CHECK (year BETWEEN 1949 AND 2200),
    serial integer CHECK (serial >= 1),
    number text CHECK (length(number) BETWEEN 1 AND 50),
    stream_id text NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
    template_source text NOT NULL CHECK (template_source IN ('default', 'agency')),
    ${hash('template_sha256')},
    ${hash('sha256')},
    ${hash('sm3')},
    size integer NOT NULL CHECK (size > 0),
    signer_id uuid NOT NULL REFERENCES app_user(id),
    signer_name text NOT NULL,
    signer_public_key text NOT NULL CHECK (signer_public_key ~ '^04[0-9a-f]{128}$'),
    signature text NOT NULL CHECK (signature ~ '^[0-9a-f]+$'),
    signed_at timestamptz NOT NULL,
    created_by uuid REFERENCES app_user(id),
    created_at timestamptz NOT NULL,
    CHECK ((serial IS NULL) = (number IS NULL) AND (serial IS NULL) = (year IS NULL)),
    UNIQUE (agency_id, kind, year, serial)
  )`,
  'CREATE INDEX document_stream ON document (stream_id)',
  'CREATE INDEX document_agency ON document (agency_id, created_at)',
  `CREATE TRIGGER document_append_only BEFORE UPDATE OR DELETE ON document
    FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
  `CREATE TRIGGER document_no_truncate BEFORE TRUNCATE ON document
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
  `CREATE TABLE document_template (
    agency_id uuid NOT NULL REFERENCES agency(id),
    kind text NOT NULL CHECK (kind IN (${kinds})),
    ${hash('sha256')},
    ${hash('sm3')},
    size integer NOT NULL CHECK (size > 0),
    original_name text CHECK (length(original_name) <= 255),
    uploaded_by uuid NOT NULL REFERENCES app_user(id),
    uploaded_at timestamptz NOT NULL,
    PRIMARY KEY (agency_id, kind)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
