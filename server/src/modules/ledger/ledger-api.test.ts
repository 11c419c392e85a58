import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { idNumberCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../ledger/append.js';
import { checkpointSignatureValid, verifyInclusionBundle } from '../../ledger/checkpoint.js';
import { verifyPackage } from '../../ledger/verify-package.js';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { unzip } from '../../test/zip.js';

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

describe('R7: a stream exported as a package through the API', () => {
  it('R7: answers a zip named in ASCII and in Chinese that verifies with the published key', async () => {
    const response = await t.request(auditadmin, {
      method: 'GET',
      url: '/api/ledger/streams/calendar/package',
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(
        `^attachment; filename="zhifa-package-calendar-\\d{8}T\\d{6}Z\\.zip"; filename\\*=UTF-8''${encodeURIComponent('全过程记录校验包')}-calendar-`,
      ),
    );
    const files = await unzip(response.rawPayload);
    expect(JSON.parse(files.get('events.json')!.toString()).map((e: { kind: string }) => e.kind)).toEqual([
      'calendar.changed',
      'ledger.exported',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'zhifa-ledger-api-'));
    try {
      const file = path.join(dir, 'calendar.zip');
      writeFileSync(file, response.rawPayload);
      const publicKey = (await t.app.inject({ method: 'GET', url: '/api/ledger/public-key' })).json()
        .publicKey;
      expect(await verifyPackage(file, { publicKey })).toMatchObject({
        status: 'ok',
        summary: { streamId: 'calendar', events: 2, publicKeyConfirmed: true },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The export is on the ledger, by whom, and the chain still verifies.
    const events = (
      await t.request(auditadmin, { method: 'GET', url: '/api/ledger/streams/calendar/events' })
    ).json();
    expect(events.verification.ok).toBe(true);
    expect(events.items.at(-1)).toMatchObject({ kind: 'ledger.exported', actor: { username: 'auditadmin' } });
  });

  it('R1: pages a long stream newest first, verifying the whole chain on every page', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      for (let i = 1; i <= 25; i += 1)
        await appendEvent(
          trx,
          {
            streamId: 'note:paging',
            agencyId: null,
            actorId: null,
            kind: 'test.note',
            payload: { text: `第 ${i} 条` },
          },
          t.now(),
        );
    });
    const page = async (query: string) =>
      (
        await t.request(auditadmin, { method: 'GET', url: `/api/ledger/streams/note:paging/events?${query}` })
      ).json();
    const second = await page('page=2&pageSize=10&order=desc');
    expect(second).toMatchObject({
      total: 25,
      page: 2,
      pageSize: 10,
      verification: { ok: true, events: 25 },
    });
    expect(second.items.map((e: { seq: number }) => e.seq)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    const last = await page('page=3&pageSize=10&order=desc');
    expect(last.items.map((e: { seq: number }) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect((await page('')).items.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    const tooBig = await t.request(auditadmin, {
      method: 'GET',
      url: '/api/ledger/streams/note:paging/events?pageSize=5000',
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().details[0].field).toBe('query.pageSize');
  });

  it('R7: a stream outside the user’s scope, or none at all, is 404 and nothing is recorded', async () => {
    const { db } = t.database;
    const city = await db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow();
    await db.transaction().execute((trx) =>
      appendEvent(
        trx,
        {
          streamId: 'note:city',
          agencyId: city.id,
          actorId: null,
          kind: 'test.note',
          payload: { text: '市局' },
        },
        t.now(),
      ),
    );
    const checkpoints = async () =>
      (
        await db
          .selectFrom('checkpoint')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await checkpoints();
    const supervisor = await t.login('supervisor1');
    for (const session of [auditadmin, supervisor]) {
      for (const stream of ['note:city', 'no-such']) {
        const response = await t.request(session, {
          method: 'GET',
          url: `/api/ledger/streams/${encodeURIComponent(stream)}/package`,
        });
        expect(response.statusCode, `${stream}: ${response.body}`).toBe(404);
      }
    }
    expect(
      await db.selectFrom('ledger_event').select('seq').where('stream_id', '=', 'note:city').execute(),
    ).toHaveLength(1);
    expect(await checkpoints()).toBe(before);
    // Closed to those without ledger.read, as the events are.
    expect(
      (await t.request(admin, { method: 'GET', url: '/api/ledger/streams/calendar/package' })).statusCode,
    ).toBe(403);
  });
});
