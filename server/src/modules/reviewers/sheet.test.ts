import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';
import { registerPerson, registerSheet, syntheticIdNumbers } from '../../test/sheets.js';
import { reviewerColumns, reviewerSheetName } from './sheet.js';

let t: TestApp;
let admin: Session;

const syntheticIdNumber = syntheticIdNumbers('19850620');
const newPerson = (name: string, kind: 'staff' | 'reviewer' | 'auxiliary' = 'staff') =>
  registerPerson(t, admin, { name, kind, idNumber: syntheticIdNumber() });
const { exportSheet, importSheet, rowsOf, sheetOf } = registerSheet(
  '/api/reviewers',
  { name: reviewerSheetName, columns: reviewerColumns },
  () => ({ t, session: admin }),
);
const register = async () =>
  (await t.request(admin, { method: 'GET', url: '/api/reviewers' })).json() as {
    items: {
      person: { id: string; name: string };
      membership: string;
      qualification: string;
      appointedOn: string;
      endedOn: string | null;
    }[];
    capacity: { reviewers: number };
  };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('L2: the legal reviewer register round-trips through .xlsx', () => {
  it('L2: exports the agency’s reviewers with membership and status, never a whole 身份证号', async () => {
    const response = await t.request(admin, { method: 'GET', url: '/api/reviewers/export' });
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await rowsOf(response.rawPayload);
    expect(rows.map((r) => r.name).sort()).toEqual(['吴审核', '周审核']);
    expect(rows.find((r) => r.name === '吴审核')).toMatchObject({
      membership: '公职律师',
      qualification: '公职律师证',
      endedOn: '',
    });
    for (const row of rows) expect(row.idNumber).toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
  });

  it('L2: importing the export changes nothing', async () => {
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(await exportSheet());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, rows: 2 });
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('L2: a changed row updates the entry, a new row registers the person — on the ledger; a dry run writes nothing', async () => {
    const adviser = await newPerson('表格法律顾问');
    const rows = await exportSheet().then(rowsOf);
    const wu = rows.findIndex((r) => r.name === '吴审核');
    rows[wu] = { ...rows[wu]!, qualification: '公职律师证（2026 年换发）' };
    rows.push({
      name: '表格法律顾问',
      idNumber: '',
      membership: '法律顾问',
      qualification: '律师执业证',
      appointedOn: '',
      endedOn: '',
    });
    const sheet = await sheetOf(rows);

    const before = await databaseFingerprint(t.database);
    const dry = await importSheet(sheet, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 1, updated: 1, unchanged: 1, dryRun: true });
    expect(await databaseFingerprint(t.database)).toBe(before);

    const done = await importSheet(sheet);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ created: 1, updated: 1, unchanged: 1, dryRun: false });
    const after = await register();
    expect(after.capacity.reviewers).toBe(3);
    expect(after.items.find((r) => r.person.name === '吴审核')?.qualification).toBe(
      '公职律师证（2026 年换发）',
    );
    expect(after.items.find((r) => r.person.id === adviser.id)).toMatchObject({
      membership: 'legalAdviser',
      qualification: '律师执业证',
      appointedOn: '2026-11-24',
      endedOn: null,
    });
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select(['kind', 'payload'])
      .where('kind', 'in', ['reviewer.registered', 'reviewer.updated'])
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      {
        kind: 'reviewer.updated',
        payload: { change: { qualification: '公职律师证（2026 年换发）' } },
      },
      {
        kind: 'reviewer.registered',
        payload: { membership: 'legalAdviser', qualification: '律师执业证', appointedOn: '2026-11-24' },
      },
    ]);

    const again = await importSheet(await exportSheet());
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('L2: every bad row is reported by row and column, and nothing is written', async () => {
    await newPerson('表格辅助', 'auxiliary');
    await newPerson('表格新审核');
    const rows = await exportSheet().then(rowsOf);
    const zhou = rows.findIndex((r) => r.name === '周审核');
    rows[zhou] = { ...rows[zhou]!, endedOn: '2026-12-31' }; // good, but not to be written
    const wu = rows.splice(
      rows.findIndex((r) => r.name === '吴审核'),
      1,
    )[0]!;
    const blank = {
      name: '',
      idNumber: '',
      membership: '本机关工作人员',
      qualification: '',
      appointedOn: '',
      endedOn: '',
    };
    const added = [
      { ...blank, name: '表格辅助' }, // an auxiliary may not review
      { ...blank, name: '查无此人' },
      { ...wu, membership: '法官' },
      { ...wu, qualification: 'x'.repeat(101) },
      { ...wu, appointedOn: '2020-01-01' }, // the appointment date is not changed by a sheet
      { ...blank, name: '表格新审核', appointedOn: '2026-01-01', endedOn: '2025-12-31' }, // ends before it starts
      { ...wu }, // the same person twice
    ];
    rows.push(...added);
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(await sheetOf(rows));
    expect(response.statusCode).toBe(400);
    const first = rows.length - added.length + 2;
    expect(response.json().details.map((d: { field: string }) => d.field)).toEqual([
      `第${first}行/姓名`,
      `第${first + 1}行/姓名`,
      `第${first + 2}行/类别`,
      `第${first + 3}行/资格`,
      `第${first + 4}行/任职日期`,
      `第${first + 5}行/结束日期`,
      `第${first + 6}行/姓名`,
    ]);
    expect(response.json().details[0].message).toBe('执法辅助人员不能担任法制审核人员');
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('L2: only who may edit the register may export or import it', async () => {
    const sheet = await exportSheet();
    for (const username of ['head1', 'reviewer1', 'supervisor1']) {
      const session = await t.login(username);
      const before = await databaseFingerprint(t.database);
      expect((await t.request(session, { method: 'GET', url: '/api/reviewers/export' })).statusCode).toBe(
        403,
      );
      expect((await importSheet(sheet, false, session)).statusCode).toBe(403);
      expect(await databaseFingerprint(t.database)).toBe(before);
    }
  });
});
