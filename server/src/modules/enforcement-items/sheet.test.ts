import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  databaseFingerprint,
  demoPassword,
  type Session,
  type TestApp,
} from '../../test/harness.js';
import { hashPassword } from '../auth/passwords.js';

let t: TestApp;
let head: Session;
let fresh: Session;
let freshAgencyId = '';

beforeAll(async () => {
  t = await createTestApp();
  head = await t.login('head1');
  // A fresh township agency under the county, with the same unit names and its own head.
  const { db } = t.database;
  const county = await db
    .selectFrom('agency')
    .selectAll()
    .where('name', '=', '示例县交通运输局')
    .executeTakeFirstOrThrow();
  const agency = await db
    .insertInto('agency')
    .values({
      parent_id: county.id,
      name: '示例镇交通运输所',
      short_name: '示镇交',
      level: 'township',
      domain: '交通运输',
      credit_code: '12990121MB00099990',
      region_code: '990121',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  freshAgencyId = agency.id;
  const units = await db.selectFrom('unit').select('name').where('agency_id', '=', county.id).execute();
  await db
    .insertInto('unit')
    .values(units.map((u) => ({ agency_id: agency.id, name: u.name })))
    .execute();
  await db
    .insertInto('app_user')
    .values({
      agency_id: agency.id,
      username: 'townhead',
      display_name: '镇所长',
      roles: ['agency_head'],
      password_hash: await hashPassword(demoPassword),
      password_changed_at: t.now(),
    })
    .execute();
  fresh = await t.login('townhead');
});
afterAll(() => t.close());

async function exportSheet(session: Session) {
  const response = await t.request(session, { method: 'GET', url: '/api/enforcement-items/export' });
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(response.headers['content-disposition']).toContain(
    "filename*=UTF-8''%E6%9D%83%E8%B4%A3%E6%B8%85%E5%8D%95",
  );
  return response.rawPayload;
}

async function rowsOf(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      Object.fromEntries(header.map((h, i) => [h, values[i] === undefined ? '' : String(values[i])])),
    );
  });
  return rows;
}

