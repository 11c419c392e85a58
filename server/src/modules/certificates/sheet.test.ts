import { idNumberCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';
import { registerSheet } from '../../test/sheets.js';
import { readSheet } from '../../xlsx/sheet.js';
import { certificateColumns } from './sheet.js';

let t: TestApp;
let admin: Session;
let exported: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const response = await t.request(admin, { method: 'GET', url: '/api/certificates/export' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  exported = response.rawPayload;
});
afterAll(() => t.close());

const { importSheet, rowsOf, sheetOf } = registerSheet(
  '/api/certificates',
  { name: '行政执法证件', columns: certificateColumns },
  () => ({ t, session: admin }),
);
/** The exported rows, as values by column key, with changes applied. */
const exportedRows = () => rowsOf(exported);

describe('Q1: the certificate register round-trips through .xlsx', () => {
  it('Q1: exports every certificate in scope with its status', async () => {
    const rows = await readSheet(exported, certificateColumns, { maxRows: 5_000 });
    const { count } = await t.database.db
      .selectFrom('certificate')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(count);
    const officer1 = rows.find((r) => r.values.number === 'JT-990121-0001')!;
    expect(officer1.values).toMatchObject({ categories: '交通运输', regionCode: '990121' });
  });

  it('Q1: importing the export changes nothing', async () => {
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(exported);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ issued: 0, dryRun: false });
    expect(response.json().unchanged).toBe(response.json().rows);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('Q1: a new row issues a certificate to the named person, recorded on the ledger; a dry run writes nothing', async () => {
    const first17 = '99012119900101777';
    const person = await t.request(admin, {
      method: 'POST',
      url: '/api/persons',
      payload: { name: '表格导入', kind: 'officer', idNumber: first17 + idNumberCheckChar(first17) },
    });
    expect(person.statusCode).toBe(201);
    const rows = await exportedRows();
    rows.push({
      ...rows[0]!,
      number: 'JT-990121-0999',
      name: '表格导入',
      unit: '',
      validFrom: '2026-11-01',
      validTo: '2031-10-31',
      annualCheckDue: '',
    });
    const sheet = await sheetOf(rows);
    const before = await databaseFingerprint(t.database);
    expect((await importSheet(sheet, true)).json()).toMatchObject({ issued: 1, dryRun: true });
    expect(await databaseFingerprint(t.database)).toBe(before);

    expect((await importSheet(sheet)).json()).toMatchObject({ issued: 1 });
    const issued = await t.database.db
      .selectFrom('certificate')
      .select(['id', 'person_id', 'annual_check_due'])
      .where('number', '=', 'JT-990121-0999')
      .executeTakeFirstOrThrow();
    expect(issued.person_id).toBe(person.json().id);
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select('kind')
      .where('stream_id', '=', `certificate:${issued.id}`)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['certificate.issued']);
  });

  it('Q1: every bad row is reported by row and column, and nothing is written', async () => {
    const rows = await exportedRows();
    rows[0] = { ...rows[0]!, validTo: '2099-12-31' }; // an issued certificate changed in the sheet
    rows.push({ ...rows[1]!, number: 'JT-990121-0998', name: '无此人' });
    rows.push({ ...rows[1]!, number: 'JT-990121-0997', categories: '交通运输、星际巡航' });
    rows.push({ ...rows[1]!, number: 'JT-990121-0998' }); // the same number twice in one sheet
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(await sheetOf(rows));
    expect(response.statusCode).toBe(400);
    const fields = response.json().details.map((d: { field: string }) => d.field);
    const last = rows.length + 1;
    expect(fields).toEqual([
      '第2行/证件编号',
      `第${last - 2}行/姓名`,
      `第${last - 1}行/执法类别`,
      `第${last}行/证件编号`,
    ]);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('Q1: a file that is not a workbook is a 400 naming the content', async () => {
    const response = await importSheet(Buffer.from('这不是表格'));
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('body.content');
  });
});
