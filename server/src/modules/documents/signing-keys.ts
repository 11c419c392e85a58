/**
 * Per-user SM2 signing keys (docs/decisions/0013-documents.md). A signer's key
 * pair is created the first time they sign, in that transaction; the private
 * key is kept encrypted with the deployment's field cipher and is used only to
 * sign a document its owner signs in their own session (or a use case acting on
 * their explicit step, such as a case decision by the agency head). The public
 * key is copied onto every document it signs, so verification needs no lookup.
 *
 * What is signed is the canonical JSON statement below, which binds the
 * document's SM3 (and SHA-256) hash to its number, kind, agency, signer and time.
 */
import canonicalize from 'canonicalize';
import type { Kysely } from 'kysely';
import { sm2 } from 'sm-crypto-v2';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import type { DB } from '../../db/schema.js';
import { type Signer, signerFromPrivateKey, verifySignature } from '../../ledger/signing.js';

export const signatureAlgorithm = 'SM2-SM3 (GM/T 0003, user ID 1234567812345678, DER signature)';

export interface DocumentStatement {
  v: 1;
  documentId: string;
  agencyId: string;
  kind: string;
  number: string | null;
  sm3: string;
  sha256: string;
  size: number;
  signerId: string;
  signedAt: string;
}

export const statementText = (statement: DocumentStatement) => canonicalize(statement)!;

export function documentSignatureValid(statement: DocumentStatement, signature: string, publicKey: string) {
  return verifySignature(statementText(statement), signature, publicKey);
}

/** The user's signer, creating (and storing) their key pair on first use. In the caller's transaction. */
export async function signerForUser(
  db: Kysely<DB>,
  cipher: FieldCipher,
  user: { id: string; agencyId: string },
  now: Date,
): Promise<Signer> {
  const existing = () =>
    db
      .selectFrom('user_signing_key')
      .select(['public_key', 'private_key_cipher'])
      .where('user_id', '=', user.id)
      .executeTakeFirst();
  let row = await existing();
  if (!row) {
    const pair = sm2.generateKeyPairHex();
    // A concurrent first signing may win the insert; then its key is the user's.
    await db
      .insertInto('user_signing_key')
      .values({
        user_id: user.id,
        agency_id: user.agencyId,
        public_key: pair.publicKey,
        private_key_cipher: cipher.encrypt(pair.privateKey),
        created_at: now,
      })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    row = await existing();
    if (!row) throw new Error(`signing key of user ${user.id} not stored`);
  }
  const signer = signerFromPrivateKey(cipher.decrypt(row.private_key_cipher));
  if (signer.publicKey !== row.public_key) throw new Error(`signing key of user ${user.id} does not match`);
  return signer;
}
