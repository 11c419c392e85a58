/**
 * The backup file (`zhifa backup`): a zip holding every table as JSON lines,
 * every evidence file under its SHA-256, the deployment's keys, and a manifest
 * with a SHA-256 per entry, so a damaged or altered backup is refused before
 * anything is restored. Plain JSON rows rather than a database dump: a backup
 * of the embedded database restores into PostgreSQL and back.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

export const backupFormat = 'zhifa-backup';
export const backupFormatVersion = 1;

export interface BackupManifest {
  format: typeof backupFormat;
  formatVersion: typeof backupFormatVersion;
  zhifaVersion: string;
  createdAt: string;
  databaseKind: string;
  /** Migrations applied to the backed-up database, in order. */
  migrations: string[];
  tables: { name: string; rows: number; entry: string; sha256: string }[];
  evidence: { sha256: string; size: number; entry: string }[];
  keys: { name: string; entry: string; sha256: string }[];
  /** Files that failed their hash when the backup was taken: left out, listed here (SEC-15). */
  corruptEvidence?: { sha256: string; size: number; problem: string }[];
  /** The newest signed checkpoint when the backup was taken (signed just before, if heads had moved). */
  checkpoint: { treeSize: number; root: string } | null;
}

/**
 * Logins are not carried over: a restored deployment starts with everyone signed out. The rule
 * data's version is the target's own: the restore bumps it, so no process keeps the old rules.
 */
const excludedTables = new Set([
  'user_session',
  'kysely_migration',
  'kysely_migration_lock',
  'rule_data_version',
]);

/** The application's tables, by name, in the current schema. */
export async function applicationTables(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(db);
  return rows.map((r) => r.name).filter((name) => !excludedTables.has(name));
}

export const tableEntry = (table: string) => `database/${table}.jsonl`;
export const evidenceEntry = (sha256: string) => `evidence/${sha256}`;
export const keyEntry = (name: string) => `keys/${name}`;
export const manifestEntry = 'manifest.json';

/** Files under ZHIFA_DATA_DIR/keys that belong in a backup. */
export const keyFiles = ['field-keys.json', 'sm2-private.key'];

/** Reports progress as lines on standard error (or wherever the caller wants). */
export type Progress = (line: string) => void;

export const formatBytes = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(2)} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
      : `${(bytes / 1024).toFixed(1)} KB`;
