/** What every handler may use: the database, the injected clock, facts about the deployment. */
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { DatabaseKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Signer } from '../ledger/signing.js';
import type { EvidenceStore } from '../storage/evidence-store.js';

export type Clock = () => Date;

export interface AppContext {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  clock: Clock;
  version: string;
  /** Encrypts personal data at rest with the deployment's keys. */
  cipher: FieldCipher;
  /** Signs ledger checkpoints with the deployment's SM2 key. */
  signer: Signer;
  /** Content-addressed, write-once storage of evidence files (ZHIFA_DATA_DIR/evidence by default). */
  evidence: EvidenceStore;
  /**
   * Absolute base URL of the public portal (ZHIFA_PUBLIC_URL, or where the server listens),
   * for links that leave the server such as certificate QR codes. Tests leave it unset:
   * the request's own host is used then.
   */
  publicUrl?: string;
}
