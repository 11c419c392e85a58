import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';
import { listApiPaths } from '../../test/list-fixtures.js';
import { readSheet, writeWorkbook } from '../../xlsx/sheet.js';
import { type ListKind, listKinds } from './kinds.js';
import { sheetColumns } from './sheet-columns.js';

let t: TestApp;
let drafter: Session; // 承办机构负责人: drafts the lists
let discloser: Session;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  drafter = await t.login('unithead1');
  discloser = await t.login('discloser1');
  officer = await t.login('officer1');
});
afterAll(() => t.close());

const requirement: Record<ListKind, string> = {
  inspectionItem: 'P4',
  serviceGuide: 'P5',
  discretionBenchmark: 'X4',
  exemption: 'Q8',
};

const exportOf = async (kind: ListKind, session = drafter) => {
  const response = await t.request(session, { method: 'GET', url: `${listApiPaths[kind]}/export` });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  expect(response.headers['content-disposition']).toContain('.xlsx');
  return response.rawPayload;
};
const importInto = (kind: ListKind, content: Buffer, dryRun = false, session = drafter) =>
  t.request(session, {
    method: 'POST',
    url: `${listApiPaths[kind]}/import`,
    payload: { content: content.toString('base64'), dryRun },
  });
const listOf = async (kind: ListKind) =>
  (await t.request(drafter, { method: 'GET', url: listApiPaths[kind] })).json().items as {
    id: string;
    status: string;
    pendingVersion: number | null;
    current: { title: string };
  }[];
const detailOf = async (kind: ListKind, id: string) =>
  (await t.request(drafter, { method: 'GET', url: `${listApiPaths[kind]}/${id}` })).json();
/** What a version holds besides its title. */
const substance = (v: { enforcementItem: unknown; basisArticleIds: unknown; content: unknown }) => ({
  enforcementItem: v.enforcementItem,
  basisArticleIds: v.basisArticleIds,
  content: v.content,
});

type Row = Record<string, string>;
/** The sheet's entries, each as its rows of cell texts by column key (an entry starts at its number). */
async function entriesOf(kind: ListKind, data: Buffer): Promise<Row[][]> {
  const entries: Row[][] = [];
  for (const { values } of await readSheet(data, sheetColumns(kind), { maxRows: 5_000 }))
    if (values.id) entries.push([{ ...values }]);
    else entries.at(-1)!.push({ ...values });
  return entries;
}
const sheetOf = (kind: ListKind, entries: Row[][]) =>
  writeWorkbook([{ name: '清单', columns: sheetColumns(kind), rows: entries.flat() }], {
    creator: 'test',
    created: t.now(),
  });
/** The sheet row (as Excel numbers it) where the entry at `index` starts. */
const firstRowOf = (entries: Row[][], index: number) =>
  2 + entries.slice(0, index).reduce((sum, e) => sum + e.length, 0);
const withFirst = (entry: Row[], over: Row) =>
  entry.map((row, i) => (i === 0 ? { ...row, ...over } : { ...row }));
const streamKinds = async (streamId: string) =>
  (
    await t.database.db
      .selectFrom('ledger_event')
      .select('kind')
      .where('stream_id', '=', streamId)
      .orderBy('seq')
      .execute()
  ).map((e) => e.kind);

/** One cell of each kind's own that cannot be read, and one value the kind's rules refuse. */
const damage: Record<ListKind, { unreadable: Row; refused: Row; columns: [string, string] }> = {
  serviceGuide: {
    unreadable: { 'materials.originals': '两份' },
    refused: { statutoryLimitDays: '20', promisedLimitDays: '30' },
    columns: ['原件份数', '承诺办结时限（工作日）'],
  },
  inspectionItem: {
    unreadable: { methods: '现场检查、飞行检查' },
    refused: { samplingRatioPercent: '150' },
    columns: ['检查方式', '抽查比例（%）'],
  },
  discretionBenchmark: {
    unreadable: { 'circumstances.level': '特别严重' },
    refused: {
      enforcementItemId: '',
      'circumstances.fineMinYuan': '5000',
      'circumstances.fineMaxYuan': '100',
    },
    columns: ['情节', '罚款上限（元）'],
  },
  exemption: {
    unreadable: { exemptionKind: '酌情不罚' },
    refused: { exemptionKind: '首违不罚', measures: '' },
    columns: ['不予处罚类型', '配套措施'],
  },
};

