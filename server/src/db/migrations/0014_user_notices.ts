import { type Kysely, sql } from 'kysely';

/**
 * Notices to one user (站内消息): what the platform tells a person without their
 * asking — today, that a deadline of their case moved when the holiday
 * arrangement of a year was imported. Read or not, never deleted.
 */
const statements = [
  `CREATE TABLE user_notice (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES app_user(id),
    case_id uuid REFERENCES enforcement_case(id),
    subject text NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL,
    read_at timestamptz
  )`,
  'CREATE INDEX user_notice_user ON user_notice (user_id, created_at DESC)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
