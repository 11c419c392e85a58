/** Migrations are TypeScript modules listed here, so they ship inside the build. */
import { type Kysely, type Migration, Migrator } from 'kysely';
import * as foundation from './migrations/0001_foundation.js';
import * as identity from './migrations/0002_identity.js';
import * as ledger from './migrations/0003_ledger.js';
import * as checkpoints from './migrations/0004_checkpoints.js';
import * as evidence from './migrations/0005_evidence.js';
import * as certificates from './migrations/0006_certificates.js';
import * as lawsAndItems from './migrations/0007_laws_and_items.js';
import * as trainingAndBoards from './migrations/0008_training_and_boards.js';
import * as guidesAndLists from './migrations/0009_guides_and_lists.js';
import * as cases from './migrations/0010_cases.js';
import * as documents from './migrations/0011_documents.js';
import * as recordingLists from './migrations/0012_recording_lists.js';
import * as moreDocumentKinds from './migrations/0013_more_document_kinds.js';
import * as userNotices from './migrations/0014_user_notices.js';
import * as caseClocks from './migrations/0015_case_clocks.js';
import * as deploymentOwner from './migrations/0016_deployment_owner.js';
import * as rostersPerAgency from './migrations/0017_rosters_per_agency.js';
import * as ruleDataVersion from './migrations/0018_rule_data_version.js';
import * as partyDetails from './migrations/0019_party_details.js';

const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_identity': identity,
  '0003_ledger': ledger,
  '0004_checkpoints': checkpoints,
  '0005_evidence': evidence,
  '0006_certificates': certificates,
  '0007_laws_and_items': lawsAndItems,
  '0008_training_and_boards': trainingAndBoards,
  '0009_guides_and_lists': guidesAndLists,
  '0010_cases': cases,
  '0011_documents': documents,
  '0012_recording_lists': recordingLists,
  '0013_more_document_kinds': moreDocumentKinds,
  '0014_user_notices': userNotices,
  '0015_case_clocks': caseClocks,
  '0016_deployment_owner': deploymentOwner,
  '0017_rosters_per_agency': rostersPerAgency,
  '0018_rule_data_version': ruleDataVersion,
  '0019_party_details': partyDetails,
};

export const migrationNames = Object.keys(migrations);

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Up to and including `name` (a restore loads rows into the schema they were taken from). */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(
  db: Kysely<unknown>,
  run: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await run(migrator);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
