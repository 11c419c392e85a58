import { type Kysely, sql } from 'kysely';

/**
 * The party as 行政处罚法 art. 59(一) has a decision name it (issue 17): its address, a person's phone
 * and an organisation's 法定代表人（负责人）. Address and phone are stored encrypted with a masked copy
 * for display, like the ID number; the documents served on the party carry them whole.
 */
const statements = [
  `ALTER TABLE enforcement_case
    ADD COLUMN party_address_cipher text,
    ADD COLUMN party_address_masked text,
    ADD COLUMN party_phone_cipher text,
    ADD COLUMN party_phone_masked text,
    ADD COLUMN party_representative text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