async function sheetOf(rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('权责清单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const importSheet = (session: Session, data: Buffer, extra: object = {}) =>
  t.request(session, {
    method: 'POST',
    url: '/api/enforcement-items/import',
    payload: { fileName: '权责清单.xlsx', content: data.toString('base64'), ...extra },
  });

const comparable = (row: Record<string, string>) => {
  const { 实施主体: _agency, 版本: _version, 状态: _status, 发布日期: _date, ...rest } = row;
  return rest;
};

describe('P3: the power list as a sheet', () => {
  it('P3: exports every item with its basis as citations', async () => {
    const rows = await rowsOf(await exportSheet(head));
    expect(rows).toHaveLength(10);
    const penalty = rows.find((r) => r.事项编码 === 'JT-CF-001')!;
    expect(penalty).toMatchObject({
      事项名称: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚',
      事项类型: '处罚',
      执法类别: '交通运输',
      设定和实施依据: '《道路运输条例》（2023-07-20施行）第六十三条',
      实施主体: '示例县交通运输局',
      承办机构: '综合行政执法大队',
      处罚种类: '罚款、没收违法所得',
      '罚款下限（元）': '30000',
      '罚款上限（元）': '100000',
      状态: '已发布',
    });
    expect(rows.find((r) => r.事项编码 === 'JT-QZ-001')!.设定和实施依据).toBe(
      '《道路运输条例》（2023-07-20施行）第六十二条；《行政强制法》第九条、第二十五条',
    );
  });

  it('P3: round trip — export, import into a fresh agency, export again: the same items', async () => {
    const original = await exportSheet(head);
    const preview = await importSheet(fresh, original, { dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, rows: 10, updated: [], unchanged: [] });
    expect(preview.json().created).toHaveLength(10);
    expect((await t.request(fresh, { method: 'GET', url: '/api/enforcement-items' })).json().items).toEqual(
      [],
    );

    const imported = await importSheet(fresh, original);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ agencyId: freshAgencyId, created: expect.any(Array) });
    const again = await rowsOf(await exportSheet(fresh));
    const before = await rowsOf(original);
    expect(again.map(comparable)).toEqual(before.map(comparable));
    expect(again.every((r) => r.实施主体 === '示例镇交通运输所' && r.状态 === '草稿' && r.版本 === '1')).toBe(
      true,
    );
    // Imported items are drafts, each on the ledger as imported.
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select(['kind', 'payload'])
      .where('agency_id', '=', freshAgencyId)
      .execute();
    expect(events).toHaveLength(10);
    expect(events.every((e) => e.kind === 'enforcementItem.created')).toBe(true);
  });

  it('P3: importing the same sheet again changes nothing; a changed row makes a new version', async () => {
    const original = await exportSheet(head);
    const same = await importSheet(head, original);
    expect(same.json()).toMatchObject({ created: [], updated: [] });
    expect(same.json().unchanged).toHaveLength(10);

    const rows = await rowsOf(original);
    const header = Object.keys(rows[0]!);
    const changed = rows.map((r) =>
      header.map((h) => (r.事项编码 === 'JT-CF-003' && h === '罚款上限（元）' ? 30000 : (r[h] ?? ''))),
    );
    const updated = await importSheet(head, await sheetOf([header, ...changed]));
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().updated).toEqual(['JT-CF-003']);
    const list = (await t.request(head, { method: 'GET', url: '/api/enforcement-items?q=JT-CF-003' })).json();
    expect(list.items[0]).toMatchObject({
      status: 'published',
      latestVersion: 2,
      pendingVersion: 2,
      current: { fineMaxYuan: 30000, state: 'draft' },
    });
  });

  it('P3: a sheet with bad rows is refused whole, with row, column and problem for each', async () => {
    const header = [
      '事项编码',
      '事项名称',
      '事项类型',
      '执法类别',
      '设定和实施依据',
      '承办机构',
      '职责',
      '处罚种类',
      '罚款下限（元）',
      '罚款上限（元）',
    ];
    const good = [
      'NEW-1',
      '新的检查事项',
      '检查',
      '交通运输',
      '《道路运输条例》第五十九条',
      '执法一中队',
      '监督检查',
      '',
      '',
      '',
    ];
    const data = await sheetOf([
      header,
      good,
      ['NEW-1', '重复编码', '检查', '交通运输', '《道路运输条例》第五十九条', '', '监督检查', '', '', ''],
      [
        'NEW-3',
        '依据有误',
        '检查',
        '交通运输',
        '《道路运输条例》第九百条；《不存在的法》第一条',
        '',
        '职责',
        '',
        '',
        '',
      ],
      ['NEW-4', '类型有误', '审批', '交通运输', '《行政处罚法》第九条', '不存在的科', '职责', '', '', ''],
      ['NEW-5', '处罚有误', '处罚', '交通运输', '行政处罚法第九条', '', '职责', '罚金', '5000', '100'],
      ['NEW-6', '', '处罚', '交通运输', '《行政处罚法》第九条', '', '职责', '警告', '1.5', ''],
    ]);
    const before = await databaseFingerprint(t.database);
    const response = await importSheet(head, data);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('导入文件有 10 处问题，未导入任何事项');
    expect(response.json().details).toEqual([
      { field: '第3行/事项编码', message: '与第2行的事项编码重复' },
      { field: '第4行/设定和实施依据', message: '《道路运输条例》没有第九百条（或尚未录入法律法规库）' },
      { field: '第4行/设定和实施依据', message: '法律法规库中没有《不存在的法》' },
      { field: '第5行/事项类型', message: '应为：许可、处罚、强制、检查、征收征用、其他' },
      { field: '第5行/承办机构', message: '本执法主体没有承办机构“不存在的科”' },
      { field: '第6行/处罚种类', message: '“罚金”不是行政处罚法规定的处罚种类' },
      { field: '第6行/设定和实施依据', message: '应写作《法规名称》第…条，如《道路运输条例》第六十三条' },
      { field: '第6行/罚款上限（元）', message: '罚款上限不能低于下限' },
      { field: '第7行/事项名称', message: '不能为空' },
      { field: '第7行/罚款下限（元）', message: '应为不小于 0 的整数（元）' },
    ]);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('a missing column, a file that is not a workbook, and an empty sheet are named', async () => {
    const noBasis = await importSheet(
      head,
      await sheetOf([
        ['事项编码', '事项名称', '事项类型', '执法类别', '职责'],
        ['A', 'B', '检查', '交通运输', 'C'],
      ]),
    );
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json()).toMatchObject({
      field: '第1行/表头',
      message: '第1行（表头）缺少列：“设定和实施依据”',
    });
    const notXlsx = await importSheet(head, Buffer.from('这不是工作簿'));
    expect(notXlsx.json()).toMatchObject({ field: 'body.content', message: '文件不是有效的 .xlsx 工作簿' });
    const empty = await importSheet(
      head,
      await sheetOf([['事项编码', '事项名称', '事项类型', '执法类别', '设定和实施依据', '职责']]),
    );
    expect(empty.json()).toMatchObject({ field: 'body.content', message: '工作表中没有数据行' });
    const notBase64 = await t.request(head, {
      method: 'POST',
      url: '/api/enforcement-items/import',
      payload: { content: '不是base64' },
    });
    expect(notBase64.json().field).toBe('body.content');
  });

  it('importing into another agency is 404; reading roles cannot import', async () => {
    const data = await exportSheet(head);
    const city = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow();
    expect((await importSheet(head, data, { agencyId: city.id })).statusCode).toBe(404);
    expect((await importSheet(await t.login('officer1'), data)).statusCode).toBe(403);
  });
});
