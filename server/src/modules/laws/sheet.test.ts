import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  databaseFingerprint,
  demoPassword,
  type Session,
  type TestApp,
} from '../../test/harness.js';
import { blankRow } from '../../test/sheets.js';
import { readSheet, writeWorkbook } from '../../xlsx/sheet.js';
import { hashPassword } from '../auth/passwords.js';
import { lawSheetColumns } from './sheet.js';

let t: TestApp;
let reviewer: Session;
let officer: Session;
/** A second deployment whose library is empty, kept by its own legal reviewer. */
let empty: TestApp;
let emptyReviewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  reviewer = await t.login('reviewer1');
  officer = await t.login('officer1');
  empty = await createTestApp({ seed: false });
  const agency = await empty.database.db
    .insertInto('agency')
    .values({
      name: '示例新区交通运输局',
      short_name: '新区交',
      level: 'county',
      domain: '交通运输',
      credit_code: '11990199MB00000001',
      region_code: '990199',
      // The new deployment's one agency keeps its law library (SEC-5).
      owns_deployment: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await empty.database.db
    .insertInto('app_user')
    .values({
      agency_id: agency.id,
      username: 'newreviewer',
      display_name: '新区法制审核',
      roles: ['legal_reviewer'],
      password_hash: await hashPassword(demoPassword),
      password_changed_at: empty.now(),
    })
    .execute();
  emptyReviewer = await empty.login('newreviewer');
});
afterAll(async () => {
  await t.close();
  await empty.close();
});

type Row = Record<string, string | number>;

async function exportOf(app: TestApp, session: Session) {
  const response = await app.request(session, { method: 'GET', url: '/api/laws/export' });
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(response.headers['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent('法律法规库')}`,
  );
  return response.rawPayload;
}
const importInto = (app: TestApp, session: Session, data: Buffer, dryRun = false) =>
  app.request(session, {
    method: 'POST',
    url: '/api/laws/import',
    payload: { fileName: '法律法规库.xlsx', content: data.toString('base64'), dryRun },
  });

/** Every cell of every row as text, by header — export-only columns too. */
async function cellsOf(data: Buffer): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] == null ? '' : String(values[i])])));
  });
  return rows;
}
/** The sheet's rows by column key, as the import reads them. */
const rowsOf = async (data: Buffer): Promise<Row[]> =>
  (await readSheet(data, lawSheetColumns, { maxRows: 10_000 })).map((r) => ({ ...r.values }));
const sheetOf = (rows: Row[]) => {
  const blank = blankRow(lawSheetColumns);
  return writeWorkbook(
    [{ name: '法律法规库', columns: lawSheetColumns, rows: rows.map((r) => ({ ...blank, ...r })) }],
    { creator: 'test', created: t.now() },
  );
};

interface Law {
  id: string;
  title: string;
  effectiveOn: string;
}
const lawsOf = async (app: TestApp, session: Session) =>
  (await app.request(session, { method: 'GET', url: '/api/laws' })).json().items as Law[];
/** Each text with its articles, as the console shows them, without the ids a deployment gives. */
async function libraryOf(app: TestApp, session: Session) {
  const laws = await lawsOf(app, session);
  const label = (id: string | null) => {
    const law = laws.find((l) => l.id === id);
    return law ? `${law.title}（${law.effectiveOn}）` : null;
  };
  return Promise.all(
    laws.map(async (law) => {
      const {
        id: _id,
        supersededBy,
        supersededByLaw: _law,
        otherRevisions,
        articles,
        ...rest
      } = (await app.request(session, { method: 'GET', url: `/api/laws/${law.id}` })).json();
      return {
        ...rest,
        supersededBy: label(supersededBy),
        otherRevisions: otherRevisions.map((r: Law) => r.effectiveOn),
        articles: articles.map(({ id: _a, lawId: _l, ...article }: { id: string; lawId: string }) => article),
      };
    }),
  );
}
const ledgerOf = async (app: TestApp, lawId: string) =>
  (
    await app.database.db
      .selectFrom('ledger_event')
      .select(['kind', 'payload'])
      .where('stream_id', '=', `law:${lawId}`)
      .orderBy('seq')
      .execute()
  ).map((e) => ({ kind: e.kind, payload: e.payload }));

const transport2022 = '中华人民共和国道路运输条例（2022-05-01 施行）';
const penaltyLaw = '中华人民共和国行政处罚法（2021-07-15 施行）';
const coercionLaw = '中华人民共和国行政强制法（2012-01-01 施行）';

