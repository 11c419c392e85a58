/**
 * What a ledger event's hash covers: every field, encoded canonically (RFC 8785
 * JSON Canonicalization Scheme), hashed with SM3. Verification re-encodes the
 * stored row the same way, so any changed byte of any field changes the hash.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const genesisHash = '0'.repeat(64);

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export interface HashedEventFields {
  streamId: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  agencyId: string | null;
  kind: string;
  payload: unknown;
  prevHash: string;
}

export function canonicalEvent(event: HashedEventFields): string {
  const encoded = canonicalize({
    v: 1,
    stream: event.streamId,
    seq: event.seq,
    at: event.occurredAt.toISOString(),
    actor: event.actorId,
    agency: event.agencyId,
    kind: event.kind,
    payload: event.payload,
    prev: event.prevHash,
  });
  if (encoded === undefined) throw new Error('ledger event cannot be encoded');
  return encoded;
}

export function eventHash(event: HashedEventFields): string {
  return sm3Hex(canonicalEvent(event));
}
