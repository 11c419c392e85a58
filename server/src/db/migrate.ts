/** Migrations are TypeScript modules listed here, so they ship inside the build. */
import { type Kysely, type Migration, Migrator } from 'kysely';
import * as foundation from './migrations/0001_foundation.js';
import * as identity from './migrations/0002_identity.js';
import * as ledger from './migrations/0003_ledger.js';
import * as checkpoints from './migrations/0004_checkpoints.js';
import * as evidence from './migrations/0005_evidence.js';

const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_identity': identity,
  '0003_ledger': ledger,
  '0004_checkpoints': checkpoints,
  '0005_evidence': evidence,
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
