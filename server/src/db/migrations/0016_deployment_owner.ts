import { type Kysely, sql } from 'kysely';

/**
 * The deployment's owner (SEC-5): the one agency that keeps what every agency of the deployment
 * shares — the working-day calendar, the jurisdiction settings, the law library. An existing
 * deployment's owner is the agency of its first system administrator (who has kept them so far),
 * or, with none, its first top-level agency.
 */
const statements = [
  'ALTER TABLE agency ADD COLUMN owns_deployment boolean NOT NULL DEFAULT false',
  'CREATE UNIQUE INDEX agency_one_deployment_owner ON agency (owns_deployment) WHERE owns_deployment',
  `UPDATE agency SET owns_deployment = true WHERE id = coalesce(
    (SELECT agency_id FROM app_user WHERE 'system_admin' = ANY(roles) ORDER BY created_at, id LIMIT 1),
    (SELECT id FROM agency WHERE parent_id IS NULL ORDER BY created_at, id LIMIT 1))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
