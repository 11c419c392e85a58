import { type Kysely, sql } from 'kysely';

/**
 * Four more kinds of 执法文书 (docs/decisions/0013-documents.md): 延期（分期）缴纳罚款审批表,
 * 催告书, 强制执行申请书 and 重大行政处罚备案表. The `kind` column CHECKs that
 * 0011 created without names are replaced by named ones listing every kind.
 * The list is written out here, not imported: a migration is frozen history.
 * (PostgreSQL names an unnamed column CHECK `<table>_kind_check`; it is looked
 * up in pg_constraint by its column all the same, so nothing depends on that.)
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
  'paymentPlanApproval',
  'performanceReminder',
  'courtEnforcementApplication',
  'majorFilingReport',
  'closingReport',
]
  .map((k) => `'${k}'`)
  .join(', ');

const tables = ['document_counter', 'document', 'document_template'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    // The CHECK constraints on this table's `kind` column alone (not the table's other checks).
    const { rows } = await sql<{ conname: string }>`
      SELECT c.conname
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.conrelid = ${table}::regclass AND c.contype = 'c' AND a.attname = 'kind'
        AND cardinality(c.conkey) = 1`.execute(db);
    if (rows.length !== 1) throw new Error(`${table}: expected one CHECK on kind, found ${rows.length}`);
    await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT "${rows[0]!.conname}"`).execute(db);
    await sql
      .raw(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${kinds}))`)
      .execute(db);
  }
}
