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

/**
 * RFC 8785 encoding of the event envelope. The envelope's keys are fixed, so they
 * are written in JCS order (actor, agency, at, kind, payload, prev, seq, stream, v)
 * directly; only the payload goes through the general canonicaliser. JCS strings
 * and integers are exactly JSON.stringify's. A test checks this against the library.
 */
export function canonicalEvent(event: HashedEventFields): string {
  const payload = canonicalize(event.payload);
  if (payload === undefined) throw new Error('ledger event payload cannot be encoded');
  const str = JSON.stringify;
  return `{"actor":${str(event.actorId)},"agency":${str(event.agencyId)},"at":${str(event.occurredAt.toISOString())},"kind":${str(event.kind)},"payload":${payload},"prev":${str(event.prevHash)},"seq":${event.seq},"stream":${str(event.streamId)},"v":1}`;
}

export function eventHash(event: HashedEventFields): string {
  return sm3Hex(canonicalEvent(event));
}
