import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Session;
let countyId = '';
let cityId = '';

const profile = {
  legalBasis: '《中华人民共和国行政处罚法》第十七条\n《道路运输条例》第七条',
  duties: '负责本县道路运输市场监督管理。\n负责交通运输行政执法工作。',
  address: '示例县示例大道 1 号',
  phone: '0000-0000001',
  officeHours: '工作日 8:30—12:00，14:30—17:30',
  supervisionPhone: '0000-0000002',
  supervisionEmail: 'jiandu@example.invalid',
  reconsiderationBody: '示例县人民政府',
  litigationCourt: '示例县人民法院',
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const { db } = t.database;
  const id = async (name: string) =>
    (await db.selectFrom('agency').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  countyId = await id('示例县交通运输局');
  cityId = await id('示例市交通运输局');
});
afterAll(() => t.close());

const put = (session: Session, id: string, payload: unknown) =>
  t.request(session, { method: 'PUT', url: `/api/agencies/${id}/profile`, payload: payload as object });

describe('P2: the agency profile', () => {
  it('P2: the system administrator fills the profile; everyone of the agency reads it', async () => {
    const saved = await put(admin, countyId, profile);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      ...profile,
      name: '示例县交通运输局',
      creditCode: expect.any(String),
    });
    const officer = await t.login('officer1');
    const read = await t.request(officer, { method: 'GET', url: `/api/agencies/${countyId}/profile` });
    expect(read.json()).toMatchObject({ ...profile, actions: { edit: false } });
    expect((await put(officer, countyId, profile)).statusCode).toBe(403);
  });

  it('P2: the change is on the agency’s ledger stream, before and after; saving the same writes nothing', async () => {
    await put(admin, countyId, { ...profile, phone: '0000-0000009' });
    await put(admin, countyId, { ...profile, phone: '0000-0000009' });
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select('payload')
      .where('stream_id', '=', `agency:${countyId}`)
      .where('kind', '=', 'agency.profileUpdated')
      .orderBy('seq')
      .execute();
    expect(events).toHaveLength(2);
    expect(events[1]!.payload).toEqual({ change: { phone: { from: '0000-0000001', to: '0000-0000009' } } });
  });

  it('P2: bad input names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...profile, phone: '打这个电话' }, 'body.phone'],
      [{ ...profile, supervisionEmail: 'not-an-email' }, 'body.supervisionEmail'],
      [{ ...profile, address: 'x'.repeat(201) }, 'body.address'],
      [{ ...profile, legalBasis: 'a\u0000b' }, 'body.legalBasis'],
      [{ ...profile, website: 'https://example.invalid' }, 'body.website'],
      [{ ...profile, duties: undefined }, 'body.duties'],
    ];
    for (const [payload, field] of cases) {
      const response = await put(admin, countyId, payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().field).toBe(field);
    }
  });

  it('P2: another agency’s profile is 404', async () => {
    const head = await t.login('head1');
    expect(
      (await t.request(head, { method: 'GET', url: `/api/agencies/${cityId}/profile` })).statusCode,
    ).toBe(404);
    expect((await put(admin, cityId, profile)).statusCode).toBe(404);
  });
});
