import { type Kysely, sql } from 'kysely';

/**
 * One number that changes with every change to the rule data every request reads — the
 * jurisdiction settings and the working-day calendar — so a process can keep them between
 * requests and ask one cheap question instead of loading them again (BENCHMARKS.md, issue 21).
 * Triggers bump it, so no writer can forget to; a transaction's bump is seen only once it commits.
 */
const statements = [
  `CREATE TABLE rule_data_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version bigint NOT NULL
  )`,
  'INSERT INTO rule_data_version (version) VALUES (1)',
  `CREATE FUNCTION bump_rule_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE rule_data_version SET version = version + 1;
    RETURN NULL;
  END $$`,
  ...['settings_version', 'calendar_year', 'calendar_day'].map(
    (table) => `CREATE TRIGGER ${table}_bumps_rule_data_version
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION bump_rule_data_version()`,
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
