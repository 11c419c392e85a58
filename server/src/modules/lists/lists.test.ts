import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../ledger/append.js';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';
import { bodySchemas } from './kinds.js';
import { createEntry } from './service.js';

let t: TestApp;
let drafter: Session; // 承办机构负责人
let discloser: Session;
let officer: Session;
let countyId = '';
let cityId = '';

beforeAll(async () => {
  t = await createTestApp();
  drafter = await t.login('unithead1');
  discloser = await t.login('discloser1');
  officer = await t.login('officer1');
  const agency = async (name: string) =>
    (await t.database.db.selectFrom('agency').select('id').where('name', '=', name).executeTakeFirstOrThrow())
      .id;
  countyId = await agency('示例县交通运输局');
  cityId = await agency('示例市交通运输局');
});
afterAll(() => t.close());

const get = (session: Session | null, url: string) => t.request(session, { method: 'GET', url });
const post = (session: Session, url: string, payload: object = {}) =>
  t.request(session, { method: 'POST', url, payload });
const put = (session: Session, url: string, payload: object) =>
  t.request(session, { method: 'PUT', url, payload });
const portal = (url: string) => t.app.inject({ method: 'GET', url });

let serial = 0;
const guideBody = (over: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    title: `测试许可事项${serial}`,
    basis: '《中华人民共和国道路运输条例》第二十四条',
    acceptingBody: '示例县交通运输局政务服务窗口',
    approvingBody: '示例县交通运输局',
    conditions:
      '有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。',
    materials: [
      { name: '道路货物运输经营申请表', originals: 1, copies: 0 },
      { name: '负责人身份证明', originals: 1, copies: 1, note: '核验原件后退还' },
    ],
    steps: [
      { name: '申请', description: '申请人提交材料' },
      { name: '受理' },
      { name: '审查与决定' },
      { name: '送达' },
    ],
    statutoryLimitDays: 20,
    promisedLimitDays: 10,
    limitNote: '不含现场核查时间',
    fees: '不收费',
    supervision: '监督电话：0999-12345678',
    accountability: '工作人员违法办理的，依法追究责任',
    remedies: '对决定不服的，可依法申请行政复议或者提起行政诉讼',
    officeHours: '工作日 9:00—12:00，13:30—17:30',
    address: '示例县政务服务中心二楼',
    phone: '0999-1234567',
    ...over,
  };
};
const inspectionBody = (over: Record<string, unknown> = {}) => ({
  title: '道路运输企业安全生产检查',
  inspectingBody: '示例县交通运输局',
  basis: '《中华人民共和国安全生产法》第六十五条',
  targets: '辖区内道路旅客运输、危险货物运输企业',
  inspectionContent: '安全生产责任制落实、动态监控、驾驶员管理',
  samplingRatioPercent: 5,
  methods: ['onSite', 'documentary'],
  frequency: '每年不少于 1 次',
  ...over,
});
const benchmarkBody = (over: Record<string, unknown> = {}) => ({
  title: '未取得道路运输经营许可擅自从事道路普通货物运输经营',
  violatedProvision: '《中华人民共和国道路运输条例》第二十四条',
  penaltyProvision: '《中华人民共和国道路运输条例》第六十三条',
  statutoryPenalty: '责令停止经营；有违法所得的，没收违法所得，处违法所得 2 倍以上 10 倍以下的罚款',
  circumstances: [
    { level: 'minor', description: '首次被查处，无违法所得', fineMinYuan: 10_000, fineMaxYuan: 30_000 },
    { level: 'general', description: '经营一个月以上', fineMinYuan: 30_000, fineMaxYuan: 60_000 },
    { level: 'severe', description: '造成事故', fineMinYuan: 80_000, fineMaxYuan: 100_000 },
  ],
  ...over,
});
const exemptionBody = (over: Record<string, unknown> = {}) => ({
  title: '道路货物运输车辆未随车携带道路运输证',
  violatedProvision: '《中华人民共和国道路运输条例》第三十四条',
  exemptionKind: 'firstViolation',
  conditions: '初次违法，能当场出示电子证照或在规定期限内补正',
  measures: '责令改正，批评教育',
  ...over,
});