describe.each(listKinds.map((kind) => [requirement[kind], kind] as const))(
  '%s: the %s list round-trips through .xlsx',
  (id, kind) => {
    it(`${id}: exports every entry in scope; importing the export reports and changes nothing`, async () => {
      const data = await exportOf(kind);
      const entries = await entriesOf(kind, data);
      expect(entries.map((e) => e[0]!.id).sort()).toEqual((await listOf(kind)).map((i) => i.id).sort());
      expect(entries.length).toBeGreaterThan(0);
      const before = await databaseFingerprint(t.database);
      const dry = await importInto(kind, data, true);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ entries: entries.length, created: [], updated: [], dryRun: true });
      expect(dry.json().unchanged).toHaveLength(entries.length);
      const real = await importInto(kind, data);
      expect(real.statusCode, real.body).toBe(200);
      expect(real.json()).toMatchObject({ created: [], updated: [], dryRun: false });
      expect(await databaseFingerprint(t.database)).toBe(before);
    });

    it(`${id}: a new row becomes a draft identical to its source, an edited row a new version of a published entry, both on the ledger`, async () => {
      const entries = await entriesOf(kind, await exportOf(kind));
      const published = new Set(
        (await listOf(kind)).filter((i) => i.status === 'published' && !i.pendingVersion).map((i) => i.id),
      );
      // The richest published entry: most list rows, a linked item and citations.
      const score = (e: Row[]) =>
        e.length * 4 + (e[0]!.enforcementItemId ? 2 : 0) + (e[0]!.basisArticleIds ? 1 : 0);
      const source = entries.filter((e) => published.has(e[0]!.id!)).sort((a, b) => score(b) - score(a))[0]!;
      const sourceId = source[0]!.id!;
      const before = await detailOf(kind, sourceId);
      const copy = withFirst(source, { id: '', title: `${source[0]!.title}（导入副本）` });
      const edited = withFirst(source, { title: `${source[0]!.title}（修订）` });
      const sheet = await sheetOf(kind, [...entries.map((e) => (e === source ? edited : e)), copy]);

      const fingerprint = await databaseFingerprint(t.database);
      const dry = await importInto(kind, sheet, true);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({
        created: [copy[0]!.title],
        updated: [edited[0]!.title],
        dryRun: true,
      });
      expect(dry.json().unchanged).toHaveLength(entries.length - 1);
      expect(await databaseFingerprint(t.database)).toBe(fingerprint);

      const real = await importInto(kind, sheet);
      expect(real.statusCode, real.body).toBe(200);
      const created = (await listOf(kind)).find((i) => i.current.title === copy[0]!.title)!;
      expect(created).toMatchObject({ status: 'draft', latestVersion: 1 });
      expect(substance((await detailOf(kind, created.id)).current)).toEqual(substance(before.current));
      expect(await streamKinds(`${kind}:${created.id}`)).toContain('listEntry.created');

      const after = await detailOf(kind, sourceId);
      expect(after).toMatchObject({
        latestVersion: before.latestVersion + 1,
        publishedVersion: before.publishedVersion,
        pendingVersion: before.latestVersion + 1,
      });
      expect(after.current).toMatchObject({
        title: edited[0]!.title,
        state: 'draft',
        changeNote: '表格导入',
      });
      expect(substance(after.current)).toEqual(substance(before.current));
      expect((await streamKinds(`${kind}:${sourceId}`)).at(-1)).toBe('listEntry.edited');

      // The new state exports and re-imports unchanged.
      const again = await importInto(kind, await exportOf(kind), true);
      expect(again.json()).toMatchObject({ created: [], updated: [], entries: entries.length + 1 });
    });

    it(`${id}: every bad row is reported by row and column, and nothing is written`, async () => {
      const entries = await entriesOf(kind, await exportOf(kind));
      const template = entries[0]!;
      const { unreadable, refused, columns } = damage[kind];
      const titleHeader = sheetColumns(kind).find((c) => c.key === 'title')!.header;
      const bad = [
        withFirst(template, { id: '00000000-0000-4000-8000-000000000000' }),
        withFirst(template, {
          id: '',
          enforcementItemId: 'NO-SUCH-ITEM',
          basisArticleIds: '《无此法规》第一条',
          ...unreadable,
        }),
        withFirst(template, { id: '', ...refused }),
        withFirst(template, { id: '', title: '' }),
      ];
      const sheet = [...entries, ...bad];
      const at = (index: number) => firstRowOf(sheet, entries.length + index);
      const before = await databaseFingerprint(t.database);
      const response = await importInto(kind, await sheetOf(kind, sheet));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().message).toContain('未导入任何');
      const fields = response.json().details.map((d: { field: string }) => d.field);
      expect(fields).toEqual([
        `第${at(0)}行/条目编号（新增留空）`,
        `第${at(1)}行/权责清单事项编码`,
        `第${at(1)}行/引用条文`,
        `第${at(1)}行/${columns[0]}`,
        `第${at(2)}行/${columns[1]}`,
        `第${at(3)}行/${titleHeader}`,
      ]);
      expect(await databaseFingerprint(t.database)).toBe(before);
    });

    it(`${id}: only the lists' drafters may import; an officer may export but gets 403 on import`, async () => {
      const data = await exportOf(kind, officer);
      const before = await databaseFingerprint(t.database);
      expect((await importInto(kind, data, true, officer)).statusCode).toBe(403);
      expect((await importInto(kind, data, false, officer)).statusCode).toBe(403);
      expect((await importInto(kind, data, false, discloser)).statusCode).toBe(403);
      expect(await databaseFingerprint(t.database)).toBe(before);
    });
  },
);

describe('P4: imports respect the publication workflow', () => {
  it('P4: an entry awaiting review cannot be changed by a sheet, and is left alone when unchanged', async () => {
    const kind = 'inspectionItem';
    const submitted = (await listOf(kind)).find((i) => i.status === 'submitted')!;
    const entries = await entriesOf(kind, await exportOf(kind));
    const index = entries.findIndex((e) => e[0]!.id === submitted.id);
    const before = await databaseFingerprint(t.database);
    expect((await importInto(kind, await sheetOf(kind, entries))).statusCode).toBe(200);
    const changed = entries.map((e, i) => (i === index ? withFirst(e, { frequency: '每季度一次' }) : e));
    const response = await importInto(kind, await sheetOf(kind, changed), true);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      {
        field: `第${firstRowOf(entries, index)}行/条目编号（新增留空）`,
        message: expect.stringContaining('待审核'),
      },
    ]);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('P4: a file that is not a workbook is a 400 naming the content', async () => {
    const response = await importInto('inspectionItem', Buffer.from('这不是表格'));
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('body.content');
  });
});