describe('P3: the law library as a sheet', () => {
  it('P3: exports every text on a row with its articles one a row; a replaced revision names its successor', async () => {
    const rows = await cellsOf(await exportOf(t, officer));
    const laws = await lawsOf(t, officer);
    expect(rows.filter((r) => r.名称).map((r) => `${r.名称}（${r.施行日期}）`)).toEqual(
      laws.map((l) => `${l.title}（${l.effectiveOn}）`),
    );
    const penalty = rows.findIndex((r) => r.名称 === '中华人民共和国行政处罚法');
    expect(rows[penalty]).toMatchObject({
      效力层级: '法律',
      简称: '行政处罚法',
      制定机关: '全国人民代表大会常务委员会',
      文号: '中华人民共和国主席令第七十号',
      公布日期: '2021-01-22',
      施行日期: '2021-07-15',
      时效性: '现行有效',
      条号: '第九条',
      排序号: '',
    });
    // Its other seven articles follow on rows of their own, the text's columns empty.
    expect(rows.slice(penalty + 1, penalty + 8).map((r) => [r.名称, r.条号])).toEqual(
      ['第三十三条', '第三十六条', '第四十二条', '第四十四条', '第五十一条', '第六十三条', '第六十四条'].map(
        (n) => ['', n],
      ),
    );
    expect(rows[penalty + 4]!.条文).toContain('陈述、申辩、要求听证等权利');
    const old = rows.find((r) => r.名称 === '中华人民共和国道路运输条例' && r.施行日期 === '2022-05-01')!;
    expect(old).toMatchObject({
      修改日期: '2023-07-20',
      时效性: '已被修改',
      被以下文本取代: '中华人民共和国道路运输条例（2023-07-20 施行）',
    });
  });

  it('P3: round trip — the export loads into an empty library, which then exports the same sheet', async () => {
    const original = await exportOf(t, reviewer);
    const source = await libraryOf(t, reviewer);
    const articleCount = source.reduce((n, l) => n + l.articles.length, 0);

    const before = await databaseFingerprint(empty.database);
    const dry = await importInto(empty, emptyReviewer, original, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      laws: source.length,
      updated: [],
      unchanged: [],
      articlesAdded: articleCount,
      articlesUpdated: 0,
      dryRun: true,
    });
    expect(dry.json().created).toHaveLength(source.length);
    expect(await databaseFingerprint(empty.database)).toBe(before);

    const real = await importInto(empty, emptyReviewer, original);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toMatchObject({ dryRun: false, created: dry.json().created });
    expect(await libraryOf(empty, emptyReviewer)).toEqual(source);
    expect(await cellsOf(await exportOf(empty, emptyReviewer))).toEqual(await cellsOf(original));

    // Each text on the ledger as the console records it: created, then its articles in one event.
    const laws = await lawsOf(empty, emptyReviewer);
    const old = laws.find((l) => l.title === '中华人民共和国道路运输条例' && l.effectiveOn === '2022-05-01')!;
    expect(await ledgerOf(empty, old.id)).toEqual([
      {
        kind: 'law.created',
        payload: { title: '中华人民共和国道路运输条例', effectiveOn: '2022-05-01' },
      },
      { kind: 'law.articlesChanged', payload: { added: ['第五十九条'], updated: [], source: 'bulk' } },
    ]);
  });

  it('P3: importing the export again reports every text unchanged and writes nothing', async () => {
    const data = await exportOf(t, reviewer);
    const count = (await lawsOf(t, reviewer)).length;
    const before = await databaseFingerprint(t.database);
    for (const dryRun of [true, false]) {
      const response = await importInto(t, reviewer, data, dryRun);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        created: [],
        updated: [],
        articlesAdded: 0,
        articlesUpdated: 0,
        dryRun,
      });
      expect(response.json().unchanged).toHaveLength(count);
    }
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('P3: edited and new rows — a changed text and article, inserted articles, two new revisions — preview, then on the ledger', async () => {
    const rows = await rowsOf(await exportOf(t, reviewer));
    const at = (title: string) => rows.findIndex((r) => r.title === title);
    const penalty = at('中华人民共和国行政处罚法');
    const coercion = at('中华人民共和国行政强制法');
    rows[coercion] = { ...rows[coercion]!, documentNumber: '中华人民共和国主席令第四十九号（导入修改）' };
    rows[penalty] = { ...rows[penalty]!, text: '行政处罚的种类（导入修改）。' };
    rows.splice(penalty + 1, 0, { number: '第十条', text: '法律可以设定各种行政处罚。' });
    rows.splice(penalty + 9, 0, { number: '附则', ordinal: 99_000, text: '本法自公布之日起施行（示例）。' });
    const province = {
      title: '示例省道路运输管理办法',
      kind: '地方政府规章',
      issuingBody: '示例省人民政府',
    };
    rows.push(
      // The older revision first, naming the newer one further down.
      {
        ...province,
        promulgatedOn: '2019-12-01',
        effectiveOn: '2020-01-01',
        amendedOn: '2024-03-01',
        supersededBy: '《示例省道路运输管理办法》（2024-03-01施行）',
        number: '第一条',
        text: '为了规范道路运输管理，制定本办法。',
      },
      { number: '第二条', text: '本办法适用于本省行政区域。' },
      {
        ...province,
        promulgatedOn: '2024/1/10',
        effectiveOn: '2024年3月1日',
        number: '第一条',
        text: '为了规范道路运输管理，保障安全，制定本办法。',
      },
    );
    const sheet = await sheetOf(rows);

    const before = await databaseFingerprint(t.database);
    const dry = await importInto(t, reviewer, sheet, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      created: ['示例省道路运输管理办法（2020-01-01 施行）', '示例省道路运输管理办法（2024-03-01 施行）'],
      articlesAdded: 5,
      articlesUpdated: 1,
      dryRun: true,
    });
    expect(dry.json().updated.toSorted()).toEqual([coercionLaw, penaltyLaw].toSorted());
    expect(dry.json().unchanged).toContain(transport2022);
    expect(await databaseFingerprint(t.database)).toBe(before);

    const real = await importInto(t, reviewer, sheet);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toMatchObject({ ...dry.json(), dryRun: false });

    const laws = await lawsOf(t, reviewer);
    const idOf = (title: string, effectiveOn?: string) =>
      laws.find((l) => l.title === title && (!effectiveOn || l.effectiveOn === effectiveOn))!.id;
    const detail = async (id: string) =>
      (await t.request(reviewer, { method: 'GET', url: `/api/laws/${id}` })).json();
    const penaltyDetail = await detail(idOf('中华人民共和国行政处罚法'));
    expect(penaltyDetail.articles.map((a: { number: string }) => a.number)).toEqual([
      '第九条',
      '第十条',
      '第三十三条',
      '第三十六条',
      '第四十二条',
      '第四十四条',
      '第五十一条',
      '第六十三条',
      '第六十四条',
      '附则',
    ]);
    expect(penaltyDetail.articles[0].text).toBe('行政处罚的种类（导入修改）。');
    expect(penaltyDetail.articles.at(-1)).toMatchObject({ ordinal: 99_000, anchor: 'article-990' });
    expect((await detail(idOf('中华人民共和国行政强制法'))).documentNumber).toBe(
      '中华人民共和国主席令第四十九号（导入修改）',
    );
    const older = await detail(idOf('示例省道路运输管理办法', '2020-01-01'));
    const newer = idOf('示例省道路运输管理办法', '2024-03-01');
    expect(older).toMatchObject({
      kind: 'localGovernmentRule',
      shortTitle: '示例省道路运输管理办法',
      status: 'amended',
      supersededByLaw: { id: newer, effectiveOn: '2024-03-01' },
    });
    expect(older.articles.map((a: { number: string }) => a.number)).toEqual(['第一条', '第二条']);
    expect((await detail(newer)).promulgatedOn).toBe('2024-01-10');

    // Through the console's service functions: each change on the text's ledger stream.
    expect((await ledgerOf(t, idOf('中华人民共和国行政处罚法'))).at(-1)).toEqual({
      kind: 'law.articlesChanged',
      payload: { added: ['第十条', '附则'], updated: ['第九条'], source: 'bulk' },
    });
    expect((await ledgerOf(t, idOf('中华人民共和国行政强制法'))).at(-1)).toEqual({
      kind: 'law.updated',
      payload: { change: { documentNumber: '中华人民共和国主席令第四十九号（导入修改）' } },
    });
    expect((await ledgerOf(t, idOf('示例省道路运输管理办法', '2020-01-01'))).map((e) => e.kind)).toEqual([
      'law.created',
      'law.articlesChanged',
      'law.updated',
    ]);
    expect((await ledgerOf(t, newer)).map((e) => e.kind)).toEqual(['law.created', 'law.articlesChanged']);

    // The edited library exports and re-imports unchanged, 附则 with its ordinal.
    const again = await exportOf(t, reviewer);
    expect((await cellsOf(again)).find((r) => r.条号 === '附则')).toMatchObject({ 排序号: '99000' });
    const same = await importInto(t, reviewer, again, true);
    expect(same.json()).toMatchObject({ created: [], updated: [], articlesAdded: 0, articlesUpdated: 0 });
  });

  it('P3: a sheet with bad rows is refused whole, with row, column and problem for each', async () => {
    const rows = await rowsOf(await exportOf(t, reviewer));
    const penalty = rows.find((r) => r.title === '中华人民共和国行政处罚法')!;
    const law = {
      title: '坏表测试法',
      kind: '法律',
      issuingBody: '测试机关',
      promulgatedOn: '2024-01-01',
      effectiveOn: '2024-02-01',
      number: '第一条',
      text: '条文。',
    };
    const sheet = await sheetOf([
      law,
      { ...law, text: '同一文本又写一遍。' },
      { ...law, title: '层级有误法', kind: '条例' },
      { ...law, title: '日期有误法', promulgatedOn: '2024-02-30' },
      { ...law, title: '施行早于公布法', effectiveOn: '2023-12-31' },
      { ...law, title: '取代有误法', supersededBy: '不存在的法' },
      { ...law, title: '附则有误法', number: '附则' },
      { number: '附则', text: '' },
      { ...penalty, number: '第十一条', ordinal: 900, text: '排序号与第九条相同。' },
      { ...law, title: '取代不明法', supersededBy: '中华人民共和国道路运输条例' },
      { ...law, title: '' },
    ]);
    const before = await databaseFingerprint(t.database);
    const response = await importInto(t, reviewer, sheet, true);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { field: '第3行/名称', message: '与第2行是同一文本（名称和施行日期相同）' },
      {
        field: '第4行/效力层级',
        message: '应为以下之一：法律、行政法规、地方性法规、部门规章、地方政府规章、规范性文件',
      },
      { field: '第5行/公布日期', message: '日期格式应为 YYYY-MM-DD 且为有效日期' },
      { field: '第6行/施行日期', message: '施行日期不能早于公布日期' },
      { field: '第7行/被以下文本取代', message: '法律法规库和本表中都没有《不存在的法》' },
      { field: '第8行/排序号', message: '条号不是“第…条”的写法，请填写排序号' },
      { field: '第9行/条文', message: '不能为空' },
      { field: '第9行/排序号', message: '条号不是“第…条”的写法，请填写排序号' },
      { field: '第9行/条号', message: '与第8行的条号重复' },
      { field: '第10行/排序号', message: '排序号 900 已被第九条使用' },
      {
        field: '第11行/被以下文本取代',
        message:
          '《中华人民共和国道路运输条例》有多个文本，请注明施行日期，如“中华人民共和国道路运输条例（2023-07-20 施行）”',
      },
      { field: '第12行/名称', message: '不能为空' },
    ]);
    expect(response.json().message).toBe('导入文件有 12 处问题，未导入任何法律法规');
    // The real import is refused the same way; nothing was written.
    expect((await importInto(t, reviewer, sheet)).statusCode).toBe(400);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('a missing column, articles before any text and a file that is not a workbook are named', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('法律法规库');
    sheet.addRow(['名称', '效力层级', '制定机关', '公布日期', '施行日期', '条号', '条文内容']);
    sheet.addRow(['测试法', '法律', '测试机关', '2024-01-01', '2024-01-01', '第一条', '条文。']);
    const missing = await importInto(t, reviewer, Buffer.from(await workbook.xlsx.writeBuffer()), true);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: '第1行/表头', message: '第1行（表头）缺少列：“条文”' });
    const orphan = await importInto(
      t,
      reviewer,
      await sheetOf([{ number: '第一条', text: '没有所属文本的条文。' }]),
      true,
    );
    expect(orphan.json().details).toEqual([
      { field: '第2行/名称', message: '条文行之前应有其所属法律法规的一行' },
    ]);
    const notXlsx = await importInto(t, reviewer, Buffer.from('这不是工作簿'), true);
    expect(notXlsx.json()).toMatchObject({ field: 'body.content', message: '文件不是有效的 .xlsx 工作簿' });
  });

  it('P3: everyone signed in may export; only the legal unit and the system administrator may import', async () => {
    const data = await exportOf(t, officer);
    const before = await databaseFingerprint(t.database);
    expect((await importInto(t, officer, data, true)).statusCode).toBe(403);
    expect((await importInto(t, officer, data)).statusCode).toBe(403);
    expect((await t.request(null, { method: 'GET', url: '/api/laws/export' })).statusCode).toBe(401);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });
});
