import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let discloser: Session;
let cityId = '';
const persons = new Map<string, string>();
let licensingUnit = '';

beforeAll(async () => {
  t = await createTestApp();
  discloser = await t.login('discloser1');
  const { db } = t.database;
  const county = await db
    .selectFrom('agency')
    .select('id')
    .where('name', '=', '示例县交通运输局')
    .executeTakeFirstOrThrow();
  cityId = (
    await db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow()
  ).id;
  for (const p of await db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('agency_id', '=', county.id)
    .execute())
    persons.set(p.name, p.id);
  licensingUnit = (
    await db
      .selectFrom('unit')
      .select('id')
      .where('agency_id', '=', county.id)
      .where('name', '=', '办公室')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const board = () => ({
  name: '测试窗口 道路运输许可',
  unitId: licensingUnit,
  enforcementTypes: ['licensing', 'inspection'],
  services: ['道路货物运输经营许可', '道路运输证配发、换发、补发'],
  officeHours: '工作日 9:00—17:00',
  phone: '0000-0000100',
  location: '政务服务中心二楼',
  staff: [
    { personId: persons.get('王公示')!, duty: '首席代表' },
    { personId: persons.get('赵执法')!, duty: '受理' },
  ],
});

describe('P8: window boards in the console', () => {
  let id = '';

  it('P8: the disclosure officer creates a board; names and positions come from the register', async () => {
    const created = await t.request(discloser, {
      method: 'POST',
      url: '/api/window-boards',
      payload: board(),
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({
      name: '测试窗口 道路运输许可',
      unit: { name: '办公室' },
      enforcementTypeLabels: ['行政许可', '行政检查'],
      services: ['道路货物运输经营许可', '道路运输证配发、换发、补发'],
      staff: [
        { name: '王公示', duty: '首席代表' },
        { name: '赵执法', duty: '受理' },
      ],
    });
    const list = (await t.request(discloser, { method: 'GET', url: '/api/window-boards' })).json();
    expect(list.items.map((b: { name: string }) => b.name)).toContain('测试窗口 道路运输许可');
    expect(list.actions.manage).toBe(true);
    expect(list.staffCandidates.length).toBeGreaterThan(5);
  });

  it('P8: a replacement changes staff and services; the ledger has each change', async () => {
    const replaced = await t.request(discloser, {
      method: 'PUT',
      url: `/api/window-boards/${id}`,
      payload: {
        ...board(),
        services: ['道路货物运输经营许可'],
        staff: [{ personId: persons.get('钱执法')! }],
      },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().staff).toEqual([expect.objectContaining({ name: '钱执法', duty: '' })]);
    const kinds = (
      await t.database.db
        .selectFrom('ledger_event')
        .select('kind')
        .where('stream_id', '=', `windowBoard:${id}`)
        .orderBy('seq')
        .execute()
    ).map((e) => e.kind);
    expect(kinds).toEqual(['windowBoard.created', 'windowBoard.updated']);
  });

  it('P8: bad input names the field', async () => {
    const cityPerson = await t.database.db
      .insertInto('person')
      .values({
        agency_id: cityId,
        name: '市局人员',
        kind: 'staff',
        id_number_cipher: 'x',
        id_number_digest: 'window-boards-city',
        id_number_masked: '***',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...board(), name: '' }, 400, 'body.name'],
      [{ ...board(), enforcementTypes: [] }, 400, 'body.enforcementTypes'],
      [{ ...board(), enforcementTypes: ['selling'] }, 400, 'body.enforcementTypes.0'],
      [{ ...board(), services: [] }, 400, 'body.services'],
      [{ ...board(), services: ['甲', '甲'] }, 400, 'body.services.1'],
      [{ ...board(), phone: '' }, 400, 'body.phone'],
      [{ ...board(), phone: '请拨打' }, 400, 'body.phone'],
      [{ ...board(), staff: [{ personId: cityPerson.id }] }, 400, 'body.staff.0.personId'],
      [
        { ...board(), staff: [{ personId: persons.get('赵执法') }, { personId: persons.get('赵执法') }] },
        400,
        'body.staff.1.personId',
      ],
      [{ ...board(), unitId: '00000000-0000-4000-8000-000000000000' }, 400, 'body.unitId'],
      [board(), 409, 'body.name'],
    ];
    for (const [payload, status, field] of cases) {
      const response = await t.request(discloser, { method: 'POST', url: '/api/window-boards', payload });
      expect(response.statusCode, field).toBe(status);
      expect(response.json().field).toBe(field);
    }
  });

  it('P8: another agency’s board is 404; an officer may read but not change boards', async () => {
    const other = await t.database.db
      .insertInto('window_board')
      .values({
        agency_id: cityId,
        name: '市局窗口',
        enforcement_types: ['licensing'],
        services: ['事项'],
        office_hours: '工作日',
        phone: '0000-0000000',
        created_at: t.now(),
        updated_at: t.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const put = await t.request(discloser, {
      method: 'PUT',
      url: `/api/window-boards/${other.id}`,
      payload: board(),
    });
    expect(put.statusCode).toBe(404);
    expect(
      (await t.request(discloser, { method: 'DELETE', url: `/api/window-boards/${other.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await t.request(discloser, { method: 'GET', url: `/api/window-boards?agencyId=${cityId}` }))
        .statusCode,
    ).toBe(404);
    const officer = await t.login('officer1');
    const read = (await t.request(officer, { method: 'GET', url: '/api/window-boards' })).json();
    expect(read.actions.manage).toBe(false);
    expect(read.staffCandidates).toEqual([]);
    expect(
      (await t.request(officer, { method: 'POST', url: '/api/window-boards', payload: board() })).statusCode,
    ).toBe(403);
  });

  it('P8: removing a board leaves its history on the ledger', async () => {
    const removed = await t.request(discloser, { method: 'DELETE', url: `/api/window-boards/${id}` });
    expect(removed.statusCode).toBe(204);
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select(['kind', 'payload'])
      .where('stream_id', '=', `windowBoard:${id}`)
      .orderBy('seq')
      .execute();
    expect(events.at(-1)).toEqual({
      kind: 'windowBoard.removed',
      payload: { name: '测试窗口 道路运输许可' },
    });
    expect(
      await t.database.db.selectFrom('window_board').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
  });
});
