import { idNumberCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointSignatureValid, verifyInclusionBundle } from '../../ledger/checkpoint.js';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Session;
let auditadmin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  auditadmin = await t.login('auditadmin');
  await t.request(admin, {
    method: 'PUT',
    url: '/api/calendar/days/2026-12-31',
    payload: { kind: 'holiday', name: '测试' },
  });
  await t.request(admin, {
    method: 'POST',
    url: '/api/persons',
    payload: {
      name: '账本测试',
      kind: 'staff',
      idNumber: `99012119800101901${idNumberCheckChar('99012119800101901')}`,
    },
  });
});
afterAll(() => t.close());

describe('ledger explorer (R1, R7)', () => {
  it('lists the streams the changes wrote, with their events verified', async () => {
    const streams = (await t.request(auditadmin, { method: 'GET', url: '/api/ledger/streams' })).json().items;
    const ids = streams.map((s: { streamId: string }) => s.streamId);
    expect(ids).toContain('calendar');
    expect(ids.some((id: string) => id.startsWith('person:'))).toBe(true);
    const calendar = (
      await t.request(auditadmin, { method: 'GET', url: '/api/ledger/streams/calendar/events' })
    ).json();
    expect(calendar.verification).toMatchObject({ ok: true, events: 1 });
    expect(calendar.items[0]).toMatchObject({
      kind: 'calendar.changed',
      actor: { username: 'admin' },
      payload: { target: '2026-12-31' },
    });
  });

  it('signs a checkpoint on demand, exports it, and proves an event’s inclusion', async () => {
    const created = await t.request(auditadmin, { method: 'POST', url: '/api/ledger/checkpoints' });
    expect(created.statusCode).toBe(201);
    const again = await t.request(auditadmin, { method: 'POST', url: '/api/ledger/checkpoints' });
    expect(again.json()).toMatchObject({ created: false });
    const exported = await t.request(auditadmin, {
      method: 'GET',
      url: `/api/ledger/checkpoints/${created.json().id}/export`,
    });
    expect(exported.headers['content-disposition']).toContain('zhifa-checkpoint-');
    expect(checkpointSignatureValid(exported.json())).toBe(true);
    expect(exported.json().publicKey).toBe(
      (await t.app.inject({ method: 'GET', url: '/api/ledger/public-key' })).json().publicKey,
    );
    const calendar = (
      await t.request(auditadmin, { method: 'GET', url: '/api/ledger/streams/calendar/events' })
    ).json();
    const proof = await t.request(auditadmin, {
      method: 'GET',
      url: `/api/ledger/events/${calendar.items[0].id}/proof`,
    });
    expect(verifyInclusionBundle(proof.json())).toBeNull();
    const verify = (await t.request(auditadmin, { method: 'GET', url: '/api/ledger/verify' })).json();
    expect(verify).toMatchObject({ ledger: { ok: true }, checkpoints: { checkpoints: 1, problem: null } });
  });

  it('is closed to the system administrator; a stream of an agency outside scope is 404', async () => {
    expect((await t.request(admin, { method: 'GET', url: '/api/ledger/streams' })).statusCode).toBe(403);
    const supervisor = await t.login('supervisor1');
    expect(
      (await t.request(supervisor, { method: 'GET', url: '/api/ledger/streams/no-such/events' })).statusCode,
    ).toBe(404);
  });
});
