import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalEvent } from './hash.js';

describe('ledger event encoding', () => {
  it('is byte for byte the RFC 8785 canonical JSON of the whole event', () => {
    const samples = [
      { streamId: 'case:1', seq: 1, actorId: null, agencyId: null, kind: 'test.note', payload: {} },
      {
        streamId: 'case:"引号"\\\n',
        seq: 2_147_483_647,
        actorId: '00000000-0000-4000-8000-000000000000',
        agencyId: '11111111-1111-4111-8111-111111111111',
        kind: 'evidence.accessed',
        payload: { z: [1, 2.5, -0, 1e21], a: { é: 'ü\u2028', b: null, c: true }, '\u0001': '\ud83d\ude00' },
      },
    ];
    for (const sample of samples) {
      const event = {
        ...sample,
        occurredAt: new Date('2026-11-24T02:00:00.123Z'),
        prevHash: 'ab'.repeat(32),
      };
      const whole = canonicalize({
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
      expect(canonicalEvent(event)).toBe(whole);
    }
  });
});