async function ledger(streamId: string) {
  return t.database.db
    .selectFrom('ledger_event')
    .select(['kind', 'payload'])
    .where('stream_id', '=', streamId)
    .orderBy('seq')
    .execute();
}

async function createGuide(over: Record<string, unknown> = {}) {
  const response = await post(drafter, '/api/service-guides', guideBody(over));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function publish(path: string, id: string, correctionNote?: string) {
  expect((await post(drafter, `/api/${path}/${id}/submit`)).statusCode).toBe(200);
  const published = await post(
    discloser,
    `/api/${path}/${id}/publish`,
    correctionNote ? { correctionNote } : {},
  );
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

describe('P5: service guides through the publication workflow', () => {
  it('P5: creates a draft guide with every field, a ledger event and no public page yet', async () => {
    const guide = await createGuide({ title: '道路货物运输经营许可（测试）' });
    expect(guide).toMatchObject({
      kind: 'serviceGuide',
      status: 'draft',
      latestVersion: 1,
      publishedVersion: null,
      agency: { name: '示例县交通运输局' },
      current: {
        title: '道路货物运输经营许可（测试）',
        state: 'draft',
        content: { promisedLimitDays: 10, statutoryLimitDays: 20, fees: '不收费' },
      },
      actions: { edit: true, submit: true, publish: false },
    });
    expect(guide.current.content.materials[0]).toEqual({
      name: '道路货物运输经营申请表',
      originals: 1,
      copies: 0,
      note: '',
    });
    const events = await ledger(`serviceGuide:${guide.id}`);
    expect(events.map((e) => e.kind)).toEqual(['listEntry.created']);
    expect(events[0]!.payload).toMatchObject({
      listKind: 'serviceGuide',
      title: '道路货物运输经营许可（测试）',
    });
    expect((await portal(`/guides/${guide.id}`)).statusCode).toBe(404);
    expect((await portal('/guides?q=道路货物运输经营许可（测试）')).body).toContain('共 0 项服务指南');
  });

  it('P5, P11: edit in place → submit → publish; the portal shows the guide, printable, with JavaScript off', async () => {
    const guide = await createGuide();
    const edited = await put(
      drafter,
      `/api/service-guides/${guide.id}`,
      guideBody({ title: '机动车维修经营备案（测试）' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      latestVersion: 1,
      current: { title: '机动车维修经营备案（测试）' },
    });
    const submitted = await post(drafter, `/api/service-guides/${guide.id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted', actions: { edit: false, submit: false } });
    // A submitted version cannot be edited.
    const refused = await put(drafter, `/api/service-guides/${guide.id}`, guideBody());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('待审核');
    const published = await post(discloser, `/api/service-guides/${guide.id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect((await ledger(`serviceGuide:${guide.id}`)).map((e) => e.kind)).toEqual([
      'listEntry.created',
      'listEntry.edited',
      'publication.submitted',
      'publication.published',
    ]);

    const page = await portal(`/guides/${guide.id}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    for (const shown of [
      '机动车维修经营备案（测试）服务指南',
      '示例县交通运输局政务服务窗口',
      '《中华人民共和国道路运输条例》第二十四条',
      '道路货物运输经营申请表',
      '核验原件后退还',
      '20 个工作日',
      '10 个工作日（不含现场核查时间）',
      '不收费',
      '监督电话：0999-12345678',
      '依法申请行政复议或者提起行政诉讼',
      '工作日 9:00—12:00，13:30—17:30',
      '示例县政务服务中心二楼',
      '0999-1234567',
      '@media print',
    ])
      expect(html, shown).toContain(shown);
    expect(html).not.toContain('<script');
    const search = await portal(`/guides?q=${encodeURIComponent('机动车维修')}`);
    expect(search.body).toContain(`href="/guides/${guide.id}"`);
    expect(search.body).toContain('<label for="guide-search">');
  });

  it('P11: return needs a reason; a correction needs a note and keeps the old version as superseded', async () => {
    const guide = await createGuide({ title: '道路旅客运输站经营许可（测试）' });
    await post(drafter, `/api/service-guides/${guide.id}/submit`);
    const noReason = await post(discloser, `/api/service-guides/${guide.id}/return`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('body.reason');
    const returned = await post(discloser, `/api/service-guides/${guide.id}/return`, {
      reason: '材料清单不完整',
    });
    expect(returned.json()).toMatchObject({ status: 'draft' });
    await publish('service-guides', guide.id);

    // Editing a published guide opens version 2; the portal still shows version 1.
    const v2 = await put(
      drafter,
      `/api/service-guides/${guide.id}`,
      guideBody({
        title: '道路旅客运输站经营许可（测试）',
        promisedLimitDays: 8,
        changeNote: '压缩承诺时限',
      }),
    );
    expect(v2.json()).toMatchObject({
      latestVersion: 2,
      publishedVersion: 1,
      pendingVersion: 2,
      status: 'published',
    });
    expect((await portal(`/guides/${guide.id}`)).body).toContain('10 个工作日');
    await post(drafter, `/api/service-guides/${guide.id}/submit`);
    const noNote = await post(discloser, `/api/service-guides/${guide.id}/publish`, {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().field).toBe('body.correctionNote');
    const corrected = await post(discloser, `/api/service-guides/${guide.id}/publish`, {
      correctionNote: '承诺时限由 10 个工作日压缩为 8 个工作日',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const detail = (await get(drafter, `/api/service-guides/${guide.id}`)).json();
    expect(detail.versions.map((v: { state: string }) => v.state)).toEqual(['superseded', 'published']);
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      'drafted',
      'submitted',
      'returned',
      'submitted',
      'published',
      'drafted',
      'submitted',
      'superseded',
      'corrected',
    ]);
    const old = (await get(drafter, `/api/service-guides/${guide.id}?version=1`)).json();
    expect(old.selected).toMatchObject({
      version: 1,
      state: 'superseded',
      content: { promisedLimitDays: 10 },
    });
    const page = (await portal(`/guides/${guide.id}`)).body;
    expect(page).toContain('8 个工作日');
    expect(page).toContain('第 2 版');
    expect(page).toContain('更正：承诺时限由 10 个工作日压缩为 8 个工作日');
    expect((await ledger(`serviceGuide:${guide.id}`)).map((e) => e.kind)).toContain('publication.corrected');
  });

  it('P11: withdrawal needs a reason and takes the guide off the portal at once', async () => {
    const guide = await createGuide({ title: '撤下测试指南' });
    await publish('service-guides', guide.id);
    expect((await portal(`/guides/${guide.id}`)).statusCode).toBe(200);
    const noReason = await post(discloser, `/api/service-guides/${guide.id}/withdraw`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('body.reason');
    const withdrawn = await post(discloser, `/api/service-guides/${guide.id}/withdraw`, {
      reason: '事项已取消',
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await portal(`/guides/${guide.id}`)).statusCode).toBe(404);
    expect((await portal('/guides?q=撤下测试指南')).body).toContain('共 0 项服务指南');
    // Withdrawing again names the state.
    const again = await post(discloser, `/api/service-guides/${guide.id}/withdraw`, { reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect((await ledger(`serviceGuide:${guide.id}`)).at(-1)).toMatchObject({
      kind: 'publication.withdrawn',
      payload: { reason: '事项已取消' },
    });
  });

  it('P11: a version that left draft is frozen by the database itself', async () => {
    const guide = await createGuide();
    await publish('service-guides', guide.id);
    await expect(
      sql`UPDATE list_entry_version SET title = 'tampered' WHERE entry_id = ${guide.id}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/no longer a draft/);
    await expect(
      sql`DELETE FROM list_entry_version WHERE entry_id = ${guide.id}`.execute(t.database.db),
    ).rejects.toThrow(/no longer a draft/);
  });
});

describe('bad input names the field and writes nothing', () => {
  it('P4, P5, X4, Q8: each kind refuses what its rules forbid', async () => {
    const foreignItem = await t.database.db
      .insertInto('enforcement_item')
      .values({ agency_id: cityId, code: 'CITY-1', created_at: t.now(), updated_at: t.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cases: [string, object, number, string][] = [
      ['service-guides', guideBody({ promisedLimitDays: 30 }), 400, 'body.promisedLimitDays'],
      ['service-guides', guideBody({ materials: [] }), 400, 'body.materials'],
      ['service-guides', guideBody({ materials: [{ name: '' }] }), 400, 'body.materials.0.name'],
      ['service-guides', guideBody({ statutoryLimitDays: 0 }), 400, 'body.statutoryLimitDays'],
      ['service-guides', guideBody({ phone: undefined }), 400, 'body.phone'],
      ['service-guides', guideBody({ unknown: 1 }), 400, 'body.unknown'],
      ['service-guides', guideBody({ enforcementItemId: foreignItem.id }), 400, 'body.enforcementItemId'],
      [
        'service-guides',
        guideBody({ basisArticleIds: ['00000000-0000-4000-8000-000000000000'] }),
        400,
        'body.basisArticleIds',
      ],
      ['inspection-items', inspectionBody({ samplingRatioPercent: 0 }), 400, 'body.samplingRatioPercent'],
      ['inspection-items', inspectionBody({ samplingRatioPercent: 120 }), 400, 'body.samplingRatioPercent'],
      ['inspection-items', inspectionBody({ methods: ['telepathy'] }), 400, 'body.methods.0'],
      ['inspection-items', inspectionBody({ methods: [] }), 400, 'body.methods'],
      [
        'discretion-benchmarks',
        benchmarkBody({
          circumstances: [{ level: 'general', description: '一般', fineMinYuan: 500, fineMaxYuan: 100 }],
        }),
        400,
        'body.circumstances.0.fineMaxYuan',
      ],
      [
        'discretion-benchmarks',
        benchmarkBody({
          circumstances: [
            { level: 'serious', description: '较重', fineMinYuan: 100, fineMaxYuan: 200 },
            { level: 'minor', description: '轻微', fineMinYuan: 300, fineMaxYuan: 400 },
          ],
        }),
        400,
        'body.circumstances.0.fineMinYuan',
      ],
      ['discretion-benchmarks', benchmarkBody({ circumstances: [] }), 400, 'body.circumstances'],
      [
        'discretion-benchmarks',
        benchmarkBody({
          circumstances: [{ level: 'extreme', description: 'x', fineMinYuan: 1, fineMaxYuan: 2 }],
        }),
        400,
        'body.circumstances.0.level',
      ],
      ['exemptions', exemptionBody({ exemptionKind: 'becauseISaidSo' }), 400, 'body.exemptionKind'],
      ['exemptions', exemptionBody({ conditions: '' }), 400, 'body.conditions'],
    ];
    const before = await databaseFingerprint(t.database);
    for (const [path, body, status, field] of cases) {
      const response = await post(drafter, `/api/${path}`, body);
      expect(response.statusCode, `${path} ${field}: ${response.body}`).toBe(status);
      expect(response.json().field, `${path}: ${response.body}`).toBe(field);
    }
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('X4: a benchmark must stay inside the statutory range of the enforcement item it belongs to', async () => {
    const item = await t.database.db
      .insertInto('enforcement_item')
      .values({ agency_id: countyId, code: 'X4-RANGE', created_at: t.now(), updated_at: t.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('enforcement_item_version')
      .values({
        item_id: item.id,
        agency_id: countyId,
        version: 1,
        name: '未取得道路运输经营许可擅自从事经营',
        type: 'penalty',
        category: '交通运输',
        duties: '查处',
        penalty_kinds: ['fine'],
        fine_min_yuan: 10_000,
        fine_max_yuan: 100_000,
        created_at: t.now(),
        updated_at: t.now(),
      })
      .execute();
    const outside = await post(
      drafter,
      '/api/discretion-benchmarks',
      benchmarkBody({
        enforcementItemId: item.id,
        circumstances: [{ level: 'severe', description: '严重', fineMinYuan: 80_000, fineMaxYuan: 150_000 }],
      }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ field: 'body.circumstances.0.fineMaxYuan' });
    expect(outside.json().message).toContain('法定罚款上限');
    const inside = await post(
      drafter,
      '/api/discretion-benchmarks',
      benchmarkBody({ enforcementItemId: item.id }),
    );
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json().current.enforcementItem).toMatchObject({ id: item.id, code: 'X4-RANGE' });
  });
});

describe('roles and scope', () => {
  let foreignId = '';
  beforeAll(async () => {
    // Another agency's guide, published, written through the service as that agency would.
    const body = bodySchemas.serviceGuide.parse(guideBody({ title: '市局的服务指南' }));
    foreignId = await t.database.db.transaction().execute(async (trx) => {
      const actor = { id: null, name: '市局', now: t.now() };
      const record = ((event: Parameters<typeof appendEvent>[1]) =>
        appendEvent(trx, { ...event, actorId: null }, t.now())) as never;
      const entry = await createEntry(trx, record, 'serviceGuide', cityId, body, actor);
      return entry.id;
    });
  });

  it("another agency's record answers 404 to every route, and is not listed", async () => {
    expect((await get(drafter, `/api/service-guides/${foreignId}`)).statusCode).toBe(404);
    expect((await put(drafter, `/api/service-guides/${foreignId}`, guideBody())).statusCode).toBe(404);
    expect((await post(drafter, `/api/service-guides/${foreignId}/submit`)).statusCode).toBe(404);
    expect((await post(discloser, `/api/service-guides/${foreignId}/publish`, {})).statusCode).toBe(404);
    const list = (await get(drafter, '/api/service-guides')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(foreignId);
    // A record of one kind is not found under another kind's path.
    const guide = await createGuide();
    expect((await get(drafter, `/api/inspection-items/${guide.id}`)).statusCode).toBe(404);
  });

  it('officers read but do not draft; drafters do not publish; the disclosure officer does not draft', async () => {
    expect((await get(officer, '/api/service-guides')).statusCode).toBe(200);
    expect((await post(officer, '/api/service-guides', guideBody())).statusCode).toBe(403);
    expect((await post(discloser, '/api/service-guides', guideBody())).statusCode).toBe(403);
    const guide = await createGuide();
    await post(drafter, `/api/service-guides/${guide.id}/submit`);
    expect((await post(drafter, `/api/service-guides/${guide.id}/publish`, {})).statusCode).toBe(403);
    const viewed = (await get(officer, `/api/service-guides/${guide.id}`)).json();
    expect(viewed.actions).toEqual({
      edit: false,
      submit: false,
      return: false,
      publish: false,
      withdraw: false,
    });
    const asDiscloser = (await get(discloser, `/api/service-guides/${guide.id}`)).json();
    expect(asDiscloser.actions).toMatchObject({ return: true, publish: true, edit: false });
    expect((await get(null, '/api/service-guides')).statusCode).toBe(401);
  });
});

describe('P4, X4, Q8: the published lists on the portal (JavaScript off)', () => {
  let inspectionId = '';
  beforeAll(async () => {
    const inspection = await post(
      drafter,
      '/api/inspection-items',
      inspectionBody({
        title: '驾驶员培训机构检查（测试）',
        methods: ['onlineMonitoring'],
        samplingRatioPercent: 3.5,
      }),
    );
    expect(inspection.statusCode, inspection.body).toBe(201);
    inspectionId = inspection.json().id;
    await publish('inspection-items', inspectionId);
    const benchmark = await post(drafter, '/api/discretion-benchmarks', benchmarkBody());
    await publish('discretion-benchmarks', benchmark.json().id);
    const exemption = await post(drafter, '/api/exemptions', exemptionBody());
    expect(exemption.json().current.content.exemptionBasis).toBe(
      '《中华人民共和国行政处罚法》第三十三条第一款',
    );
    await publish('exemptions', exemption.json().id);
    // A draft never shows.
    await post(drafter, '/api/inspection-items', inspectionBody({ title: '未发布的草稿检查事项' }));
  });

  it('P4: the inspection list shows body, basis, targets, content, ratio, method and frequency; search by any of them', async () => {
    const all = (await portal('/inspections')).body;
    for (const shown of [
      '驾驶员培训机构检查（测试）',
      '示例县交通运输局',
      '《中华人民共和国安全生产法》第六十五条',
      '辖区内道路旅客运输、危险货物运输企业',
      '安全生产责任制落实',
      '3.5%',
      '网络监测',
      '每年不少于 1 次',
    ])
      expect(all, shown).toContain(shown);
    expect(all).not.toContain('未发布的草稿检查事项');
    for (const q of ['网络监测', '驾驶员培训', '危险货物', '安全生产法'])
      expect((await portal(`/inspections?q=${encodeURIComponent(q)}`)).body, q).toContain(
        '驾驶员培训机构检查（测试）',
      );
    const none = (await portal(`/inspections?q=${encodeURIComponent('没有这种检查')}`)).body;
    expect(none).toContain('没有找到符合条件的随机抽查事项');
    expect(none).toContain('共 0 项随机抽查事项');
  });

  it('X4: the benchmark shows each circumstance with its fine range', async () => {
    const html = (await portal(`/benchmarks?q=${encodeURIComponent('擅自从事道路普通货物运输')}`)).body;
    for (const shown of [
      '轻微',
      '一般',
      '严重',
      '1万元以上3万元以下',
      '3万元以上6万元以下',
      '8万元以上10万元以下',
      '首次被查处，无违法所得',
    ])
      expect(html, shown).toContain(shown);
  });

  it('Q8: the exemption list shows the ground, its conditions and basis; searchable by the ground', async () => {
    const html = (await portal(`/exemptions?q=${encodeURIComponent('首违不罚')}`)).body;
    for (const shown of [
      '道路货物运输车辆未随车携带道路运输证',
      '首违不罚',
      '第三十三条第一款',
      '责令改正，批评教育',
    ])
      expect(html, shown).toContain(shown);
  });

  it('P12: odd search input never fails a page; bad paging is a 400; unknown guides are an HTML 404', async () => {
    for (const path of ['/guides', '/inspections', '/benchmarks', '/exemptions'])
      for (const q of ['%', '_', '\\', "'", '%00', 'ＡＢＣ']) {
        const response = await portal(`${path}?q=${encodeURIComponent(q)}`);
        expect(response.statusCode, `${path} ${q}`).toBe(200);
        expect(response.body).not.toContain('<script');
      }
    expect((await portal('/guides?page=0')).statusCode).toBe(400);
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', inspectionId]) {
      const response = await portal(`/guides/${id}`);
      expect(response.statusCode, id).toBe(404);
      expect(response.body).toContain('页面不存在');
    }
  });
});

describe('demo: 示例县交通运输局 publishes its lists', () => {
  it('P4, P5, X4, Q8: three guides, five published inspection items (one waiting), three benchmarks, five exemptions', async () => {
    const titles = async (path: string) =>
      (await get(drafter, path))
        .json()
        .items.filter((i: { current: { createdBy: string | null } }) => i.current.createdBy === '郑局长');
    const guides = await titles('/api/service-guides');
    expect(guides.map((g: { current: { title: string } }) => g.current.title).sort()).toEqual(
      ['机动车维修经营备案', '道路旅客运输站经营许可', '道路货物运输经营许可'].sort(),
    );
    expect(guides.every((g: { status: string }) => g.status === 'published')).toBe(true);
    const inspections = await titles('/api/inspection-items');
    expect(inspections).toHaveLength(6);
    expect(inspections.filter((i: { status: string }) => i.status === 'submitted')).toHaveLength(1);
    const benchmarks = await titles('/api/discretion-benchmarks');
    expect(benchmarks).toHaveLength(3);
    expect(await titles('/api/exemptions')).toHaveLength(5);

    // Linked to the demo power list and cited from the demo law library.
    const freight = guides.find(
      (g: { current: { title: string } }) => g.current.title === '道路货物运输经营许可',
    );
    expect(freight.current.enforcementItem).toMatchObject({ code: 'JT-XK-001' });
    expect(freight.current.citations).toContain('第二十一条');
    const unlicensed = benchmarks.find((b: { current: { title: string } }) =>
      b.current.title.startsWith('未取得道路运输经营许可'),
    );
    expect(unlicensed.current.enforcementItem).toMatchObject({ code: 'JT-CF-001' });

    const portalGuides = (await portal('/guides')).body;
    for (const title of ['道路货物运输经营许可', '道路旅客运输站经营许可', '机动车维修经营备案'])
      expect(portalGuides).toContain(title);
    const exemptions = (await portal('/exemptions')).body;
    for (const ground of ['首违不罚', '轻微不罚', '无主观过错不罚']) expect(exemptions).toContain(ground);
    expect((await portal('/inspections')).body).not.toContain('货运源头单位装载检查');
  });
});
