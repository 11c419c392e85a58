/** What every handler may use: the database, the injected clock, facts about the deployment. */
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { DatabaseKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Signer } from '../ledger/signing.js';

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
}
