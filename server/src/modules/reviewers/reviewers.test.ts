import { creditCodeCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Session;
let countyId = '';
let cityId = '';
let townshipId = '';
let personSerial = 0;

/** A person row straight into the table: the capacity rule counts rows, not the form. */
async function addPerson(
  agencyId: string,
  kind: 'officer' | 'reviewer' | 'auxiliary' | 'staff',
  name: string,
) {
  personSerial += 1;
  const row = await t.database.db
    .insertInto('person')
    .values({
      agency_id: agencyId,
      name,
      kind,
      id_number_cipher: `cipher-${personSerial}`,
      id_number_digest: `digest-reviewers-${personSerial}`,
      id_number_masked: '***',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const get = (session: Session, url: string) => t.request(session, { method: 'GET', url });
const send = (session: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  t.request(session, { method, url, payload: payload as object });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const { db } = t.database;
  const id = async (name: string) =>
    (await db.selectFrom('agency').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  countyId = await id('示例县交通运输局');
  cityId = await id('示例市交通运输局');
  // A township below the county, with exactly 40 officers, for the boundary.
  const first17 = '11990121MB0000777';
  townshipId = (
    await db
      .insertInto('agency')
      .values({
        parent_id: countyId,
        name: '示例县示例镇人民政府',
        short_name: '示例镇',
        level: 'township',
        domain: '综合行政执法',
        credit_code: first17 + creditCodeCheckChar(first17),
        region_code: '990121',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (let i = 0; i < 40; i += 1) await addPerson(townshipId, 'officer', `镇执法${i}`);
  // Not officers: they never count.
  await addPerson(townshipId, 'auxiliary', '镇辅助');
  await addPerson(townshipId, 'staff', '镇文员');
});
afterAll(() => t.close());

describe('L2: the legal reviewer register and its capacity', () => {
  let firstReviewer = '';

  it('L2: with no reviewers the township is short by 2 and the page says so', async () => {
    const list = (await get(admin, `/api/reviewers?agencyId=${townshipId}`)).json();
    expect(list.items).toEqual([]);
    expect(list.capacity).toMatchObject({
      officers: 40,
      reviewers: 0,
      byRatio: 2,
      required: 2,
      sufficient: false,
      shortBy: 2,
    });
    expect(list.capacity.message).toContain('法制审核人员不足');
  });

  it('L2: 40 officers and 2 reviewers is enough; the 41st officer needs a 3rd reviewer', async () => {
    const lawyer = await addPerson(townshipId, 'staff', '镇公职律师');
    const reviewer = await addPerson(townshipId, 'reviewer', '镇审核');
    const first = await send(admin, 'POST', '/api/reviewers', {
      personId: reviewer,
      membership: 'staff',
      qualification: '法律职业资格（A证）',
      appointedOn: '2025-01-01',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      membershipLabel: '本机关工作人员',
      qualification: '法律职业资格（A证）',
      serving: true,
    });
    firstReviewer = first.json().id;
    const second = await send(admin, 'POST', '/api/reviewers', {
      personId: lawyer,
      membership: 'publicLawyer',
      qualification: '公职律师证',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().appointedOn).toBe('2026-11-24');
    const enough = (await get(admin, `/api/reviewers?agencyId=${townshipId}`)).json().capacity;
    expect(enough).toMatchObject({ officers: 40, reviewers: 2, required: 2, sufficient: true, shortBy: 0 });

    await addPerson(townshipId, 'officer', '镇执法40');
    const short = (await get(admin, `/api/reviewers?agencyId=${townshipId}`)).json().capacity;
    expect(short).toMatchObject({
      officers: 41,
      reviewers: 2,
      byRatio: 3,
      required: 3,
      sufficient: false,
      shortBy: 1,
    });
    expect(short.message).toBe(
      '法制审核人员不足：执法人员 41 名，应不少于 3 名（不低于 5% 且不少于 2 名），现有 2 名，还差 1 名',
    );
  });

  it('L2: a reviewer whose term ended no longer counts', async () => {
    const ended = await send(admin, 'PATCH', `/api/reviewers/${firstReviewer}`, { endedOn: '2026-11-24' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().serving).toBe(false);
    const capacity = (await get(admin, `/api/reviewers?agencyId=${townshipId}`)).json().capacity;
    expect(capacity.reviewers).toBe(1);
    const early = await send(admin, 'PATCH', `/api/reviewers/${firstReviewer}`, { endedOn: '2024-12-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().field).toBe('body.endedOn');
    await send(admin, 'PATCH', `/api/reviewers/${firstReviewer}`, { endedOn: null });
  });

  it('L2: bad input names the field; an auxiliary or a second entry is refused', async () => {
    const auxiliary = await addPerson(townshipId, 'auxiliary', '镇辅助二');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ personId: auxiliary, membership: 'staff' }, 422, 'body.personId'],
      [{ personId: auxiliary, membership: 'judge' }, 400, 'body.membership'],
      [{ personId: 'nope', membership: 'staff' }, 400, 'body.personId'],
      [{ personId: auxiliary, membership: 'staff', appointedOn: '2026-02-30' }, 400, 'body.appointedOn'],
      [
        { personId: auxiliary, membership: 'staff', qualification: 'x'.repeat(101) },
        400,
        'body.qualification',
      ],
    ];
    for (const [payload, status, field] of cases) {
      const response = await send(admin, 'POST', '/api/reviewers', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().field).toBe(field);
    }
    const existing = (await get(admin, `/api/reviewers?agencyId=${townshipId}`)).json().items[0];
    const twice = await send(admin, 'POST', '/api/reviewers', {
      personId: existing.person.id,
      membership: 'staff',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().field).toBe('body.personId');
  });

  it('L2: another agency’s register is 404; the ledger has the changes', async () => {
    const cityPerson = await addPerson(cityId, 'reviewer', '市审核');
    const refused = await send(admin, 'POST', '/api/reviewers', {
      personId: cityPerson,
      membership: 'staff',
    });
    expect(refused.statusCode).toBe(404);
    expect((await get(admin, `/api/reviewers?agencyId=${cityId}`)).statusCode).toBe(404);
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select(['kind', 'payload'])
      .where('kind', 'in', ['reviewer.registered', 'reviewer.updated'])
      .where('agency_id', '=', townshipId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.kind)).toEqual([
      'reviewer.registered',
      'reviewer.registered',
      'reviewer.updated',
      'reviewer.updated',
    ]);
    expect(events[0]!.payload).toEqual({
      membership: 'staff',
      qualification: '法律职业资格（A证）',
      appointedOn: '2025-01-01',
    });
  });

  it('L2: the justice bureau sees the capacity of the agencies it supervises, warnings first-class', async () => {
    const supervisor = await t.login('supervisor1');
    const response = await get(supervisor, '/api/reviewers/capacity');
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((i: { agency: { name: string } }) => i.agency.name);
    // The county and the township below it; not the bureau itself, not the city.
    expect(names).toEqual(expect.arrayContaining(['示例县交通运输局', '示例县示例镇人民政府']));
    expect(names).not.toContain('示例县司法局');
    expect(names).not.toContain('示例市交通运输局');
    const township = response
      .json()
      .items.find((i: { agency: { id: string } }) => i.agency.id === townshipId);
    expect(township).toMatchObject({ officers: 41, required: 3, sufficient: false });
    expect(response.json().short).toBeGreaterThanOrEqual(1);
    // The county's own view lists the county alone, with its own numbers.
    const head = await t.login('head1');
    const own = (await get(head, '/api/reviewers')).json();
    expect(own.agency.name).toBe('示例县交通运输局');
    expect(own.actions.register).toBe(false);
    expect((await get(await t.login('officer1'), '/api/reviewers')).statusCode).toBe(403);
  });
});
