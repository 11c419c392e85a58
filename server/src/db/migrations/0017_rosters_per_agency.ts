import { type Kysely, sql } from 'kysely';

/**
 * A roster is its agency's own (SEC-7): a 身份证号 is registered once per agency, not once per
 * deployment, so registering someone tells an agency nothing about another agency's people. The
 * same person at two agencies (a transfer, a secondment) is two entries, one per roster.
 */
const statements = [
  'ALTER TABLE person DROP CONSTRAINT person_id_number_digest_key',
  'CREATE UNIQUE INDEX person_agency_id_number ON person (agency_id, id_number_digest)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
