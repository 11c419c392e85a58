import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';
import { registerPerson, registerSheet, type SheetRow, syntheticIdNumbers } from '../../test/sheets.js';
import { auxiliaryColumns, auxiliarySheetName } from './sheet.js';

let t: TestApp;
let admin: Session;

const syntheticIdNumber = syntheticIdNumbers('19920315');
const newPerson = (name: string, kind: 'auxiliary' | 'officer' = 'auxiliary') =>
  registerPerson(t, admin, { name, kind, idNumber: syntheticIdNumber() });
const { exportSheet, importSheet, rowsOf, sheetOf } = registerSheet(
  '/api/auxiliaries',
  { name: auxiliarySheetName, columns: auxiliaryColumns },
  () => ({ t, session: admin }),
);
const ledgerKinds = async (personId: string) =>
  (
    await t.database.db
      .selectFrom('ledger_event')
      .select('kind')
      .where('stream_id', '=', `person:${personId}`)
      .orderBy('seq')
      .execute()
  ).map((e) => e.kind);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('Q2: the auxiliary register round-trips through .xlsx', () => {
  it('Q2: exports the agency’s auxiliaries with the officer they assist, never a whole 身份证号', async () => {
    const response = await t.request(admin, { method: 'GET', url: '/api/auxiliaries/export' });
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('attachment');
    const rows = await rowsOf(response.rawPayload);
    const list = (await t.request(admin, { method: 'GET', url: '/api/auxiliaries' })).json().items;
    expect(rows).toHaveLength(list.length);
    expect(rows.find((r) => r.name === '孙辅助')).toMatchObject({
      duties: '协助现场检查和调查取证（不得单独执法）',
      supervisor: '赵执法',
      endedOn: '',
    });
    for (const row of rows) expect(row.idNumber).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
  });

  it('Q2: importing the export changes nothing', async () => {
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(await exportSheet());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 0, updated: 0, dryRun: false });
    expect(response.json().unchanged).toBe(response.json().rows);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('Q2: a changed row updates the entry, a new row registers the person — on the ledger; a dry run writes nothing', async () => {
    const newcomer = await newPerson('表格辅助甲');
    const sun = (await t.request(admin, { method: 'GET', url: '/api/auxiliaries' }))
      .json()
      .items.find((e: { person: { name: string } }) => e.person.name === '孙辅助');
    const rows = await rowsOf(await exportSheet());
    const index = rows.findIndex((r) => r.name === '孙辅助');
    rows[index] = { ...rows[index]!, duties: '协助现场检查', supervisor: '钱执法', endedOn: '2026-12-31' };
    // The whole number may be typed for a new row; the date defaults to today.
    rows.push({
      name: '表格辅助甲',
      idNumber: newcomer.idNumber,
      unit: '',
      duties: '协助窗口咨询引导',
      supervisor: '赵执法',
      registeredOn: '',
      endedOn: '',
    });
    const sheet = await sheetOf(rows);

    const before = await databaseFingerprint(t.database);
    const dry = await importSheet(sheet, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 1, updated: 1, dryRun: true });
    expect(await databaseFingerprint(t.database)).toBe(before);

    const done = await importSheet(sheet);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ created: 1, updated: 1, unchanged: rows.length - 2 });
    const list = (await t.request(admin, { method: 'GET', url: '/api/auxiliaries' })).json().items;
    expect(list.find((e: { id: string }) => e.id === sun.id)).toMatchObject({
      duties: '协助现场检查',
      supervisingPerson: { name: '钱执法' },
      endedOn: '2026-12-31',
    });
    expect(list.find((e: { person: { id: string } }) => e.person.id === newcomer.id)).toMatchObject({
      duties: '协助窗口咨询引导',
      supervisingPerson: { name: '赵执法' },
      registeredOn: '2026-11-24',
      endedOn: null,
    });
    expect(await ledgerKinds(newcomer.id)).toEqual(['person.created', 'auxiliary.registered']);
    expect((await ledgerKinds(sun.person.id)).at(-1)).toBe('auxiliary.updated');

    // The new export re-imports to the same rows.
    const again = await exportSheet();
    const unchanged = await importSheet(again);
    expect(unchanged.json()).toMatchObject({ created: 0, updated: 0, unchanged: rows.length });
    expect(await rowsOf(again)).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '表格辅助甲', registeredOn: '2026-11-24' })]),
    );
  });

  it('Q2: every bad row is reported by row and column, and nothing is written', async () => {
    await newPerson('表格同名');
    await newPerson('表格同名');
    const rows = await exportSheet().then(rowsOf);
    // Rows the sheet leaves out are left alone: take two out to put them back wrong.
    const take = (pick: (row: SheetRow) => boolean) => rows.splice(rows.findIndex(pick), 1)[0]!;
    const jia = take((r) => r.name === '表格辅助甲');
    const other = take((r) => r.name !== '孙辅助');
    const good = rows.findIndex((r) => r.name === '孙辅助');
    rows[good] = { ...rows[good]!, duties: '本行正确，但不得写入' };
    const blank = {
      name: '',
      idNumber: '',
      unit: '',
      duties: '协助',
      supervisor: '',
      registeredOn: '',
      endedOn: '',
    };
    const added = [
      { ...blank, name: '赵执法' }, // an officer, not an auxiliary
      { ...blank, name: '表格辅助乙', idNumber: syntheticIdNumber() }, // not in the person register
      { ...blank, name: '表格同名' }, // two of that name: the number must tell
      { ...jia, supervisor: '孙辅助' }, // led by an auxiliary
      { ...other, registeredOn: '2020-01-01' }, // a registered date is not changed by a sheet
      { ...jia, endedOn: '2026-02-30' },
      { ...jia, duties: '同一人两行' },
    ];
    rows.push(...added);
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(await sheetOf(rows));
    expect(response.statusCode).toBe(400);
    const first = rows.length - added.length + 2; // the sheet row of the first added row
    expect(response.json().details.map((d: { field: string }) => d.field)).toEqual([
      `第${first}行/姓名`,
      `第${first + 1}行/身份证号`,
      `第${first + 2}行/身份证号`,
      `第${first + 3}行/带领的执法人员`,
      `第${first + 4}行/登记日期`,
      `第${first + 5}行/离岗日期`,
      `第${first + 6}行/姓名`,
    ]);
    expect(response.json().details[0].message).toContain('执法辅助人员');
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('Q2: only who may edit the register may export or import it', async () => {
    const sheet = await exportSheet();
    for (const username of ['officer1', 'head1', 'discloser1']) {
      const session = await t.login(username);
      const before = await databaseFingerprint(t.database);
      expect((await t.request(session, { method: 'GET', url: '/api/auxiliaries/export' })).statusCode).toBe(
        403,
      );
      expect((await importSheet(sheet, false, session)).statusCode).toBe(403);
      expect(await databaseFingerprint(t.database)).toBe(before);
    }
  });

  it('Q2: a file that is not a workbook is a 400 naming the content', async () => {
    const response = await importSheet(Buffer.from('这不是表格'));
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('body.content');
  });
});
