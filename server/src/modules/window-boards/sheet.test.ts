import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';
import { registerPerson, registerSheet, syntheticIdNumbers } from '../../test/sheets.js';
import { boardColumns, boardSheetName } from './sheet.js';

let t: TestApp;
let discloser: Session;

const syntheticIdNumber = syntheticIdNumbers('19880808');
/** A person with a synthetic 身份证号, registered by the system administrator. */
const newPerson = async (name: string) =>
  registerPerson(t, await t.login('admin'), { name, kind: 'staff', idNumber: syntheticIdNumber() });
const { exportSheet, importSheet, rowsOf, sheetOf } = registerSheet(
  '/api/window-boards',
  { name: boardSheetName, columns: boardColumns },
  () => ({ t, session: discloser }),
);
const boards = async () =>
  (await t.request(discloser, { method: 'GET', url: '/api/window-boards' })).json().items as {
    id: string;
    name: string;
    unit: { name: string } | null;
    enforcementTypes: string[];
    services: string[];
    staff: { personId: string; name: string; duty: string }[];
    sortOrder: number;
  }[];

beforeAll(async () => {
  t = await createTestApp();
  discloser = await t.login('discloser1');
});
afterAll(() => t.close());

describe('P8: window boards round-trip through .xlsx', () => {
  it('P8: exports each board, its services and staff one per line', async () => {
    const response = await t.request(discloser, { method: 'GET', url: '/api/window-boards/export' });
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await rowsOf(response.rawPayload);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: '1 号窗口 道路运输许可',
      unit: '办公室',
      enforcementTypes: '行政许可',
      phone: '0000-5550102',
      sortOrder: '1',
    });
    expect(String(rows[0]!.services).split('\n')).toHaveLength(5);
    expect(String(rows[0]!.staff).split('\n')).toEqual([
      '钱执法：首席代表',
      expect.stringMatching(/：受理、审核$/),
      '孙辅助：咨询引导',
    ]);
  });

  it('P8: importing the export changes nothing', async () => {
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(await exportSheet());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 1, created: 0, updated: 0, unchanged: 1 });
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('P8: a changed row replaces the board, a new name adds one — on the ledger; a dry run writes nothing', async () => {
    // Two persons of one name: the sheet tells them apart by the masked number.
    await newPerson('表格同名');
    const second = await newPerson('表格同名');
    const rows = await exportSheet().then(rowsOf);
    rows[0] = {
      ...rows[0]!,
      services: `${rows[0]!.services}\n道路运输经营许可证补发`,
      staff: '钱执法：首席代表',
    };
    rows.push({
      name: '2 号窗口 执法咨询',
      unit: '',
      enforcementTypes: '检查、处罚',
      services: '执法证件查询\n处罚决定咨询、听证告知',
      staff: `赵执法：咨询 9:00 起\n表格同名（${second.idNumberMasked}）`,
      officeHours: '工作日 9:00—17:00',
      phone: '0000-5550103',
      location: '',
      sortOrder: '',
    });
    const sheet = await sheetOf(rows);

    const before = await databaseFingerprint(t.database);
    const dry = await importSheet(sheet, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 1, updated: 1, unchanged: 0, dryRun: true });
    expect(await databaseFingerprint(t.database)).toBe(before);

    const done = await importSheet(sheet);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ created: 1, updated: 1, unchanged: 0, dryRun: false });
    const list = await boards();
    expect(list.find((b) => b.name === '1 号窗口 道路运输许可')).toMatchObject({
      services: expect.arrayContaining(['道路运输经营许可证补发']),
      staff: [{ name: '钱执法', duty: '首席代表' }],
    });
    const added = list.find((b) => b.name === '2 号窗口 执法咨询')!;
    expect(added).toMatchObject({
      unit: null,
      enforcementTypes: ['inspection', 'penalty'],
      services: ['执法证件查询', '处罚决定咨询、听证告知'],
      staff: [
        { name: '赵执法', duty: '咨询 9:00 起' },
        { personId: second.id, duty: '' },
      ],
      sortOrder: 0,
    });
    const kinds = async (id: string) =>
      (
        await t.database.db
          .selectFrom('ledger_event')
          .select('kind')
          .where('stream_id', '=', `windowBoard:${id}`)
          .orderBy('seq')
          .execute()
      ).map((e) => e.kind);
    expect(await kinds(added.id)).toEqual(['windowBoard.created']);
    expect(await kinds(list.find((b) => b.name === '1 号窗口 道路运输许可')!.id)).toEqual([
      'windowBoard.updated',
    ]);

    // The new export names the namesake with the masked number and re-imports to the same boards.
    const again = await exportSheet();
    expect((await rowsOf(again)).find((r) => r.name === '2 号窗口 执法咨询')?.staff).toBe(
      `赵执法：咨询 9:00 起\n表格同名（${second.idNumberMasked}）`,
    );
    const unchanged = await importSheet(again);
    expect(unchanged.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('P8: every bad row is reported by row and column, and nothing is written', async () => {
    const rows = await exportSheet().then(rowsOf);
    rows[0] = { ...rows[0]!, officeHours: '工作日 8:30—17:30' }; // good, but not to be written
    const good = rows[1]!;
    const added = [
      { ...good, name: '3 号窗口', unit: '星际办' },
      { ...good, name: '4 号窗口', enforcementTypes: '许可、星际巡航' },
      { ...good, name: '5 号窗口', staff: '查无此人：受理' },
      { ...good, name: '6 号窗口', staff: '表格同名' }, // two of that name
      { ...good, name: '7 号窗口', services: '甲\n甲' },
      { ...good, name: '8 号窗口', phone: '请拨打' },
      { ...good, name: '9 号窗口', sortOrder: '第一' },
      { ...good, name: '10 号窗口', staff: '赵执法\n赵执法' },
      { ...good }, // the same window twice
    ];
    rows.push(...added);
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(await sheetOf(rows));
    expect(response.statusCode).toBe(400);
    const first = rows.length - added.length + 2;
    expect(response.json().details.map((d: { field: string }) => d.field)).toEqual([
      `第${first}行/承办机构`,
      `第${first + 1}行/执法类别`,
      `第${first + 2}行/在岗人员`,
      `第${first + 3}行/在岗人员`,
      `第${first + 4}行/服务事项`,
      `第${first + 5}行/咨询电话`,
      `第${first + 6}行/排序`,
      `第${first + 7}行/在岗人员`,
      `第${first + 8}行/窗口名称`,
    ]);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('P8: only who may edit the boards may export or import them', async () => {
    const sheet = await exportSheet();
    for (const username of ['officer1', 'head1', 'supervisor1']) {
      const session = await t.login(username);
      const before = await databaseFingerprint(t.database);
      expect((await t.request(session, { method: 'GET', url: '/api/window-boards/export' })).statusCode).toBe(
        403,
      );
      expect((await importSheet(sheet, false, session)).statusCode).toBe(403);
      expect(await databaseFingerprint(t.database)).toBe(before);
    }
  });
});
